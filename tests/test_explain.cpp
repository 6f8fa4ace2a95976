// Unit tests of `estab explain`: every line's explanation ends at the review's own
// required WTE; the steps recombine exactly; each input cites the file, line and column it was
// written at (through `extends` overlays too); the text, CSV and `estab-explain/1` JSON; the
// list of explainable lines; and the usage errors, verbatim.
//
// The hand-made file `ward.yaml` below is worked by hand: working_days 270 gives h_d 7.5,
// H_y 2025 and W 54; absence a = 27/270 (default annual leave) + 13.5/270 + 5% +
// 16.875 × 1.2 / 2025 (training per head) = 0.1 + 0.05 + 0.05 + 0.01 = 0.21, f = 1/0.79;
// demand d = 2 × 7.5 × 7 (roster) + 9 × 3.375 × 12 / 54 / (1 − 45/60/7.5) (caseload)
// = 105 + 7.5 = 112.5 hours per week, productive 3 WTE, required 3/0.79 + 1 = 4.797468 WTE.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/explain.hpp"
#include "estab/load.hpp"
#include "support/contract_docs.hpp"
#include "support/test_support.hpp"

namespace {

using estab::ExplainedInput;
using estab::ExplainedStep;
using estab::Explanation;
using estab::LineResult;
using estab::Model;
using estab::OutputFormat;
using estab::ReviewResult;
using nlohmann::ordered_json;
using namespace estab::testing;

/// The hand-made file worked in the comment at the top.
constexpr const char* kWardText = R"(estab: 1
review:
  organisation: Test Trust
  standard_hours: 37.5
  working_days: 270
assumptions:
  bank_holidays: {days: 13.5}
  sickness: 5%
professions:
  - id: rn
    name: Registered nurse
    registered: true
    cost_per_wte: 50000
teams:
  - id: ward
    name: Ward
    assumptions: {headcount_per_wte: 1.2}
    staffing:
      - profession: rn
        assumptions: {training: {hours_per_head: 16.875}}
        roster:
          - {shift: day, staff: 2, paid_hours: 7.5}
        caseload:
          non_caseload_time: {minutes_per_day: 45}
          bands:
            - {name: all, cases: 9, hours_per_case_per_month: 3.375}
        fixed_wte: 1
        funded_wte: 4.5
        in_post_wte: 4
)";

/// Where a value was written, found in the YAML text: the 1-based line of the only line that
/// contains `line_text` (followed by the end of the line, a space, a comma or a brace), and
/// the column where `value_text` first starts from there.
struct TextPosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

TextPosition position_in(const std::string& yaml, const std::string& line_text,
                         const std::string& value_text) {
  std::istringstream lines(yaml);
  std::string text_line;
  std::uint32_t number = 0;
  std::vector<TextPosition> found;
  while (std::getline(lines, text_line)) {
    ++number;
    const std::size_t match = text_line.find(line_text);
    if (match == std::string::npos) continue;
    const std::size_t after = match + line_text.size();
    // The whole value must match: "headcount_per_wte: 1.1" is not "headcount_per_wte: 1.15".
    if (after < text_line.size() && text_line[after] != ' ' && text_line[after] != ',' &&
        text_line[after] != '}') {
      continue;
    }
    const std::size_t start = text_line.find(value_text, match);
    REQUIRE(start != std::string::npos);
    found.push_back({number, static_cast<std::uint32_t>(start + 1)});
  }
  INFO("searching for " << line_text);
  REQUIRE(found.size() == 1);  // the search text names one place
  return found.front();
}

/// The input of an explanation with this name; fails the test when there is none.
const ExplainedInput& input_named(const Explanation& explanation, const std::string& name) {
  for (const ExplainedInput& input : explanation.inputs) {
    if (input.name == name) return input;
  }
  FAIL("no input named " << name);
  throw std::logic_error("unreachable");
}

/// The value of the step with this name; fails the test when there is none or it is null.
double step_value(const Explanation& explanation, const std::string& name) {
  for (const ExplainedStep& step : explanation.steps) {
    if (step.name == name) {
      REQUIRE(step.value.has_value());
      return *step.value;
    }
  }
  FAIL("no step named " << name);
  return 0.0;
}

/// Checks one explanation against the review's line: the final figures are the review's, and
/// the steps recombine exactly as calc combines them.
void check_against_review(const Explanation& explanation, const LineResult& reviewed) {
  INFO("line " << reviewed.team->id << "/" << reviewed.profession->id);
  CHECK(step_value(explanation, "required_wte") == reviewed.required_wte);
  CHECK(explanation.line.required_wte == reviewed.required_wte);
  // The last section: the actuals, where the line has any, else the costs.
  CHECK(explanation.steps.back().section == (reviewed.actuals.components.empty()
                                                 ? estab::ExplainSection::Costs
                                                 : estab::ExplainSection::Actuals));

  // a is the sum of the component steps, in order, as calc sums them.
  double absence_total = 0.0;
  for (const ExplainedStep& step : explanation.steps) {
    if (step.section == estab::ExplainSection::Absence && step.name != "a") {
      absence_total += *step.value;
    }
  }
  CHECK(absence_total == step_value(explanation, "a"));
  CHECK(step_value(explanation, "a") == reviewed.absence.total);

  // d is the sum of the stated models; required = productive × f + fixed, bit for bit.
  double demand = 0.0;
  for (const char* model_name :
       {"roster", "observations", "caseload", "activities", "hours_per_week"}) {
    for (const ExplainedStep& step : explanation.steps) {
      if (step.section == estab::ExplainSection::Demand && step.name == model_name) {
        demand += *step.value;
      }
    }
  }
  CHECK(demand == step_value(explanation, "d"));
  CHECK(step_value(explanation, "d") == reviewed.demand_hours_per_week);
  CHECK(step_value(explanation, "productive_wte") * step_value(explanation, "f") +
            reviewed.fixed_wte ==
        reviewed.required_wte);
  CHECK(step_value(explanation, "uplift_applied") == reviewed.uplift_applied);
  CHECK(step_value(explanation, "net_gap_wte") == reviewed.net_gap_wte);
  if (reviewed.required_cost) {
    CHECK(step_value(explanation, "required_cost") == *reviewed.required_cost);
  }

  // Roster rows sum to the roster, as calc sums them.
  double roster = 0.0;
  for (const ExplainedStep& step : explanation.steps) {
    if (step.name.rfind("roster[", 0) == 0) roster += *step.value;
  }
  CHECK(roster == reviewed.demand.roster);
}

/// Checks that every input names its file and position, except defaults, which name none.
void check_citations(const Explanation& explanation, const Model& model) {
  for (const ExplainedInput& input : explanation.inputs) {
    INFO("input " << input.name << " of " << explanation.line.team->id << "/"
                  << explanation.line.profession->id);
    if (input.source == estab::AssumptionLevel::Default) {
      CHECK(input.file.empty());
      CHECK(input.where.line == 0);
    } else {
      CHECK(!input.file.empty());
      CHECK(std::find(model.files.begin(), model.files.end(), input.file) != model.files.end());
      CHECK(input.where.line > 0);
      CHECK(input.where.column > 0);
    }
    CHECK(!input.value.empty());
  }
}

}  // namespace

TEST_CASE("every line's explanation ends at the review's required WTE", "[explain]") {
  for (const char* name : {"trust.yaml", "scenarios/liaison-closes.yaml"}) {
    INFO(name);
    const Reviewed reviewed(estab::load_model_file(example(name)));
    REQUIRE(!reviewed.review.lines.empty());
    for (const LineResult& line : reviewed.review.lines) {
      // Through compute_line as well as through the review: both end at the review's figure.
      const LineResult computed = estab::compute_line(reviewed.model, *line.team, *line.line);
      const Explanation explanation = estab::explain_line(reviewed.model, computed);
      check_against_review(explanation, line);
      check_citations(explanation, reviewed.model);
      const Explanation found =
          estab::explain_line(reviewed.review, line.team->id, line.profession->id);
      CHECK(step_value(found, "required_wte") == line.required_wte);
    }
  }
}

TEST_CASE("an overlay's inputs cite the file that wrote them", "[explain]") {
  const std::string trust_file = example("trust.yaml");
  const std::string scenario_file = example("scenarios/liaison-closes.yaml");
  const std::string trust = read_all(trust_file);
  const std::string scenario = read_all(scenario_file);
  const Reviewed reviewed(estab::load_model_file(scenario_file));

  const auto check_cited = [](const ExplainedInput& input, const std::string& file,
                              const TextPosition& position, estab::AssumptionLevel level) {
    INFO("input " << input.name);
    CHECK(input.file == file);
    CHECK(input.where.line == position.line);
    CHECK(input.where.column == position.column);
    CHECK(input.source == level);
  };
  using Level = estab::AssumptionLevel;

  const Explanation ist_nurse = estab::explain_line(reviewed.review, "ist", "rnld");
  // Overridden in the scenario.
  check_cited(input_named(ist_nurse, "sickness"), scenario_file,
              position_in(scenario, "assumptions: {sickness: 4.5%}", "4.5%"), Level::Team);
  CHECK(input_named(ist_nurse, "sickness").value == "4.5%");
  check_cited(input_named(ist_nurse, "funded_wte"), scenario_file,
              position_in(scenario, "funded_wte: 9.5", "9.5"), Level::Line);
  check_cited(input_named(ist_nurse, "uplift_method"), scenario_file,
              position_in(scenario, "uplift_method: additive", "additive"), Level::Organisation);
  // Inherited from the base.
  check_cited(input_named(ist_nurse, "standard_hours"), trust_file,
              position_in(trust, "standard_hours: 37.5", "37.5"), Level::Organisation);
  check_cited(input_named(ist_nurse, "headcount_per_wte"), trust_file,
              position_in(trust, "headcount_per_wte: 1.1", "1.1"), Level::Team);
  check_cited(input_named(ist_nurse, "training"), trust_file,
              position_in(trust, "training: {hours_per_head: 30}    # team level:", "{"),
              Level::Team);
  check_cited(input_named(ist_nurse, "roster[0].staff"), trust_file,
              position_in(trust, "{shift: \"early 08:00-16:00\", staff: 2", "2"), Level::Line);
  check_cited(input_named(ist_nurse, "in_post_wte"), trust_file,
              position_in(trust, "in_post_wte: 7.9", "7.9"), Level::Line);
  // The profession's study leave (base) beats the organisation's (scenario) for nurses...
  check_cited(input_named(ist_nurse, "study_leave"), trust_file,
              position_in(trust, "study_leave: {days: 3}", "{"), Level::Profession);
  // ...while support workers take the scenario's organisation value.
  const Explanation ist_support = estab::explain_line(reviewed.review, "ist", "hca");
  check_cited(input_named(ist_support, "study_leave"), scenario_file,
              position_in(scenario, "study_leave: 1%", "1%"), Level::Organisation);

  // A team only the scenario has.
  const Explanation added = estab::explain_line(reviewed.review, "primary-care-liaison", "rnld");
  check_cited(input_named(added, "hours_per_week"), scenario_file,
              position_in(scenario, "hours_per_week: 112.5", "112.5"), Level::Line);
  check_cited(input_named(added, "cost_per_wte"), scenario_file,
              position_in(scenario, "cost_per_wte: 54000", "54000"), Level::Line);
  // The ATU nurse's cost comes from its line, a psychologist's from the profession.
  const Explanation atu_nurse = estab::explain_line(reviewed.review, "atu", "rnld");
  check_cited(input_named(atu_nurse, "cost_per_wte"), trust_file,
              position_in(trust, "cost_per_wte: 47000", "47000"), Level::Line);
  const Explanation psychologist = estab::explain_line(reviewed.review, "ist", "psych");
  check_cited(input_named(psychologist, "cost_per_wte"), trust_file,
              position_in(trust, "cost_per_wte: 77000", "77000"), Level::Profession);
}

TEST_CASE("the text explanation of a hand-made line, verbatim", "[explain]") {
  const Reviewed reviewed(estab::load_model_text(kWardText, "ward.yaml"));
  std::ostringstream out;
  estab::render_explanation(out, estab::explain_line(reviewed.review, "ward", "rn"),
                            OutputFormat::Table, {});
  // Every figure below is worked by hand in the comment at the top of this file.
  CHECK(out.str() == R"(Explain Ward / Registered nurse: Test Trust (uplift method: exact)

Team ward: Ward; service (none)
Profession rn: Registered nurse; registered

Time base

Input           As written  Unit            Source        Written at
--------------  ----------  --------------  ------------  -----------
standard_hours  37.5        hours per week  organisation  ward.yaml:4
working_days    270         days per year   organisation  ward.yaml:5

h_d = standard_hours / 5 = 37.5 / 5 = 7.5 hours per day
H_y = working_days × h_d = 270 × 7.5 = 2025 hours per WTE per year
W = working_days / 5 = 270 / 5 = 54 weeks per year

Absence

Input              As written                Unit                        Source        Written at
-----------------  ------------------------  --------------------------  ------------  ------------
headcount_per_wte  1.2                       people per WTE              team          ward.yaml:17
annual_leave       {days: 27}                days per WTE per year       default       default
bank_holidays      {days: 13.5}              days per WTE per year       organisation  ward.yaml:7
sickness           5%                        percent of contracted time  organisation  ward.yaml:8
parenting          0%                        percent of contracted time  default       default
other_leave        0%                        percent of contracted time  default       default
study_leave        0%                        percent of contracted time  default       default
training           {hours_per_head: 16.875}  hours per person per year   line          ward.yaml:20
supervision        0%                        percent of contracted time  default       default

annual_leave = days / working_days = 27 / 270 = 0.1 (10.0%)
bank_holidays = days / working_days = 13.5 / 270 = 0.05 (5.0%)
sickness = x / 100 = 5 / 100 = 0.05 (5.0%)
parenting = default (not stated) = 0 (0.0%)
other_leave = default (not stated) = 0 (0.0%)
study_leave = default (not stated) = 0 (0.0%)
training = hours_per_head × headcount_per_wte / H_y = 16.875 × 1.2 / 2025 = 0.01 (1.0%)
supervision = default (not stated) = 0 (0.0%)
a = Σ components = 0.1 + 0.05 + 0.05 + 0 + 0 + 0 + 0.01 + 0 = 0.21 (21.0%)

Uplift

Input          As written  Unit    Source   Written at
-------------  ----------  ------  -------  ----------
uplift_method  exact       method  default  default

f_exact = 1 / (1 - a) = 1 / (1 - 0.21) = 1.265823
f_additive = 1 + a = 1 + 0.21 = 1.21
uplift_exact = a / (1 - a) = 0.21 / (1 - 0.21) = 0.265823 (26.6%)
uplift_additive = a = 0.21 (21.0%)
f = f_exact (uplift_method: exact) = 1.265823
uplift_applied = f - 1 = 1.265823 - 1 = 0.265823 (26.6%)

Demand

Input                                       As written             Unit                      Source   Written at
------------------------------------------  ---------------------  ------------------------  -------  ------------
roster[0].staff                             2                      staff on duty             line     ward.yaml:22
roster[0].paid_hours                        7.5                    paid hours per shift      line     ward.yaml:22
roster[0].days_per_week                     7                      days per week             default  default
caseload.non_caseload_time                  {minutes_per_day: 45}  minutes per day           line     ward.yaml:24
caseload.bands[0].cases                     9                      cases                     line     ward.yaml:26
caseload.bands[0].hours_per_case_per_month  3.375                  hours per case per month  line     ward.yaml:26

roster[0] (day) = staff × paid_hours × days_per_week = 2 × 7.5 × 7 = 105 hours per week
roster = Σ shifts = 105 hours per week
n_caseload = minutes_per_day / 60 / h_d = 45 / 60 / 7.5 = 0.1 (10.0%)
caseload.bands[0] (all) = cases × hours_per_case_per_month = 9 × 3.375 = 30.375 hours per month
caseload_hours_per_month = Σ bands = 30.375 hours per month
caseload_direct_hours_per_week = caseload_hours_per_month × 12 / W = 30.375 × 12 / 54 = 6.75 hours per week
caseload = caseload_direct_hours_per_week / (1 - n_caseload) = 6.75 / (1 - 0.1) = 7.5 hours per week
d = roster + caseload = 105 + 7.5 = 112.5 hours per week

Required WTE

Input      As written  Unit  Source  Written at
---------  ----------  ----  ------  ------------
fixed_wte  1           WTE   line    ward.yaml:27

productive_wte = d / standard_hours = 112.5 / 37.5 = 3 WTE
required_wte = productive_wte × f + fixed_wte = 3 × 1.265823 + 1 = 4.797468 WTE
additive_shortfall_wte = productive_wte × (f_exact - f_additive) = 3 × (1.265823 - 1.21) = 0.167468 WTE

Gaps

Input          As written  Unit                     Source   Written at
-------------  ----------  -----------------------  -------  ------------
funded_wte     4.5         WTE                      line     ward.yaml:28
in_post_wte    4           WTE                      line     ward.yaml:29
gap_tolerance  5%          percent of required WTE  default  default

establishment_gap_wte = required_wte - funded_wte = 4.797468 - 4.5 = 0.297468 WTE
vacancy_wte = funded_wte - in_post_wte = 4.5 - 4 = 0.5 WTE
vacancy_rate = vacancy_wte / funded_wte = 0.5 / 4.5 = 0.111111 (11.1%)
net_gap_wte = required_wte - in_post_wte = 4.797468 - 4 = 0.797468 WTE
net_gap_rate = net_gap_wte / required_wte = 0.797468 / 4.797468 = 0.166227 (16.6%)
gap_rag = green if net_gap_rate <= τ, amber if <= 2τ, red otherwise = 0.166227 > 0.1 = red
wisn_ratio = in_post_wte / required_wte = 4 / 4.797468 = 0.833773

Costs

Input         As written  Unit                Source      Written at
------------  ----------  ------------------  ----------  ------------
cost_per_wte  50000       £ per WTE per year  profession  ward.yaml:13

required_cost = required_wte × cost_per_wte = 4.797468 × 50000 = £239,873 per year
funded_cost = funded_wte × cost_per_wte = 4.5 × 50000 = £225,000 per year
in_post_cost = in_post_wte × cost_per_wte = 4 × 50000 = £200,000 per year
uplift_cost = (required_wte - fixed_wte - productive_wte) × cost_per_wte = (4.797468 - 1 - 3) × 50000 = £39,873 per year

Required WTE of Ward / Registered nurse: 4.80 (4.797468 unrounded), as the review reports it
)");
}

TEST_CASE("the estab-explain/1 JSON has the documented keys", "[explain]") {
  const Reviewed reviewed(estab::load_model_text(kWardText, "ward.yaml"));
  const ordered_json document =
      estab::explanation_to_json(estab::explain_line(reviewed.review, "ward", "rn"));
  const auto keys_of = [](const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
  };
  CHECK(keys_of(document) ==
        std::vector<std::string>{"schema", "team", "profession", "inputs", "steps", "result"});
  CHECK(document["schema"] == "estab-explain/1");
  CHECK(document["team"] == "ward");
  CHECK(document["profession"] == "rn");
  const std::vector<std::string> input_keys = {"name", "value", "unit",   "source",
                                               "file", "line",  "column", "section"};
  for (const ordered_json& input : document["inputs"]) CHECK(keys_of(input) == input_keys);
  const std::vector<std::string> step_keys = {"name",  "detail", "formula", "substituted",
                                              "value", "unit",   "section"};
  for (const ordered_json& step : document["steps"]) CHECK(keys_of(step) == step_keys);
  // The result block: every documented field of a staffing line but its text, flags and
  // absence components, in contract order.
  std::vector<std::string> result_keys;
  for (const DocumentedField& field : documented_fields(DocumentedRecord::Line)) {
    if (is_number_unit(field.unit) || field.unit == "RAG") result_keys.push_back(field.name);
  }
  CHECK(keys_of(document["result"]) == result_keys);

  // A stated input carries FILE, LINE and COLUMN; a default carries nulls.
  const ordered_json& training = document["inputs"][9];
  CHECK(training["name"] == "training");
  CHECK(training["value"] == "{hours_per_head: 16.875}");
  CHECK(training["source"] == "line");
  CHECK(training["file"] == "ward.yaml");
  const TextPosition training_position =
      position_in(kWardText, "{training: {hours_per_head: 16.875}}", "{hours_per_head");
  CHECK(training_position.line == 20);
  CHECK(training["line"] == training_position.line);
  CHECK(training["column"] == training_position.column);
  const ordered_json& annual_leave = document["inputs"][3];
  CHECK(annual_leave["name"] == "annual_leave");
  CHECK(annual_leave["source"] == "default");
  CHECK(annual_leave["file"].is_null());
  CHECK(annual_leave["line"].is_null());
  CHECK(annual_leave["column"].is_null());

  // Step values are unrounded; the rating is text; the result is the review's line.
  const LineResult& line = reviewed.review.lines.front();
  bool found_required = false;
  for (const ordered_json& step : document["steps"]) {
    if (step["name"] == "required_wte") {
      found_required = true;
      CHECK(step["value"].get<double>() == line.required_wte);
      CHECK(step["section"] == "required");
    }
    if (step["name"] == "gap_rag") CHECK(step["value"] == "red");
    if (step["name"] == "roster[0]") CHECK(step["detail"] == "day");
    if (step["name"] == "roster") CHECK(step["detail"].is_null());
  }
  CHECK(found_required);
  CHECK(document["result"]["required_wte"].get<double>() == line.required_wte);
  CHECK(document["result"]["gap_rag"] == "red");
}

TEST_CASE("explain CSV writes one row per step", "[explain]") {
  const Reviewed reviewed(estab::load_model_text(kWardText, "ward.yaml"));
  const Explanation explanation = estab::explain_line(reviewed.review, "ward", "rn");
  std::ostringstream out;
  estab::render_explanation(out, explanation, OutputFormat::Csv, {});
  std::vector<std::string> records;
  std::istringstream lines(out.str());
  for (std::string record; std::getline(lines, record);) {
    REQUIRE(!record.empty());
    CHECK(record.back() == '\r');
    record.pop_back();
    records.push_back(record);
  }
  REQUIRE(records.size() == explanation.steps.size() + 1);
  CHECK(records[0] == "section,name,detail,formula,substituted,value,unit");
  CHECK(records[1] == "time_base,h_d,,standard_hours / 5,37.5 / 5,7.5,hours per day");
  const std::string required_row =
      "required,required_wte,,productive_wte × f + fixed_wte,3 × 1.265823 + 1," +
      fmt::format("{}", reviewed.review.lines.front().required_wte) + ",WTE";
  CHECK(std::find(records.begin(), records.end(), required_row) != records.end());
  CHECK(std::find(records.begin(), records.end(),
                  "gaps,gap_rag,,\"green if net_gap_rate <= τ, amber if <= 2τ, red otherwise\","
                  "0.166227 > 0.1,red,rating") != records.end());
  CHECK(std::find(records.begin(), records.end(),
                  "demand,roster[0],day,staff × paid_hours × days_per_week,2 × 7.5 × 7,105,"
                  "hours per week") != records.end());
}

TEST_CASE("without a team and a profession, explain lists the lines", "[explain]") {
  const Reviewed ward(estab::load_model_text(kWardText, "ward.yaml"));
  std::ostringstream text;
  estab::render_explainable_lines(text, ward.review, OutputFormat::Table, {});
  CHECK(text.str() == R"(Lines to explain: Test Trust (uplift method: exact)

Team  Profession  Required WTE
----  ----------  ------------
ward  rn                  4.80

Explain one with: estab explain FILE --team TEAM --profession PROFESSION
)");
  std::ostringstream csv;
  estab::render_explainable_lines(csv, ward.review, OutputFormat::Csv, {});
  CHECK(csv.str() == "team,profession,required_wte\r\nward,rn," +
                         fmt::format("{}", ward.review.lines.front().required_wte) + "\r\n");

  const Reviewed trust(estab::load_model_file(example("trust.yaml")));
  const ordered_json document = estab::explainable_lines_to_json(trust.review);
  CHECK(document["schema"] == "estab-explain-lines/1");
  REQUIRE(document["lines"].size() == trust.review.lines.size());
  for (std::size_t index = 0; index < trust.review.lines.size(); ++index) {
    const LineResult& line = trust.review.lines[index];
    const ordered_json& listed = document["lines"][index];
    CHECK(listed["team"] == line.team->id);
    CHECK(listed["profession"] == line.profession->id);
    CHECK(listed["required_wte"].get<double>() == line.required_wte);
  }
}

namespace {

/// Runs the explain command the way the CLI does: any failure goes through report_failure.
struct CommandRun {
  estab::cli::ExitCode exit_code;
  std::string out;
  std::string err;
};

CommandRun run_explain(const std::string& file, const std::string& team,
                       const std::string& profession, OutputFormat format,
                       const std::string& output_file = "",
                       const estab::LoadOptions& load_options = {}) {
  std::ostringstream out;
  std::ostringstream err;
  estab::cli::Console console{out, err, false, false};
  estab::cli::ExitCode exit_code;
  try {
    exit_code = estab::cli::run_explain_command(file, team, profession, format, output_file,
                                                load_options, console);
  } catch (...) {
    exit_code = estab::cli::report_failure(console);
  }
  return {exit_code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("unknown teams and professions are usage errors with suggestions", "[explain]") {
  const Reviewed reviewed(estab::load_model_file(example("trust.yaml")));
  const ReviewResult& review = reviewed.review;
  CHECK(usage_error_of([&] { estab::explain_line(review, "atx", "rnld"); }) ==
        "unknown team 'atx' (did you mean 'atu'?); the teams are: cldt-north, cldt-south, ist, "
        "atu, acute-liaison, health-equalities");
  CHECK(usage_error_of([&] { estab::explain_line(review, "community", "rnld"); }) ==
        "unknown team 'community'; the teams are: cldt-north, cldt-south, ist, atu, "
        "acute-liaison, health-equalities");
  CHECK(usage_error_of([&] { estab::explain_line(review, "atu", "rnl"); }) ==
        "unknown profession 'rnl' (did you mean 'rnld'?); team 'atu' has lines for: rnld, hca, "
        "ot, psych, pbs");
  CHECK(usage_error_of([&] { estab::find_line(review, "atu", "slt"); }) ==
        "team 'atu' has no staffing line for profession 'slt'; it has lines for: rnld, hca, ot, "
        "psych, pbs");
}

TEST_CASE("a team without staffing lines has nothing to explain", "[explain]") {
  std::string text = kWardText;
  const std::string ward_entry = "  - id: ward\n";
  text.insert(text.find(ward_entry), "  - id: empty\n");
  const Reviewed reviewed(estab::load_model_text(text, "ward.yaml"));
  CHECK(usage_error_of([&] { estab::explain_line(reviewed.review, "empty", "rn"); }) ==
        "team 'empty' has no staffing lines to explain");
}

TEST_CASE("explain colours only when asked to", "[explain]") {
  const Reviewed reviewed(estab::load_model_text(kWardText, "ward.yaml"));
  const Explanation explanation = estab::explain_line(reviewed.review, "ward", "rn");
  estab::RenderOptions options;
  std::ostringstream plain;
  estab::render_explanation(plain, explanation, OutputFormat::Table, options);
  CHECK(plain.str().find('\x1b') == std::string::npos);
  options.colour = true;
  std::ostringstream coloured;
  estab::render_explanation(coloured, explanation, OutputFormat::Table, options);
  CHECK(coloured.str().find("= \x1b[31mred\x1b[0m\n") != std::string::npos);
}

TEST_CASE("a team without a profession, or the reverse, is a usage error", "[explain]") {
  // The file does not exist: the selection is checked before anything is read.
  const CommandRun team_only =
      run_explain("/nonexistent/trust.yaml", "atu", "", OutputFormat::Table);
  CHECK(team_only.exit_code == estab::cli::ExitCode::Usage);
  CHECK(team_only.out.empty());
  CHECK(team_only.err ==
        "estab: error: --team needs --profession: give both to explain one line, or neither to "
        "list the lines that can be explained\n");
  const CommandRun profession_only =
      run_explain("/nonexistent/trust.yaml", "", "rnld", OutputFormat::Table);
  CHECK(profession_only.exit_code == estab::cli::ExitCode::Usage);
  CHECK(profession_only.err ==
        "estab: error: --profession needs --team: give both to explain one line, or neither to "
        "list the lines that can be explained\n");
  const CommandRun unknown = run_explain(example("trust.yaml"), "atu", "slt", OutputFormat::Json);
  CHECK(unknown.exit_code == estab::cli::ExitCode::Usage);
  CHECK(unknown.out.empty());
}

TEST_CASE("the explain command reads a file, applies --set and writes --output", "[explain]") {
  const auto directory = scratch_directory("explain");
  const std::string input_file = (directory / "ward.yaml").string();
  {
    std::ofstream out(input_file, std::ios::binary);
    out << kWardText;
  }
  const CommandRun listed = run_explain(input_file, "", "", OutputFormat::Csv);
  CHECK(listed.exit_code == estab::cli::ExitCode::Success);
  CHECK(listed.out.rfind("team,profession,required_wte\r\nward,rn,4.79746", 0) == 0);

  const CommandRun explained = run_explain(input_file, "ward", "rn", OutputFormat::Json);
  REQUIRE(explained.exit_code == estab::cli::ExitCode::Success);
  CHECK(explained.err.empty());
  const ordered_json document = ordered_json::parse(explained.out);
  for (const ordered_json& input : document["inputs"]) {
    INFO(input["name"]);
    if (input["source"] == "default") {
      CHECK(input["file"].is_null());
    } else {
      CHECK(input["file"] == input_file);
    }
  }

  // An override cites --set; the table says so instead of a file and line.
  const estab::LoadOptions overridden{{"teams[ward].staffing[rn].funded_wte=5"}};
  const CommandRun with_set =
      run_explain(input_file, "ward", "rn", OutputFormat::Json, "", overridden);
  REQUIRE(with_set.exit_code == estab::cli::ExitCode::Success);
  const ordered_json set_document = ordered_json::parse(with_set.out);
  bool found_funded = false;
  for (const ordered_json& input : set_document["inputs"]) {
    if (input["name"] != "funded_wte") continue;
    found_funded = true;
    CHECK(input["value"] == "5");
    CHECK(input["source"] == "line");
    CHECK(input["file"] == "--set");
  }
  CHECK(found_funded);
  const CommandRun set_table =
      run_explain(input_file, "ward", "rn", OutputFormat::Table, "", overridden);
  CHECK(
      set_table.out.find("funded_wte     5           WTE                      line     --set\n") !=
      std::string::npos);

  const std::string output_file = (directory / "explained.json").string();
  const CommandRun written = run_explain(input_file, "ward", "rn", OutputFormat::Json, output_file);
  CHECK(written.exit_code == estab::cli::ExitCode::Success);
  CHECK(written.out.empty());
  CHECK(read_all(output_file) == explained.out);
}
