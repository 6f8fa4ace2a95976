// The text table builder: column widths from display width, alignment, rules and colour; and
// the same rows as a Markdown pipe table.

#include "report/table.hpp"

#include <algorithm>
#include <stdexcept>

#include "report/text_format.hpp"

namespace estab::report {

namespace {

constexpr std::string_view kColumnGap = "  ";

/// Removes trailing spaces, so that a left-aligned last column leaves no padding behind.
void trim_trailing_spaces(std::string& line) {
  const std::size_t last = line.find_last_not_of(' ');
  line.erase(last == std::string::npos ? 0 : last + 1);
}

/// One Markdown table row: "| first | second |".
void write_markdown_row(std::ostream& out, const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const std::string& cell : cells) {
    line += ' ';
    line += cell;
    line += " |";
  }
  out << line << '\n';
}

/// A cell's text for Markdown: without surrounding spaces (GFM trims them anyway, and bold
/// markers must touch the text), escaped, and bold when `bold` and not empty.
std::string markdown_cell(std::string_view text, bool bold) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return "";
  }
  const std::size_t last = text.find_last_not_of(' ');
  const std::string escaped =
      escape_markdown(text.substr(first, last - first + 1), MarkdownContext::Cell);
  return bold ? "**" + escaped + "**" : escaped;
}

}  // namespace

std::string_view style_start(Style style) {
  switch (style) {
    case Style::Bold: return "\x1b[1m";
    case Style::Green: return "\x1b[32m";
    case Style::Amber: return "\x1b[33m";
    case Style::Red: return "\x1b[31m";
    case Style::Plain: break;
  }
  return "";
}

std::string styled(std::string_view text, Style style, bool colour) {
  if (!colour || style == Style::Plain || text.empty()) {
    return std::string(text);
  }
  std::string wrapped(style_start(style));
  wrapped += text;
  wrapped += kStyleReset;
  return wrapped;
}

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<Cell> cells, bool emphasised) {
  if (cells.size() > columns_.size()) {
    throw std::logic_error("report: a table row has more cells than the table has columns");
  }
  cells.resize(columns_.size(), Cell(""));
  for (Cell& cell : cells) {
    cell.text = printable(cell.text);
  }
  rows_.push_back(Row{std::move(cells), emphasised, false});
}

void TextTable::add_rule() {
  rows_.push_back(Row{{}, false, true});
}

std::vector<std::size_t> TextTable::column_widths() const {
  std::vector<std::size_t> widths;
  widths.reserve(columns_.size());
  for (const Column& column : columns_) {
    widths.push_back(display_width(column.header));
  }
  for (const Row& row : rows_) {
    for (std::size_t index = 0; index < row.cells.size(); ++index) {
      widths[index] = std::max(widths[index], display_width(row.cells[index].text));
    }
  }
  return widths;
}

void TextTable::write_cells(std::ostream& out, const std::vector<Cell>& cells, bool emphasised,
                            const std::vector<std::size_t>& widths, bool colour) const {
  std::string line;
  for (std::size_t index = 0; index < columns_.size(); ++index) {
    if (index > 0) {
      line += kColumnGap;
    }
    const Cell& cell = cells[index];
    const std::string padding(widths[index] - display_width(cell.text), ' ');
    const Style style = (cell.style == Style::Plain && emphasised) ? Style::Bold : cell.style;
    const std::string drawn = styled(cell.text, style, colour);
    if (columns_[index].align == Align::Right) {
      line += padding;
      line += drawn;
    } else {
      line += drawn;
      line += padding;
    }
  }
  trim_trailing_spaces(line);
  out << line << '\n';
}

void TextTable::write(std::ostream& out, bool colour) const {
  const std::vector<std::size_t> widths = column_widths();
  std::vector<Cell> headers;
  headers.reserve(columns_.size());
  for (const Column& column : columns_) {
    headers.emplace_back(printable(column.header));
  }
  write_cells(out, headers, true, widths, colour);

  std::string rule;
  for (std::size_t index = 0; index < widths.size(); ++index) {
    if (index > 0) {
      rule += kColumnGap;
    }
    rule.append(widths[index], '-');
  }
  const std::string rule_line = rule + '\n';
  out << rule_line;
  for (const Row& row : rows_) {
    if (row.rule) {
      out << rule_line;
    } else {
      write_cells(out, row.cells, row.emphasised, widths, colour);
    }
  }
}

void TextTable::write_markdown(std::ostream& out) const {
  std::vector<std::string> headers;
  std::vector<std::string> delimiters;
  for (const Column& column : columns_) {
    headers.push_back(markdown_cell(column.header, false));
    delimiters.emplace_back(column.align == Align::Right ? "--:" : ":--");
  }
  write_markdown_row(out, headers);
  write_markdown_row(out, delimiters);
  for (const Row& row : rows_) {
    if (row.rule) {
      continue;
    }
    std::vector<std::string> cells;
    cells.reserve(row.cells.size());
    for (const Cell& cell : row.cells) {
      cells.push_back(markdown_cell(cell.text, row.emphasised));
    }
    write_markdown_row(out, cells);
  }
}

}  // namespace estab::report
