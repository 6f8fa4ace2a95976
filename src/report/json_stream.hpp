#pragma once
/// A top-level JSON object written member by member, byte for byte as nlohmann's dump(2)
/// writes the whole object, so that a long list never has to be held as a JSON tree.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace estab::report {

/// The JSON text of `value`, indented by `indent` (-1: on one line). Bytes that are not UTF-8
/// (a file name in another encoding, a message cut inside a character) become U+FFFD, so that
/// the output is JSON whatever the input held.
std::string dump_json(const nlohmann::ordered_json& value, int indent);

/// The JSON text of `value` as dump(2) writes it when it sits `depth` levels deep: every line
/// after the first indented by two spaces a level (a raw line break only ever separates).
std::string dumped_at_depth(const nlohmann::ordered_json& value, std::size_t depth);

/// Writes a top-level JSON object member by member, byte for byte as dump(2) writes the whole
/// object (or, compact, as dump() writes it on one line), so that a long list never has to be
/// held as a JSON tree.
class StreamedObject {
 public:
  /// An object written onto `out`, indented as dump(2) or, when `compact`, on one line.
  explicit StreamedObject(std::ostream& out, bool compact = false) : out_(out), compact_(compact) {}

  /// One member whose value is written whole.
  void member(std::string_view key, const nlohmann::ordered_json& value) {
    start_member(key);
    out_ << (compact_ ? dump_json(value, -1) : dumped_at_depth(value, 1));
  }

  /// One member whose value is a list of `items`, each turned into JSON by `to_json` and
  /// written as soon as it is made.
  template <typename Items, typename ToJson>
  void list_member(std::string_view key, const Items& items, ToJson to_json) {
    start_member(key);
    if (items.empty()) {
      out_ << "[]";
      return;
    }
    out_ << '[';
    bool first = true;
    for (const auto& item : items) {
      if (compact_) {
        out_ << (first ? "" : ",") << dump_json(to_json(item), -1);
      } else {
        out_ << (first ? "\n    " : ",\n    ") << dumped_at_depth(to_json(item), 2);
      }
      first = false;
    }
    out_ << (compact_ ? "]" : "\n  ]");
  }

  /// Closes the object and ends the line.
  void finish() { out_ << (empty_ ? "{}" : compact_ ? "}" : "\n}") << '\n'; }

 private:
  void start_member(std::string_view key) {
    if (compact_) {
      out_ << (empty_ ? "{" : ",") << dump_json(nlohmann::ordered_json(key), -1) << ':';
    } else {
      out_ << (empty_ ? "{\n  " : ",\n  ") << dump_json(nlohmann::ordered_json(key), -1) << ": ";
    }
    empty_ = false;
  }

  std::ostream& out_;
  bool compact_ = false;
  bool empty_ = true;
};

}  // namespace estab::report
