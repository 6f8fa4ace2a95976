#pragma once
/// Spreadsheet workbooks (`--format xlsx`): sheets of typed cells — numbers as numbers, text as
/// text, never a formula — written through libxlsxwriter to a private temporary file whose bytes
/// are then copied to a stream.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace estab::report {

/// How the numbers of a column are shown, decided from its field's unit.
enum class NumberStyle { General, Wte, Percent, Money, Hours, Ratio, Count };

/// The spreadsheet number format of a style: "General", "0.00", "0.0%", "£#,##0", "0.0",
/// "0.00" or "#,##0".
const char* number_format_code(NumberStyle style);

/// One cell: empty (a null), text, a number or a boolean.
using XlsxCell = std::variant<std::monostate, std::string, double, bool>;

/// One column: its two headers and how its numbers are shown.
struct XlsxColumn {
  std::string header;                        ///< the field name a script looks for, row 2
  NumberStyle style = NumberStyle::General;  ///< the format of its numbers
  std::string label;                         ///< what a reader sees, row 1; empty: `header`
};

/// Fills `cells` (emptied first) with the cells of one streamed row, by its 0-based index.
using XlsxRowSource = std::function<void(std::size_t index, std::vector<XlsxCell>& cells)>;

/// One worksheet: a bold row of labels, a row of field names (frozen, filterable), then the
/// streamed rows, then `rows`.
struct XlsxSheet {
  std::string name;                         ///< the tab's name, e.g. "Lines"
  std::vector<XlsxColumn> columns;          ///< in order, left to right
  std::size_t streamed_rows = 0;            ///< how many rows `streamed_row` gives
  XlsxRowSource streamed_row;               ///< made one row at a time, twice, never held
  std::vector<std::vector<XlsxCell>> rows;  ///< held rows, after the streamed ones

  /// Every row, streamed then held.
  std::size_t row_count() const { return streamed_rows + rows.size(); }
};

/// The label a reader sees for a field name: "required_wte" → "Required WTE".
std::string column_label(std::string_view field_name);

/// The document properties of a workbook (File › Properties in a spreadsheet).
struct XlsxProperties {
  std::string title;    ///< e.g. the review's title
  std::string subject;  ///< what the workbook holds, e.g. "Establishment review"
  std::string company;  ///< the organisation under review
};

/// Writes the sheets as one XLSX workbook to `out`, row by row in libxlsxwriter's
/// constant-memory mode, so a sheet of any length costs the memory of one row. The workbook is
/// built in a private
/// temporary directory that is removed on every path. Throws FileError when the workbook cannot
/// be written (no temporary directory, libxlsxwriter's message when the library fails), and
/// std::logic_error for a non-finite number or a row whose length differs from its columns.
void write_xlsx(std::ostream& out, const std::vector<XlsxSheet>& sheets,
                const XlsxProperties& properties);

}  // namespace estab::report
