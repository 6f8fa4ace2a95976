// The workbooks of the what-if commands: `compare --format xlsx` (one sheet per level, base,
// scenario and delta of every compared field, as in the CSV of each level) and
// `sensitivity --format xlsx` (one sheet, one row per assumption, as in its CSV). Numbers are
// unrounded; the spreadsheet's number formats do the rounding on screen.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
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
    columns.push_back({std::string(key), NumberStyle::General, column_label(key)});
  }
  columns.push_back({"status", NumberStyle::General, "Status"});
  const std::vector<std::string_view>& fields = compared_fields(level);
  const std::vector<FieldUnit>& units = compared_units(level);
  for (std::size_t index = 0; index < fields.size(); ++index) {
    const NumberStyle style = number_style(units[index]);
    const std::string label = column_label(fields[index]);
    for (const auto& [suffix, side] :
         {std::pair{kBaseSuffix, " (base)"}, std::pair{kScenarioSuffix, " (scenario)"},
          std::pair{kDeltaSuffix, " (change)"}}) {
      columns.push_back({std::string(fields[index]) + suffix, style, label + side});
    }
  }
  return columns;
}

/// The cells of one compared record: identity, status, then base, scenario and delta.
void comparison_cells(const ComparedRecord& record, RollupLevel level,
                      std::vector<XlsxCell>& cells) {
  for (const std::string_view key : compared_identity(level)) {
    cells.push_back(field_cell(record.identity(key)));
  }
  cells.emplace_back(std::string(compare_status_name(record.status)));
  for (const FieldChange& change : record.fields()) {
    cells.insert(cells.end(), {optional_number(change.base), optional_number(change.scenario),
                               optional_number(change.delta)});
  }
}

/// One compare sheet: a row per record, in the comparison's order, streamed from `records`.
XlsxSheet comparison_sheet(std::string name, const std::vector<ComparedRecord>& records,
                           RollupLevel level) {
  XlsxSheet sheet;
  sheet.name = std::move(name);
  sheet.columns = comparison_columns(level);
  sheet.streamed_rows = records.size();
  sheet.streamed_row = [&records, level](std::size_t index, std::vector<XlsxCell>& cells) {
    comparison_cells(records[index], level, cells);
  };
  return sheet;
}

/// The organisation's compare sheet: its one record.
XlsxSheet organisation_sheet(const ComparedRecord& organisation) {
  XlsxSheet sheet;
  sheet.name = "Organisation";
  sheet.columns = comparison_columns(RollupLevel::Organisation);
  sheet.rows.emplace_back();
  comparison_cells(organisation, RollupLevel::Organisation, sheet.rows.back());
  return sheet;
}

/// The columns of the sensitivity sheet, as in its CSV: the WTE columns as WTE, the cost
/// columns as money.
std::vector<XlsxColumn> sensitivity_columns() {
  const NumberStyle wte = number_style(FieldUnit::Wte);
  const NumberStyle cost = number_style(FieldUnit::Money);
  return {{"component", NumberStyle::General, "Assumption"},
          {"required_wte_down", wte, "Required WTE, assumption down"},
          {"required_wte_up", wte, "Required WTE, assumption up"},
          {"required_cost_down", cost, "Required cost, assumption down"},
          {"required_cost_up", cost, "Required cost, assumption up"},
          {"swing_wte", wte, "Swing WTE"}};
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
      comparison_sheet("Lines", comparison.lines, RollupLevel::Line),
      comparison_sheet("Teams", comparison.teams, RollupLevel::Team),
      comparison_sheet("Services", comparison.services, RollupLevel::Service),
      organisation_sheet(comparison.organisation)};
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
