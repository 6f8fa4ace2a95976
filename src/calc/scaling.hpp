#pragma once
// Pieces of the what-if scaling (sensitivity analysis) shared by the calc sources: checking a
// scaling against the model, and the problems a scaled line can run into.

#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/model.hpp"

namespace estab::calc {

/// Every `additional` component name stated anywhere in the model (organisation, professions,
/// teams, lines), sorted and without repeats.
std::vector<std::string> additional_component_names(const Model& model);

/// Throws UsageError unless `scaling` can be applied to `model`: a finite, non-negative factor
/// and, for a Component target, one of the eight fixed components or an `additional` name.
void check_scaling(const Model& model, const Scaling& scaling);

/// Which absence components a computed line lists: every one, or (for totals, where only the
/// sum counts) the eight fixed ones.
enum class AbsenceListing { Every, FixedOnly };

/// Computes one line under the resolver's scaling, without checking the result; problems that
/// the scaling causes are found by `record_scaling_problems`.
LineResult compute_line_unchecked(const Model& model, const Team& team, const StaffingLine& line,
                                  AbsenceResolver& resolver, AbsenceListing listing);

/// Records, located at the line (or at the share of available time), a scaled absence of 100%
/// or more and a non-caseload or non-activity share that reaches 100% of available time.
/// Records nothing for an unscaled computation (the loader has checked the model).
void record_scaling_problems(const Model& model, const LineResult& line, const Scaling& scaling,
                             DiagnosticList& problems);

}  // namespace estab::calc
