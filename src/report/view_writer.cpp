// The block writer shared by the table and Markdown views: text exactly as the table views
// write it, or Markdown blocks a blank line apart with every piece of text escaped.

#include "report/view_writer.hpp"

#include <stdexcept>

#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

bool is_view_layout(OutputFormat format) {
  return format == OutputFormat::Table || format == OutputFormat::Markdown;
}

ViewWriter::ViewWriter(std::ostream& out, OutputFormat format, bool colour)
    : out_(out), markdown_(format == OutputFormat::Markdown), colour_(colour && !markdown_) {
  if (!is_view_layout(format)) {
    throw std::logic_error("report: a view can only be laid out as a table or as Markdown");
  }
}

void ViewWriter::start_block(Block kind) {
  const bool list_continues = kind == Block::ListItem && last_block_ == Block::ListItem;
  if (last_block_ != Block::None && !list_continues) {
    out_ << '\n';
  }
  last_block_ = kind;
}

void ViewWriter::heading(HeadingLevel level, std::string_view text) {
  if (!markdown_) {
    write_heading(out_, text, colour_);
    return;
  }
  start_block(Block::Other);
  out_ << std::string(static_cast<std::size_t>(level), '#') << ' '
       << escape_markdown(text, MarkdownContext::Heading) << '\n';
}

void ViewWriter::line(std::string_view text) {
  if (!markdown_) {
    out_ << printable(text) << '\n';
    return;
  }
  start_block(Block::Other);
  out_ << escape_markdown(text, MarkdownContext::Paragraph) << '\n';
}

void ViewWriter::line(std::initializer_list<StyledText> pieces) {
  std::string joined;
  for (const StyledText& piece : pieces) {
    joined += markdown_ ? piece.text : styled(printable(piece.text), piece.style, colour_);
  }
  if (!markdown_) {
    out_ << joined << '\n';
    return;
  }
  line(joined);
}

void ViewWriter::paragraph(std::string_view text) {
  line(text);
  blank_line();
}

void ViewWriter::blank_line() {
  if (!markdown_) {
    out_ << '\n';
  }
}

void ViewWriter::bullet(std::string_view text) {
  if (!markdown_) {
    out_ << "- " << printable(text) << '\n';
    return;
  }
  start_block(Block::ListItem);
  out_ << "- " << escape_markdown(text, MarkdownContext::Paragraph) << '\n';
}

void ViewWriter::table(const TextTable& table) {
  if (!markdown_) {
    table.write(out_, colour_);
    return;
  }
  start_block(Block::Other);
  table.write_markdown(out_);
}

}  // namespace estab::report
