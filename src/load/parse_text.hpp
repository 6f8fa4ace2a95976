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

/// Text to parse, and where it sits in its file.
struct TextPiece {
  std::string_view text;
  std::uint32_t line_offset = 0;  ///< lines of the file before the first line read
  std::size_t outer_depth = 0;    ///< levels of nesting around the text
  std::string_view prefix;        ///< read before the text, as if written there
  std::string_view suffix;        ///< read after the text, as if written there
};

/// Parses a piece of a file so that its marks and nesting limit match the whole file's.
/// Throws InputError as Document::parse does, but checks neither size nor encoding.
Document parse_yaml_text(const TextPiece& piece, std::uint32_t file_index,
                         const std::string& file_name);

/// Parses a whole file's text; throws as Document::parse does, without its size and encoding
/// checks.
Document parse_yaml_text(std::string_view text, std::uint32_t file_index,
                         const std::string& file_name);

}  // namespace estab
