// The board paper's "Actuals against assumptions": the headroom chart and the table of actual
// against assumed absence, bank and agency staff and leavers per team.

#include <fmt/format.h>

#include "report/html_charts.hpp"
#include "report/html_review.hpp"
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

}  // namespace

bool write_actuals_html(HtmlWriter& html, const ReviewResult& review, std::string_view heading) {
  if (!review_has_actuals(review)) return false;
  open_section(html, "actuals", heading);
  if (!review.organisation.actuals.components.empty()) {
    html.open("figure", {{"class", "chart"}});
    html.markup(headroom_chart(review));
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
  for (const TeamResult& team : review.teams) {
    if (totals_have_actuals(team.totals))
      table.add_row(actuals_cells(team.team->name, team.totals));
  }
  table.add_total(actuals_cells("Organisation", review.organisation));
  table.write(html);
  html.element("p", kActualsNote, {{"class", "note"}});
  html.close();
  html.newline();
  return true;
}

}  // namespace estab::report
