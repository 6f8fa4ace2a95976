// Property tests of the calculation (docs/METHOD.md §3 to §8), part 1: over generated models,
// required WTE never falls when an absence component, headcount or any demand rises (monotonicity).
//
// Every generated model comes from tests/support/model_generator.hpp: a std::mt19937 with a
// seed taken from a fixed table, so a failure names its seed and is reproducible.
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "estab/calc.hpp"
#include "estab/model.hpp"
#include "estab/sensitivity.hpp"
#include "support/model_generator.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Allowance;
using estab::AllowanceUnit;
using estab::AssumptionSet;
using estab::Component;
using estab::LineResult;
using estab::Model;
using estab::ReviewResult;
using estab::StaffingLine;
using estab::UpliftMethod;
using namespace estab::testing;

/// Both uplift conventions, for properties that must hold under either.
constexpr std::array<UpliftMethod, 2> kMethods = {UpliftMethod::Exact, UpliftMethod::Additive};

/// The name of an uplift method, for messages.
const char* method_name(UpliftMethod method) {
  return method == UpliftMethod::Exact ? "exact" : "additive";
}

// ---------------------------------------------------------------------------------------------
// Changes that raise an assumption

/// Every assumption set of a model: organisation, professions, teams and lines.
std::vector<AssumptionSet*> every_assumption_set(Model& model) {
  std::vector<AssumptionSet*> sets = {&model.assumptions};
  for (estab::Profession& profession : model.professions) sets.push_back(&profession.assumptions);
  for (estab::Team& team : model.teams) {
    sets.push_back(&team.assumptions);
    for (StaffingLine& line : team.lines) sets.push_back(&line.assumptions);
  }
  return sets;
}

/// Multiplies what an allowance states (its amount, or each band's days) by `factor`.
void scale_allowance(Allowance& allowance, double factor) {
  if (allowance.unit == AllowanceUnit::ByService) {
    for (estab::LeaveBand& band : allowance.bands) band.days.value *= factor;
  } else {
    allowance.amount *= factor;
  }
}

/// Raises a fixed component on every line: each stated allowance × `factor`, and a default
/// (annual leave 27 days, bank holidays 8) stated at the organisation × `factor`.
void raise_component(Model& model, std::size_t component, double factor) {
  const auto fixed_component = static_cast<Component>(component);
  const bool organisation_states = model.assumptions.fixed.find(fixed_component) != nullptr;
  for (AssumptionSet* set : every_assumption_set(model)) {
    if (const estab::Allowance* stated = set->fixed.find(fixed_component)) {
      estab::Allowance raised = *stated;
      scale_allowance(raised, factor);
      set->fixed.set(fixed_component, std::move(raised));
    }
  }
  if (!organisation_states) {
    if (fixed_component == Component::AnnualLeave) {
      model.assumptions.fixed.set(fixed_component,
                                  allowance_in(AllowanceUnit::Days, 27.0 * factor));
    } else if (fixed_component == Component::BankHolidays) {
      model.assumptions.fixed.set(fixed_component, allowance_in(AllowanceUnit::Days, 8.0 * factor));
    }
  }
}

/// Raises a named `additional` component wherever it is stated.
void raise_additional(Model& model, const std::string& name, double factor) {
  for (AssumptionSet* set : every_assumption_set(model)) {
    for (estab::NamedAllowance& named : set->additional) {
      if (named.name == name) scale_allowance(named.allowance, factor);
    }
  }
}

/// Raises headcount per WTE on every line (the default of 1 stated at the organisation).
void raise_headcount(Model& model, double factor) {
  const bool organisation_states = model.assumptions.headcount_per_wte.has_value();
  for (AssumptionSet* set : every_assumption_set(model)) {
    if (set->headcount_per_wte) set->headcount_per_wte->value *= factor;
  }
  if (!organisation_states) model.assumptions.headcount_per_wte = at(factor);
}

/// The ways one line's demand can rise.
enum class DemandChange {
  HoursPerWeek,
  Roster,
  Observations,
  Caseload,
  NonCaseloadTime,
  Activities,
  NonActivityTime,
  IndividualAllowance,
};
constexpr std::array<DemandChange, 8> kDemandChanges = {
    DemandChange::HoursPerWeek,    DemandChange::Roster,
    DemandChange::Observations,    DemandChange::Caseload,
    DemandChange::NonCaseloadTime, DemandChange::Activities,
    DemandChange::NonActivityTime, DemandChange::IndividualAllowance};

/// Raises one demand model of `line` by `step` (creating it when the line has none).
/// `current` is the line's result before the change, for its shares of available time.
void raise_demand(StaffingLine& line, const LineResult& current, DemandChange change, double step) {
  switch (change) {
    case DemandChange::HoursPerWeek:
      line.hours_per_week = at((line.hours_per_week ? line.hours_per_week->value : 0.0) + step);
      break;
    case DemandChange::Roster:
      if (line.roster.empty()) {
        line.roster.push_back(estab::RosterShift{"extra", at(step), at(7.5), at(7.0)});
      } else {
        line.roster.front().staff.value += step;
      }
      break;
    case DemandChange::Observations:
      if (!line.observations) line.observations = estab::Observations{at(0.0), at(7.0)};
      line.observations->hours_per_day.value += step;
      break;
    case DemandChange::Caseload:
      if (!line.caseload) line.caseload = estab::Caseload{};
      line.caseload->bands.push_back(estab::CaseloadBand{"extra", at(step), at(2.0)});
      break;
    case DemandChange::NonCaseloadTime:
      if (line.caseload) {
        line.caseload->non_caseload_time = allowance_in(
            AllowanceUnit::Percent, current.demand.non_caseload_fraction + step / 100.0);
      }
      break;
    case DemandChange::Activities:
      if (!line.activities) line.activities = estab::Activities{};
      line.activities->items.push_back(estab::Activity{"extra", at(step * 10.0), at(30.0)});
      break;
    case DemandChange::NonActivityTime:
      if (line.activities) {
        line.activities->non_activity_time = allowance_in(
            AllowanceUnit::Percent, current.demand.non_activity_fraction + step / 100.0);
      }
      break;
    case DemandChange::IndividualAllowance:
      if (!line.activities) line.activities = estab::Activities{};
      line.activities->individual_allowance_hours.value += step * 10.0;
      break;
  }
}

/// Records every line (and the organisation total) whose required WTE fell from `before` to
/// `after`.
void record_falls(const ReviewResult& before, const ReviewResult& after, const std::string& change,
                  std::vector<std::string>& failures) {
  if (before.lines.size() != after.lines.size()) {
    failures.push_back(change + ": the number of lines changed");
    return;
  }
  for (std::size_t index = 0; index < before.lines.size(); ++index) {
    const LineResult& old_line = before.lines[index];
    const LineResult& new_line = after.lines[index];
    if (!(new_line.required_wte >= old_line.required_wte)) {
      std::ostringstream message;
      message.precision(17);
      message << change << ": line " << index << " (" << old_line.team->id << ", "
              << old_line.profession->id << ") required_wte fell from " << old_line.required_wte
              << " to " << new_line.required_wte;
      failures.push_back(message.str());
    }
  }
  if (!(after.organisation.required_wte >= before.organisation.required_wte)) {
    std::ostringstream message;
    message.precision(17);
    message << change << ": the organisation's required_wte fell from "
            << before.organisation.required_wte << " to " << after.organisation.required_wte;
    failures.push_back(message.str());
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// (a) Monotonicity

TEST_CASE("required WTE never falls when an absence component or headcount rises", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 151u));
  for (const UpliftMethod method : kMethods) {
    INFO("seed " << seed << ", " << method_name(method) << " uplift");
    const Model model = generated_model(seed, method);
    const ReviewResult before = estab::compute_review(model);
    ModelGenerator steps(seed + 1000u);
    std::vector<std::string> failures;

    for (std::size_t component = 0; component < estab::kFixedComponentCount; ++component) {
      Model raised = model;
      raise_component(raised, component, 1.0 + steps.uniform(0.01, 0.2));
      record_falls(
          before, estab::compute_review(raised),
          std::string("raising ") + estab::component_key(static_cast<Component>(component)),
          failures);
    }
    for (const char* name : kAdditionalNames) {
      Model raised = model;
      raise_additional(raised, name, 1.0 + steps.uniform(0.01, 0.2));
      record_falls(before, estab::compute_review(raised), std::string("raising ") + name, failures);
    }
    {
      Model raised = model;
      raise_headcount(raised, 1.0 + steps.uniform(0.01, 0.2));
      record_falls(before, estab::compute_review(raised), "raising headcount_per_wte", failures);
    }
    // One line's component raised at the line itself: that line rises, no other line moves.
    std::size_t line_position = 0;
    for (std::size_t team = 0; team < model.teams.size(); ++team) {
      for (std::size_t line = 0; line < model.teams[team].lines.size(); ++line, ++line_position) {
        const std::size_t component = steps.count(0, estab::kFixedComponentCount - 1);
        Model raised = model;
        const double resolved = before.lines[line_position].absence.components[component].fraction;
        raised.teams[team].lines[line].assumptions.fixed.set(
            static_cast<Component>(component),
            allowance_in(AllowanceUnit::Percent, resolved + steps.uniform(0.001, 0.05)));
        const ReviewResult after = estab::compute_review(raised);
        record_falls(before, after, "raising one line's component", failures);
        for (std::size_t other = 0; other < before.lines.size(); ++other) {
          if (other != line_position &&
              after.lines[other].required_wte != before.lines[other].required_wte) {
            failures.push_back("raising line " + std::to_string(line_position) +
                               "'s component moved line " + std::to_string(other));
          }
        }
      }
    }
    CHECK(failures == std::vector<std::string>{});
  }
}

TEST_CASE("required WTE never falls when any demand rises", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 151u));
  for (const UpliftMethod method : kMethods) {
    INFO("seed " << seed << ", " << method_name(method) << " uplift");
    const Model model = generated_model(seed, method);
    const ReviewResult before = estab::compute_review(model);
    ModelGenerator steps(seed + 2000u);
    std::vector<std::string> failures;
    std::size_t line_position = 0;
    for (std::size_t team = 0; team < model.teams.size(); ++team) {
      for (std::size_t line = 0; line < model.teams[team].lines.size(); ++line, ++line_position) {
        for (std::size_t kind = 0; kind < kDemandChanges.size(); ++kind) {
          Model raised = model;
          raise_demand(raised.teams[team].lines[line], before.lines[line_position],
                       kDemandChanges[kind], steps.uniform(0.01, 5.0));
          const ReviewResult after = estab::compute_review(raised);
          const std::string change =
              "demand change " + std::to_string(kind) + " on line " + std::to_string(line_position);
          record_falls(before, after, change, failures);
          if (!(after.lines[line_position].demand_hours_per_week >=
                before.lines[line_position].demand_hours_per_week)) {
            failures.push_back(change + ": demand hours fell");
          }
        }
      }
    }
    // Demand scaled up on every line at once (the sensitivity's `demand`).
    estab::Scaling more_demand;
    more_demand.target = estab::Scaling::Target::Demand;
    more_demand.factor = 1.0 + steps.uniform(0.01, 0.5);
    record_falls(before, estab::compute_review(model, more_demand), "scaling demand up", failures);
    CHECK(failures == std::vector<std::string>{});
  }
}
