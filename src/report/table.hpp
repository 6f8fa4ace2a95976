#pragma once
/// A small column-aligned text table for terminals, with optional ANSI colour, that can also be
/// written as a GitHub-flavoured Markdown table.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace estab::report {

/// How a column's cells line up: text to the left, numbers to the right.
enum class Align { Left, Right };

/// How a cell is drawn when colour is on; Plain cells in an emphasised row are drawn bold.
enum class Style { Plain, Bold, Green, Amber, Red };

/// One cell: its text (made printable when drawn) and its style.
struct Cell {
  std::string text;
  Style style = Style::Plain;

  /// A plain cell, so that rows can be written as lists of strings.
  Cell(std::string cell_text) : text(std::move(cell_text)) {}  // NOLINT: implicit by design
  /// A plain cell from a literal.
  Cell(const char* cell_text) : text(cell_text) {}  // NOLINT: implicit by design
  /// A styled cell.
  Cell(std::string cell_text, Style cell_style) : text(std::move(cell_text)), style(cell_style) {}
};

/// A column: its heading and alignment.
struct Column {
  std::string header;
  Align align = Align::Left;
};

/// Rows of cells under headed columns, drawn with two spaces between columns, a dashed rule
/// under the headings, and no trailing spaces.
class TextTable {
 public:
  /// A table with these columns.
  explicit TextTable(std::vector<Column> columns);

  /// Appends a row; missing cells are empty, extra cells are an error. An emphasised row (a
  /// total) is drawn bold when colour is on.
  void add_row(std::vector<Cell> cells, bool emphasised = false);

  /// Appends a dashed rule across every column (before a total, say).
  void add_rule();

  /// Number of rows added, rules included.
  std::size_t size() const { return rows_.size(); }

  /// Draws the table; with `colour` false no escape byte is written.
  void write(std::ostream& out, bool colour) const;

  /// Writes the table as a GitHub-flavoured Markdown pipe table: the headings, a delimiter row
  /// aligned as the columns are, then one row per added row with its cells escaped; rules are
  /// left out and the non-empty cells of an emphasised row are bold. Never writes colour.
  void write_markdown(std::ostream& out) const;

 private:
  struct Row {
    std::vector<Cell> cells;
    bool emphasised = false;
    bool rule = false;
  };

  /// The width of each column: its widest cell or heading.
  std::vector<std::size_t> column_widths() const;
  /// Writes one row of cells, padded to `widths`.
  void write_cells(std::ostream& out, const std::vector<Cell>& cells, bool emphasised,
                   const std::vector<std::size_t>& widths, bool colour) const;

  std::vector<Column> columns_;
  std::vector<Row> rows_;
};

/// The ANSI sequence that starts a style ("" for Plain).
std::string_view style_start(Style style);

/// The ANSI sequence that ends any style.
inline constexpr std::string_view kStyleReset = "\x1b[0m";

/// `text` wrapped in the escape sequences of `style` when `colour` is on, otherwise as it is.
std::string styled(std::string_view text, Style style, bool colour);

}  // namespace estab::report
