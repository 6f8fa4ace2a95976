// The review workbook (`review --format xlsx`), for finance leads who go through the review in a
// spreadsheet: one sheet per record kind, laid out by its field table like the CSV of that
// level, each column in its field's number format. The Uplift sheet holds the rows of
// `uplift --format csv`.

#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
#include "report/view_common.hpp"
#include "report/xlsx_views.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

namespace {

/// One row per warning of the review.
XlsxSheet warnings_sheet(const std::vector<std::string>& warnings) {
  XlsxSheet sheet;
  sheet.name = "Warnings";
  sheet.columns.push_back({"warning", NumberStyle::General});
  for (const std::string& warning : warnings) sheet.rows.push_back({warning});
  return sheet;
}

}  // namespace

void write_review_xlsx(std::ostream& out, const ReviewResult& review) {
  const std::vector<std::string> component_names = absence_column_names(review);
  const std::vector<std::string> actual_names = actual_column_names(review);
  const std::vector<XlsxSheet> sheets = {
      field_sheet("Lines", review.lines, line_fields(), component_names, actual_names),
      field_sheet("Teams", review.teams, team_fields(), {}, actual_names),
      field_sheet("Services", review.services, service_fields(), {}, actual_names),
      field_sheet("Professions", review.professions, profession_fields(), {}, actual_names),
      field_sheet("Organisation", std::vector<Totals>{review.organisation}, totals_fields(), {},
                  actual_names),
      field_sheet("Uplift", review.lines, uplift_line_fields(), component_names),
      warnings_sheet(review.warnings)};

  const ReviewSettings& settings = model_of(review).review;
  write_xlsx(out, sheets,
             {settings.title.value_or("Establishment review"), "Establishment review",
              settings.organisation.value_or("")});
}

void refuse_xlsx() {
  throw RequestError(Request::Format, "xlsx", "is available for review, compare and sensitivity");
}

}  // namespace estab::report
