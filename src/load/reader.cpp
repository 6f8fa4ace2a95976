// Typed reading of Document nodes with located, collected problems.
#include "load/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>

#include "estab/suggest.hpp"
#include "estab/text.hpp"
#include "load/extract_cells.hpp"

namespace estab {

std::string InputPath::str() const {
  std::string prefix = parent_ != nullptr ? parent_->str() : std::string();
  if (!is_item_) {
    if (key_.empty()) return prefix;
    return prefix.empty() ? std::string(key_) : prefix + "." + std::string(key_);
  }
  if (!id_.empty()) return prefix + "[" + std::string(id_) + "]";
  return prefix + "[" + std::to_string(index_) + "]";
}

namespace {

/// For a number written as a report writes it ("33,400", "£78,900"), " (write 33400: …)";
/// "" for anything else.
std::string plain_number_hint(std::string_view text) {
  std::string_view rest = text;
  bool currency = false;
  for (const std::string_view sign : {"\xC2\xA3", "$", "\xE2\x82\xAC"}) {  // £ $ €
    if (rest.substr(0, sign.size()) == sign) {
      rest.remove_prefix(sign.size());
      currency = true;
      break;
    }
  }
  const bool commas = rest.find(',') != std::string_view::npos;
  if ((!currency && !commas) || !parse_extract_number(rest)) return {};
  std::string plain;
  for (const char character : rest) {
    if (character != ',') plain += character;
  }
  return fmt::format(" (write {}: a number in the input has no {})", plain,
                     currency && commas ? "commas or currency sign"
                     : currency         ? "currency sign"
                                        : "commas");
}

/// YAML's spellings of infinity and not-a-number, which are never valid input.
bool is_non_finite_literal(std::string_view text) {
  std::string lower;
  for (char character : text)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return lower == ".nan" || lower == ".inf" || lower == "+.inf" || lower == "-.inf" ||
         lower == "nan" || lower == "inf" || lower == "-inf" || lower == "infinity";
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text, bool& overflow) {
  overflow = false;
  // Only plain decimal notation: an optional sign, digits with at most one point, an exponent.
  std::size_t position = 0;
  if (position < text.size() && (text[position] == '+' || text[position] == '-')) ++position;
  std::size_t digits = 0;
  while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
    ++position;
    ++digits;
  }
  if (position < text.size() && text[position] == '.') {
    ++position;
    while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
      ++position;
      ++digits;
    }
  }
  if (digits == 0) return std::nullopt;
  if (position < text.size() && (text[position] == 'e' || text[position] == 'E')) {
    ++position;
    if (position < text.size() && (text[position] == '+' || text[position] == '-')) ++position;
    std::size_t exponent_digits = 0;
    while (position < text.size() && std::isdigit(static_cast<unsigned char>(text[position]))) {
      ++position;
      ++exponent_digits;
    }
    if (exponent_digits == 0) return std::nullopt;
  }
  if (position != text.size()) return std::nullopt;
  const std::string copy(text);
  errno = 0;
  const double value = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(value)) {
    overflow = true;
    return std::nullopt;
  }
  return value == 0.0 ? 0.0 : value;  // -0 reads as 0
}

void NodeReader::error(NodeId node, const InputPath& path, std::string message) {
  error_at(document_.location(node), path, std::move(message));
}

void NodeReader::error_at(SourceLocation where, const InputPath& path, std::string message) {
  const std::string file =
      where.file_index < files_.size() ? files_[where.file_index] : std::string();
  problems_.add(Diagnostic{file, where.line, where.column, path.str(), std::move(message)});
}

std::string NodeReader::describe(NodeId node) const {
  switch (document_.kind(node)) {
    case NodeKind::Null: return "nothing";
    case NodeKind::Sequence: return "a list";
    case NodeKind::Map: return "a mapping";
    case NodeKind::Scalar: break;
  }
  std::string_view value = document_.text(node);
  std::string shown(value.substr(0, 40));
  if (value.size() > 40) shown += "...";
  return "\"" + shown + "\"";
}

bool NodeReader::expect_map(NodeId node, const InputPath& path) {
  if (document_.kind(node) == NodeKind::Map) return true;
  error(node, path, "expected a mapping of keys to values, got " + describe(node));
  return false;
}

bool NodeReader::expect_list(NodeId node, const InputPath& path) {
  if (document_.kind(node) == NodeKind::Sequence) return true;
  error(node, path, "expected a list, got " + describe(node));
  return false;
}

void NodeReader::check_keys(NodeId map, const InputPath& path,
                            const std::vector<std::string_view>& allowed) {
  std::unordered_map<std::string_view, NodeId> seen;
  for (NodeId key = document_.first_child(map); key != Document::kNoNode;) {
    const NodeId value = document_.next_sibling(key);
    if (document_.kind(key) != NodeKind::Scalar) {
      error(key, path, "a key must be plain text, got " + describe(key));
    } else {
      const std::string_view name = document_.text(key);
      const auto [previous, inserted] = seen.emplace(name, key);
      if (!inserted) {
        error(key, path,
              fmt::format("key '{}' appears twice (first at line {})", name,
                          document_.location(previous->second).line));
      } else if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        const std::string shown =
            name.size() > 60 ? std::string(name.substr(0, 60)) + "..." : std::string(name);
        error(key, path,
              fmt::format("unknown key '{}'{}", shown,
                          listing() ? did_you_mean(name, allowed) : std::string()));
      }
    }
    if (value == Document::kNoNode) break;
    key = document_.next_sibling(value);
  }
}

NodeReader::NodeId NodeReader::require(NodeId map, const InputPath& path, std::string_view key) {
  const NodeId value = document_.find(map, key);
  if (value == Document::kNoNode) {
    error(map, path, fmt::format("missing required key '{}'", key));
  }
  return value;
}

std::optional<Located<double>> NodeReader::number(NodeId node, const InputPath& path,
                                                  const NumberRule& rule) {
  if (document_.kind(node) != NodeKind::Scalar) {
    error(node, path, "expected a number, got " + describe(node));
    return std::nullopt;
  }
  const std::string_view value_text = document_.text(node);
  bool overflow = false;
  const std::optional<double> value =
      document_.quoted(node) ? std::nullopt : parse_decimal(value_text, overflow);
  if (overflow) {
    error(node, path, fmt::format("the number {} is too large", value_text));
    return std::nullopt;
  }
  if (!value) {
    if (!value_text.empty() && value_text.back() == '%') {
      error(node, path, "expected a number, got the percentage " + describe(node));
    } else if (!document_.quoted(node) && is_non_finite_literal(value_text)) {
      error(node, path, fmt::format("expected a finite number, got {}", value_text));
    } else if (document_.quoted(node) && parse_decimal(value_text, overflow)) {
      error(node, path,
            fmt::format("expected a number, got the text {} (remove the quotes)", describe(node)));
    } else {
      error(node, path, "expected a number, got " + describe(node) + plain_number_hint(value_text));
    }
    return std::nullopt;
  }
  if (*value < 0.0) {
    error(node, path, fmt::format("must not be negative, got {}", value_text));
    return std::nullopt;
  }
  if (rule.positive && *value == 0.0) {
    error(node, path, "must be greater than zero");
    return std::nullopt;
  }
  if (*value < rule.minimum) {
    error(node, path, fmt::format("must be at least {}, got {}", rule.minimum, value_text));
    return std::nullopt;
  }
  const double maximum = rule.maximum.value_or(kLargestNumber);
  if (*value > maximum) {
    const bool stated = rule.maximum && *rule.maximum_reason;
    error(node, path,
          fmt::format("must be at most {}{}, got {}", maximum,
                      stated ? std::string(" (") + rule.maximum_reason + ")"
                             : std::string(rule.maximum ? "" : " (the largest number estab reads)"),
                      value_text));
    return std::nullopt;
  }
  return Located<double>{*value, document_.location(node)};
}

std::optional<Located<double>> NodeReader::percent(NodeId node, const InputPath& path,
                                                   double maximum_percent) {
  if (document_.kind(node) != NodeKind::Scalar) {
    error(node, path, "expected a percentage such as 4.5%, got " + describe(node));
    return std::nullopt;
  }
  std::string_view value_text = document_.text(node);
  bool overflow = false;
  if (value_text.empty() || value_text.back() != '%') {
    const std::optional<double> bare = parse_decimal(value_text, overflow);
    if (bare && *bare > 0.0 && *bare < 1.0) {
      // 0.9 is most likely a fraction meaning 90%, which written "0.9%" would be under 1%.
      error(node, path,
            fmt::format("write {}% if {} is a fraction — the percent sign is required, and "
                        "{}% would mean under one percent",
                        format_shortest(std::round(*bare * 1e11) / 1e9), value_text, value_text));
    } else if (bare || overflow) {
      error(node, path, fmt::format("write {}% — the percent sign is required", value_text));
    } else {
      error(node, path, "expected a percentage such as 4.5%, got " + describe(node));
    }
    return std::nullopt;
  }
  std::string_view number_text = value_text.substr(0, value_text.size() - 1);
  while (!number_text.empty() && number_text.back() == ' ') number_text.remove_suffix(1);
  const std::optional<double> value = parse_decimal(number_text, overflow);
  if (!value) {
    error(node, path,
          overflow ? fmt::format("the percentage {} is too large", value_text)
                   : "expected a percentage such as 4.5%, got " + describe(node));
    return std::nullopt;
  }
  if (*value < 0.0 || *value > maximum_percent) {
    error(node, path,
          fmt::format("must be between 0% and {}%, got {}", maximum_percent, value_text));
    return std::nullopt;
  }
  return Located<double>{*value / 100.0, document_.location(node)};
}

std::optional<bool> NodeReader::boolean(NodeId node, const InputPath& path) {
  if (document_.kind(node) == NodeKind::Scalar && !document_.quoted(node)) {
    const std::string_view value_text = document_.text(node);
    if (value_text == "true" || value_text == "True" || value_text == "TRUE") return true;
    if (value_text == "false" || value_text == "False" || value_text == "FALSE") return false;
  }
  error(node, path, "expected true or false, got " + describe(node));
  return std::nullopt;
}

std::string text_problem(std::string_view text) {
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    const bool c0 = (byte < 0x20 && byte != '\t') || byte == 0x7F;
    const bool c1 = byte == 0xC2 && index + 1 < text.size() &&
                    static_cast<unsigned char>(text[index + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[index + 1]) <= 0x9F;  // U+0080 to U+009F
    if (c0 || c1) return "must not contain control characters (such as a line break or escape)";
  }
  if (text.size() > kLongestText) {
    return fmt::format("is {} bytes long; text here may be up to {} bytes", text.size(),
                       kLongestText);
  }
  return {};
}

std::optional<std::string> NodeReader::text(NodeId node, const InputPath& path, bool non_empty) {
  if (document_.kind(node) != NodeKind::Scalar) {
    error(node, path, "expected text, got " + describe(node));
    return std::nullopt;
  }
  std::string value(document_.text(node));
  if (std::string problem = text_problem(value); !problem.empty()) {
    error(node, path, std::move(problem));
    return std::nullopt;
  }
  if (non_empty && value.find_first_not_of(" \t") == std::string::npos) {
    error(node, path, "must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<Located<double>> NodeReader::number_at(NodeId map, const InputPath& path,
                                                     std::string_view key, const NumberRule& rule) {
  const NodeId value = document_.find(map, key);
  if (value == Document::kNoNode) return std::nullopt;
  return number(value, path.child(key), rule);
}

std::optional<Located<double>> NodeReader::percent_at(NodeId map, const InputPath& path,
                                                      std::string_view key) {
  const NodeId value = document_.find(map, key);
  if (value == Document::kNoNode) return std::nullopt;
  return percent(value, path.child(key));
}

std::optional<std::string> NodeReader::text_at(NodeId map, const InputPath& path,
                                               std::string_view key) {
  const NodeId value = document_.find(map, key);
  if (value == Document::kNoNode) return std::nullopt;
  return text(value, path.child(key));
}

}  // namespace estab
