// The review workbook (`review --format xlsx`), for finance leads who go through the review in a
// spreadsheet. Every record sheet is read from the `estab-review/1` document itself, so each
// cell holds exactly the number `review --format json` writes; its columns are the contract's
// field names, laid out like the CSV of that level. The Uplift sheet holds the rows of
// `uplift --format csv`.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/report.hpp"
#include "report/assumption_sets.hpp"
#include "report/csv_review.hpp"
#include "report/view_common.hpp"
#include "report/xlsx_views.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

namespace {

using nlohmann::ordered_json;

/// The TOTALS fields of the contract, in contract order (teams, services, the organisation).
const std::vector<std::string> kTotalsFields = {"productive_wte",
                                                "required_wte",
                                                "funded_wte",
                                                "in_post_wte",
                                                "establishment_gap_wte",
                                                "vacancy_wte",
                                                "net_gap_wte",
                                                "registered_required_wte",
                                                "registered_in_post_wte",
                                                "registered_share_required",
                                                "registered_share_funded",
                                                "registered_share_in_post",
                                                "registered_target",
                                                "registered_gap_wte",
                                                "skill_mix_rag",
                                                "required_cost",
                                                "funded_cost"};

/// The fields of a line before its absence components.
const std::vector<std::string> kLineIdentityFields = {"team", "service", "profession",
                                                      "registered"};

/// The fields of a line after its absence components, in contract order.
const std::vector<std::string> kLineFields = {"absence_total",
                                              "uplift_exact",
                                              "uplift_additive",
                                              "uplift_applied",
                                              "demand_hours_per_week",
                                              "productive_wte",
                                              "fixed_wte",
                                              "required_wte",
                                              "funded_wte",
                                              "in_post_wte",
                                              "establishment_gap_wte",
                                              "vacancy_wte",
                                              "vacancy_rate",
                                              "net_gap_wte",
                                              "net_gap_rate",
                                              "gap_rag",
                                              "wisn_ratio",
                                              "additive_shortfall_wte",
                                              "cost_per_wte",
                                              "required_cost",
                                              "funded_cost",
                                              "in_post_cost",
                                              "uplift_cost"};

/// The fields a team has after its totals: triangulation and judgement.
const std::vector<std::string> kTeamExtraFields = {"chppd_planned", "chppd_benchmark",
                                                   "benchmark_productive_wte", "judgement_wte"};

/// The fields of a profession, in contract order.
const std::vector<std::string> kProfessionFields = {
    "profession",  "registered",   "productive_wte",        "required_wte",
    "funded_wte",  "in_post_wte",  "establishment_gap_wte", "vacancy_wte",
    "net_gap_wte", "vacancy_rate", "net_gap_rate",          "required_cost",
    "funded_cost"};

/// The numeric columns of the Uplift sheet after its absence components (`uplift --format csv`).
const std::vector<std::string> kUpliftFields = {
    "absence_total",  "headcount_per_wte",      "uplift_exact",           "uplift_additive",
    "uplift_applied", "productive_wte",         "additive_shortfall_wte", "cost_per_wte",
    "uplift_cost",    "additive_shortfall_cost"};

/// Fields followed by more fields, as one list.
std::vector<std::string> joined(std::vector<std::string> first,
                                const std::vector<std::string>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

/// One `absence_<component>` column per component name, as percentages.
void add_absence_columns(XlsxSheet& sheet, const std::vector<std::string>& component_names) {
  for (const std::string& name : component_names) {
    sheet.columns.push_back({"absence_" + name, NumberStyle::Percent});
  }
}

/// The fraction of a named component in a line's contract `absence` list; 0 where the line has
/// no such component (as in the CSV).
double absence_fraction(const ordered_json& absence, const std::string& name) {
  const auto found =
      std::find_if(absence.begin(), absence.end(), [&name](const ordered_json& item) {
        return item.at("component").get<std::string>() == name;
      });
  return found == absence.end() ? 0.0 : found->at("fraction").get<double>();
}

/// A sheet of records with the same fields, each read from its contract object.
XlsxSheet record_sheet(std::string name, const std::vector<std::string>& fields,
                       const ordered_json& records) {
  XlsxSheet sheet;
  sheet.name = std::move(name);
  add_field_columns(sheet, fields);
  for (const ordered_json& record : records) {
    std::vector<XlsxCell> row;
    append_field_cells(row, record, fields);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

XlsxSheet lines_sheet(const ordered_json& lines, const std::vector<std::string>& component_names) {
  XlsxSheet sheet;
  sheet.name = "Lines";
  add_field_columns(sheet, kLineIdentityFields);
  add_absence_columns(sheet, component_names);
  add_field_columns(sheet, kLineFields);
  for (const ordered_json& line : lines) {
    std::vector<XlsxCell> row;
    append_field_cells(row, line, kLineIdentityFields);
    for (const std::string& name : component_names) {
      row.emplace_back(absence_fraction(line.at("absence"), name));
    }
    append_field_cells(row, line, kLineFields);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

/// A number cell, or an empty one for null.
XlsxCell optional_number(const std::optional<double>& value) {
  return value ? XlsxCell(*value) : XlsxCell();
}

/// The rows of `uplift --format csv`: one per line, its components, both uplifts and costs.
XlsxSheet uplift_sheet(const ReviewResult& review,
                       const std::vector<std::string>& component_names) {
  XlsxSheet sheet;
  sheet.name = "Uplift";
  add_field_columns(sheet, {"team", "service", "profession"});
  add_absence_columns(sheet, component_names);
  add_field_columns(sheet, kUpliftFields);
  for (const LineResult& line : review.lines) {
    const std::optional<std::string> service = service_id(line.service);
    std::vector<XlsxCell> row = {line.team->id, service ? XlsxCell(*service) : XlsxCell(),
                                 line.profession->id};
    for (const std::string& name : component_names) {
      const auto found = std::find_if(
          line.absence.components.begin(), line.absence.components.end(),
          [&name](const AbsenceComponent& component) { return component.component == name; });
      row.emplace_back(found == line.absence.components.end() ? 0.0 : found->fraction);
    }
    row.insert(row.end(),
               {line.absence.total, line.absence.headcount_per_wte, line.uplift_exact,
                line.uplift_additive, line.uplift_applied, line.productive_wte,
                line.additive_shortfall_wte, optional_number(line.cost_per_wte),
                optional_number(line.uplift_cost), optional_number(additive_shortfall_cost(line))});
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

/// One row per warning of the review.
XlsxSheet warnings_sheet(const ordered_json& warnings) {
  XlsxSheet sheet;
  sheet.name = "Warnings";
  sheet.columns.push_back({"warning", NumberStyle::General});
  for (const ordered_json& warning : warnings) {
    sheet.rows.push_back({json_cell(warning)});
  }
  return sheet;
}

}  // namespace

void write_review_xlsx(std::ostream& out, const ReviewResult& review) {
  const ordered_json document = review_to_json(review);
  const std::vector<std::string> component_names = absence_column_names(review);
  ordered_json organisation = ordered_json::array();
  organisation.push_back(document.at("organisation"));

  const std::vector<XlsxSheet> sheets = {
      lines_sheet(document.at("lines"), component_names),
      record_sheet("Teams", joined(joined({"team", "service"}, kTotalsFields), kTeamExtraFields),
                   document.at("teams")),
      record_sheet("Services", joined({"service"}, kTotalsFields), document.at("services")),
      record_sheet("Professions", kProfessionFields, document.at("professions")),
      record_sheet("Organisation", kTotalsFields, organisation),
      uplift_sheet(review, component_names),
      warnings_sheet(document.at("warnings"))};

  const ReviewSettings& settings = model_of(review).review;
  write_xlsx(out, sheets,
             {settings.title.value_or("Establishment review"), "Establishment review",
              settings.organisation.value_or("")});
}

void refuse_xlsx() {
  throw UsageError("--format xlsx is available for review, compare and sensitivity");
}

}  // namespace estab::report
