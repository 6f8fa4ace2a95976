#pragma once
/// Spreadsheet workbooks (`--format xlsx`): sheets of typed cells — numbers as numbers, text as
/// text, never a formula — written through libxlsxwriter to a private temporary file whose bytes
/// are then copied to a stream.

#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace estab::report {

/// How the numbers of a column are shown, decided from its field's unit.
enum class NumberStyle { General, Wte, Percent, Money, Hours };

/// The spreadsheet number format of a style: "General", "0.00", "0.0%", "£#,##0" or "0.0".
const char* number_format_code(NumberStyle style);

/// One cell: empty (a null), text, a number or a boolean.
using XlsxCell = std::variant<std::monostate, std::string, double, bool>;

/// One column: its header (a contract field name) and how its numbers are shown.
struct XlsxColumn {
  std::string header;
  NumberStyle style = NumberStyle::General;
};

/// One worksheet: a bold, frozen, filterable header row, then one row per record.
struct XlsxSheet {
  std::string name;                         ///< the tab's name, e.g. "Lines"
  std::vector<XlsxColumn> columns;          ///< in order, left to right
  std::vector<std::vector<XlsxCell>> rows;  ///< each exactly as long as `columns`
};

/// The document properties of a workbook (File › Properties in a spreadsheet).
struct XlsxProperties {
  std::string title;    ///< e.g. the review's title
  std::string subject;  ///< what the workbook holds, e.g. "Establishment review"
  std::string company;  ///< the organisation under review
};

/// Writes the sheets as one XLSX workbook to `out`. The workbook is built in a private
/// temporary directory that is removed on every path. Throws FileError when the workbook cannot
/// be written (no temporary directory, libxlsxwriter's message when the library fails), and
/// std::logic_error for a non-finite number or a row whose length differs from its columns.
void write_xlsx(std::ostream& out, const std::vector<XlsxSheet>& sheets,
                const XlsxProperties& properties);

}  // namespace estab::report
