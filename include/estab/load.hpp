#pragma once
/// Loading: an input file to a validated Model, or every problem found in it.

#include <string>
#include <string_view>
#include <vector>

#include "estab/model.hpp"

namespace estab {

/// Changes applied while loading, after any `extends` chain is merged.
struct LoadOptions {
  std::vector<std::string> overrides;  ///< `--set PATH=VALUE` assignments, in order
  bool warnings_are_errors = false;    ///< a warning stops the load as a problem would
  bool cite_rows = false;              ///< keep the extract rows each line's WTE was summed from
  bool every_problem = false;  ///< keep every problem, not only the first kMostListedProblems
};

/// Reads, parses and validates an input file, following `extends` and applying overrides.
/// Throws FileError when a file cannot be read, InputError listing every problem, and
/// UsageError when an override names a path that does not exist.
Model load_model_file(const std::string& path, const LoadOptions& options = {});

/// Parses and validates text as if it had been read from `file_name` (which locates any
/// `extends` path). Throws as load_model_file does.
Model load_model_text(std::string_view text, const std::string& file_name,
                      const LoadOptions& options = {});

}  // namespace estab
