#pragma once
// Where a model's Document comes from: files, `extends` chains and `--set` overrides.

#include <string>
#include <string_view>
#include <vector>

#include "estab/document.hpp"

namespace estab {

/// Reads a whole file as text. Throws FileError naming the file.
std::string read_text_file(const std::string& path);

/// Parses `text` (read from `file_name`) and, when it names `extends`, loads the base file
/// (relative to `file_name`) and lays this one over it, following chains. Every file read is
/// added to `files`, whose indexes the document's marks carry. Throws InputError, FileError.
Document load_document(std::string_view text, const std::string& file_name,
                       std::vector<std::string>& files, DiagnosticList* warnings = nullptr,
                       bool every_problem = false);

/// Lays `overlay` over `base`: maps merge key by key; professions, services and teams merge by
/// id and staffing lines by profession; `remove: true` drops an entry; other lists are replaced.
/// Throws InputError for entries that cannot be merged; adds to `warnings` (when given) each
/// new entry whose id is close to one of the base's. Beyond 100 problems the rest are counted,
/// unless `every_problem`.
Document merge_overlay(const Document& base, const Document& overlay,
                       const std::vector<std::string>& files, DiagnosticList* warnings = nullptr,
                       bool every_problem = false);

/// Applies `--set PATH=VALUE` assignments in order. VALUE is read as YAML from a source named
/// "--set" (added to `files`). Throws UsageError for a malformed or unknown PATH and InputError
/// for a VALUE that is not valid YAML.
void apply_overrides(Document& document, const std::vector<std::string>& overrides,
                     std::vector<std::string>& files);

}  // namespace estab
