// Reading a large file in pieces on several threads. Nearly all of a national-scale file is its
// top-level `teams` list, and each item of a block sequence starts on a line of its own at the
// list's indentation, so the file can be cut there: a head (everything up to a cut), runs of
// items, and a tail (the top-level keys after the list). Each part is parsed by itself, with a
// sentinel after it where the next part begins: a quoted string or flow collection that runs
// across a cut either fails its part or swallows the sentinel. The parts are joined only when
// every one parses, its sentinel stands where it was put, and the items of each start exactly
// on the lines where the text says items start; otherwise the caller parses the file whole, so
// a file that is unusual in any way is read exactly as it always was.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "load/parse_text.hpp"

namespace estab {
namespace {

/// The key of the list that is cut into pieces.
constexpr std::string_view kListKey = "teams:";

/// Where the items of the top-level `teams` block list start, and where the list ends.
struct ListLayout {
  std::vector<std::size_t> item_offsets;  ///< offset of each item's `- ` line
  std::vector<std::uint32_t> item_lines;  ///< its line number, from 1
  std::size_t end = 0;                    ///< offset of the first line after the list
  std::uint32_t lines_before_end = 0;     ///< lines of the file before `end`
  std::size_t indent = 0;                 ///< the column of the items' `-`, from 0
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

/// True when a line after the list can start a tail parsed by itself: a key at the left
/// margin, not an item, a document marker or a second `teams`.
bool starts_tail(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '-' || line[0] == '.') return false;
  return !is_list_key_line(line);
}

/// Finds the top-level `teams` block list and its item lines; nothing when the file has no
/// such list, has it twice, has YAML directives (which would reach only the head), or indents
/// with tabs.
std::optional<ListLayout> find_list(std::string_view text) {
  if (!text.empty() && text[0] == '%') return std::nullopt;
  if (text.find("\n%") != std::string_view::npos) return std::nullopt;
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
  layout.end = text.size();
  std::optional<std::size_t> indent;
  while ((line = cursor.next())) {
    if (blank_or_comment(line->text)) continue;
    const std::size_t line_indent = line->text.find_first_not_of(' ');
    if (line->text[line_indent] == '\t') return std::nullopt;
    if (!indent) {
      if (!is_item_line(line->text, line_indent)) return std::nullopt;  // not a block list
      indent = line_indent;
      layout.indent = line_indent;
    }
    if (is_item_line(line->text, *indent)) {
      layout.item_offsets.push_back(line->offset);
      layout.item_lines.push_back(line->number);
    } else if (line_indent <= *indent) {
      if (!starts_tail(line->text)) return std::nullopt;
      layout.end = line->offset;
      layout.lines_before_end = line->number - 1;
      break;
    }
  }
  while ((line = cursor.next())) {
    if (is_list_key_line(line->text)) return std::nullopt;  // a second `teams`
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
    const auto item =
        std::lower_bound(layout.item_offsets.begin(), layout.item_offsets.end(), target);
    const auto index = static_cast<std::size_t>(item - layout.item_offsets.begin());
    if (index == 0 || index >= layout.item_offsets.size()) continue;
    if (!starts.empty() && index <= starts.back()) continue;
    starts.push_back(index);
  }
  return starts;
}

/// True when the items of `list` start exactly on item lines `first` to `last` (exclusive),
/// followed, when `sentinel_line` is not 0, by the sentinel item on that line: a map of one
/// null key to a null value.
bool items_start_on(const Document& document, Document::NodeId list, const ListLayout& layout,
                    std::size_t first, std::size_t last, std::uint32_t sentinel_line) {
  if (list == Document::kNoNode || document.kind(list) != NodeKind::Sequence) return false;
  std::size_t index = first;
  Document::NodeId item = document.first_child(list);
  for (; item != Document::kNoNode && index < last; item = document.next_sibling(item), ++index) {
    if (document.location(item).line != layout.item_lines[index]) return false;
  }
  if (index != last) return false;
  if (sentinel_line == 0) return item == Document::kNoNode;
  if (item == Document::kNoNode || document.next_sibling(item) != Document::kNoNode ||
      document.kind(item) != NodeKind::Map || document.location(item).line != sentinel_line) {
    return false;
  }
  const Document::NodeId key = document.first_child(item);
  if (key == Document::kNoNode || document.kind(key) != NodeKind::Null) return false;
  const Document::NodeId value = document.next_sibling(key);
  return value != Document::kNoNode && document.kind(value) == NodeKind::Null &&
         document.next_sibling(value) == Document::kNoNode;
}

/// The value of the key `teams` in `map` (which must be the map's last key when `last_key` is
/// set); kNoNode when there is none.
Document::NodeId list_value(const Document& document, Document::NodeId map, bool last_key) {
  Document::NodeId found = Document::kNoNode;
  Document::NodeId found_key = Document::kNoNode;
  Document::NodeId last = Document::kNoNode;
  for (Document::NodeId key = document.first_child(map); key != Document::kNoNode;) {
    const Document::NodeId value = document.next_sibling(key);
    if (value == Document::kNoNode) return Document::kNoNode;
    if (found == Document::kNoNode && document.kind(key) == NodeKind::Scalar &&
        document.text(key) == kListKey.substr(0, kListKey.size() - 1)) {
      found = value;
      found_key = key;
    }
    last = key;
    key = document.next_sibling(value);
  }
  if (last_key && last != found_key) return Document::kNoNode;
  return found;
}

/// One part of the file, what it parsed to, and the sentinel that shows where it ended.
/// yaml-cpp lets a quoted string run to the end of its input, so a part that ends before the
/// end of the file is parsed with a sentinel after it, at the place of the next part's first
/// token: a string left open swallows it. An empty value at the end of a part takes the
/// position of the token after it, which the sentinel gives exactly as the file does.
struct Part {
  TextPiece piece;
  std::uint32_t sentinel_line = 0;   ///< 0 when the part runs to the end of the file
  std::optional<Document> document;  ///< empty when it failed to parse
};

/// Parses every part, the first on this thread and the others on threads of their own.
/// Returns false when no thread could be started.
bool parse_parts(std::vector<Part>& parts, std::uint32_t file_index, const std::string& file_name) {
  const auto parse_part = [&](Part& part) {
    try {
      part.document = parse_yaml_text(part.piece, file_index, file_name);
    } catch (...) {
      part.document.reset();  // judged by the caller: the whole file is parsed instead
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(parts.size());
  bool started = true;
  for (std::size_t index = 1; index < parts.size(); ++index) {
    try {
      workers.emplace_back(parse_part, std::ref(parts[index]));
    } catch (...) {  // no thread to be had (std::system_error) or no memory for one
      started = false;
      break;
    }
  }
  if (started) parse_part(parts.front());
  for (std::thread& worker : workers) worker.join();
  return started;
}

}  // namespace

std::optional<Document> Document::parse_in_pieces(std::string_view text, std::uint32_t file_index,
                                                  const std::string& file_name, std::size_t pieces,
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

  // Part 0 is the head, followed by an item sentinel. Then a part for each run of items, read
  // as `teams:` and the items (so every item sits as deep as in the file), followed by an item
  // sentinel, or by a key sentinel where the tail starts. Then the tail, if there is one.
  const std::string_view tail = text.substr(layout->end);
  const bool has_tail = !tail.empty();
  // The item sentinel has the shape of a real item (`- id: x`); its `:` also catches a key
  // left without its `:` before the cut, which yaml-cpp reports only at the next `:`.
  const std::string item_sentinel = std::string(layout->indent, ' ') + "- ~: ~\n";
  constexpr std::string_view kKeySentinel = "~: ~\n";
  constexpr std::string_view kListPrefix = "teams:\n";
  std::vector<Part> parts;
  Part head_part;
  head_part.piece.text = text.substr(0, layout->item_offsets[starts.front()]);
  head_part.piece.suffix = item_sentinel;
  head_part.sentinel_line = layout->item_lines[starts.front()];
  parts.push_back(head_part);
  for (std::size_t run = 0; run < starts.size(); ++run) {
    const bool last_run = run + 1 == starts.size();
    const std::size_t begin = layout->item_offsets[starts[run]];
    const std::size_t end = last_run ? layout->end : layout->item_offsets[starts[run + 1]];
    Part run_part;
    run_part.piece.text = text.substr(begin, end - begin);
    run_part.piece.prefix = kListPrefix;
    run_part.piece.line_offset = layout->item_lines[starts[run]] - 2;  // the prefix's line too
    if (!last_run) {
      run_part.piece.suffix = item_sentinel;
      run_part.sentinel_line = layout->item_lines[starts[run + 1]];
    } else if (has_tail) {
      run_part.piece.suffix = kKeySentinel;
      run_part.sentinel_line = layout->lines_before_end + 1;
    }
    parts.push_back(run_part);
  }
  if (has_tail) {
    Part tail_part;
    tail_part.piece.text = tail;
    tail_part.piece.line_offset = layout->lines_before_end;
    parts.push_back(tail_part);
  }
  if (!parse_parts(parts, file_index, file_name)) return std::nullopt;
  for (const Part& part : parts) {
    if (!part.document) return std::nullopt;
  }

  Document& head = *parts.front().document;
  if (head.kind(head.root()) != NodeKind::Map) return std::nullopt;
  const NodeId list = list_value(head, head.root(), true);
  if (!items_start_on(head, list, *layout, 0, starts.front(), head_part.sentinel_line) ||
      !head.drop_last_child(list)) {
    return std::nullopt;
  }
  std::vector<std::pair<NodeId, NodeId>> copied(parts.size());  // piece parent, piece end
  for (std::size_t run = 0; run < starts.size(); ++run) {
    const bool last_run = run + 1 == starts.size();
    const std::size_t last = last_run ? layout->item_offsets.size() : starts[run + 1];
    Part& part = parts[run + 1];
    Document& items = *part.document;
    const NodeId root = items.root();
    if (items.kind(root) != NodeKind::Map) return std::nullopt;
    const NodeId run_list = list_value(items, root, !(last_run && has_tail));
    const std::uint32_t item_sentinel_line = last_run ? 0 : part.sentinel_line;
    if (!items_start_on(items, run_list, *layout, starts[run], last, item_sentinel_line)) {
      return std::nullopt;
    }
    NodeId piece_end = items.node_count();
    if (!last_run) {
      if (!items.drop_last_child(run_list)) return std::nullopt;  // the item sentinel
      piece_end = items.node_count();
    } else if (has_tail) {
      const NodeId key_sentinel = items.next_sibling(run_list);
      if (key_sentinel == kNoNode || items.kind(key_sentinel) != NodeKind::Null ||
          items.location(key_sentinel).line != part.sentinel_line ||
          items.location(key_sentinel).column != 1 || key_sentinel + 2 != items.node_count()) {
        return std::nullopt;
      }
      piece_end = key_sentinel;
    }
    copied[run + 1] = {run_list, piece_end};
  }
  if (has_tail) {
    const Document& keys = *parts.back().document;
    if (keys.kind(keys.root()) != NodeKind::Map) return std::nullopt;
    copied.back() = {keys.root(), keys.node_count()};
  }

  std::size_t text_bytes = 0;
  for (const Part& part : parts) text_bytes += part.document->text_arena_.size();
  head.text_arena_.reserve(text_bytes);  // one move of the head's text, not one per part
  for (std::size_t index = 1; index < parts.size(); ++index) {
    const bool is_tail = has_tail && index + 1 == parts.size();
    head.append_children(is_tail ? head.root() : list, *parts[index].document, copied[index].first,
                         copied[index].second);
    parts[index].document.reset();  // freed as soon as it is joined
  }
  return std::move(head);
}

}  // namespace estab
