#pragma once
// Writing an output file so that it is either wholly replaced or left untouched.

#include <string>
#include <string_view>

namespace estab::cli {

/// Replaces `path` with `contents` atomically: a temporary file beside it is written, flushed
/// and renamed over it. On failure the old file is untouched, no temporary file is left, and
/// FileError is thrown.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace estab::cli
