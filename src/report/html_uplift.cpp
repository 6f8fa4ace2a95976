// The board paper's "Absence and uplift": one chart of the organisation's absence by component
// against the uplift funded, then each distinct set of absence assumptions, named by the teams
// and professions whose lines use it, as a chart and a table.

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "report/html_charts.hpp"
#include "report/html_review.hpp"
#include "report/html_shortlist.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// How many lines of a set the table names before it says "and N more".
constexpr std::size_t kListedLines = 4;

/// "team / profession" of a set's first few lines, then "and N more".
std::string set_lines(const AssumptionGroup& group) {
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

/// How many teams and professions the review's lines are in, for "all 6 teams".
struct LineSpread {
  std::size_t teams = 0;
  std::size_t professions = 0;
};

LineSpread spread_of(const std::vector<const LineResult*>& lines) {
  std::unordered_set<const Team*> teams;
  std::unordered_set<const Profession*> professions;
  for (const LineResult* line : lines) {
    teams.insert(line->team);
    professions.insert(line->profession);
  }
  return {teams.size(), professions.size()};
}

/// "CLDT North" for one, "all 6 teams" for every one of several, "3 teams" otherwise.
std::string how_many(std::size_t count, std::size_t of_all, const std::string& only_name,
                     std::string_view plural) {
  if (count == 1) return only_name;
  if (count == of_all) return fmt::format("all {} {}", count, plural);
  return fmt::format("{} {}", count, plural);
}

/// A set named by what it covers: its teams and its professions.
AssumptionSetRow covering(const AssumptionGroup& group, const LineSpread& review_spread) {
  const LineSpread spread = spread_of(group.lines);
  const LineResult& first = *group.first;
  AssumptionSetRow row;
  row.group = &group;
  row.teams = how_many(spread.teams, review_spread.teams, first.team->name, "teams");
  row.professions = how_many(spread.professions, review_spread.professions, first.profession->name,
                             "professions");
  return row;
}

/// Whether set `left` covers more productive WTE than `right`.
bool covers_more(const AssumptionGroup& left, const AssumptionGroup& right) {
  return left.productive_wte > right.productive_wte;
}

void write_organisation_absence(HtmlWriter& html, const ReviewResult& review,
                                const OrganisationAbsence& absence) {
  const UpliftMethod method = model_of(review).review.uplift_method.value;
  html.open("figure", {{"class", "chart"}});
  html.markup(organisation_absence_chart(absence, method));
  html.element("figcaption",
               fmt::format("The organisation's absence, {} of contracted time, by component "
                           "(each staffing line weighted by its productive WTE), against the "
                           "uplift funded, {} ({}).",
                           format_percent(absence.total), format_percent(absence.uplift_applied),
                           method == UpliftMethod::Exact ? "exact: a / (1 - a)" : "additive: a"));
  html.close();
}

void write_sets(HtmlWriter& html, const ReviewResult& review,
                const std::vector<AssumptionGroup>& groups, const OrganisationAbsence& absence) {
  const ReviewSettings& settings = model_of(review).review;
  std::vector<const AssumptionGroup*> every_set;
  every_set.reserve(groups.size());
  for (const AssumptionGroup& group : groups) every_set.push_back(&group);
  const std::vector<const AssumptionGroup*> listed =
      shortlist<AssumptionGroup>(every_set, covers_more);
  std::vector<const LineResult*> every_line;
  every_line.reserve(review.lines.size());
  for (const LineResult& line : review.lines) every_line.push_back(&line);
  const LineSpread review_spread = spread_of(every_line);
  std::vector<AssumptionSetRow> rows;
  rows.reserve(listed.size());
  for (const AssumptionGroup* group : listed) rows.push_back(covering(*group, review_spread));

  html.element("h3", "By set of assumptions");
  html.element("p",
               "Staffing lines that share every absence assumption form a set; each set is "
               "named by the teams and professions whose lines use it.");
  std::vector<std::string> colour_order;
  for (const ComponentShare& component : absence.components) {
    colour_order.push_back(component.component);
  }
  html.open("figure", {{"class", "chart"}});
  html.markup(uplift_chart(rows, settings.uplift_method.value, colour_order));
  html.element("figcaption",
               "Stacked bar: absence components (= additive uplift). Thin bar: exact uplift.");
  html.close();
  HtmlTable table({{"Covers"},
                   {"Lines"},
                   {"Productive WTE", true},
                   {"Absence", true},
                   {"Exact", true},
                   {"Additive", true},
                   {"Shortfall WTE", true},
                   {"Shortfall cost", true}},
                  "sets");
  for (const AssumptionSetRow& row : rows) {
    const AssumptionGroup& group = *row.group;
    const LineResult& first = *group.first;
    table.add_row({row.teams + " \xC2\xB7 " + row.professions, set_lines(group),
                   number_cell(format_wte(group.productive_wte)),
                   number_cell(format_percent(first.absence.total)),
                   number_cell(format_percent(first.uplift_exact)),
                   number_cell(format_percent(first.uplift_additive)),
                   number_cell(format_wte(group.additive_shortfall_wte)),
                   number_cell(format_money(group.additive_shortfall_cost))});
  }
  const Totals& organisation = review.organisation;
  table.add_total({"Organisation", "", number_cell(format_wte(organisation.productive_wte)),
                   number_cell(format_percent(absence.total)),
                   number_cell(format_percent(absence.uplift_exact)),
                   number_cell(format_percent(absence.uplift_additive)),
                   number_cell(format_wte(organisation.additive_shortfall_wte)),
                   number_cell(format_money(organisation.additive_shortfall_cost))});
  table.write(html);
  write_left_out_note(html, listed.size(), groups.size(), "sets of assumptions",
                      fmt::format("the {} covering the most productive WTE", listed.size()),
                      "Every one is in the uplift view (estab uplift FILE --format csv, or "
                      "--format json), and each line's absence is in the workbook "
                      "(--format xlsx).");
}

}  // namespace

void write_uplift_section(HtmlWriter& html, const ReviewResult& review) {
  const ReviewSettings& settings = model_of(review).review;
  open_section(html, "uplift", "4. Absence and uplift");
  html.element("p",
               fmt::format("Absence as a share of contracted time ({} hours per WTE per year). "
                           "The exact uplift a / (1 - a) covers absence from the time actually "
                           "available; the additive uplift a understates it.",
                           format_hours(settings.contracted_hours_per_wte())));
  if (review.lines.empty()) {
    html.element("p", "No staffing lines.");
    html.close();
    return;
  }
  const OrganisationAbsence absence = organisation_absence(review);
  write_organisation_absence(html, review, absence);
  write_sets(html, review, group_assumptions(review), absence);
  html.close();
  html.newline();
}

}  // namespace estab::report
