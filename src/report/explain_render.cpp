// Rendering `estab explain`: an explanation as text (by section: the inputs with where they were
// written, then each step as an equation), CSV (one row per step) or the `estab-explain/1` JSON;
// and the list of lines that can be explained.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/explain.hpp"
#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/csv_writer.hpp"
#include "report/field_output.hpp"
#include "report/json_support.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace report {

namespace {

using nlohmann::ordered_json;

/// Every section, in the order an explanation is read.
constexpr ExplainSection kSections[] = {ExplainSection::TimeBase, ExplainSection::Absence,
                                        ExplainSection::Uplift,   ExplainSection::Demand,
                                        ExplainSection::Required, ExplainSection::Gaps,
                                        ExplainSection::Costs,    ExplainSection::Actuals};

/// Where an input was written, as text: FILE:LINE, "--set" for an override, or "default".
std::string written_at(const ExplainedInput& input) {
  if (input.source == AssumptionLevel::Default) return "default";
  if (input.file == "--set") return "--set";
  return fmt::format("{}:{}", input.file, input.where.line);
}

/// A step's value for text: the unrounded figure to six decimals with its unit.
std::string step_value_text(const ExplainedStep& step, bool colour) {
  if (step.unit == StepUnit::Rating) {
    Rag rag = Rag::Green;
    if (step.rating == "amber") rag = Rag::Amber;
    if (step.rating == "red") rag = Rag::Red;
    return styled(step.rating, rag_style(rag), colour);
  }
  if (!step.value) return "none";
  const double value = *step.value;
  switch (step.unit) {
    case StepUnit::Fraction:
      return fmt::format("{} ({})", explain_number(value), format_percent(value));
    case StepUnit::Factor:
    case StepUnit::Ratio: return explain_number(value);
    case StepUnit::Pounds: return format_money(value) + " per year";
    default: break;
  }
  return fmt::format("{} {}", explain_number(value), step_unit_name(step.unit));
}

void write_inputs(std::ostream& out, const std::vector<const ExplainedInput*>& inputs,
                  bool colour) {
  TextTable table({{"Input", Align::Left},
                   {"As written", Align::Left},
                   {"Unit", Align::Left},
                   {"Source", Align::Left},
                   {"Written at", Align::Left}});
  for (const ExplainedInput* input : inputs) {
    table.add_row(
        {input->name, input->value, input->unit, level_name(input->source), written_at(*input)});
  }
  table.write(out, colour);
  out << '\n';
}

void write_step(std::ostream& out, const ExplainedStep& step, bool colour) {
  std::string equation = step.name;
  if (!step.detail.empty()) equation += " (" + step.detail + ")";
  equation += " = " + step.formula;
  const bool substituted_is_value = step.value && step.substituted == explain_number(*step.value);
  if (step.substituted != step.formula && !substituted_is_value) {
    equation += " = " + step.substituted;
  }
  out << printable(equation) << " = " << step_value_text(step, colour) << '\n';
}

void write_explanation_text(std::ostream& out, const Explanation& explanation, bool colour) {
  const LineResult& line = explanation.line;
  ReviewResult heading_source;
  heading_source.model = explanation.model;
  write_heading(out, heading_line(heading_source, "Explain " + line_label(line)), colour);
  out << printable(fmt::format("Team {}: {}; service {}", line.team->id, line.team->name,
                               service_label(line.service)))
      << '\n';
  out << printable(fmt::format("Profession {}: {}; {}", line.profession->id, line.profession->name,
                               line.profession->registered ? "registered" : "not registered"))
      << "\n\n";
  for (const ExplainSection section : kSections) {
    std::vector<const ExplainedInput*> inputs;
    for (const ExplainedInput& input : explanation.inputs) {
      if (input.section == section) inputs.push_back(&input);
    }
    const bool any_step =
        std::any_of(explanation.steps.begin(), explanation.steps.end(),
                    [&](const ExplainedStep& step) { return step.section == section; });
    if (section == ExplainSection::Actuals && inputs.empty() && !any_step) continue;
    out << styled(explain_section_title(section), Style::Bold, colour) << "\n\n";
    if (!inputs.empty()) write_inputs(out, inputs, colour);
    for (const ExplainedStep& step : explanation.steps) {
      if (step.section == section) write_step(out, step, colour);
    }
    out << '\n';
  }
  out << fmt::format("Required WTE of {}: {} ({} unrounded), as the review reports it\n",
                     printable(line_label(line)), format_wte(line.required_wte),
                     explain_number(line.required_wte));
}

void write_explanation_csv(std::ostream& out, const Explanation& explanation) {
  write_csv_header(out, {"section", "name", "detail", "formula", "substituted", "value", "unit"});
  for (const ExplainedStep& step : explanation.steps) {
    const std::string value =
        step.unit == StepUnit::Rating ? csv_text(step.rating) : csv_number(step.value);
    write_csv_record(out, {csv_text(explain_section_name(step.section)), csv_text(step.name),
                           csv_text(step.detail), csv_text(step.formula),
                           csv_text(step.substituted), value, csv_text(step_unit_name(step.unit))});
  }
}

ordered_json input_json(const ExplainedInput& input) {
  ordered_json object = ordered_json::object();
  object["name"] = input.name;
  object["value"] = input.value;
  object["unit"] = input.unit;
  object["source"] = level_name(input.source);
  const bool is_default = input.source == AssumptionLevel::Default;
  object["file"] = is_default ? ordered_json(nullptr) : ordered_json(input.file);
  object["line"] = is_default ? ordered_json(nullptr) : ordered_json(input.where.line);
  object["column"] = is_default ? ordered_json(nullptr) : ordered_json(input.where.column);
  object["section"] = explain_section_name(input.section);
  return object;
}

ordered_json step_json(const ExplainedStep& step) {
  ordered_json object = ordered_json::object();
  object["name"] = step.name;
  object["detail"] = step.detail.empty() ? ordered_json(nullptr) : ordered_json(step.detail);
  object["formula"] = step.formula;
  object["substituted"] = step.substituted;
  if (step.unit == StepUnit::Rating) {
    object["value"] = step.rating;
  } else {
    set_number(object, "value", step.value);
  }
  object["unit"] = step_unit_name(step.unit);
  object["section"] = explain_section_name(step.section);
  return object;
}

/// The line's figures under the review contract's names: every field of a line after its
/// identity and absence components, as the review reports them.
ordered_json result_json(const LineResult& line) {
  ordered_json object = ordered_json::object();
  for (const Field<LineResult>& field : line_fields()) {
    const bool is_figure = field.unit != FieldUnit::Text && field.unit != FieldUnit::Flag &&
                           field.unit != FieldUnit::Components &&
                           field.unit != FieldUnit::ActualComponents;
    if (is_figure) set_field(object, field.name, field.read(line));
  }
  return object;
}

/// Throws UsageError for a format other than table, CSV and JSON (a board paper or workbook
/// has no place for one line's working).
[[noreturn]] void refuse_other_formats() {
  throw UsageError("explain writes table, csv or json");
}

void write_lines_text(std::ostream& out, const ReviewResult& review, bool colour) {
  write_heading(out, heading_line(review, "Lines to explain"), colour);
  TextTable table(
      {{"Team", Align::Left}, {"Profession", Align::Left}, {"Required WTE", Align::Right}});
  for (const ExplainableLine& line : explainable_lines(review)) {
    table.add_row({line.team, line.profession, format_wte(line.required_wte)});
  }
  table.write(out, colour);
  out << "\nExplain one with: estab explain FILE --team TEAM --profession PROFESSION\n";
}

void write_lines_csv(std::ostream& out, const ReviewResult& review) {
  write_csv_header(out, {"team", "profession", "required_wte"});
  for (const ExplainableLine& line : explainable_lines(review)) {
    write_csv_record(
        out, {csv_text(line.team), csv_text(line.profession), csv_number(line.required_wte)});
  }
}

}  // namespace

}  // namespace report

nlohmann::ordered_json explanation_to_json(const Explanation& explanation) {
  using nlohmann::ordered_json;
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-explain/1";
  document["team"] = explanation.line.team->id;
  document["profession"] = explanation.line.profession->id;
  ordered_json inputs = ordered_json::array();
  for (const ExplainedInput& input : explanation.inputs)
    inputs.push_back(report::input_json(input));
  document["inputs"] = std::move(inputs);
  ordered_json steps = ordered_json::array();
  for (const ExplainedStep& step : explanation.steps) steps.push_back(report::step_json(step));
  document["steps"] = std::move(steps);
  document["result"] = report::result_json(explanation.line);
  return document;
}

nlohmann::ordered_json explainable_lines_to_json(const ReviewResult& review) {
  using nlohmann::ordered_json;
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-explain-lines/1";
  ordered_json lines = ordered_json::array();
  for (const ExplainableLine& line : explainable_lines(review)) {
    ordered_json object = ordered_json::object();
    object["team"] = line.team;
    object["profession"] = line.profession;
    report::set_number(object, "required_wte", line.required_wte);
    lines.push_back(std::move(object));
  }
  document["lines"] = std::move(lines);
  return document;
}

void render_explanation(std::ostream& out, const Explanation& explanation, OutputFormat format,
                        const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Table:
      report::write_explanation_text(out, explanation, options.colour);
      return;
    case OutputFormat::Csv: report::write_explanation_csv(out, explanation); return;
    case OutputFormat::Json:
      report::write_json(out, explanation_to_json(explanation), options.compact_json);
      return;
    default: report::refuse_other_formats();
  }
}

void render_explainable_lines(std::ostream& out, const ReviewResult& review, OutputFormat format,
                              const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Table: report::write_lines_text(out, review, options.colour); return;
    case OutputFormat::Csv: report::write_lines_csv(out, review); return;
    case OutputFormat::Json:
      report::write_json(out, explainable_lines_to_json(review), options.compact_json);
      return;
    default: report::refuse_other_formats();
  }
}

}  // namespace estab
