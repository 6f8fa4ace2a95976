#pragma once
/// The CSV documents: staffing lines, each roll-up level, and the uplift rows.

#include <ostream>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/report.hpp"

namespace estab::report {

/// The CSV of `establishment`, `gaps` and `review`: one row per line, or per team, service or
/// the organisation when `level` asks for a roll-up.
void write_review_csv(std::ostream& out, const ReviewResult& review, RollupLevel level);

/// The CSV of `uplift`: one row per line with its absence components and both uplifts.
void write_uplift_csv(std::ostream& out, const ReviewResult& review);

}  // namespace estab::report
