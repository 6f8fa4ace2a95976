// Writing a JSON object member by member, as dump(2) writes it whole.

#include "report/json_stream.hpp"

namespace estab::report {

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string dumped_at_depth(const nlohmann::ordered_json& value, std::size_t depth) {
  const std::string text = dump_json(value, 2);
  const std::string indent(2 * depth, ' ');
  std::string result;
  result.reserve(text.size() + text.size() / 8);
  for (const char character : text) {
    result.push_back(character);
    if (character == '\n') result += indent;
  }
  return result;
}

}  // namespace estab::report
