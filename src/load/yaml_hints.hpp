#pragma once
// Plain words for YAML syntax errors, for a planner who edits a file by hand.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estab {

/// Where a YAML syntax error is best shown, and what to say there.
struct YamlProblem {
  std::uint32_t line = 0;    ///< 1-based, in the text given
  std::uint32_t column = 0;  ///< 1-based
  std::string message;       ///< without the "invalid YAML: " the caller adds
};

/// The likely cause of the parser's `message` at `line`:`column` (1-based) of `text`: a tab in
/// the indentation, a value holding ": " that needs quotes, a bracket never closed (at where it
/// opened), or a line indented out of step; nullopt when none applies.
std::optional<YamlProblem> explain_yaml_error(std::string_view text, std::string_view message,
                                              std::uint32_t line, std::uint32_t column);

}  // namespace estab
