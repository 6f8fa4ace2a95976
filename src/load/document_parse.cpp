// Parsing: yaml-cpp's event API builds a Document directly, so no YAML::Node tree of the whole
// file is held. Large files are handed to parse_in_pieces first.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <istream>
#include <limits>
#include <optional>
#include <streambuf>
#include <thread>

#include "estab/document.hpp"
#include "estab/text.hpp"
#include "load/parse_text.hpp"
#include "load/yaml_hints.hpp"

namespace estab {

namespace {

/// Deeper than any estab file needs; deeper input is refused before yaml-cpp's own limit.
constexpr std::size_t kMaxNesting = 64;
/// Files at least this large are read in pieces on several threads when they can be.
constexpr std::size_t kPiecewiseMinBytes = std::size_t{4} << 20;
/// The most threads a file is read with.
constexpr std::size_t kMostPieces = 4;

/// A read-only stream buffer over text that is already in memory.
/// A read-only stream buffer over text that is already in memory: a prefix, the text and a
/// suffix, read one after another from where they are, without copying any of them. Putting
/// characters back (yaml-cpp does so after reading a byte-order mark) may cross between them.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(const TextPiece& piece)
      : segments_{piece.prefix, piece.text, piece.suffix} {
    show(0, 0);
  }

 protected:
  int_type underflow() override {
    while (gptr() == egptr()) {
      std::size_t next = current_ + 1;
      while (next < segments_.size() && segments_[next].empty()) ++next;
      if (next == segments_.size()) return traits_type::eof();  // stays on the last segment
      show(next, 0);
    }
    return traits_type::to_int_type(*gptr());
  }

  int_type pbackfail(int_type character) override {
    if (gptr() > eback()) {
      if (!traits_type::eq_int_type(character, traits_type::eof()) &&
          !traits_type::eq(traits_type::to_char_type(character), gptr()[-1])) {
        return traits_type::eof();
      }
      gbump(-1);
      return traits_type::not_eof(character);
    }
    std::size_t previous = current_;
    while (previous > 0 && segments_[previous - 1].empty()) --previous;
    if (previous == 0) return traits_type::eof();
    show(previous - 1, segments_[previous - 1].size());
    return pbackfail(character);
  }

 private:
  /// Makes segment `index` the get area, positioned at `position`.
  void show(std::size_t index, std::size_t position) {
    current_ = index;
    char* begin = const_cast<char*>(segments_[index].data());
    setg(begin, begin + position, begin + segments_[index].size());
  }

  std::array<std::string_view, 3> segments_;
  std::size_t current_ = 0;
};

/// Stops parsing at the first problem that makes the rest of the file meaningless.
struct ParseStop {
  Diagnostic diagnostic;
};

/// Receives parser events and appends nodes to a Document.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, std::uint32_t file_index, const std::string& file_name,
              std::uint32_t line_offset, std::size_t outer_depth)
      : document_(document),
        file_index_(file_index),
        file_name_(file_name),
        line_offset_(line_offset),
        outer_depth_(outer_depth) {}

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    attach(document_.add_node(NodeKind::Null, where(mark), {}, false));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    stop(mark, "aliases (*name) are not supported: write the value out in full");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                const std::string& value) override {
    check_tag(mark, tag);
    const bool quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    attach(document_.add_node(NodeKind::Scalar, where(mark), value, quoted));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    check_tag(mark, tag);
    open(NodeKind::Sequence, mark);
  }
  void OnSequenceEnd() override { open_nodes_.pop_back(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    check_tag(mark, tag);
    open(NodeKind::Map, mark);
  }
  void OnMapEnd() override { open_nodes_.pop_back(); }

  /// Raises a stop with a located message.
  [[noreturn]] void stop(const YAML::Mark& mark, std::string message) const {
    const SourceLocation location = where(mark);
    throw ParseStop{Diagnostic{file_name_, location.line, location.column, "", std::move(message)}};
  }

 private:
  /// Plain nodes carry "?", quoted ones "!"; an explicit tag such as !!binary or !custom
  /// would change what a value means, so only !!str, !!int and !!float are accepted.
  void check_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (tag.empty() || tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:str" ||
        tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") {
      return;
    }
    stop(mark, fmt::format("YAML tags such as '{}' are not supported: write the value plainly",
                           tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag));
  }

  SourceLocation where(const YAML::Mark& mark) const {
    return SourceLocation{file_index_, line_offset_ + static_cast<std::uint32_t>(mark.line + 1),
                          static_cast<std::uint32_t>(mark.column + 1)};
  }

  void open(NodeKind kind, const YAML::Mark& mark) {
    if (outer_depth_ + open_nodes_.size() >= kMaxNesting) {
      stop(mark, fmt::format("the input is nested more than {} levels deep; no estab file needs "
                             "that, so the file is probably damaged or generated by mistake",
                             kMaxNesting));
    }
    const Document::NodeId node = document_.add_node(kind, where(mark), {}, false);
    attach(node);
    open_nodes_.push_back(node);
  }

  void attach(Document::NodeId node) {
    if (open_nodes_.empty()) {
      document_.set_root(node);
    } else {
      document_.append_child(open_nodes_.back(), node);
    }
  }

  Document& document_;
  std::uint32_t file_index_;
  const std::string& file_name_;
  std::uint32_t line_offset_;  ///< lines of the file before the text being parsed
  std::size_t outer_depth_;    ///< levels of nesting around the text being parsed
  std::vector<Document::NodeId> open_nodes_;
};

/// Finds the line and column of a byte offset, for problems found before parsing.
SourceLocation locate_offset(std::string_view text, std::size_t offset, std::uint32_t file_index) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t index = 0; index < offset && index < text.size(); ++index) {
    if (text[index] == '\n') {
      ++line;
      line_start = index + 1;
    }
  }
  return SourceLocation{file_index, line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

/// Returns the offset of the first byte that is not valid UTF-8 text, or npos.
std::size_t find_invalid_text(std::string_view text) {
  std::size_t index = 0;
  while (index < text.size()) {
    const std::size_t length = utf8_character_length(text, index);
    if (length == 0 || text[index] == '\0') return index;
    index += length;
  }
  return std::string_view::npos;
}

/// What is said of a file that is not UTF-8 text.
constexpr const char* kNotUtf8 =
    "the file is not UTF-8 text (binary data or another encoding); save it as UTF-8 YAML";

/// Flow collections this deep are refused before parsing; shallower ones (down to kMaxNesting)
/// are left to the parser, which locates the level exactly.
constexpr std::size_t kDeepestFlowScanned = 1000;

/// The offset of the first `[` or `{` that opens a flow collection more than
/// kDeepestFlowScanned deep, or npos. The parser would read every token of such a file before
/// its nesting is seen (10 MB of `[` take gigabytes), so it is looked for first, roughly: an
/// opener counts
/// where YAML would take it for one (at a line's start or after `:`, `,`, `-`, `?` or another
/// opener), and quoted text and comments are passed over.
std::size_t find_deep_flow(std::string_view text) {
  std::size_t depth = 0;
  bool token_start = true;  // nothing but blanks and indicators since the line or token began
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char character = text[index];
    if (character == '\n') {
      token_start = true;
      continue;
    }
    if (character == ' ' || character == '\t' || character == '\r') continue;
    if (token_start && (character == '"' || character == '\'')) {
      for (++index; index < text.size() && text[index] != character; ++index) {
        if (character == '"' && text[index] == '\\') ++index;  // an escape in double quotes
      }
      token_start = false;
      continue;
    }
    if (character == '#' && (index == 0 || text[index - 1] == ' ' || text[index - 1] == '\t' ||
                             text[index - 1] == '\n')) {
      while (index + 1 < text.size() && text[index + 1] != '\n') ++index;
      continue;
    }
    if (token_start && (character == '[' || character == '{')) {
      if (++depth > kDeepestFlowScanned) return index;
      continue;
    }
    if ((character == ']' || character == '}') && depth > 0) {
      --depth;
      token_start = false;
      continue;
    }
    const bool blank_after = index + 1 == text.size() || text[index + 1] == ' ' ||
                             text[index + 1] == '\t' || text[index + 1] == '\n' ||
                             text[index + 1] == '\r';
    token_start = character == ',' ||
                  ((character == ':' || character == '-' || character == '?') && blank_after);
  }
  return std::string_view::npos;
}

Diagnostic located(const std::string& file_name, SourceLocation where, std::string message) {
  return Diagnostic{file_name, where.line, where.column, "", std::move(message)};
}

}  // namespace

Document parse_yaml_text(std::string_view text, std::uint32_t file_index,
                         const std::string& file_name) {
  TextPiece whole;
  whole.text = text;
  return parse_yaml_text(whole, file_index, file_name);
}

Document parse_yaml_text(const TextPiece& piece, std::uint32_t file_index,
                         const std::string& file_name) {
  const std::uint32_t line_offset = piece.line_offset;
  const std::size_t outer_depth = piece.outer_depth;
  const std::string_view text = piece.text;
  Document document;
  document.reserve_text(text.size());  // scalars are never longer than their source
  TreeBuilder builder(document, file_index, file_name, line_offset, outer_depth);
  MemoryBuffer buffer(piece);
  std::istream stream(&buffer);
  const auto where_of = [&](const YAML::Mark& mark) {
    return SourceLocation{file_index, line_offset + static_cast<std::uint32_t>(mark.line + 1),
                          static_cast<std::uint32_t>(mark.column + 1)};
  };
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      throw InputError({located(file_name, SourceLocation{file_index, 1, 1},
                                "the file is empty: an estab file starts with 'estab: 1'")});
    }
    Document second;
    TreeBuilder second_builder(second, file_index, file_name, line_offset, outer_depth);
    if (parser.HandleNextDocument(second_builder) || second.node_count() != 0) {
      const SourceLocation where = second.root() != Document::kNoNode
                                       ? second.location(second.root())
                                       : SourceLocation{file_index, 1, 1};
      throw InputError({located(file_name, where,
                                "the file holds several YAML documents (separated by '---'); "
                                "an estab file is one document")});
    }
  } catch (const ParseStop& stop) {
    throw InputError({stop.diagnostic});
  } catch (const YAML::DeepRecursion& error) {
    throw InputError({located(file_name, where_of(error.mark),
                              "the input is nested too deeply to be an estab file")});
  } catch (const YAML::Exception& error) {
    SourceLocation where = where_of(error.mark);
    std::string message = "invalid YAML: " + error.msg;
    if (piece.prefix.empty() && error.mark.line >= 0) {  // marks count the text's own lines
      if (const auto hint =
              explain_yaml_error(text, error.msg, static_cast<std::uint32_t>(error.mark.line + 1),
                                 static_cast<std::uint32_t>(error.mark.column + 1))) {
        where = SourceLocation{file_index, line_offset + hint->line, hint->column};
        message = "invalid YAML: " + hint->message;
      }
    }
    throw InputError({located(file_name, where, message)});
  }
  if (document.root() == Document::kNoNode || document.kind(document.root()) == NodeKind::Null) {
    throw InputError({located(file_name, SourceLocation{file_index, 1, 1},
                              "the file is empty: an estab file starts with 'estab: 1'")});
  }
  return document;
}

bool is_clean_text(std::string_view text) {
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if ((byte < 0x20 && byte != '\t') || byte == 0x7F) return false;
    if (byte == 0xC2 && index + 1 < text.size() &&
        static_cast<unsigned char>(text[index + 1]) <= 0x9F) {
      return false;  // U+0080 to U+009F (a continuation byte is at least 0x80)
    }
  }
  return find_invalid_text(text) == std::string_view::npos;
}

void check_head(std::string_view head, const std::string& file_name) {
  // A multi-byte character cut at the end of the head is judged with the rest of the file.
  const std::size_t bad_byte = find_invalid_text(head);
  if (bad_byte != std::string_view::npos && bad_byte + 4 <= head.size()) {
    throw InputError({located(file_name, locate_offset(head, bad_byte, 0), kNotUtf8)});
  }
}

void check_text(std::string_view text, std::uint32_t file_index, const std::string& file_name) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw InputError({Diagnostic{file_name, 0, 0, "", "the file is larger than 4 GB"}});
  }
  if (text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos) {
    throw InputError({located(file_name, SourceLocation{file_index, 1, 1},
                              "the lines end with a bare carriage return (an old Mac format): "
                              "save the file with Windows (CRLF) or Unix (LF) line ends")});
  }
  if (const std::size_t deep = find_deep_flow(text); deep != std::string_view::npos) {
    throw InputError({located(file_name, locate_offset(text, deep, file_index),
                              fmt::format("the input is nested more than {} levels deep; no "
                                          "estab file needs that, so the file is probably "
                                          "damaged or generated by mistake",
                                          kMaxNesting))});
  }
  std::uint32_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end - start > kLongestYamlLine) {
      throw InputError({located(file_name, SourceLocation{file_index, line, 1},
                                fmt::format("the line is longer than {} MiB: write the file one "
                                            "entry per line, as estab init does",
                                            kLongestYamlLine >> 20))});
    }
    start = end + 1;
  }
  const std::size_t bad_byte = find_invalid_text(text);
  if (bad_byte != std::string_view::npos) {
    throw InputError({located(file_name, locate_offset(text, bad_byte, file_index), kNotUtf8)});
  }
  if (file_index > std::numeric_limits<std::uint16_t>::max()) {
    throw InputError({Diagnostic{file_name, 0, 0, "", "too many input files"}});
  }
}

Document Document::parse(std::string_view text, std::uint32_t file_index,
                         const std::string& file_name) {
  check_text(text, file_index, file_name);
  if (text.size() >= kPiecewiseMinBytes) {
    const std::size_t threads =
        std::min<std::size_t>(std::thread::hardware_concurrency(), kMostPieces);
    if (threads >= 2) {
      if (std::optional<Document> document =
              parse_in_pieces(text, file_index, file_name, threads)) {
        return std::move(*document);
      }
    }
  }
  return parse_yaml_text(text, file_index, file_name);
}

}  // namespace estab
