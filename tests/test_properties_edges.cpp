// Property tests of the calculation, part 4: numeric edges. Huge and tiny values, all zeros,
// empty teams and unused professions each give finite output in every format (table, CSV at
// every level, JSON) or a clear InputError.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"
#include "support/test_support.hpp"

namespace {

using estab::LineResult;
using estab::Model;
using estab::ReviewResult;
using estab::Totals;
using namespace estab::testing;

// ---------------------------------------------------------------------------------------------
// Numeric edges

/// True when a rendered cell or word spells a non-finite number.
bool spells_non_finite(std::string word) {
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char character) {
    return static_cast<char>(std::tolower(character));
  });
  while (!word.empty() && (word.front() == '-' || word.front() == '+' || word.front() == '"')) {
    word.erase(word.begin());
  }
  while (!word.empty() && word.back() == '"') word.pop_back();
  return word == "nan" || word == "inf" || word == "infinity";
}

/// Every number of a JSON document, with its path, that is not finite.
void record_non_finite(const nlohmann::json& document, const std::string& where,
                       std::vector<std::string>& failures) {
  if (document.is_number_float() && !std::isfinite(document.get<double>())) {
    failures.push_back(where + " is not finite");
  } else if (document.is_object()) {
    for (auto item = document.begin(); item != document.end(); ++item) {
      record_non_finite(item.value(), where + "." + item.key(), failures);
    }
  } else if (document.is_array()) {
    for (std::size_t index = 0; index < document.size(); ++index) {
      record_non_finite(document[index], where + "[" + std::to_string(index) + "]", failures);
    }
  }
}

/// Renders the review as a table, as CSV at every level and as JSON, and checks that each is
/// finite: the JSON parses, and no cell or word of the others spells NaN or infinity.
/// Returns the parsed JSON.
nlohmann::json check_renders_finite(const ReviewResult& review) {
  std::vector<std::string> failures;
  for (const estab::RollupLevel level :
       {estab::RollupLevel::Line, estab::RollupLevel::Team, estab::RollupLevel::Service,
        estab::RollupLevel::Organisation}) {
    estab::RenderOptions options;
    options.level = level;
    std::ostringstream csv;
    estab::render_review(csv, review, estab::OutputFormat::Csv, options);
    std::istringstream rows(csv.str());
    for (std::string row; std::getline(rows, row);) {
      std::istringstream cells(row);
      for (std::string cell; std::getline(cells, cell, ',');) {
        if (spells_non_finite(cell)) failures.push_back("CSV cell '" + cell + "' in: " + row);
      }
    }
  }
  std::ostringstream table;
  estab::render_review(table, review, estab::OutputFormat::Table, {});
  std::istringstream words(table.str());
  for (std::string word; words >> word;) {
    if (spells_non_finite(word)) failures.push_back("table word '" + word + "'");
  }
  std::ostringstream json_text;
  estab::render_review(json_text, review, estab::OutputFormat::Json, {});
  nlohmann::json document;
  REQUIRE_NOTHROW(document = nlohmann::json::parse(json_text.str()));
  record_non_finite(document, "review", failures);
  CHECK(failures == std::vector<std::string>{});
  return document;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Numeric edges

TEST_CASE("edge: the largest numbers estab reads give finite output", "[property]") {
  const Model model = estab::load_model_text(R"(estab: 1
professions:
  - {id: rn, registered: true, cost_per_wte: 1e12}
  - {id: hca, registered: false}
teams:
  - id: huge
    staffing:
      - profession: rn
        caseload:
          non_caseload_time: 99%
          bands: [{name: all, cases: 1e12, hours_per_case_per_month: 1e12}]
        activities:
          non_activity_time: 99%
          individual_allowance_hours: 1e12
          items: [{name: visit, per_year: 1e12, minutes: 1e12}]
        roster: [{shift: day, staff: 1e12, paid_hours: 24, days_per_week: 7}]
        hours_per_week: 1e12
        fixed_wte: 1e12
        judgement_wte: 1e12
        funded_wte: 1e12
        in_post_wte: 1e12
      - profession: hca
        hours_per_week: 1e12
        funded_wte: 1e-9
)",
                                             "in.yaml");
  const ReviewResult review = estab::compute_review(model);
  const double weeks = model.review.weeks_per_year();
  const double absence = review.lines[0].absence.total;
  const double caseload = 1e24 * 12.0 / weeks / (1.0 - 0.99);
  const double activities = (1e24 / 60.0 / (1.0 - 0.99) + 1e12) / weeks;
  const double demand = caseload + activities + 1e12 * 24.0 * 7.0 + 1e12;
  const double required = demand / 37.5 / (1.0 - absence) + 1e12;
  CHECK(review.lines[0].demand_hours_per_week == Approx(demand).epsilon(1e-12));
  CHECK(review.lines[0].required_wte == Approx(required).epsilon(1e-12));
  REQUIRE(review.lines[0].required_cost.has_value());
  CHECK(*review.lines[0].required_cost == Approx(required * 1e12).epsilon(1e-12));
  CHECK(std::isfinite(review.organisation.required_wte));
  REQUIRE(review.lines[1].vacancy_rate.has_value());
  CHECK(*review.lines[1].vacancy_rate == 1.0);  // nobody in post against a tiny budget

  const nlohmann::json document = check_renders_finite(review);
  CHECK(document.at("lines").at(0).at("required_wte").get<double>() ==
        review.lines[0].required_wte);
  const estab::SensitivityResult sensitivity = estab::run_sensitivity(model, 0.1);
  for (const estab::SensitivityComponent& component : sensitivity.components) {
    CHECK(std::isfinite(component.required_wte_up));
    CHECK(std::isfinite(component.required_cost_up.value_or(0.0)));
  }
}

TEST_CASE("edge: numbers beyond the largest estab reads are a clear InputError", "[property]") {
  CHECK(problems_of(R"(estab: 1
professions: [{id: rn, registered: true}]
teams:
  - id: huge
    staffing:
      - profession: rn
        caseload:
          bands: [{name: all, cases: 1e13, hours_per_case_per_month: 1}]
        hours_per_week: 1e400
)") == std::vector<std::string>{
           "in.yaml:8:38: error: teams[huge].staffing[rn].caseload.bands[all].cases: must be at "
           "most 1000000000000 (the largest number estab reads), got 1e13",
           "in.yaml:9:25: error: teams[huge].staffing[rn].hours_per_week: the number 1e400 is "
           "too large"});
}

TEST_CASE("edge: tiny hours give finite, positive output", "[property]") {
  const Model model = estab::load_model_text(R"(estab: 1
review: {standard_hours: 1, working_days: 366}
assumptions: {sickness: 0.000000001%, training: {hours_per_head: 1e-9}}
professions:
  - {id: rn, registered: true, cost_per_wte: 1e-9}
teams:
  - id: tiny
    staffing:
      - profession: rn
        roster: [{shift: blink, staff: 1e-9, paid_hours: 1e-9, days_per_week: 1e-9}]
        observations: {hours_per_day: 1e-9, days_per_week: 1e-9}
        caseload:
          non_caseload_time: {minutes_per_day: 1e-9}
          bands: [{name: all, cases: 1e-9, hours_per_case_per_month: 1e-9}]
        activities:
          items: [{name: glance, per_year: 1e-9, minutes: 1e-9}]
        hours_per_week: 1e-9
        funded_wte: 1e-9
        in_post_wte: 1e-9
)",
                                             "in.yaml");
  const ReviewResult review = estab::compute_review(model);
  const LineResult& line = review.lines.at(0);
  CHECK(line.demand_hours_per_week >= 1e-9);
  CHECK(line.productive_wte == Approx(line.demand_hours_per_week / 1.0).epsilon(1e-12));
  CHECK(line.required_wte > line.productive_wte);
  CHECK(std::isfinite(line.required_wte));
  REQUIRE(line.net_gap_rate.has_value());
  CHECK(std::isfinite(*line.net_gap_rate));
  REQUIRE(line.wisn_ratio.has_value());
  CHECK(*line.wisn_ratio == Approx(1e-9 / line.required_wte).epsilon(1e-12));
  REQUIRE(review.organisation.registered_share_in_post.has_value());
  CHECK(*review.organisation.registered_share_in_post == 1.0);
  check_renders_finite(review);
}

TEST_CASE("edge: a review where every value is zero", "[property]") {
  const Model model = estab::load_model_text(R"(estab: 1
review: {gap_tolerance: 0%}
assumptions:
  annual_leave: 0%
  bank_holidays: {days: 0}
  sickness: 0%
  parenting: 0%
  other_leave: {hours: 0}
  study_leave: 0%
  training: {hours_per_head: 0}
  supervision: 0%
  additional: {union_duties: 0%}
professions:
  - {id: rn, registered: true, cost_per_wte: 0}
  - {id: hca, registered: false, cost_per_wte: 0}
skill_mix: {registered_target: 0%, tolerance: 0%}
teams:
  - id: nothing
    beds: 1
    occupancy: 1%
    chppd_benchmark: 0
    staffing:
      - profession: rn
        roster: [{shift: none, staff: 0, paid_hours: 0, days_per_week: 7}]
        observations: {hours_per_day: 0}
        caseload:
          non_caseload_time: 0%
          bands: [{name: none, cases: 0, hours_per_case_per_month: 0}]
        activities:
          non_activity_time: {minutes_per_day: 0}
          individual_allowance_hours: 0
          items: [{name: none, per_year: 0, minutes: 0}]
        hours_per_week: 0
        fixed_wte: 0
        judgement_wte: 0
        funded_wte: 0
        in_post_wte: 0
      - {profession: hca, funded_wte: 0, in_post_wte: 0}
)",
                                             "in.yaml");
  const ReviewResult review = estab::compute_review(model);
  REQUIRE(review.lines.size() == 2);
  for (const LineResult& line : review.lines) {
    CHECK(line.absence.total == 0.0);
    CHECK(line.uplift_exact == 0.0);
    CHECK(line.required_wte == 0.0);
    CHECK_FALSE(line.vacancy_rate.has_value());
    CHECK_FALSE(line.net_gap_rate.has_value());
    CHECK_FALSE(line.wisn_ratio.has_value());
    CHECK(line.gap_rag == estab::Rag::Green);  // a line that requires nothing is green
    REQUIRE(line.required_cost.has_value());
    CHECK(*line.required_cost == 0.0);
  }
  const Totals& organisation = review.organisation;
  CHECK(organisation.required_wte == 0.0);
  CHECK_FALSE(organisation.registered_share_required.has_value());
  CHECK_FALSE(organisation.registered_share_funded.has_value());
  CHECK_FALSE(organisation.registered_share_in_post.has_value());
  // The team has a target and nobody in post: red. The organisation's teams with a target
  // require nothing, so it has no target to be rated against, and its gap is still theirs.
  CHECK(review.teams.at(0).totals.skill_mix_rag == estab::Rag::Red);
  CHECK_FALSE(organisation.registered_target.has_value());
  CHECK(organisation.skill_mix_rag == estab::Rag::None);
  REQUIRE(organisation.registered_gap_wte.has_value());
  CHECK(*organisation.registered_gap_wte == 0.0);
  REQUIRE(review.teams.at(0).chppd_planned.has_value());
  CHECK(*review.teams.at(0).chppd_planned == 0.0);
  REQUIRE(review.teams.at(0).judgement_wte.has_value());
  CHECK(*review.teams.at(0).judgement_wte == 0.0);
  for (const estab::ProfessionResult& profession : review.professions) {
    CHECK_FALSE(profession.totals.vacancy_rate.has_value());
    CHECK_FALSE(profession.totals.net_gap_rate.has_value());
  }
  const nlohmann::json document = check_renders_finite(review);
  CHECK(document.at("lines").at(0).at("net_gap_rate").is_null());
  CHECK(document.at("organisation").at("registered_share_in_post").is_null());
  const estab::SensitivityResult sensitivity = estab::run_sensitivity(model, 0.1);
  CHECK(sensitivity.required_wte == 0.0);
  for (const estab::SensitivityComponent& component : sensitivity.components) {
    CHECK(component.required_wte_down == 0.0);
    CHECK(component.required_wte_up == 0.0);
  }
}

TEST_CASE("edge: teams with no lines and a profession with no lines anywhere", "[property]") {
  const Model model = estab::load_model_text(R"(estab: 1
assumptions: {sickness: 4%}
professions:
  - {id: rn, registered: true, cost_per_wte: 50000}
  - {id: unused, registered: false, cost_per_wte: 30000}
services:
  - {id: empty-service}
  - {id: community}
skill_mix: {registered_target: 60%}
teams:
  - id: no-staffing
    service: empty-service
  - id: empty-staffing
    service: empty-service
    staffing: []
  - id: busy
    service: community
    staffing:
      - {profession: rn, hours_per_week: 75, funded_wte: 2, in_post_wte: 1}
)",
                                             "in.yaml");
  const ReviewResult review = estab::compute_review(model);
  REQUIRE(review.teams.size() == 3);
  for (std::size_t index = 0; index < 2; ++index) {
    const Totals& totals = review.teams[index].totals;
    CHECK(totals.required_wte == 0.0);
    CHECK(totals.funded_wte == 0.0);
    CHECK_FALSE(totals.registered_share_required.has_value());
    CHECK_FALSE(totals.required_cost.has_value());  // no line with a cost
    CHECK_FALSE(review.teams[index].judgement_wte.has_value());
    CHECK_FALSE(review.teams[index].chppd_planned.has_value());
  }
  REQUIRE(review.services.size() == 2);
  CHECK(review.services[0].totals.required_wte == 0.0);
  CHECK(review.services[1].totals.required_wte == review.organisation.required_wte);

  REQUIRE(review.professions.size() == 2);
  const estab::ProfessionResult& unused = review.professions[1];
  CHECK(unused.profession->id == "unused");
  CHECK(unused.totals.required_wte == 0.0);
  CHECK(unused.totals.funded_wte == 0.0);
  CHECK(unused.totals.in_post_wte == 0.0);
  CHECK_FALSE(unused.totals.vacancy_rate.has_value());
  CHECK_FALSE(unused.totals.net_gap_rate.has_value());
  CHECK_FALSE(unused.totals.required_cost.has_value());
  CHECK(std::find(review.warnings.begin(), review.warnings.end(),
                  "Profession 'unused' has no staffing line in any team.") !=
        review.warnings.end());

  const nlohmann::json document = check_renders_finite(review);
  REQUIRE(document.at("teams").size() == 3);
  CHECK(document.at("teams").at(0).at("required_wte").get<double>() == 0.0);
  CHECK(document.at("teams").at(0).at("registered_share_required").is_null());
  REQUIRE(document.at("professions").size() == 2);
  CHECK(document.at("professions").at(1).at("profession") == "unused");
  CHECK(document.at("professions").at(1).at("required_wte").get<double>() == 0.0);
  CHECK(document.at("professions").at(1).at("vacancy_rate").is_null());
  CHECK(document.at("professions").at(1).at("net_gap_rate").is_null());
}

TEST_CASE("edge: a file whose teams have no lines at all", "[property]") {
  const Model model = estab::load_model_text(R"(estab: 1
professions: [{id: rn, registered: true}]
teams:
  - id: a
  - {id: b, staffing: []}
)",
                                             "in.yaml");
  const ReviewResult review = estab::compute_review(model);
  CHECK(review.lines.empty());
  CHECK(review.organisation.required_wte == 0.0);
  CHECK_FALSE(review.organisation.registered_share_required.has_value());
  const nlohmann::json document = check_renders_finite(review);
  CHECK(document.at("lines").empty());
  CHECK(document.at("organisation").at("required_wte").get<double>() == 0.0);
  const estab::SensitivityResult sensitivity = estab::run_sensitivity(model, 0.1);
  CHECK(sensitivity.required_wte == 0.0);
  CHECK_FALSE(sensitivity.required_cost.has_value());
}
