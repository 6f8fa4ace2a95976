#pragma once
/// Text shared by every part of estab: numbers as exact decimal text, and text made safe to
/// print on a terminal.

#include <cstddef>
#include <string>
#include <string_view>

namespace estab {

/// Throws std::logic_error when `value` is NaN or infinite; `what` names the figure.
void require_finite(double value, std::string_view what);

/// `value` rounded to `places` decimals, half away from zero, after scaling by 10^scale_power.
/// Rounding works on the shortest decimal form of the double (the digits a user would type),
/// so 1.005 gives "1.01" and 0.0225 at scale 2 gives "2.3", as a spreadsheet would show them.
/// A result that rounds to zero never carries a minus sign.
std::string round_decimal(double value, int places, int scale_power = 0);

/// The shortest text that reads back as the same double, e.g. "0.045", "-1.5", "260".
std::string format_shortest(double value);

/// A run of decimal digits with a comma between each group of three: "1234567" → "1,234,567".
std::string group_thousands(std::string_view digits);

/// The length in bytes of the strict UTF-8 character at `offset` (no overlong form, surrogate
/// or code point past U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_character_length(std::string_view text, std::size_t offset);

/// Text safe for a terminal, CSV and JSON: control characters (C0, DEL, C1) become '?' and
/// each byte that is not UTF-8 becomes U+FFFD, so that input text can never move the cursor or
/// start an escape sequence; text longer than `limit` bytes is cut before the character that would
/// pass it and ends in "...".
std::string printable(std::string_view text, std::size_t limit = std::string_view::npos);

/// The number of columns `text` takes on a terminal: one per UTF-8 code point.
std::size_t display_width(std::string_view text);

}  // namespace estab
