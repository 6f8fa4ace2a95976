// The review's "Actuals against assumptions": the summary's headroom line and a table per team
// of actual against assumed absence, bank and agency staff and leavers.

#include <fmt/format.h>

#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/views.hpp"

namespace estab::report {

namespace {

/// Σ assumed and Σ actual over the components with an actual.
std::pair<double, double> assumed_and_actual(const AbsenceActuals& actuals) {
  double assumed = 0.0;
  double actual = 0.0;
  for (const ActualComponent& component : actuals.components) {
    assumed += component.assumed;
    actual += component.actual;
  }
  return {assumed, actual};
}

/// True when a roll-up has any actual: absence, bank and agency hours or leavers.
bool has_actuals(const Totals& totals) {
  return !totals.actuals.components.empty() || totals.workforce.temporary_hours ||
         totals.workforce.leavers || totals.workforce.leavers_wte;
}

/// The table row of one roll-up.
std::vector<Cell> actuals_row(const std::string& name, const Totals& totals) {
  const AbsenceActuals& actuals = totals.actuals;
  const WorkforceActuals& workforce = totals.workforce;
  const bool any_absence = !actuals.components.empty();
  const auto [assumed, actual] = assumed_and_actual(actuals);
  return {name,
          any_absence ? format_percent(assumed) : std::string(kNullCell),
          any_absence ? format_percent(actual) : std::string(kNullCell),
          format_percent(actuals.absence_variance),
          format_wte(actuals.headroom_gap_wte),
          format_money(actuals.headroom_gap_cost),
          rag_cell(actuals.actuals_rag),
          format_percent(workforce.temporary_share),
          rag_cell(workforce.temporary_rag),
          format_percent(workforce.agency_share_hours),
          format_money(workforce.temporary_premium),
          format_percent(workforce.leaver_rate_wte)};
}

}  // namespace

bool review_has_actuals(const ReviewResult& review) {
  return has_actuals(review.organisation);
}

void write_actuals_summary(ViewWriter& writer, const ReviewResult& review) {
  const AbsenceActuals& actuals = review.organisation.actuals;
  if (actuals.components.empty()) return;
  const auto [assumed, actual] = assumed_and_actual(actuals);
  writer.line(fmt::format(
      "Headroom: {} assumed against {} actual absence (over the components with actuals); at "
      "actual absence the organisation needs {} WTE more, {}.",
      format_percent(assumed), format_percent(actual), format_wte(actuals.headroom_gap_wte),
      format_money(actuals.headroom_gap_cost)));
}

void write_actuals_table(ViewWriter& writer, const ReviewResult& review) {
  TextTable table({{"Team", Align::Left},
                   {"Assumed", Align::Right},
                   {"Actual", Align::Right},
                   {"Variance", Align::Right},
                   {"Headroom gap WTE", Align::Right},
                   {"Gap cost", Align::Right},
                   {"Absence RAG", Align::Left},
                   {"Temporary share", Align::Right},
                   {"Temporary RAG", Align::Left},
                   {"Agency hours", Align::Right},
                   {"Premium", Align::Right},
                   {"Leavers WTE", Align::Right}});
  for (const TeamResult& team : review.teams) {
    if (has_actuals(team.totals)) table.add_row(actuals_row(team.team->name, team.totals));
  }
  table.add_rule();
  table.add_row(actuals_row("Organisation", review.organisation), true);
  writer.table(table);
  writer.blank_line();
  writer.line(
      "Assumed and actual: the absence components with an actual, weighted by WTE in post. "
      "Temporary share: bank and agency WTE as a share of worked time.");
}

}  // namespace estab::report
