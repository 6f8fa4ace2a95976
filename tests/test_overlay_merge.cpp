// Unit tests of scenarios (docs/INPUT.md §16), part 1: how an `extends` overlay is laid over its
// base. Maps merge key by key; professions, services, teams and staffing lines merge by id;
// `remove` drops an entry; other lists are replaced whole. Fixture files are written into a fresh
// temporary directory per test, and every diagnostic is checked verbatim with the FILE:LINE:COLUMN
// it must carry. See also test_overlay_files.cpp, test_overlay_sources.cpp and
// test_overlay_set.cpp.
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
// extends: how an overlay is laid over its base

TEST_CASE("extends: maps merge key by key, and allowances and values are replaced whole",
          "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
review:
  title: Scenario review
assumptions:
  parenting: 2%
  training: {days: 2}
  additional: {research: 0.5%, mentoring: {days: 1}}
skill_mix: {tolerance: 10%}
)");
  const Model model = load_file(overlay);

  CHECK(model.review.organisation == "Base Trust");  // kept from the base
  CHECK(model.review.title == "Scenario review");
  CHECK(model.review.standard_hours.value == 37.5);
  CHECK(stated(model.assumptions, Component::Sickness).amount == Approx(0.04));
  CHECK(stated(model.assumptions, Component::Parenting).amount == Approx(0.02));
  // An allowance is one value: {days: 2} replaces {hours_per_head: 22.5} rather than merging
  // into a mapping with two units.
  const estab::Allowance& training = stated(model.assumptions, Component::Training);
  CHECK(training.unit == estab::AllowanceUnit::Days);
  CHECK(training.amount == 2.0);
  // `additional` is a map: merged by name.
  REQUIRE(model.assumptions.additional.size() == 3);
  CHECK(additional(model.assumptions, "union_duties").amount == Approx(0.002));
  CHECK(additional(model.assumptions, "research").amount == Approx(0.005));
  CHECK(additional(model.assumptions, "mentoring").unit == estab::AllowanceUnit::Days);
  CHECK(additional(model.assumptions, "mentoring").amount == 1.0);
  REQUIRE(model.skill_mix.registered_target.has_value());
  CHECK(model.skill_mix.registered_target->value == Approx(0.6));
  REQUIRE(model.skill_mix.tolerance.has_value());
  CHECK(model.skill_mix.tolerance->value == Approx(0.1));
}

TEST_CASE("extends: ~ removes a key, so the next level or the default applies", "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
review: {title: ~}
assumptions:
  sickness: ~
  additional: {research: ~}
professions:
  - id: rn
    assumptions: {sickness: null}
skill_mix: {registered_target: ~}
teams:
  - id: ward
    service:
)");
  const Model model = load_file(overlay);
  CHECK_FALSE(model.review.title.has_value());
  CHECK(model.assumptions.fixed.find(Component::Sickness) == nullptr);
  CHECK(model.professions.at(0).assumptions.fixed.find(Component::Sickness) == nullptr);
  CHECK(stated(model.professions[0].assumptions, Component::StudyLeave).amount == Approx(0.02));
  REQUIRE(model.assumptions.additional.size() == 1);
  CHECK(model.assumptions.additional[0].name == "union_duties");
  CHECK_FALSE(model.skill_mix.registered_target.has_value());
  REQUIRE(model.skill_mix.tolerance.has_value());  // the rest of the map is kept
  CHECK_FALSE(model.teams.at(0).service_index.has_value());
}

TEST_CASE("a misspelt or repeated key written ~ is still reported", "[overlay]") {
  CHECK(problems_of(std::string(kBase) + "extra: ~\n", {}) ==
        std::vector<std::string>{"in.yaml:47:1: error: unknown key 'extra'"});
  const std::vector<std::string> problems =
      problems_of(std::string(kBase).replace(std::string(kBase).find("  sickness: 4%"), 13,
                                             "  sicknes: ~\n  sickness: 4%\n  sickness: ~"),
                  {});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("unknown key 'sicknes' (did you mean 'sickness'?)") != std::string::npos);
  CHECK(problems[1].find("'sickness' appears twice") != std::string::npos);
}

TEST_CASE("a key written ~ in a file on its own is unstated", "[overlay]") {
  const Model model = load_with_sets(R"(estab: 1
assumptions: {sickness: ~, parenting: 1%}
professions:
  - {id: rn, registered: true, cost_per_wte: ~}
teams:
  - id: ward
    staffing:
      - {profession: rn, hours_per_week: 30, funded_wte: ~}
)",
                                     {});
  CHECK(model.assumptions.fixed.find(Component::Sickness) == nullptr);
  CHECK_FALSE(model.professions.at(0).cost_per_wte.has_value());
  CHECK(model.teams.at(0).lines.at(0).funded_wte.value == 0.0);
}

TEST_CASE("extends: professions, services and teams merge by id, staffing lines by profession",
          "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
professions:
  - id: rn
    cost_per_wte: 60000
    assumptions: {sickness: 5%}
  - {id: ahp, registered: true}
services:
  - {id: community, name: Community services}
teams:
  - id: ward
    name: Ward One
    staffing:
      - profession: rn
        funded_wte: 6
      - profession: ahp
        hours_per_week: 10
  - id: crisis
    staffing:
      - {profession: hca, hours_per_week: 5}
)");
  const Model model = load_file(overlay);

  CHECK(ids_of(model.professions) == std::vector<std::string>{"rn", "hca", "ahp"});
  const estab::Profession& rn = model.professions[0];
  CHECK(rn.registered);  // kept from the base
  REQUIRE(rn.cost_per_wte.has_value());
  CHECK(rn.cost_per_wte->value == 60000.0);
  CHECK(stated(rn.assumptions, Component::Sickness).amount == Approx(0.05));
  CHECK(stated(rn.assumptions, Component::StudyLeave).amount == Approx(0.02));  // kept
  CHECK(model.professions[2].registered);

  CHECK(ids_of(model.services) == std::vector<std::string>{"community", "inpatient"});
  CHECK(model.services[0].name == "Community services");
  CHECK(model.services[1].name == "Inpatient");

  CHECK(ids_of(model.teams) == std::vector<std::string>{"ward", "cldt", "crisis"});
  const estab::Team& ward = team_named(model, "ward");
  CHECK(ward.name == "Ward One");
  REQUIRE(ward.service_index.has_value());
  CHECK(model.services.at(*ward.service_index).id == "inpatient");  // kept
  CHECK(line_professions(model, ward) == std::vector<std::string>{"rn", "hca", "ahp"});
  const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
  REQUIRE(ward_rn.hours_per_week.has_value());
  CHECK(ward_rn.hours_per_week->value == 30.0);  // kept
  CHECK(ward_rn.funded_wte.value == 6.0);        // overridden
  CHECK(ward_rn.roster.size() == 2);             // kept
  REQUIRE(line_of(model, "ward", "ahp").hours_per_week.has_value());
  CHECK(line_of(model, "ward", "ahp").hours_per_week->value == 10.0);
  CHECK(line_of(model, "ward", "hca").hours_per_week->value == 20.0);

  const estab::Team& cldt = team_named(model, "cldt");  // untouched by the overlay
  CHECK(line_professions(model, cldt) == std::vector<std::string>{"rn"});
  REQUIRE(line_of(model, "cldt", "rn").caseload.has_value());
  CHECK(line_of(model, "cldt", "rn").caseload->bands.size() == 2);
  CHECK(line_professions(model, team_named(model, "crisis")) == std::vector<std::string>{"hca"});
}

TEST_CASE("extends: remove: true drops a team, a profession, a service and a staffing line",
          "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", R"(estab: 1
professions:
  - {id: rn, registered: true}
  - {id: hca, registered: false}
  - {id: ahp, registered: true}
services:
  - {id: north}
  - {id: south}
teams:
  - id: ward
    service: north
    staffing:
      - {profession: rn, hours_per_week: 30}
      - {profession: hca, hours_per_week: 20}
  - id: therapy
    service: south
    staffing:
      - {profession: ahp, hours_per_week: 10}
)");
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
professions:
  - {id: ahp, remove: true}
services:
  - {id: south, remove: true}
teams:
  - {id: therapy, remove: true}
  - id: ward
    staffing:
      - {profession: hca, remove: true}
)");
  const Model model = load_file(overlay);
  CHECK(ids_of(model.professions) == std::vector<std::string>{"rn", "hca"});
  CHECK(ids_of(model.services) == std::vector<std::string>{"north"});
  CHECK(ids_of(model.teams) == std::vector<std::string>{"ward"});
  CHECK(line_professions(model, model.teams.at(0)) == std::vector<std::string>{"rn"});
}

TEST_CASE("extends: remove: false keeps the entry and merges the rest of it", "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kMinimal);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
teams:
  - id: ward
    remove: false
    name: Ward One
    staffing:
      - {profession: rn, remove: false, funded_wte: 4}
  - {id: annex, remove: false}
)");
  const Model model = load_file(overlay);
  CHECK(ids_of(model.teams) == std::vector<std::string>{"ward", "annex"});
  CHECK(model.teams[0].name == "Ward One");
  REQUIRE(model.teams[0].lines.size() == 1);
  CHECK(model.teams[0].lines[0].funded_wte.value == 4.0);
  CHECK(model.teams[0].lines[0].hours_per_week->value == 30.0);
}

TEST_CASE("extends: removing an entry the base lacks is an error located in the overlay",
          "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
professions:
  - {id: physio, remove: true}
services:
  - {id: acute, remove: true}
teams:
  - id: wrad
    remove: true
  - id: ward
    staffing:
      - profession: ahp
        remove: true
)");
  CHECK(problems_of_file(overlay) ==
        std::vector<std::string>{
            located(overlay, 4, 5,
                    "professions[physio]: cannot remove 'physio': the base file has no such "
                    "entry"),
            located(overlay, 6, 5,
                    "services[acute]: cannot remove 'acute': the base file has no such entry"),
            located(overlay, 8, 5,
                    "teams[wrad]: cannot remove 'wrad': the base file has no such entry (did "
                    "you mean 'ward'?)"),
            located(overlay, 12, 9,
                    "teams[ward].staffing[ahp]: cannot remove 'ahp': the base file has no such "
                    "entry"),
        });
}

TEST_CASE("extends: remove must be true or false", "[overlay]") {
  ScratchDirectory directory;
  directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
teams:
  - id: ward
    remove: yes
  - id: cldt
    staffing:
      - {profession: rn, remove: "true"}
)");
  CHECK(problems_of_file(overlay) ==
        std::vector<std::string>{
            located(overlay, 5, 13, "teams[ward].remove: expected true or false, got \"yes\""),
            located(overlay, 8, 34,
                    "teams[cldt].staffing[rn].remove: expected true or false, got \"true\""),
        });
}

TEST_CASE("extends: other lists (roster, bands, items, by_service) are replaced whole",
          "[overlay]") {
  ScratchDirectory directory;
  std::string base = kBase;
  base +=
      "  - id: annex\n    assumptions:\n      annual_leave:\n        by_service:\n"
      "          - {days: 27, share: 50%}\n          - {days: 33, share: 50%}\n"
      "    staffing:\n      - {profession: hca, hours_per_week: 1}\n";
  directory.write("base.yaml", base);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
teams:
  - id: ward
    staffing:
      - profession: rn
        roster:
          - {shift: day, staff: 3, paid_hours: 12}
  - id: cldt
    staffing:
      - profession: rn
        caseload:
          bands:
            - {name: mid, cases: 12, hours_per_case_per_month: 4}
        activities:
          items:
            - {name: group session, per_year: 10, minutes: 90}
  - id: annex
    assumptions:
      annual_leave:
        by_service:
          - {days: 29, share: 100%}
)");
  const Model model = load_file(overlay);

  const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
  REQUIRE(ward_rn.roster.size() == 1);
  CHECK(ward_rn.roster[0].shift == "day");
  CHECK(ward_rn.roster[0].staff.value == 3.0);
  CHECK(ward_rn.roster[0].paid_hours.value == 12.0);
  CHECK(ward_rn.hours_per_week->value == 30.0);  // the line itself still merges

  const estab::StaffingLine& cldt_rn = line_of(model, "cldt", "rn");
  REQUIRE(cldt_rn.caseload.has_value());
  REQUIRE(cldt_rn.caseload->bands.size() == 1);
  CHECK(cldt_rn.caseload->bands[0].name == "mid");
  CHECK(cldt_rn.caseload->bands[0].cases.value == 12.0);
  // caseload is a section, so it merges: its non_caseload_time is kept from the base.
  REQUIRE(cldt_rn.caseload->non_caseload_time.has_value());
  CHECK(cldt_rn.caseload->non_caseload_time->amount == Approx(0.35));
  REQUIRE(cldt_rn.activities.has_value());
  REQUIRE(cldt_rn.activities->items.size() == 1);
  CHECK(cldt_rn.activities->items[0].name == "group session");

  const estab::Allowance& leave =
      stated(team_named(model, "annex").assumptions, Component::AnnualLeave);
  CHECK(leave.unit == estab::AllowanceUnit::ByService);
  REQUIRE(leave.bands.size() == 1);
  CHECK(leave.bands[0].days.value == 29.0);
  CHECK(leave.bands[0].share.value == Approx(1.0));
}
