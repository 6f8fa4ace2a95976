// HTML building blocks for the board paper: escaping, balanced elements, tables with RAG
// badges, and the page frame with its inline stylesheet (A4, print-friendly, no fetches).

#include "report/html_writer.hpp"

#include <stdexcept>

#include "report/text_format.hpp"

namespace estab::report {

namespace {

/// Everything the board paper looks like. No url(), no @import, no external font: the page
/// must render the same with no network.
constexpr std::string_view kStylesheet = R"css(
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #e8edee; }
body {
  margin: 0; color: #212b32; background: #ffffff;
  font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif;
  font-size: 10pt; line-height: 1.4;
}
@media screen {
  body { max-width: 210mm; margin: 0 auto; padding: 14mm 14mm 18mm 14mm; }
}
@media print {
  html { background: none; }
}
header.title-block {
  border-top: 6px solid #005eb8; padding-top: 4mm; margin-bottom: 5mm; break-inside: avoid;
}
.organisation { font-size: 11pt; font-weight: bold; color: #005eb8; margin: 0; }
h1 { font-size: 19pt; line-height: 1.2; color: #003087; margin: 1.5mm 0 3mm 0; }
dl.meta { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0; font-size: 9.5pt; }
dl.meta div { display: flex; gap: 2mm; }
dl.meta dt { color: #4c6272; }
dl.meta dd { margin: 0; font-weight: bold; }
h2 {
  font-size: 13pt; color: #003087; margin: 7mm 0 2.5mm 0; padding-bottom: 1mm;
  border-bottom: 1.5px solid #005eb8; break-after: avoid;
}
h3 { font-size: 10.5pt; color: #003087; margin: 4mm 0 1.5mm 0; break-after: avoid; }
p { margin: 1.5mm 0; }
p, li, dd, h1, h2, h3, figcaption, .organisation, td, .detail {
  overflow-wrap: anywhere;  /* a long unbroken name wraps instead of widening the page */
}
table.teams td:first-child, table.sets td:first-child { min-width: 28mm; }
table.teams td:last-child { min-width: 26mm; }
p.note { color: #4c6272; font-size: 8.5pt; }
.keep { break-inside: avoid; }
table {
  width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2mm 0 3mm 0;
  break-inside: avoid;
}
thead { display: table-header-group; }
tr { break-inside: avoid; }
th {
  text-align: left; vertical-align: bottom; font-weight: bold; background: #f0f4f5;
  border-bottom: 1.5px solid #212b32; padding: 1.2mm 1.5mm;
}
td { vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.5px solid #d8dde0; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.settings { width: auto; min-width: 60%; }
aside.attention {
  border-left: 4px solid #da291c; background: #fdf3f2; padding: 1mm 4mm 2mm 4mm;
  margin: 4mm 0; break-inside: avoid;
}
aside.attention h2 { border: none; margin: 2mm 0 1mm 0; padding: 0; color: #8a1538; }
aside.attention ul { margin: 1mm 0; padding-left: 5mm; }
table.actuals { font-size: 7.5pt; }
table.actuals th, table.actuals td { padding: 1mm 0.8mm; }
td.rag, th.rag { text-align: center; white-space: nowrap; }
td.rag .detail { white-space: normal; text-align: left; }
tfoot td { font-weight: bold; border-top: 1.5px solid #212b32; border-bottom: none; }
.detail { display: block; font-size: 7.5pt; color: #4c6272; font-weight: normal; }
.badge {
  display: inline-block; min-width: 13mm; padding: 0.2mm 1.5mm; border: 1px solid;
  border-radius: 2.5mm; font-size: 7.5pt; font-weight: bold; text-align: center;
  text-transform: capitalize; letter-spacing: 0.02em;
}
.rag-green { background: #007f3b; color: #ffffff; border-color: #00582a; }
.rag-amber { background: #ffb81c; color: #212b32; border-color: #a87600; }
.rag-red { background: #d5281b; color: #ffffff; border-color: #8a1a12; }
.rag-none { background: #ffffff; color: #4c6272; border-color: #aeb7bd; }
.figures { display: flex; gap: 3mm; margin: 2mm 0 3mm 0; break-inside: avoid; }
.figure {
  flex: 1 1 0; border: 1px solid #d8dde0; border-top: 4px solid #005eb8; padding: 2mm 3mm;
}
.figure .label { font-size: 8.5pt; color: #4c6272; }
.figure .value { font-size: 17pt; font-weight: bold; color: #003087; line-height: 1.2; }
.figure .cost { font-size: 10pt; }
.figure.gap { border-top-color: #425563; }
.figure.gap .value { font-size: 13pt; color: #212b32; }
figure.chart { margin: 2mm 0 4mm 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart svg text { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; }
figcaption { font-size: 8.5pt; color: #4c6272; margin-top: 1mm; }
ul.warnings { list-style: none; padding: 0; margin: 2mm 0; }
ul.warnings li {
  border-left: 4px solid #ffb81c; background: #fff9ec; padding: 1.2mm 2.5mm; margin: 0 0 1.5mm 0;
  break-inside: avoid;
}
.muted { color: #4c6272; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.5px solid #d8dde0; font-size: 8pt; color: #4c6272; }
)css";

const char* rag_class(Rag rag) {
  switch (rag) {
    case Rag::Green: return "badge rag-green";
    case Rag::Amber: return "badge rag-amber";
    case Rag::Red: return "badge rag-red";
    case Rag::None: break;
  }
  return "badge rag-none";
}

}  // namespace

std::string html_escape(std::string_view text) {
  const std::string safe = printable(text);
  std::string escaped;
  escaped.reserve(safe.size() + safe.size() / 8);
  for (const char character : safe) {
    switch (character) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped.push_back(character);
    }
  }
  return escaped;
}

std::string shorten(std::string_view text, std::size_t max_width) {
  if (display_width(text) <= max_width || max_width == 0) {
    return std::string(text);
  }
  std::string shortened;
  std::size_t width = 0;
  for (const char byte : text) {
    const bool starts_code_point = (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    if (starts_code_point && ++width > max_width - 1) {
      break;
    }
    shortened.push_back(byte);
  }
  return shortened + "\xE2\x80\xA6";  // "…"
}

void HtmlWriter::write_start(std::string_view tag,
                             std::initializer_list<HtmlAttribute> attributes) {
  out_ << '<' << tag;
  for (const HtmlAttribute& attribute : attributes) {
    out_ << ' ' << attribute.name << "=\"" << html_escape(attribute.value) << '"';
  }
  out_ << '>';
}

void HtmlWriter::open(std::string_view tag, std::initializer_list<HtmlAttribute> attributes) {
  write_start(tag, attributes);
  open_tags_.emplace_back(tag);
}

void HtmlWriter::close() {
  if (open_tags_.empty()) {
    throw std::logic_error("html: close() with no open element");
  }
  out_ << "</" << open_tags_.back() << '>';
  open_tags_.pop_back();
}

void HtmlWriter::text(std::string_view content) {
  out_ << html_escape(content);
}

void HtmlWriter::element(std::string_view tag, std::string_view content,
                         std::initializer_list<HtmlAttribute> attributes) {
  write_start(tag, attributes);
  out_ << html_escape(content) << "</" << tag << '>';
}

void HtmlWriter::markup(std::string_view trusted_markup) {
  out_ << trusted_markup;
}

std::string rag_badge(Rag rag) {
  if (rag == Rag::None) {
    return std::string("<span class=\"badge rag-none\">") + std::string(kNullCell) + "</span>";
  }
  return std::string("<span class=\"") + rag_class(rag) + "\">" + rag_name(rag) + "</span>";
}

HtmlCell number_cell(std::string text) {
  return HtmlCell(std::move(text), CellKind::Number);
}

HtmlCell rag_cell_html(Rag rag) {
  HtmlCell cell(rag_name(rag), CellKind::Rag);
  cell.rag = rag;
  return cell;
}

HtmlTable::HtmlTable(std::vector<HtmlColumn> columns, std::string css_class)
    : columns_(std::move(columns)), css_class_(std::move(css_class)) {}

std::vector<HtmlCell> HtmlTable::padded(std::vector<HtmlCell> cells) const {
  if (cells.size() > columns_.size()) {
    throw std::logic_error("html: a table row has more cells than columns");
  }
  cells.resize(columns_.size(), HtmlCell(""));
  return cells;
}

void HtmlTable::add_row(std::vector<HtmlCell> cells) {
  rows_.push_back(padded(std::move(cells)));
}

void HtmlTable::add_total(std::vector<HtmlCell> cells) {
  totals_.push_back(padded(std::move(cells)));
}

void HtmlTable::write_row(HtmlWriter& html, const std::vector<HtmlCell>& cells) const {
  html.open("tr");
  for (const HtmlCell& cell : cells) {
    switch (cell.kind) {
      case CellKind::Text: html.open("td"); break;
      case CellKind::Number: html.open("td", {{"class", "num"}}); break;
      case CellKind::Rag: html.open("td", {{"class", "rag"}}); break;
    }
    if (cell.kind == CellKind::Rag) {
      html.markup(rag_badge(cell.rag));
    } else {
      html.text(cell.text);
    }
    if (!cell.detail.empty()) {
      html.element("span", cell.detail, {{"class", "detail"}});
    }
    html.close();
  }
  html.close();
  html.newline();
}

void HtmlTable::write(HtmlWriter& html) const {
  if (css_class_.empty()) {
    html.open("table");
  } else {
    html.open("table", {{"class", css_class_}});
  }
  html.open("thead");
  html.open("tr");
  for (const HtmlColumn& column : columns_) {
    if (column.numeric) {
      html.element("th", column.header, {{"class", "num"}, {"scope", "col"}});
    } else {
      html.element("th", column.header, {{"scope", "col"}});
    }
  }
  html.close();
  html.close();
  html.newline();
  html.open("tbody");
  for (const std::vector<HtmlCell>& row : rows_) {
    write_row(html, row);
  }
  html.close();
  if (!totals_.empty()) {
    html.open("tfoot");
    for (const std::vector<HtmlCell>& row : totals_) {
      write_row(html, row);
    }
    html.close();
  }
  html.close();
  html.newline();
}

void write_document_start(HtmlWriter& html, std::string_view title) {
  html.markup("<!DOCTYPE html>\n");
  html.open("html", {{"lang", "en-GB"}});
  html.newline();
  html.open("head");
  html.newline();
  html.markup("<meta charset=\"utf-8\">\n");
  html.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  html.markup("<meta name=\"generator\" content=\"estab\">\n");
  html.element("title", title);
  html.newline();
  html.open("style");
  html.markup(board_paper_stylesheet());
  html.close();
  html.newline();
  html.close();
  html.newline();
  html.open("body");
  html.newline();
}

void write_document_end(HtmlWriter& html) {
  html.close();  // body
  html.newline();
  html.close();  // html
  html.newline();
  if (html.depth() != 0) {
    throw std::logic_error("html: an element was left open");
  }
}

std::string_view board_paper_stylesheet() {
  return kStylesheet;
}

}  // namespace estab::report
