// Unit tests of `--compact`: every command that writes JSON writes the same document on one
// line, with no indentation or spaces between tokens, and any other format refuses the flag.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/exit_code.hpp"
#include "support/test_support.hpp"

using namespace estab;
using namespace estab::testing;

namespace {

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

RunResult run_estab(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "estab");
  std::vector<const char*> pointers;
  for (const std::string& argument : arguments) pointers.push_back(argument.c_str());
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(static_cast<int>(pointers.size()), pointers.data(), out, err);
  return {code, out.str(), err.str()};
}

/// Each command that writes JSON, with the arguments before `--format json`.
std::vector<std::vector<std::string>> json_commands() {
  const std::string trust = example("trust.yaml");
  const std::string atu = example("atu.yaml");
  return {
      {"review", trust},
      {"establishment", atu},
      {"gaps", atu},
      {"uplift", trust},
      {"compare", source_path("tests/scenarios/base.yaml"),
       source_path("tests/scenarios/scenario.yaml")},
      {"sensitivity", atu},
      {"explain", atu},
      {"explain", atu, "--team", "atu", "--profession", "hca"},
      {"validate", atu, trust},
      {"sources", example("trust-extracts.yaml")},
  };
}

}  // namespace

TEST_CASE("compact JSON is the same document on one line for every command that writes JSON",
          "[cli]") {
  for (std::vector<std::string> arguments : json_commands()) {
    INFO(arguments.front() << " " << arguments.back());
    arguments.insert(arguments.end(), {"--format", "json"});
    const RunResult indented = run_estab(arguments);
    arguments.push_back("--compact");
    const RunResult compact = run_estab(arguments);
    REQUIRE(indented.exit_code == 0);
    REQUIRE(compact.exit_code == 0);
    CHECK(compact.err == indented.err);

    // One line, ended by a newline, with no space between tokens.
    REQUIRE_FALSE(compact.out.empty());
    CHECK(compact.out.back() == '\n');
    CHECK(compact.out.find('\n') == compact.out.size() - 1);
    CHECK(compact.out.size() < indented.out.size());
    CHECK(compact.out.find("\": ") == std::string::npos);
    CHECK(compact.out.find(", \"") == std::string::npos);

    // The same keys, in the same order, and the same values.
    const auto parsed_compact = nlohmann::ordered_json::parse(compact.out);
    const auto parsed_indented = nlohmann::ordered_json::parse(indented.out);
    CHECK(parsed_compact == parsed_indented);
    CHECK(compact.out == parsed_indented.dump() + "\n");
  }
}

TEST_CASE("compact output with a format that is not JSON is a usage error", "[cli]") {
  const std::string atu = example("atu.yaml");
  for (const char* format : {"table", "csv", "markdown"}) {
    INFO(format);
    const RunResult result = run_estab({"review", atu, "--format", format, "--compact"});
    CHECK(result.exit_code == cli::to_int(cli::ExitCode::Usage));
    CHECK(result.out.empty());
    CHECK(result.err.find("--compact: applies to --format json only") != std::string::npos);
  }
  // The default format is the table.
  const RunResult table = run_estab({"gaps", atu, "--compact"});
  CHECK(table.exit_code == cli::to_int(cli::ExitCode::Usage));
  CHECK(table.out.empty());
  // init writes no output format at all.
  const RunResult init = run_estab({"init", "--compact", "somewhere"});
  CHECK(init.exit_code == cli::to_int(cli::ExitCode::Usage));
}
