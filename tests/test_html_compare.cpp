// The scenario paper (`compare --format html`) of tests/scenarios/base.yaml → scenario.yaml:
// what changes in words, the organisation, every service, each changed team and line.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Model;
using estab::OutputFormat;
using namespace estab::testing;

/// The scenario paper of two models.
std::string scenario_paper(const Model& base, const Model& scenario, bool show_all = false) {
  const estab::Comparison comparison =
      estab::compare_reviews(estab::comparable_review(base), estab::comparable_review(scenario),
                             "base.yaml", "scenario.yaml");
  std::ostringstream out;
  estab::render_comparison(out, comparison, OutputFormat::Html, {}, show_all);
  return out.str();
}

/// A model of tests/scenarios/.
Model scenario_model(const std::string& name) {
  return estab::load_model_file(source_path("tests/scenarios/" + name));
}

/// How many times `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("compare --format html says what the scenario changes, then shows it", "[html]") {
  const Model base = scenario_model("base.yaml");
  const Model scenario = scenario_model("scenario.yaml");
  const std::string html = scenario_paper(base, scenario);
  REQUIRE(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<h1>Scenario comparison</h1>") != std::string::npos);
  // In words, before any table: each organisation figure that moves, teams added and removed.
  const std::size_t words = html.find("What the scenario changes");
  const std::size_t first_table = html.find("<table");
  REQUIRE(words != std::string::npos);
  CHECK(words < first_table);
  CHECK(html.find("<li>Required WTE rises from 6.11 to 7.78 (+1.67).</li>") < first_table);
  CHECK(html.find("<li>Funded WTE falls from 6.00 to 5.50 (-0.50).</li>") < first_table);
  CHECK(html.find("<li>Registered share in post falls from 63.6% to 60.0% (-3.6 pp).</li>") <
        first_table);
  CHECK(html.find("<li>1 team added: gamma.</li>") < first_table);
  CHECK(html.find("<li>1 team removed: beta.</li>") < first_table);
  CHECK(html.find("Vacancy WTE rises") == std::string::npos);  // 0.50 both sides
  // Every service, the unchanged one too; only the teams and lines that changed.
  CHECK(html.find("<h2>2. Services (1 changed, 0 added, 1 removed, 1 same)</h2>") !=
        std::string::npos);
  CHECK(html.find("<td>ward</td><td>same</td>") != std::string::npos);
  CHECK(html.find("<td>delta</td>") == std::string::npos);
  CHECK(html.find("<td>gamma</td><td>added</td>") != std::string::npos);
  CHECK(html.find("3.89 → 6.67") != std::string::npos);

  SECTION("--all lists the teams and lines that are the same as well") {
    const std::string everything = scenario_paper(base, scenario, true);
    CHECK(occurrences(everything, "<td>same</td>") > occurrences(html, "<td>same</td>"));
  }
}

TEST_CASE("compare --format html lists the largest moves when more than 100 teams change",
          "[html]") {
  const Model base = scenario_model("base.yaml");
  Model scenario = scenario_model("scenario.yaml");
  const estab::Team model_team = scenario.teams.front();
  for (int index = 0; index < 150; ++index) {
    estab::Team added = model_team;
    added.id = fmt::format("new{:03}", index);
    added.name = fmt::format("New team {:03}", index);
    scenario.teams.push_back(added);
  }
  const std::string html = scenario_paper(base, scenario);
  CHECK(html.find("The 100 largest moves in required WTE are listed; 54 more are in compare "
                  "--format csv or xlsx.") != std::string::npos);
  CHECK(html.find("151 teams added: gamma, New team 000, New team 001, New team 002, New team "
                  "003 and 146 more.") != std::string::npos);
}
