// XLSX workbooks through libxlsxwriter. The library needs a file name, so every workbook is
// built in a private directory made with mkdtemp (its own temporary files go there too), then
// its bytes are copied to the stream and the directory is removed, on success and on failure.
// Cells are written only with worksheet_write_number, _string and _boolean: a string is always
// a string, so no cell can become a formula. Sheets are written in constant-memory mode: each
// row goes to libxlsxwriter's temporary file as soon as the next one starts, and a streamed
// row is made again from its source for each pass (once to size the columns, once to write).

#include "report/xlsx_workbook.hpp"

#include "estab/diagnostic.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <cstdlib>  // mkdtemp (POSIX)

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace estab::report {

namespace {

/// The narrowest and widest a column is made, in characters.
constexpr double kMinColumnWidth = 6.0;
constexpr double kMaxColumnWidth = 60.0;
/// Room in a header cell for the autofilter's drop-down button, in characters.
constexpr std::size_t kFilterButtonWidth = 3;
/// The most characters a General number takes in a spreadsheet cell.
constexpr std::size_t kGeneralNumberWidth = 11;
/// The header rows above the records: the labels, then the field names.
constexpr std::size_t kHeaderRows = 2;
/// The file name of the workbook inside the private directory.
constexpr const char* kWorkbookFileName = "workbook.xlsx";

/// Throws FileError with libxlsxwriter's description of `error`, if it is one: the workbook
/// cannot be written (a temporary file, the disk, or a limit of the format such as the length
/// of a cell). The workbook goes to a stream, so the error names no file of the user's.
void check(lxw_error error, std::string_view doing) {
  if (error != LXW_NO_ERROR) {
    throw FileError(
        "", fmt::format("cannot write the XLSX workbook ({}): {}", doing, lxw_strerror(error)));
  }
}

/// A directory of its own under the system's temporary directory, removed with its contents
/// when the object goes out of scope.
/// The directory temporary files go in ($TMPDIR, else /tmp); throws FileError when it is not
/// a directory.
std::filesystem::path temporary_base() {
  std::error_code error;
  std::filesystem::path base = std::filesystem::temp_directory_path(error);
  if (error) {
    const char* named = std::getenv("TMPDIR");
    const std::string shown = named != nullptr ? named : "/tmp";
    throw FileError(shown, fmt::format("cannot write the XLSX workbook: the temporary directory "
                                       "{} is not usable: {}",
                                       shown, error.message()));
  }
  return base;
}

class PrivateDirectory {
 public:
  PrivateDirectory() {
    const std::filesystem::path base = temporary_base();
    std::string pattern = (base / "estab-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw FileError(base.string(), fmt::format("cannot write the XLSX workbook: cannot create a "
                                                 "temporary directory in {}: {}",
                                                 base.string(), std::strerror(errno)));
    }
    path_ = pattern;
  }
  ~PrivateDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  PrivateDirectory(const PrivateDirectory&) = delete;
  PrivateDirectory& operator=(const PrivateDirectory&) = delete;

  /// The directory's path.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Frees a workbook that was never closed (workbook_close frees it on every path itself).
struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookHandle = std::unique_ptr<lxw_workbook, WorkbookFree>;

/// The number of NumberStyle values.
constexpr std::size_t kNumberStyleCount = 7;
/// The colour of the field-name header row: a mid grey, so the labels above it lead.
constexpr lxw_color_t kFieldNameColour = 0x595959;

/// The cell formats of a workbook: the bold labels, the field names, and one per number style
/// (owned by the workbook; null means the default, General).
struct Formats {
  lxw_format* label = nullptr;
  lxw_format* field_name = nullptr;
  std::array<lxw_format*, kNumberStyleCount> numbers{};

  lxw_format* number(NumberStyle style) const { return numbers[static_cast<std::size_t>(style)]; }
};

/// A new format of the workbook; throws FileError when the library cannot make one.
lxw_format* new_format(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a format");
  return format;
}

Formats add_formats(lxw_workbook* workbook) {
  Formats formats;
  formats.label = new_format(workbook);
  format_set_bold(formats.label);
  formats.field_name = new_format(workbook);
  format_set_italic(formats.field_name);
  format_set_font_color(formats.field_name, kFieldNameColour);
  format_set_bottom(formats.field_name, LXW_BORDER_THIN);
  for (const NumberStyle style : {NumberStyle::Wte, NumberStyle::Percent, NumberStyle::Money,
                                  NumberStyle::Hours, NumberStyle::Ratio, NumberStyle::Count}) {
    lxw_format* format = new_format(workbook);
    format_set_num_format(format, number_format_code(style));
    formats.numbers[static_cast<std::size_t>(style)] = format;
  }
  return formats;
}

/// Calls `visit(index, cells)` for every row of a sheet, streamed then held, checking that each
/// is as long as the sheet's columns.
template <typename Visit>
void for_each_row(const XlsxSheet& sheet, Visit&& visit) {
  std::vector<XlsxCell> cells;
  const auto checked = [&sheet](std::size_t index, const std::vector<XlsxCell>& row) {
    if (row.size() != sheet.columns.size()) {
      throw std::logic_error(fmt::format("report: XLSX sheet {} row {} has {} cells for {} columns",
                                         sheet.name, index + 1, row.size(), sheet.columns.size()));
    }
  };
  for (std::size_t index = 0; index < sheet.streamed_rows; ++index) {
    cells.clear();
    sheet.streamed_row(index, cells);
    checked(index, cells);
    visit(index, cells);
  }
  for (std::size_t held = 0; held < sheet.rows.size(); ++held) {
    const std::size_t index = sheet.streamed_rows + held;
    checked(index, sheet.rows[held]);
    visit(index, sheet.rows[held]);
  }
}

/// The label row's text of a column.
const std::string& label_of(const XlsxColumn& column) {
  return column.label.empty() ? column.header : column.label;
}

/// Characters of UTF-8 text (continuation bytes not counted).
std::size_t display_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U;
  }));
}

/// Roughly how many characters a number takes once formatted in its style.
std::size_t display_length(double number, NumberStyle style) {
  switch (style) {
    case NumberStyle::Wte: return fmt::format("{:.2f}", number).size();
    case NumberStyle::Hours: return fmt::format("{:.1f}", number).size();
    case NumberStyle::Ratio: return fmt::format("{:.2f}", number).size();
    case NumberStyle::Count: {
      const std::size_t digits = fmt::format("{:.0f}", std::fabs(number)).size();
      return digits + (digits - 1) / 3 + (number < 0.0 ? 1 : 0);
    }
    case NumberStyle::Percent: return fmt::format("{:.1f}%", number * 100.0).size();
    case NumberStyle::Money: {
      const std::size_t digits = fmt::format("{:.0f}", std::fabs(number)).size();
      return digits + (digits - 1) / 3 + (number < 0.0 ? 2 : 1);  // separators, sign and £
    }
    case NumberStyle::General: break;
  }
  return std::min(fmt::format("{}", number).size(), kGeneralNumberWidth);
}

/// A width for each column that fits its label, its field name (with the filter button) and
/// its cells.
std::vector<double> column_widths(const XlsxSheet& sheet) {
  std::vector<std::size_t> widest;
  for (const XlsxColumn& column : sheet.columns) {
    widest.push_back(std::max(display_length(label_of(column)),
                              display_length(column.header) + kFilterButtonWidth));
  }
  for_each_row(sheet, [&](std::size_t, const std::vector<XlsxCell>& cells) {
    for (std::size_t column = 0; column < cells.size(); ++column) {
      const XlsxCell& cell = cells[column];
      std::size_t length = 0;
      if (const auto* text = std::get_if<std::string>(&cell)) {
        length = display_length(*text);
      } else if (const auto* number = std::get_if<double>(&cell)) {
        length = display_length(*number, sheet.columns[column].style);
      } else if (std::holds_alternative<bool>(cell)) {
        length = 5;  // FALSE
      }
      widest[column] = std::max(widest[column], length);
    }
  });
  std::vector<double> widths;
  for (const std::size_t characters : widest) {
    widths.push_back(
        std::clamp(static_cast<double>(characters) + 1.0, kMinColumnWidth, kMaxColumnWidth));
  }
  return widths;
}

/// Writes one cell; an empty cell is not written at all.
void write_cell(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t column, const XlsxCell& cell,
                lxw_format* number_format) {
  if (const auto* text = std::get_if<std::string>(&cell)) {
    check(worksheet_write_string(worksheet, row, column, text->c_str(), nullptr), "a text cell");
  } else if (const auto* number = std::get_if<double>(&cell)) {
    if (!std::isfinite(*number)) {
      throw std::logic_error("report: an XLSX cell is not a finite number");
    }
    check(worksheet_write_number(worksheet, row, column, *number, number_format), "a number cell");
  } else if (const auto* flag = std::get_if<bool>(&cell)) {
    check(worksheet_write_boolean(worksheet, row, column, *flag ? 1 : 0, nullptr),
          "a boolean cell");
  }
}

void write_sheet(lxw_workbook* workbook, const XlsxSheet& sheet, const Formats& formats) {
  check(workbook_validate_sheet_name(workbook, sheet.name.c_str()), "sheet " + sheet.name);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet " + sheet.name);
  if (sheet.columns.empty()) return;

  const std::vector<double> widths = column_widths(sheet);
  for (std::size_t column = 0; column < sheet.columns.size(); ++column) {
    const auto index = static_cast<lxw_col_t>(column);
    check(worksheet_set_column(worksheet, index, index, widths[column], nullptr), "a column width");
  }
  // Set before the first row is written: in constant-memory mode rows leave memory in order.
  worksheet_freeze_panes(worksheet, kHeaderRows, 0);
  const auto last_row = static_cast<lxw_row_t>(kHeaderRows - 1 + sheet.row_count());
  check(worksheet_autofilter(worksheet, kHeaderRows - 1, 0, last_row,
                             static_cast<lxw_col_t>(sheet.columns.size() - 1)),
        "the autofilter");
  // Row by row: in constant-memory mode a row is gone once the next one is started.
  for (std::size_t column = 0; column < sheet.columns.size(); ++column) {
    check(worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(column),
                                 label_of(sheet.columns[column]).c_str(), formats.label),
          "the label row");
  }
  for (std::size_t column = 0; column < sheet.columns.size(); ++column) {
    check(worksheet_write_string(worksheet, 1, static_cast<lxw_col_t>(column),
                                 sheet.columns[column].header.c_str(), formats.field_name),
          "the field-name row");
  }
  for_each_row(sheet, [&](std::size_t row, const std::vector<XlsxCell>& cells) {
    for (std::size_t column = 0; column < cells.size(); ++column) {
      write_cell(worksheet, static_cast<lxw_row_t>(kHeaderRows + row),
                 static_cast<lxw_col_t>(column), cells[column],
                 formats.number(sheet.columns[column].style));
    }
  });
}

void set_properties(lxw_workbook* workbook, const XlsxProperties& properties) {
  // libxlsxwriter copies the strings; mutable copies only because its struct is not const.
  std::string title = properties.title;
  std::string subject = properties.subject;
  std::string company = properties.company;
  lxw_doc_properties document{};
  document.title = title.data();
  document.subject = subject.data();
  document.company = company.data();
  check(workbook_set_properties(workbook, &document), "the document properties");
}

/// Appends the bytes of a finished workbook file to `out`.
void copy_file(const std::filesystem::path& path, std::ostream& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file || !(out << file.rdbuf())) {
    throw FileError(path.string(),
                    "cannot write the XLSX workbook: cannot read back " + path.string());
  }
}

}  // namespace

const char* number_format_code(NumberStyle style) {
  switch (style) {
    case NumberStyle::Wte: return "0.00";
    case NumberStyle::Percent: return "0.0%";
    case NumberStyle::Money: return "\xC2\xA3#,##0";  // £ in UTF-8
    case NumberStyle::Hours: return "0.0";
    case NumberStyle::Ratio: return "0.00";
    case NumberStyle::Count: return "#,##0";
    case NumberStyle::General: break;
  }
  return "General";
}

std::string column_label(std::string_view field_name) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kAcronyms = {
      {"wte", "WTE"},   {"chppd", "CHPPD"}, {"rag", "RAG"}, {"wisn", "WISN"}, {"ni", "NI"},
      {"hcas", "HCAS"}, {"id", "ID"},       {"esr", "ESR"}, {"afc", "AfC"},   {"nq", "NQ"}};
  std::string label;
  std::size_t start = 0;
  while (start <= field_name.size()) {
    const std::size_t end = std::min(field_name.find('_', start), field_name.size());
    std::string word(field_name.substr(start, end - start));
    for (const auto& [lower, shown] : kAcronyms) {
      if (word == lower) word = shown;
    }
    if (label.empty() && !word.empty() && word[0] >= 'a' && word[0] <= 'z') {
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    if (!word.empty()) label += (label.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return label;
}

void write_xlsx(std::ostream& out, const std::vector<XlsxSheet>& sheets,
                const XlsxProperties& properties) {
  const PrivateDirectory directory;
  const std::string workbook_path = (directory.path() / kWorkbookFileName).string();
  std::string library_directory = directory.path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = library_directory.data();
  WorkbookHandle workbook(workbook_new_opt(workbook_path.c_str(), &options));
  if (!workbook) check(LXW_ERROR_MEMORY_MALLOC_FAILED, "creating the workbook");

  set_properties(workbook.get(), properties);
  const Formats formats = add_formats(workbook.get());
  for (const XlsxSheet& sheet : sheets) {
    write_sheet(workbook.get(), sheet, formats);
  }
  check(workbook_close(workbook.release()), "closing the workbook");  // frees it on every path
  copy_file(workbook_path, out);
}

}  // namespace estab::report
