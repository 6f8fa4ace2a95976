// The `uplift` view, for finance leads: each distinct set of absence assumptions with every
// component, exact and additive uplift side by side, the WTE and cost of each, the additive
// shortfall, and the lines that use the set.

#include <fmt/format.h>

#include "estab/report.hpp"
#include "report/csv_review.hpp"
#include "report/html_review.hpp"
#include "report/json_support.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/view_writer.hpp"
#include "report/views.hpp"
#include "report/xlsx_views.hpp"

namespace estab {

namespace report {

namespace {

/// How many lines a set lists by name before it says "and N more".
constexpr std::size_t kListedLines = 8;

void write_components(ViewWriter& writer, const ResolvedAbsence& absence,
                      const AbsenceHours& hours) {
  TextTable table({{"Component", Align::Left},
                   {"% of contracted time", Align::Right},
                   {"Hours per WTE per year", Align::Right},
                   {"Source", Align::Left}});
  for (std::size_t index = 0; index < absence.components.size(); ++index) {
    const AbsenceComponent& component = absence.components[index];
    table.add_row({component.component, format_percent(component.fraction),
                   format_hours(hours.components[index]), level_name(component.source)});
  }
  table.add_rule();
  table.add_row({"Total", format_percent(absence.total), format_hours(hours.total), ""}, true);
  writer.table(table);
  writer.paragraph(fmt::format("Headcount per WTE: {} ({})",
                               round_decimal(absence.headcount_per_wte, 2),
                               level_name(absence.headcount_source)));
}

void write_methods(ViewWriter& writer, const AssumptionGroup& group, UpliftMethod applied) {
  const LineResult& first = *group.first;
  TextTable table({{"Method", Align::Left},
                   {"Uplift", Align::Right},
                   {"Uplift WTE", Align::Right},
                   {"Uplift cost", Align::Right},
                   {"Applied", Align::Left}});
  table.add_row({"exact: a / (1 - a)", format_percent(first.uplift_exact),
                 format_wte(group.exact_uplift_wte), format_money(group.exact_uplift_cost),
                 applied == UpliftMethod::Exact ? "yes" : ""});
  table.add_row({"additive: a", format_percent(first.uplift_additive),
                 format_wte(group.additive_uplift_wte), format_money(group.additive_uplift_cost),
                 applied == UpliftMethod::Additive ? "yes" : ""});
  table.add_rule();
  table.add_row(
      {"additive shortfall", format_percent(group.uplift_shortfall),
       format_wte(group.additive_shortfall_wte), format_money(group.additive_shortfall_cost), ""},
      true);
  writer.table(table);
}

std::string listed_lines(const AssumptionGroup& group) {
  std::vector<std::string> labels;
  for (std::size_t index = 0; index < group.lines.size() && index < kListedLines; ++index) {
    labels.push_back(line_label(*group.lines[index]));
  }
  std::string listed = fmt::format("{}", fmt::join(labels, ", "));
  if (group.lines.size() > kListedLines) {
    listed += fmt::format(" and {} more", group.lines.size() - kListedLines);
  }
  return listed;
}

/// The components of a set that come from a team, profession or line, e.g. "sickness 4.2% (team)".
std::string local_overrides(const ResolvedAbsence& absence) {
  std::vector<std::string> overrides;
  for (const AbsenceComponent& component : absence.components) {
    if (component.source == AssumptionLevel::Organisation ||
        component.source == AssumptionLevel::Default) {
      continue;
    }
    overrides.push_back(fmt::format("{} {} ({})", component.component,
                                    format_percent(component.fraction),
                                    level_name(component.source)));
  }
  if (absence.headcount_source != AssumptionLevel::Organisation &&
      absence.headcount_source != AssumptionLevel::Default) {
    overrides.push_back(fmt::format("headcount {} ({})",
                                    round_decimal(absence.headcount_per_wte, 2),
                                    level_name(absence.headcount_source)));
  }
  if (overrides.empty()) return "organisation assumptions";
  return fmt::format("{}", fmt::join(overrides, ", "));
}

/// One row per set, so that sets can be compared before their details are read.
void write_summary(ViewWriter& writer, const std::vector<AssumptionGroup>& groups,
                   HeadingLevel level) {
  TextTable table({{"Set", Align::Right},
                   {"Lines", Align::Right},
                   {"Productive WTE", Align::Right},
                   {"Absence", Align::Right},
                   {"Exact", Align::Right},
                   {"Additive", Align::Right},
                   {"Shortfall WTE", Align::Right},
                   {"Shortfall cost", Align::Right},
                   {"Set apart by", Align::Left}});
  for (std::size_t index = 0; index < groups.size(); ++index) {
    const AssumptionGroup& group = groups[index];
    const LineResult& first = *group.first;
    table.add_row({std::to_string(index + 1), std::to_string(group.lines.size()),
                   format_wte(group.productive_wte), format_percent(first.absence.total),
                   format_percent(first.uplift_exact), format_percent(first.uplift_additive),
                   format_wte(group.additive_shortfall_wte),
                   format_money(group.additive_shortfall_cost), local_overrides(first.absence)});
  }
  writer.heading(level, "Summary of assumption sets");
  writer.table(table);
  writer.blank_line();
}

std::string organisation_line(const ReviewResult& review) {
  const Totals& organisation = review.organisation;
  std::string line = fmt::format("Organisation: {} productive WTE; additive shortfall {} WTE",
                                 format_wte(organisation.productive_wte),
                                 format_wte(organisation.additive_shortfall_wte));
  if (organisation.additive_shortfall_cost) {
    line += fmt::format(" ({})", format_money(*organisation.additive_shortfall_cost));
  }
  if (organisation.uplift_cost) {
    line += fmt::format("; cost of the uplift applied {}", format_money(*organisation.uplift_cost));
  }
  return line + ".";
}

}  // namespace

void write_uplift_sets(ViewWriter& writer, const ReviewResult& review, HeadingLevel set_level) {
  const Model& model = model_of(review);
  const double contracted_hours_per_wte = model.review.contracted_hours_per_wte();
  const std::vector<AssumptionGroup> groups = group_assumptions(review);
  writer.paragraph(fmt::format(
      "Absence as a share of contracted time ({} hours per WTE per year). Costs count only the "
      "lines with a cost per WTE.",
      format_hours(contracted_hours_per_wte)));
  if (groups.empty()) {
    writer.paragraph("No staffing lines.");
  } else {
    write_summary(writer, groups, set_level);
  }
  for (std::size_t index = 0; index < groups.size(); ++index) {
    const AssumptionGroup& group = groups[index];
    const std::size_t line_count = group.lines.size();
    writer.heading(set_level, fmt::format("Assumption set {} of {} ({} line{})", index + 1,
                                          groups.size(), line_count, line_count == 1 ? "" : "s"));
    write_components(writer, group.first->absence, group.hours);
    write_methods(writer, group, model.review.uplift_method.value);
    writer.blank_line();
    writer.line(fmt::format("Applies to {} productive WTE.", format_wte(group.productive_wte)));
    writer.paragraph(fmt::format("Lines: {}", listed_lines(group)));
  }
  writer.line(organisation_line(review));
}

}  // namespace report

void render_uplift(std::ostream& out, const ReviewResult& review, OutputFormat format,
                   const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Csv: report::write_uplift_csv(out, review); return;
    case OutputFormat::Json:
      report::write_json(out, uplift_to_json(review), options.compact_json);
      return;
    case OutputFormat::Xlsx: report::write_uplift_xlsx(out, review); return;
    case OutputFormat::Html: report::refuse_html();
    case OutputFormat::Table:
    case OutputFormat::Markdown: break;
  }
  report::ViewWriter writer(out, format, options.colour);
  writer.heading(report::HeadingLevel::Title, report::heading_line(review, "Uplift"));
  report::write_uplift_sets(writer, review, report::HeadingLevel::Section);
}

}  // namespace estab
