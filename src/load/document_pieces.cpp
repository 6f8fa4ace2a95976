// Reading a large file in pieces on several threads. Nearly all of a national-scale file is its
// top-level `teams` list, and each item of a block sequence starts on a line of its own at the
// list's indentation, so the list can be cut between items and each part parsed by itself.
// The cut is trusted only when every part parses and each part's items start exactly on the
// lines where the text says items start; otherwise the caller parses the file whole, so a
// file that is unusual in any way is read exactly as it always was.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "load/parse_text.hpp"

namespace estab {
namespace {

/// The key of the list that is cut into pieces.
constexpr std::string_view kListKey = "teams:";

/// Where the items of the top-level `teams` block list start.
struct ListLayout {
  std::size_t end = 0;                       ///< offset just past the list's last line
  std::vector<std::size_t> item_offsets;     ///< offset of each item's `- ` line
  std::vector<std::uint32_t> item_lines;     ///< its line number, from 1
};

/// One line of the text, without its line break.
struct TextLine {
  std::string_view text;
  std::size_t offset = 0;
  std::uint32_t number = 0;
};

/// Walks the text line by line.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  /// The next line, or nothing at the end of the text.
  std::optional<TextLine> next() {
    if (offset_ >= text_.size()) return std::nullopt;
    const std::size_t line_end = text_.find('\n', offset_);
    const std::size_t stop = line_end == std::string_view::npos ? text_.size() : line_end;
    TextLine line{text_.substr(offset_, stop - offset_), offset_, ++number_};
    offset_ = line_end == std::string_view::npos ? text_.size() : line_end + 1;
    return line;
  }

  /// The offset just past the last line returned.
  std::size_t offset() const { return offset_; }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint32_t number_ = 0;
};

/// True for a line holding only spaces, tabs, a carriage return or a comment.
bool blank_or_comment(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

/// True when the line is `teams:` at the left margin, optionally followed by a comment.
bool is_list_key_line(std::string_view line) {
  if (line.substr(0, kListKey.size()) != kListKey) return false;
  const std::string_view rest = line.substr(kListKey.size());
  const std::size_t first = rest.find_first_not_of(" \t\r");
  return first == std::string_view::npos || (rest[first] == '#' && first > 0);
}

/// True when `line` starts a block sequence item at `indent`: spaces, then `-` and a space or
/// the end of the line.
bool is_item_line(std::string_view line, std::size_t indent) {
  if (line.size() <= indent || line[indent] != '-') return false;
  if (line.find_first_not_of(' ') != indent) return false;
  return line.size() == indent + 1 || line[indent + 1] == ' ' || line[indent + 1] == '\r';
}

/// Finds the top-level `teams` block list and its item lines; nothing when the file has no
/// such list, has it twice, or indents with tabs.
std::optional<ListLayout> find_list(std::string_view text) {
  LineCursor cursor(text);
  std::optional<TextLine> line;
  bool found = false;
  while ((line = cursor.next())) {
    if (is_list_key_line(line->text)) {
      found = true;
      break;
    }
  }
  if (!found) return std::nullopt;

  ListLayout layout;
  std::optional<std::size_t> indent;
  layout.end = text.size();
  while ((line = cursor.next())) {
    if (blank_or_comment(line->text)) continue;
    if (line->text[0] == '\t' || line->text.find_first_not_of(' ') == std::string_view::npos) {
      return std::nullopt;
    }
    const std::size_t line_indent = line->text.find_first_not_of(' ');
    if (line->text[line_indent] == '\t') return std::nullopt;
    if (!indent) {
      if (!is_item_line(line->text, line_indent)) return std::nullopt;  // not a block list
      indent = line_indent;
    }
    if (is_item_line(line->text, *indent)) {
      layout.item_offsets.push_back(line->offset);
      layout.item_lines.push_back(line->number);
    } else if (line_indent <= *indent) {
      if (is_list_key_line(line->text)) return std::nullopt;  // a second `teams`: parse whole
      layout.end = line->offset;  // the next top-level key, or something the parser will judge
      break;
    }
  }
  while ((line = cursor.next())) {
    if (is_list_key_line(line->text)) return std::nullopt;  // a second `teams`: parse whole
  }
  if (layout.item_offsets.empty()) return std::nullopt;
  return layout;
}

/// Picks the items that start pieces 1, 2, …: about equal shares of the list's bytes.
std::vector<std::size_t> piece_starts(const ListLayout& layout, std::size_t pieces) {
  std::vector<std::size_t> starts;  // indexes into item_offsets
  const std::size_t first = layout.item_offsets.front();
  const std::size_t length = layout.end - first;
  for (std::size_t piece = 1; piece < pieces; ++piece) {
    const std::size_t target = first + length / pieces * piece;
    const auto item = std::lower_bound(layout.item_offsets.begin(), layout.item_offsets.end(),
                                       target);
    const auto index = static_cast<std::size_t>(item - layout.item_offsets.begin());
    if (index == 0 || index >= layout.item_offsets.size()) continue;
    if (!starts.empty() && index <= starts.back()) continue;
    starts.push_back(index);
  }
  return starts;
}

/// True when the items of `list` start exactly on lines `first` to `last` (exclusive) of
/// the layout.
bool items_start_on(const Document& document, Document::NodeId list, const ListLayout& layout,
                    std::size_t first, std::size_t last) {
  if (list == Document::kNoNode || document.kind(list) != NodeKind::Sequence) return false;
  std::size_t index = first;
  for (Document::NodeId item = document.first_child(list); item != Document::kNoNode;
       item = document.next_sibling(item), ++index) {
    if (index >= last || document.location(item).line != layout.item_lines[index]) return false;
  }
  return index == last;
}

/// The text of the whole file with the lines from `cut` to `end` left empty, so that every
/// other line keeps its number and columns.
std::string head_text(std::string_view text, std::size_t cut, std::size_t end) {
  const std::string_view removed = text.substr(cut, end - cut);
  const auto line_breaks = static_cast<std::size_t>(std::count(removed.begin(), removed.end(), '\n'));
  std::string head;
  head.reserve(cut + line_breaks + (text.size() - end));
  head.append(text.substr(0, cut));
  head.append(line_breaks, '\n');
  head.append(text.substr(end));
  return head;
}

}  // namespace

std::optional<Document> Document::parse_in_pieces(std::string_view text,
                                                  std::uint32_t file_index,
                                                  const std::string& file_name,
                                                  std::size_t pieces,
                                                  std::size_t least_items_per_piece) {
  try {
    check_text(text, file_index, file_name);  // as Document::parse would
  } catch (const InputError&) {
    return std::nullopt;
  }
  const std::optional<ListLayout> layout = find_list(text);
  if (!layout || pieces < 2 || layout->item_offsets.size() < pieces * least_items_per_piece) {
    return std::nullopt;
  }
  const std::vector<std::size_t> starts = piece_starts(*layout, pieces);
  if (starts.empty()) return std::nullopt;

  // Piece 0 is the file with the other pieces' lines emptied; pieces 1… are runs of items,
  // each parsed as a list one level inside the document (the list is the root's value).
  const std::size_t part_count = starts.size();
  std::vector<std::optional<Document>> parts(part_count);
  std::vector<std::thread> workers;
  workers.reserve(part_count);
  const auto join_all = [&workers] {
    for (std::thread& worker : workers) worker.join();
  };
  for (std::size_t part = 0; part < part_count; ++part) {
    const auto parse_part = [&, part] {
      const std::size_t first_item = starts[part];
      const std::size_t begin = layout->item_offsets[first_item];
      const std::size_t end =
          part + 1 < part_count ? layout->item_offsets[starts[part + 1]] : layout->end;
      try {
        parts[part] = parse_yaml_text(text.substr(begin, end - begin), file_index, file_name,
                                      layout->item_lines[first_item] - 1, 1);
      } catch (...) {
        parts[part].reset();  // judged below: the whole file is parsed instead
      }
    };
    try {
      workers.emplace_back(parse_part);
    } catch (const std::system_error&) {  // no thread to be had: parse the whole file
      join_all();
      return std::nullopt;
    }
  }
  std::optional<Document> head;
  try {
    const std::string text_of_head =
        head_text(text, layout->item_offsets[starts.front()], layout->end);
    head = parse_yaml_text(text_of_head, file_index, file_name);
  } catch (...) {
    head.reset();
  }
  join_all();

  if (!head || head->kind(head->root()) != NodeKind::Map) return std::nullopt;
  const NodeId list = head->find(head->root(), "teams");
  if (!items_start_on(*head, list, *layout, 0, starts.front())) return std::nullopt;
  for (std::size_t part = 0; part < part_count; ++part) {
    const std::size_t last = part + 1 < part_count ? starts[part + 1] : layout->item_offsets.size();
    if (!parts[part] || !items_start_on(*parts[part], parts[part]->root(), *layout, starts[part], last)) {
      return std::nullopt;
    }
  }
  std::size_t text_bytes = head->text_arena_.size();
  for (const std::optional<Document>& part : parts) text_bytes += part->text_arena_.size();
  head->text_arena_.reserve(text_bytes);  // one move of the head's text, not one per piece
  for (std::optional<Document>& part : parts) {
    head->append_items(list, *part);
    part.reset();  // freed as soon as it is joined
  }
  return head;
}

}  // namespace estab
