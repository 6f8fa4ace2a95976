#pragma once
/// Figures as the text of table cells and checks: WTE, hours, percentages and pounds.

#include <optional>
#include <string>
#include <string_view>

#include "estab/text.hpp"

namespace estab::report {

using estab::display_width;
using estab::format_shortest;
using estab::group_thousands;
using estab::printable;
using estab::require_finite;
using estab::round_decimal;

/// What a table cell shows for a value that does not exist (JSON null).
inline constexpr std::string_view kNullCell = "-";

/// WTE to two decimals: "12.35".
std::string format_wte(double wte);

/// WTE to two decimals, or the null marker.
std::string format_wte(const std::optional<double>& wte);

/// Hours to one decimal: "202.5".
std::string format_hours(double hours);

/// Hours to one decimal, or the null marker.
std::string format_hours(const std::optional<double>& hours);

/// A fraction as a percentage to one decimal: 0.045 → "4.5%".
std::string format_percent(double fraction);

/// A fraction as a percentage to one decimal, or the null marker.
std::string format_percent(const std::optional<double>& fraction);

/// Pounds to whole pounds with thousands separators: "£1,234,567", "-£1,234".
std::string format_money(double pounds);

/// Pounds as format_money, or the null marker.
std::string format_money(const std::optional<double>& pounds);

/// Where escaped text stands in a Markdown document, which decides what must be escaped.
enum class MarkdownContext {
  Cell,       ///< inside a table cell or other inline text
  Heading,    ///< the text of an ATX heading: '#' escaped as well
  Paragraph,  ///< a paragraph or list item: '#' and a leading block marker escaped as well
};

/// Text safe in GitHub-flavoured Markdown: printable, with a backslash before every character
/// that could start inline markup, raw HTML or an entity, or end a table cell
/// (\ ` * _ [ ] < > | ~ &), plus what `context` needs (see MarkdownContext).
std::string escape_markdown(std::string_view text, MarkdownContext context);

}  // namespace estab::report
