#pragma once
/// Distinct sets of absence assumptions: the lines that share every resolved component
/// (name, fraction and source) and headcount per WTE, for the finance view of uplift.

#include <optional>
#include <vector>

#include "estab/calc.hpp"

namespace estab::report {

/// One distinct set of assumptions, the lines that use it, and their sums (unrounded).
struct AssumptionGroup {
  const LineResult* first = nullptr;  ///< the first line using the set; its absence stands for all
  std::vector<const LineResult*> lines;
  double productive_wte = 0.0;
  double additive_shortfall_wte = 0.0;
  std::optional<double> additive_shortfall_cost;  ///< over the lines with a cost
  std::optional<double> uplift_cost;              ///< the applied uplift, over lines with a cost
  std::optional<double> exact_uplift_cost;        ///< productive × exact uplift × cost
  std::optional<double> additive_uplift_cost;     ///< productive × additive uplift × cost
};

/// The lines grouped by distinct set of assumptions, sets in order of first appearance.
std::vector<AssumptionGroup> group_assumptions(const ReviewResult& review);

/// The cost of a line's additive shortfall: shortfall WTE × cost per WTE, null without a cost.
std::optional<double> additive_shortfall_cost(const LineResult& line);

/// Adds `value` to an optional sum that starts out null.
void add_to(std::optional<double>& sum, double value);

}  // namespace estab::report
