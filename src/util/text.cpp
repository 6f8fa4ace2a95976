// Text shared by every part: numbers as decimal text, and text made safe for a terminal.

#include "estab/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace estab {

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
    throw std::logic_error("cannot convert a number to text");
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
    throw std::logic_error(fmt::format("{} is not a finite number", what));
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

std::size_t utf8_character_length(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  std::size_t continuation_bytes = 0;
  if (lead < 0x80) {
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    continuation_bytes = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation_bytes = 2;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation_bytes = 3;
  } else {
    return 0;
  }
  for (std::size_t next = 1; next <= continuation_bytes; ++next) {
    if (offset + next >= text.size()) return 0;
    const auto byte = static_cast<unsigned char>(text[offset + next]);
    if ((byte & 0xC0) != 0x80) return 0;
  }
  if (continuation_bytes >= 2) {
    // Overlong forms, UTF-16 surrogates (U+D800 to U+DFFF) and code points past U+10FFFF.
    const auto second = static_cast<unsigned char>(text[offset + 1]);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
      return 0;
    }
  }
  return continuation_bytes + 1;
}

std::string printable(std::string_view text, std::size_t limit) {
  std::string safe;
  safe.reserve(std::min(text.size(), limit));
  std::size_t index = 0;
  while (index < text.size()) {
    const std::size_t length = utf8_character_length(text, index);
    if (index + std::max<std::size_t>(length, 1) > limit) break;  // never cut a character
    const auto byte = static_cast<unsigned char>(text[index]);
    const bool c0_or_delete = length == 1 && (byte < 0x20 || byte == 0x7F);
    // C1 controls (U+0080–U+009F) are 0xC2 followed by 0x80–0x9F in UTF-8.
    const bool c1 =
        length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[index + 1]) <= 0x9F;
    if (length == 0) {
      safe += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not UTF-8, as JSON output has it
    } else if (c0_or_delete || c1) {
      safe.push_back('?');
    } else {
      safe.append(text, index, length);
    }
    index += std::max<std::size_t>(length, 1);
  }
  if (index < text.size()) safe += "...";
  return safe;
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

}  // namespace estab
