// The review workbook (`review --format xlsx`), for finance leads who go through the review in a
// spreadsheet: one sheet per record kind, laid out by its field table like the CSV of that
// level, each column in its field's number format. The Uplift sheet holds the rows of
// `uplift --format csv`. With actuals, an Actuals sheet holds the teams that have any and the
// organisation.

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
#include "report/view_common.hpp"
#include "report/views.hpp"
#include "report/xlsx_views.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

XlsxSheet warnings_sheet(const std::vector<std::string>& warnings) {
  XlsxSheet sheet;
  sheet.name = "Warnings";
  sheet.columns.push_back({"warning", NumberStyle::General, "Warning"});
  for (const std::string& warning : warnings) sheet.rows.push_back({warning});
  return sheet;
}

namespace {

/// The identity fields of a team row, and the figures the Actuals sheet shows of each roll-up.
constexpr std::array<std::string_view, 4> kTeamIdentity = {"team", "team_name", "service",
                                                           "service_name"};
constexpr std::array<std::string_view, 26> kActualFields = {"in_post_wte",
                                                            "required_wte",
                                                            "net_gap_wte",
                                                            "absence_variance",
                                                            "required_wte_at_actual",
                                                            "headroom_gap_wte",
                                                            "headroom_gap_cost",
                                                            "actuals_rag",
                                                            "temporary_hours",
                                                            "agency_hours",
                                                            "bank_cost",
                                                            "agency_cost",
                                                            "temporary_wte",
                                                            "temporary_share",
                                                            "temporary_rag",
                                                            "temporary_covers_net_gap_wte",
                                                            "agency_share_hours",
                                                            "agency_cost_share",
                                                            "temporary_premium",
                                                            "leavers",
                                                            "leavers_wte",
                                                            "retirements_wte",
                                                            "mean_headcount",
                                                            "leaver_rate_headcount",
                                                            "leaver_rate_wte",
                                                            "retirement_rate_wte"};

template <std::size_t Count>
bool listed(std::string_view name, const std::array<std::string_view, Count>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The fields of `table` the Actuals sheet shows, in table order: identity, the actual of each
/// component, then the actuals figures.
template <typename Record>
FieldTable<Record> actuals_subset(const FieldTable<Record>& table, bool identity) {
  FieldTable<Record> subset;
  for (const Field<Record>& field : table) {
    if (identity && listed(field.name, kTeamIdentity)) subset.push_back(field);
  }
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::ActualComponents || listed(field.name, kActualFields)) {
      subset.push_back(field);
    }
  }
  return subset;
}

/// One row per team with actuals, then the organisation's: actual against assumed absence,
/// bank and agency staff and leavers, as the review's "Actuals against assumptions".
XlsxSheet actuals_sheet(const ReviewResult& review, const std::vector<std::string>& actual_names) {
  std::vector<TeamResult> teams;
  for (const TeamResult& team : review.teams) {
    if (totals_have_actuals(team.totals)) teams.push_back(team);
  }
  XlsxSheet sheet =
      held_field_sheet("Actuals", teams, actuals_subset(team_fields(), true), {}, actual_names);
  const XlsxSheet organisation =
      held_field_sheet("Organisation", std::vector<Totals>{review.organisation},
                       actuals_subset(totals_fields(), false), {}, actual_names);
  std::vector<XlsxCell> row = {std::monostate(), std::string("Organisation"), std::monostate(),
                               std::monostate()};
  row.insert(row.end(), organisation.rows.front().begin(), organisation.rows.front().end());
  sheet.rows.push_back(std::move(row));
  return sheet;
}

/// The modification time of a file as "2026-03-31 14:05 UTC", or "" when it cannot be read.
std::string modified_at(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return {};
  std::tm utc{};
  if (::gmtime_r(&status.st_mtime, &utc) == nullptr) return {};
  char text[32];
  return std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc) > 0 ? text : "";
}

}  // namespace

XlsxSheet about_sheet(const ReviewResult& review, const std::vector<XlsxSheet>& sheets) {
  const Model& model = model_of(review);
  const ReviewSettings& settings = model.review;
  XlsxSheet sheet;
  sheet.name = "About";
  sheet.columns = {{"item", NumberStyle::General, "Item"},
                   {"value", NumberStyle::General, "Value"}};
  const auto add = [&sheet](std::string item, XlsxCell value) {
    sheet.rows.push_back({std::move(item), std::move(value)});
  };
  add("organisation", settings.organisation.value_or(""));
  add("title", settings.title.value_or("Establishment review"));
  add("period", settings.period.value_or(""));
  add("uplift method", std::string(uplift_method_name(settings.uplift_method.value)));
  add("standard hours per week", settings.standard_hours.value);
  add("working days per year", settings.working_days.value);
  for (const std::string& file : model.files) {
    const std::string modified = modified_at(file);
    if (!modified.empty()) add("input file", file + " (modified " + modified + ")");
  }
  add("written by", std::string("estab ") + ESTAB_VERSION);
  const std::vector<std::pair<std::string_view, std::string_view>> meanings = {
      {"Lines", "one row per staffing line, with each absence component as absence_<component>"},
      {"Teams", "one row per team: its totals, inpatient and judgement figures"},
      {"Services", "one row per service, then the teams without one"},
      {"Professions", "one row per profession, across the organisation"},
      {"Organisation", "the organisation's totals"},
      {"Establishment",
       "the establishment table: each line under its team and service, with a "
       "total row for each team, each service and the organisation"},
      {"Gaps",
       "the gaps table: funded, in post and required, the gaps and their rates, with "
       "the same total rows"},
      {"Skill mix",
       "the registered share of each team, each service and the organisation "
       "against its target"},
      {"Assumption sets",
       "each distinct set of absence assumptions, the lines it covers and "
       "both uplifts"},
      {"Uplift", "each line's absence and both uplifts, as uplift --format csv"},
      {"Actuals", "the teams with actuals, then the organisation: actual against assumed"},
      {"Warnings", "each warning about the input"}};
  for (const XlsxSheet& written : sheets) {
    for (const auto& [name, meaning] : meanings) {
      if (written.name == name) add("sheet " + std::string(name), std::string(meaning));
    }
  }
  add("headers", std::string("row 1 names each column for a reader; row 2 gives its field name "
                             "in the review's JSON and CSV (docs/OUTPUT.md), for scripts"));
  return sheet;
}

void write_review_xlsx(std::ostream& out, const ReviewResult& review) {
  const std::vector<std::string> component_names = absence_column_names(review);
  const std::vector<std::string> actual_names = actual_column_names(review);
  std::vector<XlsxSheet> sheets = {
      field_sheet("Lines", review.lines, line_fields(), component_names, actual_names),
      field_sheet("Teams", review.teams, team_fields(), {}, actual_names),
      field_sheet("Services", review.services, service_fields(), {}, actual_names),
      field_sheet("Professions", review.professions, profession_fields(), {}, actual_names),
      held_field_sheet("Organisation", std::vector<Totals>{review.organisation}, totals_fields(),
                       {}, actual_names),
      // The tables at team level: their lines are the Lines sheet, and a national review's
      // workbook stays within a few times the size of its CSV.
      establishment_sheet(review, RollupLevel::Team), gaps_sheet(review, RollupLevel::Team),
      skill_mix_sheet(review), assumption_sets_sheet(review, component_names)};
  if (review_has_actuals(review)) sheets.push_back(actuals_sheet(review, actual_names));
  sheets.push_back(warnings_sheet(warning_texts(review)));
  sheets.insert(sheets.begin(), about_sheet(review, sheets));

  const ReviewSettings& settings = model_of(review).review;
  write_xlsx(out, sheets,
             {settings.title.value_or("Establishment review"), "Establishment review",
              settings.organisation.value_or("")});
}

}  // namespace estab::report
