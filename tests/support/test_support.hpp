#pragma once
/// Helpers shared by the unit tests: paths of the source tree, files and scratch directories,
/// the problems of a load that must fail, and values of models written in code.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/model.hpp"

namespace estab::testing {

// ---------------------------------------------------------------------------------------------
// Paths and files

/// A path inside the source tree, e.g. source_path("tests/scenarios/base.yaml").
std::string source_path(const std::string& relative);

/// An example file, by its path under examples/, normalised as the loader names it.
std::string example(const std::string& name);

/// The whole contents of a file, byte for byte ("" when it cannot be read).
std::string read_all(const std::filesystem::path& path);

/// A fresh empty directory for one test, named after it and left behind for inspection.
std::filesystem::path scratch_directory(const std::string& name);

/// A fresh empty directory of the test's own, removed with its contents at the end of the scope.
class ScratchDirectory {
 public:
  /// Creates the directory (a unique name, made with mkdtemp); fails the test when it cannot.
  ScratchDirectory();
  /// Removes the directory and everything in it.
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  /// The directory's path (normalised).
  const std::filesystem::path& path() const { return path_; }

  /// The name the loader gives a file of this directory (normalised, as `extends` makes it).
  std::string file(const std::string& relative) const;

  /// Writes `text` to a file of this directory (creating subdirectories); returns its name.
  std::string write(const std::string& relative, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// ---------------------------------------------------------------------------------------------
// Loads that must fail

/// Every problem of a text (named in.yaml) that must fail to load with `--set` overrides, one
/// string per problem; fails the test when it loads.
std::vector<std::string> problems_of(const std::string& text,
                                     const std::vector<std::string>& overrides = {});

/// Every problem of a file that must fail to load with `--set` overrides, one string per
/// problem; fails the test when it loads.
std::vector<std::string> problems_of_file(const std::string& path,
                                          const std::vector<std::string>& overrides = {});

/// The message of the UsageError `action` throws, as the command line words it; fails the test
/// when it throws anything else.
template <typename Action>
std::string usage_error_of(Action action) {
  try {
    action();
  } catch (const estab::UsageError& error) {
    return estab::cli::usage_text(error);
  }
  FAIL("no UsageError was thrown");
  return "";
}

/// The message of the UsageError that loading `text` (named in.yaml) with `overrides` must
/// throw; fails the test when it throws anything else.
std::string usage_error_of(const std::string& text, const std::vector<std::string>& overrides);

// ---------------------------------------------------------------------------------------------
// Models written in code

/// A value with no source location.
Located<double> at(double value);

/// An allowance of `amount` in `unit` (a fraction for percent; days, hours, …).
Allowance allowance_in(AllowanceUnit unit, double amount);

/// A model with its review, kept together so that the review's model pointers stay valid.
struct Reviewed {
  Model model;
  ReviewResult review;

  /// Keeps `loaded` and computes its review.
  explicit Reviewed(Model loaded) : model(std::move(loaded)), review(compute_review(model)) {}
  Reviewed(const Reviewed&) = delete;
  Reviewed& operator=(const Reviewed&) = delete;
};

}  // namespace estab::testing
