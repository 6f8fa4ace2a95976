// Helpers shared by the unit tests (see test_support.hpp).
#include "support/test_support.hpp"

#include <cstdlib>

#include <fstream>
#include <sstream>
#include <system_error>

#include "estab/load.hpp"

namespace estab::testing {

namespace {

/// The printed form of every diagnostic of a load that failed, one string per problem.
std::vector<std::string> printed(const InputError& error) {
  std::vector<std::string> problems;
  for (const Diagnostic& problem : error.diagnostics()) problems.push_back(problem.to_string());
  return problems;
}

/// Load options with `--set` overrides.
LoadOptions with_overrides(const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return options;
}

}  // namespace

std::string source_path(const std::string& relative) {
  return std::string(ESTAB_SOURCE_DIR) + "/" + relative;
}

std::string example(const std::string& name) {
  return std::filesystem::path(source_path("examples/" + name)).lexically_normal().string();
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path scratch_directory(const std::string& name) {
  const auto directory = std::filesystem::temp_directory_path() / ("estab-test-" + name);
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

ScratchDirectory::ScratchDirectory() {
  std::string pattern = std::filesystem::temp_directory_path() / "estab-test-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = std::filesystem::path(pattern).lexically_normal();
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string ScratchDirectory::file(const std::string& relative) const {
  return (path_ / relative).lexically_normal().string();
}

std::string ScratchDirectory::write(const std::string& relative, const std::string& text) const {
  const std::filesystem::path target = path_ / relative;
  std::filesystem::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary);
  out << text;
  out.close();
  REQUIRE(out.good());
  return file(relative);
}

std::vector<std::string> problems_of(const std::string& text,
                                     const std::vector<std::string>& overrides) {
  try {
    load_model_text(text, "in.yaml", with_overrides(overrides));
  } catch (const InputError& error) {
    return printed(error);
  }
  FAIL("the text loaded without problems");
  return {};
}

std::vector<std::string> problems_of_file(const std::string& path,
                                          const std::vector<std::string>& overrides) {
  try {
    load_model_file(path, with_overrides(overrides));
  } catch (const InputError& error) {
    return printed(error);
  }
  FAIL("the file loaded without problems");
  return {};
}

std::string usage_error_of(const std::string& text, const std::vector<std::string>& overrides) {
  return usage_error_of([&] { load_model_text(text, "in.yaml", with_overrides(overrides)); });
}

Located<double> at(double value) {
  return Located<double>{value, {}};
}

Allowance allowance_in(AllowanceUnit unit, double amount) {
  Allowance allowance;
  allowance.unit = unit;
  allowance.amount = amount;
  return allowance;
}

}  // namespace estab::testing
