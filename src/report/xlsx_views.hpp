#pragma once
/// The XLSX workbooks of `review`, `compare` and `sensitivity`: one sheet per section, columns
/// named by the contract's fields, like the CSV of each level.

#include <ostream>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/sensitivity.hpp"

namespace estab::report {

/// The review workbook: sheets Lines, Teams, Services, Professions, Organisation (the
/// `estab-review/2` records, the lines' absence as `absence_<component>` columns), Uplift (the
/// rows of `uplift --format csv`) and Warnings.
void write_review_xlsx(std::ostream& out, const ReviewResult& review);

/// The comparison workbook: sheets Lines, Teams, Services and Organisation, each with its
/// identity, status, then FIELD_base, FIELD_scenario and FIELD_delta per compared field.
void write_comparison_xlsx(std::ostream& out, const Comparison& comparison);

/// The sensitivity workbook: one sheet Sensitivity, one row per assumption, largest swing first.
void write_sensitivity_xlsx(std::ostream& out, const SensitivityResult& result);

/// Throws UsageError: `--format xlsx` is offered by review, compare and sensitivity only.
[[noreturn]] void refuse_xlsx();

}  // namespace estab::report
