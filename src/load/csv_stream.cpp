// Streaming an extract through libcsv, one physical line at a time, so that each record's
// first line is known.
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

/// A record (a quoted cell spanning lines) longer than this is taken for a quote left open.
constexpr std::size_t kLongestRecord = std::size_t{1} << 20;

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

}  // namespace

CsvStream::CsvStream(std::string path, char delimiter)
    : path_(std::move(path)), delimiter_(delimiter) {}

bool CsvStream::read(const std::function<void(const CsvRecord&)>& on_record,
                     std::uint32_t& malformed_line) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw FileError(path_, fmt::format("cannot read '{}': {}", path_, std::strerror(errno)));
  CsvParser parser(delimiter_);
  on_record_ = &on_record;
  between_records_ = true;
  line_ = 0;
  std::string text;
  std::string accumulated;  // the earlier lines of a record that spans lines
  bool continuing = false;
  while (std::getline(in, text)) {
    ++line_;
    if (line_ == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (between_records_) {
      // A blank line between records (libcsv skips one of only blanks without a record).
      const std::string_view blanks = delimiter_ == '\t' ? " \r" : " \t\r";
      if (text.find_first_not_of(blanks) == std::string::npos) continue;
      record_.line = line_;
      between_records_ = false;
      continuing = false;
    }
    std::size_t length = text.size();
    if (length > 0 && text[length - 1] == '\r') --length;
    if (line_ == 1 && text.find('\r') < length) {  // old Mac line ends: the file is one line
      malformed_line = 1;
      cr_line_ends_ = true;
      return false;
    }
    text.push_back('\n');
    if (continuing) {
      if (accumulated.size() > kLongestRecord) {
        malformed_line = record_.line;  // a quote left open would otherwise take in the file
        return false;
      }
      accumulated.append("\n").append(text, 0, length);
      record_.text = accumulated;
    } else {
      record_.text = std::string_view(text.data(), length);
    }
    if (csv_parse(parser.get(), text.data(), text.size(), CsvCallbacks::on_cell,
                  CsvCallbacks::on_record_end, this) != text.size()) {
      malformed_line = record_.line;
      return false;
    }
    if (!between_records_ && !continuing) {  // the record goes on to the next line
      accumulated.assign(text, 0, length);
      continuing = true;
    }
  }
  if (in.bad()) {
    throw FileError(path_, fmt::format("cannot read '{}': {}", path_, std::strerror(errno)));
  }
  if (csv_fini(parser.get(), CsvCallbacks::on_cell, CsvCallbacks::on_record_end, this) != 0) {
    malformed_line = record_.line;
    return false;
  }
  return true;
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
