// The Document's storage: nodes in fixed-size chunks, scalar text in one arena, and the edits
// that overlays and pieces of a large file need.
#include "estab/document.hpp"

#include <stdexcept>

namespace estab {

SourceLocation Document::location(NodeId node) const {
  const NodeRecord& node_record = record(node);
  return SourceLocation{node_record.file_index, node_record.line, node_record.column};
}

std::string_view Document::text(NodeId node) const {
  const NodeRecord& node_record = record(node);
  return std::string_view(text_arena_).substr(node_record.text_offset, node_record.text_length);
}

std::uint32_t Document::size(NodeId node) const {
  std::uint32_t count = 0;
  for (NodeId child = first_child(node); child != kNoNode; child = next_sibling(child)) ++count;
  return count;
}

Document::NodeId Document::find(NodeId map, std::string_view key) const {
  for (NodeId key_node = first_child(map); key_node != kNoNode;) {
    const NodeId value_node = next_sibling(key_node);
    if (kind(key_node) == NodeKind::Scalar && text(key_node) == key) return value_node;
    if (value_node == kNoNode) break;
    key_node = next_sibling(value_node);
  }
  return kNoNode;
}

Document::NodeId Document::find_key(NodeId map, std::string_view key) const {
  for (NodeId key_node = first_child(map); key_node != kNoNode;) {
    const NodeId value_node = next_sibling(key_node);
    if (kind(key_node) == NodeKind::Scalar && text(key_node) == key) return key_node;
    if (value_node == kNoNode) break;
    key_node = next_sibling(value_node);
  }
  return kNoNode;
}

namespace {

/// True when two subtrees have the same kinds, quoting, text, marks and children, in order.
bool same_subtree(const Document& left, Document::NodeId left_node, const Document& right,
                  Document::NodeId right_node) {
  if (left.kind(left_node) != right.kind(right_node) ||
      left.quoted(left_node) != right.quoted(right_node) ||
      left.text(left_node) != right.text(right_node)) {
    return false;
  }
  const SourceLocation left_where = left.location(left_node);
  const SourceLocation right_where = right.location(right_node);
  if (left_where.file_index != right_where.file_index || left_where.line != right_where.line ||
      left_where.column != right_where.column) {
    return false;
  }
  Document::NodeId left_child = left.first_child(left_node);
  Document::NodeId right_child = right.first_child(right_node);
  for (; left_child != Document::kNoNode && right_child != Document::kNoNode;
       left_child = left.next_sibling(left_child), right_child = right.next_sibling(right_child)) {
    if (!same_subtree(left, left_child, right, right_child)) return false;
  }
  return left_child == Document::kNoNode && right_child == Document::kNoNode;
}

}  // namespace

bool Document::same_tree(const Document& other) const {
  if (root_ == kNoNode || other.root_ == kNoNode) return root_ == other.root_;
  return same_subtree(*this, root_, other, other.root_);
}

Document::NodeId Document::copy_from(const Document& source, NodeId node) {
  const NodeId copy =
      add_node(source.kind(node), source.location(node), source.text(node), source.quoted(node));
  for (NodeId child = source.first_child(node); child != kNoNode;
       child = source.next_sibling(child)) {
    append_child(copy, copy_from(source, child));
  }
  return copy;
}

void Document::replace_child(NodeId parent, NodeId old_child, NodeId replacement) {
  NodeRecord& parent_record = record(parent);
  record(replacement).next_sibling = record(old_child).next_sibling;
  if (parent_record.first_child == old_child) {
    parent_record.first_child = replacement;
  } else {
    NodeId previous = parent_record.first_child;
    while (record(previous).next_sibling != old_child) previous = record(previous).next_sibling;
    record(previous).next_sibling = replacement;
  }
  if (parent_record.last_child == old_child) parent_record.last_child = replacement;
}

bool Document::has_null_nodes() const {
  for (const std::vector<NodeRecord>& chunk : node_chunks_) {
    for (const NodeRecord& node_record : chunk) {
      if (node_record.kind == NodeKind::Null) return true;
    }
  }
  return false;
}

std::size_t Document::remove_null_entries(
    const std::function<bool(NodeId map, NodeId key)>& removable) {
  std::size_t removed = 0;
  for (NodeId map = 0; map < node_count_; ++map) {
    if (record(map).kind != NodeKind::Map) continue;
    NodeId previous = kNoNode;  // the value before the entry looked at
    for (NodeId key = record(map).first_child; key != kNoNode;) {
      const NodeId value = record(key).next_sibling;
      if (value == kNoNode) break;
      const NodeId after = record(value).next_sibling;
      if (record(value).kind == NodeKind::Null && (!removable || removable(map, key))) {
        if (previous == kNoNode) {
          record(map).first_child = after;
        } else {
          record(previous).next_sibling = after;
        }
        if (record(map).last_child == value) record(map).last_child = previous;
        ++removed;
      } else {
        previous = value;
      }
      key = after;
    }
  }
  return removed;
}

Document::NodeId Document::add_node(NodeKind kind, SourceLocation where, std::string_view text,
                                    bool quoted) {
  if (node_count_ == kNoNode) throw std::length_error("the input has too many YAML nodes");
  NodeRecord node_record{};
  node_record.kind = kind;
  node_record.quoted = quoted;
  node_record.file_index = static_cast<std::uint16_t>(where.file_index);
  node_record.line = where.line;
  node_record.column = where.column;
  node_record.text_offset = static_cast<std::uint32_t>(text_arena_.size());
  node_record.text_length = static_cast<std::uint32_t>(text.size());
  node_record.first_child = kNoNode;
  node_record.last_child = kNoNode;
  node_record.next_sibling = kNoNode;
  text_arena_.append(text);
  return push_record(node_record);
}

Document::NodeId Document::push_record(const NodeRecord& node_record) {
  if ((node_count_ & kChunkMask) == 0) {
    node_chunks_.emplace_back();
    node_chunks_.back().reserve(std::size_t{1} << kChunkBits);
  }
  node_chunks_.back().push_back(node_record);
  return node_count_++;
}

void Document::append_children(NodeId parent, const Document& piece, NodeId piece_parent,
                               NodeId piece_end) {
  if (piece_end <= piece_parent + 1) return;
  const NodeId first = piece_parent + 1;
  if (static_cast<std::uint64_t>(node_count_) + (piece_end - first) >= kNoNode) {
    throw std::length_error("the input has too many YAML nodes");
  }
  const NodeId node_base = node_count_;
  const auto text_base = static_cast<std::uint32_t>(text_arena_.size());
  text_arena_.append(piece.text_arena_);
  // Links that leave the copied range (to the next sibling of the last child) end there.
  const auto relocated = [first, piece_end, node_base](NodeId node) {
    return node >= first && node < piece_end ? node - first + node_base : kNoNode;
  };
  for (NodeId node = first; node < piece_end; ++node) {
    NodeRecord node_record = piece.record(node);
    node_record.text_offset += text_base;
    node_record.first_child = relocated(node_record.first_child);
    node_record.last_child = relocated(node_record.last_child);
    node_record.next_sibling = relocated(node_record.next_sibling);
    push_record(node_record);
  }
  for (NodeId child = piece.first_child(piece_parent); child != kNoNode && child < piece_end;
       child = piece.next_sibling(child)) {
    append_child(parent, relocated(child));
  }
}

bool Document::drop_last_child(NodeId parent) {
  const NodeId last = record(parent).last_child;
  if (last == kNoNode) return false;
  NodeId rightmost = last;  // the last node of its subtree, as the parser numbers them
  while (record(rightmost).last_child != kNoNode) rightmost = record(rightmost).last_child;
  if (rightmost + 1 != node_count_) return false;
  NodeId previous = kNoNode;
  for (NodeId child = record(parent).first_child; child != last;
       child = record(child).next_sibling) {
    previous = child;
  }
  if (previous == kNoNode) {
    record(parent).first_child = kNoNode;
  } else {
    record(previous).next_sibling = kNoNode;
  }
  record(parent).last_child = previous;
  text_arena_.resize(record(last).text_offset);
  while (node_count_ > last) {
    node_chunks_.back().pop_back();
    if (node_chunks_.back().empty()) node_chunks_.pop_back();
    --node_count_;
  }
  return true;
}

void Document::append_child(NodeId parent, NodeId child) {
  NodeRecord& parent_record = record(parent);
  if (parent_record.last_child == kNoNode) {
    parent_record.first_child = child;
  } else {
    record(parent_record.last_child).next_sibling = child;
  }
  parent_record.last_child = child;
}

}  // namespace estab
