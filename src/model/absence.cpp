// Absence (headroom): turning allowances into fractions of time, and the per-component merge
// of a staffing line's assumptions.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "estab/absence.hpp"
#include "estab/arithmetic.hpp"

namespace estab {
namespace {

/// Default annual leave, in days per WTE per year (Agenda for Change, on appointment).
constexpr double kDefaultAnnualLeaveDays = 27.0;
/// Default bank holidays, in days per WTE per year (England and Wales).
constexpr double kDefaultBankHolidayDays = 8.0;

/// Σ share × days over the length-of-service bands of annual leave: days per WTE per year.
double banded_leave_days(const Allowance& allowance) {
  double weighted_days = 0.0;
  for (const LeaveBand& band : allowance.bands) {
    weighted_days += band.share.value * band.days.value;
  }
  return weighted_days;
}

/// One level of the assumption hierarchy, most specific first.
struct AssumptionLevelRef {
  AssumptionLevel level;
  const AssumptionSet* assumptions;
};

/// The levels that apply to a line, from the line itself out to the organisation.
struct LevelsForLine {
  std::array<AssumptionLevelRef, 4> levels;
  std::size_t count = 0;

  const AssumptionLevelRef* begin() const { return levels.data(); }
  const AssumptionLevelRef* end() const { return levels.data() + count; }
};

LevelsForLine levels_for(const Model& model, const Team& team, const StaffingLine& line) {
  LevelsForLine levels;
  levels.levels[levels.count++] = {AssumptionLevel::Line, &line.assumptions};
  levels.levels[levels.count++] = {AssumptionLevel::Team, &team.assumptions};
  if (line.profession_index < model.professions.size()) {
    levels.levels[levels.count++] = {AssumptionLevel::Profession,
                                     &model.professions[line.profession_index].assumptions};
  }
  levels.levels[levels.count++] = {AssumptionLevel::Organisation, &model.assumptions};
  return levels;
}

/// An `additional` component as the most specific level that names it states it.
struct NamedSource {
  const std::string* name;
  AssumptionLevel level;
  const Allowance* allowance;
};

/// The `additional` components of a line, merged per name (a more specific level wins) and
/// sorted by name.
std::vector<NamedSource> merged_additional(const LevelsForLine& levels) {
  std::vector<NamedSource> merged;
  std::unordered_map<std::string_view, std::size_t> position_of;  // name → index in merged
  for (std::size_t position = levels.count; position-- > 0;) {    // organisation inwards
    const AssumptionLevelRef& level = levels.levels[position];
    for (const NamedAllowance& named : level.assumptions->additional) {
      const auto [found, inserted] = position_of.emplace(named.name, merged.size());
      if (inserted) {
        merged.push_back({&named.name, level.level, &named.allowance});
      } else {
        merged[found->second] = {&named.name, level.level, &named.allowance};
      }
    }
  }
  std::sort(merged.begin(), merged.end(), [](const NamedSource& left, const NamedSource& right) {
    return *left.name < *right.name;
  });
  return merged;
}

/// The fraction a fixed component takes when no level states it.
double default_fraction(Component component, const ReviewSettings& review) {
  switch (component) {
    case Component::AnnualLeave:
      return share_of(kDefaultAnnualLeaveDays, review.working_days.value);
    case Component::BankHolidays:
      return share_of(kDefaultBankHolidayDays, review.working_days.value);
    default: return 0.0;
  }
}

}  // namespace

const char* level_name(AssumptionLevel level) {
  switch (level) {
    case AssumptionLevel::Line: return "line";
    case AssumptionLevel::Team: return "team";
    case AssumptionLevel::Profession: return "profession";
    case AssumptionLevel::Organisation: return "organisation";
    case AssumptionLevel::Default: return "default";
  }
  return "default";
}

double allowance_fraction(const Allowance& allowance, const ReviewSettings& review,
                          double headcount_per_wte) {
  const double working_days = review.working_days.value;
  const double hours_per_wte = review.contracted_hours_per_wte();
  switch (allowance.unit) {
    case AllowanceUnit::Percent: return allowance.amount;
    case AllowanceUnit::Days: return share_of(allowance.amount, working_days);
    case AllowanceUnit::Hours: return share_of(allowance.amount, hours_per_wte);
    case AllowanceUnit::HoursPerHead:
      return share_of(allowance.amount * headcount_per_wte, hours_per_wte);
    case AllowanceUnit::MinutesPerDay:
      // Not an absence unit (the loader rejects it there); read as a share of the day.
      return share_of(allowance.amount / 60.0, review.hours_per_day());
    case AllowanceUnit::ByService: return share_of(banded_leave_days(allowance), working_days);
  }
  return 0.0;
}

double available_time_fraction(const Allowance& allowance, const ReviewSettings& review,
                               double absence_fraction) {
  const double available_share = 1.0 - absence_fraction;
  const double available_days = review.working_days.value * available_share;
  const double available_hours = review.contracted_hours_per_wte() * available_share;
  switch (allowance.unit) {
    case AllowanceUnit::Percent: return allowance.amount;
    case AllowanceUnit::Days: return share_of(allowance.amount, available_days);
    case AllowanceUnit::Hours:
    case AllowanceUnit::HoursPerHead:  // not offered here by the loader; read as per WTE
      return share_of(allowance.amount, available_hours);
    case AllowanceUnit::MinutesPerDay:
      return share_of(allowance.amount / 60.0, review.hours_per_day());
    case AllowanceUnit::ByService:  // not offered here by the loader; read as days
      return share_of(banded_leave_days(allowance), available_days);
  }
  return 0.0;
}

namespace {

/// The lists of `additional` components a line inherits, one per level (null where a level
/// states none): lines with the same lists share one merge.
using AdditionalKey = std::array<const AssumptionSet*, 4>;

/// Hashes an AdditionalKey.
struct AdditionalKeyHash {
  std::size_t operator()(const AdditionalKey& key) const {
    std::size_t hash = 0;
    for (const AssumptionSet* level : key) {
      hash = hash * 1000003U ^ std::hash<const AssumptionSet*>()(level);
    }
    return hash;
  }
};

/// One distinct merge, and its scaled sum at the headcount it was last asked for.
struct AdditionalMerge {
  std::vector<NamedSource> sources;
  std::optional<double> summed_at_headcount;
  double sum = 0.0;
};

/// The key of the lists a line's levels state.
AdditionalKey additional_key(const LevelsForLine& levels) {
  AdditionalKey key{};
  for (std::size_t position = 0; position < levels.count; ++position) {
    const AssumptionSet* assumptions = levels.levels[position].assumptions;
    if (!assumptions->additional.empty()) key[position] = assumptions;
  }
  return key;
}

}  // namespace

struct AbsenceResolver::Merges {
  std::unordered_map<AdditionalKey, AdditionalMerge, AdditionalKeyHash> by_key;
};

AbsenceResolver::AbsenceResolver(const Model& model, Scaling scaling)
    : model_(model), scaling_(std::move(scaling)), merges_(std::make_unique<Merges>()) {}

AbsenceResolver::~AbsenceResolver() = default;

ResolvedAbsence AbsenceResolver::resolve(const Team& team, const StaffingLine& line) {
  return resolve_listing(team, line, true);
}

ResolvedAbsence AbsenceResolver::resolve_total(const Team& team, const StaffingLine& line) {
  return resolve_listing(team, line, false);
}

ResolvedAbsence AbsenceResolver::resolve_listing(const Team& team, const StaffingLine& line,
                                                 bool list_additional) {
  const ReviewSettings& review = model_.review;
  const LevelsForLine levels = levels_for(model_, team, line);
  ResolvedAbsence resolved;

  // Headcount first: hours_per_head components are converted with the resolved value.
  for (const AssumptionLevelRef& level : levels) {
    if (level.assumptions->headcount_per_wte) {
      resolved.headcount_per_wte = level.assumptions->headcount_per_wte->value;
      resolved.headcount_source = level.level;
      break;
    }
  }
  if (scaling_.target == Scaling::Target::HeadcountPerWte) {
    resolved.headcount_per_wte *= scaling_.factor;  // before hours_per_head is converted
  }
  const auto scaled = [this](std::string_view name, double fraction) {
    return scaling_.target == Scaling::Target::Component && name == scaling_.component
               ? fraction * scaling_.factor  // any form of allowance; the source is kept
               : fraction;
  };

  double fixed_total = 0.0;
  resolved.components.reserve(kFixedComponentCount);
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    const auto component = static_cast<Component>(index);
    AbsenceComponent resolved_component;
    resolved_component.component = component_key(component);
    resolved_component.fraction = default_fraction(component, review);
    for (const AssumptionLevelRef& level : levels) {
      if (const Allowance* stated = level.assumptions->fixed.find(component)) {
        resolved_component.fraction =
            allowance_fraction(*stated, review, resolved.headcount_per_wte);
        resolved_component.source = level.level;
        resolved_component.stated = stated;
        break;
      }
    }
    resolved_component.fraction = scaled(resolved_component.component, resolved_component.fraction);
    fixed_total += resolved_component.fraction;
    resolved.components.push_back(std::move(resolved_component));
  }

  const AdditionalKey key = additional_key(levels);
  if (key == AdditionalKey{}) {
    resolved.total = fixed_total;
    return resolved;
  }
  auto [found, inserted] = merges_->by_key.try_emplace(key);
  AdditionalMerge& merge = found->second;
  if (inserted) merge.sources = merged_additional(levels);
  if (merge.summed_at_headcount != resolved.headcount_per_wte || list_additional) {
    double sum = 0.0;
    if (list_additional) resolved.components.reserve(kFixedComponentCount + merge.sources.size());
    for (const NamedSource& named : merge.sources) {
      const double fraction = scaled(
          *named.name, allowance_fraction(*named.allowance, review, resolved.headcount_per_wte));
      sum += fraction;
      if (!list_additional) continue;
      AbsenceComponent resolved_component;
      resolved_component.component = *named.name;
      resolved_component.source = named.level;
      resolved_component.stated = named.allowance;
      resolved_component.fraction = fraction;
      resolved.components.push_back(std::move(resolved_component));
    }
    merge.summed_at_headcount = resolved.headcount_per_wte;
    merge.sum = sum;
  }
  resolved.total = fixed_total + merge.sum;
  return resolved;
}

ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line) {
  return resolve_absence(model, team, line, Scaling{});
}

ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line,
                                const Scaling& scaling) {
  return AbsenceResolver(model, scaling).resolve(team, line);
}

}  // namespace estab
