// Distinct sets of absence assumptions: the lines that share every resolved component (name,
// fraction and source) and headcount per WTE, with their sums, for the finance view of uplift.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "estab/calc.hpp"

namespace estab {

namespace {

/// Adds `value` to an optional sum that starts out null.
void add_to(std::optional<double>& sum, double value) {
  sum = sum.value_or(0.0) + value;
}

/// A key that two lines share exactly when they have the same assumptions: the headcount per
/// WTE and, in order, each component's name, fraction and source.
std::string assumption_key(const ResolvedAbsence& absence) {
  std::string key;
  const auto add_number = [&key](double value) {
    if (value == 0.0) value = 0.0;  // -0 and +0 compare equal, so they share a key
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
  };
  add_number(absence.headcount_per_wte);
  for (const AbsenceComponent& component : absence.components) {
    const std::size_t name_length = component.component.size();
    key.append(reinterpret_cast<const char*>(&name_length), sizeof name_length);
    key += component.component;
    add_number(component.fraction);
    key.push_back(static_cast<char>(component.source));
  }
  return key;
}

}  // namespace

AbsenceHours absence_hours(const ResolvedAbsence& absence, const ReviewSettings& review) {
  const double contracted_hours_per_wte = review.contracted_hours_per_wte();
  AbsenceHours hours;
  hours.components.reserve(absence.components.size());
  for (const AbsenceComponent& component : absence.components) {
    hours.components.push_back(component.fraction * contracted_hours_per_wte);
  }
  hours.total = absence.total * contracted_hours_per_wte;
  return hours;
}

ResolvedAbsence organisation_default_absence(const Model& model) {
  const Team team;  // states nothing
  StaffingLine line;
  line.profession_index = model.professions.size();  // of no profession: that level is skipped
  return resolve_absence(model, team, line);         // `stated` points into `model`
}

std::vector<AssumptionGroup> group_assumptions(const ReviewResult& review) {
  std::vector<AssumptionGroup> groups;
  std::unordered_map<std::string, std::size_t> group_of_key;  // one pass, however many groups
  for (const LineResult& line : review.lines) {
    const auto [found, inserted] =
        group_of_key.emplace(assumption_key(line.absence), groups.size());
    if (inserted) groups.emplace_back().first = &line;
    AssumptionGroup* group = &groups[found->second];
    group->lines.push_back(&line);
    group->productive_wte += line.productive_wte;
    group->additive_shortfall_wte += line.additive_shortfall_wte;
    if (line.cost_per_wte) {
      const double cost = *line.cost_per_wte;
      add_to(group->additive_shortfall_cost, line.additive_shortfall_wte * cost);
      add_to(group->exact_uplift_cost, line.productive_wte * line.uplift_exact * cost);
      add_to(group->additive_uplift_cost, line.productive_wte * line.uplift_additive * cost);
    }
    if (line.uplift_cost) {
      add_to(group->uplift_cost, *line.uplift_cost);
    }
  }
  if (review.model == nullptr) throw std::logic_error("the review result has no model");
  for (AssumptionGroup& group : groups) {
    const LineResult& first = *group.first;
    group.hours = absence_hours(first.absence, review.model->review);
    group.exact_uplift_wte = group.productive_wte * first.uplift_exact;
    group.additive_uplift_wte = group.productive_wte * first.uplift_additive;
    group.uplift_shortfall = first.uplift_exact - first.uplift_additive;
  }
  return groups;
}

OrganisationAbsence organisation_absence(const ReviewResult& review) {
  double weight_sum = 0.0;
  for (const LineResult& line : review.lines) weight_sum += line.productive_wte;
  const bool by_productive_wte = weight_sum > 0.0;
  if (!by_productive_wte) weight_sum = static_cast<double>(review.lines.size());
  OrganisationAbsence absence;
  if (weight_sum == 0.0) return absence;
  std::unordered_map<std::string_view, std::size_t> position_of;
  for (const LineResult& line : review.lines) {
    const double weight = (by_productive_wte ? line.productive_wte : 1.0) / weight_sum;
    for (const AbsenceComponent& component : line.absence.components) {
      const auto [found, inserted] =
          position_of.try_emplace(component.component, absence.components.size());
      if (inserted) absence.components.push_back({component.component, 0.0});
      absence.components[found->second].fraction += weight * component.fraction;
    }
    absence.total += weight * line.absence.total;
    absence.uplift_exact += weight * line.uplift_exact;
    absence.uplift_additive += weight * line.uplift_additive;
    absence.uplift_applied += weight * line.uplift_applied;
  }
  return absence;
}

}  // namespace estab
