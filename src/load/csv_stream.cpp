// Streaming an extract through libcsv, one physical line at a time from a block read ahead,
// so that each record's first line is known.
#include "load/csv_stream.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "estab/diagnostic.hpp"

namespace estab {

/// The libcsv callbacks: each cell, and the end of each record.
struct CsvCallbacks {
  static void on_cell(void* cell, std::size_t size, void* context) {
    auto& stream = *static_cast<CsvStream*>(context);
    CsvRecord& record = stream.record_;
    const std::size_t index = record.cell_count++;
    if (!stream.kept_.empty() && (index >= stream.kept_.size() || !stream.kept_[index])) return;
    if (record.cells.size() <= index) record.cells.resize(index + 1);
    record.cells[index].assign(
        trim_cell(std::string_view(static_cast<const char*>(cell), cell == nullptr ? 0 : size)));
  }

  static void on_record_end(int /*terminator*/, void* context) {
    auto& stream = *static_cast<CsvStream*>(context);
    CsvRecord& record = stream.record_;
    (*stream.on_record_)(record);
    for (std::string& cell : record.cells) cell.clear();
    record.cell_count = 0;
    stream.between_records_ = true;
  }
};

namespace {

/// The blanks libcsv skips before a tab-separated cell: spaces only.
int is_space(unsigned char character) {
  return character == ' ';
}

/// Owns a libcsv parser.
class CsvParser {
 public:
  explicit CsvParser(char delimiter) {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    csv_set_delim(&parser_, static_cast<unsigned char>(delimiter));
    // libcsv skips spaces and tabs before a cell; a tab that separates cells must not be.
    if (delimiter == '\t') csv_set_space_func(&parser_, is_space);
  }
  ~CsvParser() { csv_free(&parser_); }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
};

FileError read_error(const std::string& path) {
  return FileError(path, fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
}

/// Feeds `size` bytes to libcsv; false when the quoting is malformed.
bool parse(CsvParser& parser, const char* text, std::size_t size, CsvStream& stream) {
  return csv_parse(parser.get(), text, size, CsvCallbacks::on_cell, CsvCallbacks::on_record_end,
                   &stream) == size;
}

}  // namespace

CsvStream::CsvStream(std::string path, char delimiter)
    : path_(std::move(path)), delimiter_(delimiter) {}

CsvOutcome CsvStream::read(const std::function<void(const CsvRecord&)>& on_record) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw read_error(path_);
  CsvParser parser(delimiter_);
  on_record_ = &on_record;
  between_records_ = true;
  CsvOutcome outcome;
  const std::string_view blanks = delimiter_ == '\t' ? " \r" : " \t\r";
  std::vector<char> block(kLongestCsvLine + 1);  // a longest line and its '\n'
  std::size_t start = 0;                         // of the next line in the block
  std::size_t filled = 0;                        // bytes of the block read
  bool at_eof = false;
  std::string accumulated;  // the earlier lines of a record that spans lines
  bool continuing = false;
  std::uint32_t& line = outcome.lines_read;
  const auto fail = [&](CsvEnd end, std::uint32_t at) {
    outcome.end = end;
    outcome.line = at;
    return outcome;
  };
  while (true) {
    const auto* newline =
        static_cast<const char*>(std::memchr(block.data() + start, '\n', filled - start));
    if (newline == nullptr && !at_eof) {  // the line goes on past the block: read more
      std::memmove(block.data(), block.data() + start, filled - start);
      filled -= start;
      start = 0;
      if (filled == block.size()) {
        const std::string_view taken(block.data(), filled);
        if (line == 0 && taken.find('\r') != std::string_view::npos) {
          return fail(CsvEnd::BareCarriageReturns, 1);
        }
        return fail(CsvEnd::LineTooLong, continuing ? record_.line : line + 1);
      }
      in.read(block.data() + filled, static_cast<std::streamsize>(block.size() - filled));
      if (in.bad()) throw read_error(path_);
      filled += static_cast<std::size_t>(in.gcount());
      at_eof = in.eof();
      continue;
    }
    if (start == filled) break;  // at the end of the file
    const std::size_t line_end = newline != nullptr ? newline - block.data() : filled;
    std::string_view text(block.data() + start, line_end - start);
    start = newline != nullptr ? line_end + 1 : filled;
    ++line;
    if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (between_records_) {
      // A blank line between records (libcsv skips one of only blanks without a record).
      if (text.find_first_not_of(blanks) == std::string_view::npos) continue;
      record_.line = line;
      between_records_ = false;
      continuing = false;
    }
    const std::string_view content =
        text.substr(0, text.size() - (!text.empty() && text.back() == '\r' ? 1 : 0));
    if (line == 1 && content.find('\r') != std::string_view::npos) {
      return fail(CsvEnd::BareCarriageReturns, 1);
    }
    if (continuing) {
      if (accumulated.size() > kLongestCsvLine) return fail(CsvEnd::LineTooLong, record_.line);
      accumulated.append("\n").append(content);
      record_.text = accumulated;
    } else {
      record_.text = content;
    }
    // The line with its '\n' (added when the file's last line has none).
    const bool parsed = newline != nullptr ? parse(parser, text.data(), text.size() + 1, *this)
                                           : parse(parser, text.data(), text.size(), *this) &&
                                                 parse(parser, "\n", 1, *this);
    if (!parsed) return fail(CsvEnd::Malformed, record_.line);
    if (!between_records_ && !continuing) {  // the record goes on to the next line
      accumulated.assign(content);
      continuing = true;
    }
  }
  if (csv_fini(parser.get(), CsvCallbacks::on_cell, CsvCallbacks::on_record_end, this) != 0) {
    return fail(CsvEnd::Malformed, record_.line);
  }
  return outcome;
}

std::uint32_t cell_column(std::string_view record_text, char delimiter, std::size_t cell_index) {
  std::size_t cell = 0;
  std::uint32_t characters_before = 0;  // on the current line
  bool quoted = false;
  for (const char character : record_text) {
    const bool blank = (character == ' ' || character == '\t') && character != delimiter;
    if (cell == cell_index && !blank) return characters_before + 1;
    if (character == '\n') {
      characters_before = 0;
      continue;
    }
    if ((static_cast<unsigned char>(character) & 0xC0) != 0x80) ++characters_before;
    if (character == '"') {
      quoted = !quoted;
    } else if (character == delimiter && !quoted) {
      ++cell;
    }
  }
  return cell == cell_index ? characters_before + 1 : 1;
}

std::string_view trim_cell(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace estab
