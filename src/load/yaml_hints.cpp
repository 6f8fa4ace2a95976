// Plain words for YAML syntax errors: the parser's message, where it applies, gains what a
// planner editing the file by hand most often got wrong, and the place to look.

#include "load/yaml_hints.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

namespace estab {

namespace {

/// The lines of `text`, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// The number of spaces a line starts with.
std::size_t indent_of(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && line[indent] == ' ') ++indent;
  return indent;
}

/// A first line at or before `last` whose indentation holds a tab.
std::optional<YamlProblem> tab_hint(const std::vector<std::string_view>& lines, std::size_t last) {
  for (std::size_t index = 0; index <= last && index < lines.size(); ++index) {
    const std::string_view line = lines[index];
    const std::size_t text_start = line.find_first_not_of(" \t");
    const std::string_view leading = line.substr(0, std::min(text_start, line.size()));
    const std::size_t tab = leading.find('\t');
    if (tab == std::string_view::npos || text_start == std::string_view::npos) continue;
    return YamlProblem{static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(tab + 1),
                       "line " + std::to_string(index + 1) +
                           " is indented with a tab: indent with spaces, not tabs"};
  }
  return std::nullopt;
}

/// A value on the line that itself holds ": " (`shift: twilight: 14:00`), and where it starts.
std::optional<std::pair<std::string_view, std::size_t>> value_with_colon(std::string_view line) {
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t colon = line.find(": ", start);
    if (colon == std::string_view::npos) return std::nullopt;
    std::size_t value_start = colon + 2;
    while (value_start < line.size() && line[value_start] == ' ') ++value_start;
    std::size_t value_end = line.find_first_of(",}]#", value_start);
    if (value_end == std::string_view::npos) value_end = line.size();
    const std::string_view value = line.substr(value_start, value_end - value_start);
    if (!value.empty() && value.front() != '"' && value.front() != '\'' && value.front() != '{' &&
        value.front() != '[' && contains(value, ": ")) {
      std::string_view trimmed = value;
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
      return std::make_pair(trimmed, value_start);
    }
    start = colon + 2;
  }
  return std::nullopt;
}

/// The innermost `[` or `{` still open where the parser stopped, outside quotes and comments.
std::optional<YamlProblem> unclosed_hint(const std::vector<std::string_view>& lines,
                                         std::size_t stop_line, std::size_t stop_column) {
  struct Opener {
    char bracket;
    std::size_t line;
    std::size_t column;
  };
  std::vector<Opener> open;
  for (std::size_t index = 0; index < lines.size() && index <= stop_line; ++index) {
    const std::string_view line = lines[index];
    char quote = 0;
    for (std::size_t column = 0; column < line.size(); ++column) {
      if (index == stop_line && column >= stop_column) break;
      const char character = line[column];
      if (quote != 0) {
        if (character == quote) quote = 0;
        continue;
      }
      if (character == '"' || character == '\'') {
        quote = character;
      } else if (character == '#' && (column == 0 || line[column - 1] == ' ')) {
        break;
      } else if (character == '[' || character == '{') {
        open.push_back({character, index, column});
      } else if ((character == ']' || character == '}') && !open.empty()) {
        open.pop_back();
      }
    }
  }
  if (open.empty()) return std::nullopt;
  const Opener& opener = open.back();
  return YamlProblem{static_cast<std::uint32_t>(opener.line + 1),
                     static_cast<std::uint32_t>(opener.column + 1),
                     fmt::format("the '{}' opened here is never closed with '{}'", opener.bracket,
                                 opener.bracket == '[' ? ']' : '}')};
}

}  // namespace

std::optional<YamlProblem> explain_yaml_error(std::string_view text, std::string_view message,
                                              std::uint32_t line, std::uint32_t column) {
  const std::vector<std::string_view> lines = lines_of(text);
  if (line == 0 || lines.empty()) return std::nullopt;
  const std::size_t stop_line = std::min<std::size_t>(line - 1, lines.size() - 1);
  if (auto tab = tab_hint(lines, stop_line)) return tab;
  const std::string_view stopped_at = lines[stop_line];
  const bool flow_end = contains(message, "end of map flow not found") ||
                        contains(message, "end of sequence flow not found");
  if (flow_end || contains(message, "illegal map value")) {
    if (const auto value = value_with_colon(stopped_at)) {
      return YamlProblem{line, static_cast<std::uint32_t>(value->second + 1),
                         fmt::format("the value '{}' holds ': ': put it in quotes, as \"{}\"",
                                     value->first, value->first)};
    }
  }
  if (flow_end) {
    if (auto unclosed = unclosed_hint(lines, stop_line, column == 0 ? 0 : column - 1)) {
      return unclosed;
    }
  }
  if (contains(message, "end of sequence not found") || contains(message, "end of map not found")) {
    for (std::size_t above = stop_line; above-- > 0;) {
      const std::string_view previous = lines[above];
      if (previous.find_first_not_of(' ') == std::string_view::npos) continue;
      return YamlProblem{line, column,
                         fmt::format("line {} is indented by {} spaces and does not line up with "
                                     "the lines above it (line {} by {}): check its indentation",
                                     line, indent_of(stopped_at), above + 1, indent_of(previous))};
    }
  }
  return std::nullopt;
}

}  // namespace estab
