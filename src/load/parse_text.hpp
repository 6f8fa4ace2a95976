#pragma once
// Parsing YAML text, or a piece of a file, into a Document.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estab/document.hpp"

namespace estab {

/// Throws InputError unless `text` can be parsed at all: under 4 GB, UTF-8 without NUL bytes,
/// and from a file whose index fits a mark.
void check_text(std::string_view text, std::uint32_t file_index, const std::string& file_name);

/// Parses YAML text that starts after `line_offset` lines of its file and sits `outer_depth`
/// levels of nesting deep in it, so that marks and the nesting limit match the whole file;
/// `sentinel` is read after the text as if it followed it. Throws InputError as
/// Document::parse does, but checks neither size nor encoding.
Document parse_yaml_text(std::string_view text, std::uint32_t file_index,
                         const std::string& file_name, std::uint32_t line_offset = 0,
                         std::size_t outer_depth = 0, std::string_view sentinel = {});

}  // namespace estab
