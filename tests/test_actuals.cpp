// Actuals against assumptions: reading `actuals:`, its located errors, and every figure of a
// line, a team and the roll-ups, worked out here from the definitions in docs/METHOD.md.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "support/test_support.hpp"

using estab::Rag;
using estab::testing::problems_of;

namespace {

/// A ward of two lines with actuals at team and line level, costed, with a threshold.
const char* const kWard =
    "estab: 1\n"
    "review:\n"
    "  actuals_period: 2025-04-01..2026-03-31\n"
    "  temporary_threshold: 10%\n"
    "assumptions:\n"
    "  sickness: 4.5%\n"
    "professions:\n"
    "  - {id: rn, registered: true, cost_per_wte: 50000}\n"
    "  - {id: hca, registered: false, cost_per_wte: 30000}\n"
    "teams:\n"
    "  - id: ward\n"
    "    actuals:\n"
    "      sickness: 6.1%\n"
    "      temporary_hours: 5480\n"
    "      bank_cost: 98000\n"
    "      agency_cost: 61000\n"
    "      agency_hours: 1200\n"
    "      leavers: 4\n"
    "      leavers_wte: 3.4\n"
    "      retirements_wte: 0.8\n"
    "      mean_headcount: 30\n"
    "    staffing:\n"
    "      - profession: rn\n"
    "        hours_per_week: 375\n"
    "        in_post_wte: 11\n"
    "        actuals:\n"
    "          absence: {annual_leave: 12.9%}\n"
    "      - profession: hca\n"
    "        hours_per_week: 300\n"
    "        in_post_wte: 9\n";

/// A text with one more `actuals:` block under the ward team.
std::string ward_with(const std::string& team_actuals) {
  return std::string(
             "estab: 1\n"
             "professions:\n"
             "  - {id: rn, registered: true}\n"
             "teams:\n"
             "  - id: ward\n"
             "    actuals:\n") +
         team_actuals +
         "    staffing:\n"
         "      - {profession: rn, hours_per_week: 75, in_post_wte: 2}\n";
}

Approx near(double expected) {
  return Approx(expected).epsilon(1e-12);
}

}  // namespace

TEST_CASE("actual absence: each component against its assumption, line first", "[actuals]") {
  const estab::Model model = estab::load_model_text(kWard, "ward.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  const double days = 365.0 * 5.0 / 7.0;
  const double leave = 27.0 / days;    // the default annual leave
  const double holidays = 8.0 / days;  // the default bank holidays
  const double assumed = leave + holidays + 0.045;

  const estab::LineResult& nurses = review.lines[0];
  REQUIRE(nurses.actuals.components.size() == 2);
  CHECK(nurses.actuals.components[0].component == "annual_leave");
  CHECK(nurses.actuals.components[0].actual == 0.129);
  CHECK(nurses.actuals.components[0].source == estab::AssumptionLevel::Line);
  CHECK(nurses.actuals.components[1].component == "sickness");
  CHECK(nurses.actuals.components[1].source == estab::AssumptionLevel::Team);
  const double variance = (0.129 + 0.061) - (leave + 0.045);
  CHECK(*nurses.actuals.absence_variance == near(variance));
  CHECK(nurses.actuals.actuals_rag == Rag::Red);  // 4.1 points against the default 1
  const double at_actual = 10.0 / (1.0 - (assumed + variance));
  CHECK(*nurses.actuals.required_wte_at_actual == near(at_actual));
  CHECK(*nurses.actuals.headroom_gap_wte == near(at_actual - 10.0 / (1.0 - assumed)));
  CHECK(*nurses.actuals.headroom_gap_cost == near(*nurses.actuals.headroom_gap_wte * 50000));

  const estab::LineResult& assistants = review.lines[1];
  REQUIRE(assistants.actuals.components.size() == 1);
  CHECK(*assistants.actuals.absence_variance == near(0.061 - 0.045));
  CHECK(assistants.actuals.actuals_rag == Rag::Amber);  // 1.6 points: within twice 1

  // The team: sickness over both lines by in-post WTE, annual leave over the nurses only.
  const estab::Totals& team = review.teams[0].totals;
  REQUIRE(team.actuals.components.size() == 2);
  CHECK(team.actuals.components[0].actual == near(0.129));
  CHECK(team.actuals.components[1].actual == near(0.061));
  CHECK(*team.actuals.absence_variance == near(variance));
  CHECK(*team.actuals.required_wte_at_actual ==
        near(*nurses.actuals.required_wte_at_actual + *assistants.actuals.required_wte_at_actual));
  CHECK(*team.actuals.headroom_gap_cost ==
        near(*nurses.actuals.headroom_gap_cost + *assistants.actuals.headroom_gap_cost));

  // Professions carry the absence actuals, never the temporary staffing.
  CHECK(review.professions[0].totals.actuals.absence_variance);
  CHECK_FALSE(review.professions[0].totals.workforce.temporary_wte);
}

TEST_CASE("bank and agency staff on worked time, and leaver rates, from summed parts",
          "[actuals]") {
  const estab::Model model = estab::load_model_text(kWard, "ward.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  const estab::LineResult& nurses = review.lines[0];
  const estab::LineResult& assistants = review.lines[1];
  const estab::Totals& team = review.teams[0].totals;
  const estab::WorkforceActuals& workforce = team.workforce;

  const double temporary_wte = 5480.0 / (37.5 * (365.0 / 7.0));
  CHECK(*workforce.temporary_wte == near(temporary_wte));
  const double absence = (nurses.required_wte * nurses.absence.total +
                          assistants.required_wte * assistants.absence.total) /
                         (nurses.required_wte + assistants.required_wte);
  const double share = temporary_wte / (20.0 * (1.0 - absence) + temporary_wte);
  CHECK(*workforce.temporary_share == near(share));
  CHECK(workforce.temporary_rag == Rag::Amber);  // above 10%, within 15%
  CHECK(*workforce.temporary_covers_net_gap_wte ==
        near(std::min(temporary_wte / (1.0 - absence), team.net_gap_wte)));
  CHECK(*workforce.agency_share_hours == near(1200.0 / 5480.0));
  CHECK(*workforce.agency_cost_share == near(61000.0 / 159000.0));
  const double cost_per_wte = (*nurses.required_cost + *assistants.required_cost) /
                              (nurses.required_wte + assistants.required_wte);
  CHECK(*workforce.temporary_premium ==
        near(159000.0 - temporary_wte * cost_per_wte / (1.0 - absence)));
  CHECK(*workforce.leaver_rate_headcount == near(4.0 / 30.0));
  CHECK(*workforce.leaver_rate_wte == near(3.4 / 20.0));
  CHECK(*workforce.retirement_rate_wte == near(0.8 / 20.0));

  // The organisation sums the parts; a mean headcount is the team's alone.
  const estab::WorkforceActuals& organisation = review.organisation.workforce;
  CHECK(*organisation.temporary_hours == 5480.0);
  CHECK_FALSE(organisation.mean_headcount);
  CHECK_FALSE(organisation.leaver_rate_headcount);
  CHECK(*organisation.leaver_rate_wte == near(3.4 / 20.0));
}

TEST_CASE("a file without actuals has none, and nothing is rated", "[actuals]") {
  const estab::Model model = estab::load_model_text(ward_with("      leavers: 1\n"), "w.yaml");
  const estab::ReviewResult review = estab::compute_review(model);
  CHECK(review.lines[0].actuals.components.empty());
  CHECK(review.lines[0].actuals.actuals_rag == Rag::None);
  CHECK_FALSE(review.teams[0].totals.actuals.required_wte_at_actual);
  CHECK(review.teams[0].totals.workforce.temporary_rag == Rag::None);
  CHECK_FALSE(review.teams[0].totals.workforce.temporary_wte);
  CHECK(*review.teams[0].totals.workforce.leavers == 1.0);
}

TEST_CASE("actuals that cannot be true are located errors", "[actuals]") {
  CHECK(problems_of(ward_with("      sickness: 6%\n      absence: {sickness: 5%}\n")) ==
        std::vector<std::string>{
            "in.yaml:7:17: error: teams[ward].actuals.sickness: actual sickness is stated "
            "twice, here and as absence.sickness: keep one"});
  CHECK(problems_of(ward_with("      sickness: 100%\n")) ==
        std::vector<std::string>{
            "in.yaml:7:17: error: teams[ward].actuals.sickness: an actual absence of 100% is "
            "all of contracted time or more; it must be below 100%"});
  CHECK(problems_of(ward_with("      leavers: 2.5\n")) ==
        std::vector<std::string>{"in.yaml:7:16: error: teams[ward].actuals.leavers: counts "
                                 "persons, so it must be a whole number, got 2.5"});
  CHECK(problems_of(ward_with("      leavers: 61\n      mean_headcount: 30\n")) ==
        std::vector<std::string>{
            "in.yaml:7:16: error: teams[ward].actuals.leavers: 61 leavers is more than 2 times "
            "the mean headcount of 30: count the persons who left in the period"});
  CHECK(problems_of(ward_with("      temporary_hours: 10\n      agency_hours: 20\n")) ==
        std::vector<std::string>{"in.yaml:8:21: error: teams[ward].actuals.agency_hours: 20 "
                                 "agency hours are more than the 10 temporary hours they are "
                                 "part of"});
  CHECK(problems_of(ward_with("      leavers: -1\n")) ==
        std::vector<std::string>{
            "in.yaml:7:16: error: teams[ward].actuals.leavers: must not be negative, got -1"});
  CHECK(problems_of(ward_with("      absence: {sicknes: 5%}\n")) ==
        std::vector<std::string>{
            "in.yaml:7:26: error: teams[ward].actuals.absence.sicknes: no level assumes an "
            "absence component 'sicknes', so there is nothing to compare its actual with (did "
            "you mean 'sickness'?)"});
  CHECK(problems_of(std::string(kWard),
                    {"teams[ward].staffing[hca].actuals={absence: {jury: 1%}}"}) ==
        std::vector<std::string>{
            "--set:1:18: error: teams[ward].staffing[hca].actuals.absence.jury: no level assumes "
            "an absence component 'jury', so there is nothing to compare its actual with"});
  CHECK(problems_of(ward_with("      temporary_hour: 10\n")) ==
        std::vector<std::string>{"in.yaml:7:7: error: teams[ward].actuals: unknown key "
                                 "'temporary_hour' (did you mean 'temporary_hours'?)"});
  CHECK(problems_of(std::string(kWard), {"review.actuals_period=2026-03-31..2025-04-01"}) ==
        std::vector<std::string>{"--set:1:1: error: review.actuals_period: the period "
                                 "\"2026-03-31..2025-04-01\" ends before it starts"});
}

TEST_CASE("a team's summed parts must hold together, and a mean headcount is a team's",
          "[actuals]") {
  // Each block alone is consistent; the team's own agency hours and its line's temporary
  // hours are not.
  CHECK(problems_of(std::string(kWard), {"teams[ward].actuals.temporary_hours=null",
                                         "teams[ward].staffing[rn].actuals.temporary_hours=800"}) ==
        std::vector<std::string>{"in.yaml:13:7: error: teams[ward].actuals: the team's 1200 "
                                 "agency hours are more than its 800 temporary hours they are "
                                 "part of (its own and its lines', summed)"});
  CHECK(problems_of(std::string(kWard), {"teams[ward].actuals.leavers_wte=null",
                                         "teams[ward].staffing[hca].actuals={leavers_wte: 0.5}"}) ==
        std::vector<std::string>{"in.yaml:13:7: error: teams[ward].actuals: the team's 0.8 WTE "
                                 "of retirements is more than its 0.5 leavers' WTE it is part "
                                 "of (its own and its lines', summed)"});
  CHECK(
      problems_of(std::string(kWard), {"teams[ward].staffing[hca].actuals={mean_headcount: 9}"}) ==
      std::vector<std::string>{"--set:1:18: error: teams[ward].staffing[hca].actuals."
                               "mean_headcount: a mean headcount is a team's: state it in the "
                               "team's actuals (leaver rates start at teams)"});
}

TEST_CASE("a team with actuals and nobody in post is warned about", "[actuals]") {
  const estab::Model model = estab::load_model_text(ward_with("      leavers: 1\n"), "in.yaml", [] {
    estab::LoadOptions options;
    options.overrides = {"teams[ward].staffing[rn].in_post_wte=0"};
    return options;
  }());
  REQUIRE(model.warnings.size() == 1);
  CHECK(model.warnings[0].to_string() ==
        "in.yaml:7:7: warning: teams[ward].actuals: the team has actuals but no staff in "
        "post: its temporary share and leaver rates have nothing to be measured against");
}
