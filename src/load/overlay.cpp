// Laying an overlay file over its base: the merge rules of `extends`.
#include <fmt/format.h>

#include <unordered_map>

#include "estab/suggest.hpp"
#include "load/reader.hpp"
#include "load/schema.hpp"
#include "load/sources.hpp"

namespace estab {

namespace {

using NodeId = Document::NodeId;
constexpr NodeId kNoNode = Document::kNoNode;

/// Builds the merged document node by node, recording problems as it goes.
class OverlayMerger {
 public:
  OverlayMerger(const Document& base, const Document& overlay,
                const std::vector<std::string>& files, DiagnosticList& problems,
                DiagnosticList& warnings)
      : base_(base),
        overlay_(overlay),
        files_(files),
        reader_(overlay, files, problems),
        warner_(overlay, files, warnings) {}

  Document merge() {
    merged_.set_root(merge_map(base_.root(), overlay_.root(), Section::Root, InputPath()));
    return std::move(merged_);
  }

 private:
  /// Merges the value of one key, by what the schema says the key holds.
  NodeId merge_value(NodeId base_value, NodeId overlay_value, const SchemaKey* key,
                     const InputPath& path) {
    const bool both_maps =
        base_.kind(base_value) == NodeKind::Map && overlay_.kind(overlay_value) == NodeKind::Map;
    const bool both_lists = base_.kind(base_value) == NodeKind::Sequence &&
                            overlay_.kind(overlay_value) == NodeKind::Sequence;
    if (key != nullptr && key->holds == KeyHolds::Section && both_maps) {
      return merge_map(base_value, overlay_value, key->child, path);
    }
    if (key != nullptr && both_lists && !list_item_key(key->holds).empty()) {
      return merge_list(base_value, overlay_value, *key, path);
    }
    // Values, allowances such as {days: n}, and other lists are replaced whole.
    return merged_.copy_from(overlay_, overlay_value);
  }

  /// Merges two maps key by key; keys only in the overlay are appended.
  NodeId merge_map(NodeId base_map, NodeId overlay_map, Section section, const InputPath& path) {
    report_duplicate_keys(overlay_map, path);
    const NodeId result = merged_.add_node(NodeKind::Map, base_.location(base_map), {}, false);
    for (NodeId key = base_.first_child(base_map); key != kNoNode;) {
      const NodeId value = base_.next_sibling(key);
      if (value == kNoNode) break;
      const std::string_view name = base_.text(key);
      const NodeId overlay_value = overlay_.find(overlay_map, name);
      NodeId merged_value = kNoNode;
      if (overlay_value == kNoNode) {
        merged_value = merged_.copy_from(base_, value);
      } else {
        merged_value =
            merge_value(value, overlay_value, find_schema_key(section, name), path.child(name));
      }
      merged_.append_child(result, merged_.copy_from(base_, key));
      merged_.append_child(result, merged_value);
      key = base_.next_sibling(value);
    }
    for (NodeId key = overlay_.first_child(overlay_map); key != kNoNode;) {
      const NodeId value = overlay_.next_sibling(key);
      if (value == kNoNode) break;
      const std::string_view name = overlay_.text(key);
      const bool skipped = (section == Section::Root && name == "extends") || name == "remove";
      if (!skipped && base_.find(base_map, name) == kNoNode) {
        merged_.append_child(result, merged_.copy_from(overlay_, key));
        merged_.append_child(result, merged_.copy_from(overlay_, value));
      }
      key = overlay_.next_sibling(value);
    }
    return result;
  }

  /// A key written twice in an overlay map would otherwise be merged silently by its first use.
  void report_duplicate_keys(NodeId overlay_map, const InputPath& path) {
    std::unordered_map<std::string_view, NodeId> seen;
    for (NodeId key = overlay_.first_child(overlay_map); key != kNoNode;) {
      const NodeId value = overlay_.next_sibling(key);
      if (value == kNoNode) break;
      const auto [previous, inserted] = seen.emplace(overlay_.text(key), key);
      if (!inserted) {
        reader_.error(key, path,
                      fmt::format("key '{}' appears twice (first at line {})", overlay_.text(key),
                                  overlay_.location(previous->second).line));
      }
      key = overlay_.next_sibling(value);
    }
  }

  /// The identifying text of a list item (its id or profession), or "".
  static std::string_view item_name(const Document& document, NodeId item,
                                    std::string_view item_key) {
    if (document.kind(item) != NodeKind::Map) return {};
    const NodeId value = document.find(item, item_key);
    if (value == kNoNode || document.kind(value) != NodeKind::Scalar) return {};
    return document.text(value);
  }

  /// True when an overlay item says `remove: true`; reports a `remove` that is not a boolean.
  bool removes(NodeId item, const InputPath& path) {
    if (overlay_.kind(item) != NodeKind::Map) return false;
    const NodeId flag = overlay_.find(item, "remove");
    if (flag == kNoNode) return false;
    return reader_.boolean(flag, path.child("remove")).value_or(false);
  }

  /// A copy of an overlay item without its `remove` key.
  NodeId copy_without_remove(NodeId item) {
    if (overlay_.kind(item) != NodeKind::Map) return merged_.copy_from(overlay_, item);
    const NodeId result = merged_.add_node(NodeKind::Map, overlay_.location(item), {}, false);
    for (NodeId key = overlay_.first_child(item); key != kNoNode;) {
      const NodeId value = overlay_.next_sibling(key);
      if (value == kNoNode) break;
      if (overlay_.text(key) != "remove") {
        merged_.append_child(result, merged_.copy_from(overlay_, key));
        merged_.append_child(result, merged_.copy_from(overlay_, value));
      }
      key = overlay_.next_sibling(value);
    }
    return result;
  }

  /// Merges two lists whose items are named by `id` or `profession`.
  NodeId merge_list(NodeId base_list, NodeId overlay_list, const SchemaKey& key,
                    const InputPath& path) {
    const std::string_view item_key = list_item_key(key.holds);
    std::unordered_map<std::string_view, NodeId> overlay_items;
    for (NodeId item = overlay_.first_child(overlay_list); item != kNoNode;
         item = overlay_.next_sibling(item)) {
      const std::string_view name = item_name(overlay_, item, item_key);
      if (name.empty()) continue;
      const auto [previous, inserted] = overlay_items.emplace(name, item);
      if (!inserted) {
        reader_.error(item, path.item(name, 0),
                      fmt::format("'{}' appears twice in this list (first at line {}); "
                                  "an overlay changes each entry once",
                                  name, overlay_.location(previous->second).line));
      }
    }
    const NodeId result =
        merged_.add_node(NodeKind::Sequence, base_.location(base_list), {}, false);
    std::unordered_map<std::string_view, bool> matched;
    std::size_t index = 0;
    for (NodeId item = base_.first_child(base_list); item != kNoNode;
         item = base_.next_sibling(item), ++index) {
      const std::string_view name = item_name(base_, item, item_key);
      const auto overlay_item = name.empty() ? overlay_items.end() : overlay_items.find(name);
      if (overlay_item == overlay_items.end()) {
        merged_.append_child(result, merged_.copy_from(base_, item));
        continue;
      }
      matched[name] = true;
      const InputPath item_path = path.item(name, index);
      if (removes(overlay_item->second, item_path)) continue;
      merged_.append_child(result, merge_map(item, overlay_item->second, key.child, item_path));
    }
    entries_added_ = 0;
    std::vector<std::string_view> base_names;
    for (NodeId base_item = base_.first_child(base_list); base_item != kNoNode;
         base_item = base_.next_sibling(base_item)) {
      const std::string_view base_name = item_name(base_, base_item, item_key);
      if (!base_name.empty()) base_names.push_back(base_name);
    }
    index = 0;
    for (NodeId item = overlay_.first_child(overlay_list); item != kNoNode;
         item = overlay_.next_sibling(item), ++index) {
      const std::string_view name = item_name(overlay_, item, item_key);
      if (!name.empty() && matched.count(name) != 0) continue;
      const InputPath item_path = path.item(name, index);
      if (removes(item, item_path)) {
        reader_.error(
            item, item_path,
            fmt::format("cannot remove '{}': the base file has no such entry{}", name,
                        reader_.listing() ? did_you_mean(name, base_names) : std::string()));
        continue;
      }
      warn_if_misspelt(item, item_path, name, base_list, base_names, key);
      merged_.append_child(result, copy_without_remove(item));
    }
    return result;
  }

  /// Warns about an overlay entry that the base lacks when its id is close to one the base has:
  /// most likely a misspelling that would add an entry instead of changing one.
  void warn_if_misspelt(NodeId item, const InputPath& item_path, std::string_view name,
                        NodeId base_list, const std::vector<std::string_view>& base_names,
                        const SchemaKey& key) {
    // Past this many added entries, more are taken for a deliberate addition, not a typo.
    if (name.empty() || ++entries_added_ > kMostListedProblems) return;
    const std::string suggestion = did_you_mean(name, base_names);
    if (suggestion.empty()) return;
    const char* kind = key.name == "teams"         ? "team"
                       : key.name == "professions" ? "profession"
                       : key.name == "services"    ? "service"
                                                   : "staffing line";
    const std::uint32_t base_file = base_.location(base_list).file_index;
    warner_.error(item, item_path,
                  fmt::format("{} has no {} '{}', so this adds one{}", files_.at(base_file), kind,
                              name, suggestion));
  }

  const Document& base_;
  const Document& overlay_;
  const std::vector<std::string>& files_;
  NodeReader reader_;
  NodeReader warner_;  ///< records warnings rather than problems
  Document merged_;
  std::size_t entries_added_ = 0;  ///< entries of the list being merged that its base lacks
};

}  // namespace

Document merge_overlay(const Document& base, const Document& overlay,
                       const std::vector<std::string>& files, DiagnosticList* warnings,
                       bool every_problem) {
  DiagnosticList unused_warnings;
  DiagnosticList problems;
  if (every_problem) problems.keep_every_one();
  NodeReader base_reader(base, files, problems);
  NodeReader overlay_reader(overlay, files, problems);
  const bool base_is_map = base_reader.expect_map(base.root(), InputPath());
  const bool overlay_is_map = overlay_reader.expect_map(overlay.root(), InputPath());
  if (!base_is_map || !overlay_is_map) problems.throw_if_any();
  OverlayMerger merger(base, overlay, files, problems,
                       warnings != nullptr ? *warnings : unused_warnings);
  Document merged = merger.merge();
  problems.throw_if_any();
  return merged;
}

}  // namespace estab
