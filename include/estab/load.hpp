#pragma once
/// Loading: an input file to a validated Model, or every problem found in it.

#include <string>
#include <string_view>

#include "estab/model.hpp"

namespace estab {

/// Reads, parses and validates an input file.
/// Throws FileError when the file cannot be read and InputError listing every problem.
Model load_model_file(const std::string& path);

/// Parses and validates text as if it had been read from `file_name`.
/// Throws InputError listing every problem.
Model load_model_text(std::string_view text, const std::string& file_name);

}  // namespace estab
