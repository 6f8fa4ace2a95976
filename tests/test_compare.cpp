// Unit tests of `estab compare` (docs/OUTPUT.md §1): matching and status of lines, teams, services
// and the organisation, deltas worked by hand on tests/scenarios/{base,scenario}.yaml, null
// handling, the `estab-compare/2` JSON, the CSV columns, the table and the CLI command.
//
// In the fixtures every line's absence is 10% of contracted time, so the exact uplift factor is
// 1 / 0.9 and a line's required WTE is hours per week / 37.5 / 0.9; rn costs £50,000 per WTE
// and hca has no cost.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "support/test_support.hpp"

namespace {

using estab::ComparedRecord;
using estab::CompareStatus;
using estab::Comparison;
using estab::FieldChange;
using estab::Model;
using estab::OutputFormat;
using estab::ReviewResult;
using estab::RollupLevel;
using nlohmann::ordered_json;
using namespace estab::testing;

constexpr double kUpliftFactor = 1.0 / 0.9;
constexpr double kRnCost = 50000.0;

/// A fixture file of tests/scenarios/.
std::string scenario_path(const std::string& name) {
  return source_path("tests/scenarios/" + name);
}

/// The text of a fixture file.
std::string read_fixture(const std::string& name) {
  return read_all(scenario_path(name));
}

/// Two models, their reviews and the comparison, kept together so the results' model
/// pointers stay valid.
struct ComparedPair {
  Model base_model;
  Model scenario_model;
  ReviewResult base_review;
  ReviewResult scenario_review;
  Comparison comparison;

  ComparedPair(Model base, Model scenario)
      : base_model(std::move(base)), scenario_model(std::move(scenario)) {
    base_review = estab::compute_review(base_model);
    scenario_review = estab::compute_review(scenario_model);
    comparison = estab::compare_reviews(base_review, scenario_review, "base.yaml", "scenario.yaml");
  }
  ComparedPair(const ComparedPair&) = delete;
  ComparedPair& operator=(const ComparedPair&) = delete;
};

/// The comparison of the two fixture files.
const ComparedPair& fixture_pair() {
  static const ComparedPair pair(estab::load_model_file(scenario_path("base.yaml")),
                                 estab::load_model_file(scenario_path("scenario.yaml")));
  return pair;
}

/// The base fixture compared with a copy of it in which `from` is replaced by `to`.
std::unique_ptr<ComparedPair> base_edited(const std::string& from, const std::string& to) {
  std::string text = read_fixture("base.yaml");
  const std::size_t position = text.find(from);
  REQUIRE(position != std::string::npos);
  text.replace(position, from.size(), to);
  return std::make_unique<ComparedPair>(estab::load_model_file(scenario_path("base.yaml")),
                                        estab::load_model_text(text, scenario_path("edited.yaml")));
}

const ComparedRecord& line_of(const Comparison& comparison, const std::string& team,
                              const std::string& profession) {
  for (const ComparedRecord& record : comparison.lines) {
    if (record.team == team && record.profession == profession) return record;
  }
  throw std::out_of_range("no compared line " + team + "/" + profession);
}

/// The keys of compared records in order: "team/profession", "team", or the service id.
std::vector<std::string> keys_of(const std::vector<ComparedRecord>& records, RollupLevel level) {
  std::vector<std::string> keys;
  for (const ComparedRecord& record : records) {
    if (level == RollupLevel::Line) {
      keys.push_back(record.team + "/" + record.profession);
    } else if (level == RollupLevel::Team) {
      keys.push_back(record.team);
    } else {
      keys.push_back(record.service.value_or("(none)"));
    }
  }
  return keys;
}

std::vector<std::string> statuses_of(const std::vector<ComparedRecord>& records) {
  std::vector<std::string> statuses;
  for (const ComparedRecord& record : records) {
    statuses.emplace_back(estab::compare_status_name(record.status));
  }
  return statuses;
}

/// Checks a field where both sides have a number: base, scenario and delta = scenario - base.
void check_numbers(const FieldChange& change, double base, double scenario) {
  INFO(change.field);
  REQUIRE(change.base.has_value());
  REQUIRE(change.scenario.has_value());
  REQUIRE(change.delta.has_value());
  CHECK(*change.base == Approx(base));
  CHECK(*change.scenario == Approx(scenario));
  CHECK(*change.delta == Approx(scenario - base).margin(1e-12));
}

/// A number of a review JSON record, or nullopt for null.
std::optional<double> json_number(const ordered_json& record, const std::string& field) {
  const ordered_json& value = record.at(field);
  if (value.is_null()) return std::nullopt;
  return value.get<double>();
}

/// The review JSON record matching a compared record at a level, or null when that side lacks it.
const ordered_json* review_record(const ordered_json& review, const ComparedRecord& record,
                                  RollupLevel level) {
  if (level == RollupLevel::Organisation) return &review.at("organisation");
  const char* list = level == RollupLevel::Line   ? "lines"
                     : level == RollupLevel::Team ? "teams"
                                                  : "services";
  for (const ordered_json& candidate : review.at(list)) {
    const bool matches =
        level == RollupLevel::Line
            ? candidate.at("team") == record.team && candidate.at("profession") == record.profession
        : level == RollupLevel::Team ? candidate.at("team") == record.team
                                     : (record.service ? candidate.at("service") == *record.service
                                                       : candidate.at("service").is_null());
    if (matches) return &candidate;
  }
  return nullptr;
}

/// Checks that every compared field of every record is the review's own value on each side,
/// and that delta = scenario - base exactly, null when either side is null.
void check_against_reviews(const ComparedPair& pair, const std::vector<ComparedRecord>& records,
                           RollupLevel level) {
  const ordered_json base_json = estab::review_to_json(pair.base_review);
  const ordered_json scenario_json = estab::review_to_json(pair.scenario_review);
  for (const ComparedRecord& record : records) {
    const ordered_json* base_record = review_record(base_json, record, level);
    const ordered_json* scenario_record = review_record(scenario_json, record, level);
    REQUIRE(record.fields().size() == estab::compared_fields(level).size());
    for (const FieldChange& change : record.fields()) {
      INFO(record.team << "/" << record.profession << " " << change.field);
      const std::optional<double> base =
          base_record ? json_number(*base_record, std::string(change.field)) : std::nullopt;
      const std::optional<double> scenario =
          scenario_record ? json_number(*scenario_record, std::string(change.field)) : std::nullopt;
      CHECK(change.base == base);
      CHECK(change.scenario == scenario);
      if (base && scenario) {
        REQUIRE(change.delta.has_value());
        CHECK(*change.delta == *scenario - *base);
      } else {
        CHECK_FALSE(change.delta.has_value());
      }
    }
  }
}

/// The comparison rendered in one format.
std::string render(const Comparison& comparison, OutputFormat format,
                   RollupLevel level = RollupLevel::Line, bool show_all = false) {
  estab::RenderOptions options;
  options.level = level;
  std::ostringstream out;
  estab::render_comparison(out, comparison, format, options, show_all);
  return out.str();
}

/// Splits text at `separator`, dropping a final empty piece.
std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string::npos) {
      pieces.push_back(text.substr(start));
      break;
    }
    pieces.push_back(text.substr(start, end - start));
    start = end + separator.size();
  }
  return pieces;
}

/// The first line of `text` that contains every one of `needles`, or "" when none does.
std::string line_with(const std::string& text, const std::vector<std::string>& needles) {
  for (const std::string& line : split(text, "\n")) {
    bool all_found = true;
    for (const std::string& needle : needles)
      all_found = all_found && line.find(needle) != std::string::npos;
    if (all_found) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("compare matches records and keeps base order, scenario-only records appended",
          "[compare]") {
  const Comparison& comparison = fixture_pair().comparison;
  CHECK(keys_of(comparison.lines, RollupLevel::Line) ==
        std::vector<std::string>{"alpha/rn", "alpha/hca", "beta/rn", "district/hca", "omega/rn",
                                 "gamma/hca", "gamma/rn"});
  CHECK(statuses_of(comparison.lines) == std::vector<std::string>{"changed", "same", "removed",
                                                                  "changed", "same", "added",
                                                                  "added"});
  CHECK(keys_of(comparison.teams, RollupLevel::Team) ==
        std::vector<std::string>{"alpha", "beta", "district", "omega", "gamma"});
  CHECK(statuses_of(comparison.teams) ==
        std::vector<std::string>{"changed", "removed", "changed", "same", "added"});
  CHECK(keys_of(comparison.services, RollupLevel::Service) ==
        std::vector<std::string>{"community", "ward", "(none)"});
  CHECK(statuses_of(comparison.services) == std::vector<std::string>{"changed", "same", "removed"});
  CHECK_FALSE(comparison.services.back().service.has_value());
  CHECK(comparison.organisation.status == CompareStatus::Changed);
  CHECK(comparison.base_file == "base.yaml");
  CHECK(comparison.scenario_file == "scenario.yaml");
}

TEST_CASE("compare: a changed line's deltas, worked by hand", "[compare]") {
  // alpha/rn: 75 hours a week, funded 2 -> 3, 1.5 in post on both sides.
  const ComparedRecord& line = line_of(fixture_pair().comparison, "alpha", "rn");
  const double required = 75.0 / 37.5 * kUpliftFactor;
  check_numbers(line.field("required_wte"), required, required);
  check_numbers(line.field("funded_wte"), 2.0, 3.0);
  check_numbers(line.field("in_post_wte"), 1.5, 1.5);
  check_numbers(line.field("establishment_gap_wte"), required - 2.0, required - 3.0);
  check_numbers(line.field("vacancy_wte"), 0.5, 1.5);
  check_numbers(line.field("vacancy_rate"), 0.25, 0.5);
  check_numbers(line.field("net_gap_wte"), required - 1.5, required - 1.5);
  check_numbers(line.field("required_cost"), required * kRnCost, required * kRnCost);
  check_numbers(line.field("funded_cost"), 2.0 * kRnCost, 3.0 * kRnCost);
  CHECK(*line.field("funded_wte").delta == Approx(1.0));
  CHECK(*line.field("establishment_gap_wte").delta == Approx(-1.0));
  CHECK(*line.field("funded_cost").delta == Approx(50000.0));
  CHECK(*line.field("required_wte").delta == 0.0);
}

TEST_CASE("compare: a same line has zero deltas, and null where both sides are null", "[compare]") {
  const ComparedRecord& line = line_of(fixture_pair().comparison, "alpha", "hca");
  REQUIRE(line.status == CompareStatus::Same);
  for (const FieldChange& change : line.fields()) {
    INFO(change.field);
    CHECK(change.base == change.scenario);
    if (change.base) {
      CHECK(change.delta == std::optional<double>(0.0));
    } else {
      CHECK_FALSE(change.delta.has_value());
    }
  }
  // hca has no cost: every cost is null on both sides, and so is its delta.
  CHECK_FALSE(line.field("required_cost").base.has_value());
  CHECK_FALSE(line.field("required_cost").delta.has_value());
  check_numbers(line.field("required_wte"), kUpliftFactor, kUpliftFactor);
}

TEST_CASE("compare: added and removed lines have one side and the delta null", "[compare]") {
  const Comparison& comparison = fixture_pair().comparison;
  const ComparedRecord& removed = line_of(comparison, "beta", "rn");
  REQUIRE(removed.status == CompareStatus::Removed);
  CHECK(*removed.field("required_wte").base == Approx(kUpliftFactor));
  CHECK(*removed.field("funded_wte").base == 1.0);
  for (const FieldChange& change : removed.fields()) {
    INFO(change.field);
    CHECK_FALSE(change.scenario.has_value());
    CHECK_FALSE(change.delta.has_value());
  }

  const ComparedRecord& added = line_of(comparison, "gamma", "hca");
  REQUIRE(added.status == CompareStatus::Added);
  CHECK(*added.field("required_wte").scenario == Approx(2.0 * kUpliftFactor));
  CHECK(*added.field("funded_wte").scenario == 0.0);
  for (const FieldChange& change : added.fields()) {
    INFO(change.field);
    CHECK_FALSE(change.base.has_value());
    CHECK_FALSE(change.delta.has_value());
  }
  // Funded 0: no vacancy rate on the scenario side either.
  CHECK_FALSE(added.field("vacancy_rate").scenario.has_value());
}

TEST_CASE("compare: a rate that becomes null (funded 0) has a null delta", "[compare]") {
  // district/hca: funded 1 -> 0 with 1 in post.
  const ComparedRecord& line = line_of(fixture_pair().comparison, "district", "hca");
  CHECK(line.status == CompareStatus::Changed);
  const FieldChange& vacancy_rate = line.field("vacancy_rate");
  CHECK(vacancy_rate.base == std::optional<double>(0.0));
  CHECK_FALSE(vacancy_rate.scenario.has_value());
  CHECK_FALSE(vacancy_rate.delta.has_value());
  check_numbers(line.field("vacancy_wte"), 0.0, -1.0);
  const double required = 18.75 / 37.5 * kUpliftFactor;
  check_numbers(line.field("net_gap_rate"), (required - 1.0) / required,
                (required - 1.0) / required);
}

TEST_CASE("compare: the organisation's totals, worked by hand", "[compare]") {
  // Base hours: 75 + 37.5 + 37.5 + 18.75 + 37.5 = 206.25 a week (5.5 WTE productive);
  // scenario: 75 + 18.75 + 75 + 37.5 + 18.75 + 37.5 = 262.5 (7 WTE productive).
  const ComparedRecord& organisation = fixture_pair().comparison.organisation;
  check_numbers(organisation.field("productive_wte"), 5.5, 7.0);
  check_numbers(organisation.field("required_wte"), 5.5 * kUpliftFactor, 7.0 * kUpliftFactor);
  check_numbers(organisation.field("funded_wte"), 6.0, 5.5);
  check_numbers(organisation.field("in_post_wte"), 5.5, 5.0);
  check_numbers(organisation.field("registered_in_post_wte"), 3.5, 3.0);
  check_numbers(organisation.field("registered_share_in_post"), 3.5 / 5.5, 3.0 / 5.0);
  check_numbers(organisation.field("required_cost"), 4.0 * kUpliftFactor * kRnCost,
                3.5 * kUpliftFactor * kRnCost);
  check_numbers(organisation.field("funded_cost"), 4.0 * kRnCost, 4.5 * kRnCost);
  CHECK(*organisation.field("required_wte").delta == Approx(1.5 * kUpliftFactor));
  CHECK_FALSE(organisation.field("registered_target").base.has_value());
  CHECK_FALSE(organisation.field("registered_target").delta.has_value());
}

TEST_CASE("compare: every delta is the scenario's review value minus the base's", "[compare]") {
  const ComparedPair& pair = fixture_pair();
  const Comparison& comparison = pair.comparison;
  check_against_reviews(pair, comparison.lines, RollupLevel::Line);
  check_against_reviews(pair, comparison.teams, RollupLevel::Team);
  check_against_reviews(pair, comparison.services, RollupLevel::Service);
  check_against_reviews(pair, {comparison.organisation}, RollupLevel::Organisation);
  // And against the computed totals themselves, not only their JSON.
  const estab::Totals& base = pair.base_review.organisation;
  const estab::Totals& scenario = pair.scenario_review.organisation;
  CHECK(*comparison.organisation.field("net_gap_wte").delta ==
        scenario.net_gap_wte - base.net_gap_wte);
  CHECK(*comparison.organisation.field("vacancy_wte").delta ==
        scenario.vacancy_wte - base.vacancy_wte);
}

TEST_CASE("compare: the numeric fields of each level follow the review contract", "[compare]") {
  const std::vector<std::string_view>& line_fields = estab::compared_fields(RollupLevel::Line);
  CHECK(line_fields.size() == 35);
  CHECK(line_fields.front() == "absence_total");
  CHECK(line_fields.back() == "headroom_gap_cost");
  const std::vector<std::string_view>& team_fields = estab::compared_fields(RollupLevel::Team);
  CHECK(team_fields.size() == 59);
  CHECK(team_fields.back() == "judgement_wte");
  CHECK(estab::compared_fields(RollupLevel::Service).size() == 53);
  CHECK(estab::compared_identity(RollupLevel::Line) ==
        std::vector<std::string_view>{"team", "team_name", "service", "service_name", "profession",
                                      "profession_name"});
  CHECK(estab::compared_identity(RollupLevel::Team) ==
        std::vector<std::string_view>{"team", "team_name", "service", "service_name"});
  CHECK(estab::compared_identity(RollupLevel::Service) ==
        std::vector<std::string_view>{"service", "service_name"});
  CHECK(estab::compared_identity(RollupLevel::Organisation).empty());
  CHECK(estab::compared_fields(RollupLevel::Organisation) ==
        estab::compared_fields(RollupLevel::Service));
}

TEST_CASE("compare: a record's names are the scenario's when it has the record", "[compare]") {
  const std::unique_ptr<ComparedPair> pair =
      base_edited("  - id: alpha\n", "  - id: alpha\n    name: Alpha community team\n");
  const ComparedRecord& line = pair->comparison.lines.at(0);
  CHECK(line.identity("team").text == "alpha");
  CHECK(line.identity("team_name").text == "Alpha community team");
  CHECK(line.identity("service").text == "community");
  CHECK(line.identity("profession_name").text == "rn");
  CHECK(pair->comparison.teams.at(0).identity("team_name").text == "Alpha community team");
  // A renamed record is still the same record, with the same figures.
  CHECK(line.status == CompareStatus::Same);
  CHECK(pair->comparison.services.at(2).identity("service_name").kind ==
        estab::FieldValue::Kind::Null);
  CHECK_THROWS_AS(line.identity("required_wte"), std::out_of_range);
}

TEST_CASE("compare: differences within 1e-9 count as the same", "[compare]") {
  const std::string alpha_hca = "{profession: hca, hours_per_week: 37.5, funded_wte: 1,";
  SECTION("a change of 1e-10 WTE") {
    const auto pair = base_edited(alpha_hca,
                                  "{profession: hca, hours_per_week: 37.5, "
                                  "funded_wte: 1.0000000001,");
    const ComparedRecord& line = line_of(pair->comparison, "alpha", "hca");
    CHECK(line.status == CompareStatus::Same);
    REQUIRE(line.field("funded_wte").delta.has_value());
    CHECK(*line.field("funded_wte").delta > 0.0);
    CHECK(pair->comparison.teams.front().status == CompareStatus::Same);
    CHECK(pair->comparison.organisation.status == CompareStatus::Same);
  }
  SECTION("a change of 2e-9 WTE") {
    const auto pair = base_edited(alpha_hca,
                                  "{profession: hca, hours_per_week: 37.5, "
                                  "funded_wte: 1.000000002,");
    CHECK(line_of(pair->comparison, "alpha", "hca").status == CompareStatus::Changed);
    CHECK(pair->comparison.teams.front().status == CompareStatus::Changed);
    CHECK(pair->comparison.services.front().status == CompareStatus::Changed);
    CHECK(pair->comparison.organisation.status == CompareStatus::Changed);
  }
}

TEST_CASE("compare: a file compared with itself is the same everywhere", "[compare]") {
  const auto pair = base_edited("estab: 1", "estab: 1");
  const Comparison& comparison = pair->comparison;
  for (const auto* records : {&comparison.lines, &comparison.teams, &comparison.services}) {
    for (const ComparedRecord& record : *records) {
      CHECK(record.status == CompareStatus::Same);
    }
  }
  CHECK(comparison.organisation.status == CompareStatus::Same);
  const std::string table = render(comparison, OutputFormat::Table);
  CHECK(table.find("No change.") != std::string::npos);
  CHECK(line_with(table, {"Required WTE", "6.11", "0.00"}) != "");
}

TEST_CASE("compare JSON: the estab-compare/2 document", "[compare]") {
  const std::string text = render(fixture_pair().comparison, OutputFormat::Json);
  REQUIRE(text.back() == '\n');
  const ordered_json document = ordered_json::parse(text);
  CHECK(document == estab::comparison_to_json(fixture_pair().comparison));
  CHECK(document.at("schema") == "estab-compare/2");
  CHECK(document.at("base") == "base.yaml");
  CHECK(document.at("scenario") == "scenario.yaml");

  const ordered_json& first_line = document.at("lines").at(0);
  std::vector<std::string> keys;
  for (const auto& item : first_line.items()) keys.push_back(item.key());
  REQUIRE(keys.size() == 7 + 35);
  CHECK(std::vector<std::string>(keys.begin(), keys.begin() + 8) ==
        std::vector<std::string>{"team", "team_name", "service", "service_name", "profession",
                                 "profession_name", "status", "absence_total"});
  CHECK(first_line.at("funded_wte") ==
        ordered_json({{"base", 2.0}, {"scenario", 3.0}, {"delta", 1.0}}));
  for (const ordered_json& line : document.at("lines")) {
    for (const char* field : {"required_wte", "funded_wte", "in_post_wte", "net_gap_wte"}) {
      INFO(line.at("team") << "/" << line.at("profession") << " " << field);
      CHECK(line.at(field).contains("base"));
      CHECK(line.at(field).contains("scenario"));
      CHECK(line.at(field).contains("delta"));
    }
  }
  const ordered_json& removed = document.at("lines").at(2);
  CHECK(removed.at("status") == "removed");
  CHECK(removed.at("required_wte").at("scenario").is_null());
  CHECK(removed.at("required_wte").at("delta").is_null());

  const ordered_json& organisation = document.at("organisation");
  CHECK(organisation.at("status") == "changed");
  for (const char* field :
       {"required_wte", "funded_wte", "in_post_wte", "net_gap_wte", "registered_share_in_post"}) {
    INFO(field);
    CHECK(organisation.at(field).at("base").is_number());
    CHECK(organisation.at(field).at("scenario").is_number());
    CHECK(organisation.at(field).at("delta").is_number());
  }
  CHECK(document.at("teams").at(0).at("team") == "alpha");
  CHECK(document.at("teams").at(0).at("status") == "changed");
  CHECK(document.at("teams").at(0).contains("judgement_wte"));
  const ordered_json& no_service = document.at("services").at(2);
  CHECK(no_service.at("service").is_null());
  CHECK(no_service.at("status") == "removed");
}

TEST_CASE("compare CSV: one row per record with base, scenario and delta columns", "[compare]") {
  const Comparison& comparison = fixture_pair().comparison;
  SECTION("lines") {
    const std::vector<std::string> rows = split(render(comparison, OutputFormat::Csv), "\r\n");
    REQUIRE(rows.size() == 1 + 7);
    const std::vector<std::string> header = split(rows[0], ",");
    REQUIRE(header.size() == 7 + 3 * 35);
    CHECK(std::vector<std::string>(header.begin(), header.begin() + 10) ==
          std::vector<std::string>{"team", "team_name", "service", "service_name", "profession",
                                   "profession_name", "status", "absence_total_base",
                                   "absence_total_scenario", "absence_total_delta"});
    const std::vector<std::string> alpha_rn = split(rows[1], ",");
    const std::vector<std::string> beta_rn = split(rows[3] + ",", ",");
    for (std::size_t column = 0; column < header.size(); ++column) {
      if (header[column] == "funded_wte_base") CHECK(alpha_rn[column] == "2");
      if (header[column] == "funded_wte_scenario") CHECK(alpha_rn[column] == "3");
      if (header[column] == "funded_wte_delta") CHECK(alpha_rn[column] == "1");
      if (header[column] == "required_wte_base") CHECK(beta_rn[column] != "");
      if (header[column] == "required_wte_scenario") CHECK(beta_rn[column] == "");
      if (header[column] == "required_wte_delta") CHECK(beta_rn[column] == "");
    }
    CHECK(rows[3].rfind("beta,beta,,,rn,rn,removed,", 0) == 0);  // no names: the ids
  }
  SECTION("services") {
    const std::vector<std::string> rows =
        split(render(comparison, OutputFormat::Csv, RollupLevel::Service), "\r\n");
    REQUIRE(rows.size() == 1 + 3);
    CHECK(rows[0].rfind("service,service_name,status,productive_wte_base,", 0) == 0);
    CHECK(rows[3].rfind(",,removed,", 0) == 0);  // the teams without a service: null
  }
  SECTION("teams and the organisation") {
    CHECK(split(render(comparison, OutputFormat::Csv, RollupLevel::Team), "\r\n").size() == 1 + 5);
    const std::vector<std::string> rows =
        split(render(comparison, OutputFormat::Csv, RollupLevel::Organisation), "\r\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].rfind("status,productive_wte_base,productive_wte_scenario,", 0) == 0);
    CHECK(rows[1].rfind("changed,5.5,7,1.5,", 0) == 0);
  }
}

TEST_CASE("compare table: what moved, with signed deltas and the organisation", "[compare]") {
  const Comparison& comparison = fixture_pair().comparison;
  const std::string table = render(comparison, OutputFormat::Table);
  CHECK(table.rfind("Comparison: base.yaml → scenario.yaml\n", 0) == 0);
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(line_with(table, {"alpha", "rn", "changed", "2.00 → 3.00", "+1.00"}) != "");
  CHECK(line_with(table, {"district", "hca", "changed", "1.00 → 0.00", "-1.00"}) != "");
  CHECK(line_with(table, {"beta", "rn", "removed", "1.11 → -"}) != "");
  CHECK(line_with(table, {"gamma", "hca", "added", "- → 2.22"}) != "");
  CHECK(line_with(table, {"community", "changed", "3.89 → 6.67", "+2.78"}) != "");
  CHECK(line_with(table, {"(none)", "removed"}) != "");
  CHECK(line_with(table, {"Registered share in post", "63.6%", "60.0%", "-3.6 pp"}) != "");
  CHECK(line_with(table, {"Funded cost", "£200,000", "£225,000", "+£25,000"}) != "");
  CHECK(line_with(table, {"Required cost", "£222,222", "£194,444", "-£27,778"}) != "");
  CHECK(line_with(table, {"Vacancy WTE", "0.50", "0.50", "0.00"}) != "");
  // "same" records (alpha/hca, omega, ward) are left out unless every record is asked for.
  CHECK(table.find("omega") == std::string::npos);
  CHECK(table.find("ward") == std::string::npos);
  CHECK(line_with(table, {"alpha", "hca"}) == "");
  const std::string everything = render(comparison, OutputFormat::Table, RollupLevel::Line, true);
  CHECK(line_with(everything, {"omega", "rn", "same", "1.11 → 1.11", "0.00"}) != "");
  CHECK(line_with(everything, {"alpha", "hca", "same"}) != "");
  CHECK(line_with(everything, {"ward", "same"}) != "");
}

TEST_CASE("compare command: loads both files, renders and delivers", "[compare]") {
  std::ostringstream out;
  std::ostringstream err;
  estab::cli::Console console{out, err, false, false};
  const std::string base = scenario_path("base.yaml");
  const std::string scenario = scenario_path("scenario.yaml");

  SECTION("to standard output") {
    const auto code = estab::cli::run_compare_command(base, scenario, OutputFormat::Json,
                                                      RollupLevel::Line, false, "", {}, console);
    CHECK(code == estab::cli::ExitCode::Success);
    const ordered_json document = ordered_json::parse(out.str());
    CHECK(document.at("base") == base);
    CHECK(document.at("scenario") == scenario);
    CHECK(document.at("lines").size() == 7);
    // Only the fixtures' warnings about their 0% sickness, one from each side.
    CHECK(err.str() == base +
                           ":14:13: warning: assumptions.sickness: sickness of 0.0% of "
                           "contracted time is below 1%, where NHS services usually run at "
                           "3% to 6%\n" +
                           scenario +
                           ":18:13: warning: assumptions.sickness: sickness of 0.0% "
                           "of contracted time is below 1%, where NHS services "
                           "usually run at 3% to 6%\n");
  }
  SECTION("to an output file") {
    const std::filesystem::path output =
        std::filesystem::temp_directory_path() / "estab-test-compare.csv";
    std::filesystem::remove(output);
    const auto code = estab::cli::run_compare_command(base, scenario, OutputFormat::Csv,
                                                      RollupLevel::Organisation, false,
                                                      output.string(), {}, console);
    CHECK(code == estab::cli::ExitCode::Success);
    CHECK(out.str().empty());
    std::ifstream written(output);
    std::string header;
    std::getline(written, header);
    CHECK(header.rfind("status,productive_wte_base,", 0) == 0);
    std::filesystem::remove(output);
  }
  SECTION("a scenario that cannot be read") {
    CHECK_THROWS_AS(
        estab::cli::run_compare_command(base, scenario_path("missing.yaml"), OutputFormat::Table,
                                        RollupLevel::Line, false, "", {}, console),
        estab::FileError);
  }
  SECTION("--set applies to the scenario only") {
    estab::LoadOptions options;
    options.overrides = {"teams[alpha].staffing[rn].funded_wte=4"};
    const auto code = estab::cli::run_compare_command(
        base, base, OutputFormat::Json, RollupLevel::Line, false, "", options, console);
    CHECK(code == estab::cli::ExitCode::Success);
    const ordered_json document = ordered_json::parse(out.str());
    const ordered_json& alpha_rn = document.at("lines").at(0);
    CHECK(alpha_rn.at("status") == "changed");
    CHECK(alpha_rn.at("funded_wte") ==
          ordered_json({{"base", 2.0}, {"scenario", 4.0}, {"delta", 2.0}}));
    CHECK(document.at("lines").at(1).at("status") == "same");
  }
}

TEST_CASE("the comparable records of a model, a team at a time, are those of its whole review",
          "[compare]") {
  for (const char* name : {"trust.yaml", "trust-extracts.yaml", "atu.yaml"}) {
    INFO(name);
    const estab::Model model = estab::load_model_file(estab::testing::example(name));
    const estab::ComparableReview streamed = estab::comparable_review(model);
    const estab::ComparableReview whole = estab::comparable_review(estab::compute_review(model));
    const auto same = [](const estab::ComparableRecord& left,
                         const estab::ComparableRecord& right) {
      if (left.team != right.team || left.profession != right.profession ||
          left.service != right.service || left.labels != right.labels ||
          left.figures.size() != right.figures.size()) {
        return false;
      }
      // Byte for byte, so that a null (NaN) equals a null.
      return std::memcmp(left.figures.data(), right.figures.data(),
                         left.figures.size() * sizeof(double)) == 0;
    };
    REQUIRE(streamed.lines.size() == whole.lines.size());
    REQUIRE(streamed.teams.size() == whole.teams.size());
    REQUIRE(streamed.services.size() == whole.services.size());
    CHECK(std::equal(streamed.lines.begin(), streamed.lines.end(), whole.lines.begin(), same));
    CHECK(std::equal(streamed.teams.begin(), streamed.teams.end(), whole.teams.begin(), same));
    CHECK(std::equal(streamed.services.begin(), streamed.services.end(), whole.services.begin(),
                     same));
    CHECK(same(streamed.organisation, whole.organisation));
    CHECK(streamed.label_texts == whole.label_texts);
  }
}
