#pragma once
/// The XLSX workbooks of `review`, `compare` and `sensitivity`: one sheet per section, columns
/// named by the contract's fields, like the CSV of each level.

#include <ostream>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/sensitivity.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

/// The review workbook: About, then Lines, Teams, Services, Professions, Organisation (the
/// `estab-review/2` records, the lines' absence as `absence_<component>` columns), the
/// Establishment and Gaps tables at team level, Skill mix, Assumption sets, Actuals when there
/// are any, and Warnings.
void write_review_xlsx(std::ostream& out, const ReviewResult& review);

/// The establishment workbook: About, the establishment table at `level`, Warnings.
void write_establishment_xlsx(std::ostream& out, const ReviewResult& review, RollupLevel level);

/// The gaps workbook: About, the gaps table at `level`, the skill-mix table, Warnings.
void write_gaps_xlsx(std::ostream& out, const ReviewResult& review, RollupLevel level);

/// The uplift workbook: About, one row per assumption set, the lines' uplift, the
/// organisation's uplift figures, Warnings.
void write_uplift_xlsx(std::ostream& out, const ReviewResult& review);

/// The establishment table as a sheet: a row per line (at `level`), team, service and the
/// organisation, named as the table names them.
XlsxSheet establishment_sheet(const ReviewResult& review, RollupLevel level);

/// The gaps table as a sheet, laid out as establishment_sheet.
XlsxSheet gaps_sheet(const ReviewResult& review, RollupLevel level);

/// The skill-mix table as a sheet: each team, each service, then the organisation.
XlsxSheet skill_mix_sheet(const ReviewResult& review);

/// One row per distinct set of absence assumptions: the lines it covers, each component's
/// fraction, then the set's figures.
XlsxSheet assumption_sets_sheet(const ReviewResult& review,
                                const std::vector<std::string>& component_names);

/// One row per warning.
XlsxSheet warnings_sheet(const std::vector<std::string>& warnings);

/// The first sheet of a review's workbooks: what the review is of, on which settings, from
/// which files, by which estab, and what each of `sheets` holds.
XlsxSheet about_sheet(const ReviewResult& review, const std::vector<XlsxSheet>& sheets);

/// The comparison workbook: sheets Lines, Teams, Services and Organisation, each with its
/// identity, status, then FIELD_base, FIELD_scenario and FIELD_delta per compared field.
void write_comparison_xlsx(std::ostream& out, const Comparison& comparison);

/// The sensitivity workbook: one sheet Sensitivity, one row per assumption, largest swing first.
void write_sensitivity_xlsx(std::ostream& out, const SensitivityResult& result);

}  // namespace estab::report
