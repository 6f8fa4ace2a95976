#pragma once
/// One writer for the blocks of a view (headings, lines, paragraphs, lists and tables) that
/// draws them as terminal text or as GitHub-flavoured Markdown, so that each view is built once
/// and rendered either way.

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

#include "estab/report.hpp"
#include "report/table.hpp"

namespace estab::report {

/// How deep a heading is: a view's title, a section of it, or a part of a section.
enum class HeadingLevel { Title = 1, Section = 2, Subsection = 3 };

/// A piece of a line with its style; the style shows only in coloured terminal text.
struct StyledText {
  std::string text;
  Style style = Style::Plain;
};

/// Whether the views lay `format` out themselves: a terminal table or Markdown.
bool is_view_layout(OutputFormat format);

/// Writes a view's blocks to a stream. As terminal text every block is written exactly as the
/// table views always have been (a bold heading and a blank line, lines as they are, blank lines
/// where asked); as Markdown a heading is `#`, `##` or `###`, each line its own paragraph, the
/// blocks one blank line apart whatever blank lines are asked for, all text escaped, no colour.
class ViewWriter {
 public:
  /// A writer of `format` (Table or Markdown; any other is a logic error); `colour` applies to
  /// the table format only.
  ViewWriter(std::ostream& out, OutputFormat format, bool colour);

  /// Whether the blocks are written as Markdown.
  bool markdown() const { return markdown_; }

  /// The finest roll-up the establishment and gap tables show (`--level`): lines and every
  /// total by default; teams, services or the organisation only.
  RollupLevel level() const { return level_; }
  /// Sets the finest roll-up the tables show.
  void set_level(RollupLevel level) { level_ = level; }

  /// A heading: bold text and a blank line, or a Markdown heading of `level`.
  void heading(HeadingLevel level, std::string_view text);

  /// One line of text (a paragraph of its own in Markdown).
  void line(std::string_view text);

  /// One line made of styled pieces (a paragraph of its own in Markdown, without styles).
  void line(std::initializer_list<StyledText> pieces);

  /// A line followed by a blank line.
  void paragraph(std::string_view text);

  /// A blank line in text; nothing in Markdown, where blocks are always a blank line apart.
  void blank_line();

  /// An item of a bulleted list: "- text".
  void bullet(std::string_view text);

  /// A table: aligned columns in text, a pipe table in Markdown.
  void table(const TextTable& table);

 private:
  RollupLevel level_ = RollupLevel::Line;
  /// What the last Markdown block was, so that list items stay together.
  enum class Block { None, ListItem, Other };

  /// Separates a new Markdown block of `kind` from the one before it by a blank line.
  void start_block(Block kind);

  std::ostream& out_;
  bool markdown_ = false;
  bool colour_ = false;
  Block last_block_ = Block::None;
};

}  // namespace estab::report
