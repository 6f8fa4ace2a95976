#pragma once
/// Number and text formatting shared by every renderer: table cells, CSV fields, checks.

#include <optional>
#include <string>
#include <string_view>

namespace estab::report {

/// What a table cell shows for a value that does not exist (JSON null).
inline constexpr std::string_view kNullCell = "-";

/// Throws std::logic_error when `value` is NaN or infinite; `what` names the figure.
void require_finite(double value, std::string_view what);

/// `value` rounded to `places` decimals, half away from zero, after scaling by 10^scale_power.
/// Rounding works on the shortest decimal form of the double (the digits a user would type),
/// so 1.005 gives "1.01" and 0.0225 at scale 2 gives "2.3", as a spreadsheet would show them.
/// A result that rounds to zero never carries a minus sign.
std::string round_decimal(double value, int places, int scale_power = 0);

/// The shortest text that reads back as the same double, e.g. "0.045", "-1.5", "260".
std::string format_shortest(double value);

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

/// A run of decimal digits with a comma between each group of three: "1234567" → "1,234,567".
std::string group_thousands(std::string_view digits);

/// Text safe for a terminal: control characters (C0, DEL, C1) become '?', so that input text
/// can never move the cursor or start an escape sequence.
std::string printable(std::string_view text);

/// The number of columns `text` takes on a terminal: one per UTF-8 code point.
std::size_t display_width(std::string_view text);

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
