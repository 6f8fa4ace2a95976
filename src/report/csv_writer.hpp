#pragma once
/// RFC 4180 CSV fields and records, with the spreadsheet formula-injection defence.

#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace estab::report {

/// The end of every CSV record (RFC 4180).
inline constexpr std::string_view kCsvLineEnd = "\r\n";

/// A text field: prefixed with ' when it starts with =, +, -, @, tab or CR (so a spreadsheet
/// never runs it as a formula), then quoted when it holds a comma, quote, CR or LF.
std::string csv_text(std::string_view text);

/// A text field, or an empty field for null.
std::string csv_optional_text(const std::optional<std::string>& text);

/// A number in its shortest round-trip form, never prefixed ("-1.5" stays "-1.5").
/// Throws std::logic_error for NaN or infinity.
std::string csv_number(double value);

/// A number, or an empty field for null.
std::string csv_number(const std::optional<double>& value);

/// A boolean as "true" or "false".
std::string csv_boolean(bool value);

/// Writes one record of already-encoded fields, comma-separated, ending with CRLF.
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

/// One record built field by field straight into a buffer, for the long tables where building a
/// string per field would dominate: the same encoding as the functions above.
class CsvRecord {
 public:
  /// A text field, encoded as csv_text does.
  void text(std::string_view value);
  /// A text field, or an empty field for null.
  void optional_text(const std::optional<std::string>& value);
  /// A number, as csv_number writes it; throws std::logic_error for NaN or infinity.
  void number(double value);
  /// A number, or an empty field for null.
  void number(const std::optional<double>& value);
  /// "true" or "false".
  void boolean(bool value);
  /// Writes the record and its CRLF to `out`, and starts an empty record.
  void write_to(std::ostream& out);

 private:
  void next_field();

  fmt::memory_buffer buffer_;
  bool empty_ = true;
};

/// Writes a header record: each name encoded as a text field.
void write_csv_header(std::ostream& out, const std::vector<std::string>& names);

}  // namespace estab::report
