// Unit tests of the HTML board paper (`estab review --format html`): escaping verbatim, no
// script or fetched resource, every team and the organisation present, balanced elements,
// and the views that refuse HTML.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
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

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

/// Checks that every element in `tags` is opened as often as it is closed.
void check_balanced(const std::string& html, const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    INFO("element <" << tag << ">");
    const std::size_t opened = count_of(html, "<" + tag + " ") + count_of(html, "<" + tag + ">");
    CHECK(opened > 0);
    CHECK(opened == count_of(html, "</" + tag + ">"));
  }
}

/// Every tag of the page, from '<' to '>' (escaped text holds neither).
std::vector<std::string> tags_of(const std::string& html) {
  std::vector<std::string> tags;
  for (std::size_t start = html.find('<'); start != std::string::npos;
       start = html.find('<', start + 1)) {
    tags.push_back(html.substr(start, html.find('>', start) + 1 - start));
  }
  return tags;
}

/// Nothing in the page may run code or fetch anything.
void check_self_contained(const std::string& html) {
  for (const char* forbidden : {"<script", "http://", "https://", "@import", "url(", "<link",
                                "<img", "<iframe", "<object", "<embed", "<base"}) {
    INFO("forbidden: " << forbidden);
    CHECK(html.find(forbidden) == std::string::npos);
  }
  // No tag has a source, a link or an event handler (onload=, onerror=, …).
  for (const std::string& tag : tags_of(html)) {
    INFO("tag: " << tag);
    CHECK(tag.find("src=") == std::string::npos);
    CHECK(tag.find("href=") == std::string::npos);
    CHECK(tag.find(" on") == std::string::npos);
  }
}

/// A small model whose user-provided strings try to inject markup.
constexpr std::string_view kHostileInput = R"yaml(estab: 1
review:
  organisation: "Trust & <Partners> \"Quoted\" 'Single'"
  title: "<h1>Not a heading</h1>"
  period: 2026/27
assumptions:
  sickness: 5%
  additional:
    "<img src=x onerror=alert(2)>": 1%
professions:
  - id: rn
    name: Registered nurse
    registered: true
    cost_per_wte: 50000
teams:
  - id: "<script>alert(1)</script>"
    name: "<script>alert(1)</script>"
    staffing:
      - profession: rn
        hours_per_week: 75
        funded_wte: 2
        in_post_wte: 1.5
  - id: empty-team
    name: Team with nothing required
    staffing:
      - profession: rn
        funded_wte: 1
        in_post_wte: 1
)yaml";

}  // namespace

TEST_CASE("html_escape escapes the five special characters verbatim", "[html]") {
  using estab::report::html_escape;
  CHECK(html_escape("Tom & Jerry's <b>\"x\"</b>") ==
        "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("&amp;") == "&amp;amp;");
  CHECK(html_escape("plain text £1,234 — ok") == "plain text £1,234 — ok");
  CHECK(html_escape("bell\x07 and escape\x1b[31m") == "bell? and escape?[31m");
}

TEST_CASE("shorten keeps whole code points and marks what it cut", "[html]") {
  using estab::report::shorten;
  CHECK(shorten("cldt-north", 22) == "cldt-north");
  CHECK(shorten("abcdefghij", 5) == "abcd\xE2\x80\xA6");
  CHECK(shorten("££££££", 4) == "£££\xE2\x80\xA6");
}

TEST_CASE("a RAG badge carries the rating as a word, not only a colour", "[html]") {
  using estab::Rag;
  using estab::report::rag_badge;
  CHECK(rag_badge(Rag::Red) == "<span class=\"badge rag-red\">red</span>");
  CHECK(rag_badge(Rag::Amber) == "<span class=\"badge rag-amber\">amber</span>");
  CHECK(rag_badge(Rag::Green) == "<span class=\"badge rag-green\">green</span>");
  CHECK(rag_badge(Rag::None) == "<span class=\"badge rag-none\">-</span>");
}

TEST_CASE("the trust example renders as one self-contained board paper", "[html]") {
  const estab::Model model = estab::load_model_file(example("trust.yaml"));
  const estab::ReviewResult review = estab::compute_review(model);
  const std::string html = render_html(review);

  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  check_self_contained(html);
  check_balanced(html, {"html", "head", "body", "style", "svg", "table", "thead", "tbody", "tr",
                        "section", "figure", "header", "footer"});
  // skill mix, organisation absence, assumption sets, triangulation, headroom
  CHECK(count_of(html, "<svg ") == 5);
  CHECK(count_of(html, "<section ") == 8);
  CHECK(html.find("<h2>6. Actuals against assumptions</h2>") != std::string::npos);
  // A team's worst line gap names the line: CLDT North's psychologists (30.2%) are worse than
  // its speech and language therapists (14.5%), both red.
  CHECK(html.find("<span class=\"detail\">Clinical psychologist: 0.43 WTE short, "
                  "30.2%</span>") != std::string::npos);
  // Each service's total follows its teams, and the organisation is shown by profession.
  CHECK(html.find("<td>Inpatient assessment and treatment total<span class=\"detail\">service"
                  "</span></td>") != std::string::npos);
  CHECK(html.find("<h3>By profession, across the organisation</h3>") != std::string::npos);
  CHECK(html.find("<td>Speech and language therapist</td>") != std::string::npos);
  CHECK(html.find("<h2>7. Warnings</h2>") != std::string::npos);

  // Printing: A4 pages, tables and charts kept whole.
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("break-inside: avoid") != std::string::npos);

  REQUIRE(model.review.organisation);
  CHECK(html.find(*model.review.organisation) != std::string::npos);
  for (const estab::Team& team : model.teams) {
    INFO("team " << team.id);
    CHECK(html.find(estab::report::html_escape(team.id)) != std::string::npos);
  }
  // Numbers are formatted as in the table format.
  using estab::report::format_money;
  using estab::report::format_wte;
  CHECK(html.find(format_wte(review.organisation.required_wte)) != std::string::npos);
  CHECK(html.find(format_money(review.organisation.required_cost)) != std::string::npos);
  CHECK(html.find(format_wte(review.organisation.net_gap_wte)) != std::string::npos);
  // Each warning appears, and the sections come in board-paper order.
  for (const std::string& warning : review.warnings) {
    CHECK(html.find(estab::report::html_escape(warning)) != std::string::npos);
  }
  const std::vector<std::string> order = {
      "id=\"summary\"",       "id=\"teams\"",    "id=\"skill-mix\"",  "id=\"uplift\"",
      "id=\"triangulation\"", "id=\"warnings\"", "id=\"assumptions\""};
  std::size_t previous = 0;
  for (const std::string& section : order) {
    const std::size_t at = html.find(section);
    INFO(section);
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
}

TEST_CASE("the board paper opens with what calls for the board's attention", "[html]") {
  const estab::Model model = estab::load_model_file(example("trust.yaml"));
  const std::string html = render_html(estab::compute_review(model));
  const std::size_t attention = html.find("<h2>For the board&#39;s attention</h2>");
  REQUIRE(attention != std::string::npos);
  CHECK(attention < html.find("<h2>1. Summary</h2>"));
  CHECK(html.find("<li>Red: CLDT North / Speech and language therapist, 0.27 WTE short (14.5% of "
                  "required).</li>") != std::string::npos);
  CHECK(html.find("<li>Skill mix amber: Assessment and treatment unit (12 beds), registered "
                  "share in post 33.4% against a target of 40.0%.</li>") != std::string::npos);
  CHECK(html.find("additive uplift convention is in use") == std::string::npos);

  estab::LoadOptions additive;
  additive.overrides = {"review.uplift_method=additive"};
  const estab::Model additive_model = estab::load_model_file(example("trust.yaml"), additive);
  const estab::ReviewResult additive_review = estab::compute_review(additive_model);
  const std::string additive_html = render_html(additive_review);
  CHECK(additive_html.find(fmt::format(
            "<li>The additive uplift convention is in use: it funds {} WTE, {}, less than the "
            "absence needs (the exact uplift).</li>",
            estab::report::format_wte(additive_review.organisation.additive_shortfall_wte),
            estab::report::format_money(additive_review.organisation.additive_shortfall_cost))) !=
        std::string::npos);
}

TEST_CASE("the charts' text stays inside each chart", "[html]") {
  // Every left-aligned label, at an average glyph width of 0.58 em (DejaVu Sans digits are
  // 0.64 em, most letters narrower), must end within the 680-unit width of its chart.
  const estab::Model model = estab::load_model_file(example("trust.yaml"));
  const std::string html = render_html(estab::compute_review(model));
  std::size_t checked = 0;
  for (std::size_t at = html.find("<text x=\""); at != std::string::npos;
       at = html.find("<text x=\"", at + 1)) {
    const std::size_t tag_end = html.find('>', at);
    const std::string tag = html.substr(at, tag_end - at);
    if (tag.find("text-anchor=\"start\"") == std::string::npos) continue;
    const double x = std::stod(tag.substr(9));
    const std::size_t size_at = tag.find("font-size=\"") + 11;
    const double size = std::stod(tag.substr(size_at));
    const std::string content =
        html.substr(tag_end + 1, html.find("</text>", tag_end) - tag_end - 1);
    std::size_t characters = 0;
    for (std::size_t index = 0; index < content.size(); ++index) {
      const auto byte = static_cast<unsigned char>(content[index]);
      if ((byte & 0xC0) == 0x80) continue;                          // a UTF-8 continuation byte
      if (content[index] == '&') index = content.find(';', index);  // an entity is one glyph
      ++characters;
    }
    INFO(content);
    CHECK(x + static_cast<double>(characters) * size * 0.58 <= 680.0);
    ++checked;
  }
  CHECK(checked > 20);
}

TEST_CASE("the assumptions name each override with its level", "[html]") {
  const estab::Model model = estab::load_model_file(example("trust.yaml"));
  const std::string html = render_html(estab::compute_review(model));
  // trust.yaml: sickness 4.2% on team cldt-north; study leave 4% on line cldt-south/pbs;
  // training 30 hours per head on profession hca.
  // Each level is named as the board knows it: the team's, the line's and the profession's name.
  CHECK(html.find("<td>sickness</td><td>team</td><td>CLDT North</td><td>4.2%</td>") !=
        std::string::npos);
  CHECK(html.find("<td>study_leave</td><td>line</td><td>CLDT South / Positive behaviour support "
                  "practitioner</td><td>4%</td>") != std::string::npos);
  CHECK(html.find("<td>training</td><td>profession</td><td>Healthcare / support worker</td><td>30 "
                  "hours per head</td>") != std::string::npos);
  CHECK(html.find("<td>sickness</td><td>5%</td>") != std::string::npos);
}

TEST_CASE("hostile names appear only as escaped text", "[html]") {
  const estab::Model model = estab::load_model_text(kHostileInput, "hostile.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  const std::string html = render_html(review);

  check_self_contained(html);
  CHECK(html.find("<h1>Not a heading") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("Trust &amp; &lt;Partners&gt; &quot;Quoted&quot; &#39;Single&#39;") !=
        std::string::npos);
  CHECK(html.find("&lt;h1&gt;Not a heading&lt;/h1&gt;") != std::string::npos);
  check_balanced(html, {"svg", "table", "section"});
  CHECK(count_of(html, "<svg ") == 3);  // no beds: no triangulation chart
  CHECK(html.find("No team has beds.") != std::string::npos);
  REQUIRE_FALSE(review.warnings.empty());
  for (const std::string& warning : review.warnings) {
    CHECK(html.find(estab::report::html_escape(warning)) != std::string::npos);
  }
}

TEST_CASE("only review offers HTML", "[html]") {
  const estab::Model model = estab::load_model_file(example("atu.yaml"));
  const estab::ReviewResult review = estab::compute_review(model);
  std::ostringstream out;
  const RenderOptions options{};
  CHECK(usage_error_of([&] { estab::render_uplift(out, review, OutputFormat::Html, options); }) ==
        "--format html is available for review only");
  CHECK(usage_error_of([&] {
          estab::render_establishment(out, review, OutputFormat::Html, options);
        }) == "--format html is available for review only");
  CHECK(usage_error_of([&] { estab::render_gaps(out, review, OutputFormat::Html, options); }) ==
        "--format html is available for review only");
  CHECK_THROWS_AS(estab::render_gaps(out, review, OutputFormat::Html, options), estab::UsageError);
  CHECK_THROWS_WITH(estab::render_gaps(out, review, OutputFormat::Html, options),
                    "the html format is available for review only");
  CHECK(out.str().empty());
}
