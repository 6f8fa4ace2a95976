// Unit tests of the board paper for a large organisation (a shortlist of the worst teams, every
// service, and a note of what is left out) and of its absence chart (the organisation's absence
// by component against the uplift funded, then each set of assumptions named by what it covers).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "report/html_writer.hpp"
#include "report/text_format.hpp"
#include "support/test_support.hpp"

namespace {

using estab::OutputFormat;
using estab::RenderOptions;
using namespace estab::testing;

std::string render_html(const estab::ReviewResult& review) {
  std::ostringstream out;
  estab::render_review(out, review, OutputFormat::Html, RenderOptions{});
  return out.str();
}

/// An organisation of `teams` teams in three services. Team N has one line of N × 37.5 hours
/// a week (N productive WTE), funded for 1 WTE with nobody in post, so its net gap grows with
/// N; each team states its own sickness (2% + N × 0.05%), so each line is its own set of
/// assumptions and each team has an override.
std::string organisation_of(std::size_t teams) {
  std::string text = R"yaml(estab: 1
review:
  organisation: Large Trust
assumptions:
  sickness: 4%
professions:
  - id: rn
    name: Registered nurse
    registered: true
    cost_per_wte: 50000
services:
  - id: east
    name: East
  - id: west
    name: West
  - id: north
    name: North
teams:
)yaml";
  const char* const services[] = {"east", "west", "north"};
  for (std::size_t number = 1; number <= teams; ++number) {
    text += fmt::format(
        "  - id: t{0:03}\n    name: Team {0:03}\n    service: {1}\n    assumptions:\n"
        "      sickness: {2:.2f}%\n    staffing:\n      - profession: rn\n"
        "        hours_per_week: {3}\n        funded_wte: 1\n        in_post_wte: 0\n",
        number, services[number % 3], 2.0 + 0.05 * static_cast<double>(number),
        37.5 * static_cast<double>(number));
  }
  return text;
}

/// The text of the first element of `html` with class `css_class`, up to its closing tag.
std::string table_of(const std::string& html, std::string_view css_class) {
  const std::size_t start = html.find(fmt::format("<table class=\"{}\">", css_class));
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</table>", start) - start);
}

}  // namespace

TEST_CASE(
    "a large organisation's paper lists its worst teams, every service and what is left "
    "out",
    "[html]") {
  const estab::Model model = estab::load_model_text(organisation_of(60), "large.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  const std::string html = render_html(review);

  // The teams table: the 25 largest net gaps (teams 060 down to 036), largest first.
  const std::string teams = table_of(html, "teams");
  REQUIRE_FALSE(teams.empty());
  std::size_t previous = 0;
  for (std::size_t number = 60; number >= 36; --number) {
    INFO("team " << number);
    const std::size_t at = teams.find(fmt::format("<td>Team {:03}<span", number));
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
  for (std::size_t number = 1; number <= 35; ++number) {
    INFO("team " << number);
    CHECK(teams.find(fmt::format("Team {:03}<", number)) == std::string::npos);
  }
  // Each listed team names its service; every service and the organisation have a total.
  CHECK(teams.find("<td>Team 060<span class=\"detail\">East \xC2\xB7 t060</span></td>") !=
        std::string::npos);
  const std::string services = table_of(html, "teams services");
  for (const char* service : {"East", "West", "North"}) {
    INFO(service);
    CHECK(services.find(fmt::format("<tr><td>{}</td>", service)) != std::string::npos);
  }
  CHECK(services.find(estab::report::format_wte(review.organisation.net_gap_wte)) !=
        std::string::npos);
  // The paper says how many teams it leaves out and where they all are.
  CHECK(html.find("60 teams are too many to list here: the 25 with the largest net gap are "
                  "shown, and the other 35 are left out. Every one is in the workbook (--format "
                  "xlsx) and the CSV (--format csv --level team).") != std::string::npos);
  CHECK(html.find("60 sets of assumptions are too many to list here: the 25 covering the most "
                  "productive WTE are shown, and the other 35 are left out.") != std::string::npos);
  CHECK(html.find("60 overrides are too many to list here: the 25 that reach the most staffing "
                  "lines are shown, and the other 35 are left out.") != std::string::npos);
  // The skill-mix chart has a bar for 25 teams only.
  CHECK(std::regex_search(html, std::regex("the 25 furthest below their target")));
}

TEST_CASE("an organisation of at most 50 teams lists every one", "[html]") {
  const estab::Model model = estab::load_model_text(organisation_of(50), "fifty.yaml");
  const std::string html = render_html(estab::compute_review(model));
  for (std::size_t number = 1; number <= 50; ++number) {
    INFO("team " << number);
    CHECK(html.find(fmt::format("<td>Team {:03}<span class=\"detail\">t{:03}</span></td>", number,
                                number)) != std::string::npos);
  }
  CHECK(html.find("too many to list here") == std::string::npos);
  CHECK(html.find("<td>East total<span class=\"detail\">service</span></td>") != std::string::npos);
}

TEST_CASE("organisation_absence weights each line's absence by its productive WTE", "[calc]") {
  // Team 002 (2 productive WTE) states 2.1% sickness; team 001 (1 WTE) states 2.05%.
  const estab::Model model = estab::load_model_text(organisation_of(2), "two.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  REQUIRE(review.lines.size() == 2);
  REQUIRE(review.lines[0].productive_wte == Approx(1.0));
  REQUIRE(review.lines[1].productive_wte == Approx(2.0));
  const estab::OrganisationAbsence absence = estab::organisation_absence(review);
  bool found_sickness = false;
  for (const estab::ComponentShare& component : absence.components) {
    if (component.component != "sickness") continue;
    found_sickness = true;
    CHECK(component.fraction == Approx((1.0 * 0.0205 + 2.0 * 0.021) / 3.0));
  }
  CHECK(found_sickness);
  const estab::LineResult& first = review.lines[0];
  const estab::LineResult& second = review.lines[1];
  CHECK(absence.total == Approx((first.absence.total + 2.0 * second.absence.total) / 3.0));
  CHECK(absence.uplift_exact == Approx((first.uplift_exact + 2.0 * second.uplift_exact) / 3.0));
  CHECK(absence.uplift_applied == Approx(absence.uplift_exact));  // the review's method is exact
  CHECK(absence.uplift_additive == Approx(absence.total));
  // The components add up to the total.
  double sum = 0.0;
  for (const estab::ComponentShare& component : absence.components) sum += component.fraction;
  CHECK(sum == Approx(absence.total));

  const estab::ReviewResult empty;
  CHECK(estab::organisation_absence(empty).components.empty());
}

TEST_CASE("the absence chart leads with the organisation, then names each set by what it covers",
          "[html]") {
  const estab::Model model = estab::load_model_file(example("trust.yaml"));
  const estab::ReviewResult review = estab::compute_review(model);
  const std::string html = render_html(review);
  const estab::OrganisationAbsence absence = estab::organisation_absence(review);
  using estab::report::format_percent;

  const std::size_t section = html.find("<section id=\"uplift\">");
  REQUIRE(section != std::string::npos);
  const std::size_t organisation_chart = html.find(
      "aria-label=\"The organisation&#39;s absence by component against the uplift "
      "funded\"",
      section);
  const std::size_t sets_chart =
      html.find("aria-label=\"Absence components of each assumption set", section);
  REQUIRE(organisation_chart != std::string::npos);
  REQUIRE(sets_chart != std::string::npos);
  CHECK(organisation_chart < sets_chart);
  const std::string chart = html.substr(organisation_chart, sets_chart - organisation_chart);
  // The organisation's total absence and the uplift funded (exact), each as a bar's figure, and
  // every component with a share in the legend.
  CHECK(chart.find(">" + format_percent(absence.total) + " absent</text>") != std::string::npos);
  CHECK(chart.find(">" + format_percent(absence.uplift_applied) + " funded</text>") !=
        std::string::npos);
  CHECK(chart.find(">Uplift funded</text>") != std::string::npos);
  for (const estab::ComponentShare& component : absence.components) {
    if (component.fraction <= 0.0) continue;
    INFO(component.component);
    CHECK(chart.find(">" + component.component + "</text>") != std::string::npos);
  }
  // No set is called by a number; each is named by its team and profession.
  CHECK_FALSE(std::regex_search(html, std::regex(">Set [0-9]+<")));
  CHECK(html.find("<tr><td>CLDT North \xC2\xB7 Registered nurse (learning disability)</td>") !=
        std::string::npos);
  CHECK(html.find("<tr><td>CLDT North \xC2\xB7 3 professions</td>") != std::string::npos);
  CHECK(html.find("<title>Assessment and treatment unit (12 beds)</title>", sets_chart) !=
        std::string::npos);

  // Under the additive method, the uplift funded is the additive one.
  estab::LoadOptions additive;
  additive.overrides = {"review.uplift_method=additive"};
  const estab::Model additive_model = estab::load_model_file(example("trust.yaml"), additive);
  const estab::ReviewResult additive_review = estab::compute_review(additive_model);
  const estab::OrganisationAbsence additive_absence = estab::organisation_absence(additive_review);
  CHECK(additive_absence.uplift_applied == Approx(additive_absence.total));
  const std::string additive_html = render_html(additive_review);
  CHECK(additive_html.find(">" + format_percent(additive_absence.uplift_applied) +
                           " funded</text>") != std::string::npos);
  CHECK(additive_html.find(">a/(1-a), not applied</text>") != std::string::npos);
}
