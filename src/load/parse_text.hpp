#pragma once
// Parsing YAML text, or a piece of a file, into a Document.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "estab/document.hpp"

namespace estab {

/// The longest line of YAML read: no estab file needs one, and a longer one costs the parser
/// seconds before it can say anything.
inline constexpr std::size_t kLongestYamlLine = std::size_t{1} << 20;

/// Throws InputError unless `text` can be parsed at all: under 4 GB, strict UTF-8 without NUL
/// bytes, lines ending in LF or CRLF of at most kLongestYamlLine bytes, and from a file whose
/// index fits a mark.
void check_text(std::string_view text, std::uint32_t file_index, const std::string& file_name);

/// True when `text` is strict UTF-8 without control characters (C0 but tab, DEL, or C1): text
/// that may reach every output as it is.
bool is_clean_text(std::string_view text);

/// Throws InputError as check_text does when the first bytes of a file already show that it
/// is not UTF-8 text, so that a large binary file is refused before it is read whole.
void check_head(std::string_view head, const std::string& file_name);

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
