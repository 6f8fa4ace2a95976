// Number formatting for tables and CSV: decimal rounding, percentages, pounds, safe text.

#include "report/text_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace estab::report {

namespace {

/// A finite double as its shortest decimal digits: value = 0.digits × 10^point_position.
struct DecimalDigits {
  bool negative = false;
  std::string digits;      ///< no leading zeros, at least one digit
  int point_position = 0;  ///< how many of `digits` stand before the decimal point
};

DecimalDigits shortest_digits(double value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  if (result.ec != std::errc()) {
    throw std::logic_error("report: cannot convert a number to text");
  }
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  DecimalDigits decimal;
  std::size_t position = 0;
  if (text[position] == '-') {
    decimal.negative = true;
    ++position;
  }
  const std::size_t exponent_mark = text.find('e', position);
  for (std::size_t index = position; index < exponent_mark; ++index) {
    if (text[index] != '.') {
      decimal.digits.push_back(text[index]);
    }
  }
  const std::string exponent_text(text.substr(exponent_mark + 1));
  decimal.point_position = std::atoi(exponent_text.c_str()) + 1;
  return decimal;
}

/// Adds one to a string of decimal digits, e.g. "199" → "200", "99" → "100".
void increment_digits(std::string& digits) {
  for (auto digit = digits.rbegin(); digit != digits.rend(); ++digit) {
    if (*digit != '9') {
      ++*digit;
      return;
    }
    *digit = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

void require_finite(double value, std::string_view what) {
  if (!std::isfinite(value)) {
    throw std::logic_error(fmt::format("report: {} is not a finite number", what));
  }
}

std::string round_decimal(double value, int places, int scale_power) {
  require_finite(value, "a value to format");
  DecimalDigits decimal = shortest_digits(value);
  if (value == 0.0) {
    decimal.digits = "0";
    decimal.point_position = 1;
  }
  decimal.point_position += scale_power;

  // `kept` holds the value × 10^places as an integer, before and after rounding.
  const int kept_count = decimal.point_position + places;
  std::string kept;
  bool round_up = false;
  if (kept_count >= 0) {
    const auto count = static_cast<std::size_t>(kept_count);
    kept = decimal.digits.substr(0, count);
    kept.resize(count, '0');
    round_up = count < decimal.digits.size() && decimal.digits[count] >= '5';
  }
  if (kept.empty()) {
    kept = "0";
  }
  if (round_up) {
    increment_digits(kept);
  }
  kept.erase(0, std::min(kept.find_first_not_of('0'), kept.size() - 1));  // "000" → "0"

  const auto fraction_count = static_cast<std::size_t>(places);
  if (kept.size() <= fraction_count) {
    kept.insert(0, fraction_count + 1 - kept.size(), '0');
  }
  const bool is_zero = kept.find_first_not_of('0') == std::string::npos;
  std::string text = (decimal.negative && !is_zero) ? "-" : "";
  text += kept.substr(0, kept.size() - fraction_count);
  if (fraction_count > 0) {
    text += '.';
    text += kept.substr(kept.size() - fraction_count);
  }
  return text;
}

std::string format_shortest(double value) {
  require_finite(value, "a value to write");
  return fmt::format("{}", value);
}

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

std::string group_thousands(std::string_view digits) {
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) {
      grouped.push_back(',');
    }
    grouped.push_back(digits[index]);
  }
  return grouped;
}

std::string printable(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    const bool c0_or_delete = byte < 0x20 || byte == 0x7F;
    // C1 controls (U+0080–U+009F) are 0xC2 followed by 0x80–0x9F in UTF-8.
    const bool c1 = byte == 0xC2 && index + 1 < text.size() &&
                    static_cast<unsigned char>(text[index + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[index + 1]) <= 0x9F;
    if (c0_or_delete) {
      safe.push_back('?');
    } else if (c1) {
      safe.push_back('?');
      ++index;
    } else {
      safe.push_back(text[index]);
    }
  }
  return safe;
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

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char byte : text) {
    // Count every byte except UTF-8 continuation bytes (10xxxxxx).
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) {
      ++width;
    }
  }
  return width;
}

}  // namespace estab::report
