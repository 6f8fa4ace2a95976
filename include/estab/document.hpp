#pragma once
/// A compact YAML document tree with a source mark on every node, built from parser events.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/diagnostic.hpp"

namespace estab {

/// The shape of a YAML node.
enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Map };

/// A parsed YAML document held as flat arrays; nodes refer to each other by index.
class Document {
 public:
  /// Index of a node; kNoNode means "none".
  using NodeId = std::uint32_t;
  static constexpr NodeId kNoNode = 0xFFFFFFFFu;

  /// Reads one YAML document from text. `file_index` is stamped on every mark; `file_name`
  /// is used in diagnostics. Throws InputError on syntax errors, empty input, several
  /// documents, aliases or excessive nesting. A large file is read in pieces on several
  /// threads when that gives the same document (see parse_in_pieces).
  static Document parse(std::string_view text, std::uint32_t file_index,
                        const std::string& file_name);

  /// Reads a large file as `pieces` parts at once: the top-level `teams` list is cut between
  /// items and each part is parsed on its own thread, then joined. Returns nothing, so that the
  /// caller reads the file whole, when the file cannot be cut safely or any part fails to read
  /// exactly as the whole file would.
  /// `least_items_per_piece` keeps small lists whole (a thread costs more than it saves).
  static std::optional<Document> parse_in_pieces(std::string_view text, std::uint32_t file_index,
                                                 const std::string& file_name, std::size_t pieces,
                                                 std::size_t least_items_per_piece = 16);

  /// True when both documents hold the same tree: kinds, quoting, text, marks and order.
  bool same_tree(const Document& other) const;

  /// The root node of the document.
  NodeId root() const { return root_; }
  /// The kind of a node.
  NodeKind kind(NodeId node) const { return record(node).kind; }
  /// Where a node starts in its file.
  SourceLocation location(NodeId node) const;
  /// The text of a scalar node (empty for other kinds).
  std::string_view text(NodeId node) const;
  /// True when a scalar was written in quotes (so it is text, never a number).
  bool quoted(NodeId node) const { return record(node).quoted; }
  /// The first child of a sequence, or the first key of a map (keys and values alternate).
  NodeId first_child(NodeId node) const { return record(node).first_child; }
  /// The next sibling of a node within its parent.
  NodeId next_sibling(NodeId node) const { return record(node).next_sibling; }
  /// Number of child nodes: the items of a sequence, or the keys plus the values of a map.
  std::uint32_t size(NodeId node) const;
  /// Looks up the value for a key in a map node; kNoNode when absent.
  NodeId find(NodeId map, std::string_view key) const;

  /// The key node of `key` in a map (rather than its value); kNoNode when absent.
  NodeId find_key(NodeId map, std::string_view key) const;

  /// Copies a subtree of another document into this one, keeping every mark; returns its root.
  NodeId copy_from(const Document& source, NodeId node);
  /// Puts `replacement` where `old_child` stands among `parent`'s children.
  void replace_child(NodeId parent, NodeId old_child, NodeId replacement);

  /// Appends to `parent` copies of `piece_parent`'s children in `piece`, with their marks:
  /// the nodes numbered after `piece_parent` and before `piece_end`, which must be exactly the
  /// subtrees of those children (the parser numbers each subtree's nodes consecutively).
  void append_children(NodeId parent, const Document& piece, NodeId piece_parent, NodeId piece_end);

  /// Removes `parent`'s last child and its subtree when they are the last nodes made (as for a
  /// sentinel the parser was given only to see where a piece of text ends); false otherwise.
  bool drop_last_child(NodeId parent);

  /// True when some node is null (`~`, `null`, or a key with nothing after it).
  bool has_null_nodes() const;

  /// Drops the map entries whose value is null (`key: ~` or `key:` with nothing) and that
  /// `removable(map, key)` accepts (every one without it), so that the key reads as unstated;
  /// returns how many were dropped.
  std::size_t remove_null_entries(
      const std::function<bool(NodeId map, NodeId key)>& removable = nullptr);

  /// Number of nodes in the document.
  std::uint32_t node_count() const { return node_count_; }
  /// Makes room for `bytes` of scalar text; used by the parser.
  void reserve_text(std::size_t bytes) { text_arena_.reserve(bytes); }

  /// Appends a node; used by the parser. Returns its id.
  NodeId add_node(NodeKind kind, SourceLocation where, std::string_view text, bool quoted);
  /// Makes `child` the last child of `parent`; used by the parser.
  void append_child(NodeId parent, NodeId child);
  /// Sets the root; used by the parser.
  void set_root(NodeId node) { root_ = node; }

 private:
  /// One node: 32 bytes, so that a national-scale file of millions of nodes stays small.
  struct NodeRecord {
    NodeKind kind;
    bool quoted;
    std::uint16_t file_index;
    std::uint32_t line;
    std::uint32_t column;
    std::uint32_t text_offset;
    std::uint32_t text_length;
    NodeId first_child;
    NodeId last_child;
    NodeId next_sibling;
  };
  /// Nodes are kept in fixed-size chunks: growing never copies them or holds two copies.
  static constexpr unsigned kChunkBits = 16;
  static constexpr NodeId kChunkMask = (NodeId{1} << kChunkBits) - 1;

  const NodeRecord& record(NodeId node) const {
    return node_chunks_[node >> kChunkBits][node & kChunkMask];
  }
  NodeRecord& record(NodeId node) { return node_chunks_[node >> kChunkBits][node & kChunkMask]; }
  /// Stores a node after the last one, opening a new chunk when the last is full; its id.
  NodeId push_record(const NodeRecord& node_record);

  std::vector<std::vector<NodeRecord>> node_chunks_;
  std::uint32_t node_count_ = 0;
  std::string text_arena_;
  NodeId root_ = kNoNode;
};

}  // namespace estab
