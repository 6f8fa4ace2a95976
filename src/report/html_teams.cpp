// The board paper's "Teams and RAG ratings": each team grouped under its service with the
// service's subtotal, the worst line gap named, and the organisation's figures by profession.

#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "report/html_review.hpp"
#include "report/html_shortlist.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// How a line gap rating ranks when a team's worst is chosen.
int severity(Rag rag) {
  switch (rag) {
    case Rag::None: return 0;
    case Rag::Green: return 1;
    case Rag::Amber: return 2;
    case Rag::Red: return 3;
  }
  return 0;
}

/// Each team's staffing line with the worst net-gap rating (the larger net gap rate among
/// equals), in one pass over the lines; a team without lines has none.
std::unordered_map<const Team*, const LineResult*> worst_gap_lines(const ReviewResult& review) {
  std::unordered_map<const Team*, const LineResult*> worst;
  for (const LineResult& line : review.lines) {
    const LineResult*& current = worst[line.team];
    if (current == nullptr || severity(line.gap_rag) > severity(current->gap_rag) ||
        (line.gap_rag == current->gap_rag &&
         line.net_gap_rate.value_or(0.0) > current->net_gap_rate.value_or(0.0))) {
      current = &line;
    }
  }
  return worst;
}

/// The worst line gap of a team as a badge, naming the line and its gap unless it is green.
HtmlCell worst_gap_cell(const std::unordered_map<const Team*, const LineResult*>& worst,
                        const TeamResult& team) {
  const auto found = worst.find(team.team);
  if (found == worst.end()) return rag_cell_html(Rag::None);
  const LineResult& line = *found->second;
  HtmlCell cell = rag_cell_html(line.gap_rag);
  if (line.gap_rag == Rag::Amber || line.gap_rag == Rag::Red) {
    cell.detail = fmt::format("{}: {} WTE short, {}", line.profession->name,
                              format_wte(line.net_gap_wte), format_percent(line.net_gap_rate));
  }
  return cell;
}

/// The WTE figures of a roll-up: required, funded, in post, net gap and its rate.
std::vector<HtmlCell> wte_cells(const Totals& totals) {
  return {number_cell(format_wte(totals.required_wte)), number_cell(format_wte(totals.funded_wte)),
          number_cell(format_wte(totals.in_post_wte)), number_cell(format_wte(totals.net_gap_wte)),
          number_cell(format_percent(totals.net_gap_rate))};
}

/// A row of the teams table: the name, the WTE figures, skill mix and the worst gap.
std::vector<HtmlCell> team_row(HtmlCell name, const Totals& totals, HtmlCell worst) {
  std::vector<HtmlCell> cells = {std::move(name)};
  for (HtmlCell& cell : wte_cells(totals)) cells.push_back(std::move(cell));
  cells.push_back(number_cell(format_percent(totals.registered_share_in_post) + " / " +
                              format_percent(totals.registered_target)));
  cells.push_back(rag_cell_html(totals.skill_mix_rag));
  cells.push_back(std::move(worst));
  return cells;
}

/// The organisation's figures by profession: WTE, gaps and the cost of each.
void write_professions(HtmlWriter& html, const ReviewResult& review) {
  html.element("h3", "By profession, across the organisation");
  HtmlTable table({{"Profession"},
                   {"Required", true},
                   {"Funded", true},
                   {"In post", true},
                   {"Net gap", true},
                   {"Net gap rate", true},
                   {"Required cost", true},
                   {"Funded cost", true}},
                  "professions");
  const auto row = [](HtmlCell name, const Totals& totals) {
    std::vector<HtmlCell> cells = {std::move(name)};
    for (HtmlCell& cell : wte_cells(totals)) cells.push_back(std::move(cell));
    cells.push_back(number_cell(format_money(totals.required_cost)));
    cells.push_back(number_cell(format_money(totals.funded_cost)));
    return cells;
  };
  for (const ProfessionResult& profession : review.professions) {
    if (profession.totals.required_wte == 0.0 && profession.totals.funded_wte == 0.0 &&
        profession.totals.in_post_wte == 0.0) {
      continue;  // declared, but no line has it
    }
    table.add_row(row(HtmlCell(profession.profession->name), profession.totals));
  }
  table.add_total(row(HtmlCell("Organisation"), review.organisation));
  table.write(html);
}

/// The columns of the teams table, the first headed `first`.
std::vector<HtmlColumn> team_columns(std::string first) {
  return {{std::move(first)},
          {"Required", true},
          {"Funded", true},
          {"In post", true},
          {"Net gap", true},
          {"Net gap rate", true},
          {"Registered in post / target", true},
          {"Skill mix"},
          {"Worst line gap"}};
}

/// Every team under its service, each service's total after its teams, then the organisation.
void write_every_team(HtmlWriter& html, const ReviewResult& review,
                      const std::unordered_map<const Team*, const LineResult*>& worst) {
  HtmlTable table(team_columns("Team"), "teams");
  const std::vector<ServiceGroup> services = group_lines(review);
  for (const ServiceGroup& service : services) {
    const std::string service_name = service_label(service.service->service);
    for (const TeamGroup& group : service.teams) {
      const TeamResult& team = *group.team;
      HtmlCell name(team.team->name);
      if (team.team->name != team.team->id) name.detail = team.team->id;
      table.add_row(team_row(name, team.totals, worst_gap_cell(worst, team)));
    }
    if (services.size() > 1) {
      HtmlCell subtotal(service_name + " total");
      subtotal.detail = "service";
      table.add_row(team_row(subtotal, service.service->totals, HtmlCell("")));
    }
  }
  table.add_total(team_row(HtmlCell("Organisation"), review.organisation, HtmlCell("")));
  table.write(html);
}

/// For a large organisation: the teams with the largest net gap, each with its service, then
/// every service's total and the organisation's.
void write_worst_teams(HtmlWriter& html, const ReviewResult& review,
                       const std::unordered_map<const Team*, const LineResult*>& worst) {
  const std::vector<const TeamResult*> listed =
      shortlist<TeamResult>(every_team(review), larger_net_gap);
  HtmlTable teams(team_columns("Team"), "teams");
  for (const TeamResult* team : listed) {
    HtmlCell name(team->team->name);
    name.detail = service_label(team->service);
    if (team->team->name != team->team->id) name.detail += " \xC2\xB7 " + team->team->id;
    teams.add_row(team_row(name, team->totals, worst_gap_cell(worst, *team)));
  }
  teams.write(html);
  write_left_out_note(html, listed.size(), review.teams.size(), "teams",
                      fmt::format("the {} with the largest net gap", listed.size()),
                      in_workbook_and_csv("--format csv --level team"));
  html.element("h3", "By service");
  std::vector<HtmlColumn> columns = team_columns("Service");
  columns.pop_back();  // a service has no single worst line
  HtmlTable services(std::move(columns), "teams services");
  const auto service_row = [](HtmlCell name, const Totals& totals) {
    std::vector<HtmlCell> cells = team_row(std::move(name), totals, HtmlCell(""));
    cells.pop_back();
    return cells;
  };
  for (const ServiceResult& service : review.services) {
    services.add_row(service_row(HtmlCell(service_label(service.service)), service.totals));
  }
  services.add_total(service_row(HtmlCell("Organisation"), review.organisation));
  services.write(html);
}

}  // namespace

void write_teams(HtmlWriter& html, const ReviewResult& review) {
  const ReviewSettings& settings = model_of(review).review;
  open_section(html, "teams", "2. Teams and RAG ratings");
  const auto worst = worst_gap_lines(review);
  const bool shortlisted = needs_shortlist(review.teams.size());
  if (shortlisted) {
    write_worst_teams(html, review, worst);
  } else {
    write_every_team(html, review, worst);
  }
  html.element(
      "p",
      fmt::format("WTE. Net gap = required - in post (positive: short); rate = net gap / "
                  "required. Skill mix rates the registered share in post against the "
                  "team's target. Worst line gap is the worst net-gap rating among the "
                  "team's staffing lines, with the line when it is amber or red "
                  "(tolerance {}). {}",
                  format_percent(settings.gap_tolerance.value),
                  shortlisted
                      ? "The teams listed are those with the largest net gap, largest first, "
                        "each with its service; every service's total follows them."
                      : "Teams are grouped by service, each service's total after its teams."),
      {{"class", "note"}});
  write_professions(html, review);
  html.close();
  html.newline();
}

}  // namespace estab::report
