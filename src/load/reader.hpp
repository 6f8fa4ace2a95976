#pragma once
// Typed, located reading of Document nodes, collecting every problem instead of stopping.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/document.hpp"
#include "estab/model.hpp"

namespace estab {

/// A path such as `teams[atu].staffing[rnld].roster[1].staff`, built on the stack and only
/// turned into text when a problem is reported.
class InputPath {
 public:
  /// The root of the document (renders as "").
  InputPath() = default;
  /// The value under `key` of this map.
  InputPath child(std::string_view key) const {
    return InputPath(is_root() ? nullptr : this, key, {}, 0, false);
  }
  /// Item `index` of this list, shown by its id when it has one.
  InputPath item(std::string_view id, std::size_t index) const {
    return InputPath(is_root() ? nullptr : this, {}, id, index, true);
  }
  /// The path as text.
  std::string str() const;
  /// True for the document root, so a temporary root may parent a path without dangling.
  bool is_root() const { return parent_ == nullptr && key_.empty() && !is_item_; }

 private:
  InputPath(const InputPath* parent, std::string_view key, std::string_view id, std::size_t index,
            bool is_item)
      : parent_(parent), key_(key), id_(id), index_(index), is_item_(is_item) {}
  const InputPath* parent_ = nullptr;
  std::string_view key_;
  std::string_view id_;
  std::size_t index_ = 0;
  bool is_item_ = false;
};

/// What a number may be, beyond finite and non-negative.
struct NumberRule {
  bool positive = false;            ///< must be above zero
  std::optional<double> maximum;    ///< inclusive upper bound; kLargestNumber when unset
  const char* maximum_reason = "";  ///< why, e.g. "hours in a day"
  double minimum = 0.0;             ///< inclusive lower bound, for a time base that divides
};

/// The largest number any input may hold, so that no product or total can overflow.
inline constexpr double kLargestNumber = 1e12;

/// The longest text value (a name, an id, a title, a path), in bytes: far beyond any real one,
/// well within a spreadsheet cell.
inline constexpr std::size_t kLongestText = 1000;

/// Why `text` cannot be a name or id (a control character, or too long), or "" when it can.
std::string text_problem(std::string_view text);

/// Reads values from one Document and records every problem in a DiagnosticList.
class NodeReader {
 public:
  using NodeId = Document::NodeId;

  NodeReader(const Document& document, const std::vector<std::string>& files,
             DiagnosticList& problems)
      : document_(document), files_(files), problems_(problems) {}

  /// The document being read.
  const Document& document() const { return document_; }
  /// Records a problem at a node.
  void error(NodeId node, const InputPath& path, std::string message);
  /// Records a problem at a location.
  void error_at(SourceLocation where, const InputPath& path, std::string message);
  /// False when another problem would only be counted, so its message need not be built.
  bool listing() const { return problems_.listing(); }

  /// Checks that a node is a map; reports and returns false otherwise.
  bool expect_map(NodeId node, const InputPath& path);
  /// Checks that a node is a list; reports and returns false otherwise.
  bool expect_list(NodeId node, const InputPath& path);
  /// Reports keys that are not in `allowed` (with a suggestion), duplicate keys and non-text keys.
  void check_keys(NodeId map, const InputPath& path, const std::vector<std::string_view>& allowed);
  /// Reports a missing required key at the map; returns the value node or kNoNode.
  NodeId require(NodeId map, const InputPath& path, std::string_view key);

  /// A finite, non-negative number (plain, unquoted).
  std::optional<Located<double>> number(NodeId node, const InputPath& path,
                                        const NumberRule& rule = {});
  /// A percentage written with a % sign, returned as a fraction.
  std::optional<Located<double>> percent(NodeId node, const InputPath& path,
                                         double maximum_percent = 100.0);
  /// true or false.
  std::optional<bool> boolean(NodeId node, const InputPath& path);
  /// Any scalar, as text; `non_empty` rejects "".
  std::optional<std::string> text(NodeId node, const InputPath& path, bool non_empty = true);

  /// Optional number under `key`.
  std::optional<Located<double>> number_at(NodeId map, const InputPath& path, std::string_view key,
                                           const NumberRule& rule = {});
  /// Optional percentage under `key`.
  std::optional<Located<double>> percent_at(NodeId map, const InputPath& path,
                                            std::string_view key);
  /// Optional text under `key`.
  std::optional<std::string> text_at(NodeId map, const InputPath& path, std::string_view key);

  /// A short description of a node for messages: `"two"`, `a list`, `a mapping`, `nothing`.
  std::string describe(NodeId node) const;

 private:
  const Document& document_;
  const std::vector<std::string>& files_;
  DiagnosticList& problems_;
};

/// Parses a plain decimal number ("12", "4.5", "1e3"); nullopt when the text is not one.
/// Sets `overflow` when it is one but too large to hold.
std::optional<double> parse_decimal(std::string_view text, bool& overflow);

}  // namespace estab
