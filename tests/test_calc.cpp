// Unit tests of the calculation module (docs/METHOD.md), with published worked examples.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estab/arithmetic.hpp"
#include "estab/calc.hpp"
#include "estab/model.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Allowance;
using estab::AllowanceUnit;
using estab::AssumptionLevel;
using estab::Component;
using estab::Model;
using estab::Rag;
using estab::StaffingLine;
using estab::Team;
using namespace estab::testing;

// ---------------------------------------------------------------------------------------------
// Builders: small models written in code.

/// Tight relative comparison (results are checked to 1e-6 against an independent
/// implementation; these tests hold them to 1e-9).
Approx near(double expected) {
  return Approx(expected).epsilon(1e-9).margin(1e-12);
}

/// "x%": `fraction` is already x / 100.
Allowance percent(double fraction) {
  Allowance allowance;
  allowance.unit = AllowanceUnit::Percent;
  allowance.amount = fraction;
  return allowance;
}

/// {by_service: [...]}: (days, share) pairs.
Allowance by_service(const std::vector<std::pair<double, double>>& days_and_shares) {
  Allowance allowance;
  allowance.unit = AllowanceUnit::ByService;
  for (const auto& [days, share] : days_and_shares) {
    estab::LeaveBand band;
    band.days = at(days);
    band.share = at(share);
    allowance.bands.push_back(band);
  }
  return allowance;
}

/// Sets one fixed component of an assumption set.
void state(estab::AssumptionSet& assumptions, Component component, Allowance allowance) {
  assumptions.fixed.set(component, std::move(allowance));
}

/// States every fixed component as a percentage, in the order of docs/METHOD.md §3.1.
void state_all_percent(estab::AssumptionSet& assumptions, const std::vector<double>& fractions) {
  for (std::size_t index = 0; index < fractions.size(); ++index) {
    assumptions.fixed.set(static_cast<Component>(index), percent(fractions[index]));
  }
}

/// A profession with an optional cost per WTE.
estab::Profession profession(const std::string& id, bool registered,
                             std::optional<double> cost_per_wte = std::nullopt) {
  estab::Profession result;
  result.id = id;
  result.name = id;
  result.registered = registered;
  if (cost_per_wte) result.cost_per_wte = at(*cost_per_wte);
  return result;
}

/// A staffing line with `hours` of other direct hours per week and the given staff.
StaffingLine line_of(std::size_t profession_index, double hours, double funded = 0.0,
                     double in_post = 0.0) {
  StaffingLine line;
  line.profession_index = profession_index;
  if (hours != 0.0) line.hours_per_week = at(hours);
  line.funded_wte = at(funded);
  line.in_post_wte = at(in_post);
  return line;
}

/// A team with an optional service.
Team team_of(const std::string& id, std::optional<std::size_t> service_index = std::nullopt) {
  Team team;
  team.id = id;
  team.name = id;
  team.service_index = service_index;
  return team;
}

/// A model with no absence at all (every component stated as 0%), two professions
/// ("rn" registered, "hca" not) and no teams.
Model zero_absence_model() {
  Model model;
  state_all_percent(model.assumptions, {0, 0, 0, 0, 0, 0, 0, 0});
  model.professions.push_back(profession("rn", true));
  model.professions.push_back(profession("hca", false));
  return model;
}

/// The only line of a one-team, one-line model.
estab::LineResult single_line(const Model& model) {
  return estab::compute_line(model, model.teams.at(0), model.teams.at(0).lines.at(0));
}

/// A fraction of contracted time stated in days, with the default working year.
double default_year_days(double days) {
  return days / (365.0 * 5.0 / 7.0);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Names

TEST_CASE("level and RAG names are the output spellings", "[calc]") {
  CHECK(std::string(estab::level_name(AssumptionLevel::Line)) == "line");
  CHECK(std::string(estab::level_name(AssumptionLevel::Team)) == "team");
  CHECK(std::string(estab::level_name(AssumptionLevel::Profession)) == "profession");
  CHECK(std::string(estab::level_name(AssumptionLevel::Organisation)) == "organisation");
  CHECK(std::string(estab::level_name(AssumptionLevel::Default)) == "default");
  CHECK(std::string(estab::rag_name(Rag::None)) == "none");
  CHECK(std::string(estab::rag_name(Rag::Green)) == "green");
  CHECK(std::string(estab::rag_name(Rag::Amber)) == "amber");
  CHECK(std::string(estab::rag_name(Rag::Red)) == "red");
}

// ---------------------------------------------------------------------------------------------
// docs/METHOD.md §3.2 time allowances

TEST_CASE("allowance_fraction converts every unit to a share of contracted time", "[calc]") {
  estab::ReviewSettings review;
  review.working_days = at(260.0);
  review.standard_hours = at(37.5);
  const double hours_per_wte = 260.0 * 7.5;  // H_y = 1950
  REQUIRE(review.contracted_hours_per_wte() == near(hours_per_wte));

  CHECK(estab::allowance_fraction(percent(0.045), review, 1.0) == near(0.045));
  CHECK(estab::allowance_fraction(allowance_in(AllowanceUnit::Days, 27), review, 1.0) ==
        near(27.0 / 260.0));
  CHECK(estab::allowance_fraction(allowance_in(AllowanceUnit::Hours, 39), review, 1.0) ==
        near(39.0 / hours_per_wte));
  SECTION("hours per head scale with headcount per WTE (part-time staff raise it)") {
    const Allowance training = allowance_in(AllowanceUnit::HoursPerHead, 22.5);
    CHECK(estab::allowance_fraction(training, review, 1.0) == near(22.5 / hours_per_wte));
    CHECK(estab::allowance_fraction(training, review, 1.15) == near(22.5 * 1.15 / hours_per_wte));
  }
  SECTION("annual leave by length of service: Σ share × days / working_days") {
    const Allowance leave = by_service({{27, 0.5}, {29, 0.3}, {33, 0.2}});
    CHECK(estab::allowance_fraction(leave, review, 1.0) ==
          near((0.5 * 27 + 0.3 * 29 + 0.2 * 33) / 260.0));
  }
}

TEST_CASE("available_time_fraction is a share of time left after absence", "[calc]") {
  estab::ReviewSettings review;
  review.working_days = at(260.0);
  review.standard_hours = at(37.5);
  const double absence = 0.2;
  CHECK(estab::available_time_fraction(percent(0.35), review, absence) == near(0.35));
  CHECK(estab::available_time_fraction(allowance_in(AllowanceUnit::Days, 26), review, absence) ==
        near(26.0 / (260.0 * 0.8)));
  CHECK(estab::available_time_fraction(allowance_in(AllowanceUnit::Hours, 156), review, absence) ==
        near(156.0 / (1950.0 * 0.8)));
  CHECK(estab::available_time_fraction(allowance_in(AllowanceUnit::MinutesPerDay, 45), review,
                                       absence) == near(45.0 / 60.0 / 7.5));
}

// ---------------------------------------------------------------------------------------------
// docs/METHOD.md §4 absence resolution

TEST_CASE("resolve_absence uses the defaults when nothing is stated", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5));

  const estab::ResolvedAbsence absence =
      estab::resolve_absence(model, model.teams[0], model.teams[0].lines[0]);
  REQUIRE(absence.components.size() == estab::kFixedComponentCount);
  CHECK(absence.components[0].component == "annual_leave");
  CHECK(absence.components[0].fraction == near(default_year_days(27)));
  CHECK(absence.components[1].component == "bank_holidays");
  CHECK(absence.components[1].fraction == near(default_year_days(8)));
  for (std::size_t index = 2; index < estab::kFixedComponentCount; ++index) {
    CHECK(absence.components[index].fraction == 0.0);
  }
  for (const estab::AbsenceComponent& component : absence.components) {
    CHECK(component.source == AssumptionLevel::Default);
    CHECK(component.stated == nullptr);
  }
  CHECK(absence.components[7].component == "supervision");
  CHECK(absence.total == near(default_year_days(35)));
  CHECK(absence.headcount_per_wte == 1.0);
  CHECK(absence.headcount_source == AssumptionLevel::Default);
}

TEST_CASE("resolve_absence: the most specific level wins, component by component", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  Team& team = model.teams[0];
  StaffingLine& line = team.lines[0];

  state(model.assumptions, Component::Sickness, percent(0.04));
  state(model.assumptions, Component::StudyLeave, percent(0.01));
  state(model.assumptions, Component::Parenting, percent(0.011));
  state(model.professions[0].assumptions, Component::Sickness, percent(0.05));
  state(model.professions[0].assumptions, Component::StudyLeave, percent(0.02));
  state(team.assumptions, Component::Sickness, percent(0.06));
  state(line.assumptions, Component::Sickness, percent(0.07));

  const auto sickness = static_cast<std::size_t>(Component::Sickness);
  const auto study = static_cast<std::size_t>(Component::StudyLeave);
  const auto parenting = static_cast<std::size_t>(Component::Parenting);

  estab::ResolvedAbsence absence = estab::resolve_absence(model, team, line);
  CHECK(absence.components[sickness].fraction == near(0.07));
  CHECK(absence.components[sickness].source == AssumptionLevel::Line);
  CHECK(absence.components[sickness].stated == line.assumptions.fixed.find(Component::Sickness));
  CHECK(absence.components[study].fraction == near(0.02));
  CHECK(absence.components[study].source == AssumptionLevel::Profession);
  CHECK(absence.components[parenting].fraction == near(0.011));
  CHECK(absence.components[parenting].source == AssumptionLevel::Organisation);

  line.assumptions.fixed.clear(Component::Sickness);
  absence = estab::resolve_absence(model, team, line);
  CHECK(absence.components[sickness].fraction == near(0.06));
  CHECK(absence.components[sickness].source == AssumptionLevel::Team);

  team.assumptions.fixed.clear(Component::Sickness);
  absence = estab::resolve_absence(model, team, line);
  CHECK(absence.components[sickness].fraction == near(0.05));
  CHECK(absence.components[sickness].source == AssumptionLevel::Profession);

  model.professions[0].assumptions.fixed.clear(Component::Sickness);
  absence = estab::resolve_absence(model, team, line);
  CHECK(absence.components[sickness].fraction == near(0.04));
  CHECK(absence.components[sickness].source == AssumptionLevel::Organisation);

  double expected_total = 0.0;
  for (const estab::AbsenceComponent& component : absence.components) {
    expected_total += component.fraction;
  }
  CHECK(absence.total == near(expected_total));
}

TEST_CASE("headcount_per_wte resolves by level before hours_per_head is converted", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.teams.push_back(team_of("community"));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  model.assumptions.headcount_per_wte = at(1.15);
  model.teams[0].assumptions.headcount_per_wte = at(1.3);
  state(model.assumptions, Component::Training, allowance_in(AllowanceUnit::HoursPerHead, 22.5));

  const auto training = static_cast<std::size_t>(Component::Training);
  const double hours_per_wte = model.review.contracted_hours_per_wte();
  estab::ResolvedAbsence absence =
      estab::resolve_absence(model, model.teams[0], model.teams[0].lines[0]);
  // The training figure comes from the organisation, the headcount from the team.
  CHECK(absence.components[training].source == AssumptionLevel::Organisation);
  CHECK(absence.headcount_source == AssumptionLevel::Team);
  CHECK(absence.headcount_per_wte == near(1.3));
  CHECK(absence.components[training].fraction == near(22.5 * 1.3 / hours_per_wte));

  model.teams[0].assumptions.headcount_per_wte.reset();
  absence = estab::resolve_absence(model, model.teams[0], model.teams[0].lines[0]);
  CHECK(absence.headcount_source == AssumptionLevel::Organisation);
  CHECK(absence.components[training].fraction == near(22.5 * 1.15 / hours_per_wte));
}

TEST_CASE("additional components merge per name and follow the fixed ones by name", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  model.assumptions.additional = {{"union_duties", percent(0.002)},
                                  {"jury_service", percent(0.001)}};
  model.professions[0].assumptions.additional = {{"union_duties", percent(0.003)}};
  model.teams[0].lines[0].assumptions.additional = {{"armed_forces", percent(0.0005)}};

  const estab::ResolvedAbsence absence =
      estab::resolve_absence(model, model.teams[0], model.teams[0].lines[0]);
  REQUIRE(absence.components.size() == estab::kFixedComponentCount + 3);
  const estab::AbsenceComponent& first = absence.components[8];
  const estab::AbsenceComponent& second = absence.components[9];
  const estab::AbsenceComponent& third = absence.components[10];
  CHECK(first.component == "armed_forces");
  CHECK(first.source == AssumptionLevel::Line);
  CHECK(first.fraction == near(0.0005));
  CHECK(second.component == "jury_service");
  CHECK(second.source == AssumptionLevel::Organisation);
  CHECK(third.component == "union_duties");
  CHECK(third.source == AssumptionLevel::Profession);
  CHECK(third.fraction == near(0.003));
  CHECK(third.stated == &model.professions[0].assumptions.additional[0].allowance);
  CHECK(absence.total == near(default_year_days(35) + 0.0005 + 0.001 + 0.003));
}

TEST_CASE("a resolver shares one merge between lines and re-sums it per headcount", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  model.teams[0].lines.push_back(line_of(0, 20.0));
  model.teams[0].lines.push_back(line_of(0, 10.0));
  model.assumptions.additional = {{"union_duties", percent(0.002)},
                                  {"mentoring", allowance_in(AllowanceUnit::HoursPerHead, 7.5)}};
  model.teams[0].lines[1].assumptions.headcount_per_wte = at(1.4);
  model.teams[0].lines[2].assumptions.additional = {{"union_duties", percent(0.004)}};
  const double hours_per_wte = model.review.contracted_hours_per_wte();
  const double fixed = default_year_days(35);

  estab::AbsenceResolver resolver(model, estab::Scaling{});
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads what the first one kept
    const std::vector<double> expected = {fixed + (0.002 + 7.5 / hours_per_wte),
                                          fixed + (0.002 + 7.5 * 1.4 / hours_per_wte),
                                          fixed + (7.5 / hours_per_wte + 0.004)};
    for (std::size_t index = 0; index < expected.size(); ++index) {
      const StaffingLine& line = model.teams[0].lines[index];
      const estab::ResolvedAbsence total_only = resolver.resolve_total(model.teams[0], line);
      const estab::ResolvedAbsence listed = resolver.resolve(model.teams[0], line);
      CHECK(listed.components.size() == estab::kFixedComponentCount + 2);
      CHECK(total_only.components.size() == estab::kFixedComponentCount);
      CHECK(listed.total == near(expected[index]));
      CHECK(total_only.total == listed.total);
      CHECK(estab::resolve_absence(model, model.teams[0], line).total == listed.total);
    }
  }

  estab::Scaling scaling;
  scaling.target = estab::Scaling::Target::Component;
  scaling.component = "union_duties";
  scaling.factor = 2.0;
  estab::AbsenceResolver scaled(model, scaling);
  CHECK(scaled.resolve_total(model.teams[0], model.teams[0].lines[0]).total ==
        near(fixed + 0.004 + 7.5 / hours_per_wte));
  CHECK(scaled.resolve_total(model.teams[0], model.teams[0].lines[2]).total ==
        near(fixed + 0.008 + 7.5 / hours_per_wte));
}

// ---------------------------------------------------------------------------------------------
// docs/METHOD.md §7 demand

TEST_CASE("line_demand sums every demand model it states", "[calc]") {
  estab::ReviewSettings review;  // defaults: W = 52.142857…
  const double weeks = 365.0 / 7.0;
  REQUIRE(review.weeks_per_year() == near(weeks));
  StaffingLine line;

  SECTION("roster: staff × paid hours × days per week, days default 7") {
    estab::RosterShift early{"early", at(2), at(7.5), at(7)};
    estab::RosterShift night;  // days per week left at its default
    night.staff = at(1);
    night.paid_hours = at(10);
    estab::RosterShift weekday{"clinic", at(1), at(7.5), at(5)};
    line.roster = {early, night, weekday};
    const estab::DemandBreakdown demand = estab::line_demand(line, review, 0.2);
    CHECK(demand.roster == near(2 * 7.5 * 7 + 1 * 10 * 7 + 1 * 7.5 * 5));
    CHECK(demand.total() == near(demand.roster));
  }
  SECTION("observations: hours per day × days per week") {
    line.observations = estab::Observations{at(24), at(7)};
    CHECK(estab::line_demand(line, review, 0.2).observations == near(168));
  }
  SECTION("caseload: (Σ cases × hours per case per month × 12 / W) / (1 − n)") {
    estab::Caseload caseload;
    caseload.non_caseload_time = percent(0.35);
    caseload.bands = {{"high", at(8), at(10)}, {"low", at(20), at(2)}};
    line.caseload = caseload;
    const estab::DemandBreakdown demand = estab::line_demand(line, review, 0.2);
    CHECK(demand.non_caseload_fraction == near(0.35));
    CHECK(demand.caseload == near((8 * 10 + 20 * 2) * 12.0 / weeks / 0.65));
  }
  SECTION("caseload: non-caseload time in days is a share of available time") {
    estab::Caseload caseload;
    caseload.non_caseload_time = allowance_in(AllowanceUnit::Days, 30);
    caseload.bands = {{"all", at(10), at(4)}};
    line.caseload = caseload;
    const double available_days = (365.0 * 5.0 / 7.0) * (1 - 0.2);
    const double non_caseload = 30.0 / available_days;
    const estab::DemandBreakdown demand = estab::line_demand(line, review, 0.2);
    CHECK(demand.non_caseload_fraction == near(non_caseload));
    CHECK(demand.caseload == near(40 * 12.0 / weeks / (1 - non_caseload)));
  }
  SECTION("activities: ((Σ per year × minutes / 60) / (1 − n) + individual allowance) / W") {
    estab::Activities activities;
    activities.non_activity_time = percent(0.2);
    activities.individual_allowance_hours = at(120);
    activities.items = {{"assessment", at(180), at(120)}, {"review", at(400), at(30)}};
    line.activities = activities;
    const estab::DemandBreakdown demand = estab::line_demand(line, review, 0.15);
    CHECK(demand.non_activity_fraction == near(0.2));
    CHECK(demand.activities == near(((180 * 2.0 + 400 * 0.5) / 0.8 + 120) / weeks));
  }
  SECTION("hours per week as stated, and the total of several models") {
    line.hours_per_week = at(10);
    line.observations = estab::Observations{at(12), at(7)};
    const estab::DemandBreakdown demand = estab::line_demand(line, review, 0.0);
    CHECK(demand.hours_per_week == near(10));
    CHECK(demand.total() == near(10 + 84));
  }
  SECTION("nothing stated: no demand") {
    CHECK(estab::line_demand(line, review, 0.2).total() == 0.0);
  }
}

// ---------------------------------------------------------------------------------------------
// docs/METHOD.md §5 and §8 one line

TEST_CASE("compute_line: exact uplift, required WTE, gaps, rates and WISN ratio", "[calc]") {
  Model model = zero_absence_model();
  state(model.assumptions, Component::AnnualLeave, percent(0.12));
  state(model.assumptions, Component::Sickness, percent(0.05));
  state(model.assumptions, Component::Training, percent(0.03));  // a = 20%
  model.teams.push_back(team_of("ward"));
  StaffingLine line = line_of(0, 75.0, 3.2, 2.8);
  line.fixed_wte = at(1.0);
  model.teams[0].lines.push_back(line);

  const estab::LineResult result = single_line(model);
  CHECK(result.team == &model.teams[0]);
  CHECK(result.line == &model.teams[0].lines[0]);
  CHECK(result.profession == &model.professions[0]);
  CHECK(result.service == nullptr);
  CHECK(result.absence.total == near(0.2));
  CHECK(result.uplift_exact == near(0.25));
  CHECK(result.uplift_additive == near(0.2));
  CHECK(result.uplift_applied == near(0.25));
  CHECK(result.demand_hours_per_week == near(75));
  CHECK(result.productive_wte == near(2.0));
  CHECK(result.fixed_wte == near(1.0));
  CHECK(result.required_wte == near(2.0 * 1.25 + 1.0));
  CHECK(result.funded_wte == near(3.2));
  CHECK(result.in_post_wte == near(2.8));
  CHECK(result.establishment_gap_wte == near(0.3));
  CHECK(result.vacancy_wte == near(0.4));
  CHECK(*result.vacancy_rate == near(0.125));
  CHECK(result.net_gap_wte == near(0.7));
  CHECK(*result.net_gap_rate == near(0.2));
  CHECK(*result.wisn_ratio == near(0.8));
  CHECK(result.additive_shortfall_wte == near(2.0 * (1.25 - 1.2)));
  CHECK(result.gap_rag == Rag::Red);
  CHECK_FALSE(result.cost_per_wte);
  CHECK_FALSE(result.required_cost);
  CHECK_FALSE(result.funded_cost);
  CHECK_FALSE(result.in_post_cost);
  CHECK_FALSE(result.uplift_cost);
}

TEST_CASE("compute_line: the additive convention applies 1 + a", "[calc]") {
  Model model = zero_absence_model();
  model.review.uplift_method.value = estab::UpliftMethod::Additive;
  state(model.assumptions, Component::AnnualLeave, percent(0.2));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 75.0));

  const estab::LineResult result = single_line(model);
  CHECK(result.uplift_exact == near(0.25));
  CHECK(result.uplift_additive == near(0.2));
  CHECK(result.uplift_applied == near(0.2));
  CHECK(result.required_wte == near(2.0 * 1.2));
  CHECK(result.additive_shortfall_wte == near(0.1));  // reported whichever method applies
}

TEST_CASE("compute_line: rates are null when their denominator is zero", "[calc]") {
  Model model = zero_absence_model();
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 0.0, 0.0, 1.0));

  const estab::LineResult result = single_line(model);
  CHECK(result.required_wte == 0.0);
  CHECK_FALSE(result.vacancy_rate);
  CHECK_FALSE(result.net_gap_rate);
  CHECK_FALSE(result.wisn_ratio);
  CHECK(result.vacancy_wte == near(-1.0));
  CHECK(result.net_gap_wte == near(-1.0));
  CHECK(result.gap_rag == Rag::Green);  // requires nothing
}

TEST_CASE("compute_line: gap RAG against the review tolerance, boundaries inside", "[calc]") {
  Model model = zero_absence_model();
  model.review.gap_tolerance = at(0.05);
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 20));  // required 20 WTE
  const auto rag_with_in_post = [&model](double in_post) {
    model.teams[0].lines[0].in_post_wte = at(in_post);
    return single_line(model).gap_rag;
  };
  CHECK(rag_with_in_post(20.0) == Rag::Green);
  CHECK(rag_with_in_post(19.0) == Rag::Green);   // exactly 5%
  CHECK(rag_with_in_post(18.99) == Rag::Amber);  // 5.05%
  CHECK(rag_with_in_post(18.0) == Rag::Amber);   // exactly 10%
  CHECK(rag_with_in_post(17.99) == Rag::Red);
  CHECK(rag_with_in_post(0.0) == Rag::Red);
  CHECK(rag_with_in_post(25.0) == Rag::Green);  // over-established
  // The edge is decided on the decimal figures: 1e-12 relative counts as on it, more does not.
  CHECK(rag_with_in_post(20.0 - 20.0 * 0.0500000000000001) == Rag::Green);
  CHECK(rag_with_in_post(20.0 - 20.0 * 0.0500000005) == Rag::Amber);
}

TEST_CASE("at_most: within 1e-12 relative of the edge counts as on it", "[calc]") {
  CHECK(estab::at_most(0.05, 0.05));
  CHECK(estab::at_most(0.65 - 0.60, 0.05));  // 0.05000000000000004 in binary
  CHECK(estab::at_most(0.05 * (1 + 0.9e-12), 0.05));
  CHECK_FALSE(estab::at_most(0.05 * (1 + 1.1e-12), 0.05));
  CHECK_FALSE(estab::at_most(0.0500000005, 0.05));
  CHECK(estab::at_most(0.0, 0.0));
  CHECK_FALSE(estab::at_most(1e-300, 0.0));
}

TEST_CASE("compute_line: cost per WTE from the line, else the profession", "[calc]") {
  Model model = zero_absence_model();
  model.professions[0].cost_per_wte = at(54000);
  state(model.assumptions, Component::AnnualLeave, percent(0.2));
  model.teams.push_back(team_of("ward"));
  StaffingLine line = line_of(0, 75.0, 3.0, 2.0);
  line.fixed_wte = at(1.0);
  model.teams[0].lines.push_back(line);

  estab::LineResult result = single_line(model);
  REQUIRE(result.cost_per_wte);
  CHECK(*result.cost_per_wte == near(54000));
  CHECK(*result.required_cost == near(3.5 * 54000));
  CHECK(*result.funded_cost == near(3.0 * 54000));
  CHECK(*result.in_post_cost == near(2.0 * 54000));
  CHECK(*result.uplift_cost == near(0.5 * 54000));  // (3.5 − 1 − 2) × cost

  model.teams[0].lines[0].cost_per_wte = at(56000);
  result = single_line(model);
  CHECK(*result.cost_per_wte == near(56000));
  CHECK(*result.required_cost == near(3.5 * 56000));
}

TEST_CASE("compute_line: the team's service is linked", "[calc]") {
  Model model = zero_absence_model();
  model.services.push_back({"community", "Community", {}});
  model.teams.push_back(team_of("cldt", 0));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  CHECK(single_line(model).service == &model.services[0]);
}

// ---------------------------------------------------------------------------------------------
// Roll-ups

TEST_CASE("compute_review: lines in file order and team, service, organisation totals", "[calc]") {
  Model model = zero_absence_model();
  model.professions[0].cost_per_wte = at(50000);
  model.services.push_back({"community", "Community", {}});
  model.services.push_back({"unused", "Unused", {}});
  model.teams.push_back(team_of("north", 0));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 6, 5, 4));   // rn: 6 required
  model.teams[0].lines.push_back(line_of(1, 37.5 * 4, 4, 4));   // hca: 4 required, no cost
  model.teams.push_back(team_of("inpatient"));                  // no service
  model.teams[1].lines.push_back(line_of(0, 37.5 * 10, 9, 7));  // rn: 10 required

  const estab::ReviewResult review = estab::compute_review(model);
  CHECK(review.model == &model);
  REQUIRE(review.lines.size() == 3);
  CHECK(review.lines[0].line == &model.teams[0].lines[0]);
  CHECK(review.lines[1].line == &model.teams[0].lines[1]);
  CHECK(review.lines[2].line == &model.teams[1].lines[0]);

  REQUIRE(review.teams.size() == 2);
  const estab::Totals& north = review.teams[0].totals;
  CHECK(review.teams[0].team == &model.teams[0]);
  CHECK(review.teams[0].service == &model.services[0]);
  CHECK(north.required_wte == near(10));
  CHECK(north.funded_wte == near(9));
  CHECK(north.in_post_wte == near(8));
  CHECK(north.productive_wte == near(10));
  CHECK(north.establishment_gap_wte == near(1));
  CHECK(north.vacancy_wte == near(1));
  CHECK(north.net_gap_wte == near(2));
  CHECK(north.registered_required_wte == near(6));
  CHECK(north.registered_funded_wte == near(5));
  CHECK(north.registered_in_post_wte == near(4));
  CHECK(*north.registered_share_required == near(0.6));
  CHECK(*north.registered_share_funded == near(5.0 / 9.0));
  CHECK(*north.registered_share_in_post == near(0.5));
  CHECK(*north.required_cost == near(6 * 50000));  // only the line with a cost
  CHECK(*north.funded_cost == near(5 * 50000));
  CHECK(*north.in_post_cost == near(4 * 50000));
  CHECK(*north.uplift_cost == near(0));

  REQUIRE(review.services.size() == 3);
  CHECK(review.services[0].service == &model.services[0]);
  CHECK(review.services[0].totals.required_wte == near(10));
  CHECK(review.services[1].service == &model.services[1]);
  CHECK(review.services[1].totals.required_wte == 0.0);
  CHECK_FALSE(review.services[1].totals.registered_share_required);
  CHECK_FALSE(review.services[1].totals.required_cost);
  CHECK(review.services[2].service == nullptr);
  CHECK(review.services[2].totals.required_wte == near(10));
  CHECK(review.services[2].totals.in_post_wte == near(7));

  const estab::Totals& organisation = review.organisation;
  CHECK(organisation.required_wte == near(20));
  CHECK(organisation.funded_wte == near(18));
  CHECK(organisation.in_post_wte == near(15));
  CHECK(organisation.registered_in_post_wte == near(11));
  // From summed WTE (11 / 15), not the mean of the team shares ((0.5 + 1) / 2).
  CHECK(*organisation.registered_share_in_post == near(11.0 / 15.0));
  CHECK(*organisation.required_cost == near(16 * 50000));
}

TEST_CASE("compute_review: no '(none)' service when every team has one", "[calc]") {
  Model model = zero_absence_model();
  model.services.push_back({"community", "Community", {}});
  model.teams.push_back(team_of("north", 0));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  const estab::ReviewResult review = estab::compute_review(model);
  REQUIRE(review.services.size() == 1);
  CHECK(review.services[0].service == &model.services[0]);
}

TEST_CASE("skill mix of services and the organisation: from their teams with a target", "[calc]") {
  Model model = zero_absence_model();
  model.skill_mix.registered_target = at(0.6);
  model.services.push_back({"community", "Community", {}});
  // Required 20 WTE, 70% target, 11 of 17 in post registered.
  model.teams.push_back(team_of("north", 0));
  model.teams[0].skill_mix.registered_target = at(0.7);
  model.teams[0].lines.push_back(line_of(0, 37.5 * 12, 0, 11));  // rn
  model.teams[0].lines.push_back(line_of(1, 37.5 * 8, 0, 6));    // hca
  // Required 10 WTE, the organisation's 60%, 5 of 10 in post registered.
  model.teams.push_back(team_of("south", 0));
  model.teams[1].lines.push_back(line_of(0, 37.5 * 5, 0, 5));
  model.teams[1].lines.push_back(line_of(1, 37.5 * 5, 0, 5));
  // An all-registered team with no target: left out of the roll-up's skill mix.
  model.teams.push_back(team_of("liaison", 0));
  model.teams[2].skill_mix.no_target = true;
  model.teams[2].lines.push_back(line_of(0, 37.5 * 6, 0, 6));

  const estab::ReviewResult review = estab::compute_review(model);
  const estab::Totals& liaison = review.teams[2].totals;
  CHECK_FALSE(liaison.registered_target);
  CHECK_FALSE(liaison.registered_gap_wte);
  CHECK(liaison.skill_mix_rag == Rag::None);
  const estab::Totals& service = review.services[0].totals;
  // (0.7 × 20 + 0.6 × 10) / 30
  CHECK(*service.registered_target == near(20.0 / 30.0));
  // (0.7 × 20 − 11) + (0.6 × 10 − 5)
  CHECK(*service.registered_gap_wte == near(4.0));
  // In post of the targeted teams: 16 registered of 27, 0.5926 against 0.6667: amber at 5%
  // (every team's share, 22 of 33, would be green).
  CHECK(service.skill_mix_rag == Rag::Amber);
  // Shares stay over every team.
  CHECK(*service.registered_share_in_post == near(22.0 / 33.0));
  CHECK(*review.organisation.registered_target == near(20.0 / 30.0));

  SECTION("no team with a target: none") {
    model.teams[0].skill_mix.no_target = true;
    model.teams[1].skill_mix.no_target = true;
    const estab::Totals totals = estab::compute_review(model).services[0].totals;
    CHECK_FALSE(totals.registered_target);
    CHECK_FALSE(totals.registered_gap_wte);
    CHECK(totals.skill_mix_rag == Rag::None);
  }
  SECTION("the targeted teams require nothing: no target, the gaps still summed") {
    for (estab::Team& team : model.teams) {
      for (estab::StaffingLine& line : team.lines) line.hours_per_week = at(0.0);
    }
    const estab::Totals totals = estab::compute_review(model).services[0].totals;
    CHECK_FALSE(totals.registered_target);
    CHECK(*totals.registered_gap_wte == near(-16.0));  // −11 − 5
    CHECK(totals.skill_mix_rag == Rag::None);
  }
  SECTION("the targeted teams have nobody in post: red") {
    for (std::size_t team = 0; team < 2; ++team) {
      for (estab::StaffingLine& line : model.teams[team].lines) line.in_post_wte = at(0.0);
    }
    CHECK(estab::compute_review(model).services[0].totals.skill_mix_rag == Rag::Red);
  }
}

TEST_CASE("skill mix: target, tolerance, RAG and registered gap", "[calc]") {
  Model model = zero_absence_model();
  model.skill_mix.registered_target = at(0.6);
  model.teams.push_back(team_of("north"));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 10, 0, 6.5));  // rn
  model.teams[0].lines.push_back(line_of(1, 37.5 * 10, 0, 3.5));  // hca

  SECTION("exact boundary counts as inside: |0.65 − 0.60| ≤ 5%") {
    const estab::ReviewResult review = estab::compute_review(model);
    const estab::Totals& totals = review.teams[0].totals;
    CHECK(*totals.registered_share_in_post == near(0.65));
    CHECK(*totals.registered_target == near(0.6));
    CHECK(*totals.skill_mix_tolerance == near(0.05));  // default
    CHECK(totals.skill_mix_rag == Rag::Green);
    CHECK(*totals.registered_gap_wte == near(0.6 * 20 - 6.5));
  }
  SECTION("amber within twice the tolerance, red beyond") {
    model.teams[0].lines[0].in_post_wte = at(7.5);  // share 7.5 / 11 = 0.6818
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Amber);
    model.teams[0].lines[0].in_post_wte = at(3.5);  // share 0.5: exactly 2τ
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Amber);
    model.teams[0].lines[0].in_post_wte = at(2.0);  // share 0.3636
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Red);
  }
  SECTION("the team's target and tolerance override the organisation's") {
    model.skill_mix.tolerance = at(0.02);
    model.teams[0].skill_mix.registered_target = at(0.68);
    const estab::ReviewResult review = estab::compute_review(model);
    CHECK(*review.teams[0].totals.registered_target == near(0.68));
    CHECK(*review.teams[0].totals.skill_mix_tolerance == near(0.02));  // organisation's
    CHECK(review.teams[0].totals.skill_mix_rag == Rag::Amber);         // |0.65 − 0.68| ≤ 0.04
    // Services and the organisation take their target from their teams, and are rated with the
    // organisation's tolerance.
    CHECK(*review.organisation.registered_target == near(0.68));
    CHECK(review.organisation.skill_mix_rag == Rag::Amber);  // |0.65 − 0.68| ≤ 2 × 0.02
    CHECK(*review.services[0].totals.registered_target == near(0.68));
    model.teams[0].skill_mix.tolerance = at(0.05);
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Green);
  }
  SECTION("the band edges are decided on the decimal figures, even with no tolerance") {
    model.skill_mix.tolerance = at(0.0);
    model.teams[0].skill_mix.registered_target = at(0.65);  // the in-post share, 6.5 / 10
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Green);
    model.teams[0].skill_mix.registered_target = at(0.6500001);
    CHECK(estab::compute_review(model).teams[0].totals.skill_mix_rag == Rag::Red);
  }
  SECTION("red with a target and nobody in post") {
    model.teams[0].lines[0].in_post_wte = at(0);
    model.teams[0].lines[1].in_post_wte = at(0);
    const estab::Totals totals = estab::compute_review(model).teams[0].totals;
    CHECK_FALSE(totals.registered_share_in_post);
    CHECK(totals.skill_mix_rag == Rag::Red);
    CHECK(*totals.registered_gap_wte == near(12));
  }
  SECTION("none without a target") {
    model.skill_mix.registered_target.reset();
    const estab::Totals totals = estab::compute_review(model).teams[0].totals;
    CHECK(totals.skill_mix_rag == Rag::None);
    CHECK_FALSE(totals.registered_target);
    CHECK_FALSE(totals.registered_gap_wte);
    CHECK(*totals.registered_share_in_post == near(0.65));
  }
}

TEST_CASE("cost totals count only the lines that have a cost", "[calc]") {
  Model model = zero_absence_model();
  state(model.assumptions, Component::AnnualLeave, percent(0.2));
  model.teams.push_back(team_of("north"));
  model.teams[0].lines.push_back(line_of(0, 75.0, 2, 2));
  model.teams[0].lines.push_back(line_of(1, 75.0, 2, 2));

  estab::ReviewResult review = estab::compute_review(model);
  CHECK_FALSE(review.organisation.required_cost);
  CHECK_FALSE(review.organisation.additive_shortfall_cost);
  CHECK(review.organisation.additive_shortfall_wte == near(0.2));

  model.teams[0].lines[1].cost_per_wte = at(30000);
  review = estab::compute_review(model);
  CHECK(*review.organisation.required_cost == near(2.5 * 30000));
  CHECK(*review.organisation.funded_cost == near(2 * 30000));
  CHECK(*review.organisation.in_post_cost == near(2 * 30000));
  CHECK(*review.organisation.uplift_cost == near(0.5 * 30000));
  CHECK(*review.organisation.additive_shortfall_cost == near(0.1 * 30000));
}

TEST_CASE("inpatient triangulation: occupied beds, CHPPD and benchmark WTE", "[calc]") {
  Model model = zero_absence_model();
  model.teams.push_back(team_of("ward"));
  model.teams.push_back(team_of("community"));
  Team& ward = model.teams[0];
  ward.inpatient = estab::Inpatient{at(10), at(0.8), at(12)};
  StaffingLine nurses = line_of(0, 20);  // hours_per_week is not roster time
  nurses.roster = {{"early", at(3), at(7.5), at(7)}, {"night", at(2), at(10), at(7)}};
  nurses.judgement_wte = at(9);
  StaffingLine assistants = line_of(1, 0);
  assistants.observations = estab::Observations{at(24), at(7)};
  assistants.judgement_wte = at(5.5);
  ward.lines = {nurses, assistants};
  model.teams[1].lines.push_back(line_of(0, 37.5));

  const estab::ReviewResult review = estab::compute_review(model);
  const estab::TeamResult& result = review.teams[0];
  const double roster_and_observations = 3 * 7.5 * 7 + 2 * 10 * 7 + 24 * 7;
  CHECK(*result.occupied_beds == near(8));
  CHECK(*result.chppd_planned == near(roster_and_observations / 7 / 8));
  CHECK(*result.chppd_benchmark == near(12));
  CHECK(*result.benchmark_productive_wte == near(12 * 8 * 7 / 37.5));
  CHECK(*result.roster_productive_wte == near(roster_and_observations / 37.5));
  CHECK(*result.judgement_wte == near(14.5));

  const estab::TeamResult& community = review.teams[1];
  CHECK_FALSE(community.occupied_beds);
  CHECK_FALSE(community.chppd_planned);
  CHECK_FALSE(community.chppd_benchmark);
  CHECK_FALSE(community.benchmark_productive_wte);
  CHECK_FALSE(community.roster_productive_wte);
  CHECK_FALSE(community.judgement_wte);
}

TEST_CASE("judgement WTE applies to teams without beds too", "[calc]") {
  Model model = zero_absence_model();
  model.teams.push_back(team_of("community"));
  StaffingLine line = line_of(0, 37.5);
  line.judgement_wte = at(2.5);
  model.teams[0].lines = {line, line_of(1, 37.5)};
  CHECK(*estab::compute_review(model).teams[0].judgement_wte == near(2.5));
}

TEST_CASE("professions: organisation-wide totals in declaration order", "[calc]") {
  Model model = zero_absence_model();
  model.professions[0].cost_per_wte = at(50000);
  model.professions.push_back(profession("ot", true));
  model.teams.push_back(team_of("north"));
  model.teams.push_back(team_of("south"));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 4, 4, 3));
  model.teams[1].lines.push_back(line_of(0, 37.5 * 6, 5, 5));
  model.teams[1].lines.push_back(line_of(1, 37.5 * 2, 0, 0));

  const estab::ReviewResult review = estab::compute_review(model);
  REQUIRE(review.professions.size() == 3);
  const estab::ProfessionResult& nurses = review.professions[0];
  CHECK(nurses.profession == &model.professions[0]);
  CHECK(nurses.totals.productive_wte == near(10));
  CHECK(nurses.totals.required_wte == near(10));
  CHECK(nurses.totals.funded_wte == near(9));
  CHECK(nurses.totals.in_post_wte == near(8));
  CHECK(nurses.totals.establishment_gap_wte == near(1));
  CHECK(nurses.totals.vacancy_wte == near(1));
  CHECK(nurses.totals.net_gap_wte == near(2));
  CHECK(*nurses.totals.vacancy_rate == near(1.0 / 9.0));
  CHECK(*nurses.totals.net_gap_rate == near(0.2));
  CHECK(*nurses.totals.required_cost == near(500000));
  CHECK(*nurses.totals.funded_cost == near(450000));

  const estab::ProfessionResult& assistants = review.professions[1];
  CHECK(assistants.totals.required_wte == near(2));
  CHECK_FALSE(assistants.totals.vacancy_rate);  // funded 0
  CHECK(*assistants.totals.net_gap_rate == near(1.0));
  CHECK_FALSE(assistants.totals.required_cost);

  const estab::ProfessionResult& unused = review.professions[2];
  CHECK(unused.profession == &model.professions[2]);
  CHECK(unused.totals.required_wte == 0.0);
  CHECK(unused.totals.funded_wte == 0.0);
  CHECK_FALSE(unused.totals.vacancy_rate);
  CHECK_FALSE(unused.totals.net_gap_rate);
  CHECK_FALSE(unused.totals.required_cost);
  CHECK_FALSE(unused.totals.funded_cost);
}

TEST_CASE("warnings: defaulted sickness, empty teams, idle lines, unused professions", "[calc]") {
  Model model;
  model.professions.push_back(profession("rn", true));
  model.professions.push_back(profession("hca", false));
  model.professions.push_back(profession("ot", true));
  model.teams.push_back(team_of("north"));
  model.teams[0].lines.push_back(line_of(0, 37.5));
  model.teams[0].lines.push_back(line_of(1, 0));  // no demand, no fixed WTE
  model.teams.push_back(team_of("empty"));

  std::vector<std::string> warnings = estab::compute_review(model).warnings;
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].find("Sickness") != std::string::npos);
  CHECK(warnings[0].find("2 staffing lines") != std::string::npos);
  CHECK(warnings[1].find("'north'") != std::string::npos);
  CHECK(warnings[1].find("'hca'") != std::string::npos);
  CHECK(warnings[2].find("'empty'") != std::string::npos);
  CHECK(warnings[3].find("'ot'") != std::string::npos);

  state(model.teams[0].assumptions, Component::Sickness, percent(0.05));
  model.teams[0].lines[1].fixed_wte = at(1.0);
  model.teams[1].lines.push_back(line_of(2, 37.5));
  warnings = estab::compute_review(model).warnings;
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("1 staffing line;") != std::string::npos);

  state(model.assumptions, Component::Sickness, percent(0.045));
  CHECK(estab::compute_review(model).warnings.empty());
}

TEST_CASE("degenerate inputs stop the calculation instead of producing NaN, inf or zero",
          "[calc]") {
  Model model;
  model.review.working_days = at(0.0);
  model.review.standard_hours = at(0.0);
  model.professions.push_back(profession("rn", true, 50000));
  model.teams.push_back(team_of("ward"));
  model.teams[0].inpatient = estab::Inpatient{at(0), at(0), at(10)};
  StaffingLine line = line_of(0, 37.5);
  estab::Caseload caseload;
  caseload.non_caseload_time = allowance_in(AllowanceUnit::Days, 10);
  caseload.bands = {{"all", at(5), at(3)}};
  line.caseload = caseload;
  state(line.assumptions, Component::Training, allowance_in(AllowanceUnit::HoursPerHead, 20));
  model.teams[0].lines.push_back(line);

  // The loader refuses a zero time base; a model built around it must fail loudly rather than
  // divide by zero or quietly count the division as nothing.
  CHECK_THROWS_AS(estab::compute_review(model), std::range_error);
}

// ---------------------------------------------------------------------------------------------
// Published worked examples

// Keith Hurst's professional-judgement ward calculation, as quoted in NHS and NICE safe-staffing
// guidance: 455 rostered hours a week × 1.22 (a 22% uplift, percentages summed) ÷ 37.5 hours
// = 14.80 WTE.
TEST_CASE("worked example: Hurst ward, 455 h/week × 1.22 ÷ 37.5 = 14.80 WTE", "[calc]") {
  Model model = zero_absence_model();
  model.review.uplift_method.value = estab::UpliftMethod::Additive;
  // annual leave, bank holidays, sickness, parenting, other leave, study, training, supervision
  state_all_percent(model.assumptions, {0.11, 0.03, 0.04, 0.01, 0.005, 0.01, 0.01, 0.005});
  model.teams.push_back(team_of("ward"));
  StaffingLine line = line_of(0, 0);
  line.roster = {{"early", at(3), at(7.5), at(7)},  // 157.5
                 {"late", at(3), at(7.5), at(7)},   // 157.5
                 {"night", at(2), at(10), at(7)}};  // 140
  model.teams[0].lines.push_back(line);

  estab::LineResult result = single_line(model);
  REQUIRE(result.demand_hours_per_week == near(455));
  REQUIRE(result.absence.total == near(0.22));
  CHECK(result.required_wte == near(455 * 1.22 / 37.5));
  CHECK(result.required_wte == Approx(14.8027).margin(5e-5));
  CHECK(std::round(result.required_wte * 100) / 100 == Approx(14.80));

  model.review.uplift_method.value = estab::UpliftMethod::Exact;
  result = single_line(model);
  CHECK(result.required_wte == near(455 / 37.5 / 0.78));
  CHECK(result.required_wte == Approx(15.5556).margin(5e-5));
}

// B. Burmen, N. Owuor, P. Mitei, "An assessment of staffing needs at a HIV clinic in a Western
// Kenya using the WHO workload indicators of staffing need WISN, 2011", Human Resources for
// Health 2017;15:9 (doi:10.1186/s12960-017-0186-3), Table 3 "Computation of estimating staffing
// requirements using WISN". Published figures:
//   activity standard: one consultation = 15 min (0.25 h); workload 10,000 patients × 10
//   appointments = 100,000 consultations = 25,000 h (= 3,125 days of 8 h);
//   AWT: 4.5 consultation days a week × 52 weeks = 234 days (A); less 10 public holidays,
//   30 days annual leave and 15 days sick leave = 179 days;
//   baseline staff requirement = 3,125 / 179 = 17.46;
//   category allowance: 10 days of training a year, i.e. 10 / 179 of available working time.
// WISN required staff = (workload / standard workload) × CAF = 17.458… / (1 − 10/179) = 18.49.
// Mapping (docs/METHOD.md §10): working_days = A = 234, standard_hours = 5 × 8 = 40, the leave as
// {days} components, non_activity_time = ΣCAS, uplift_method exact.
TEST_CASE("worked example: WISN, Burmen et al. 2017 (Hum Resour Health 15:9, Table 3)", "[calc]") {
  Model model = zero_absence_model();
  model.review.working_days = at(234);
  model.review.standard_hours = at(40);
  state(model.assumptions, Component::BankHolidays, allowance_in(AllowanceUnit::Days, 10));
  state(model.assumptions, Component::AnnualLeave, allowance_in(AllowanceUnit::Days, 30));
  state(model.assumptions, Component::Sickness, allowance_in(AllowanceUnit::Days, 15));
  model.teams.push_back(team_of("hiv-clinic"));
  StaffingLine clinicians = line_of(0, 0);
  estab::Activities activities;
  activities.items = {{"consultation", at(100000), at(15)}};
  clinicians.activities = activities;
  model.teams[0].lines.push_back(clinicians);

  // WISN from the published numbers.
  const double hours_per_day = 8;
  const double workload_hours = 100000 * 0.25;                                   // 25,000 h
  const double available_working_time = (234 - (10 + 30 + 15)) * hours_per_day;  // 1,432 h
  const double baseline_staff = workload_hours / available_working_time;
  const double category_allowance = 10.0 / 179.0;
  const double wisn_required = baseline_staff / (1 - category_allowance);
  REQUIRE(model.review.contracted_hours_per_wte() * (1 - 55.0 / 234) ==
          near(available_working_time));  // AWT = H_y × (1 − a)

  SECTION("baseline, before the category allowance: 17.46 staff") {
    const estab::LineResult result = single_line(model);
    CHECK(result.required_wte == near(baseline_staff));
    CHECK(std::round(result.required_wte * 100) / 100 == Approx(17.46));
  }
  SECTION("with the category allowance stated as days of available time") {
    model.teams[0].lines[0].activities->non_activity_time = allowance_in(AllowanceUnit::Days, 10);
    const estab::LineResult result = single_line(model);
    CHECK(result.demand.non_activity_fraction == near(category_allowance));
    CHECK(result.required_wte == near(wisn_required));
    CHECK(std::round(result.required_wte * 100) / 100 == Approx(18.49));
  }
  SECTION("with the category allowance stated as a percentage (ΣCAS)") {
    model.teams[0].lines[0].activities->non_activity_time = percent(category_allowance);
    CHECK(single_line(model).required_wte == near(wisn_required));
  }
  SECTION("individual allowance (not in this study; WHO WISN manual formula IAF = ΣIAS / AWT)") {
    model.teams[0].lines[0].activities->non_activity_time = percent(category_allowance);
    model.teams[0].lines[0].activities->individual_allowance_hours = at(143.2);
    const double individual_allowance_factor = 143.2 / available_working_time;  // 0.1
    CHECK(single_line(model).required_wte == near(wisn_required + individual_allowance_factor));
  }
}

// NHS Scotland's nursing and midwifery workload tools use a 22.5% predicted absence allowance.
TEST_CASE("worked example: NHS Scotland 22.5% predicted absence allowance", "[calc]") {
  Model model = zero_absence_model();
  state(model.assumptions, Component::AnnualLeave, percent(0.225));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 100));  // 100 productive WTE

  model.review.uplift_method.value = estab::UpliftMethod::Additive;
  estab::LineResult result = single_line(model);
  CHECK(1 + result.uplift_applied == near(1.225));
  CHECK(result.required_wte == near(122.5));

  model.review.uplift_method.value = estab::UpliftMethod::Exact;
  result = single_line(model);
  CHECK(1 + result.uplift_applied == near(1 / 0.775));
  CHECK(1 + result.uplift_applied == Approx(1.2903).margin(5e-5));
  CHECK(result.additive_shortfall_wte == near(100 * (1 / 0.775 - 1.225)));
  CHECK(result.additive_shortfall_wte == Approx(6.53).margin(5e-3));
}

// docs/METHOD.md §6.2: at a = 22%, summing the percentages loses 6.2 WTE per 100 productive WTE.
TEST_CASE("worked example: docs/METHOD.md §6.2, 6.2 WTE shortfall per 100 productive WTE at 22%",
          "[calc]") {
  Model model = zero_absence_model();
  state(model.assumptions, Component::AnnualLeave, percent(0.22));
  model.teams.push_back(team_of("ward"));
  model.teams[0].lines.push_back(line_of(0, 37.5 * 100));
  const estab::LineResult result = single_line(model);
  CHECK(result.productive_wte == near(100));
  CHECK(result.additive_shortfall_wte == near(100 * (1 / 0.78 - 1.22)));
  CHECK(std::round(result.additive_shortfall_wte * 10) / 10 == Approx(6.2));
}
