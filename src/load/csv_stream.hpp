#pragma once
// Streaming an extract (CSV) record by record with libcsv, knowing the line each record
// starts on, so that a bad cell can be located.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace estab {

/// One record of a CSV file: its cells (only the kept ones are filled) and where it starts.
struct CsvRecord {
  std::uint32_t line = 0;          ///< 1-based line the record starts on (the header is line 1)
  std::vector<std::string> cells;  ///< trimmed; a cell that is not kept is left empty
  std::size_t cell_count = 0;      ///< how many cells the record has
  std::string_view text;  ///< the record as written (its lines, joined by '\n'), while it is read
};

/// Reads a CSV file once, front to back, calling `on_record` for each record (the header
/// first). The file is never held whole: only the current record is. RFC 4180 quoting, CRLF or
/// LF line ends, a UTF-8 byte order mark and blank lines are handled. Throws FileError when the
/// file cannot be read; reports malformed quoting through `on_malformed` (line) and stops.
class CsvStream {
 public:
  /// A stream over `path`, whose cells are separated by `delimiter`.
  CsvStream(std::string path, char delimiter);

  /// Limits which cells are copied into CsvRecord::cells (by index); others are only counted.
  void keep_only(std::vector<bool> kept) { kept_ = std::move(kept); }

  /// Reads every record; `on_record` may call keep_only after the header. Returns false when
  /// the quoting is malformed, with the line of the bad record in `malformed_line`.
  bool read(const std::function<void(const CsvRecord&)>& on_record, std::uint32_t& malformed_line);

  /// After read returned false: the lines end with a bare CR, not with LF or CRLF.
  bool cr_line_ends() const { return cr_line_ends_; }

 private:
  friend struct CsvCallbacks;
  std::string path_;
  char delimiter_;
  std::vector<bool> kept_;  ///< empty: keep every cell
  CsvRecord record_;
  const std::function<void(const CsvRecord&)>* on_record_ = nullptr;
  bool between_records_ = true;
  bool cr_line_ends_ = false;
  std::uint32_t line_ = 0;
};

/// The 1-based column (in characters, on its own line) where cell `cell_index` of a record's
/// text starts.
std::uint32_t cell_column(std::string_view record_text, char delimiter, std::size_t cell_index);

/// `text` less leading and trailing spaces and tabs.
std::string_view trim_cell(std::string_view text);

}  // namespace estab
