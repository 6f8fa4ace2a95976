#pragma once
/// Sensitivity analysis: each assumption scaled down and up by the same change on
/// every line, one at a time, and what that does to the organisation's required WTE and cost.

#include <optional>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/model.hpp"

namespace estab {

/// The organisation's required WTE and cost with one assumption scaled down and up.
struct SensitivityComponent {
  std::string component;  ///< "sickness", an `additional` name, "headcount_per_wte", "demand"
                          ///< or "actual_sickness"
  Scaling down;           ///< the scaling by (1 − change)
  Scaling up;             ///< the scaling by (1 + change)
  double required_wte_down = 0.0;
  double required_wte_up = 0.0;
  std::optional<double> required_cost_down;  ///< null when no line has a cost
  std::optional<double> required_cost_up;    ///< null when no line has a cost

  /// |required_wte_up − required_wte_down|: how far the assumption moves the answer.
  double swing_wte() const;
};

/// A tornado: the base figures and every assumption's figures, largest swing first.
struct SensitivityResult {
  const Model* model = nullptr;         ///< the model every variant was computed from
  double change = 0.0;                  ///< the fraction each assumption is scaled by, e.g. 0.1
  double required_wte = 0.0;            ///< the organisation's required WTE, unscaled
  std::optional<double> required_cost;  ///< the organisation's required cost; null without costs
  std::vector<SensitivityComponent> components;  ///< largest swing first; ties in listed order
};

/// The default change of `estab sensitivity`: 10%.
inline constexpr double kDefaultSensitivityChange = 0.1;

/// Throws UsageError unless 0 < change < 1 (a change written as more than 0% and below 100%).
void check_sensitivity_change(double change);

/// The assumptions a sensitivity run scales, in listed order: the eight fixed absence
/// components (in the order of docs/INPUT.md), each `additional` name stated anywhere in the model
/// (sorted), then "headcount_per_wte", "demand" and, when any line has an actual sickness,
/// "actual_sickness" (each line's actual sickness in place of its assumed, scaled).
std::vector<std::string> sensitivity_assumptions(const Model& model);

/// Computes the base review and, for each assumption, the review at (1 − change) and
/// (1 + change), and sorts them by swing. Throws UsageError for a change outside (0, 1) and
/// InputError listing every line where a scaled absence reaches 100% of contracted time.
/// The model must outlive the result.
SensitivityResult run_sensitivity(const Model& model, double change);

}  // namespace estab
