// The HTML board paper of `estab review`: title block, summary figures, teams with their RAG
// ratings, the skill-mix, uplift and triangulation charts, warnings and assumptions — one
// self-contained page for A4, with every input string escaped.

#include "report/html_review.hpp"
#include "report/html_shortlist.hpp"
#include "report/views.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/report.hpp"
#include "report/html_charts.hpp"
#include "report/html_writer.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// `left - right` when both costs exist.
std::optional<double> cost_difference(const std::optional<double>& left,
                                      const std::optional<double>& right) {
  if (!left || !right) {
    return std::nullopt;
  }
  return *left - *right;
}

void write_title_block(HtmlWriter& html, const ReviewResult& review) {
  const ReviewSettings& settings = model_of(review).review;
  html.open("header", {{"class", "title-block"}});
  if (settings.organisation && !settings.organisation->empty()) {
    html.element("p", *settings.organisation, {{"class", "organisation"}});
  }
  const bool has_title = settings.title && !settings.title->empty();
  html.element("h1", has_title ? *settings.title : std::string("Establishment review"));
  html.open("dl", {{"class", "meta"}});
  const auto item = [&html](std::string_view term, const std::string& description) {
    html.open("div");
    html.element("dt", term);
    html.element("dd", description);
    html.close();
  };
  if (settings.period && !settings.period->empty()) {
    item("Period", *settings.period);
  }
  const UpliftMethod method = settings.uplift_method.value;
  item("Uplift method", method == UpliftMethod::Exact ? "exact: a / (1 - a)" : "additive: a");
  item("Standard hours", format_hours(settings.standard_hours.value) + " per week");
  item("Staffing lines", std::to_string(review.lines.size()));
  html.close();
  html.close();
  html.newline();
}

void write_figure(HtmlWriter& html, std::string_view css_class, std::string_view label, double wte,
                  const std::optional<double>& cost) {
  html.open("div", {{"class", std::string(css_class)}});
  html.element("div", label, {{"class", "label"}});
  html.open("div", {{"class", "value"}});
  html.text(format_wte(wte));
  html.markup(" <small>WTE</small>");
  html.close();
  html.element("div", cost ? format_money(*cost) : std::string("no cost stated"),
               {{"class", "cost"}});
  html.close();
}

/// The block above the summary: what calls for the board's attention, in words.
void write_attention(HtmlWriter& html, const ReviewResult& review) {
  const std::vector<std::string> items = attention_items(review);
  html.open("aside", {{"class", "attention"}});
  html.element("h2", "For the board's attention");
  if (items.empty()) {
    html.element("p", "Nothing: every staffing line and team is green.");
  } else {
    html.open("ul");
    for (const std::string& item : items) html.element("li", item);
    html.close();
  }
  html.close();
  html.newline();
}

void write_summary(HtmlWriter& html, const ReviewResult& review) {
  const Totals& organisation = review.organisation;
  open_section(html, "summary", "1. Summary");
  html.open("div", {{"class", "figures"}});
  write_figure(html, "figure", "Required", organisation.required_wte, organisation.required_cost);
  write_figure(html, "figure", "Funded", organisation.funded_wte, organisation.funded_cost);
  write_figure(html, "figure", "In post", organisation.in_post_wte, organisation.in_post_cost);
  html.close();
  html.open("div", {{"class", "figures"}});
  write_figure(html, "figure gap", "Establishment gap (required - funded)",
               organisation.establishment_gap_wte,
               cost_difference(organisation.required_cost, organisation.funded_cost));
  write_figure(html, "figure gap", "Vacancy (funded - in post)", organisation.vacancy_wte,
               cost_difference(organisation.funded_cost, organisation.in_post_cost));
  write_figure(html, "figure gap", "Net gap (required - in post)", organisation.net_gap_wte,
               cost_difference(organisation.required_cost, organisation.in_post_cost));
  html.close();
  html.newline();

  std::size_t red = 0;
  std::size_t amber = 0;
  std::size_t green = 0;
  for (const LineResult& line : review.lines) {
    red += line.gap_rag == Rag::Red ? 1 : 0;
    amber += line.gap_rag == Rag::Amber ? 1 : 0;
    green += (line.gap_rag == Rag::Green || line.gap_rag == Rag::None) ? 1 : 0;
  }
  html.open("p");
  html.text(fmt::format("Net gap rating of the {} staffing line{}: ", review.lines.size(),
                        review.lines.size() == 1 ? "" : "s"));
  html.markup(rag_badge(Rag::Red));
  html.text(fmt::format(" {}  ", red));
  html.markup(rag_badge(Rag::Amber));
  html.text(fmt::format(" {}  ", amber));
  html.markup(rag_badge(Rag::Green));
  html.text(fmt::format(" {}", green));
  html.close();
  html.open("p");
  html.text(fmt::format("Registered skill mix: {} of WTE in post",
                        format_percent(organisation.registered_share_in_post)));
  if (organisation.registered_target) {
    html.text(
        fmt::format(" against a target of {} ", format_percent(*organisation.registered_target)));
    html.markup(rag_badge(organisation.skill_mix_rag));
  } else {
    html.text(" (no organisation target).");
  }
  html.close();
  html.open("p");
  html.text(fmt::format("Additive shortfall (exact minus additive uplift): {} WTE",
                        format_wte(organisation.additive_shortfall_wte)));
  if (organisation.additive_shortfall_cost) {
    html.text(fmt::format(", {}", format_money(*organisation.additive_shortfall_cost)));
  }
  html.text(".");
  html.close();
  if (const std::string headroom = actuals_summary_line(review); !headroom.empty()) {
    html.element("p", headroom);
  }
  html.element("p",
               "Costs count only the staffing lines with a cost per WTE; a gap's cost is the "
               "difference of the two costs it compares.",
               {{"class", "note"}});
  html.close();
  html.newline();
}

/// How a team's skill mix ranks when the furthest below target are chosen.
int skill_mix_severity(Rag rag) {
  return rag == Rag::Red ? 3 : rag == Rag::Amber ? 2 : rag == Rag::Green ? 1 : 0;
}

/// Whether team `left` is further below its skill-mix target than `right`: the worse rating,
/// then the larger registered gap.
bool further_below_target(const TeamResult& left, const TeamResult& right) {
  const int left_severity = skill_mix_severity(left.totals.skill_mix_rag);
  const int right_severity = skill_mix_severity(right.totals.skill_mix_rag);
  if (left_severity != right_severity) return left_severity > right_severity;
  return left.totals.registered_gap_wte.value_or(0.0) >
         right.totals.registered_gap_wte.value_or(0.0);
}

void write_skill_mix(HtmlWriter& html, const ReviewResult& review) {
  open_section(html, "skill-mix", "3. Registered skill mix");
  const std::vector<const TeamResult*> teams =
      shortlist<TeamResult>(every_team(review), further_below_target);
  html.open("figure", {{"class", "chart"}});
  html.markup(skill_mix_chart(teams));
  html.element("figcaption",
               "Registered share of WTE in post per team (bar) against the team's target "
               "(marker).");
  html.close();
  write_left_out_note(html, teams.size(), review.teams.size(), "teams",
                      fmt::format("the {} furthest below their target (worst rating, then the "
                                  "largest registered gap in WTE)",
                                  teams.size()),
                      in_workbook_and_csv("--format csv --level team"));
  html.close();
  html.newline();
}

void write_triangulation(HtmlWriter& html, const ReviewResult& review) {
  open_section(html, "triangulation", "5. Inpatient triangulation");
  HtmlTable table({{"Unit"},
                   {"Occupied beds", true},
                   {"CHPPD planned", true},
                   {"CHPPD benchmark", true},
                   {"Roster WTE", true},
                   {"Benchmark WTE", true},
                   {"Judgement WTE", true}});
  std::vector<const TeamResult*> inpatient;
  for (const TeamResult& team : review.teams) {
    if (team.team->inpatient) inpatient.push_back(&team);
  }
  const std::vector<const TeamResult*> units = shortlist<TeamResult>(inpatient, larger_net_gap);
  for (const TeamResult* team : units) {
    table.add_row({team->team->name,
                   number_cell(team->occupied_beds ? round_decimal(*team->occupied_beds, 1)
                                                   : std::string(kNullCell)),
                   number_cell(format_hours(team->chppd_planned)),
                   number_cell(format_hours(team->chppd_benchmark)),
                   number_cell(format_wte(team->roster_productive_wte)),
                   number_cell(format_wte(team->benchmark_productive_wte)),
                   number_cell(format_wte(team->judgement_wte))});
  }
  if (table.size() == 0) {
    html.element("p", "No team has beds.");
    html.close();
    return;
  }
  html.element("p",
               "Care hours per patient day (CHPPD) planned by the roster against the benchmark, "
               "and productive WTE three ways: from the roster and observations, from the CHPPD "
               "benchmark, and by professional judgement.");
  table.write(html);
  write_left_out_note(html, units.size(), inpatient.size(), "inpatient units",
                      fmt::format("the {} whose teams have the largest net gap", units.size()),
                      in_workbook_and_csv("--format csv --level team"));
  html.open("figure", {{"class", "chart"}});
  html.markup(triangulation_chart(units));
  html.element("figcaption", "Productive WTE of each inpatient unit, three ways.");
  html.close();
  html.close();
  html.newline();
}

void write_warnings(HtmlWriter& html, const ReviewResult& review, std::string_view heading) {
  open_section(html, "warnings", heading);
  const std::vector<std::string> warnings = warning_texts(review);
  if (warnings.empty()) {
    html.element("p", "None.");
  } else {
    html.open("ul", {{"class", "warnings"}});
    const std::size_t listed = needs_shortlist(warnings.size()) ? kShortlistRows : warnings.size();
    for (std::size_t index = 0; index < listed; ++index) {
      html.element("li", warnings[index]);
    }
    html.close();
    write_left_out_note(
        html, listed, warnings.size(), "warnings", fmt::format("the first {}", listed),
        "Every one is on the Warnings sheet of the workbook (--format xlsx) and in the "
        "JSON (--format json).");
  }
  html.close();
  html.newline();
}

/// The input's file name without its folders, for the footer.
std::string source_name(const Model& model) {
  if (model.files.empty()) {
    return "";
  }
  const std::string& path = model.files.front();
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void refuse_html() {
  throw RequestError(Request::Format, "html", "is available for review only");
}

void open_section(HtmlWriter& html, std::string_view id, std::string_view heading) {
  html.open("section", {{"id", std::string(id)}});
  html.element("h2", heading);
  html.newline();
}

void write_review_html(std::ostream& out, const ReviewResult& review) {
  const Model& model = model_of(review);
  HtmlWriter html(out);
  write_document_start(html, heading_line(review, "Establishment review"));
  write_title_block(html, review);
  write_attention(html, review);
  write_summary(html, review);
  write_teams(html, review);
  write_skill_mix(html, review);
  write_uplift_section(html, review);
  write_triangulation(html, review);
  const bool actuals = write_actuals_html(html, review, "6. Actuals against assumptions");
  write_warnings(html, review, actuals ? "7. Warnings" : "6. Warnings");
  write_assumptions_section(html, review);
  html.open("footer");
  const std::string source = source_name(model);
  html.text(source.empty() ? std::string("Produced by estab.")
                           : "Produced by estab from " + source + ".");
  html.close();
  html.newline();
  write_document_end(html);
}

}  // namespace estab::report
