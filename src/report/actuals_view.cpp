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

}  // namespace

bool totals_have_actuals(const Totals& totals) {
  return !totals.actuals.components.empty() || totals.workforce.temporary_hours ||
         totals.workforce.leavers || totals.workforce.leavers_wte;
}

bool review_has_actuals(const ReviewResult& review) {
  return totals_have_actuals(review.organisation);
}

std::string actuals_summary_line(const ReviewResult& review) {
  const AbsenceActuals& actuals = review.organisation.actuals;
  if (actuals.components.empty()) return {};
  const auto [assumed, actual] = assumed_and_actual(actuals);
  return fmt::format(
      "Headroom: {} assumed against {} actual absence (over the components with actuals); at "
      "actual absence the organisation needs {} WTE more, {}.",
      format_percent(assumed), format_percent(actual), format_wte(actuals.headroom_gap_wte),
      format_money(actuals.headroom_gap_cost));
}

void write_actuals_summary(ViewWriter& writer, const ReviewResult& review) {
  const std::string line = actuals_summary_line(review);
  if (!line.empty()) writer.line(line);
}

const char* const kActualsNote =
    "Assumed and actual: the absence components with an actual, weighted by FTE days "
    "available where every actual comes from sickness extracts, else by WTE in post. Temporary "
    "share: bank and agency WTE as a share of worked time. Agency hours: the agency share of "
    "the bank and agency hours. Premium: the bank and agency cost over substantive staff "
    "working the same hours. Leavers WTE: leavers' WTE over mean WTE in post.";

const std::vector<ActualsColumn>& actuals_columns() {
  static const std::vector<ActualsColumn> columns = {
      {"Assumed",
       [](const Totals& totals) {
         return totals.actuals.components.empty()
                    ? std::string(kNullCell)
                    : format_percent(assumed_and_actual(totals.actuals).first);
       }},
      {"Actual",
       [](const Totals& totals) {
         return totals.actuals.components.empty()
                    ? std::string(kNullCell)
                    : format_percent(assumed_and_actual(totals.actuals).second);
       }},
      {"Variance",
       [](const Totals& totals) { return format_percent(totals.actuals.absence_variance); }},
      {"Headroom gap WTE",
       [](const Totals& totals) { return format_wte(totals.actuals.headroom_gap_wte); }},
      {"Gap cost",
       [](const Totals& totals) { return format_money(totals.actuals.headroom_gap_cost); }},
      {"Absence RAG", nullptr, [](const Totals& totals) { return totals.actuals.actuals_rag; }},
      {"Temporary share",
       [](const Totals& totals) { return format_percent(totals.workforce.temporary_share); }},
      {"Temporary RAG", nullptr,
       [](const Totals& totals) { return totals.workforce.temporary_rag; }},
      {"Agency hours",
       [](const Totals& totals) { return format_percent(totals.workforce.agency_share_hours); }},
      {"Premium",
       [](const Totals& totals) { return format_money(totals.workforce.temporary_premium); }},
      {"Leavers WTE",
       [](const Totals& totals) { return format_percent(totals.workforce.leaver_rate_wte); }},
  };
  return columns;
}

void write_actuals_table(ViewWriter& writer, const ReviewResult& review) {
  std::vector<Column> headers = {{"Team", Align::Left}};
  for (const ActualsColumn& column : actuals_columns()) {
    headers.push_back({std::string(column.header), column.text ? Align::Right : Align::Left});
  }
  TextTable table(std::move(headers));
  const auto row = [](const std::string& name, const Totals& totals) {
    std::vector<Cell> cells = {name};
    for (const ActualsColumn& column : actuals_columns()) {
      cells.push_back(column.text ? Cell(column.text(totals)) : rag_cell(column.rating(totals)));
    }
    return cells;
  };
  for (const TeamResult& team : review.teams) {
    if (totals_have_actuals(team.totals)) table.add_row(row(team.team->name, team.totals));
  }
  table.add_rule();
  table.add_row(row("Organisation", review.organisation), true);
  writer.table(table);
  writer.blank_line();
  writer.line(kActualsNote);
}

}  // namespace estab::report
