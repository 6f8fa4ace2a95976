#pragma once
/// Inline SVG charts of the HTML board paper. Each returns one `<svg>` element as markup, with
/// every input string escaped; no script, no external reference.

#include <string>
#include <vector>

#include "estab/calc.hpp"

namespace estab::report {

/// Horizontal bars of each of `teams`' registered share in post, with its target as a marker.
std::string skill_mix_chart(const std::vector<const TeamResult*>& teams);

/// The organisation's absence as one bar stacked by component, against a bar of the uplift
/// funded (the applied method) and one of the other method, each with its percentage.
/// Components take their colours in the order of `absence.components`.
std::string organisation_absence_chart(const OrganisationAbsence& absence, UpliftMethod applied);

/// One set of assumptions in the uplift chart, named by what it covers.
struct AssumptionSetRow {
  const AssumptionGroup* group = nullptr;
  std::string teams;        ///< the team its lines are in, or how many ("3 teams")
  std::string professions;  ///< the profession of its lines, or how many
};

/// For each set of assumptions, a stacked bar of its absence components with a thin bar for
/// the exact uplift beneath, and the exact and additive uplift written beside it. Components
/// named in `colour_order` take their colours in that order (as in the organisation's chart).
std::string uplift_chart(const std::vector<AssumptionSetRow>& sets, UpliftMethod applied,
                         const std::vector<std::string>& colour_order);

/// For each of `units` (teams with beds), grouped bars of productive WTE from the roster, from
/// the CHPPD benchmark and by professional judgement.
std::string triangulation_chart(const std::vector<const TeamResult*>& units);

/// For each of `teams` (teams with an actual absence), a bar of its funded headroom (the
/// assumed absence of the components with actuals) above a bar of the actual absence.
std::string headroom_chart(const std::vector<const TeamResult*>& teams);

}  // namespace estab::report
