// `--set PATH=VALUE`: changing one value of the loaded document before it is checked.
#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "estab/suggest.hpp"
#include "load/schema.hpp"
#include "load/sources.hpp"

namespace estab {

namespace {

using NodeId = Document::NodeId;
constexpr NodeId kNoNode = Document::kNoNode;

/// One step of a path: a key, optionally with a `[selector]`.
struct PathStep {
  std::string key;
  std::optional<std::string> selector;
};

[[noreturn]] void refuse(const std::string& assignment, const std::string& reason) {
  throw RequestError(Request::Override, assignment, reason);
}

std::vector<PathStep> parse_path(const std::string& path, const std::string& assignment) {
  std::vector<PathStep> steps;
  std::size_t position = 0;
  while (position <= path.size()) {
    PathStep step;
    while (position < path.size() && path[position] != '.' && path[position] != '[') {
      step.key += path[position++];
    }
    if (step.key.empty()) refuse(assignment, "the path has an empty step");
    if (position < path.size() && path[position] == '[') {
      const std::size_t close = path.find(']', position);
      if (close == std::string::npos) refuse(assignment, "a '[' in the path is not closed");
      step.selector = path.substr(position + 1, close - position - 1);
      if (step.selector->empty()) refuse(assignment, "an empty [] selector");
      position = close + 1;
    }
    steps.push_back(std::move(step));
    if (position == path.size()) break;
    if (path[position] != '.') refuse(assignment, "expected '.' after a ']' in the path");
    ++position;
  }
  return steps;
}

/// The names of a list's items (by id or profession), for suggestions.
std::vector<std::string_view> item_names(const Document& document, NodeId list,
                                         std::string_view item_key) {
  std::vector<std::string_view> names;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item)) {
    if (document.kind(item) != NodeKind::Map) continue;
    const NodeId name = document.find(item, item_key);
    if (name != kNoNode && document.kind(name) == NodeKind::Scalar) {
      names.push_back(document.text(name));
    }
  }
  return names;
}

/// Finds the item a selector names: by id or profession, or by position for plain lists.
NodeId select_item(const Document& document, NodeId list, const SchemaKey& key,
                   const std::string& selector, const std::string& where,
                   const std::string& assignment) {
  const std::string_view item_key = list_item_key(key.holds);
  if (item_key.empty()) {
    std::size_t index = 0;
    try {
      std::size_t used = 0;
      index = std::stoul(selector, &used);
      if (used != selector.size()) throw std::invalid_argument(selector);
    } catch (const std::exception&) {
      refuse(assignment, fmt::format("{} is selected by position, e.g. {}[0]", where, key.name));
    }
    std::size_t position = 0;
    for (NodeId item = document.first_child(list); item != kNoNode;
         item = document.next_sibling(item), ++position) {
      if (position == index) return item;
    }
    const std::uint32_t entries = document.size(list);
    refuse(assignment, fmt::format("{} has {} {}; there is no [{}]", where, entries,
                                   entries == 1 ? "entry" : "entries", selector));
  }
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item)) {
    if (document.kind(item) != NodeKind::Map) continue;
    const NodeId name = document.find(item, item_key);
    if (name != kNoNode && document.kind(name) == NodeKind::Scalar &&
        document.text(name) == selector) {
      return item;
    }
  }
  refuse(assignment, fmt::format("{} has no entry '{}'{}", where, selector,
                                 did_you_mean(selector, item_names(document, list, item_key))));
}

/// Parses VALUE as YAML into `document`; an empty VALUE, `~` and `null` are null (the key is
/// then dropped, so that it reads as unstated).
NodeId parse_value(Document& document, const std::string& value, std::vector<std::string>& files) {
  const auto file_index = static_cast<std::uint32_t>(files.size());
  files.push_back("--set");
  const std::size_t first = value.find_first_not_of(" \t");
  const std::size_t last = value.find_last_not_of(" \t");
  const std::string trimmed =
      first == std::string::npos ? "" : value.substr(first, last - first + 1);
  if (trimmed.empty() || trimmed == "~" || trimmed == "null" || trimmed == "Null" ||
      trimmed == "NULL") {
    return document.add_node(NodeKind::Null, SourceLocation{file_index, 1, 1}, {}, false);
  }
  const Document parsed = Document::parse(value, file_index, "--set");
  return document.copy_from(parsed, parsed.root());
}

void apply_override(Document& document, const std::string& assignment,
                    std::vector<std::string>& files) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    refuse(assignment, "expected PATH=VALUE, e.g. assumptions.sickness=5%");
  }
  const std::string path = assignment.substr(0, equals);
  if (path == "extends" || path == "estab") {
    refuse(assignment, fmt::format("'{}' cannot be set from the command line", path));
  }
  const std::vector<PathStep> steps = parse_path(path, assignment);
  const NodeId value = parse_value(document, assignment.substr(equals + 1), files);

  Section section = Section::Root;
  NodeId node = document.root();
  std::string where = "the file";
  std::string walked;
  bool inside_allowance = false;      // within an allowance written as a mapping, e.g. {days: 12}
  std::string_view section_item_key;  // the key naming the list entry `node` is, if it is one
  for (std::size_t index = 0; index < steps.size(); ++index) {
    const PathStep& step = steps[index];
    const bool last = index + 1 == steps.size();
    const std::optional<KeyHolds> any_key = any_key_holds(section);
    const SchemaKey any_name{step.key, any_key.value_or(KeyHolds::Value), Section::Root};
    const SchemaKey* key =
        any_key || inside_allowance ? &any_name : find_schema_key(section, step.key);
    if (key == nullptr) {
      refuse(assignment, fmt::format("{} has no setting '{}'{}", where, step.key,
                                     did_you_mean(step.key, schema_key_names(section))));
    }
    walked += (walked.empty() ? "" : ".") + step.key;
    const NodeId key_node = document.find_key(node, step.key);
    NodeId current = key_node == kNoNode ? kNoNode : document.next_sibling(key_node);
    const bool in_allowance_list =
        inside_allowance && current != kNoNode && document.kind(current) == NodeKind::Sequence;
    const bool is_list =
        !list_item_key(key->holds).empty() || key->holds == KeyHolds::List || in_allowance_list;
    if (step.selector) {
      if (!is_list) refuse(assignment, fmt::format("{} is not a list", walked));
      if (current == kNoNode || document.kind(current) != NodeKind::Sequence) {
        refuse(assignment, fmt::format("{} has no list '{}'", where, step.key));
      }
      const NodeId item = select_item(document, current, *key, *step.selector, walked, assignment);
      walked += "[" + *step.selector + "]";
      if (last) {
        if (document.kind(value) == NodeKind::Null) {
          refuse(assignment, fmt::format("an entry of a list cannot be removed with --set; write "
                                         "an overlay with 'remove: true' for {}",
                                         walked));
        }
        if (const std::string_view item_key = list_item_key(key->holds); !item_key.empty()) {
          const NodeId name =
              document.kind(value) == NodeKind::Map ? document.find(value, item_key) : kNoNode;
          if (name == kNoNode || document.kind(name) != NodeKind::Scalar ||
              document.text(name) != *step.selector) {
            refuse(assignment, fmt::format("the new entry must keep {}: '{}' (--set cannot "
                                           "rename an entry; write an overlay that removes it "
                                           "and adds one under the new name)",
                                           item_key, *step.selector));
          }
        }
        document.replace_child(current, item, value);
        return;
      }
      node = item;
      section = key->child;
      section_item_key = list_item_key(key->holds);
      where = walked;
      continue;
    }
    if (last && !list_item_key(key->holds).empty()) {
      refuse(assignment, fmt::format("--set cannot add or remove entries of {}: set a value of "
                                     "one, e.g. {}[ID].KEY=VALUE, or write an overlay",
                                     walked, walked));
    }
    if (last && index > 0 && steps[index - 1].selector && !section_item_key.empty() &&
        step.key == section_item_key) {
      refuse(assignment, fmt::format("{} names the entry: --set cannot rename it; write an "
                                     "overlay that removes the entry and adds it under the new "
                                     "name",
                                     walked));
    }
    if (last) {
      if (key_node == kNoNode) {
        document.append_child(
            node, document.add_node(NodeKind::Scalar, document.location(value), step.key, false));
        document.append_child(node, value);
      } else {
        document.replace_child(node, current, value);
      }
      return;
    }
    if (is_list) {
      refuse(assignment, fmt::format("{} is a list: select an entry, e.g. {}[ID]", walked, walked));
    }
    if (key->holds == KeyHolds::Value) {
      refuse(assignment, fmt::format("{} is a value, not a section", walked));
    }
    if (key->holds == KeyHolds::Allowance) {
      // An allowance written as a mapping (such as {days: 12}): a key of it is set, and one
      // written otherwise (5%) is replaced by a mapping of that one key.
      inside_allowance = true;
      if (current != kNoNode && document.kind(current) != NodeKind::Map) {
        const NodeId replacement =
            document.add_node(NodeKind::Map, document.location(value), {}, false);
        document.replace_child(node, current, replacement);
        current = replacement;
      }
    }
    if (current == kNoNode) {
      current = document.add_node(NodeKind::Map, document.location(value), {}, false);
      document.append_child(
          node, document.add_node(NodeKind::Scalar, document.location(value), step.key, false));
      document.append_child(node, current);
    } else if (document.kind(current) != NodeKind::Map) {
      refuse(assignment, fmt::format("{} is not a mapping in the file", walked));
    }
    node = current;
    section = key->child;
    section_item_key = {};
    where = walked;
  }
}

}  // namespace

void apply_overrides(Document& document, const std::vector<std::string>& overrides,
                     std::vector<std::string>& files) {
  if (overrides.empty()) return;
  if (document.kind(document.root()) != NodeKind::Map) return;
  for (const std::string& assignment : overrides) apply_override(document, assignment, files);
}

}  // namespace estab
