// The `gaps` view: funded, in-post and required WTE per line with the establishment gap,
// vacancy and net gap, their rates and RAG; then the registered skill mix per team, service
// and the organisation.

#include <fmt/format.h>

#include "estab/report.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/view_writer.hpp"
#include "report/views.hpp"
#include "report/xlsx_views.hpp"

namespace estab {

namespace report {

namespace {

std::vector<Column> gap_columns() {
  return {
      {"Team", Align::Left},          {"Profession", Align::Left}, {"Funded", Align::Right},
      {"In post", Align::Right},      {"Required", Align::Right},  {"Est. gap", Align::Right},
      {"Vacancy", Align::Right},      {"Net gap", Align::Right},   {"Vacancy rate", Align::Right},
      {"Net gap rate", Align::Right}, {"RAG", Align::Left}};
}

/// A total row of the gap table; rates are those of the summed WTE, and totals have no RAG.
std::vector<Cell> gap_total_row(const std::string& label, const Totals& totals) {
  return {label,
          "",
          format_wte(totals.funded_wte),
          format_wte(totals.in_post_wte),
          format_wte(totals.required_wte),
          format_wte(totals.establishment_gap_wte),
          format_wte(totals.vacancy_wte),
          format_wte(totals.net_gap_wte),
          format_percent(totals.vacancy_rate),
          format_percent(totals.net_gap_rate),
          ""};
}

std::vector<Cell> skill_mix_row(const std::string& level, const std::string& name,
                                const Totals& totals) {
  return {level,
          name,
          format_percent(totals.registered_share_required),
          format_percent(totals.registered_share_funded),
          format_percent(totals.registered_share_in_post),
          format_percent(totals.registered_target),
          format_wte(totals.registered_gap_wte),
          rag_cell(totals.skill_mix_rag)};
}

}  // namespace

void write_gap_table(ViewWriter& writer, const ReviewResult& review) {
  TextTable table(gap_columns());
  const RollupLevel level = writer.level();
  for (const ServiceGroup& service : group_lines(review)) {
    if (level == RollupLevel::Organisation) break;
    for (const TeamGroup& team : service.teams) {
      if (level == RollupLevel::Service) break;
      for (const LineResult* line : team.lines) {
        if (level != RollupLevel::Line) break;
        table.add_row({line->team->name, line->profession->name, format_wte(line->funded_wte),
                       format_wte(line->in_post_wte), format_wte(line->required_wte),
                       format_wte(line->establishment_gap_wte), format_wte(line->vacancy_wte),
                       format_wte(line->net_gap_wte), format_percent(line->vacancy_rate),
                       format_percent(line->net_gap_rate), rag_cell(line->gap_rag)});
      }
      table.add_row(gap_total_row(team.team->team->name + " total", team.team->totals), true);
    }
    table.add_row(gap_total_row("service " + service_label(service.service->service) + " total",
                                service.service->totals),
                  true);
    if (level != RollupLevel::Service) table.add_rule();
  }
  if (level == RollupLevel::Service) table.add_rule();
  table.add_row(gap_total_row("Organisation total", review.organisation), true);
  writer.paragraph(fmt::format(
      "{}. Establishment gap = required - funded; vacancy = funded - in post; net gap = "
      "required - in post (positive: short). RAG from the net gap rate.",
      level == RollupLevel::Line ? std::string("WTE per staffing line")
                                 : fmt::format("{}, in WTE", rows_phrase(level))));
  writer.table(table);
  const Totals& organisation = review.organisation;
  writer.blank_line();
  writer.line(fmt::format(
      "Over the lines: {} WTE vacant where lines are short of staff and {} WTE over "
      "establishment elsewhere; the vacancy of {} WTE nets the two.",
      format_wte(organisation.vacancy_wte_gross), format_wte(organisation.over_establishment_wte),
      format_wte(organisation.vacancy_wte)));
}

void write_skill_mix_table(ViewWriter& writer, const ReviewResult& review) {
  TextTable table({{"Level", Align::Left},
                   {"Name", Align::Left},
                   {"Reg. % required", Align::Right},
                   {"Reg. % funded", Align::Right},
                   {"Reg. % in post", Align::Right},
                   {"Target", Align::Right},
                   {"Reg. gap WTE", Align::Right},
                   {"RAG", Align::Left}});
  for (const TeamResult& team : review.teams) {
    table.add_row(skill_mix_row("team", team.team->name, team.totals));
  }
  table.add_rule();
  for (const ServiceResult& service : review.services) {
    table.add_row(skill_mix_row("service", service_label(service.service), service.totals));
  }
  table.add_rule();
  table.add_row(skill_mix_row("organisation", "", review.organisation), true);
  writer.paragraph(
      "Registered share of WTE (required, funded, in post) against the target; RAG compares the "
      "in-post share with the target.");
  writer.table(table);
}

}  // namespace report

void render_gaps(std::ostream& out, const ReviewResult& review, OutputFormat format,
                 const RenderOptions& options) {
  if (format == OutputFormat::Xlsx) {
    report::write_gaps_xlsx(out, review, options.level);
    return;
  }
  if (!report::is_view_layout(format)) {
    report::write_review_data(out, review, format, options);
    return;
  }
  report::ViewWriter writer(out, format, options.colour);
  writer.set_level(options.level);
  writer.heading(report::HeadingLevel::Title, report::heading_line(review, "Gaps"));
  report::write_gap_table(writer, review);
  writer.blank_line();
  writer.heading(report::HeadingLevel::Section, "Skill mix");
  report::write_skill_mix_table(writer, review);
}

}  // namespace estab
