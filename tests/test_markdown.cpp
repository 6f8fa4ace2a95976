// Unit tests of `--format markdown` for uplift, establishment, gaps, review, compare and
// sensitivity: GitHub-flavoured Markdown pipe tables (every row as wide as its header, the
// delimiter row aligned as the text table is), the very numbers of the table format, escaping of
// input text, never a colour escape; and one small view verbatim, with its figures worked by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/load.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "support/test_support.hpp"

namespace {

using estab::OutputFormat;
using estab::RenderOptions;
using estab::report::escape_markdown;
using estab::report::MarkdownContext;
using namespace estab::testing;

// ---------------------------------------------------------------------------------------------
// Fixtures

/// examples/trust.yaml, the base of every view below.
const Reviewed& trust() {
  static const Reviewed reviewed(estab::load_model_file(example("trust.yaml")));
  return reviewed;
}

/// examples/scenarios/sickness-4pc.yaml, which moves every line of the trust.
const Reviewed& sickness_scenario() {
  static const Reviewed reviewed(estab::load_model_file(example("scenarios/sickness-4pc.yaml")));
  return reviewed;
}

/// Writes one view of a result in a format.
using ViewRenderer = std::function<void(std::ostream&, OutputFormat, const RenderOptions&)>;

/// One of the six views that offer Markdown.
struct NamedView {
  std::string name;
  ViewRenderer render;
};

/// A review view (uplift, establishment, gaps, review) of a reviewed model.
ViewRenderer review_view(void (*renderer)(std::ostream&, const estab::ReviewResult&, OutputFormat,
                                          const RenderOptions&),
                         const Reviewed& reviewed) {
  return
      [renderer, &reviewed](std::ostream& out, OutputFormat format, const RenderOptions& options) {
        renderer(out, reviewed.review, format, options);
      };
}

/// The six views on examples/trust.yaml; compare shows every record against the 4% sickness
/// scenario, so that every table has rows.
const std::vector<NamedView>& trust_views() {
  static const estab::Comparison comparison = estab::compare_reviews(
      trust().review, sickness_scenario().review, "trust.yaml", "sickness-4pc.yaml");
  static const estab::SensitivityResult sensitivity = estab::run_sensitivity(trust().model, 0.1);
  static const std::vector<NamedView> views = {
      {"uplift", review_view(estab::render_uplift, trust())},
      {"establishment", review_view(estab::render_establishment, trust())},
      {"gaps", review_view(estab::render_gaps, trust())},
      {"review", review_view(estab::render_review, trust())},
      {"compare",
       [](std::ostream& out, OutputFormat format, const RenderOptions& options) {
         estab::render_comparison(out, comparison, format, options, true);
       }},
      {"sensitivity",
       [](std::ostream& out, OutputFormat format, const RenderOptions& options) {
         estab::render_sensitivity(out, sensitivity, format, options);
       }},
  };
  return views;
}

/// Whether `text` ends with `ending`.
bool ends_with(const std::string& text, const std::string& ending) {
  return text.size() >= ending.size() &&
         text.compare(text.size() - ending.size(), ending.size(), ending) == 0;
}

/// A view rendered to text.
std::string render(const ViewRenderer& renderer, OutputFormat format, bool colour = false) {
  RenderOptions options;
  options.colour = colour;
  std::ostringstream out;
  renderer(out, format, options);
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// Reading Markdown back

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A Markdown table: the index of its header line and its lines.
struct MarkdownTable {
  std::size_t first_line = 0;
  std::vector<std::string> lines;
};

/// Every run of consecutive lines that start with '|'.
std::vector<MarkdownTable> markdown_tables(const std::vector<std::string>& lines) {
  std::vector<MarkdownTable> tables;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    if (lines[index].empty() || lines[index].front() != '|') continue;
    if (index == 0 || lines[index - 1].empty() || lines[index - 1].front() != '|') {
      tables.push_back(MarkdownTable{index, {}});
    }
    tables.back().lines.push_back(lines[index]);
  }
  return tables;
}

/// The cells of a table row, split at every '|' that no backslash escapes, without the empty
/// text before the first pipe and after the last, each trimmed of spaces.
std::vector<std::string> row_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t index = 0; index < row.size(); ++index) {
    if (row[index] == '\\' && index + 1 < row.size()) {
      cell += row.substr(index, 2);
      ++index;
    } else if (row[index] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += row[index];
    }
  }
  cells.push_back(cell);
  for (std::string& text : cells) {
    const std::size_t first = text.find_first_not_of(' ');
    text = first == std::string::npos ? ""
                                      : text.substr(first, text.find_last_not_of(' ') - first + 1);
  }
  if (cells.size() >= 2) {
    cells.erase(cells.begin());
    cells.pop_back();
  }
  return cells;
}

/// Whether any of `characters` stands in `markdown` without a backslash before it.
bool has_unescaped(const std::string& markdown, const std::string& characters) {
  for (std::size_t index = 0; index < markdown.size(); ++index) {
    if (markdown[index] == '\\') {
      ++index;
    } else if (characters.find(markdown[index]) != std::string::npos) {
      return true;
    }
  }
  return false;
}

/// Every number as a table cell or sentence shows it: "12.35", "-0.50", "+1.25", "4.5%",
/// "£1,234,567", "-£864".
std::vector<std::string> numeric_tokens(const std::string& text) {
  static const std::regex kNumber(R"([-+]?(?:£)?[0-9][0-9,]*(?:\.[0-9]+)?%?)");
  std::vector<std::string> tokens;
  for (auto match = std::sregex_iterator(text.begin(), text.end(), kNumber);
       match != std::sregex_iterator(); ++match) {
    tokens.push_back(match->str());
  }
  return tokens;
}

/// Checks that `markdown` is made of valid GFM pipe tables: each with a header, a delimiter row
/// of ":--" and "--:" and rows as wide as the header, every line between pipes, a blank line (or
/// the start or end of the document) around it. Returns how many tables there are.
std::size_t check_tables(const std::string& markdown) {
  const std::vector<std::string> lines = split_lines(markdown);
  const std::vector<MarkdownTable> tables = markdown_tables(lines);
  for (const MarkdownTable& table : tables) {
    INFO("table at line " << table.first_line + 1 << ": " << table.lines.front());
    REQUIRE(table.lines.size() >= 3);  // header, delimiter, at least one row
    CHECK((table.first_line == 0 || lines[table.first_line - 1].empty()));
    const std::size_t after = table.first_line + table.lines.size();
    CHECK((after == lines.size() || lines[after].empty()));
    const std::size_t header_cells = row_cells(table.lines.front()).size();
    CHECK(header_cells >= 2);
    for (const std::string& row : table.lines) {
      INFO(row);
      CHECK(row.rfind("| ", 0) == 0);
      CHECK(row.size() >= 2);
      CHECK(row.compare(row.size() - 2, 2, " |") == 0);
      CHECK(row_cells(row).size() == header_cells);
    }
    for (const std::string& delimiter : row_cells(table.lines[1])) {
      CHECK((delimiter == ":--" || delimiter == "--:"));
    }
  }
  return tables.size();
}

// ---------------------------------------------------------------------------------------------
// The six views on examples/trust.yaml

TEST_CASE("every Markdown view is valid GFM: headings and tables as wide as their headers",
          "[markdown]") {
  for (const NamedView& view : trust_views()) {
    INFO("view " << view.name);
    const std::string markdown = render(view.render, OutputFormat::Markdown);
    CHECK(markdown.rfind("# ", 0) == 0);  // the view's title
    CHECK(check_tables(markdown) >= 1);
    CHECK(markdown.back() == '\n');
    CHECK(markdown.find("\n\n\n") == std::string::npos);  // blocks one blank line apart
    // Nothing of the text table is left: no dashed rule, no column padding.
    for (const std::string& line : split_lines(markdown)) {
      CHECK(line.rfind("---", 0) == std::string::npos);
      CHECK(line.find("   ") == std::string::npos);
    }
  }
}

TEST_CASE("the Markdown views show exactly the numbers of the table format, row by row",
          "[markdown]") {
  for (const NamedView& view : trust_views()) {
    INFO("view " << view.name);
    const std::string table = render(view.render, OutputFormat::Table);
    const std::string markdown = render(view.render, OutputFormat::Markdown);

    std::vector<std::string> table_numbers = numeric_tokens(table);
    std::vector<std::string> markdown_numbers = numeric_tokens(markdown);
    CHECK(table_numbers.size() > 40);
    std::sort(table_numbers.begin(), table_numbers.end());
    std::sort(markdown_numbers.begin(), markdown_numbers.end());
    CHECK(markdown_numbers == table_numbers);

    // Each Markdown row has the numbers of one text line, in the same order, and no text line
    // is matched twice.
    std::multiset<std::vector<std::string>> text_lines;
    for (const std::string& line : split_lines(table)) text_lines.insert(numeric_tokens(line));
    for (const MarkdownTable& markdown_table : markdown_tables(split_lines(markdown))) {
      for (std::size_t index = 2; index < markdown_table.lines.size(); ++index) {
        INFO(markdown_table.lines[index]);
        const auto found = text_lines.find(numeric_tokens(markdown_table.lines[index]));
        REQUIRE(found != text_lines.end());
        text_lines.erase(found);
      }
    }
  }
}

TEST_CASE("the Markdown views never write an escape byte, even when colour is asked for",
          "[markdown]") {
  for (const NamedView& view : trust_views()) {
    INFO("view " << view.name);
    CHECK(render(view.render, OutputFormat::Markdown, true).find('\x1b') == std::string::npos);
    CHECK(render(view.render, OutputFormat::Markdown, true) ==
          render(view.render, OutputFormat::Markdown, false));
  }
}

TEST_CASE("Markdown headings follow the views' sections", "[markdown]") {
  const std::vector<NamedView>& views = trust_views();
  const auto markdown_of = [&](const std::string& name) {
    const auto view = std::find_if(views.begin(), views.end(),
                                   [&](const NamedView& named) { return named.name == name; });
    REQUIRE(view != views.end());
    return render(view->render, OutputFormat::Markdown);
  };
  const std::string review = markdown_of("review");
  CHECK(review.rfind("# Establishment review: Example Partnership NHS Foundation Trust", 0) == 0);
  for (const char* section :
       {"\n## 1. Summary\n", "\n## 2. Establishment by team and service\n",
        "\n## 3. Gaps and RAG\n", "\n## 4. Skill mix\n", "\n## 5. Uplift assumptions\n",
        "\n### Summary of assumption sets\n", "\n### Assumption set 1 of 19 (1 line)\n",
        "\n## 6. Inpatient triangulation\n", "\n## 7. Professions\n",
        "\n## 8. Actuals against assumptions\n", "\n## 9. Warnings\n"}) {
    CHECK(review.find(section) != std::string::npos);
  }
  CHECK(review.find("\nStaffing lines: 24; red 5, amber 6, green 13.\n") != std::string::npos);

  const std::string uplift = markdown_of("uplift");
  CHECK(uplift.find("\n## Assumption set 1 of 19 (1 line)\n") != std::string::npos);

  const std::string gaps = markdown_of("gaps");
  CHECK(gaps.find("\n## Skill mix\n") != std::string::npos);
  CHECK(gaps.find("\n| Team | Profession | Funded | In post | Required | Est. gap | Vacancy | "
                  "Net gap | Vacancy rate | Net gap rate | RAG |\n"
                  "| :-- | :-- | --: | --: | --: | --: | --: | --: | --: | --: | :-- |\n") !=
        std::string::npos);
  // A total row is bold, cell by cell; its empty cells stay empty.
  CHECK(gaps.find("\n| **Organisation total** |  | **98.80** | **94.55** | **102.77** | **3.97** | "
                  "**4.25** | **8.22** | **4.3%** | **8.0%** |  |\n") != std::string::npos);

  const std::string compare = markdown_of("compare");
  CHECK(compare.rfind("# Comparison: trust.yaml → sickness-4pc.yaml\n", 0) == 0);
  CHECK(compare.find("\n## Organisation (changed)\n") != std::string::npos);

  const std::string sensitivity = markdown_of("sensitivity");
  CHECK(sensitivity.find("\nBase: required WTE 102.77, required cost £4,807,148.\n") !=
        std::string::npos);
  CHECK(sensitivity.find("\n| demand | 92.90 | 112.65 | -9.88 | +9.88 | £4,347,634 | £5,266,663 "
                         "| 19.75 | " +
                         std::string(30, '#') + " |\n") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Escaping

TEST_CASE("Markdown escapes everything that could start markup, HTML or a cell", "[markdown]") {
  CHECK(escape_markdown("a|b*<c>", MarkdownContext::Cell) == "a\\|b\\*\\<c\\>");
  CHECK(escape_markdown("\\ ` * _ [ ] < > | ~ &", MarkdownContext::Cell) ==
        "\\\\ \\` \\* \\_ \\[ \\] \\< \\> \\| \\~ \\&");
  CHECK(escape_markdown("<script>alert(1)</script>", MarkdownContext::Cell) ==
        "\\<script\\>alert(1)\\</script\\>");
  CHECK(escape_markdown("[link](http://example.org)", MarkdownContext::Cell) ==
        "\\[link\\](http://example.org)");
  // Numbers and the tornado bar stay as they are in cells.
  CHECK(escape_markdown("-£1,234", MarkdownContext::Cell) == "-£1,234");
  CHECK(escape_markdown("+12.5%", MarkdownContext::Cell) == "+12.5%");
  CHECK(escape_markdown("###", MarkdownContext::Cell) == "###");
  // A heading escapes '#' so that none can close it; a paragraph also escapes a leading marker
  // that would make it a list, and never a marker further in.
  CHECK(escape_markdown("Ward #3 #", MarkdownContext::Heading) == "Ward \\#3 \\#");
  CHECK(escape_markdown("1. Summary", MarkdownContext::Heading) == "1. Summary");
  CHECK(escape_markdown("# heading", MarkdownContext::Paragraph) == "\\# heading");
  CHECK(escape_markdown("- item - more", MarkdownContext::Paragraph) == "\\- item - more");
  CHECK(escape_markdown("+ item", MarkdownContext::Paragraph) == "\\+ item");
  CHECK(escape_markdown("=== ", MarkdownContext::Paragraph) == "\\=== ");
  CHECK(escape_markdown("12. item", MarkdownContext::Paragraph) == "12\\. item");
  CHECK(escape_markdown("3) item", MarkdownContext::Paragraph) == "3\\) item");
  CHECK(escape_markdown("2026/27 review. Done", MarkdownContext::Paragraph) ==
        "2026/27 review. Done");
  // Control characters never reach the document: a newline would end a table row.
  CHECK(escape_markdown("a\nb\x1b[31m", MarkdownContext::Cell) == "a?b?\\[31m");
}

/// A one-team model whose team and organisation are named with Markdown and HTML.
constexpr const char* kHostileNames = R"(estab: 1
review: {organisation: "St <Mary's> | *Trust*", working_days: 260, standard_hours: 37.5}
assumptions: {sickness: 10%}
professions:
  - {id: rn, registered: true, cost_per_wte: 50000}
teams:
  - id: "a|b*<c>"
    staffing:
      - {profession: rn, hours_per_week: 75, funded_wte: 2, in_post_wte: 1.5}
)";

TEST_CASE("a team named a|b*<c> cannot break a Markdown table or inject HTML", "[markdown]") {
  const Reviewed hostile(estab::load_model_text(kHostileNames, "hostile.yaml"));
  const std::string escaped_team = "a\\|b\\*\\<c\\>";
  for (auto* renderer : {estab::render_uplift, estab::render_establishment, estab::render_gaps,
                         estab::render_review}) {
    const std::string markdown = render(review_view(renderer, hostile), OutputFormat::Markdown);
    INFO(markdown);
    CHECK(check_tables(markdown) >= 1);
    CHECK(markdown.find("a|b") == std::string::npos);
    CHECK_FALSE(has_unescaped(markdown, "<>"));  // no raw HTML at all
    CHECK(markdown.find(" \\| \\*Trust\\* (uplift method: exact)\n") != std::string::npos);
  }
  const std::string establishment =
      render(review_view(estab::render_establishment, hostile), OutputFormat::Markdown);
  CHECK(establishment.rfind("# Establishment: St \\<Mary's\\> \\| \\*Trust\\* (uplift method: "
                            "exact)\n",
                            0) == 0);
  CHECK(establishment.find("\n| " + escaped_team +
                           " | rn | 75.0 | 2.00 | 30.7% | 0.00 | 2.61 |\n") != std::string::npos);
  CHECK(establishment.find("\n| **" + escaped_team +
                           " total** |  | **75.0** | **2.00** |  | "
                           "**0.00** | **2.61** |\n") != std::string::npos);
  const std::string uplift =
      render(review_view(estab::render_uplift, hostile), OutputFormat::Markdown);
  CHECK(uplift.find("\nLines: " + escaped_team + " / rn\n") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The table builder

TEST_CASE("a TextTable written as Markdown keeps its rows, drops its rules and bolds totals",
          "[markdown]") {
  using estab::report::Align;
  using estab::report::Style;
  estab::report::TextTable table(
      {{"Name", Align::Left}, {"WTE", Align::Right}, {"Note", Align::Left}});
  table.add_row({"ward", "1.50", {"red", Style::Red}});
  table.add_row({"short row"});
  table.add_rule();
  table.add_row({"Total", "1.50", ""}, true);
  std::ostringstream markdown;
  table.write_markdown(markdown);
  CHECK(markdown.str() ==
        "| Name | WTE | Note |\n"
        "| :-- | --: | :-- |\n"
        "| ward | 1.50 | red |\n"
        "| short row |  |  |\n"
        "| **Total** | **1.50** |  |\n");
  CHECK(table.size() == 4);  // the rule still counts as a row of the text table
}

// ---------------------------------------------------------------------------------------------
// A small view verbatim

/// A one-ward model worked by hand. Absence a = annual leave 10% + sickness 10% = 0.2, the rest
/// 0%, so the exact uplift is a / (1 − a) = 25.0%. Standard hours 37.5 per week:
///   rn   60 h/week → 1.60 productive WTE × 1.25 = 2.00 required
///   hca  30 h/week → 0.80 productive WTE × 1.25 = 1.00, plus 0.50 fixed = 1.50 required
/// Ward and service totals: 90.0 h/week, 2.40 productive, 0.50 fixed, 3.50 required.
constexpr const char* kSmallWard = R"(estab: 1
review: {organisation: Small Trust, title: Ward review, working_days: 260, standard_hours: 37.5}
assumptions:
  annual_leave: 10%
  bank_holidays: 0%
  sickness: 10%
  parenting: 0%
  other_leave: 0%
  study_leave: 0%
  training: 0%
  supervision: 0%
professions:
  - {id: rn, registered: true, cost_per_wte: 50000}
  - {id: hca, registered: false}
services:
  - {id: acute_care, name: Acute care}
teams:
  - id: ward_1
    service: acute_care
    staffing:
      - {profession: rn, hours_per_week: 60, funded_wte: 2, in_post_wte: 1.5}
      - {profession: hca, hours_per_week: 30, fixed_wte: 0.5, funded_wte: 1.5, in_post_wte: 1.5}
)";

TEST_CASE("the establishment of a small ward in Markdown, verbatim", "[markdown]") {
  const Reviewed ward(estab::load_model_text(kSmallWard, "ward.yaml"));
  const std::string markdown =
      render(review_view(estab::render_establishment, ward), OutputFormat::Markdown);
  CHECK(
      markdown ==
      "# Establishment: Small Trust, Ward review (uplift method: exact)\n"
      "\n"
      "Per staffing line: demand hours per week, productive WTE (demand / standard hours), "
      "uplift applied, fixed WTE (no uplift), required WTE.\n"
      "\n"
      "| Team | Profession | Demand h/week | Productive WTE | Uplift | Fixed WTE | Required WTE |\n"
      "| :-- | :-- | --: | --: | --: | --: | --: |\n"
      "| ward\\_1 | rn | 60.0 | 1.60 | 25.0% | 0.00 | 2.00 |\n"
      "| ward\\_1 | hca | 30.0 | 0.80 | 25.0% | 0.50 | 1.50 |\n"
      "| **ward\\_1 total** |  | **90.0** | **2.40** |  | **0.50** | **3.50** |\n"
      "| **service Acute care total** |  | **90.0** | **2.40** |  | **0.50** | **3.50** |\n"
      "| **Organisation total** |  | **90.0** | **2.40** |  | **0.50** | **3.50** |\n");
}

TEST_CASE("review warnings are one Markdown list, each item escaped", "[markdown]") {
  Reviewed ward(estab::load_model_text(kSmallWard, "ward.yaml"));
  std::string markdown = render(review_view(estab::render_review, ward), OutputFormat::Markdown);
  CHECK(ends_with(markdown, "\n## 8. Warnings\n\nNone.\n"));

  ward.review.warnings = {"ward_1: no in-post WTE", "- <b>leading</b> marker"};
  markdown = render(review_view(estab::render_review, ward), OutputFormat::Markdown);
  CHECK(ends_with(markdown,
                  "\n## 8. Warnings\n\n- ward\\_1: no in-post WTE\n"
                  "- \\- \\<b\\>leading\\</b\\> marker\n"));
}

}  // namespace
