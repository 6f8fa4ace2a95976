// Property tests of the calculation (SPEC §4, §5, §6, §7.1) over generated models: required WTE
// never falls when absence or demand rises, the additive uplift never exceeds the exact one,
// roll-ups are the sums of their lines, sensitivity brackets the base, and the JSON keeps every
// number exactly. Then numeric edges: huge and tiny values, all zeros, empty teams and unused
// professions each give finite output or a clear InputError.
//
// Every generated model comes from a std::mt19937 with a seed taken from a fixed table, so a
// failure names its seed and is reproducible. The generator keeps each line's absence below
// 45% and every share of available time below 40%, so that a raised or scaled assumption
// (at most +5% or ×1.5) stays a valid model.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/load.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"

namespace {

using estab::Allowance;
using estab::AllowanceUnit;
using estab::AssumptionSet;
using estab::Component;
using estab::LineResult;
using estab::Located;
using estab::Model;
using estab::ReviewResult;
using estab::StaffingLine;
using estab::Totals;
using estab::UpliftMethod;

/// Relative tolerance of a roll-up against the sum of its lines.
constexpr double kRelativeTolerance = 1e-9;

/// Both uplift conventions, for properties that must hold under either.
constexpr std::array<UpliftMethod, 2> kMethods = {UpliftMethod::Exact, UpliftMethod::Additive};

/// The names `additional` components are drawn from.
const std::array<const char*, 3> kAdditionalNames = {"jury_service", "mentoring", "union_duties"};

/// A value with no source location.
Located<double> at(double value) {
  return Located<double>{value, {}};
}

/// An allowance of `amount` in `unit`.
Allowance allowance_in(AllowanceUnit unit, double amount) {
  Allowance allowance;
  allowance.unit = unit;
  allowance.amount = amount;
  return allowance;
}

/// The name of an uplift method, for messages.
const char* method_name(UpliftMethod method) {
  return method == UpliftMethod::Exact ? "exact" : "additive";
}

// ---------------------------------------------------------------------------------------------
// The generator

/// Builds a random but valid Model from a seed.
class ModelGenerator {
 public:
  explicit ModelGenerator(std::uint32_t seed) : random_(seed) {}

  /// The whole model: review settings, assumptions, professions, services and teams.
  Model model() {
    Model model;
    if (chance(0.7)) model.review.working_days = at(uniform(200.0, 366.0));
    if (chance(0.7)) model.review.standard_hours = at(uniform(20.0, 48.0));
    model.review.gap_tolerance = at(uniform(0.0, 0.1));
    model.review.uplift_method.value = chance(0.5) ? UpliftMethod::Exact : UpliftMethod::Additive;
    model.assumptions = assumption_set(0.7, 0.6);
    if (chance(0.5)) model.skill_mix.registered_target = at(uniform(0.2, 0.9));
    if (chance(0.5)) model.skill_mix.tolerance = at(uniform(0.01, 0.1));

    const std::size_t profession_count = count(1, 5);
    for (std::size_t index = 0; index < profession_count; ++index) {
      estab::Profession profession;
      profession.id = "p" + std::to_string(index);
      profession.name = profession.id;
      profession.registered = chance(0.5);
      if (chance(0.6)) profession.cost_per_wte = at(uniform(20000.0, 90000.0));
      profession.assumptions = assumption_set(0.25, 0.1);
      model.professions.push_back(profession);
    }
    const std::size_t service_count = count(0, 3);
    for (std::size_t index = 0; index < service_count; ++index) {
      const std::string id = "s" + std::to_string(index);
      model.services.push_back(estab::Service{id, id, {}});
    }
    const std::size_t team_count = count(1, 6);
    for (std::size_t index = 0; index < team_count; ++index) {
      estab::Team team;
      team.id = "t" + std::to_string(index);
      team.name = team.id;
      if (service_count > 0 && chance(0.7)) team.service_index = count(0, service_count - 1);
      team.assumptions = assumption_set(0.2, 0.1);
      if (chance(0.4)) team.skill_mix.registered_target = at(uniform(0.2, 0.9));
      if (chance(0.2)) team.skill_mix.tolerance = at(uniform(0.01, 0.1));
      if (chance(0.3)) {
        team.inpatient =
            estab::Inpatient{at(uniform(1.0, 30.0)), at(uniform(0.5, 1.0)), at(uniform(5.0, 20.0))};
      }
      for (std::size_t profession = 0; profession < profession_count; ++profession) {
        if (chance(0.6)) team.lines.push_back(line(profession));
      }
      model.teams.push_back(std::move(team));
    }
    return model;
  }

  /// A uniformly distributed number in [low, high).
  double uniform(double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random_);
  }
  /// True with probability `probability`.
  bool chance(double probability) { return std::bernoulli_distribution(probability)(random_); }
  /// A whole number in [low, high].
  std::size_t count(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(random_);
  }

 private:
  /// A non-negative amount: sometimes exactly zero, otherwise uniform in [0, high).
  double amount(double high) { return chance(0.1) ? 0.0 : uniform(0.0, high); }

  /// An absence allowance of at most 17.5% (annual leave), 5% (bank holidays) or 3% (others)
  /// of contracted time, whatever the time base (H_y ≥ 800 hours, working_days ≥ 200).
  Allowance absence_allowance(std::size_t component) {
    if (component == static_cast<std::size_t>(Component::AnnualLeave)) {
      switch (count(0, 3)) {
        case 0: return allowance_in(AllowanceUnit::Days, uniform(20.0, 35.0));
        case 1: return allowance_in(AllowanceUnit::Percent, uniform(0.08, 0.13));
        case 2: return allowance_in(AllowanceUnit::Hours, uniform(100.0, 140.0));
        default: {
          Allowance leave;
          leave.unit = AllowanceUnit::ByService;
          const std::size_t bands = count(1, 3);
          double remaining = 1.0;
          for (std::size_t band = 0; band < bands; ++band) {
            const double share = band + 1 == bands ? remaining : remaining * uniform(0.1, 0.9);
            remaining -= share;
            leave.bands.push_back(estab::LeaveBand{at(uniform(20.0, 35.0)), at(share)});
          }
          return leave;
        }
      }
    }
    if (component == static_cast<std::size_t>(Component::BankHolidays)) {
      return chance(0.5) ? allowance_in(AllowanceUnit::Days, amount(10.0))
                         : allowance_in(AllowanceUnit::Percent, amount(0.05));
    }
    switch (count(0, 3)) {
      case 0: return allowance_in(AllowanceUnit::Percent, amount(0.03));
      case 1: return allowance_in(AllowanceUnit::Days, amount(6.0));
      case 2: return allowance_in(AllowanceUnit::Hours, amount(24.0));
      default: return allowance_in(AllowanceUnit::HoursPerHead, amount(18.0));
    }
  }

  /// A share of available time of at most 40% (with absence below 65%).
  Allowance available_time_allowance() {
    switch (count(0, 3)) {
      case 0: return allowance_in(AllowanceUnit::Percent, amount(0.4));
      case 1: return allowance_in(AllowanceUnit::Days, amount(20.0));
      case 2: return allowance_in(AllowanceUnit::Hours, amount(100.0));
      default: return allowance_in(AllowanceUnit::MinutesPerDay, amount(60.0));
    }
  }

  /// An assumption set stating each component with probability `stated`.
  AssumptionSet assumption_set(double stated, double headcount) {
    AssumptionSet set;
    for (std::size_t index = 0; index < estab::kFixedComponentCount; ++index) {
      if (chance(stated)) set.fixed.set(static_cast<Component>(index), absence_allowance(index));
    }
    for (const char* name : kAdditionalNames) {  // sorted by name, as the loader keeps them
      if (!chance(stated / 3.0)) continue;
      set.additional.push_back(estab::NamedAllowance{
          name, chance(0.5) ? allowance_in(AllowanceUnit::Percent, amount(0.01))
                            : allowance_in(AllowanceUnit::Days, amount(2.0))});
    }
    if (chance(headcount)) set.headcount_per_wte = at(uniform(1.0, 1.3));
    return set;
  }

  /// A staffing line of `profession` with a random mix of demand models and staff.
  StaffingLine line(std::size_t profession) {
    StaffingLine line;
    line.profession_index = profession;
    line.assumptions = assumption_set(0.15, 0.1);
    const std::size_t shifts = count(0, 3);
    for (std::size_t shift = 0; shift < shifts; ++shift) {
      estab::RosterShift roster_shift;
      roster_shift.shift = "shift" + std::to_string(shift);
      roster_shift.staff = at(amount(5.0));
      roster_shift.paid_hours = at(amount(12.0));
      if (chance(0.5)) roster_shift.days_per_week = at(uniform(1.0, 7.0));
      line.roster.push_back(roster_shift);
    }
    if (chance(0.25)) {
      estab::Observations observations;
      observations.hours_per_day = at(amount(24.0));
      if (chance(0.5)) observations.days_per_week = at(uniform(1.0, 7.0));
      line.observations = observations;
    }
    if (chance(0.4)) {
      estab::Caseload caseload;
      if (chance(0.6)) caseload.non_caseload_time = available_time_allowance();
      const std::size_t bands = count(1, 3);
      for (std::size_t band = 0; band < bands; ++band) {
        caseload.bands.push_back(
            estab::CaseloadBand{"band" + std::to_string(band), at(amount(40.0)), at(amount(10.0))});
      }
      line.caseload = caseload;
    }
    if (chance(0.35)) {
      estab::Activities activities;
      if (chance(0.6)) activities.non_activity_time = available_time_allowance();
      if (chance(0.5)) activities.individual_allowance_hours = at(amount(200.0));
      const std::size_t items = count(1, 3);
      for (std::size_t item = 0; item < items; ++item) {
        activities.items.push_back(estab::Activity{"activity" + std::to_string(item),
                                                   at(amount(2000.0)), at(amount(120.0))});
      }
      line.activities = activities;
    }
    if (chance(0.5)) line.hours_per_week = at(amount(80.0));
    if (chance(0.3)) line.fixed_wte = at(amount(3.0));
    if (chance(0.3)) line.judgement_wte = at(amount(20.0));
    if (chance(0.8)) line.funded_wte = at(amount(30.0));
    if (chance(0.8)) line.in_post_wte = at(amount(30.0));
    if (chance(0.3)) line.cost_per_wte = at(uniform(20000.0, 90000.0));
    return line;
  }

  std::mt19937 random_;
};

/// The model of a seed, with the given uplift method.
Model generated_model(std::uint32_t seed, UpliftMethod method) {
  ModelGenerator generator(seed);
  Model model = generator.model();
  model.review.uplift_method.value = method;
  return model;
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
      model.assumptions.fixed.set(fixed_component, allowance_in(AllowanceUnit::Days, 27.0 * factor));
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

// ---------------------------------------------------------------------------------------------
// Roll-up sums

/// The sums over a set of lines that a roll-up must equal.
struct LineSums {
  std::size_t lines = 0;
  double productive_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  double net_gap_wte = 0.0;
  double additive_shortfall_wte = 0.0;
  double registered_required_wte = 0.0;
  double registered_funded_wte = 0.0;
  double registered_in_post_wte = 0.0;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
  std::optional<double> in_post_cost;
  std::optional<double> uplift_cost;
  double wte_scale = 0.0;   ///< Σ |every WTE figure|: what the tolerance is relative to
  double cost_scale = 0.0;  ///< Σ |every cost figure|

  /// Adds one line.
  void add(const LineResult& line) {
    ++lines;
    productive_wte += line.productive_wte;
    required_wte += line.required_wte;
    funded_wte += line.funded_wte;
    in_post_wte += line.in_post_wte;
    establishment_gap_wte += line.establishment_gap_wte;
    vacancy_wte += line.vacancy_wte;
    net_gap_wte += line.net_gap_wte;
    additive_shortfall_wte += line.additive_shortfall_wte;
    if (line.profession->registered) {
      registered_required_wte += line.required_wte;
      registered_funded_wte += line.funded_wte;
      registered_in_post_wte += line.in_post_wte;
    }
    wte_scale += std::fabs(line.productive_wte) + std::fabs(line.required_wte) +
                 std::fabs(line.funded_wte) + std::fabs(line.in_post_wte) +
                 std::fabs(line.additive_shortfall_wte);
    add_cost(required_cost, line.required_cost);
    add_cost(funded_cost, line.funded_cost);
    add_cost(in_post_cost, line.in_post_cost);
    add_cost(uplift_cost, line.uplift_cost);
  }

 private:
  void add_cost(std::optional<double>& total, const std::optional<double>& cost) {
    if (!cost) return;
    total = total.value_or(0.0) + *cost;
    cost_scale += std::fabs(*cost);
  }
};

/// Compares figures of one roll-up against the sums of its lines, recording mismatches.
class RollupChecker {
 public:
  RollupChecker(std::string label, std::vector<std::string>& failures)
      : label_(std::move(label)), failures_(failures) {}

  /// `actual` must equal `expected` within the relative tolerance of `scale`.
  void same(const char* field, double actual, double expected, double scale) {
    if (std::fabs(actual - expected) <= kRelativeTolerance * scale) return;
    std::ostringstream message;
    message.precision(17);
    message << label_ << "." << field << " is " << actual << ", the lines give " << expected;
    failures_.push_back(message.str());
  }

  /// Both null, or both present and equal within the relative tolerance of `scale`.
  void same(const char* field, const std::optional<double>& actual,
            const std::optional<double>& expected, double scale) {
    if (actual.has_value() != expected.has_value()) {
      failures_.push_back(label_ + "." + field + (actual ? " is set" : " is null") +
                          " but the lines give " + (expected ? "a value" : "null"));
      return;
    }
    if (actual) same(field, *actual, *expected, scale);
  }

  /// A rate or share: null when the denominator is zero, else numerator / denominator.
  void rate(const char* field, const std::optional<double>& actual, double numerator,
            double denominator) {
    const std::optional<double> expected =
        denominator == 0.0 ? std::nullopt : std::optional<double>(numerator / denominator);
    same(field, actual, expected, expected ? std::fabs(*expected) : 0.0);
  }

  /// Every summed field and every share of a Totals.
  void totals(const Totals& totals, const LineSums& sums, std::optional<double> target) {
    const double wte = sums.wte_scale;
    same("productive_wte", totals.productive_wte, sums.productive_wte, wte);
    same("required_wte", totals.required_wte, sums.required_wte, wte);
    same("funded_wte", totals.funded_wte, sums.funded_wte, wte);
    same("in_post_wte", totals.in_post_wte, sums.in_post_wte, wte);
    same("establishment_gap_wte", totals.establishment_gap_wte, sums.establishment_gap_wte, wte);
    same("vacancy_wte", totals.vacancy_wte, sums.vacancy_wte, wte);
    same("net_gap_wte", totals.net_gap_wte, sums.net_gap_wte, wte);
    same("additive_shortfall_wte", totals.additive_shortfall_wte, sums.additive_shortfall_wte, wte);
    same("registered_required_wte", totals.registered_required_wte, sums.registered_required_wte,
         wte);
    same("registered_funded_wte", totals.registered_funded_wte, sums.registered_funded_wte, wte);
    same("registered_in_post_wte", totals.registered_in_post_wte, sums.registered_in_post_wte, wte);
    same("required_cost", totals.required_cost, sums.required_cost, sums.cost_scale);
    same("funded_cost", totals.funded_cost, sums.funded_cost, sums.cost_scale);
    same("in_post_cost", totals.in_post_cost, sums.in_post_cost, sums.cost_scale);
    same("uplift_cost", totals.uplift_cost, sums.uplift_cost, sums.cost_scale);
    rate("registered_share_required", totals.registered_share_required,
         sums.registered_required_wte, sums.required_wte);
    rate("registered_share_funded", totals.registered_share_funded, sums.registered_funded_wte,
         sums.funded_wte);
    rate("registered_share_in_post", totals.registered_share_in_post, sums.registered_in_post_wte,
         sums.in_post_wte);
    same("registered_target", totals.registered_target, target, 1.0);
    const std::optional<double> registered_gap =
        target ? std::optional<double>(*target * sums.required_wte - sums.registered_in_post_wte)
               : std::nullopt;
    same("registered_gap_wte", totals.registered_gap_wte, registered_gap, wte);
  }

 private:
  std::string label_;
  std::vector<std::string>& failures_;
};

// ---------------------------------------------------------------------------------------------
// JSON

/// The bits of a double, so that equality means the very same number (and -0 ≠ +0).
std::uint64_t bits_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

/// Walks the document as written and as read back; records any number that is not the same
/// double, and any change of shape. Returns how many numbers were compared.
std::size_t compare_numbers(const nlohmann::ordered_json& written, const nlohmann::json& read,
                            const std::string& where, std::vector<std::string>& failures) {
  if (written.is_number()) {
    if (!read.is_number()) {
      failures.push_back(where + ": a number became " + read.dump());
      return 0;
    }
    const double before = written.get<double>();
    const double after = read.get<double>();
    if (bits_of(before) != bits_of(after)) {
      std::ostringstream message;
      message.precision(17);
      message << where << ": " << before << " read back as " << after;
      failures.push_back(message.str());
    }
    return 1;
  }
  if (written.type() != read.type()) {
    failures.push_back(where + ": " + written.dump() + " read back as " + read.dump());
    return 0;
  }
  std::size_t compared = 0;
  if (written.is_object()) {
    for (auto item = written.begin(); item != written.end(); ++item) {
      if (!read.contains(item.key())) {
        failures.push_back(where + "." + item.key() + " is missing after reading back");
        continue;
      }
      compared +=
          compare_numbers(item.value(), read.at(item.key()), where + "." + item.key(), failures);
    }
  } else if (written.is_array()) {
    if (written.size() != read.size()) {
      failures.push_back(where + ": the array changed length");
      return compared;
    }
    for (std::size_t index = 0; index < written.size(); ++index) {
      compared += compare_numbers(written[index], read[index],
                                  where + "[" + std::to_string(index) + "]", failures);
    }
  } else if (written.dump() != read.dump()) {
    failures.push_back(where + ": " + written.dump() + " read back as " + read.dump());
  }
  return compared;
}

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

/// The problems of a text that must fail to load, one string per problem.
std::vector<std::string> problems_of(const std::string& text) {
  try {
    estab::load_model_text(text, "in.yaml");
  } catch (const estab::InputError& error) {
    std::vector<std::string> problems;
    for (const estab::Diagnostic& problem : error.diagnostics()) {
      problems.push_back(problem.to_string());
    }
    return problems;
  }
  FAIL("the text loaded without problems");
  return {};
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

// ---------------------------------------------------------------------------------------------
// (b) The two uplift conventions

TEST_CASE("the additive uplift never exceeds the exact one, on every line", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 301u));
  INFO("seed " << seed);
  const Model exact_model = generated_model(seed, UpliftMethod::Exact);
  const Model additive_model = generated_model(seed, UpliftMethod::Additive);
  const ReviewResult exact = estab::compute_review(exact_model);
  const ReviewResult additive = estab::compute_review(additive_model);
  REQUIRE(exact.lines.size() == additive.lines.size());
  std::vector<std::string> failures;
  for (std::size_t index = 0; index < exact.lines.size(); ++index) {
    const LineResult& line = exact.lines[index];
    const std::string name = "line " + std::to_string(index);
    if (!(line.uplift_additive <= line.uplift_exact)) {
      failures.push_back(name + ": uplift_additive > uplift_exact");
    }
    if (!(line.additive_shortfall_wte >= 0.0)) {
      failures.push_back(name + ": negative additive shortfall");
    }
    if (!(additive.lines[index].required_wte <= line.required_wte)) {
      failures.push_back(name + ": required WTE is higher under the additive uplift");
    }
    // The shortfall is what the additive convention leaves out (SPEC §4.2).
    const double shortfall = line.required_wte - additive.lines[index].required_wte;
    if (std::fabs(line.additive_shortfall_wte - shortfall) >
        kRelativeTolerance * (line.required_wte + 1e-300)) {
      failures.push_back(name + ": additive_shortfall_wte is not exact − additive");
    }
  }
  if (!(additive.organisation.required_wte <= exact.organisation.required_wte)) {
    failures.push_back("organisation: required WTE is higher under the additive uplift");
  }
  CHECK(failures == std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// (c) Roll-ups

TEST_CASE("roll-up totals are the sums of their lines, shares from summed WTE", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 301u));
  INFO("seed " << seed);
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const ReviewResult review = estab::compute_review(model);
  std::vector<std::string> failures;

  std::size_t line_count = 0;
  for (const estab::Team& team : model.teams) line_count += team.lines.size();
  REQUIRE(review.lines.size() == line_count);
  REQUIRE(review.teams.size() == model.teams.size());

  const std::optional<double> organisation_target =
      model.skill_mix.registered_target
          ? std::optional<double>(model.skill_mix.registered_target->value)
          : std::nullopt;

  // Teams: each team's own lines, against its own target (else the organisation's).
  for (std::size_t team = 0; team < model.teams.size(); ++team) {
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.team == &model.teams[team]) sums.add(line);
    }
    CHECK(sums.lines == model.teams[team].lines.size());
    CHECK(review.teams[team].team == &model.teams[team]);
    const std::optional<double> target =
        model.teams[team].skill_mix.registered_target
            ? std::optional<double>(model.teams[team].skill_mix.registered_target->value)
            : organisation_target;
    RollupChecker("teams[" + model.teams[team].id + "]", failures)
        .totals(review.teams[team].totals, sums, target);
  }

  // Services: every declared service, then "(none)" when some team names no service.
  bool any_without_service = false;
  for (const estab::Team& team : model.teams) any_without_service |= !team.service_index;
  REQUIRE(review.services.size() == model.services.size() + (any_without_service ? 1 : 0));
  for (std::size_t index = 0; index < review.services.size(); ++index) {
    const estab::Service* service =
        index < model.services.size() ? &model.services[index] : nullptr;
    CHECK(review.services[index].service == service);
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.service == service) sums.add(line);
    }
    RollupChecker("services[" + (service ? service->id : std::string("(none)")) + "]", failures)
        .totals(review.services[index].totals, sums, organisation_target);
  }

  // The organisation: every line.
  LineSums all;
  for (const LineResult& line : review.lines) all.add(line);
  RollupChecker("organisation", failures).totals(review.organisation, all, organisation_target);

  // Professions: every line of the profession, organisation-wide, in declaration order.
  REQUIRE(review.professions.size() == model.professions.size());
  for (std::size_t index = 0; index < model.professions.size(); ++index) {
    const estab::ProfessionResult& result = review.professions[index];
    CHECK(result.profession == &model.professions[index]);
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.profession == &model.professions[index]) sums.add(line);
    }
    RollupChecker checker("professions[" + model.professions[index].id + "]", failures);
    const double wte = sums.wte_scale;
    checker.same("productive_wte", result.productive_wte, sums.productive_wte, wte);
    checker.same("required_wte", result.required_wte, sums.required_wte, wte);
    checker.same("funded_wte", result.funded_wte, sums.funded_wte, wte);
    checker.same("in_post_wte", result.in_post_wte, sums.in_post_wte, wte);
    checker.same("establishment_gap_wte", result.establishment_gap_wte, sums.establishment_gap_wte,
                 wte);
    checker.same("vacancy_wte", result.vacancy_wte, sums.vacancy_wte, wte);
    checker.same("net_gap_wte", result.net_gap_wte, sums.net_gap_wte, wte);
    checker.same("required_cost", result.required_cost, sums.required_cost, sums.cost_scale);
    checker.same("funded_cost", result.funded_cost, sums.funded_cost, sums.cost_scale);
    checker.rate("vacancy_rate", result.vacancy_rate, sums.funded_wte - sums.in_post_wte,
                 sums.funded_wte);
    checker.rate("net_gap_rate", result.net_gap_rate, sums.required_wte - sums.in_post_wte,
                 sums.required_wte);
  }
  CHECK(failures == std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// (d) Sensitivity

TEST_CASE("sensitivity: down ≤ base ≤ up for every assumption", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 101u));
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const double change = generator.uniform(0.01, 0.5);
  INFO("seed " << seed << ", change " << change);
  const estab::SensitivityResult result = estab::run_sensitivity(model, change);
  const ReviewResult base = estab::compute_review(model);

  CHECK(bits_of(result.required_wte) == bits_of(base.organisation.required_wte));
  CHECK(result.required_cost.has_value() == base.organisation.required_cost.has_value());
  const std::vector<std::string> listed = estab::sensitivity_assumptions(model);
  std::multiset<std::string> scaled;
  for (const estab::SensitivityComponent& component : result.components) {
    scaled.insert(component.component);
  }
  CHECK(std::multiset<std::string>(listed.begin(), listed.end()) == scaled);

  std::vector<std::string> failures;
  for (const estab::SensitivityComponent& component : result.components) {
    std::ostringstream figures;
    figures.precision(17);
    figures << component.component << ": " << component.required_wte_down << " / "
            << result.required_wte << " / " << component.required_wte_up;
    if (!(component.required_wte_down <= result.required_wte &&
          result.required_wte <= component.required_wte_up)) {
      failures.push_back("WTE " + figures.str());
    }
    if (component.required_cost_down.has_value() != result.required_cost.has_value() ||
        component.required_cost_up.has_value() != result.required_cost.has_value()) {
      failures.push_back(component.component + ": a cost is null on one side only");
    } else if (result.required_cost && !(*component.required_cost_down <= *result.required_cost &&
                                         *result.required_cost <= *component.required_cost_up)) {
      failures.push_back("cost of " + component.component);
    }
  }
  CHECK(failures == std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// (e) JSON round trip

TEST_CASE("the review JSON read back keeps every number exactly", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 151u));
  INFO("seed " << seed);
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const ReviewResult review = estab::compute_review(model);
  const nlohmann::ordered_json written = estab::review_to_json(review);
  const nlohmann::json read = nlohmann::json::parse(written.dump());

  std::vector<std::string> failures;
  const std::size_t compared = compare_numbers(written, read, "review", failures);
  CHECK(failures == std::vector<std::string>{});
  CHECK(compared > review.lines.size() * 20);

  // And the numbers read back are the computed ones, bit for bit.
  REQUIRE(read.at("lines").size() == review.lines.size());
  for (std::size_t index = 0; index < review.lines.size(); ++index) {
    const nlohmann::json& line = read.at("lines").at(index);
    const LineResult& result = review.lines[index];
    CHECK(bits_of(line.at("required_wte").get<double>()) == bits_of(result.required_wte));
    CHECK(bits_of(line.at("productive_wte").get<double>()) == bits_of(result.productive_wte));
    CHECK(bits_of(line.at("demand_hours_per_week").get<double>()) ==
          bits_of(result.demand_hours_per_week));
    CHECK(bits_of(line.at("absence_total").get<double>()) == bits_of(result.absence.total));
    REQUIRE(line.at("absence").size() == result.absence.components.size());
    for (std::size_t component = 0; component < result.absence.components.size(); ++component) {
      CHECK(bits_of(line.at("absence").at(component).at("fraction").get<double>()) ==
            bits_of(result.absence.components[component].fraction));
    }
  }
  CHECK(bits_of(read.at("organisation").at("required_wte").get<double>()) ==
        bits_of(review.organisation.required_wte));
}

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
  CHECK(organisation.skill_mix_rag == estab::Rag::Red);  // a target and nobody in post
  REQUIRE(organisation.registered_gap_wte.has_value());
  CHECK(*organisation.registered_gap_wte == 0.0);
  REQUIRE(review.teams.at(0).chppd_planned.has_value());
  CHECK(*review.teams.at(0).chppd_planned == 0.0);
  REQUIRE(review.teams.at(0).judgement_wte.has_value());
  CHECK(*review.teams.at(0).judgement_wte == 0.0);
  for (const estab::ProfessionResult& profession : review.professions) {
    CHECK_FALSE(profession.vacancy_rate.has_value());
    CHECK_FALSE(profession.net_gap_rate.has_value());
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
  CHECK(unused.required_wte == 0.0);
  CHECK(unused.funded_wte == 0.0);
  CHECK(unused.in_post_wte == 0.0);
  CHECK_FALSE(unused.vacancy_rate.has_value());
  CHECK_FALSE(unused.net_gap_rate.has_value());
  CHECK_FALSE(unused.required_cost.has_value());
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
