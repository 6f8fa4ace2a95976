#pragma once
/// Inline SVG charts of the HTML board paper. Each returns one `<svg>` element as markup, with
/// every input string escaped; no script, no external reference.

#include <string>
#include <vector>

#include "estab/calc.hpp"

namespace estab::report {

/// Horizontal bars of each team's registered share in post, with its target as a marker.
std::string skill_mix_chart(const ReviewResult& review);

/// For each distinct set of assumptions, a stacked bar of its absence components with a thin
/// bar for the exact uplift beneath, and the exact and additive uplift written beside it.
std::string uplift_chart(const std::vector<AssumptionGroup>& groups, UpliftMethod applied);

/// For each team with beds, grouped bars of productive WTE from the roster, from the CHPPD
/// benchmark and by professional judgement.
std::string triangulation_chart(const ReviewResult& review);

/// For each team with an actual absence, a bar of its funded headroom (the assumed absence of
/// the components with actuals) above a bar of the actual absence.
std::string headroom_chart(const ReviewResult& review);

}  // namespace estab::report
