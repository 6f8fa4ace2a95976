// Unit tests of the renderers (docs/OUTPUT.md §5 to §7): JSON contract, CSV encoding, number
// formatting, tables verbatim, and no escape byte without colour.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"
#include "report/csv_writer.hpp"
#include "report/json_support.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "support/contract_docs.hpp"
#include "support/test_support.hpp"

namespace {

using estab::AbsenceComponent;
using estab::AssumptionLevel;
using estab::Component;
using estab::LineResult;
using estab::Model;
using estab::OutputFormat;
using estab::Rag;
using estab::RenderOptions;
using estab::ReviewResult;
using nlohmann::ordered_json;
using namespace estab::testing;

// ---------------------------------------------------------------------------------------------
// Builders

/// "x%": `fraction` is already x / 100.
estab::Allowance percent(double fraction) {
  estab::Allowance allowance;
  allowance.unit = estab::AllowanceUnit::Percent;
  allowance.amount = fraction;
  return allowance;
}

estab::Profession profession_of(const std::string& id, bool registered,
                                std::optional<double> cost_per_wte = std::nullopt) {
  estab::Profession profession;
  profession.id = id;
  profession.name = id;
  profession.registered = registered;
  if (cost_per_wte) {
    profession.cost_per_wte = at(*cost_per_wte);
  }
  return profession;
}

estab::StaffingLine line_of(std::size_t profession_index, double hours_per_week, double funded,
                            double in_post) {
  estab::StaffingLine line;
  line.profession_index = profession_index;
  line.hours_per_week = at(hours_per_week);
  line.funded_wte = at(funded);
  line.in_post_wte = at(in_post);
  return line;
}

estab::Team team_of(const std::string& id, std::optional<std::size_t> service_index) {
  estab::Team team;
  team.id = id;
  team.name = id;
  team.service_index = service_index;
  return team;
}

/// A model and the review computed from it (the review points into the model, so neither moves).
struct Computed {
  Model model;
  ReviewResult review;
};

/// A model computed by calc: an inpatient ward with a costed registered line and an uncosted
/// one, a team without a service whose id is a formula, a team whose id holds a comma and
/// quotes with its own sickness, and a profession that no line uses.
std::unique_ptr<Computed> computed_review() {
  auto computed = std::make_unique<Computed>();
  Model& model = computed->model;
  model.review.organisation = "Example Trust";
  model.review.title = "Annual review";
  model.assumptions.fixed.set(Component::Sickness, percent(0.045));
  model.assumptions.additional.push_back({"union_duties", percent(0.002)});
  model.skill_mix.registered_target = at(0.6);
  model.professions.push_back(profession_of("rn", true, 54000.0));
  model.professions.push_back(profession_of("hca", false));
  model.professions.push_back(profession_of("unused", false));
  model.professions[0].name = "Registered nurse";
  model.professions[1].name = "Health care assistant";
  model.services.push_back(estab::Service{"community", "Community", {}});

  estab::Team ward = team_of("ward", 0);
  ward.name = "Ward 1";
  ward.inpatient = estab::Inpatient{at(10.0), at(0.9), at(8.0)};
  estab::StaffingLine nurses = line_of(0, 0.0, 4.0, 3.0);
  nurses.hours_per_week.reset();
  nurses.roster.push_back(estab::RosterShift{"day", at(2.0), at(7.5), at(7.0)});
  nurses.judgement_wte = at(4.5);
  ward.lines.push_back(nurses);
  ward.lines.push_back(line_of(1, 37.5, 1.0, 1.0));
  model.teams.push_back(ward);

  estab::Team formula = team_of("=HYPERLINK(\"http://example.org\")", std::nullopt);
  formula.lines.push_back(line_of(1, 75.0, 2.0, 2.0));
  model.teams.push_back(formula);

  estab::Team quoted = team_of("North, \"East\"", 0);
  quoted.assumptions.fixed.set(Component::Sickness, percent(0.06));
  quoted.lines.push_back(line_of(0, 37.5, 1.0, 0.0));
  model.teams.push_back(quoted);

  computed->review = estab::compute_review(model);
  return computed;
}

/// A review filled by hand: one service, one team "ward" with three lines of 1/3 productive
/// WTE each and 25% uplift, so that rounded cells (0.33) do not add up to the total (1.00).
struct HandFilled {
  Model model;
  ReviewResult review;
};

std::unique_ptr<HandFilled> hand_filled_review() {
  auto filled = std::make_unique<HandFilled>();
  Model& model = filled->model;
  model.review.organisation = "Example Trust";
  model.review.title = "Annual review";
  model.review.period = "2026/27";
  model.professions = {profession_of("rn", true, 50000.0), profession_of("hca", false),
                       profession_of("ot", true)};
  model.services.push_back(estab::Service{"community", "Community", {}});
  estab::Team ward = team_of("ward", 0);
  for (std::size_t index = 0; index < 3; ++index) {
    ward.lines.push_back(line_of(index, 12.5, 0.5, 0.25));
  }
  model.teams.push_back(ward);

  ReviewResult& review = filled->review;
  review.model = &model;
  for (std::size_t index = 0; index < 3; ++index) {
    LineResult line;
    line.team = &model.teams[0];
    line.line = &model.teams[0].lines[index];
    line.profession = &model.professions[index];
    line.service = &model.services[0];
    for (std::size_t component = 0; component < estab::kFixedComponentCount; ++component) {
      const bool is_sickness = component == static_cast<std::size_t>(Component::Sickness);
      line.absence.components.push_back(AbsenceComponent{
          estab::component_key(static_cast<Component>(component)), is_sickness ? 0.2 : 0.0,
          is_sickness ? AssumptionLevel::Organisation : AssumptionLevel::Default, nullptr});
    }
    line.absence.total = 0.2;
    line.uplift_exact = 0.25;
    line.uplift_additive = 0.2;
    line.uplift_applied = 0.25;
    line.demand_hours_per_week = 12.5;
    line.productive_wte = 1.0 / 3.0;
    line.required_wte = 1.25 / 3.0;
    line.funded_wte = 0.5;
    line.in_post_wte = 0.25;
    line.establishment_gap_wte = line.required_wte - 0.5;
    line.vacancy_wte = 0.25;
    line.vacancy_rate = 0.5;
    line.net_gap_wte = line.required_wte - 0.25;
    line.net_gap_rate = line.net_gap_wte / line.required_wte;
    line.gap_rag = index == 0 ? Rag::Red : Rag::Green;
    line.additive_shortfall_wte = (0.25 - 0.2) / 3.0;
    if (index == 0) {
      line.cost_per_wte = 50000.0;
      line.required_cost = line.required_wte * 50000.0;
      line.uplift_cost = (line.required_wte - line.productive_wte) * 50000.0;
    }
    review.lines.push_back(line);
  }
  estab::Totals totals;
  totals.productive_wte = 1.0;
  totals.required_wte = 1.25;
  totals.funded_wte = 1.5;
  totals.in_post_wte = 0.75;
  totals.establishment_gap_wte = -0.25;
  totals.vacancy_wte = 0.75;
  totals.net_gap_wte = 0.5;
  totals.vacancy_rate = 0.75 / 1.5;  // rates of totals are carried by the totals, as calc sets them
  totals.net_gap_rate = 0.5 / 1.25;
  totals.additive_shortfall_wte = 0.05;
  totals.vacancy_wte_gross = 0.75;  // each line 0.25 short, none over establishment
  totals.demand_hours_per_week = 37.5;
  estab::TeamResult team;
  team.team = &model.teams[0];
  team.service = &model.services[0];
  team.totals = totals;
  review.teams.push_back(team);
  review.services.push_back(estab::ServiceResult{&model.services[0], totals});
  review.organisation = totals;
  return filled;
}

std::string render(void (*renderer)(std::ostream&, const ReviewResult&, OutputFormat,
                                    const RenderOptions&),
                   const ReviewResult& review, OutputFormat format,
                   RenderOptions options = RenderOptions{}) {
  std::ostringstream out;
  renderer(out, review, format, options);
  return out.str();
}

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) {
    keys.push_back(item.key());
  }
  return keys;
}

std::vector<std::string> split_records(const std::string& csv) {
  std::vector<std::string> records;
  std::size_t start = 0;
  for (std::size_t end = csv.find("\r\n"); end != std::string::npos;
       end = csv.find("\r\n", start)) {
    records.push_back(csv.substr(start, end - start));
    start = end + 2;
  }
  CHECK(start == csv.size());  // every record ends with CRLF
  return records;
}

const std::vector<std::string> kTotalsKeys = {"productive_wte",
                                              "required_wte",
                                              "funded_wte",
                                              "in_post_wte",
                                              "establishment_gap_wte",
                                              "vacancy_wte",
                                              "net_gap_wte",
                                              "registered_required_wte",
                                              "registered_in_post_wte",
                                              "registered_share_required",
                                              "registered_share_funded",
                                              "registered_share_in_post",
                                              "registered_target",
                                              "registered_gap_wte",
                                              "skill_mix_rag",
                                              "required_cost",
                                              "funded_cost",
                                              "in_post_cost",
                                              "uplift_cost",
                                              "additive_shortfall_wte",
                                              "additive_shortfall_cost",
                                              "fixed_wte",
                                              "demand_hours_per_week",
                                              "vacancy_rate",
                                              "net_gap_rate",
                                              "vacancy_wte_gross",
                                              "over_establishment_wte",
                                              "held_wte",
                                              "recruitable_vacancy_wte",
                                              "funded_budget",
                                              "budget_gap",
                                              "in_post_roles",
                                              "in_post_headcount",
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

std::vector<std::string> with_totals(std::vector<std::string> before,
                                     const std::vector<std::string>& after = {}) {
  before.insert(before.end(), kTotalsKeys.begin(), kTotalsKeys.end());
  before.insert(before.end(), after.begin(), after.end());
  return before;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Number formatting

TEST_CASE("WTE, hours and percentages round half away from zero on the decimal digits",
          "[report]") {
  using namespace estab::report;
  CHECK(format_wte(12.345678) == "12.35");
  CHECK(format_wte(0.005) == "0.01");
  CHECK(format_wte(1.005) == "1.01");  // binary 1.00499999… still shows as a user typed it
  CHECK(format_wte(2.675) == "2.68");
  CHECK(format_wte(0.0049999) == "0.00");
  CHECK(format_wte(-0.005) == "-0.01");
  CHECK(format_wte(-0.004) == "0.00");  // no "-0.00"
  CHECK(format_wte(-0.0) == "0.00");
  CHECK(format_wte(9.995) == "10.00");
  CHECK(format_wte(1234.5) == "1234.50");
  CHECK(format_wte(1e-20) == "0.00");
  CHECK(format_wte(std::optional<double>()) == "-");
  CHECK(format_hours(202.45) == "202.5");
  CHECK(format_hours(7.0) == "7.0");
  CHECK(format_hours(1955.357142857) == "1955.4");
  CHECK(format_percent(0.045) == "4.5%");
  CHECK(format_percent(0.0225) == "2.3%");
  CHECK(format_percent(0.22) == "22.0%");
  CHECK(format_percent(1.0) == "100.0%");
  CHECK(format_percent(-0.012) == "-1.2%");
  CHECK(format_percent(0.00049) == "0.0%");
  CHECK(format_percent(0.0) == "0.0%");
  CHECK(format_percent(0.0005) == "0.1%");
  CHECK(format_percent(std::optional<double>(0.6)) == "60.0%");
  CHECK(format_percent(std::optional<double>()) == "-");
  CHECK(round_decimal(123456789.125, 2) == "123456789.13");
  CHECK(round_decimal(0.5, 0) == "1");
  CHECK(round_decimal(0.0, 2) == "0.00");
  CHECK(round_decimal(0.001, 0, 2) == "0");
  CHECK(round_decimal(0.05, 3, 2) == "5.000");
}

TEST_CASE("money is whole pounds with thousands separators and a leading minus", "[report]") {
  using namespace estab::report;
  CHECK(format_money(1234567.4) == "£1,234,567");
  CHECK(format_money(1234567.5) == "£1,234,568");
  CHECK(format_money(-1234.5) == "-£1,235");
  CHECK(format_money(-1234.0) == "-£1,234");
  CHECK(format_money(999.5) == "£1,000");
  CHECK(format_money(100.0) == "£100");
  CHECK(format_money(0.4) == "£0");
  CHECK(format_money(0.0) == "£0");
  CHECK(format_money(-0.4) == "£0");
  CHECK(format_money(1e9) == "£1,000,000,000");
  CHECK(format_money(std::optional<double>()) == "-");
  CHECK(group_thousands("123456") == "123,456");
  CHECK(group_thousands("12") == "12");
}

TEST_CASE("formatting a NaN or an infinity is a logic error", "[report]") {
  using namespace estab::report;
  const double not_a_number = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(format_wte(not_a_number), std::logic_error);
  CHECK_THROWS_AS(format_money(infinity), std::logic_error);
  CHECK_THROWS_AS(estab::report::csv_number(-infinity), std::logic_error);
}

TEST_CASE("terminal text is made printable and measured in code points", "[report]") {
  using namespace estab::report;
  CHECK(printable("evil\x1b[2J\n") == "evil?[2J?");
  CHECK(printable("a\xc2\x9b"
                  "b") == "a?b");  // C1 CSI
  CHECK(printable("£1,234 café") == "£1,234 café");
  // Each byte that is not UTF-8 (in a surrogate, an overlong '/', a lone continuation, Latin-1)
  // is one U+FFFD, and a cut never splits a character.
  CHECK(printable("a\xed\xa0\x80"
                  "b\xe0\x80\xaf"
                  "c\x80"
                  "d\xe9") == "a���b���c�d�");
  CHECK(printable("caf\xc3\xa9s", 4) == "caf...");
  CHECK(printable("caf\xc3\xa9s", 5) == "caf\xc3\xa9...");
  CHECK(estab::utf8_character_length("\xf0\x9f\x98\x80", 0) == 4);
  CHECK(estab::utf8_character_length("\xf4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(display_width("£1,234") == 6);
  CHECK(display_width("café") == 4);
}

// ---------------------------------------------------------------------------------------------
// CSV encoding

TEST_CASE("CSV text fields: formula-injection prefix, then RFC 4180 quoting", "[report]") {
  using estab::report::csv_text;
  CHECK(csv_text("ward") == "ward");
  CHECK(csv_text("=HYPERLINK(\"http://example.org\")") ==
        "\"'=HYPERLINK(\"\"http://example.org\"\")\"");
  CHECK(csv_text("North, \"East\"") == "\"North, \"\"East\"\"\"");
  CHECK(csv_text("-north") == "'-north");
  CHECK(csv_text("+44") == "'+44");
  CHECK(csv_text("@sum") == "'@sum");
  CHECK(csv_text("\tward") == "'\tward");
  CHECK(csv_text("\rward") == "\"'\rward\"");
  CHECK(csv_text("two\nlines") == "\"two\nlines\"");
  CHECK(csv_text("a=b") == "a=b");
  CHECK(csv_text("") == "");
  CHECK(estab::report::csv_optional_text(std::nullopt) == "");
}

TEST_CASE("CSV numbers are shortest round-trip and never prefixed", "[report]") {
  using estab::report::csv_number;
  CHECK(csv_number(-1.5) == "-1.5");
  CHECK(csv_number(0.045) == "0.045");
  CHECK(csv_number(260.0) == "260");
  CHECK(csv_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(csv_number(std::optional<double>()) == "");
  CHECK(estab::report::csv_boolean(true) == "true");
  CHECK(estab::report::csv_boolean(false) == "false");
}

TEST_CASE("line CSV: header of JSON names, absence columns, CRLF, defended cells", "[report]") {
  const auto computed = computed_review();
  const std::string csv = render(estab::render_establishment, computed->review, OutputFormat::Csv);
  const std::vector<std::string> records = split_records(csv);
  REQUIRE(records.size() == 1 + computed->review.lines.size());
  CHECK(records[0] ==
        "team,team_name,service,service_name,profession,profession_name,registered,"
        "absence_annual_leave,absence_bank_holidays,absence_sickness,absence_parenting,"
        "absence_other_leave,absence_study_leave,absence_training,absence_supervision,"
        "absence_union_duties,absence_total,uplift_exact,uplift_additive,uplift_applied,"
        "demand_hours_per_week,productive_wte,fixed_wte,required_wte,funded_wte,in_post_wte,"
        "establishment_gap_wte,vacancy_wte,vacancy_rate,net_gap_wte,net_gap_rate,gap_rag,"
        "wisn_ratio,additive_shortfall_wte,cost_per_wte,required_cost,funded_cost,in_post_cost,"
        "uplift_cost,additive_shortfall_cost,held_wte,recruitable_vacancy_wte,funded_budget,"
        "budget_gap,in_post_roles,in_post_headcount,headcount_per_wte,"
        "observed_headcount_per_wte,absence_variance,required_wte_at_actual,headroom_gap_wte,"
        "headroom_gap_cost,actuals_rag");
  CHECK(records[1].rfind("ward,Ward 1,community,Community,rn,Registered nurse,true,", 0) == 0);
  CHECK(records[1].find(",0.045,") != std::string::npos);  // sickness, unrounded
  CHECK(records[2].rfind("ward,Ward 1,community,Community,hca,Health care assistant,false,", 0) ==
        0);
  // No cost: six empty cost cells, then held and recruitable WTE, four empty extract cells,
  // the resolved headcount per WTE and no observed one, and no actuals.
  CHECK(records[2].find(",,,,,,0,") != std::string::npos);
  CHECK(records[2].substr(records[2].size() - 16) == ",,,,,1,,,,,,none");
  CHECK(records[3].rfind("\"'=HYPERLINK(\"\"http://example.org\"\")\",", 0) == 0);
  CHECK(records[3].find(",,,hca,") != std::string::npos);  // no service: id and name empty
  CHECK(records[4].rfind("\"North, \"\"East\"\"\",", 0) == 0);
  CHECK(records[4].find(",0.06,") != std::string::npos);

  SECTION("gaps and review write the same lines CSV") {
    CHECK(render(estab::render_gaps, computed->review, OutputFormat::Csv) == csv);
    CHECK(render(estab::render_review, computed->review, OutputFormat::Csv) == csv);
  }
}

TEST_CASE("roll-up CSVs: team, service and organisation records", "[report]") {
  const auto computed = computed_review();
  RenderOptions options;
  options.level = estab::RollupLevel::Team;
  const auto teams =
      split_records(render(estab::render_review, computed->review, OutputFormat::Csv, options));
  REQUIRE(teams.size() == 4);
  CHECK(teams[0] ==
        "team,team_name,service,service_name,productive_wte,required_wte,funded_wte,in_post_wte,"
        "establishment_gap_wte,vacancy_wte,net_gap_wte,registered_required_wte,"
        "registered_in_post_wte,registered_share_required,registered_share_funded,"
        "registered_share_in_post,registered_target,registered_gap_wte,skill_mix_rag,"
        "required_cost,funded_cost,in_post_cost,uplift_cost,additive_shortfall_wte,"
        "additive_shortfall_cost,fixed_wte,demand_hours_per_week,vacancy_rate,net_gap_rate,"
        "vacancy_wte_gross,over_establishment_wte,held_wte,recruitable_vacancy_wte,funded_budget,"
        "budget_gap,in_post_roles,in_post_headcount,absence_variance,required_wte_at_actual,"
        "headroom_gap_wte,headroom_gap_cost,actuals_rag,temporary_hours,agency_hours,bank_cost,"
        "agency_cost,temporary_wte,temporary_share,temporary_rag,temporary_covers_net_gap_wte,"
        "agency_share_hours,agency_cost_share,temporary_premium,leavers,leavers_wte,"
        "retirements_wte,mean_headcount,leaver_rate_headcount,leaver_rate_wte,"
        "retirement_rate_wte,chppd_planned,chppd_benchmark,"
        "benchmark_productive_wte,rostered_required_wte,benchmark_required_wte,judgement_wte");
  CHECK(teams[2].rfind("\"'=HYPERLINK(\"\"http://example.org\"\")\",", 0) == 0);
  CHECK(teams[2].substr(teams[2].size() - 6) == ",,,,,,");  // no beds, no judgement

  options.level = estab::RollupLevel::Service;
  const auto services =
      split_records(render(estab::render_gaps, computed->review, OutputFormat::Csv, options));
  REQUIRE(services.size() == 3);
  CHECK(services[0].rfind("service,service_name,productive_wte,required_wte,", 0) == 0);
  CHECK(services[1].rfind("community,Community,", 0) == 0);
  CHECK(services[2].rfind(",,", 0) == 0);  // the teams without a service: null

  options.level = estab::RollupLevel::Organisation;
  const auto organisation = split_records(
      render(estab::render_establishment, computed->review, OutputFormat::Csv, options));
  REQUIRE(organisation.size() == 2);
  CHECK(organisation[0].rfind("productive_wte,required_wte,", 0) == 0);
  const std::string tail =
      "in_post_roles,in_post_headcount,absence_variance,required_wte_at_actual,"
      "headroom_gap_wte,headroom_gap_cost,actuals_rag,temporary_hours";
  CHECK(organisation[0].find(tail) != std::string::npos);
  CHECK(organisation[0].substr(organisation[0].size() - 20) == ",retirement_rate_wte");
}

TEST_CASE("uplift CSV: one row per line with its components and both uplifts", "[report]") {
  const auto computed = computed_review();
  const auto records =
      split_records(render(estab::render_uplift, computed->review, OutputFormat::Csv));
  REQUIRE(records.size() == 5);
  CHECK(records[0] ==
        "team,team_name,service,service_name,profession,profession_name,absence_annual_leave,"
        "absence_bank_holidays,absence_sickness,absence_parenting,absence_other_leave,"
        "absence_study_leave,absence_training,absence_supervision,absence_union_duties,"
        "absence_total,headcount_per_wte,uplift_exact,uplift_additive,uplift_applied,"
        "productive_wte,additive_shortfall_wte,cost_per_wte,uplift_cost,additive_shortfall_cost");
  const LineResult& nurses = computed->review.lines[0];
  const std::string expected_tail = "," + fmt::format("{}", *nurses.uplift_cost) + "," +
                                    fmt::format("{}", nurses.additive_shortfall_wte * 54000.0);
  CHECK(records[1].substr(records[1].size() - expected_tail.size()) == expected_tail);
  CHECK(records[2].substr(records[2].size() - 3) == ",,,");  // hca: no cost
}

// ---------------------------------------------------------------------------------------------
// JSON contract

TEST_CASE("review JSON has every contract key, in order, at every level", "[report]") {
  const auto computed = computed_review();
  const ordered_json document = estab::review_to_json(computed->review);
  CHECK(keys_of(document) == std::vector<std::string>{"schema", "review", "lines", "teams",
                                                      "services", "professions", "organisation",
                                                      "sources", "warnings"});
  CHECK(document["schema"] == "estab-review/2");
  CHECK(keys_of(document["review"]) ==
        std::vector<std::string>{"organisation", "title", "period", "uplift_method",
                                 "standard_hours", "working_days", "contracted_hours_per_wte"});
  CHECK(document["review"]["organisation"] == "Example Trust");
  CHECK(document["review"]["period"].is_null());
  CHECK(document["review"]["uplift_method"] == "exact");
  CHECK(document["review"]["contracted_hours_per_wte"].get<double>() ==
        Approx(365.0 * 5.0 / 7.0 * 7.5));

  // The documented fields of a staffing line, in contract order; `actual` stands for one
  // `actual_<component>` key per component with an actual, and these lines have none.
  std::vector<std::string> line_keys = documented_field_names(DocumentedRecord::Line);
  line_keys.erase(std::find(line_keys.begin(), line_keys.end(), "actual"));
  REQUIRE(document["lines"].size() == 4);
  for (const ordered_json& line : document["lines"]) {
    CHECK(keys_of(line) == line_keys);
    REQUIRE(line["absence"].size() == 9);
    for (const ordered_json& component : line["absence"]) {
      CHECK(keys_of(component) == std::vector<std::string>{"component", "fraction", "source"});
    }
    CHECK(line["absence"][8]["component"] == "union_duties");
  }
  const ordered_json& nurses = document["lines"][0];
  CHECK(nurses["team"] == "ward");
  CHECK(nurses["service"] == "community");
  CHECK(nurses["registered"] == true);
  CHECK(nurses["absence"][2] ==
        ordered_json({{"component", "sickness"}, {"fraction", 0.045}, {"source", "organisation"}}));
  CHECK(nurses["cost_per_wte"] == 54000.0);
  CHECK(nurses["gap_rag"].is_string());
  CHECK(document["lines"][1]["cost_per_wte"].is_null());
  CHECK(document["lines"][1]["uplift_cost"].is_null());
  CHECK(document["lines"][2]["service"].is_null());
  CHECK(document["lines"][3]["absence"][2]["source"] == "team");

  REQUIRE(document["teams"].size() == 3);
  const auto team_keys =
      with_totals({"team", "team_name", "service", "service_name"},
                  {"chppd_planned", "chppd_benchmark", "benchmark_productive_wte",
                   "rostered_required_wte", "benchmark_required_wte", "judgement_wte"});
  for (const ordered_json& team : document["teams"]) {
    CHECK(keys_of(team) == team_keys);
  }
  CHECK(document["teams"][0]["chppd_benchmark"] == 8.0);
  CHECK(document["teams"][0]["judgement_wte"] == 4.5);
  CHECK(document["teams"][1]["chppd_planned"].is_null());
  CHECK(document["teams"][1]["judgement_wte"].is_null());
  CHECK(document["teams"][1]["service"].is_null());

  REQUIRE(document["services"].size() == 2);
  for (const ordered_json& service : document["services"]) {
    CHECK(keys_of(service) == with_totals({"service", "service_name"}));
  }
  CHECK(document["services"][0]["service"] == "community");
  CHECK(document["services"][1]["service"].is_null());

  REQUIRE(document["professions"].size() == 3);
  for (const ordered_json& profession : document["professions"]) {
    CHECK(keys_of(profession) == std::vector<std::string>{"profession",
                                                          "profession_name",
                                                          "registered",
                                                          "productive_wte",
                                                          "required_wte",
                                                          "funded_wte",
                                                          "in_post_wte",
                                                          "establishment_gap_wte",
                                                          "vacancy_wte",
                                                          "net_gap_wte",
                                                          "vacancy_rate",
                                                          "net_gap_rate",
                                                          "required_cost",
                                                          "funded_cost",
                                                          "in_post_cost",
                                                          "uplift_cost",
                                                          "additive_shortfall_wte",
                                                          "additive_shortfall_cost",
                                                          "fixed_wte",
                                                          "demand_hours_per_week",
                                                          "vacancy_wte_gross",
                                                          "over_establishment_wte",
                                                          "held_wte",
                                                          "recruitable_vacancy_wte",
                                                          "funded_budget",
                                                          "budget_gap",
                                                          "in_post_roles",
                                                          "in_post_headcount",
                                                          "absence_variance",
                                                          "required_wte_at_actual",
                                                          "headroom_gap_wte",
                                                          "headroom_gap_cost",
                                                          "actuals_rag"});
  }
  CHECK(document["professions"][2]["profession"] == "unused");
  CHECK(document["professions"][2]["required_wte"] == 0.0);
  CHECK(document["professions"][2]["vacancy_rate"].is_null());

  CHECK(keys_of(document["organisation"]) == kTotalsKeys);
  CHECK(document["organisation"]["registered_target"] == 0.6);
  CHECK(document["warnings"].is_array());
}

TEST_CASE("JSON output is indented by two spaces and ends with a newline", "[report]") {
  const auto computed = computed_review();
  const std::string json = render(estab::render_review, computed->review, OutputFormat::Json);
  CHECK(json.rfind("{\n  \"schema\": \"estab-review/2\",\n  \"review\": {\n    \"organisation\"",
                   0) == 0);
  CHECK(json.back() == '\n');
  CHECK(json == estab::review_to_json(computed->review).dump(2) + "\n");
  CHECK(render(estab::render_establishment, computed->review, OutputFormat::Json) == json);
  CHECK(render(estab::render_gaps, computed->review, OutputFormat::Json) == json);
}

TEST_CASE("a non-finite number reaching a renderer is a logic error, never null", "[report]") {
  auto filled = hand_filled_review();
  filled->review.lines[1].required_wte = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(estab::review_to_json(filled->review), std::logic_error);
  CHECK_THROWS_AS(render(estab::render_review, filled->review, OutputFormat::Csv),
                  std::logic_error);
  CHECK_THROWS_AS(render(estab::render_establishment, filled->review, OutputFormat::Table),
                  std::logic_error);
  filled->review.lines[1].required_wte = 1.0;
  filled->review.organisation.required_cost = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(estab::review_to_json(filled->review), std::logic_error);
}

TEST_CASE("uplift JSON: one entry per distinct set of assumptions, first appearance first",
          "[report]") {
  const auto computed = computed_review();
  const ordered_json document = estab::uplift_to_json(computed->review);
  CHECK(keys_of(document) == std::vector<std::string>{"schema", "review", "assumption_sets",
                                                      "organisation", "warnings"});
  CHECK(document["schema"] == "estab-uplift/1");
  const ordered_json& sets = document["assumption_sets"];
  REQUIRE(sets.size() == 2);  // ward and the formula team share the organisation's; North differs
  CHECK(keys_of(sets[0]) ==
        std::vector<std::string>{"id", "components", "absence_total", "headcount_per_wte",
                                 "uplift_exact", "uplift_additive", "uplift_applied",
                                 "productive_wte", "additive_shortfall_wte",
                                 "additive_shortfall_cost", "uplift_cost", "lines"});
  CHECK(sets[0]["id"] == 1);
  CHECK(sets[1]["id"] == 2);
  CHECK(sets[0]["lines"] == ordered_json::parse(R"json([
      {"team": "ward", "team_name": "Ward 1", "profession": "rn",
       "profession_name": "Registered nurse"},
      {"team": "ward", "team_name": "Ward 1", "profession": "hca",
       "profession_name": "Health care assistant"},
      {"team": "=HYPERLINK(\"http://example.org\")",
       "team_name": "=HYPERLINK(\"http://example.org\")", "profession": "hca",
       "profession_name": "Health care assistant"}])json"));
  CHECK(sets[1]["lines"][0]["team"] == "North, \"East\"");
  const ordered_json& sickness = sets[0]["components"][2];
  CHECK(keys_of(sickness) ==
        std::vector<std::string>{"component", "fraction", "hours_per_wte", "source"});
  CHECK(sickness["hours_per_wte"].get<double>() == Approx(0.045 * 365.0 * 5.0 / 7.0 * 7.5));

  const auto& lines = computed->review.lines;
  CHECK(sets[0]["productive_wte"].get<double>() ==
        Approx(lines[0].productive_wte + lines[1].productive_wte + lines[2].productive_wte));
  CHECK(sets[0]["additive_shortfall_cost"].get<double>() ==
        Approx(lines[0].additive_shortfall_wte * 54000.0));
  CHECK(sets[0]["uplift_cost"].get<double>() == Approx(*lines[0].uplift_cost));
  CHECK(keys_of(document["organisation"]) ==
        std::vector<std::string>{"productive_wte", "additive_shortfall_wte",
                                 "additive_shortfall_cost", "uplift_cost"});
}

TEST_CASE("uplift JSON: a set without any cost has null costs", "[report]") {
  auto filled = hand_filled_review();
  for (LineResult& line : filled->review.lines) {
    line.cost_per_wte.reset();
    line.uplift_cost.reset();
  }
  const ordered_json document = estab::uplift_to_json(filled->review);
  REQUIRE(document["assumption_sets"].size() == 1);
  CHECK(document["assumption_sets"][0]["additive_shortfall_cost"].is_null());
  CHECK(document["assumption_sets"][0]["uplift_cost"].is_null());
  CHECK(document["assumption_sets"][0]["productive_wte"].get<double>() == Approx(1.0));
}

// ---------------------------------------------------------------------------------------------
// Tables

TEST_CASE("a small table renders verbatim: alignment, rule, no trailing spaces", "[report]") {
  using namespace estab::report;
  TextTable table({{"Team", Align::Left}, {"WTE", Align::Right}, {"RAG", Align::Left}});
  table.add_row({"ward", "12.50", Cell("red", Style::Red)});
  table.add_row({"café", "3.00", ""});
  table.add_rule();
  table.add_row({"Total", "15.50"}, true);
  std::ostringstream plain;
  table.write(plain, false);
  CHECK(plain.str() ==
        "Team     WTE  RAG\n"
        "-----  -----  ---\n"
        "ward   12.50  red\n"
        "café    3.00\n"
        "-----  -----  ---\n"
        "Total  15.50\n");

  std::ostringstream coloured;
  table.write(coloured, true);
  CHECK(coloured.str() ==
        "\x1b[1mTeam\x1b[0m     \x1b[1mWTE\x1b[0m  \x1b[1mRAG\x1b[0m\n"
        "-----  -----  ---\n"
        "ward   12.50  \x1b[31mred\x1b[0m\n"
        "café    3.00\n"
        "-----  -----  ---\n"
        "\x1b[1mTotal\x1b[0m  \x1b[1m15.50\x1b[0m\n");
  CHECK_THROWS_AS(table.add_row({"a", "b", "c", "d"}), std::logic_error);
}

TEST_CASE("establishment table verbatim: totals from unrounded values", "[report]") {
  const auto filled = hand_filled_review();
  const std::string table =
      render(estab::render_establishment, filled->review, OutputFormat::Table);
  CHECK(table ==
        "Establishment: Example Trust, Annual review, 2026/27 (uplift method: exact)\n"
        "\n"
        "Per staffing line: demand hours per week, productive WTE (demand / standard hours), "
        "uplift applied, fixed WTE (no uplift), required WTE.\n"
        "\n"
        "Team                     Profession  Demand h/week  Productive WTE  Uplift  Fixed WTE"
        "  Required WTE\n"
        "-----------------------  ----------  -------------  --------------  ------  ---------"
        "  ------------\n"
        "ward                     rn                   12.5            0.33   25.0%       0.00"
        "          0.42\n"
        "ward                     hca                  12.5            0.33   25.0%       0.00"
        "          0.42\n"
        "ward                     ot                   12.5            0.33   25.0%       0.00"
        "          0.42\n"
        "ward total                                    37.5            1.00               0.00"
        "          1.25\n"
        "service Community total                       37.5            1.00               0.00"
        "          1.25\n"
        "-----------------------  ----------  -------------  --------------  ------  ---------"
        "  ------------\n"
        "Organisation total                            37.5            1.00               0.00"
        "          1.25\n");
}

TEST_CASE("gaps table verbatim: three gaps, rates of totals, RAG, skill mix", "[report]") {
  const auto filled = hand_filled_review();
  const std::string table = render(estab::render_gaps, filled->review, OutputFormat::Table);
  CHECK(table ==
        "Gaps: Example Trust, Annual review, 2026/27 (uplift method: exact)\n"
        "\n"
        "WTE per staffing line. Establishment gap = required - funded; vacancy = funded - in "
        "post; net gap = required - in post (positive: short). RAG from the net gap rate.\n"
        "\n"
        "Team                     Profession  Funded  In post  Required  Est. gap  Vacancy"
        "  Net gap  Vacancy rate  Net gap rate  RAG\n"
        "-----------------------  ----------  ------  -------  --------  --------  -------"
        "  -------  ------------  ------------  -----\n"
        "ward                     rn            0.50     0.25      0.42     -0.08     0.25"
        "     0.17         50.0%         40.0%  red\n"
        "ward                     hca           0.50     0.25      0.42     -0.08     0.25"
        "     0.17         50.0%         40.0%  green\n"
        "ward                     ot            0.50     0.25      0.42     -0.08     0.25"
        "     0.17         50.0%         40.0%  green\n"
        "ward total                             1.50     0.75      1.25     -0.25     0.75"
        "     0.50         50.0%         40.0%\n"
        "service Community total                1.50     0.75      1.25     -0.25     0.75"
        "     0.50         50.0%         40.0%\n"
        "-----------------------  ----------  ------  -------  --------  --------  -------"
        "  -------  ------------  ------------  -----\n"
        "Organisation total                     1.50     0.75      1.25     -0.25     0.75"
        "     0.50         50.0%         40.0%\n"
        "\n"
        "Over the lines: 0.75 WTE vacant where lines are short of staff and 0.00 WTE over "
        "establishment elsewhere; the vacancy of 0.75 WTE nets the two.\n"
        "\n"
        "Skill mix\n"
        "\n"
        "Registered share of WTE (required, funded, in post) against the target; RAG compares "
        "the in-post share with the target.\n"
        "\n"
        "Level         Name       Reg. % required  Reg. % funded  Reg. % in post  Target"
        "  Reg. gap WTE  RAG\n"
        "------------  ---------  ---------------  -------------  --------------  ------"
        "  ------------  ----\n"
        "team          ward                     -              -               -       -"
        "             -  none\n"
        "------------  ---------  ---------------  -------------  --------------  ------"
        "  ------------  ----\n"
        "service       Community                -              -               -       -"
        "             -  none\n"
        "------------  ---------  ---------------  -------------  --------------  ------"
        "  ------------  ----\n"
        "organisation                           -              -               -       -"
        "             -  none\n");
}

TEST_CASE("uplift table: components with sources, both methods, lines abbreviated", "[report]") {
  auto filled = hand_filled_review();
  ReviewResult& review = filled->review;
  const LineResult model_line = review.lines[0];
  for (std::size_t copy = 0; copy < 7; ++copy) {
    review.lines.push_back(model_line);  // ten lines using the same assumptions
  }
  const std::string table = render(estab::render_uplift, review, OutputFormat::Table);
  CHECK(table.find("Uplift: Example Trust, Annual review, 2026/27 (uplift method: exact)\n") == 0);
  CHECK(table.find("Assumption set 1 of 1 (10 lines)\n") != std::string::npos);
  CHECK(table.find("sickness                      20.0%                   391.1  organisation\n") !=
        std::string::npos);
  CHECK(table.find("Total                         20.0%                   391.1\n") !=
        std::string::npos);
  CHECK(table.find("exact: a / (1 - a)   25.0%") != std::string::npos);
  CHECK(table.find("additive: a          20.0%") != std::string::npos);
  CHECK(table.find("additive shortfall    5.0%") != std::string::npos);
  CHECK(table.find("Lines: ward / rn, ward / hca, ward / ot, ward / rn, ward / rn, ward / rn, "
                   "ward / rn, ward / rn and 2 more\n") != std::string::npos);
  CHECK(table.find("Organisation: 1.00 productive WTE; additive shortfall 0.05 WTE.\n") !=
        std::string::npos);
}

TEST_CASE("tables carry no escape byte without colour, and colour rates cells", "[report]") {
  auto filled = hand_filled_review();
  filled->model.review.organisation = "Evil\x1b]0;title\x07 Trust";
  auto computed = computed_review();
  for (const ReviewResult* review : {&filled->review, &computed->review}) {
    for (auto renderer : {estab::render_uplift, estab::render_establishment, estab::render_gaps,
                          estab::render_review}) {
      CHECK(render(renderer, *review, OutputFormat::Table).find('\x1b') == std::string::npos);
    }
  }
  RenderOptions colour;
  colour.colour = true;
  const std::string coloured =
      render(estab::render_review, filled->review, OutputFormat::Table, colour);
  CHECK(coloured.find("\x1b[31mred\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[32mgreen\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1m1. Summary\x1b[0m") != std::string::npos);
  CHECK(coloured.find("Evil?]0;title? Trust") != std::string::npos);
}

TEST_CASE("review table: every section in board-paper order, deterministic", "[report]") {
  const auto computed = computed_review();
  const std::string first = render(estab::render_review, computed->review, OutputFormat::Table);
  CHECK(first == render(estab::render_review, computed->review, OutputFormat::Table));
  CHECK(first.find("Establishment review: Example Trust, Annual review (uplift method: exact)\n") ==
        0);
  std::size_t previous = 0;
  for (const char* section :
       {"1. Summary\n", "2. Establishment by team and service\n", "3. Gaps and RAG\n",
        "4. Skill mix\n", "5. Uplift assumptions\n", "6. Inpatient triangulation\n",
        "7. Professions\n", "8. Warnings\n"}) {
    const std::size_t position = first.find(section);
    CHECK(position != std::string::npos);
    CHECK(position > previous);
    previous = position;
  }
  // 10 beds × 90% occupied; 105 roster hours a week / 7 / 9 beds = 1.7 CHPPD. Required WTE from
  // the roster: 105 / 37.5 = 2.80 productive, times the nurses' uplift factor; from the
  // benchmark: 8 × 9 × 7 / 37.5 = 13.44 productive, times the same factor (the only rostered
  // line); by judgement 4.50.
  const std::size_t ward_row = first.find("\nWard 1 ", first.find("6. Inpatient triangulation"));
  REQUIRE(ward_row != std::string::npos);
  std::istringstream ward_cells(
      first.substr(ward_row + 1, first.find('\n', ward_row + 1) - ward_row));
  CHECK(std::vector<std::string>(std::istream_iterator<std::string>(ward_cells), {}) ==
        std::vector<std::string>{"Ward", "1", "9.0", "1.7", "8.0", "3.42", "16.42", "4.50"});
  CHECK(first.find("\nunused                 no                0.00") != std::string::npos);
  CHECK(first.find("=HYPERLINK(\"http://example.org\") / Health care assistant") !=
        std::string::npos);
}

TEST_CASE("review JSON written item by item is byte for byte the JSON tree's dump", "[report]") {
  // Every example and every oracle case (empty services, no warnings, costs missing, …).
  std::vector<std::filesystem::path> inputs;
  for (const char* folder : {"examples", "tests/oracle/cases"}) {
    for (const auto& entry : std::filesystem::directory_iterator(source_path(folder))) {
      if (entry.path().extension() == ".yaml") inputs.push_back(entry.path());
    }
  }
  REQUIRE(inputs.size() >= 10);
  for (const std::filesystem::path& input : inputs) {
    INFO(input.filename().string());
    const Model model = estab::load_model_file(input.string());
    const ReviewResult review = estab::compute_review(model);
    std::ostringstream streamed;
    estab::report::write_review_json(streamed, review, false);
    CHECK(streamed.str() == estab::review_to_json(review).dump(2) + "\n");
    std::ostringstream compact;
    estab::report::write_review_json(compact, review, true);
    CHECK(compact.str() == estab::review_to_json(review).dump() + "\n");
  }
}

TEST_CASE("CSV records built in one buffer encode fields as the field functions do", "[report]") {
  estab::report::CsvRecord record;
  record.text("=SUM(A1)");
  record.text("a, \"quoted\" name");
  record.optional_text(std::nullopt);
  record.number(0.1 + 0.2);
  record.number(std::optional<double>());
  record.number(-1.5);
  record.boolean(true);
  std::ostringstream out;
  record.write_to(out);
  record.boolean(false);
  record.write_to(out);
  const std::vector<std::string> fields = {estab::report::csv_text("=SUM(A1)"),
                                           estab::report::csv_text("a, \"quoted\" name"),
                                           "",
                                           estab::report::csv_number(0.1 + 0.2),
                                           "",
                                           estab::report::csv_number(-1.5),
                                           "true"};
  std::ostringstream expected;
  estab::report::write_csv_record(expected, fields);
  estab::report::write_csv_record(expected, {"false"});
  CHECK(out.str() == expected.str());
  CHECK_THROWS_AS(record.number(std::nan("")), std::logic_error);
}

TEST_CASE(
    "the review's Warnings list the warnings about the input, and the attention block "
    "counts them",
    "[report]") {
  // examples/trust-extracts.yaml reads extracts with rows that no team or map rule takes.
  const estab::Model model =
      estab::load_model_file(estab::testing::source_path("examples/trust-extracts.yaml"));
  REQUIRE(model.warnings.size() == 5);
  const estab::ReviewResult review = estab::compute_review(model);
  REQUIRE(review.warnings.empty());
  for (const estab::OutputFormat format :
       {estab::OutputFormat::Table, estab::OutputFormat::Markdown, estab::OutputFormat::Html}) {
    std::ostringstream out;
    estab::render_review(out, review, format, {});
    const std::string text = out.str();
    INFO(static_cast<int>(format));
    CHECK(text.find("5 warnings about the input: see Warnings.") != std::string::npos);
    // (HTML writes the quotes around the cost centre as entities.)
    CHECK(text.find("esr-staff-in-post.csv:109: Cost Centre: 1 row (1.00 WTE) of cost centre ") !=
          std::string::npos);
    CHECK(text.find("9100") != std::string::npos);
    CHECK(text.find("None.") == std::string::npos);
  }
}
