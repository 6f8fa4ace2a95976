// Unit tests of the sensitivity analysis (`estab sensitivity FILE` in docs/OUTPUT.md §1): scaling
// through the real calculation, the tornado order, the ≥ 100% guard, the renderers and the command.
// Expected figures are worked by hand in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/load.hpp"
#include "estab/sensitivity.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Scaling;
using estab::SensitivityComponent;
using estab::SensitivityResult;
using namespace estab::testing;

/// Tight relative comparison for figures worked by hand.
Approx near(double expected) {
  return Approx(expected).epsilon(1e-9).margin(1e-12);
}

/// A one-line model whose arithmetic is easy by hand. Working year 260 days × 7.5 h, so
/// H_y = 1950 hours. Absence:
///   annual_leave  {days: 26}              26 / 260                     = 0.10
///   bank_holidays {days: 13}              13 / 260                     = 0.05
///   sickness      5%                                                   = 0.05
///   training      {hours_per_head: 62.4}  62.4 × 1.25 / 1950 = 78/1950 = 0.04
///   union_duties  1% (additional)                                      = 0.01
///   parenting, other_leave, study_leave, supervision 0%
/// a = 0.25, exact factor f = 1 / 0.75 = 4/3.
/// Demand 75 h/week → productive 75 / 37.5 = 2 WTE; required = 2 × 4/3 + 1 fixed = 3.666…
/// Cost £40,000 per WTE → required cost £146,666.67.
constexpr const char* kSmallModel = R"(estab: 1
review: {working_days: 260, standard_hours: 37.5}
assumptions:
  annual_leave: {days: 26}
  bank_holidays: {days: 13}
  sickness: 5%
  parenting: 0%
  other_leave: 0%
  study_leave: 0%
  training: {hours_per_head: 62.4}
  supervision: 0%
  additional: {union_duties: 1%}
  headcount_per_wte: 1.25
professions:
  - {id: rn, registered: true, cost_per_wte: 40000}
teams:
  - id: ward
    staffing:
      - profession: rn
        hours_per_week: 75
        fixed_wte: 1
)";

/// Required WTE of the small model for an absence total `absence`: 2 / (1 − a) + 1.
double small_required(double absence) {
  return 2.0 / (1.0 - absence) + 1.0;
}

/// The component of a result with this name; fails the test when it is missing.
const SensitivityComponent& find_component(const SensitivityResult& result,
                                           const std::string& name) {
  const auto found = std::find_if(
      result.components.begin(), result.components.end(),
      [&](const SensitivityComponent& component) { return component.component == name; });
  REQUIRE(found != result.components.end());
  return *found;
}

/// The names of a result's components, in their order.
std::vector<std::string> component_names(const SensitivityResult& result) {
  std::vector<std::string> names;
  for (const SensitivityComponent& component : result.components) {
    names.push_back(component.component);
  }
  return names;
}

/// A scaling of one target by `factor`.
Scaling scaling_of(Scaling::Target target, double factor, const std::string& component = "") {
  Scaling scaling;
  scaling.target = target;
  scaling.factor = factor;
  scaling.component = component;
  return scaling;
}

/// The whole-trust example.
estab::Model trust_model() {
  return estab::load_model_file(example("trust.yaml"));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Scaling through the calculation

TEST_CASE("compute_review without scaling matches the hand-worked base", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  REQUIRE(review.lines.size() == 1);
  CHECK(review.lines[0].absence.total == near(0.25));
  CHECK(review.organisation.required_wte == near(11.0 / 3.0));  // 2 × 4/3 + 1
  REQUIRE(review.organisation.required_cost);
  CHECK(*review.organisation.required_cost == near(40000.0 * 11.0 / 3.0));  // £146,666.67
}

TEST_CASE("a scaled component changes only its own fraction and keeps its source",
          "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  const estab::Team& team = model.teams[0];
  const estab::StaffingLine& line = team.lines[0];

  SECTION("a percentage: sickness 5% × 1.1 = 5.5%, a = 0.255") {
    const estab::ResolvedAbsence absence = estab::resolve_absence(
        model, team, line, scaling_of(Scaling::Target::Component, 1.1, "sickness"));
    CHECK(absence.components[2].component == "sickness");
    CHECK(absence.components[2].fraction == near(0.055));
    CHECK(absence.components[2].source == estab::AssumptionLevel::Organisation);
    CHECK(absence.components[0].fraction == near(0.10));  // annual leave untouched
    CHECK(absence.total == near(0.255));
  }
  SECTION("days: annual leave 26/260 × 0.9 = 0.09, a = 0.24") {
    const estab::ResolvedAbsence absence = estab::resolve_absence(
        model, team, line, scaling_of(Scaling::Target::Component, 0.9, "annual_leave"));
    CHECK(absence.components[0].fraction == near(0.09));
    CHECK(absence.total == near(0.24));
  }
  SECTION("an additional name: union_duties 1% × 1.1 = 1.1%, a = 0.251") {
    const estab::ResolvedAbsence absence = estab::resolve_absence(
        model, team, line, scaling_of(Scaling::Target::Component, 1.1, "union_duties"));
    CHECK(absence.components.back().component == "union_duties");
    CHECK(absence.components.back().fraction == near(0.011));
    CHECK(absence.total == near(0.251));
  }
  SECTION("a default component is scaled too (bank holidays unstated: 8 days)") {
    estab::Model unstated = model;
    unstated.assumptions.fixed.clear(estab::Component::BankHolidays);
    const estab::ResolvedAbsence absence =
        estab::resolve_absence(unstated, unstated.teams[0], unstated.teams[0].lines[0],
                               scaling_of(Scaling::Target::Component, 1.1, "bank_holidays"));
    CHECK(absence.components[1].source == estab::AssumptionLevel::Default);
    CHECK(absence.components[1].fraction == near(8.0 / 260.0 * 1.1));
  }
  SECTION("the two-argument resolve_absence is unscaled") {
    CHECK(estab::resolve_absence(model, team, line).total == near(0.25));
  }
}

TEST_CASE("hours_per_head components move with a scaled headcount", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  // headcount 1.25 × 1.1 = 1.375; training 62.4 × 1.375 / 1950 = 85.8 / 1950 = 0.044;
  // a = 0.10 + 0.05 + 0.05 + 0.044 + 0.01 = 0.254; required = 2 / 0.746 + 1 = 3.680965…
  const estab::ReviewResult up =
      estab::compute_review(model, scaling_of(Scaling::Target::HeadcountPerWte, 1.1));
  const estab::LineResult& line = up.lines[0];
  CHECK(line.absence.headcount_per_wte == near(1.375));
  CHECK(line.absence.components[6].component == "training");
  CHECK(line.absence.components[6].fraction == near(0.044));
  CHECK(line.absence.components[2].fraction == near(0.05));  // sickness is per WTE: unmoved
  CHECK(line.absence.total == near(0.254));
  CHECK(up.organisation.required_wte == near(2.0 / 0.746 + 1.0));
  // × 0.9: headcount 1.125; training 62.4 × 1.125 / 1950 = 70.2 / 1950 = 0.036; a = 0.246.
  const estab::ReviewResult down =
      estab::compute_review(model, scaling_of(Scaling::Target::HeadcountPerWte, 0.9));
  CHECK(down.lines[0].absence.components[6].fraction == near(0.036));
  CHECK(down.organisation.required_wte == near(2.0 / 0.754 + 1.0));
}

TEST_CASE("demand scaling scales demand hours but never fixed WTE", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  // × 1.1: 82.5 h/week → 2.2 productive WTE; required = 2.2 × 4/3 + 1 = 3.9333…
  const estab::ReviewResult up =
      estab::compute_review(model, scaling_of(Scaling::Target::Demand, 1.1));
  const estab::LineResult& line = up.lines[0];
  CHECK(line.demand_hours_per_week == near(82.5));
  CHECK(line.demand.total() == near(82.5));
  CHECK(line.productive_wte == near(2.2));
  CHECK(line.fixed_wte == near(1.0));
  CHECK(line.absence.total == near(0.25));  // absence untouched
  CHECK(line.required_wte == near(2.2 * 4.0 / 3.0 + 1.0));
  CHECK(*up.organisation.required_cost == near(40000.0 * (2.2 * 4.0 / 3.0 + 1.0)));
  // × 0.9: 67.5 h/week → 1.8 WTE; required = 1.8 × 4/3 + 1 = 3.4.
  const estab::ReviewResult down =
      estab::compute_review(model, scaling_of(Scaling::Target::Demand, 0.9));
  CHECK(down.lines[0].required_wte == near(3.4));
  CHECK(down.lines[0].fixed_wte == near(1.0));
}

TEST_CASE("demand scaling covers every demand model and leaves fixed WTE alone on the trust",
          "[sensitivity]") {
  const estab::Model model = trust_model();
  const estab::ReviewResult base = estab::compute_review(model);
  const estab::ReviewResult up =
      estab::compute_review(model, scaling_of(Scaling::Target::Demand, 1.25));
  REQUIRE(base.lines.size() == up.lines.size());
  for (std::size_t index = 0; index < base.lines.size(); ++index) {
    const estab::LineResult& before = base.lines[index];
    const estab::LineResult& after = up.lines[index];
    CHECK(after.demand_hours_per_week == near(before.demand_hours_per_week * 1.25));
    CHECK(after.demand.roster == near(before.demand.roster * 1.25));
    CHECK(after.demand.caseload == near(before.demand.caseload * 1.25));
    CHECK(after.demand.activities == near(before.demand.activities * 1.25));
    CHECK(after.fixed_wte == before.fixed_wte);
    CHECK(after.required_wte - after.fixed_wte ==
          near((before.required_wte - before.fixed_wte) * 1.25));
  }
}

TEST_CASE("compute_review refuses a scaling it cannot apply", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  CHECK_THROWS_AS(
      estab::compute_review(model, scaling_of(Scaling::Target::Component, 1.1, "sicknes")),
      estab::UsageError);
  CHECK_THROWS_AS(estab::compute_review(model, scaling_of(Scaling::Target::Demand, -1.0)),
                  estab::UsageError);
  CHECK_NOTHROW(
      estab::compute_review(model, scaling_of(Scaling::Target::Component, 1.1, "union_duties")));
}

// ---------------------------------------------------------------------------------------------
// The ≥ 100% guard

TEST_CASE("a scaling that takes absence to 100% is an input error at the line", "[sensitivity]") {
  // a = 26/260 + 85% = 0.95; sickness × 1.1 = 0.935, so a = 1.035: 103.5%.
  const std::string text = R"(estab: 1
review: {working_days: 260}
assumptions:
  annual_leave: {days: 26}
  bank_holidays: 0%
  sickness: 85%
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - profession: rn
        hours_per_week: 75
)";
  const estab::Model model = estab::load_model_text(text, "tight.yaml");
  try {
    estab::run_sensitivity(model, 0.1);
    FAIL("expected an InputError");
  } catch (const estab::InputError& error) {
    // annual leave × 1.1 = 0.11 → 0.96 (fine); sickness alone breaks the line.
    REQUIRE(error.diagnostics().size() == 1);
    const estab::Diagnostic& problem = error.diagnostics()[0];
    CHECK(problem.file == "tight.yaml");
    CHECK(problem.line == 12);
    CHECK(problem.column == 9);
    CHECK(problem.path == "teams[ward].staffing[rn]");
    CHECK(problem.message == "raising sickness by 10% takes absence to 103.5% of contracted time");
    CHECK(problem.to_string() ==
          "tight.yaml:12:9: error: teams[ward].staffing[rn]: raising sickness by 10% takes "
          "absence to 103.5% of contracted time");
  }
  CHECK_THROWS_AS(estab::compute_line(model, model.teams[0], model.teams[0].lines[0],
                                      scaling_of(Scaling::Target::Component, 1.1, "sickness")),
                  estab::InputError);
}

TEST_CASE(
    "a scaling that takes a share of available time to 100% is an input error, and every "
    "such problem is reported",
    "[sensitivity]") {
  // Base a = 26/260 + 10% = 0.2; non-caseload 200 days / (260 × 0.8) = 96.2% of available
  // time. At +50%, annual leave 0.15 or sickness 0.15 gives a = 0.25:
  // 200 / (260 × 0.75) = 102.6%.
  const std::string text = R"(estab: 1
review: {working_days: 260}
assumptions:
  annual_leave: {days: 26}
  bank_holidays: 0%
  sickness: 10%
professions:
  - {id: rn, registered: true}
teams:
  - id: cmht
    staffing:
      - profession: rn
        caseload:
          non_caseload_time: {days: 200}
          bands:
            - {name: all, cases: 10, hours_per_case_per_month: 4}
)";
  const estab::Model model = estab::load_model_text(text, "shares.yaml");
  try {
    estab::run_sensitivity(model, 0.5);
    FAIL("expected an InputError");
  } catch (const estab::InputError& error) {
    REQUIRE(error.diagnostics().size() == 2);
    CHECK(error.diagnostics()[0].to_string() ==
          "shares.yaml:14:30: error: teams[cmht].staffing[rn].caseload.non_caseload_time: "
          "raising annual_leave by 50% takes caseload.non_caseload_time to 102.6% of available "
          "time");
    CHECK(error.diagnostics()[1].message ==
          "raising sickness by 50% takes caseload.non_caseload_time to 102.6% of available time");
  }
}

// ---------------------------------------------------------------------------------------------
// run_sensitivity

TEST_CASE("run_sensitivity gives the hand-worked figures and the tornado order", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  CHECK(result.change == 0.1);
  CHECK(result.required_wte == near(11.0 / 3.0));
  REQUIRE(result.required_cost);
  CHECK(*result.required_cost == near(40000.0 * 11.0 / 3.0));

  // Swings (required = 2 / (1 − a) + 1 for the absence assumptions):
  //   demand         1.8 × 4/3 + 1 = 3.4      .. 2.2 × 4/3 + 1 = 3.9333   swing 0.5333
  //   annual_leave   a 0.24: 3.6316           .. a 0.26: 3.7027           swing 0.0711
  //   bank_holidays  a 0.245: 3.6490          .. a 0.255: 3.6846          swing 0.0356
  //   sickness       the same as bank holidays (both 0.05): a tie, listed order kept
  //   training       a 0.246: 3.6525          .. a 0.254: 3.6810          swing 0.0284
  //   headcount      the same as training (training is its only hours_per_head component)
  //   union_duties   a 0.249: 3.6631          .. a 0.251: 3.6702          swing 0.0071
  //   parenting, other_leave, study_leave, supervision: 0% scaled is still 0, swing 0
  CHECK(component_names(result) ==
        std::vector<std::string>{"demand", "annual_leave", "bank_holidays", "sickness", "training",
                                 "headcount_per_wte", "union_duties", "parenting", "other_leave",
                                 "study_leave", "supervision"});

  const SensitivityComponent& demand = find_component(result, "demand");
  CHECK(demand.required_wte_down == near(3.4));
  CHECK(demand.required_wte_up == near(2.2 * 4.0 / 3.0 + 1.0));
  CHECK(demand.swing_wte() == near(0.4 * 4.0 / 3.0));
  CHECK(*demand.required_cost_down == near(40000.0 * 3.4));

  const SensitivityComponent& annual_leave = find_component(result, "annual_leave");
  CHECK(annual_leave.required_wte_down == near(small_required(0.24)));
  CHECK(annual_leave.required_wte_up == near(small_required(0.26)));

  const SensitivityComponent& sickness = find_component(result, "sickness");
  CHECK(sickness.required_wte_down == near(small_required(0.245)));
  CHECK(sickness.required_wte_up == near(small_required(0.255)));
  CHECK(*sickness.required_cost_up == near(40000.0 * small_required(0.255)));

  const SensitivityComponent& headcount = find_component(result, "headcount_per_wte");
  CHECK(headcount.required_wte_down == near(small_required(0.246)));
  CHECK(headcount.required_wte_up == near(small_required(0.254)));

  const SensitivityComponent& union_duties = find_component(result, "union_duties");
  CHECK(union_duties.required_wte_down == near(small_required(0.249)));
  CHECK(union_duties.required_wte_up == near(small_required(0.251)));

  const SensitivityComponent& parenting = find_component(result, "parenting");
  CHECK(parenting.required_wte_down == near(11.0 / 3.0));
  CHECK(parenting.required_wte_up == near(11.0 / 3.0));
}

TEST_CASE("costs are null when no line has a cost", "[sensitivity]") {
  std::string text = kSmallModel;
  const std::string cost = ", cost_per_wte: 40000";
  text.erase(text.find(cost), cost.size());
  const estab::Model model = estab::load_model_text(text, "uncosted.yaml");
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  CHECK_FALSE(result.required_cost);
  for (const SensitivityComponent& component : result.components) {
    CHECK_FALSE(component.required_cost_down);
    CHECK_FALSE(component.required_cost_up);
  }
  const nlohmann::ordered_json document = estab::sensitivity_to_json(result);
  CHECK(document["required_cost"].is_null());
  CHECK(document["components"][0]["required_cost_up"].is_null());
}

TEST_CASE("the assumptions are listed: eight fixed, additional names anywhere, headcount, demand",
          "[sensitivity]") {
  std::string text = kSmallModel;
  // An additional name stated only by a profession that has no staffing line still counts.
  const std::string professions = "professions:\n";
  text.insert(text.find(professions) + professions.size(),
              "  - {id: ot, registered: true, assumptions: {additional: {carers: 0.5%}}}\n");
  const estab::Model model = estab::load_model_text(text, "listed.yaml");
  CHECK(estab::sensitivity_assumptions(model) ==
        std::vector<std::string>{"annual_leave", "bank_holidays", "sickness", "parenting",
                                 "other_leave", "study_leave", "training", "supervision", "carers",
                                 "union_duties", "headcount_per_wte", "demand"});
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  CHECK(result.components.size() == 12);
  CHECK(find_component(result, "carers").swing_wte() == 0.0);  // on no line
}

TEST_CASE("the change must be above 0% and below 100%", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  for (const double change : {0.0, -0.1, 1.0, 1.5, std::nan("")}) {
    CHECK_THROWS_AS(estab::run_sensitivity(model, change), estab::UsageError);
  }
  CHECK(usage_error_of([] { estab::check_sensitivity_change(1.5); }) ==
        "--change must be more than 0% and less than 100%, got 150%");
  CHECK_THROWS_WITH(estab::check_sensitivity_change(1.5),
                    "the sensitivity change must be more than 0% and less than 100%, got 150%");
  CHECK_NOTHROW(estab::run_sensitivity(model, 0.99));
}

TEST_CASE("on the trust example every assumption has down <= base <= up", "[sensitivity]") {
  const estab::Model model = trust_model();
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  // 8 fixed, 2 additional, headcount, demand, and actual sickness (the example has actuals).
  REQUIRE(result.components.size() == 13);
  const double slack = 1e-9;
  for (const SensitivityComponent& component : result.components) {
    INFO(component.component);
    // Actual sickness runs above the assumed, so both of its sides may lie above the base.
    if (component.component == "actual_sickness") continue;
    CHECK(component.required_wte_down <= result.required_wte + slack);
    CHECK(result.required_wte <= component.required_wte_up + slack);
    REQUIRE(component.required_cost_down);
    CHECK(*component.required_cost_down <= *result.required_cost + slack);
    CHECK(*result.required_cost <= *component.required_cost_up + slack);
  }
  for (std::size_t index = 1; index < result.components.size(); ++index) {
    CHECK(result.components[index - 1].swing_wte() >= result.components[index].swing_wte() - 1e-9);
  }
  CHECK(result.components.front().component == "demand");
  CHECK(result.required_wte == near(estab::compute_review(model).organisation.required_wte));
  // Each row is exactly the scaled review it names.
  for (const SensitivityComponent& component : result.components) {
    CHECK(component.required_wte_up ==
          estab::compute_review(model, component.up).organisation.required_wte);
  }
}

TEST_CASE("organisation totals alone equal the full review's, bit for bit, under every scaling",
          "[sensitivity]") {
  const estab::Model model = trust_model();
  std::vector<Scaling> scalings{Scaling{}};
  for (const std::string& assumption : estab::sensitivity_assumptions(model)) {
    for (const double factor : {0.9, 1.1}) {
      Scaling scaling;
      scaling.factor = factor;
      if (assumption == "headcount_per_wte") {
        scaling.target = Scaling::Target::HeadcountPerWte;
      } else if (assumption == "demand") {
        scaling.target = Scaling::Target::Demand;
      } else if (assumption == "actual_sickness") {
        scaling.target = Scaling::Target::ActualSickness;
      } else {
        scaling.target = Scaling::Target::Component;
        scaling.component = assumption;
      }
      scalings.push_back(scaling);
    }
  }
  REQUIRE(scalings.size() == 27);
  for (const Scaling& scaling : scalings) {
    INFO(scaling.component << " x" << scaling.factor);
    const estab::Totals full = estab::compute_review(model, scaling).organisation;
    const estab::Totals alone = estab::compute_organisation_totals(model, scaling);
    CHECK(alone.productive_wte == full.productive_wte);
    CHECK(alone.required_wte == full.required_wte);
    CHECK(alone.funded_wte == full.funded_wte);
    CHECK(alone.in_post_wte == full.in_post_wte);
    CHECK(alone.net_gap_wte == full.net_gap_wte);
    CHECK(alone.registered_required_wte == full.registered_required_wte);
    CHECK(alone.registered_share_in_post == full.registered_share_in_post);
    CHECK(alone.registered_gap_wte == full.registered_gap_wte);
    CHECK(alone.skill_mix_rag == full.skill_mix_rag);
    CHECK(alone.required_cost == full.required_cost);
    CHECK(alone.uplift_cost == full.uplift_cost);
    CHECK(alone.additive_shortfall_wte == full.additive_shortfall_wte);
    CHECK(alone.additive_shortfall_cost == full.additive_shortfall_cost);
  }
}

// ---------------------------------------------------------------------------------------------
// Renderers

TEST_CASE("sensitivity JSON has the contract's keys in order", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  const nlohmann::ordered_json document =
      estab::sensitivity_to_json(estab::run_sensitivity(model, 0.1));
  std::vector<std::string> keys;
  for (const auto& item : document.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"schema", "change", "required_wte", "required_cost",
                                         "components"});
  CHECK(document["schema"] == "estab-sensitivity/1");
  CHECK(document["change"].get<double>() == 0.1);
  REQUIRE(document["components"].size() == 11);
  std::vector<std::string> component_keys;
  for (const auto& item : document["components"][0].items()) component_keys.push_back(item.key());
  CHECK(component_keys == std::vector<std::string>{"component", "required_wte_down",
                                                   "required_wte_up", "required_cost_down",
                                                   "required_cost_up", "swing_wte"});
  CHECK(document["components"][0]["component"] == "demand");
  CHECK(document["components"][0]["required_wte_down"].get<double>() == near(3.4));

  std::ostringstream rendered;
  estab::render_sensitivity(rendered, estab::run_sensitivity(model, 0.1), estab::OutputFormat::Json,
                            {});
  CHECK(rendered.str() == document.dump(2) + "\n");
}

TEST_CASE("sensitivity CSV has one row per assumption with unrounded numbers", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  std::ostringstream rendered;
  estab::render_sensitivity(rendered, estab::run_sensitivity(model, 0.1), estab::OutputFormat::Csv,
                            {});
  const std::string csv = rendered.str();
  CHECK(csv.rfind("component,required_wte_down,required_wte_up,required_cost_down,"
                  "required_cost_up,swing_wte\r\n",
                  0) == 0);
  CHECK(csv.find("\r\ndemand,3.4,") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 12);  // header + 11 assumptions
}

TEST_CASE("the sensitivity table shows the base, rounded figures and tornado bars",
          "[sensitivity]") {
  const estab::Model model = estab::load_model_text(kSmallModel, "small.yaml");
  std::ostringstream rendered;
  estab::render_sensitivity(rendered, estab::run_sensitivity(model, 0.1),
                            estab::OutputFormat::Table, {});
  const std::string table = rendered.str();
  CHECK(table.find("Base: required WTE 3.67, required cost £146,667.") != std::string::npos);
  CHECK(table.find("Assumption         WTE at -10%  WTE at +10%  Delta -10%  Delta +10%  "
                   "Cost at -10%  Cost at +10%  Swing WTE  Tornado\n") != std::string::npos);
  // demand: 3.40 and 3.93, deltas ∓0.27 from 3.67, £136,000 and £157,333, the full bar.
  CHECK(table.find("\ndemand                    3.40         3.93       -0.27       +0.27      "
                   "£136,000      £157,333       0.53  " +
                   std::string(30, '#') + "\n") != std::string::npos);
  // annual leave: swing 0.0711 / 0.5333 × 30 = 4.0 characters; bank holidays 0.0356: 2.0.
  CHECK(table.find("\nannual_leave              3.63         3.70       -0.04       +0.04      "
                   "£145,263      £148,108       0.07  ####\n") != std::string::npos);
  CHECK(table.find("0.04  ##\n") != std::string::npos);
  // union duties: deltas of ∓0.0036 show as 0.00 without a sign; a swing of 0.0071 still
  // shows as 0.01, so it gets the one-character minimum bar (30 × 0.0071 / 0.5333 = 0.4).
  CHECK(table.find("\nunion_duties              3.66         3.67        0.00        0.00      "
                   "£146,525      £146,809       0.01  #\n") != std::string::npos);
  // A zero swing draws no bar and leaves no trailing space.
  CHECK(table.find("\nsupervision               3.67         3.67        0.00        0.00      "
                   "£146,667      £146,667       0.00\n") != std::string::npos);
  CHECK(table.find('\x1b') == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The command

TEST_CASE("the sensitivity command reads --change as a percentage", "[sensitivity]") {
  std::ostringstream out;
  std::ostringstream err;
  estab::cli::Console console{out, err, false, false};
  const std::string trust = example("trust.yaml");

  SECTION("a bare number is a usage error") {
    CHECK_THROWS_WITH(estab::cli::run_sensitivity_command(trust, "10", estab::OutputFormat::Json,
                                                          "", {}, console),
                      "write 10% — the percent sign is required");
  }
  SECTION("a change outside 0%–100% is a usage error, found before the file is read") {
    CHECK_THROWS_AS(estab::cli::run_sensitivity_command("/no/such/file.yaml", "100%",
                                                        estab::OutputFormat::Json, "", {}, console),
                    estab::UsageError);
    CHECK_THROWS_WITH(estab::cli::run_sensitivity_command(trust, "ten%", estab::OutputFormat::Json,
                                                          "", {}, console),
                      "--change: expected a percentage such as 10%, got 'ten%'");
    CHECK(usage_error_of([&] {
            estab::cli::run_sensitivity_command(trust, "-5%", estab::OutputFormat::Json, "", {},
                                                console);
          }) == "--change must be more than 0% and less than 100%, got -5%");
    CHECK(out.str().empty());
  }
  SECTION("12.5% is 0.125, and an empty change means 10%") {
    CHECK(estab::cli::run_sensitivity_command(trust, "12.5%", estab::OutputFormat::Json, "", {},
                                              console) == estab::cli::ExitCode::Success);
    CHECK(nlohmann::json::parse(out.str())["change"].get<double>() == 0.125);
    out.str("");
    CHECK(estab::cli::run_sensitivity_command(trust, "", estab::OutputFormat::Json, "", {},
                                              console) == estab::cli::ExitCode::Success);
    CHECK(nlohmann::json::parse(out.str())["change"].get<double>() == 0.1);
  }
}

TEST_CASE("actual sickness: each line's actual, scaled, in place of its assumed sickness",
          "[sensitivity]") {
  // One line whose only absence is 4% assumed sickness, with 6% actual; a second line without
  // an actual keeps its assumption.
  const estab::Model model = estab::load_model_text(
      "estab: 1\n"
      "assumptions: {annual_leave: 0%, bank_holidays: 0%, sickness: 4%}\n"
      "professions: [{id: rn, registered: true}, {id: hca, registered: false}]\n"
      "teams:\n"
      "  - id: ward\n"
      "    staffing:\n"
      "      - {profession: rn, hours_per_week: 375, actuals: {sickness: 6%}}\n"
      "      - {profession: hca, hours_per_week: 75}\n",
      "sick.yaml");
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  const auto found = std::find_if(
      result.components.begin(), result.components.end(),
      [](const SensitivityComponent& row) { return row.component == "actual_sickness"; });
  REQUIRE(found != result.components.end());
  const double hca = 2.0 / (1.0 - 0.04);
  CHECK(found->required_wte_down == near(10.0 / (1.0 - 0.054) + hca));
  CHECK(found->required_wte_up == near(10.0 / (1.0 - 0.066) + hca));
  // Without an actual sickness anywhere the row is not listed.
  const estab::Model plain = estab::load_model_text(
      "estab: 1\nprofessions: [{id: rn, registered: true}]\n"
      "teams: [{id: ward, staffing: [{profession: rn, hours_per_week: 375}]}]\n",
      "plain.yaml");
  const std::vector<std::string> listed = estab::sensitivity_assumptions(plain);
  CHECK(std::find(listed.begin(), listed.end(), "actual_sickness") == listed.end());
}

TEST_CASE("an additional component may share a name with another assumption", "[sensitivity]") {
  const estab::Model model = estab::load_model_text(
      "estab: 1\n"
      "assumptions: {annual_leave: 0%, bank_holidays: 0%, sickness: 0%, additional: {demand: 2%}}\n"
      "professions: [{id: rn, registered: true}]\n"
      "teams: [{id: ward, staffing: [{profession: rn, hours_per_week: 375}]}]\n",
      "named.yaml");
  const SensitivityResult result = estab::run_sensitivity(model, 0.1);
  std::vector<double> swings;
  for (const SensitivityComponent& row : result.components) {
    if (row.component == "demand") swings.push_back(row.swing_wte());
  }
  REQUIRE(swings.size() == 2);
  // Demand hours: 10 productive WTE ÷ 0.98, ±10%; the 2% component: 10 ÷ (1 − 0.02 × 1.1) …
  CHECK(swings[0] == near(2.0 / 0.98));
  CHECK(swings[1] == near(10.0 / (1.0 - 0.022) - 10.0 / (1.0 - 0.018)));
}
