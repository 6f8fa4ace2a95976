// Sensitivity analysis (SPEC §6): every assumption scaled by (1 − change) and (1 + change) on
// every line, one at a time, through the real calculation; the organisation's required WTE and
// cost for each, sorted into a tornado, largest swing first.

#include "estab/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calc/scaling.hpp"
#include "estab/diagnostic.hpp"

namespace estab {
namespace {

/// Swings are compared after rounding to this many WTE, so that two assumptions that move the
/// answer equally (1% parenting and 1% study leave, say) keep their listed order instead of
/// being ordered by the last bits of binary rounding.
constexpr double kSwingResolutionWte = 1e-9;

/// The name of the assumption that scales the resolved headcount per WTE.
constexpr const char* kHeadcountAssumption = "headcount_per_wte";
/// The name of the assumption that scales every line's demand hours.
constexpr const char* kDemandAssumption = "demand";

/// The scaling of one listed assumption by `factor`.
Scaling scaling_of(const std::string& assumption, std::size_t position, std::size_t component_count,
                   double factor) {
  Scaling scaling;
  scaling.factor = factor;
  if (position < component_count) {
    scaling.target = Scaling::Target::Component;
    scaling.component = assumption;
  } else if (assumption == kHeadcountAssumption) {
    scaling.target = Scaling::Target::HeadcountPerWte;
  } else {
    scaling.target = Scaling::Target::Demand;
  }
  return scaling;
}

/// A change as a percentage for messages: 0.1 → "10%", 1.5 → "150%".
std::string percent_text(double change) {
  return fmt::format("{:g}%", change * 100.0);
}

/// The swing used for ordering: rounded, so that equal swings compare equal.
double swing_sort_key(const SensitivityComponent& component) {
  return std::round(component.swing_wte() / kSwingResolutionWte);
}

/// Computes one scaled review, adding any located problems to `problems` instead of throwing,
/// so that every problem of every assumption is reported together.
std::optional<Totals> scaled_organisation(const Model& model, const Scaling& scaling,
                                          std::vector<Diagnostic>& problems) {
  try {
    return compute_organisation_totals(model, scaling);
  } catch (const InputError& error) {
    problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    return std::nullopt;
  }
}

}  // namespace

double SensitivityComponent::swing_wte() const {
  return std::fabs(required_wte_up - required_wte_down);
}

void check_sensitivity_change(double change) {
  if (!std::isfinite(change) || !(change > 0.0) || !(change < 1.0)) {
    throw UsageError(fmt::format(
        "--change must be more than 0% and less than 100%, got {}",
        std::isfinite(change) ? percent_text(change) : std::string("a number that is not finite")));
  }
}

std::vector<std::string> sensitivity_assumptions(const Model& model) {
  std::vector<std::string> assumptions;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    assumptions.emplace_back(component_key(static_cast<Component>(index)));
  }
  for (std::string& name : calc::additional_component_names(model)) {
    assumptions.push_back(std::move(name));
  }
  assumptions.emplace_back(kHeadcountAssumption);
  assumptions.emplace_back(kDemandAssumption);
  return assumptions;
}

SensitivityResult run_sensitivity(const Model& model, double change) {
  check_sensitivity_change(change);
  SensitivityResult result;
  result.model = &model;
  result.change = change;
  const Totals base = compute_organisation_totals(model);
  result.required_wte = base.required_wte;
  result.required_cost = base.required_cost;

  const std::vector<std::string> assumptions = sensitivity_assumptions(model);
  const std::size_t component_count = assumptions.size() - 2;  // all but headcount and demand
  std::vector<Diagnostic> problems;
  for (std::size_t position = 0; position < assumptions.size(); ++position) {
    SensitivityComponent component;
    component.component = assumptions[position];
    component.down = scaling_of(component.component, position, component_count, 1.0 - change);
    component.up = scaling_of(component.component, position, component_count, 1.0 + change);
    const std::optional<Totals> down = scaled_organisation(model, component.down, problems);
    const std::optional<Totals> up = scaled_organisation(model, component.up, problems);
    if (!down || !up) continue;
    component.required_wte_down = down->required_wte;
    component.required_wte_up = up->required_wte;
    component.required_cost_down = down->required_cost;
    component.required_cost_up = up->required_cost;
    result.components.push_back(std::move(component));
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  std::stable_sort(result.components.begin(), result.components.end(),
                   [](const SensitivityComponent& left, const SensitivityComponent& right) {
                     return swing_sort_key(left) > swing_sort_key(right);
                   });
  return result;
}

}  // namespace estab
