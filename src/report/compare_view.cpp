// The `compare` renderers: a table (or Markdown) of what moved (base → scenario and the delta)
// with the organisation's totals always shown, a CSV of one level with base, scenario and delta
// columns, and the `estab-compare/2` JSON.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "estab/compare.hpp"
#include "report/compare_format.hpp"
#include "report/csv_writer.hpp"
#include "report/html_review.hpp"
#include "report/json_support.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/view_writer.hpp"
#include "report/xlsx_views.hpp"

namespace estab {

namespace report {

const std::vector<ShownField> kRecordFields = {{"required_wte", "Required", Measure::Wte},
                                               {"funded_wte", "Funded", Measure::Wte},
                                               {"in_post_wte", "In post", Measure::Wte},
                                               {"net_gap_wte", "Net gap", Measure::Wte},
                                               {"required_cost", "Required cost", Measure::Money}};

const std::vector<ShownField> kOrganisationFields = {
    {"required_wte", "Required WTE", Measure::Wte},
    {"funded_wte", "Funded WTE", Measure::Wte},
    {"in_post_wte", "In post WTE", Measure::Wte},
    {"establishment_gap_wte", "Establishment gap WTE", Measure::Wte},
    {"vacancy_wte", "Vacancy WTE", Measure::Wte},
    {"net_gap_wte", "Net gap WTE", Measure::Wte},
    {"registered_share_in_post", "Registered share in post", Measure::Share},
    {"required_cost", "Required cost", Measure::Money},
    {"funded_cost", "Funded cost", Measure::Money}};

std::string format_value(const std::optional<double>& value, Measure measure) {
  switch (measure) {
    case Measure::Wte: return format_wte(value);
    case Measure::Money: return format_money(value);
    case Measure::Share: return format_percent(value);
  }
  return std::string(kNullCell);
}

std::string format_delta(const std::optional<double>& delta, Measure measure) {
  if (!delta) {
    return std::string(kNullCell);
  }
  std::string text = measure == Measure::Share ? round_decimal(*delta, 1, 2) + " pp"
                                               : format_value(delta, measure);
  const bool rounds_to_zero = text.find_first_of("123456789") == std::string::npos;
  if (!rounds_to_zero && text.front() != '-') {
    text.insert(0, "+");
  }
  return text;
}

std::string format_transition(const FieldChange& change, Measure measure) {
  return format_value(change.base, measure) + " → " + format_value(change.scenario, measure);
}

/// Whether the tables show a record: everything with `show_all`, otherwise what is not "same".
bool shown(const ComparedRecord& record, bool show_all) {
  return show_all || record.status != CompareStatus::Same;
}

/// "3 changed, 1 added, 0 removed, 20 same" for a list of records.
std::string status_summary(const std::vector<ComparedRecord>& records) {
  std::vector<std::string> parts;
  for (const CompareStatus status : {CompareStatus::Changed, CompareStatus::Added,
                                     CompareStatus::Removed, CompareStatus::Same}) {
    const auto count =
        std::count_if(records.begin(), records.end(),
                      [status](const ComparedRecord& record) { return record.status == status; });
    parts.push_back(fmt::format("{} {}", count, compare_status_name(status)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// The columns of a record table: its identity columns, Status, then value and Δ per figure.
std::vector<Column> record_columns(const std::vector<std::string>& identity_headings) {
  std::vector<Column> columns;
  for (const std::string& heading : identity_headings) columns.push_back({heading, Align::Left});
  columns.push_back({"Status", Align::Left});
  for (const ShownField& shown_field : kRecordFields) {
    columns.push_back({shown_field.heading, Align::Right});
    columns.push_back({"Δ", Align::Right});
  }
  return columns;
}

/// One row of a record table: identity cells, status, then value and Δ per figure.
std::vector<Cell> record_row(std::vector<Cell> identity_cells, const ComparedRecord& record) {
  std::vector<Cell> cells = std::move(identity_cells);
  cells.emplace_back(compare_status_name(record.status));
  for (const ShownField& shown_field : kRecordFields) {
    const FieldChange& change = record.field(shown_field.field);
    cells.emplace_back(format_transition(change, shown_field.measure));
    cells.emplace_back(format_delta(change.delta, shown_field.measure));
  }
  return cells;
}

/// The text of one of a record's identity fields; `fallback` when it is null.
std::string identity_text(const ComparedRecord& record, std::string_view name,
                          const char* fallback) {
  const FieldValue value = record.identity(name);
  return value.kind == FieldValue::Kind::Null ? std::string(fallback) : std::string(value.text);
}

/// The identity cells of a record at a level, by name: team and profession, team, or service.
std::vector<Cell> identity_cells(const ComparedRecord& record, RollupLevel level) {
  switch (level) {
    case RollupLevel::Line:
      return {identity_text(record, "team_name", ""), identity_text(record, "profession_name", "")};
    case RollupLevel::Team: return {identity_text(record, "team_name", "")};
    case RollupLevel::Service: return {identity_text(record, "service_name", "(none)")};
    case RollupLevel::Organisation: break;
  }
  return {};
}

namespace {

/// Writes one section (lines, teams or services): a heading with the status counts, then the
/// table of shown records, or a sentence when none is shown.
void write_record_section(ViewWriter& writer, const std::string& title,
                          const std::vector<ComparedRecord>& records, RollupLevel level,
                          const std::vector<std::string>& identity_headings, bool show_all) {
  writer.heading(HeadingLevel::Section, fmt::format("{} ({})", title, status_summary(records)));
  TextTable table(record_columns(identity_headings));
  for (const ComparedRecord& record : records) {
    if (shown(record, show_all)) table.add_row(record_row(identity_cells(record, level), record));
  }
  if (table.size() == 0) {
    writer.line(records.empty() ? "None on either side." : "No change.");
    return;
  }
  writer.table(table);
}

/// Writes the organisation's totals: base, scenario and Δ for each figure, always shown.
void write_organisation_section(ViewWriter& writer, const ComparedRecord& organisation) {
  writer.heading(HeadingLevel::Section,
                 fmt::format("Organisation ({})", compare_status_name(organisation.status)));
  TextTable table({{"Figure", Align::Left},
                   {"Base", Align::Right},
                   {"Scenario", Align::Right},
                   {"Δ", Align::Right}});
  for (const ShownField& shown_field : kOrganisationFields) {
    const FieldChange& change = organisation.field(shown_field.field);
    table.add_row({shown_field.heading, format_value(change.base, shown_field.measure),
                   format_value(change.scenario, shown_field.measure),
                   format_delta(change.delta, shown_field.measure)});
  }
  writer.table(table);
}

/// The comparison as a terminal table or as Markdown (`writer` decides).
void write_comparison_view(ViewWriter& writer, const Comparison& comparison, bool show_all) {
  writer.heading(HeadingLevel::Title, fmt::format("Comparison: {} → {}", comparison.base_file,
                                                  comparison.scenario_file));
  writer.line(std::string(show_all ? "Every record" : "Changed, added and removed records") +
              ": each figure base → scenario, and Δ = scenario - base.");
  writer.paragraph(
      "WTE to 2 decimals, money in whole pounds; the registered share moves in percentage "
      "points (pp).");
  write_record_section(writer, "Staffing lines", comparison.lines, RollupLevel::Line,
                       {"Team", "Profession"}, show_all);
  writer.blank_line();
  write_record_section(writer, "Teams", comparison.teams, RollupLevel::Team, {"Team"}, show_all);
  writer.blank_line();
  write_record_section(writer, "Services", comparison.services, RollupLevel::Service, {"Service"},
                       show_all);
  writer.blank_line();
  write_organisation_section(writer, comparison.organisation);
}

/// The records of one level: the lines, teams, services, or the organisation alone.
std::vector<const ComparedRecord*> records_at(const Comparison& comparison, RollupLevel level) {
  const std::vector<ComparedRecord>* records = nullptr;
  switch (level) {
    case RollupLevel::Line: records = &comparison.lines; break;
    case RollupLevel::Team: records = &comparison.teams; break;
    case RollupLevel::Service: records = &comparison.services; break;
    case RollupLevel::Organisation: return {&comparison.organisation};
  }
  std::vector<const ComparedRecord*> pointers;
  for (const ComparedRecord& record : *records) pointers.push_back(&record);
  return pointers;
}

/// One row per record of `level`: identity, status, then FIELD_base, FIELD_scenario and
/// FIELD_delta for each compared field, unrounded, empty for null.
void write_comparison_csv(std::ostream& out, const Comparison& comparison, RollupLevel level) {
  std::vector<std::string> headers(compared_identity(level).begin(),
                                   compared_identity(level).end());
  headers.push_back("status");
  for (const std::string_view field : compared_fields(level)) {
    const std::string name(field);
    headers.insert(headers.end(), {name + "_base", name + "_scenario", name + "_delta"});
  }
  write_csv_header(out, headers);
  for (const ComparedRecord* record : records_at(comparison, level)) {
    std::vector<std::string> fields;
    for (const std::string_view key : compared_identity(level)) {
      const FieldValue value = record->identity(key);
      fields.push_back(value.kind == FieldValue::Kind::Null ? std::string() : csv_text(value.text));
    }
    fields.push_back(csv_text(compare_status_name(record->status)));
    for (const FieldChange& change : record->fields()) {
      fields.insert(fields.end(), {csv_number(change.base), csv_number(change.scenario),
                                   csv_number(change.delta)});
    }
    write_csv_record(out, fields);
  }
}

}  // namespace

}  // namespace report

void render_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format,
                       const RenderOptions& options, bool show_all) {
  switch (format) {
    case OutputFormat::Table:
    case OutputFormat::Markdown: {
      report::ViewWriter writer(out, format, options.colour);
      report::write_comparison_view(writer, comparison, show_all);
      return;
    }
    case OutputFormat::Csv: report::write_comparison_csv(out, comparison, options.level); return;
    case OutputFormat::Json:
      report::write_comparison_json(out, comparison, options.compact_json);
      return;
    case OutputFormat::Html: report::write_comparison_html(out, comparison, show_all); return;
    case OutputFormat::Xlsx: report::write_comparison_xlsx(out, comparison); return;
  }
}

}  // namespace estab
