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

/// Why a read stopped.
enum class CsvEnd {
  Finished,             ///< every record was read
  Malformed,            ///< a quote left open, or text after a closing quote
  BareCarriageReturns,  ///< the lines end with a bare CR (an old Mac format)
  LineTooLong,          ///< a line, or a record, longer than kLongestCsvLine bytes
};

/// How a read ended.
struct CsvOutcome {
  CsvEnd end = CsvEnd::Finished;
  std::uint32_t line = 0;        ///< Malformed or LineTooLong: the line of the bad record
  std::uint32_t lines_read = 0;  ///< the physical lines taken in, blank ones included

  /// True when every record was read.
  bool finished() const { return end == CsvEnd::Finished; }
};

/// A line (or a record spanning lines) longer than this is refused: no extract has one, and a
/// quote left open would otherwise take in the rest of the file.
constexpr std::size_t kLongestCsvLine = std::size_t{1} << 20;

/// Reads a CSV file front to back, calling `on_record` for each record (the header first). The
/// file is never held whole:
/// only a block and the current record are. RFC 4180 quoting, CRLF or LF line ends, a UTF-8
/// byte order mark and blank lines are handled. Throws FileError when the file cannot be read.
class CsvStream {
 public:
  /// A stream over `path`, whose cells are separated by `delimiter`.
  CsvStream(std::string path, char delimiter);

  /// Limits which cells are copied into CsvRecord::cells (by index); others are only counted.
  void keep_only(std::vector<bool> kept) { kept_ = std::move(kept); }

  /// Reads every record, stopping at the first that is malformed or too long.
  CsvOutcome read(const std::function<void(const CsvRecord&)>& on_record);

 private:
  friend struct CsvCallbacks;
  std::string path_;
  char delimiter_;
  std::vector<bool> kept_;  ///< empty: keep every cell
  CsvRecord record_;
  const std::function<void(const CsvRecord&)>* on_record_ = nullptr;
  bool between_records_ = true;
};

/// The 1-based column (in characters, on its own line) where cell `cell_index` of a record's
/// text starts.
std::uint32_t cell_column(std::string_view record_text, char delimiter, std::size_t cell_index);

/// `text` less leading and trailing spaces and tabs.
std::string_view trim_cell(std::string_view text);

}  // namespace estab
