// Actuals against assumptions: each line's actual absence against its assumed absence, and
// every roll-up's actual absence, bank and agency staff and leavers, recomputed from summed
// parts (rates are never summed or averaged).

#include "calc/actuals.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "estab/arithmetic.hpp"

namespace estab::calc {
namespace {

/// The amber band of the temporary staffing RAG, as a multiple of the threshold.
constexpr double kTemporaryAmberFactor = 1.5;

/// Green up to `tolerance`, amber up to `amber_factor` × it, red beyond (edges inside).
Rag rating(double value, double tolerance, double amber_factor) {
  if (at_most(value, tolerance)) return Rag::Green;
  if (at_most(value, amber_factor * tolerance)) return Rag::Amber;
  return Rag::Red;
}

/// Adds `amount` to an optional sum, starting it at zero.
void add_to(std::optional<double>& sum, double amount) {
  sum = sum.value_or(0.0) + amount;
}

/// Adds a stated quantity to an optional sum; an unstated one leaves it as it is.
void add_stated(std::optional<double>& sum, const std::optional<Located<double>>& stated) {
  if (stated) add_to(sum, stated->value);
}

/// `numerator` ÷ `denominator`, null when either is unknown or the denominator is 0.
std::optional<double> share(const std::optional<double>& numerator,
                            const std::optional<double>& denominator) {
  if (!numerator || !denominator) return std::nullopt;
  return rate_of(*numerator, *denominator);
}

/// The assumed fraction of the `additional` component `name` on a line (0 when not assumed).
double assumed_additional(const ResolvedAbsence& absence, std::string_view name) {
  const auto first = absence.components.begin() + static_cast<std::ptrdiff_t>(kFixedComponentCount);
  const auto found =
      std::lower_bound(first, absence.components.end(), name,
                       [](const AbsenceComponent& component, std::string_view wanted) {
                         return component.component < wanted;
                       });
  if (found == absence.components.end() || found->component != name) return 0.0;
  return found->fraction;
}

/// Sickness as FTE days lost over FTE days available (the loader keeps no days without any
/// available).
double days_fraction(const SicknessDays& days) {
  return rate_of(days.lost, days.available).value_or(0.0);
}

/// The rank of a component in output order: the fixed ones first, then the others by name.
std::pair<std::size_t, std::string_view> component_rank(std::string_view name) {
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    if (name == component_key(static_cast<Component>(index))) return {index, {}};
  }
  return {kFixedComponentCount, name};
}

}  // namespace

std::optional<ActualComponent> line_actual(const Model& model, const Team& team,
                                           const StaffingLine& line, Component component,
                                           double headcount_per_wte, double assumed) {
  const std::string_view name = component_key(component);
  const ReviewSettings& review = model.review;
  if (const Allowance* stated = line.actuals.absence.fixed.find(component)) {
    return ActualComponent{name, allowance_fraction(*stated, review, headcount_per_wte), assumed,
                           AssumptionLevel::Line, nullptr};
  }
  const bool sickness = component == Component::Sickness;
  if (sickness && line.extract.sickness_days) {
    return ActualComponent{name, days_fraction(*line.extract.sickness_days), assumed,
                           AssumptionLevel::Line, &*line.extract.sickness_days};
  }
  if (const Allowance* stated = team.actuals.absence.fixed.find(component)) {
    return ActualComponent{name, allowance_fraction(*stated, review, headcount_per_wte), assumed,
                           AssumptionLevel::Team, nullptr};
  }
  if (sickness && team.sickness_days) {
    return ActualComponent{name, days_fraction(*team.sickness_days), assumed, AssumptionLevel::Team,
                           &*team.sickness_days};
  }
  return std::nullopt;
}

bool has_actual_sickness(const Model& model) {
  for (const Team& team : model.teams) {
    if (team.sickness_days || team.actuals.absence.fixed.find(Component::Sickness)) return true;
    for (const StaffingLine& line : team.lines) {
      if (line.extract.sickness_days || line.actuals.absence.fixed.find(Component::Sickness)) {
        return true;
      }
    }
  }
  return false;
}

void compute_line_actuals(const Model& model, const Team& team, const StaffingLine& line,
                          LineResult& result, const RequiredAtAbsence& required_at) {
  const ReviewSettings& review = model.review;
  const double headcount = result.absence.headcount_per_wte;
  AbsenceActuals& actuals = result.actuals;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    const auto component = static_cast<Component>(index);
    if (auto actual = line_actual(model, team, line, component, headcount,
                                  result.absence.components[index].fraction)) {
      actuals.components.push_back(*actual);
    }
  }
  // The others by name: the line's where it states one, else the team's (both sorted).
  const std::vector<NamedAllowance>& own = line.actuals.absence.additional;
  const std::vector<NamedAllowance>& inherited = team.actuals.absence.additional;
  auto own_item = own.begin();
  auto inherited_item = inherited.begin();
  while (own_item != own.end() || inherited_item != inherited.end()) {
    const bool take_own = inherited_item == inherited.end() ||
                          (own_item != own.end() && own_item->name <= inherited_item->name);
    const NamedAllowance& named = take_own ? *own_item : *inherited_item;
    if (take_own) {
      if (inherited_item != inherited.end() && inherited_item->name == own_item->name) {
        ++inherited_item;
      }
      ++own_item;
    } else {
      ++inherited_item;
    }
    actuals.components.push_back(
        {named.name, allowance_fraction(named.allowance, review, headcount),
         assumed_additional(result.absence, named.name),
         take_own ? AssumptionLevel::Line : AssumptionLevel::Team, nullptr});
  }
  if (actuals.components.empty()) return;

  double actual_sum = 0.0;
  double assumed_sum = 0.0;
  for (const ActualComponent& component : actuals.components) {
    actual_sum += component.actual;
    assumed_sum += component.assumed;
  }
  const double variance = actual_sum - assumed_sum;
  actuals.absence_variance = variance;
  actuals.actuals_rag = rating(std::fabs(variance), review.actuals_tolerance.value, 2.0);
  const double absence_at_actual = result.absence.total + variance;
  if (!(absence_at_actual < 1.0) || absence_at_actual < 0.0) return;
  actuals.required_wte_at_actual = required_at(absence_at_actual);
  if (!actuals.required_wte_at_actual) return;
  actuals.headroom_gap_wte = *actuals.required_wte_at_actual - result.required_wte;
  if (result.cost_per_wte) {
    actuals.headroom_gap_cost = *actuals.headroom_gap_wte * *result.cost_per_wte;
  }
}

void ActualsRollup::add_line(const LineResult& line) {
  required_wte_ += line.required_wte;
  weighted_absence_ += line.required_wte * line.absence.total;
  absence_sum_ += line.absence.total;
  line_count_ += 1.0;
  if (line.required_cost) {
    any_costed_line_ = true;
    costed_required_wte_ += line.required_wte;
    costed_required_cost_ += *line.required_cost;
  }
  const AbsenceActuals& actuals = line.actuals;
  if (actuals.components.empty()) {
    required_wte_at_actual_ += line.required_wte;
  } else {
    any_actual_ = true;
    if (actuals.required_wte_at_actual) {
      required_wte_at_actual_ += *actuals.required_wte_at_actual;
    } else {
      at_actual_known_ = false;
    }
    if (actuals.headroom_gap_cost) add_to(headroom_gap_cost_, *actuals.headroom_gap_cost);
    for (const ActualComponent& component : actuals.components) {
      ComponentSums& sums = components_[component_rank(component.component)];
      sums.name = component.component;
      sums.in_post += line.in_post_wte;
      sums.in_post_actual += line.in_post_wte * component.actual;
      sums.in_post_assumed += line.in_post_wte * component.assumed;
      sums.required += line.required_wte;
      sums.required_actual += line.required_wte * component.actual;
      sums.required_assumed += line.required_wte * component.assumed;
      sums.lines += 1.0;
      sums.plain_actual += component.actual;
      sums.plain_assumed += component.assumed;
      if (component.days == nullptr) {
        sums.all_from_days = false;
      } else {
        const auto [found, added] = sums.day_set_of.emplace(component.days, sums.day_sets.size());
        if (added) sums.day_sets.push_back({component.days, 0.0, 0.0});
        ComponentSums::DaySet& shared = sums.day_sets[found->second];
        shared.assumed += component.assumed;
        shared.lines += 1.0;
      }
    }
  }
  add_quantities(line.line->actuals);
}

void ActualsRollup::add_team(const Team& team, bool own_level) {
  add_quantities(team.actuals);
  if (own_level && team.actuals.mean_headcount) {
    quantities_.mean_headcount = team.actuals.mean_headcount->value;
  }
}

void ActualsRollup::set_snapshot_means(std::optional<double> mean_headcount,
                                       std::optional<double> mean_wte) {
  if (mean_headcount) quantities_.mean_headcount = mean_headcount;
  mean_wte_ = mean_wte;
}

void ActualsRollup::add_quantities(const Actuals& stated) {
  add_stated(quantities_.temporary_hours, stated.temporary_hours);
  add_stated(quantities_.agency_hours, stated.agency_hours);
  add_stated(quantities_.bank_cost, stated.bank_cost);
  add_stated(quantities_.agency_cost, stated.agency_cost);
  add_stated(quantities_.leavers, stated.leavers);
  add_stated(quantities_.leavers_wte, stated.leavers_wte);
  add_stated(quantities_.retirements_wte, stated.retirements_wte);
}

void ActualsRollup::finish(Totals& totals, const ReviewSettings& review, bool absence_only) const {
  AbsenceActuals& actuals = totals.actuals;
  if (any_actual_) {
    double actual_sum = 0.0;
    double assumed_sum = 0.0;
    for (const auto& [rank, sums] : components_) {
      // Weighted by in-post WTE, by required WTE where none is in post, else a plain mean.
      ActualComponent component;
      component.component = sums.name;
      double days_available = 0.0;
      if (sums.all_from_days) {
        for (const ComponentSums::DaySet& shared : sums.day_sets) {
          days_available += shared.days->available;
        }
      }
      if (days_available > 0.0) {
        // Σ days lost ÷ Σ days available; the assumed side weighted by the same days.
        double days_lost = 0.0;
        double assumed = 0.0;
        for (const ComponentSums::DaySet& shared : sums.day_sets) {
          days_lost += shared.days->lost;
          assumed += shared.days->available * shared.assumed / shared.lines;
        }
        component.actual = days_lost / days_available;
        component.assumed = assumed / days_available;
      } else if (sums.in_post > 0.0) {
        component.actual = sums.in_post_actual / sums.in_post;
        component.assumed = sums.in_post_assumed / sums.in_post;
      } else if (sums.required > 0.0) {
        component.actual = sums.required_actual / sums.required;
        component.assumed = sums.required_assumed / sums.required;
      } else {
        component.actual = sums.plain_actual / sums.lines;
        component.assumed = sums.plain_assumed / sums.lines;
      }
      actual_sum += component.actual;
      assumed_sum += component.assumed;
      actuals.components.push_back(component);
    }
    const double variance = actual_sum - assumed_sum;
    actuals.absence_variance = variance;
    actuals.actuals_rag = rating(std::fabs(variance), review.actuals_tolerance.value, 2.0);
    if (at_actual_known_) {  // a line whose demand fails at its actual absence leaves it unknown
      actuals.required_wte_at_actual = required_wte_at_actual_;
      actuals.headroom_gap_wte = required_wte_at_actual_ - totals.required_wte;
      actuals.headroom_gap_cost = headroom_gap_cost_;
    }
  }
  if (absence_only) return;

  WorkforceActuals& workforce = totals.workforce;
  workforce = quantities_;
  // The roll-up's absence: its lines' totals weighted by required WTE (a plain mean when
  // nothing is required).
  const double absence = required_wte_ > 0.0 ? weighted_absence_ / required_wte_
                         : line_count_ > 0.0 ? absence_sum_ / line_count_
                                             : 0.0;
  const double available = 1.0 - absence;
  if (workforce.temporary_hours && available > 0.0) {
    const double temporary_wte =
        share_of(*workforce.temporary_hours, review.standard_hours.value * review.weeks_per_year());
    workforce.temporary_wte = temporary_wte;
    workforce.temporary_share =
        rate_of(temporary_wte, totals.in_post_wte * available + temporary_wte);
    if (review.temporary_threshold && workforce.temporary_share) {
      workforce.temporary_rag = rating(*workforce.temporary_share,
                                       review.temporary_threshold->value, kTemporaryAmberFactor);
    }
    workforce.temporary_covers_net_gap_wte =
        std::min(temporary_wte / available, std::max(totals.net_gap_wte, 0.0));
    const bool any_cost = workforce.bank_cost || workforce.agency_cost;
    if (any_cost && any_costed_line_) {
      if (const auto cost_per_wte = rate_of(costed_required_cost_, costed_required_wte_)) {
        workforce.temporary_premium = workforce.bank_cost.value_or(0.0) +
                                      workforce.agency_cost.value_or(0.0) -
                                      temporary_wte * *cost_per_wte / available;
      }
    }
  }
  workforce.agency_share_hours = share(workforce.agency_hours, workforce.temporary_hours);
  if (workforce.bank_cost && workforce.agency_cost) {
    workforce.agency_cost_share =
        rate_of(*workforce.agency_cost, *workforce.bank_cost + *workforce.agency_cost);
  }
  workforce.leaver_rate_headcount = share(workforce.leavers, workforce.mean_headcount);
  const double mean_wte = mean_wte_.value_or(totals.in_post_wte);
  workforce.leaver_rate_wte = share(workforce.leavers_wte, mean_wte);
  workforce.retirement_rate_wte = share(workforce.retirements_wte, mean_wte);
}

}  // namespace estab::calc
