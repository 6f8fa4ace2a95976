// The scenario paper (`compare --format html`): a page for a board or an executive that has to
// choose between the base and a scenario. It says first, in words, what the scenario changes
// for the organisation and which teams move most, then shows the organisation's figures, every
// service, and each team and staffing line that changed, base → scenario with the change.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/compare_format.hpp"
#include "report/html_review.hpp"
#include "report/html_writer.hpp"
#include "report/text_format.hpp"

namespace estab::report {

namespace {

/// The most teams or lines a table lists; past it, the largest moves in required WTE.
constexpr std::size_t kMostRecordsListed = 100;
/// The most teams named in one sentence of the summary.
constexpr std::size_t kMostNamed = 5;

/// The change in required WTE of a record, as a size for ordering (0 when either side lacks it).
double required_move(const ComparedRecord& record) {
  const std::optional<double> delta = record.field("required_wte").delta;
  if (delta) return std::fabs(*delta);
  const FieldChange change = record.field("required_wte");
  return std::fabs(change.scenario.value_or(0.0) - change.base.value_or(0.0));
}

/// The records a table shows, in the comparison's order, or the largest moves first when there
/// are more than it lists.
std::vector<const ComparedRecord*> listed_records(const std::vector<ComparedRecord>& records,
                                                  bool show_all, std::size_t& left_out) {
  std::vector<const ComparedRecord*> listed;
  for (const ComparedRecord& record : records) {
    if (shown(record, show_all)) listed.push_back(&record);
  }
  left_out = 0;
  if (listed.size() > kMostRecordsListed) {
    std::stable_sort(listed.begin(), listed.end(),
                     [](const ComparedRecord* left, const ComparedRecord* right) {
                       return required_move(*left) > required_move(*right);
                     });
    left_out = listed.size() - kMostRecordsListed;
    listed.resize(kMostRecordsListed);
  }
  return listed;
}

/// "Required WTE rises from 120.00 to 123.40 (+3.40)."; "" when the figure does not move on
/// the rounding shown.
std::string movement_sentence(const ShownField& shown_field, const FieldChange& change) {
  const std::string delta = format_delta(change.delta, shown_field.measure);
  if (!change.delta || delta.find_first_of("123456789") == std::string::npos) return "";
  return fmt::format("{} {} from {} to {} ({}).", shown_field.heading,
                     *change.delta > 0.0 ? "rises" : "falls",
                     format_value(change.base, shown_field.measure),
                     format_value(change.scenario, shown_field.measure), delta);
}

/// "Ward A, Ward B and 3 more" from names.
std::string named_list(const std::vector<std::string>& names) {
  std::string text;
  const std::size_t named = std::min(names.size(), kMostNamed);
  for (std::size_t index = 0; index < named; ++index) {
    text += index == 0 ? "" : (index + 1 == named && names.size() <= kMostNamed ? " and " : ", ");
    text += names[index];
  }
  if (names.size() > kMostNamed) text += fmt::format(" and {} more", names.size() - kMostNamed);
  return text;
}

/// The names of the teams with a status.
std::vector<std::string> teams_with(const Comparison& comparison, CompareStatus status) {
  std::vector<std::string> names;
  for (const ComparedRecord& team : comparison.teams) {
    if (team.status == status) names.push_back(identity_text(team, "team_name", ""));
  }
  return names;
}

/// What the scenario changes for the organisation, a sentence per figure that moves.
std::vector<std::string> organisation_sentences(const Comparison& comparison) {
  std::vector<std::string> sentences;
  for (const ShownField& shown_field : kOrganisationFields) {
    std::string sentence =
        movement_sentence(shown_field, comparison.organisation.field(shown_field.field));
    if (!sentence.empty()) sentences.push_back(std::move(sentence));
  }
  return sentences;
}

/// What the scenario changes below the organisation, in sentences: the teams added and
/// removed, the teams whose required WTE moves most, and the staffing lines by status.
std::vector<std::string> record_sentences(const Comparison& comparison) {
  std::vector<std::string> sentences;
  if (const auto added = teams_with(comparison, CompareStatus::Added); !added.empty()) {
    sentences.push_back(fmt::format("{} team{} added: {}.", added.size(),
                                    added.size() == 1 ? "" : "s", named_list(added)));
  }
  if (const auto removed = teams_with(comparison, CompareStatus::Removed); !removed.empty()) {
    sentences.push_back(fmt::format("{} team{} removed: {}.", removed.size(),
                                    removed.size() == 1 ? "" : "s", named_list(removed)));
  }
  std::vector<const ComparedRecord*> changed;
  for (const ComparedRecord& team : comparison.teams) {
    if (team.status == CompareStatus::Changed) changed.push_back(&team);
  }
  std::stable_sort(changed.begin(), changed.end(),
                   [](const ComparedRecord* left, const ComparedRecord* right) {
                     return required_move(*left) > required_move(*right);
                   });
  std::vector<std::string> moves;
  for (const ComparedRecord* team : changed) {
    const std::string delta = format_delta(team->field("required_wte").delta, Measure::Wte);
    if (delta.find_first_of("123456789") == std::string::npos) continue;
    moves.push_back(fmt::format("{} ({} WTE)", identity_text(*team, "team_name", ""), delta));
  }
  if (!moves.empty()) {
    sentences.push_back(fmt::format("Required WTE moves in {} team{}, most in {}.", moves.size(),
                                    moves.size() == 1 ? "" : "s", named_list(moves)));
  }
  sentences.push_back(fmt::format("Staffing lines: {}.", status_summary(comparison.lines)));
  return sentences;
}

void write_title_block(HtmlWriter& html, const Comparison& comparison) {
  html.open("header", {{"class", "title-block"}});
  html.element("h1", "Scenario comparison");
  html.open("dl", {{"class", "meta"}});
  for (const auto& [term, description] :
       {std::pair<std::string_view, std::string>{"Base", comparison.base_file},
        {"Scenario", comparison.scenario_file},
        {"Teams", status_summary(comparison.teams)}}) {
    html.open("div");
    html.element("dt", term);
    html.element("dd", description);
    html.close();
  }
  html.close();
  html.close();
  html.newline();
}

void write_changes(HtmlWriter& html, const Comparison& comparison) {
  html.open("aside", {{"class", "attention"}});
  html.element("h2", "What the scenario changes");
  const std::vector<std::string> organisation = organisation_sentences(comparison);
  if (comparison.organisation.status == CompareStatus::Same) {
    html.element("p", "Nothing for the organisation: every figure is the same in both files.");
  } else if (organisation.empty()) {
    html.element("p", "For the organisation, nothing that shows at the rounding of the tables.");
  } else {
    html.element("p", "For the organisation:");
    html.open("ul");
    for (const std::string& sentence : organisation) html.element("li", sentence);
    html.close();
  }
  html.element("p", "Teams and staffing lines:");
  html.open("ul");
  for (const std::string& sentence : record_sentences(comparison)) html.element("li", sentence);
  html.close();
  html.close();
  html.newline();
}

void write_organisation(HtmlWriter& html, const ComparedRecord& organisation) {
  open_section(html, "organisation", "1. The organisation");
  HtmlTable table({{"Figure"}, {"Base", true}, {"Scenario", true}, {"Change", true}});
  for (const ShownField& shown_field : kOrganisationFields) {
    const FieldChange change = organisation.field(shown_field.field);
    table.add_row({shown_field.heading, number_cell(format_value(change.base, shown_field.measure)),
                   number_cell(format_value(change.scenario, shown_field.measure)),
                   number_cell(format_delta(change.delta, shown_field.measure))});
  }
  table.write(html);
  html.close();
  html.newline();
}

/// A table of records: their names, status, then base → scenario per figure with the change
/// beneath it.
void write_records(HtmlWriter& html, const std::vector<const ComparedRecord*>& records,
                   const std::vector<std::pair<std::string_view, const char*>>& names) {
  std::vector<HtmlColumn> columns;
  for (const auto& [field, heading] : names) columns.push_back({heading});
  columns.push_back({"Status"});
  for (const ShownField& shown_field : kRecordFields)
    columns.push_back({shown_field.heading, true});
  HtmlTable table(std::move(columns));
  for (const ComparedRecord* record : records) {
    std::vector<HtmlCell> cells;
    for (const auto& [field, heading] : names) {
      cells.emplace_back(identity_text(*record, field, "(none)"));
    }
    cells.emplace_back(compare_status_name(record->status));
    for (const ShownField& shown_field : kRecordFields) {
      const FieldChange change = record->field(shown_field.field);
      HtmlCell cell = number_cell(format_transition(change, shown_field.measure));
      if (change.delta) cell.detail = format_delta(change.delta, shown_field.measure);
      cells.push_back(std::move(cell));
    }
    table.add_row(std::move(cells));
  }
  table.write(html);
}

/// A section of records at one level, or a sentence when none is listed.
void write_record_section(HtmlWriter& html, std::string_view id, const std::string& heading,
                          const std::vector<ComparedRecord>& records, bool show_all,
                          const std::vector<std::pair<std::string_view, const char*>>& names) {
  open_section(html, id, fmt::format("{} ({})", heading, status_summary(records)));
  std::size_t left_out = 0;
  const std::vector<const ComparedRecord*> listed = listed_records(records, show_all, left_out);
  if (listed.empty()) {
    html.element("p", records.empty() ? "None on either side." : "No change.");
  } else {
    write_records(html, listed, names);
  }
  if (left_out > 0) {
    html.element("p",
                 fmt::format("The {} largest moves in required WTE are listed; {} more are in "
                             "compare --format csv or xlsx.",
                             listed.size(), left_out),
                 {{"class", "note"}});
  }
  html.close();
  html.newline();
}

}  // namespace

void write_comparison_html(std::ostream& out, const Comparison& comparison, bool show_all) {
  HtmlWriter html(out);
  write_document_start(html, fmt::format("Scenario comparison: {} → {}", comparison.base_file,
                                         comparison.scenario_file));
  write_title_block(html, comparison);
  write_changes(html, comparison);
  write_organisation(html, comparison.organisation);
  // Every service is shown, changed or not: a board reads the scenario service by service.
  write_record_section(html, "services", "2. Services", comparison.services, true,
                       {{"service_name", "Service"}});
  write_record_section(html, "teams", "3. Teams", comparison.teams, show_all,
                       {{"team_name", "Team"}});
  write_record_section(html, "lines", "4. Staffing lines", comparison.lines, show_all,
                       {{"team_name", "Team"}, {"profession_name", "Profession"}});
  html.open("footer");
  html.text(
      fmt::format("Produced by estab: {} → {}. Change = scenario − base; WTE to 2 "
                  "decimals, money in whole pounds, the registered share in percentage "
                  "points (pp).",
                  comparison.base_file, comparison.scenario_file));
  html.close();
  html.newline();
  write_document_end(html);
}

}  // namespace estab::report
