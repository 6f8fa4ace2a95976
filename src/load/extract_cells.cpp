// Numbers, dates and patterns in extract cells.
#include "load/extract_cells.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace estab {

namespace {

bool is_digit(char character) {
  return character >= '0' && character <= '9';
}

/// True for digits grouped by commas in threes (`1,000,000`) or plain digits (`1000`).
bool is_integer_part(std::string_view digits) {
  if (digits.find(',') == std::string_view::npos) {
    for (const char character : digits) {
      if (!is_digit(character)) return false;
    }
    return true;
  }
  std::size_t group_start = 0;
  bool first = true;
  while (true) {
    const std::size_t comma = digits.find(',', group_start);
    const std::string_view group = digits.substr(group_start, comma - group_start);
    // The first group has 1 to 3 digits and no leading zero: "0,500" is a decimal comma.
    const bool size_ok =
        first ? (!group.empty() && group.size() <= 3 && group[0] != '0') : group.size() == 3;
    if (!size_ok) return false;
    for (const char character : group) {
      if (!is_digit(character)) return false;
    }
    if (comma == std::string_view::npos) return true;
    group_start = comma + 1;
    first = false;
  }
}

/// An unsigned decimal `123`, `1,234.5` or `.5`.
std::optional<double> parse_unsigned(std::string_view text) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (!whole.empty() && !is_integer_part(whole)) return std::nullopt;
  if (point != std::string_view::npos) {
    if (fraction.empty()) return std::nullopt;
    for (const char character : fraction) {
      if (!is_digit(character)) return std::nullopt;
    }
  }
  std::string plain;
  plain.reserve(text.size() + 1);
  if (whole.empty()) plain.push_back('0');
  for (const char character : text) {
    if (character != ',') plain.push_back(character);
  }
  double value = 0.0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

/// True for `0,5` or `-12,75`: digits, one comma, then one or two digits.
bool has_decimal_comma(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  const std::size_t comma = text.find(',');
  if (comma == 0 || comma == std::string_view::npos) return false;
  const std::string_view whole = text.substr(0, comma);
  const std::string_view fraction = text.substr(comma + 1);
  if (fraction.empty() || fraction.size() > 2) return false;
  return std::all_of(whole.begin(), whole.end(), is_digit) &&
         std::all_of(fraction.begin(), fraction.end(), is_digit);
}

/// The month number of a three-letter English month name in any case, or 0.
unsigned month_of(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = lower_case(name);
  for (std::size_t index = 0; index < kMonths.size(); ++index) {
    if (lower == kMonths[index]) return static_cast<unsigned>(index + 1);
  }
  return 0;
}

/// A run of digits of length `minimum`..`maximum` as a number, or nullopt.
std::optional<unsigned> digits_of(std::string_view text, std::size_t minimum, std::size_t maximum) {
  if (text.size() < minimum || text.size() > maximum) return std::nullopt;
  unsigned value = 0;
  for (const char character : text) {
    if (!is_digit(character)) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(character - '0');
  }
  return value;
}

bool is_leap(unsigned year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(unsigned year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<double> parse_extract_number(std::string_view cell) {
  if (cell.empty()) return std::nullopt;
  bool negative = false;
  if (cell.size() >= 2 && cell.front() == '(' && cell.back() == ')') {
    negative = true;
    cell = cell.substr(1, cell.size() - 2);
  } else if (cell.front() == '-') {
    negative = true;
    cell.remove_prefix(1);
  }
  const std::optional<double> value = parse_unsigned(cell);
  if (!value) return std::nullopt;
  return negative ? -*value : *value;
}

std::string number_hint(std::string_view cell) {
  if (cell.empty()) return " (the cell is empty: write 0 for none)";
  for (const std::string_view sign : {"\xC2\xA3", "$", "\xE2\x82\xAC"}) {  // £ $ €
    if (cell.find(sign) != std::string_view::npos) {
      return " (remove the currency sign when you save the report)";
    }
  }
  if (has_decimal_comma(cell)) return " (a decimal comma: write the number with a point, as 0.5)";
  return "";
}

std::int32_t day_number(int year, unsigned month, unsigned day) {
  // Days from civil (H. Hinnant's algorithm).
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int32_t>(day_of_era) - 719468;
}

ExtractDate parse_extract_date(std::string_view cell) {
  ExtractDate date;
  if (cell.empty()) {
    date.valid = true;
    date.open_ended = true;
    return date;
  }
  std::optional<unsigned> year;
  std::optional<unsigned> day;
  unsigned month = 0;
  if (cell.size() == 10 && cell[4] == '-' && cell[7] == '-') {
    year = digits_of(cell.substr(0, 4), 4, 4);
    month = digits_of(cell.substr(5, 2), 2, 2).value_or(0);
    day = digits_of(cell.substr(8, 2), 2, 2);
  } else if (cell.size() >= 10 && cell.size() <= 11 && cell[cell.size() - 5] == '-' &&
             cell[cell.size() - 9] == '-') {
    day = digits_of(cell.substr(0, cell.size() - 9), 1, 2);
    month = month_of(cell.substr(cell.size() - 8, 3));
    year = digits_of(cell.substr(cell.size() - 4), 4, 4);
  } else if (cell.size() >= 8 && cell.size() <= 10 && cell[cell.size() - 5] == '/') {
    const std::size_t slash = cell.find('/');
    if (slash != cell.size() - 5) {
      day = digits_of(cell.substr(0, slash), 1, 2);
      month = digits_of(cell.substr(slash + 1, cell.size() - 5 - slash - 1), 1, 2).value_or(0);
      year = digits_of(cell.substr(cell.size() - 4), 4, 4);
    }
  }
  if (!year || !day || month < 1 || month > 12 || *day < 1 || *day > days_in_month(*year, month)) {
    return date;
  }
  date.valid = true;
  if ((*year == 4712 && month == 12 && *day == 31) || (*year == 1900 && month == 1 && *day == 1)) {
    date.open_ended = true;
    return date;
  }
  date.day = day_number(static_cast<int>(*year), month, *day);
  return date;
}

std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (char& character : lower) {
    if (character >= 'A' && character <= 'Z') character = static_cast<char>(character - 'A' + 'a');
  }
  return lower;
}

bool matches_pattern(std::string_view lower_pattern, std::string_view cell) {
  const auto lower = [](char character) {
    return character >= 'A' && character <= 'Z' ? static_cast<char>(character - 'A' + 'a')
                                                : character;
  };
  // The length of the UTF-8 character starting at `at`: `?` stands for one character.
  const auto character_length = [cell](std::size_t at) {
    std::size_t length = 1;
    while (at + length < cell.size() &&
           (static_cast<unsigned char>(cell[at + length]) & 0xC0) == 0x80) {
      ++length;
    }
    return length;
  };
  // Iterative wildcard matching with one backtracking point for the last `*`; a `*` in the
  // pattern is always a wildcard, even against a `*` in the cell.
  std::size_t pattern_at = 0;
  std::size_t cell_at = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_cell = 0;
  while (cell_at < cell.size()) {
    const bool more = pattern_at < lower_pattern.size();
    if (more && lower_pattern[pattern_at] == '*') {
      star = pattern_at++;
      star_cell = cell_at;
    } else if (more && lower_pattern[pattern_at] == '?') {
      ++pattern_at;
      cell_at += character_length(cell_at);
    } else if (more && lower_pattern[pattern_at] == lower(cell[cell_at])) {
      ++pattern_at;
      ++cell_at;
    } else if (star != std::string_view::npos) {
      pattern_at = star + 1;
      star_cell += character_length(star_cell);
      cell_at = star_cell;
    } else {
      return false;
    }
  }
  while (pattern_at < lower_pattern.size() && lower_pattern[pattern_at] == '*') ++pattern_at;
  return pattern_at == lower_pattern.size();
}

bool is_agency_cell(std::string_view cell) {
  const std::string lower = lower_case(cell);
  return lower == "yes" || lower == "true" || lower == "1" || lower == "agency";
}

}  // namespace estab
