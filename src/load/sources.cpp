// Reading input files and following `extends` chains.
#include "load/sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "load/parse_text.hpp"
#include "load/reader.hpp"

namespace estab {

namespace {

/// Far larger than a national review (about 40 MB), small enough to refuse a runaway file.
constexpr std::uintmax_t kLargestInputBytes = std::uintmax_t{512} << 20;

/// Longer chains than this are almost certainly a mistake.
constexpr std::size_t kMaxChainLength = 32;

using NodeId = Document::NodeId;

/// The canonical form of a path, for recognising the same file reached two ways.
std::string canonical_name(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

class ChainLoader {
 public:
  ChainLoader(std::vector<std::string>& files, DiagnosticList* warnings, bool every_problem)
      : files_(files), warnings_(warnings), every_problem_(every_problem) {}

  Document load(std::string_view text, const std::string& file_name) {
    const auto file_index = static_cast<std::uint32_t>(files_.size());
    files_.push_back(file_name);
    chain_.push_back(canonical_name(file_name));
    chain_names_.push_back(file_name);
    Document document = Document::parse(text, file_index, file_name);
    const NodeId root = document.root();
    if (document.kind(root) != NodeKind::Map) return document;
    const NodeId extends = document.find(root, "extends");
    if (extends == Document::kNoNode) return document;

    DiagnosticList problems;
    NodeReader reader(document, files_, problems);
    const InputPath path = InputPath().child("extends");
    const std::optional<std::string> base_name = reader.text(extends, path);
    problems.throw_if_any();
    const std::filesystem::path base_path =
        std::filesystem::path(file_name).parent_path() / *base_name;
    const std::string base_file = base_path.lexically_normal().string();
    const std::string base_canonical = canonical_name(base_file);
    const auto repeat = std::find(chain_.begin(), chain_.end(), base_canonical);
    if (repeat != chain_.end()) {
      std::vector<std::string> cycle(chain_names_.begin() + (repeat - chain_.begin()),
                                     chain_names_.end());
      cycle.push_back(base_file);
      reader.error(
          extends, path,
          fmt::format("the files extend one another in a cycle: {}", fmt::join(cycle, " -> ")));
      problems.throw_if_any();
    }
    if (chain_.size() >= kMaxChainLength) {
      reader.error(extends, path,
                   fmt::format("more than {} files extend one another", kMaxChainLength));
      problems.throw_if_any();
    }
    const SourceLocation where = document.location(extends);
    std::string base_text;
    try {
      base_text = read_text_file(base_file);
    } catch (const FileError& error) {
      throw FileError(base_file, fmt::format("{}:{}:{}: {} (named by 'extends')", file_name,
                                             where.line, where.column, error.what()));
    }
    const Document base = load(base_text, base_file);
    chain_.pop_back();
    chain_names_.pop_back();
    return merge_overlay(base, document, files_, warnings_, every_problem_);
  }

 private:
  std::vector<std::string>& files_;
  DiagnosticList* warnings_;              ///< where warnings go, if anywhere
  bool every_problem_;                    ///< keep every problem of a merge, not the first 100
  std::vector<std::string> chain_;        ///< canonical paths of the files being loaded
  std::vector<std::string> chain_names_;  ///< the same files as they were named
};

}  // namespace

std::string read_text_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code status_error;
  const fs::file_status status = fs::status(path, status_error);
  if (fs::is_directory(status)) {
    throw FileError(path, fmt::format("cannot read '{}': it is a directory", path));
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw FileError(path, fmt::format("cannot read '{}': it is not a regular file", path));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw FileError(path, fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  std::error_code size_error;
  const std::uintmax_t size = fs::file_size(path, size_error);
  if (!size_error && size > kLargestInputBytes) {
    throw FileError(path, fmt::format("cannot read '{}': it is {} MB; estab reads files of up to "
                                      "{} MB",
                                      path, size >> 20, kLargestInputBytes >> 20));
  }
  // Read a block at a time: a file whose size is not known in advance (such as one under
  // /proc) is read to its end, and a binary one is refused from its first block.
  std::string contents;
  if (!size_error) contents.reserve(static_cast<std::size_t>(size));
  std::vector<char> block(std::size_t{1} << 20);
  while (true) {
    file.read(block.data(), static_cast<std::streamsize>(block.size()));
    if (file.bad()) {
      throw FileError(path, fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    }
    contents.append(block.data(), static_cast<std::size_t>(file.gcount()));
    if (contents.size() == static_cast<std::size_t>(file.gcount())) check_head(contents, path);
    if (contents.size() > kLargestInputBytes) {
      throw FileError(path, fmt::format("cannot read '{}': it is over {} MB; estab reads files of "
                                        "up to {} MB",
                                        path, kLargestInputBytes >> 20, kLargestInputBytes >> 20));
    }
    if (file.eof()) break;
  }
  return contents;
}

Document load_document(std::string_view text, const std::string& file_name,
                       std::vector<std::string>& files, DiagnosticList* warnings,
                       bool every_problem) {
  ChainLoader loader(files, warnings, every_problem);
  return loader.load(text, file_name);
}

}  // namespace estab
