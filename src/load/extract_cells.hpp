#pragma once
// The values an extract's cells hold: numbers as finance and ESR reports write them, dates,
// and the patterns that select rows.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estab {

/// A number cell: `0.5`, `.5`, `-1`, `1,000.5` (commas only between groups of three digits) or
/// `(1.00)` for −1. Nullopt for anything else (`0,5`, `£12`, `N/A`, `+1`, `1e3`, "").
std::optional<double> parse_extract_number(std::string_view cell);

/// Why a cell that parse_extract_number refused might not be a number, as " (…)" to append to
/// the message, or "" when there is nothing more to say.
std::string number_hint(std::string_view cell);

/// A date cell, read as a day number (days since 1970-01-01).
struct ExtractDate {
  bool valid = false;       ///< false: not a date in any accepted form
  bool open_ended = false;  ///< empty, 4712-12-31 or 1900-01-01: no end
  std::int32_t day = 0;     ///< the day number when valid and not open-ended
};

/// Reads `2026-03-31`, `31-MAR-2026` (month names in any case) or `31/03/2026` (day first).
ExtractDate parse_extract_date(std::string_view cell);

/// The day number of a calendar date (days since 1970-01-01).
std::int32_t day_number(int year, unsigned month, unsigned day);

/// True when `cell` matches `pattern` as a whole, ignoring case: `*` is any run of
/// characters, `?` one character. `pattern` must already be lower case.
bool matches_pattern(std::string_view lower_pattern, std::string_view cell);

/// True when a temporary staffing row's agency cell marks it as agency: `yes`, `true`, `1` or
/// `agency`, in any case; anything else is bank.
bool is_agency_cell(std::string_view cell);

/// `text` in lower case (ASCII letters only).
std::string lower_case(std::string_view text);

}  // namespace estab
