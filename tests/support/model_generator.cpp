// The generator of the property tests (see model_generator.hpp).
#include "support/model_generator.hpp"

#include <string>
#include <utility>

#include "support/test_support.hpp"

namespace estab::testing {

Model ModelGenerator::model() {
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
    if (chance(0.1)) team.skill_mix.no_target = true;
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

double ModelGenerator::uniform(double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(random_);
}

bool ModelGenerator::chance(double probability) {
  return std::bernoulli_distribution(probability)(random_);
}

std::size_t ModelGenerator::count(std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(random_);
}

double ModelGenerator::amount(double high) {
  return chance(0.1) ? 0.0 : uniform(0.0, high);
}

Allowance ModelGenerator::absence_allowance(std::size_t component) {
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

Allowance ModelGenerator::available_time_allowance() {
  switch (count(0, 3)) {
    case 0: return allowance_in(AllowanceUnit::Percent, amount(0.4));
    case 1: return allowance_in(AllowanceUnit::Days, amount(20.0));
    case 2: return allowance_in(AllowanceUnit::Hours, amount(100.0));
    default: return allowance_in(AllowanceUnit::MinutesPerDay, amount(60.0));
  }
}

AssumptionSet ModelGenerator::assumption_set(double stated, double headcount) {
  AssumptionSet set;
  for (std::size_t index = 0; index < estab::kFixedComponentCount; ++index) {
    if (chance(stated)) set.fixed.set(static_cast<Component>(index), absence_allowance(index));
  }
  for (const char* name : kAdditionalNames) {  // sorted by name, as the loader keeps them
    if (!chance(stated / 3.0)) continue;
    set.additional.push_back(
        estab::NamedAllowance{name, chance(0.5) ? allowance_in(AllowanceUnit::Percent, amount(0.01))
                                                : allowance_in(AllowanceUnit::Days, amount(2.0))});
  }
  if (chance(headcount)) set.headcount_per_wte = at(uniform(1.0, 1.3));
  return set;
}

StaffingLine ModelGenerator::line(std::size_t profession) {
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

Model generated_model(std::uint32_t seed, UpliftMethod method) {
  ModelGenerator generator(seed);
  Model model = generator.model();
  model.review.uplift_method.value = method;
  return model;
}

}  // namespace estab::testing
