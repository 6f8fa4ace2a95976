// Unit tests of scenarios (docs/INPUT.md §17), part 4: `--set PATH=VALUE` overrides. A value can be
// changed at every level of the file, whole maps and list entries replaced, missing keys
// created; a wrong PATH is a UsageError and a bad VALUE an InputError located in the --set
// source, both checked verbatim; and --set is applied after `extends`, in order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "estab/model.hpp"
#include "support/overlay_fixtures.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Component;
using estab::Model;
using namespace estab::testing;

}  // namespace

// ---------------------------------------------------------------------------------------------
// --set PATH=VALUE

TEST_CASE("override: --set PATH=~ (or empty, or null) removes the key", "[overlay]") {
  const Model model =
      load_with_sets(kBase, {"assumptions.sickness=~",
                             "skill_mix.registered_target=", "professions[rn].cost_per_wte=null"});
  CHECK(model.assumptions.fixed.find(Component::Sickness) == nullptr);
  CHECK_FALSE(model.skill_mix.registered_target.has_value());
  CHECK_FALSE(model.professions.at(0).cost_per_wte.has_value());
  // A list entry is removed by an overlay, not by --set.
  CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].roster[0]=~"}) ==
        "--set teams[ward].staffing[rn].roster[0]=~: an entry of a list cannot be removed with "
        "--set; write an overlay with 'remove: true' for teams[ward].staffing[rn].roster[0]");
  // Removing a key nobody wrote changes nothing.
  CHECK_FALSE(load_with_sets(kBase, {"review.period=~"}).review.period.has_value());
}

TEST_CASE("override: --set cannot add, remove or rename teams, lines or other entries",
          "[overlay]") {
  CHECK(usage_error_of(kBase, {"teams=[]"}) ==
        "--set teams=[]: --set cannot add or remove entries of teams: set a value of one, e.g. "
        "teams[ID].KEY=VALUE, or write an overlay");
  CHECK(usage_error_of(kBase, {"teams[ward].staffing=[{profession: rn}]"}) ==
        "--set teams[ward].staffing=[{profession: rn}]: --set cannot add or remove entries of "
        "teams[ward].staffing: set a value of one, e.g. teams[ward].staffing[ID].KEY=VALUE, or "
        "write an overlay");
  CHECK(usage_error_of(kBase, {"teams[ward]={id: other}"}) ==
        "--set teams[ward]={id: other}: the new entry must keep id: 'ward' (--set cannot rename "
        "an entry; write an overlay that removes it and adds one under the new name)");
  CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn]={hours_per_week: 4}"}) ==
        "--set teams[ward].staffing[rn]={hours_per_week: 4}: the new entry must keep "
        "profession: 'rn' (--set cannot rename an entry; write an overlay that removes it and "
        "adds one under the new name)");
  CHECK(usage_error_of(kBase, {"teams[ward].id=other"}) ==
        "--set teams[ward].id=other: teams[ward].id names the entry: --set cannot rename it; "
        "write an overlay that removes the entry and adds it under the new name");
  CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].profession=hca"}) ==
        "--set teams[ward].staffing[rn].profession=hca: teams[ward].staffing[rn].profession "
        "names the entry: --set cannot rename it; write an overlay that removes the entry and "
        "adds it under the new name");
  // The value of a list with no ids (a roster) may be replaced whole.
  const Model model =
      load_with_sets(kBase, {"teams[ward].staffing[rn].roster=[{shift: day, staff: 2, "
                             "paid_hours: 7.5}]"});
  CHECK(line_of(model, "ward", "rn").roster.size() == 1);
}

TEST_CASE("override: --set reaches into an allowance written as a mapping", "[overlay]") {
  SECTION("a key of the allowance, replacing a percentage") {
    const Model model = load_with_sets(kBase, {"assumptions.sickness.days=12"});
    const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
    CHECK(sickness.unit == estab::AllowanceUnit::Days);
    CHECK(sickness.amount == 12.0);
    CHECK(model.file_of(sickness.where) == "--set");
  }
  SECTION("one length-of-service band") {
    const Model model = load_with_sets(
        kBase, {"assumptions.annual_leave={by_service: [{days: 27, share: 50%}, {days: 33, "
                "share: 50%}]}",
                "assumptions.annual_leave.by_service[1].days=29"});
    const estab::Allowance& leave = stated(model.assumptions, Component::AnnualLeave);
    REQUIRE(leave.bands.size() == 2);
    CHECK(leave.bands[0].days.value == 27.0);
    CHECK(leave.bands[1].days.value == 29.0);
  }
  SECTION("a band that does not exist") {
    CHECK(usage_error_of(kBase, {"assumptions.annual_leave={by_service: [{days: 27, share: 100%}]}",
                                 "assumptions.annual_leave.by_service[3].days=29"}) ==
          "--set assumptions.annual_leave.by_service[3].days=29: "
          "assumptions.annual_leave.by_service has 1 entry; there is no [3]");
  }
}

TEST_CASE("override: --set changes a value at every level of the file", "[overlay]") {
  SECTION("review") {
    const Model model =
        load_with_sets(kBase, {"review.title=New title", "review.standard_hours=40",
                               "review.uplift_method=additive", "review.gap_tolerance=10%"});
    CHECK(model.review.title == "New title");
    CHECK(model.review.organisation == "Base Trust");
    CHECK(model.review.standard_hours.value == 40.0);
    CHECK(model.file_of(model.review.standard_hours.where) == "--set");
    CHECK(model.review.standard_hours.where.line == 1);
    CHECK(model.review.standard_hours.where.column == 1);
    CHECK(model.review.uplift_method.value == estab::UpliftMethod::Additive);
    CHECK(model.review.gap_tolerance.value == Approx(0.1));
  }
  SECTION("assumptions, an additional component and headcount") {
    const Model model =
        load_with_sets(kBase, {"assumptions.sickness=5%", "assumptions.additional.research=0.5%",
                               "assumptions.headcount_per_wte=1.2"});
    const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
    CHECK(sickness.amount == Approx(0.05));
    CHECK(model.file_of(sickness.where) == "--set");
    CHECK(stated(model.assumptions, Component::Parenting).amount == Approx(0.01));
    CHECK(additional(model.assumptions, "research").amount == Approx(0.005));
    CHECK(additional(model.assumptions, "union_duties").amount == Approx(0.002));
    REQUIRE(model.assumptions.headcount_per_wte.has_value());
    CHECK(model.assumptions.headcount_per_wte->value == 1.2);
  }
  SECTION("professions") {
    const Model model = load_with_sets(
        kBase, {"professions[rn].cost_per_wte=60000", "professions[hca].registered=true",
                "professions[rn].assumptions.study_leave=3%"});
    CHECK(model.professions.at(0).cost_per_wte->value == 60000.0);
    CHECK(model.professions.at(1).registered);
    CHECK(stated(model.professions[0].assumptions, Component::StudyLeave).amount == Approx(0.03));
    CHECK(stated(model.professions[0].assumptions, Component::Sickness).amount == Approx(0.03));
  }
  SECTION("skill mix and services") {
    const Model model = load_with_sets(
        kBase, {"skill_mix.registered_target=70%", "services[community].name=Community services"});
    CHECK(model.skill_mix.registered_target->value == Approx(0.7));
    CHECK(model.skill_mix.tolerance->value == Approx(0.05));
    CHECK(model.services.at(0).name == "Community services");
    CHECK(model.services.at(1).name == "Inpatient");
  }
  SECTION("teams") {
    const Model model =
        load_with_sets(kBase, {"teams[ward].name=Ward A", "teams[ward].service=community"});
    const estab::Team& ward = team_named(model, "ward");
    CHECK(ward.name == "Ward A");
    CHECK(model.services.at(ward.service_index.value()).id == "community");
    CHECK(team_named(model, "cldt").name == "cldt");
  }
  SECTION("staffing lines, a roster shift, a caseload band and an activity") {
    const Model model =
        load_with_sets(kBase, {"teams[ward].staffing[rn].funded_wte=10",
                               "teams[ward].staffing[rn].roster[0].staff=3",
                               "teams[ward].staffing[hca].hours_per_week=25",
                               "teams[cldt].staffing[rn].caseload.bands[1].cases=25",
                               "teams[cldt].staffing[rn].activities.items[0].minutes=45"});
    const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
    CHECK(ward_rn.funded_wte.value == 10.0);
    CHECK(model.file_of(ward_rn.funded_wte.where) == "--set");
    CHECK(ward_rn.roster.at(0).staff.value == 3.0);
    CHECK(model.file_of(ward_rn.roster.at(0).staff.where) == "--set");
    CHECK(ward_rn.roster.at(1).staff.value == 2.0);
    CHECK(model.file_of(ward_rn.roster.at(1).staff.where) == "in.yaml");
    CHECK(line_of(model, "ward", "hca").hours_per_week->value == 25.0);
    const estab::StaffingLine& cldt_rn = line_of(model, "cldt", "rn");
    CHECK(cldt_rn.caseload->bands.at(0).cases.value == 8.0);
    CHECK(cldt_rn.caseload->bands.at(1).cases.value == 25.0);
    CHECK(cldt_rn.activities->items.at(0).minutes.value == 45.0);
    CHECK(cldt_rn.activities->items.at(1).minutes.value == 30.0);
  }
}

TEST_CASE("override: --set replaces whole maps and whole list entries", "[overlay]") {
  SECTION("an allowance written as a map") {
    const Model model = load_with_sets(
        kBase, {"teams[ward].staffing[rn].assumptions={training: {hours_per_head: 30}}",
                "assumptions.training={hours: 15}"});
    const estab::Allowance& line_training =
        stated(line_of(model, "ward", "rn").assumptions, Component::Training);
    CHECK(line_training.unit == estab::AllowanceUnit::HoursPerHead);
    CHECK(line_training.amount == 30.0);
    const estab::Allowance& training = stated(model.assumptions, Component::Training);
    CHECK(training.unit == estab::AllowanceUnit::Hours);
    CHECK(training.amount == 15.0);
  }
  SECTION("a section: its keys are exactly the new ones") {
    const Model model =
        load_with_sets(kBase, {"teams[cldt].staffing[rn].caseload={bands: [{cases: 1, "
                               "hours_per_case_per_month: 2}]}"});
    const estab::StaffingLine& cldt_rn = line_of(model, "cldt", "rn");
    REQUIRE(cldt_rn.caseload.has_value());
    CHECK_FALSE(cldt_rn.caseload->non_caseload_time.has_value());
    REQUIRE(cldt_rn.caseload->bands.size() == 1);
    CHECK(cldt_rn.caseload->bands[0].hours_per_case_per_month.value == 2.0);
  }
  SECTION("a list entry selected by id, by profession and by position") {
    const Model model = load_with_sets(
        kBase, {"teams[ward].staffing[hca]={profession: hca, fixed_wte: 2}",
                "teams[ward].staffing[rn].roster[1]={shift: night, staff: 1, paid_hours: 10}",
                "services[inpatient]={id: inpatient}"});
    const estab::StaffingLine& hca = line_of(model, "ward", "hca");
    CHECK_FALSE(hca.hours_per_week.has_value());
    CHECK(hca.fixed_wte.value == 2.0);
    const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
    REQUIRE(ward_rn.roster.size() == 2);
    CHECK(ward_rn.roster[1].shift == "night");
    CHECK(ward_rn.roster[1].paid_hours.value == 10.0);
    CHECK(model.services.at(1).name == "inpatient");  // the name defaults to the id again
  }
}

TEST_CASE("override: --set creates keys and intermediate maps that were not written", "[overlay]") {
  SECTION("a key that was not there") {
    const Model model = load_with_sets(
        kBase, {"teams[ward].staffing[rn].in_post_wte=4", "review.period=2026/27",
                "assumptions.other_leave=0.5%", "assumptions.additional.jury_service=0.1%"});
    const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
    CHECK(ward_rn.in_post_wte.value == 4.0);
    CHECK(model.file_of(ward_rn.in_post_wte.where) == "--set");
    CHECK(model.review.period == "2026/27");
    CHECK(stated(model.assumptions, Component::OtherLeave).amount == Approx(0.005));
    REQUIRE(model.assumptions.additional.size() == 3);
    CHECK(additional(model.assumptions, "jury_service").amount == Approx(0.001));
  }
  SECTION("a missing intermediate map") {
    const Model model = load_with_sets(
        kMinimal, {"teams[ward].skill_mix.registered_target=70%", "review.title=Made up",
                   "assumptions.additional.jury_service=0.1%",
                   "teams[ward].staffing[rn].observations.hours_per_day=12",
                   "teams[ward].staffing[rn].assumptions.sickness=6%"});
    const estab::Team& ward = model.teams.at(0);
    REQUIRE(ward.skill_mix.registered_target.has_value());
    CHECK(ward.skill_mix.registered_target->value == Approx(0.7));
    CHECK(model.file_of(ward.skill_mix.registered_target->where) == "--set");
    CHECK(model.review.title == "Made up");
    CHECK(additional(model.assumptions, "jury_service").amount == Approx(0.001));
    const estab::StaffingLine& line = ward.lines.at(0);
    REQUIRE(line.observations.has_value());
    CHECK(line.observations->hours_per_day.value == 12.0);
    CHECK(line.observations->days_per_week.value == 7.0);
    CHECK(stated(line.assumptions, Component::Sickness).amount == Approx(0.06));
  }
  SECTION("an earlier --set makes the map a later one writes into") {
    const Model model = load_with_sets(
        kMinimal, {"teams[ward].assumptions.sickness=6%", "teams[ward].assumptions.parenting=1%"});
    const estab::AssumptionSet& set = model.teams.at(0).assumptions;
    CHECK(stated(set, Component::Sickness).amount == Approx(0.06));
    CHECK(stated(set, Component::Parenting).amount == Approx(0.01));
  }
}

TEST_CASE("override: --set: a wrong PATH is a UsageError with an exact message", "[overlay]") {
  SECTION("an unknown list entry, with a suggestion") {
    CHECK(usage_error_of(kBase, {"teams[wrad].name=x"}) ==
          "--set teams[wrad].name=x: teams has no entry 'wrad' (did you mean 'ward'?)");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[rm].funded_wte=1"}) ==
          "--set teams[ward].staffing[rm].funded_wte=1: teams[ward].staffing has no entry 'rm' "
          "(did you mean 'rn'?)");
    CHECK(usage_error_of(kBase, {"professions[hcaa].registered=true"}) ==
          "--set professions[hcaa].registered=true: professions has no entry 'hcaa' (did you "
          "mean 'hca'?)");
    CHECK(usage_error_of(kBase, {"teams[zzzzzz].name=x"}) ==
          "--set teams[zzzzzz].name=x: teams has no entry 'zzzzzz'");
  }
  SECTION("an unknown key, with a suggestion") {
    CHECK(usage_error_of(kBase, {"assumptions.sicknes=5%"}) ==
          "--set assumptions.sicknes=5%: assumptions has no setting 'sicknes' (did you mean "
          "'sickness'?)");
    CHECK(usage_error_of(kBase, {"reveiw.title=x"}) ==
          "--set reveiw.title=x: the file has no setting 'reveiw' (did you mean 'review'?)");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].funded=3"}) ==
          "--set teams[ward].staffing[rn].funded=3: teams[ward].staffing[rn] has no setting "
          "'funded' (did you mean 'funded_wte'?)");
  }
  SECTION("a path through a value") {
    CHECK(usage_error_of(kBase, {"review.standard_hours.x=1"}) ==
          "--set review.standard_hours.x=1: review.standard_hours is a value, not a section");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].funded_wte.amount=1"}) ==
          "--set teams[ward].staffing[rn].funded_wte.amount=1: "
          "teams[ward].staffing[rn].funded_wte is a value, not a section");
  }
  SECTION("a list without a selector, and a selector on what is not a list") {
    CHECK(usage_error_of(kBase, {"teams.name=x"}) ==
          "--set teams.name=x: teams is a list: select an entry, e.g. teams[ID]");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing.funded_wte=1"}) ==
          "--set teams[ward].staffing.funded_wte=1: teams[ward].staffing is a list: select an "
          "entry, e.g. teams[ward].staffing[ID]");
    CHECK(usage_error_of(kBase, {"review[0].title=x"}) ==
          "--set review[0].title=x: review is not a list");
  }
  SECTION("a position that is not a number or not in the list, and a list not written") {
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].roster[first].staff=1"}) ==
          "--set teams[ward].staffing[rn].roster[first].staff=1: "
          "teams[ward].staffing[rn].roster is selected by position, e.g. roster[0]");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[rn].roster[2].staff=1"}) ==
          "--set teams[ward].staffing[rn].roster[2].staff=1: teams[ward].staffing[rn].roster "
          "has 2 entries; there is no [2]");
    CHECK(usage_error_of(kBase, {"teams[ward].staffing[hca].roster[0].staff=1"}) ==
          "--set teams[ward].staffing[hca].roster[0].staff=1: teams[ward].staffing[hca] has no "
          "list 'roster'");
  }
  SECTION("malformed paths") {
    CHECK(usage_error_of(kBase, {"a..b=1"}) == "--set a..b=1: the path has an empty step");
    CHECK(usage_error_of(kBase, {".review.title=x"}) ==
          "--set .review.title=x: the path has an empty step");
    CHECK(usage_error_of(kBase, {"review.=x"}) == "--set review.=x: the path has an empty step");
    CHECK(usage_error_of(kBase, {"teams[=5"}) == "--set teams[=5: a '[' in the path is not closed");
    CHECK(usage_error_of(kBase, {"teams[].name=x"}) ==
          "--set teams[].name=x: an empty [] selector");
    CHECK(usage_error_of(kBase, {"teams[ward]name=x"}) ==
          "--set teams[ward]name=x: expected '.' after a ']' in the path");
    CHECK(usage_error_of(kBase, {"=5"}) ==
          "--set =5: expected PATH=VALUE, e.g. assumptions.sickness=5%");
    CHECK(usage_error_of(kBase, {"assumptions.sickness"}) ==
          "--set assumptions.sickness: expected PATH=VALUE, e.g. assumptions.sickness=5%");
  }
}

TEST_CASE("override: --set: a bad VALUE is an InputError located in the --set source",
          "[overlay]") {
  CHECK(problems_of(kBase, {"review.standard_hours=abc"}) ==
        std::vector<std::string>{
            "--set:1:1: error: review.standard_hours: expected a number, got \"abc\""});
  CHECK(problems_of(kBase, {"assumptions.sickness=5"}) ==
        std::vector<std::string>{
            "--set:1:1: error: assumptions.sickness: write 5% — the percent sign is required"});
  // A required key removed with an empty VALUE is missing.
  CHECK(problems_of(kBase, {"professions[rn].registered="}) ==
        std::vector<std::string>{
            "in.yaml:12:5: error: professions[rn]: missing required key 'registered'"});
  SECTION("two bad values are both reported, each in its own --set source") {
    CHECK(problems_of(kBase,
                      {"review.standard_hours=abc", "teams[ward].staffing[rn].funded_wte=-1"}) ==
          std::vector<std::string>{
              "--set:1:1: error: review.standard_hours: expected a number, got \"abc\"",
              "--set:1:1: error: teams[ward].staffing[rn].funded_wte: must not be negative, got "
              "-1"});
  }
  SECTION("a problem inside a map VALUE is located at its column") {
    CHECK(problems_of(kBase, {"assumptions.training={hours_per_head: lots}"}) ==
          std::vector<std::string>{
              "--set:1:18: error: assumptions.training.hours_per_head: expected a number, got "
              "\"lots\""});
  }
  SECTION("VALUE that is not YAML") {
    const std::vector<std::string> problems = problems_of(kBase, {"review.standard_hours=[1"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("--set:1:", 0) == 0);
    CHECK(problems[0].find("error: invalid YAML: ") != std::string::npos);
  }
  SECTION("a bad value beside a bad file value: both reported, each where it was written") {
    std::string text = kBase;
    text.replace(text.find("funded_wte: 5"), 13, "funded_wte: x");
    CHECK(problems_of(text, {"review.standard_hours=abc"}) ==
          std::vector<std::string>{
              "--set:1:1: error: review.standard_hours: expected a number, got \"abc\"",
              "in.yaml:28:21: error: teams[ward].staffing[rn].funded_wte: expected a number, got "
              "\"x\""});
  }
}

TEST_CASE("override: --set is applied after extends, in order, the last one winning", "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
assumptions: {sickness: 4.5%}
teams:
  - id: crisis
    staffing:
      - {profession: hca, hours_per_week: 5}
)");
  SECTION("--set wins over the overlay and the base") {
    const Model model = load_file(
        overlay, {"assumptions.sickness=6%", "teams[ward].staffing[rn].hours_per_week=31"});
    const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
    CHECK(sickness.amount == Approx(0.06));
    CHECK(model.file_of(sickness.where) == "--set");
    CHECK(line_of(model, "ward", "rn").hours_per_week->value == 31.0);
    CHECK(model.files.at(0) == overlay);
    CHECK(model.files.at(1) == directory.file("base.yaml"));
  }
  SECTION("--set can select an entry the overlay added") {
    const Model model = load_file(overlay, {"teams[crisis].staffing[hca].hours_per_week=8"});
    CHECK(line_of(model, "crisis", "hca").hours_per_week->value == 8.0);
  }
  SECTION("several --set: the last one wins") {
    const Model model = load_file(overlay, {"assumptions.sickness=5%", "assumptions.sickness=7%",
                                            "review.title=First", "review.title=Second"});
    CHECK(stated(model.assumptions, Component::Sickness).amount == Approx(0.07));
    CHECK(model.review.title == "Second");
  }
  SECTION("a later --set can refer to an entry an earlier one replaced") {
    const Model model =
        load_file(overlay, {"teams[crisis]={id: crisis, staffing: [{profession: rn}]}",
                            "teams[crisis].staffing[rn].hours_per_week=12"});
    CHECK(ids_of(model.teams) == std::vector<std::string>{"ward", "cldt", "crisis"});
    CHECK(line_of(model, "crisis", "rn").hours_per_week->value == 12.0);
  }
}
