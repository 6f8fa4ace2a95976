// The workbooks of the what-if commands: `compare --format xlsx` (one sheet per level, base,
// scenario and delta of every compared field, as in the CSV of each level) and
// `sensitivity --format xlsx` (one sheet, one row per assumption, as in its CSV). Numbers are
// unrounded; the spreadsheet's number formats do the rounding on screen.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "estab/compare.hpp"
#include "estab/sensitivity.hpp"
#include "report/field_output.hpp"
#include "report/view_common.hpp"
#include "report/xlsx_views.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

namespace {

/// The suffixes of the three columns each compared field gets, in column order.
constexpr const char* kBaseSuffix = "_base";
constexpr const char* kScenarioSuffix = "_scenario";
constexpr const char* kDeltaSuffix = "_delta";

/// A number cell, or an empty one for null.
XlsxCell optional_number(const std::optional<double>& value) {
  return value ? XlsxCell(*value) : XlsxCell();
}

/// The columns of a compare sheet: identity, status, then base, scenario and delta of each
/// compared field, all three in the field's own number format.
std::vector<XlsxColumn> comparison_columns(RollupLevel level) {
  std::vector<XlsxColumn> columns;
  for (const std::string_view key : compared_identity(level)) {
    columns.push_back({std::string(key), NumberStyle::General});
  }
  columns.push_back({"status", NumberStyle::General});
  const std::vector<std::string_view>& fields = compared_fields(level);
  const std::vector<FieldUnit>& units = compared_units(level);
  for (std::size_t index = 0; index < fields.size(); ++index) {
    const NumberStyle style = number_style(units[index]);
    for (const char* suffix : {kBaseSuffix, kScenarioSuffix, kDeltaSuffix}) {
      columns.push_back({std::string(fields[index]) + suffix, style});
    }
  }
  return columns;
}

/// One compare sheet: a row per record, in the comparison's order.
XlsxSheet comparison_sheet(std::string name, const std::vector<const ComparedRecord*>& records,
                           RollupLevel level) {
  XlsxSheet sheet;
  sheet.name = std::move(name);
  sheet.columns = comparison_columns(level);
  for (const ComparedRecord* record : records) {
    std::vector<XlsxCell> row;
    for (const std::string_view key : compared_identity(level))
      row.push_back(field_cell(record->identity(key)));
    row.emplace_back(std::string(compare_status_name(record->status)));
    for (const FieldChange& change : record->fields()) {
      row.insert(row.end(), {optional_number(change.base), optional_number(change.scenario),
                             optional_number(change.delta)});
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

/// Pointers to each record of a list, in order.
std::vector<const ComparedRecord*> pointers_to(const std::vector<ComparedRecord>& records) {
  std::vector<const ComparedRecord*> pointers;
  pointers.reserve(records.size());
  for (const ComparedRecord& record : records) pointers.push_back(&record);
  return pointers;
}

/// The columns of the sensitivity sheet, as in its CSV: the WTE columns as WTE, the cost
/// columns as money.
std::vector<XlsxColumn> sensitivity_columns() {
  const NumberStyle wte = number_style(FieldUnit::Wte);
  const NumberStyle cost = number_style(FieldUnit::Money);
  return {{"component", NumberStyle::General}, {"required_wte_down", wte}, {"required_wte_up", wte},
          {"required_cost_down", cost},        {"required_cost_up", cost}, {"swing_wte", wte}};
}

/// The model's title, or `fallback` when the model states none or is missing.
std::string title_of(const Model* model, const char* fallback) {
  if (model == nullptr || !model->review.title) return fallback;
  return *model->review.title;
}

/// The model's organisation, or nothing.
std::string organisation_of(const Model* model) {
  if (model == nullptr || !model->review.organisation) return "";
  return *model->review.organisation;
}

}  // namespace

void write_comparison_xlsx(std::ostream& out, const Comparison& comparison) {
  const std::vector<XlsxSheet> sheets = {
      comparison_sheet("Lines", pointers_to(comparison.lines), RollupLevel::Line),
      comparison_sheet("Teams", pointers_to(comparison.teams), RollupLevel::Team),
      comparison_sheet("Services", pointers_to(comparison.services), RollupLevel::Service),
      comparison_sheet("Organisation", {&comparison.organisation}, RollupLevel::Organisation)};
  const std::string subject =
      fmt::format("Scenario comparison: {} to {}", comparison.base_file, comparison.scenario_file);
  write_xlsx(out, sheets, {"Scenario comparison", subject, ""});
}

void write_sensitivity_xlsx(std::ostream& out, const SensitivityResult& result) {
  XlsxSheet sheet;
  sheet.name = "Sensitivity";
  sheet.columns = sensitivity_columns();
  for (const SensitivityComponent& component : result.components) {
    sheet.rows.push_back({component.component, component.required_wte_down,
                          component.required_wte_up, optional_number(component.required_cost_down),
                          optional_number(component.required_cost_up), component.swing_wte()});
  }
  const std::string subject =
      fmt::format("Sensitivity: each assumption scaled down and up by {:g}%, one at a time",
                  result.change * 100.0);
  write_xlsx(out, {sheet},
             {title_of(result.model, "Sensitivity"), subject, organisation_of(result.model)});
}

}  // namespace estab::report
