// The `establishment` view: demand, productive WTE, uplift and required WTE per line, with a
// total for each team, each service and the organisation.

#include <fmt/format.h>

#include <stdexcept>

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

/// A total row: label, then the roll-up's demand, productive, fixed and required WTE.
std::vector<Cell> total_row(const std::string& label, const Totals& totals) {
  return {label,
          "",
          format_hours(totals.demand_hours_per_week),
          format_wte(totals.productive_wte),
          "",
          format_wte(totals.fixed_wte),
          format_wte(totals.required_wte)};
}

}  // namespace

void write_establishment_table(ViewWriter& writer, const ReviewResult& review) {
  TextTable table({{"Team", Align::Left},
                   {"Profession", Align::Left},
                   {"Demand h/week", Align::Right},
                   {"Productive WTE", Align::Right},
                   {"Uplift", Align::Right},
                   {"Fixed WTE", Align::Right},
                   {"Required WTE", Align::Right}});
  const RollupLevel level = writer.level();
  for (const ServiceGroup& service : group_lines(review)) {
    if (level == RollupLevel::Organisation) break;
    for (const TeamGroup& team : service.teams) {
      if (level == RollupLevel::Service) break;
      for (const LineResult* line : team.lines) {
        if (level != RollupLevel::Line) break;
        table.add_row({line->team->name, line->profession->name,
                       format_hours(line->demand_hours_per_week), format_wte(line->productive_wte),
                       format_percent(line->uplift_applied), format_wte(line->fixed_wte),
                       format_wte(line->required_wte)});
      }
      table.add_row(total_row(team.team->team->name + " total", team.team->totals), true);
    }
    table.add_row(total_row("service " + service_label(service.service->service) + " total",
                            service.service->totals),
                  true);
    if (level != RollupLevel::Service) table.add_rule();
  }
  if (level == RollupLevel::Service) table.add_rule();
  table.add_row(total_row("Organisation total", review.organisation), true);
  writer.paragraph(fmt::format(
      "{}: demand hours per week, productive WTE (demand / standard hours), uplift applied, "
      "fixed WTE (no uplift), required WTE.",
      rows_phrase(level)));
  writer.table(table);
}

void write_review_data(std::ostream& out, const ReviewResult& review, OutputFormat format,
                       const RenderOptions& options) {
  if (format == OutputFormat::Html) refuse_html();  // review writes its own board paper
  if (is_view_layout(format) || format == OutputFormat::Xlsx) {
    throw std::logic_error(
        "report: tables, Markdown and workbooks are each view's own, not "
        "review data");
  }
  if (format == OutputFormat::Csv) {
    write_review_csv(out, review, options.level);
  } else {
    write_review_json(out, review, options.compact_json);
  }
}

}  // namespace report

void render_establishment(std::ostream& out, const ReviewResult& review, OutputFormat format,
                          const RenderOptions& options) {
  if (format == OutputFormat::Xlsx) {
    report::write_establishment_xlsx(out, review, options.level);
    return;
  }
  if (!report::is_view_layout(format)) {
    report::write_review_data(out, review, format, options);
    return;
  }
  report::ViewWriter writer(out, format, options.colour);
  writer.set_level(options.level);
  writer.heading(report::HeadingLevel::Title, report::heading_line(review, "Establishment"));
  report::write_establishment_table(writer, review);
}

}  // namespace estab
