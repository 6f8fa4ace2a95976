// Sensitivity analysis: every assumption scaled by (1 − change) and (1 + change) on
// every line, one at a time, through the real calculation; the organisation's required WTE and
// cost for each, sorted into a tornado, largest swing first.

#include "estab/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "calc/actuals.hpp"
#include "calc/scaling.hpp"
#include "estab/diagnostic.hpp"

namespace estab {
namespace {

/// Swings are compared after rounding to this many WTE, so that two assumptions that move the
/// answer equally (1% parenting and 1% study leave, say) keep their listed order instead of
/// being ordered by the last bits of binary rounding.
constexpr double kSwingResolutionWte = 1e-9;

/// The most threads the scaled reviews are spread over.
constexpr std::size_t kMostThreads = 4;

/// The name of the assumption that scales the resolved headcount per WTE.
constexpr const char* kHeadcountAssumption = "headcount_per_wte";
/// The name of the assumption that scales every line's demand hours.
constexpr const char* kDemandAssumption = "demand";

/// The name of the assumption that puts each line's actual sickness in place of its assumed.
constexpr const char* kActualSicknessAssumption = "actual_sickness";

/// The scaling of one listed assumption by `factor`: an absence component (named, so an
/// `additional` component may share a name with the others), or one of the others.
Scaling scaling_of(const std::string& assumption, bool is_component, double factor) {
  Scaling scaling;
  scaling.factor = factor;
  if (is_component) {
    scaling.target = Scaling::Target::Component;
    scaling.component = assumption;
  } else if (assumption == kHeadcountAssumption) {
    scaling.target = Scaling::Target::HeadcountPerWte;
  } else if (assumption == kDemandAssumption) {
    scaling.target = Scaling::Target::Demand;
  } else {
    scaling.target = Scaling::Target::ActualSickness;
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

/// The outcome of one scaled review: the organisation's totals, or what went wrong.
struct ScaledOutcome {
  std::optional<Totals> totals;
  std::vector<Diagnostic> problems;  ///< located problems the scaling causes
  std::exception_ptr failure;        ///< any other error, rethrown in order
};

/// Computes one scaled review, keeping its located problems instead of throwing, so that every
/// problem of every assumption is reported together.
ScaledOutcome scaled_organisation(const Model& model, const Scaling& scaling) {
  ScaledOutcome outcome;
  try {
    outcome.totals = compute_organisation_totals(model, scaling);
  } catch (const InputError& error) {
    outcome.problems = error.diagnostics();
  } catch (...) {
    outcome.failure = std::current_exception();
  }
  return outcome;
}

/// Computes every scaled review, spread over the machine's cores: each is independent and
/// only reads the model. Results come back in the order of `scalings`.
std::vector<ScaledOutcome> scaled_organisations(const Model& model,
                                                const std::vector<Scaling>& scalings) {
  std::vector<ScaledOutcome> outcomes(scalings.size());
  std::atomic<std::size_t> next_scaling{0};
  const auto work = [&] {
    for (std::size_t index = next_scaling++; index < scalings.size(); index = next_scaling++) {
      outcomes[index] = scaled_organisation(model, scalings[index]);
    }
  };
  const std::size_t thread_count = std::min<std::size_t>(
      {std::max(1U, std::thread::hardware_concurrency()), kMostThreads, scalings.size()});
  std::vector<std::thread> helpers;
  helpers.reserve(thread_count);
  for (std::size_t helper = 1; helper < thread_count; ++helper) {
    try {
      helpers.emplace_back(work);
    } catch (...) {  // no thread to be had: this one does the rest
      break;
    }
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  return outcomes;
}

}  // namespace

double SensitivityComponent::swing_wte() const {
  return std::fabs(required_wte_up - required_wte_down);
}

void check_sensitivity_change(double change) {
  if (!std::isfinite(change) || !(change > 0.0) || !(change < 1.0)) {
    throw RequestError(
        Request::Change, "",
        fmt::format("must be more than 0% and less than 100%, got {}",
                    std::isfinite(change) ? percent_text(change)
                                          : std::string("a number that is not finite")));
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
  if (calc::has_actual_sickness(model)) assumptions.emplace_back(kActualSicknessAssumption);
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
  // The absence components come first; headcount, demand and actual sickness follow.
  const std::size_t component_count =
      assumptions.size() - (calc::has_actual_sickness(model) ? 3 : 2);
  std::vector<Scaling> scalings;  // each assumption down, then up
  for (std::size_t position = 0; position < assumptions.size(); ++position) {
    const bool is_component = position < component_count;
    scalings.push_back(scaling_of(assumptions[position], is_component, 1.0 - change));
    scalings.push_back(scaling_of(assumptions[position], is_component, 1.0 + change));
  }
  const std::vector<ScaledOutcome> outcomes = scaled_organisations(model, scalings);

  std::vector<Diagnostic> problems;
  for (std::size_t position = 0; position < assumptions.size(); ++position) {
    const ScaledOutcome& down = outcomes[2 * position];
    const ScaledOutcome& up = outcomes[2 * position + 1];
    for (const ScaledOutcome* outcome : {&down, &up}) {
      if (outcome->failure) std::rethrow_exception(outcome->failure);
      problems.insert(problems.end(), outcome->problems.begin(), outcome->problems.end());
    }
    if (!down.totals || !up.totals) continue;
    SensitivityComponent component;
    component.component = assumptions[position];
    component.down = scalings[2 * position];
    component.up = scalings[2 * position + 1];
    component.required_wte_down = down.totals->required_wte;
    component.required_wte_up = up.totals->required_wte;
    component.required_cost_down = down.totals->required_cost;
    component.required_cost_up = up.totals->required_cost;
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
