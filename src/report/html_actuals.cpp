// The board paper's "Actuals against assumptions": the headroom chart and the table of actual
// against assumed absence, bank and agency staff and leavers per team.

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "report/html_charts.hpp"
#include "report/html_review.hpp"
#include "report/html_shortlist.hpp"
#include "report/text_format.hpp"
#include "report/views.hpp"

namespace estab::report {

namespace {

std::vector<HtmlCell> actuals_cells(const std::string& name, const Totals& totals) {
  std::vector<HtmlCell> cells = {HtmlCell(name)};
  for (const ActualsColumn& column : actuals_columns()) {
    cells.push_back(column.text ? number_cell(column.text(totals))
                                : rag_cell_html(column.rating(totals)));
  }
  return cells;
}

/// Whether team `left`'s actual absence needs more headroom beyond what is funded than
/// `right`'s (a team without the figure ranks last).
bool larger_headroom_gap(const TeamResult& left, const TeamResult& right) {
  const std::optional<double>& left_gap = left.totals.actuals.headroom_gap_wte;
  const std::optional<double>& right_gap = right.totals.actuals.headroom_gap_wte;
  if (!right_gap) return left_gap.has_value();
  return left_gap && *left_gap > *right_gap;
}

}  // namespace

bool write_actuals_html(HtmlWriter& html, const ReviewResult& review, std::string_view heading) {
  if (!review_has_actuals(review)) return false;
  open_section(html, "actuals", heading);
  std::vector<const TeamResult*> with_actuals;
  std::vector<const TeamResult*> with_absence_actuals;
  for (const TeamResult& team : review.teams) {
    if (totals_have_actuals(team.totals)) with_actuals.push_back(&team);
    if (!team.totals.actuals.components.empty()) with_absence_actuals.push_back(&team);
  }
  const std::vector<const TeamResult*> listed =
      shortlist<TeamResult>(with_actuals, larger_headroom_gap);
  if (!review.organisation.actuals.components.empty()) {
    html.open("figure", {{"class", "chart"}});
    html.markup(headroom_chart(shortlist<TeamResult>(with_absence_actuals, larger_headroom_gap)));
    html.element("figcaption",
                 "Funded headroom (the absence assumed for the components with actuals) against "
                 "the absence that actually happened, per team.");
    html.close();
  }
  std::vector<HtmlColumn> columns = {{"Team"}};
  for (const ActualsColumn& column : actuals_columns()) {
    columns.push_back({std::string(column.header), column.text != nullptr});
  }
  HtmlTable table(std::move(columns), "actuals");
  for (const TeamResult* team : listed)
    table.add_row(actuals_cells(team->team->name, team->totals));
  table.add_total(actuals_cells("Organisation", review.organisation));
  table.write(html);
  write_left_out_note(html, listed.size(), with_actuals.size(), "teams with actuals",
                      fmt::format("the {} whose actual absence needs the most headroom beyond "
                                  "what is funded",
                                  listed.size()),
                      in_workbook_and_csv("--format csv --level team"));
  html.element("p", kActualsNote, {{"class", "note"}});
  html.close();
  html.newline();
  return true;
}

}  // namespace estab::report
