// Figures as table text: WTE, hours, percentages and pounds, and Markdown-safe text.

#include "report/text_format.hpp"

#include <fmt/format.h>

namespace estab::report {

std::string format_wte(double wte) {
  return round_decimal(wte, 2);
}

std::string format_wte(const std::optional<double>& wte) {
  return wte ? format_wte(*wte) : std::string(kNullCell);
}

std::string format_hours(double hours) {
  return round_decimal(hours, 1);
}

std::string format_hours(const std::optional<double>& hours) {
  return hours ? format_hours(*hours) : std::string(kNullCell);
}

std::string format_percent(double fraction) {
  return round_decimal(fraction, 1, 2) + "%";
}

std::string format_percent(const std::optional<double>& fraction) {
  return fraction ? format_percent(*fraction) : std::string(kNullCell);
}

std::string format_money(double pounds) {
  const std::string whole = round_decimal(pounds, 0);
  if (whole.front() == '-') {
    return "-£" + group_thousands(std::string_view(whole).substr(1));
  }
  return "£" + group_thousands(whole);
}

std::string format_money(const std::optional<double>& pounds) {
  return pounds ? format_money(*pounds) : std::string(kNullCell);
}

std::string escape_markdown(std::string_view text, MarkdownContext context) {
  constexpr std::string_view kInlineMarkup = "\\`*_[]<>|~&";
  const std::string safe = printable(text);
  std::string escaped;
  escaped.reserve(safe.size() + safe.size() / 4);
  // A leading "-", "+" or "=" could start a list or an underline, and "12." or "12)" an
  // ordered list; the marker is escaped so that the text stays a paragraph.
  std::size_t leading_marker = std::string::npos;
  if (context == MarkdownContext::Paragraph && !safe.empty()) {
    const std::size_t first_non_digit = safe.find_first_not_of("0123456789");
    if (safe.front() == '-' || safe.front() == '+' || safe.front() == '=') {
      leading_marker = 0;
    } else if (first_non_digit != 0 && first_non_digit != std::string::npos &&
               (safe[first_non_digit] == '.' || safe[first_non_digit] == ')')) {
      leading_marker = first_non_digit;
    }
  }
  for (std::size_t index = 0; index < safe.size(); ++index) {
    const char character = safe[index];
    const bool markup = kInlineMarkup.find(character) != std::string_view::npos ||
                        (character == '#' && context != MarkdownContext::Cell) ||
                        index == leading_marker;
    if (markup) {
      escaped.push_back('\\');
    }
    escaped.push_back(character);
  }
  return escaped;
}

}  // namespace estab::report
