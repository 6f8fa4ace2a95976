#pragma once
/// HTML building blocks for the board paper: escaping, an element writer that keeps tags
/// balanced, tables with RAG badges, and the page frame (head, inline stylesheet).

#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"

namespace estab::report {

/// `text` safe inside HTML text and quoted attribute values: & < > " ' become entities, and
/// control characters (which HTML forbids) become '?'.
std::string html_escape(std::string_view text);

/// At most `max_width` code points of `text`, with "…" in place of the rest when it is longer.
std::string shorten(std::string_view text, std::size_t max_width);

/// One attribute of an element; the value is escaped when written.
struct HtmlAttribute {
  std::string_view name;
  std::string value;
};

/// Writes HTML elements to a stream: every text and attribute value is escaped, and every
/// element opened is closed in order.
class HtmlWriter {
 public:
  /// A writer onto `out`.
  explicit HtmlWriter(std::ostream& out) : out_(out) {}

  /// Writes `<tag attributes…>` and remembers it, to be closed by close().
  void open(std::string_view tag, std::initializer_list<HtmlAttribute> attributes = {});

  /// Closes the most recently opened element.
  void close();

  /// Writes escaped text.
  void text(std::string_view content);

  /// Writes `<tag attributes…>escaped content</tag>`.
  void element(std::string_view tag, std::string_view content,
               std::initializer_list<HtmlAttribute> attributes = {});

  /// Writes markup built by this module (the stylesheet, an SVG chart) as it is. Never pass
  /// input text here: it must go through text(), element() or html_escape().
  void markup(std::string_view trusted_markup);

  /// A newline, to keep the source readable.
  void newline() { out_ << '\n'; }

  /// Number of elements opened and not yet closed.
  std::size_t depth() const { return open_tags_.size(); }

 private:
  void write_start(std::string_view tag, std::initializer_list<HtmlAttribute> attributes);

  std::ostream& out_;
  std::vector<std::string> open_tags_;
};

/// A rating drawn as a coloured badge that also carries the word ("green", "amber", "red"),
/// so that it reads in greyscale; "-" for no rating.
std::string rag_badge(Rag rag);

/// How a table cell lines up and looks.
enum class CellKind { Text, Number, Rag };

/// One cell of an HTML table.
struct HtmlCell {
  std::string text;  ///< escaped when written
  CellKind kind = CellKind::Text;
  Rag rag = Rag::None;  ///< only for CellKind::Rag
  std::string detail;   ///< an optional second, smaller line under the text (escaped)

  /// A text cell.
  HtmlCell(std::string cell_text) : text(std::move(cell_text)) {}  // NOLINT: implicit by design
  /// A text cell from a literal.
  HtmlCell(const char* cell_text) : text(cell_text) {}  // NOLINT: implicit by design
  /// A cell of the given kind.
  HtmlCell(std::string cell_text, CellKind cell_kind)
      : text(std::move(cell_text)), kind(cell_kind) {}
};

/// A numeric (right-aligned) cell.
HtmlCell number_cell(std::string text);

/// A cell showing a rating as a badge.
HtmlCell rag_cell_html(Rag rag);

/// A column heading of an HTML table.
struct HtmlColumn {
  std::string header;
  bool numeric = false;
};

/// A whole HTML table: caption, headings, body rows and optional total rows.
class HtmlTable {
 public:
  /// A table with these columns and a CSS class ("" for none).
  HtmlTable(std::vector<HtmlColumn> columns, std::string css_class = "");

  /// Appends a body row; missing cells are empty, extra cells are an error.
  void add_row(std::vector<HtmlCell> cells);

  /// Appends a total row (in the table foot, drawn bold).
  void add_total(std::vector<HtmlCell> cells);

  /// Number of body rows.
  std::size_t size() const { return rows_.size(); }

  /// Writes the table.
  void write(HtmlWriter& html) const;

 private:
  void write_row(HtmlWriter& html, const std::vector<HtmlCell>& cells) const;
  std::vector<HtmlCell> padded(std::vector<HtmlCell> cells) const;

  std::vector<HtmlColumn> columns_;
  std::string css_class_;
  std::vector<std::vector<HtmlCell>> rows_;
  std::vector<std::vector<HtmlCell>> totals_;
};

/// Writes the document start (doctype, head with title and inline stylesheet, body open).
void write_document_start(HtmlWriter& html, std::string_view title);

/// Closes the body and the document.
void write_document_end(HtmlWriter& html);

/// The inline stylesheet: A4 pages, print-friendly tables, badges and charts.
std::string_view board_paper_stylesheet();

}  // namespace estab::report
