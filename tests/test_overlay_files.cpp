// Unit tests of scenarios (docs/INPUT.md §16), part 2: the files of an `extends` chain. Each level
// wins over the ones below it; a path is relative to the file that names it; cycles, missing bases
// and bad names are errors; problems and model locations point to the file where the value was
// written. Fixture files are written into a fresh temporary directory per test, and every
// diagnostic is checked verbatim with the FILE:LINE:COLUMN it must carry.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/model.hpp"
#include "support/overlay_fixtures.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Component;
using estab::Model;
using namespace estab::testing;

}  // namespace

// ---------------------------------------------------------------------------------------------
// extends: chains of files, paths and locations

TEST_CASE("extends: in a chain of three files each level wins over the ones below it",
          "[overlay]") {
  ScratchDirectory directory;
  const std::string bottom = directory.write("bottom.yaml", R"(estab: 1
review: {title: Bottom, period: 2025/26, organisation: Bottom Trust}
assumptions: {sickness: 3%, parenting: 1%, other_leave: 0.5%}
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - {profession: rn, hours_per_week: 30, funded_wte: 1, in_post_wte: 1}
)");
  const std::string middle = directory.write("middle.yaml", R"(estab: 1
extends: bottom.yaml
review: {title: Middle, period: 2026/27}
assumptions: {sickness: 4%, parenting: 2%}
teams:
  - id: ward
    staffing:
      - {profession: rn, funded_wte: 2, in_post_wte: 2}
)");
  const std::string top = directory.write("top.yaml", R"(estab: 1
extends: middle.yaml
review: {title: Top}
assumptions: {sickness: 5%}
teams:
  - id: ward
    staffing:
      - {profession: rn, funded_wte: 3}
)");
  const Model model = load_file(top);

  CHECK(model.review.title == "Top");
  CHECK(model.review.period == "2026/27");
  CHECK(model.review.organisation == "Bottom Trust");
  const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
  const estab::Allowance& parenting = stated(model.assumptions, Component::Parenting);
  const estab::Allowance& other = stated(model.assumptions, Component::OtherLeave);
  CHECK(sickness.amount == Approx(0.05));
  CHECK(parenting.amount == Approx(0.02));
  CHECK(other.amount == Approx(0.005));
  CHECK(model.file_of(sickness.where) == top);
  CHECK(model.file_of(parenting.where) == middle);
  CHECK(model.file_of(other.where) == bottom);

  const estab::StaffingLine& line = line_of(model, "ward", "rn");
  CHECK(line.funded_wte.value == 3.0);
  CHECK(model.file_of(line.funded_wte.where) == top);
  CHECK(line.in_post_wte.value == 2.0);
  CHECK(model.file_of(line.in_post_wte.where) == middle);
  CHECK(line.hours_per_week->value == 30.0);
  CHECK(model.file_of(line.hours_per_week->where) == bottom);
}

TEST_CASE("extends: a path is relative to the file that names it", "[overlay]") {
  ScratchDirectory directory;
  // Decoys beside the top file: a base path taken relative to the wrong file finds these.
  directory.write("shared.yaml", "estab: 1\nassumptions: {sickness: 9%}\n");
  const std::string shared = directory.write("base/shared.yaml", R"(estab: 1
assumptions: {sickness: 3%, parenting: 1%}
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - {profession: rn, hours_per_week: 30}
)");
  const std::string base = directory.write("base/trust.yaml", R"(estab: 1
extends: shared.yaml
assumptions: {parenting: 2%}
)");
  const std::string scenario = directory.write("scenarios/what-if.yaml", R"(estab: 1
extends: ../base/trust.yaml
review: {title: What if}
)");
  const Model model = load_file(scenario);
  CHECK(model.review.title == "What if");
  const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
  CHECK(sickness.amount == Approx(0.03));
  CHECK(model.file_of(sickness.where) == shared);
  CHECK(stated(model.assumptions, Component::Parenting).amount == Approx(0.02));
  CHECK(model.files == std::vector<std::string>{scenario, base, shared});

  SECTION("an absolute path is taken as it stands") {
    const std::string absolute =
        directory.write("elsewhere/absolute.yaml", "estab: 1\nextends: " + base + "\n");
    const Model from_absolute = load_file(absolute);
    CHECK(from_absolute.files == std::vector<std::string>{absolute, base, shared});
    CHECK(stated(from_absolute.assumptions, Component::Parenting).amount == Approx(0.02));
  }
}

TEST_CASE("extends: a cycle of files is an error naming every file in it", "[overlay]") {
  ScratchDirectory directory;
  SECTION("a file that extends itself") {
    const std::string alone = directory.write("alone.yaml", "estab: 1\nextends: alone.yaml\n");
    CHECK(problems_of_file(alone) ==
          std::vector<std::string>{located(
              alone, 2, 10,
              "extends: the files extend one another in a cycle: " + alone + " -> " + alone)});
  }
  SECTION("two files") {
    const std::string first = directory.write("a.yaml", "estab: 1\nextends: b.yaml\n");
    const std::string second =
        directory.write("b.yaml", "# the second\nestab: 1\nextends: a.yaml\n");
    CHECK(problems_of_file(first) ==
          std::vector<std::string>{located(second, 3, 10,
                                           "extends: the files extend one another in a cycle: " +
                                               first + " -> " + second + " -> " + first)});
  }
  SECTION("three files, one in a subdirectory") {
    const std::string first = directory.write("a.yaml", "estab: 1\nextends: sub/b.yaml\n");
    const std::string second = directory.write("sub/b.yaml", "estab: 1\nextends: ../c.yaml\n");
    const std::string third = directory.write("c.yaml", "estab: 1\nextends:   a.yaml\n");
    CHECK(problems_of_file(first) ==
          std::vector<std::string>{
              located(third, 2, 12,
                      "extends: the files extend one another in a cycle: " + first + " -> " +
                          second + " -> " + third + " -> " + first)});
  }
}

TEST_CASE("extends: a missing base is a FileError naming the overlay's line", "[overlay]") {
  ScratchDirectory directory;
  const std::string missing = directory.file("nowhere/base.yaml");
  SECTION("named by the top file") {
    const std::string overlay =
        directory.write("overlay.yaml", "estab: 1\n# comment\nextends: nowhere/base.yaml\n");
    try {
      load_file(overlay);
      FAIL("the overlay loaded without its base");
    } catch (const estab::FileError& error) {
      CHECK(error.path() == missing);
      CHECK(std::string(error.what()) == overlay + ":3:10: cannot read '" + missing + "': " +
                                             std::strerror(ENOENT) + " (named by 'extends')");
    }
  }
  SECTION("named by the middle of a chain") {
    const std::string middle =
        directory.write("middle.yaml", "estab: 1\nextends: nowhere/base.yaml\n");
    const std::string top = directory.write("top.yaml", "estab: 1\nextends: middle.yaml\n");
    try {
      load_file(top);
      FAIL("the overlay loaded without its base");
    } catch (const estab::FileError& error) {
      CHECK(error.path() == missing);
      CHECK(std::string(error.what()) == middle + ":2:10: cannot read '" + missing + "': " +
                                             std::strerror(ENOENT) + " (named by 'extends')");
    }
  }
}

TEST_CASE("extends: the base's name must be text", "[overlay]") {
  ScratchDirectory directory;
  const std::string overlay = directory.write("overlay.yaml", "estab: 1\nextends: [a.yaml]\n");
  CHECK(problems_of_file(overlay) ==
        std::vector<std::string>{located(overlay, 2, 10, "extends: expected text, got a list")});
}

TEST_CASE("extends: problems are located in the file where the value was written", "[overlay]") {
  ScratchDirectory directory;
  const std::string base = directory.write("base.yaml", R"(estab: 1
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - profession: rn
        hours_per_week: 30
        funded_wte: lots
)");
  SECTION("one problem in the base and one in the overlay, reported together") {
    const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
assumptions:
  sickness: 4
teams:
  - id: ward
    staffing:
      - profession: rn
        in_post_wte: -2
)");
    CHECK(problems_of_file(overlay) ==
          std::vector<std::string>{
              located(overlay, 4, 13,
                      "assumptions.sickness: write 4% — the percent sign is "
                      "required"),
              located(overlay, 9, 22,
                      "teams[ward].staffing[rn].in_post_wte: must not be negative, got -2"),
              located(base, 9, 21,
                      "teams[ward].staffing[rn].funded_wte: expected a number, got \"lots\""),
          });
  }
  SECTION("an unknown key written in the overlay is located at that key") {
    const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
teams:
  - id: ward
    staffing:
      - profession: rn
        funded: 3
)");
    CHECK(problems_of_file(overlay) ==
          std::vector<std::string>{
              located(overlay, 7, 9,
                      "teams[ward].staffing[rn]: unknown key 'funded' (did you mean "
                      "'funded_wte'?)"),
              located(base, 9, 21,
                      "teams[ward].staffing[rn].funded_wte: expected a number, got \"lots\""),
          });
  }
  SECTION("a reference the overlay breaks is located where the base wrote it") {
    const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
professions:
  - {id: rn, remove: true}
  - {id: rnld, registered: true}
)");
    CHECK(problems_of_file(overlay) ==
          std::vector<std::string>{
              located(base, 7, 21,
                      "teams[ward].staffing[rn].profession: unknown profession 'rn'; the "
                      "professions are: rnld"),
              located(base, 9, 21,
                      "teams[ward].staffing[rn].funded_wte: expected a number, got \"lots\""),
          });
  }
  SECTION("an overlay that states the value replaces the base's bad one") {
    const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
teams:
  - id: ward
    staffing:
      - {profession: rn, funded_wte: 3}
)");
    const Model model = load_file(overlay);
    CHECK(line_of(model, "ward", "rn").funded_wte.value == 3.0);
    CHECK(model.file_of(line_of(model, "ward", "rn").funded_wte.where) == overlay);
  }
}

TEST_CASE(
    "extends: model locations point to the base for inherited values and to the overlay "
    "for overridden ones",
    "[overlay]") {
  ScratchDirectory directory;
  const std::string base = directory.write("base.yaml", kBase);
  const std::string overlay = directory.write("overlay.yaml", R"(estab: 1
extends: base.yaml
review:
  standard_hours: 40
teams:
  - id: ward
    staffing:
      - profession: rn
        funded_wte: 6
        cost_per_wte: 55000
  - id: crisis
    staffing:
      - {profession: hca, hours_per_week: 5}
)");
  const Model model = load_file(overlay);
  CHECK(model.files == std::vector<std::string>{overlay, base});

  // Overridden: the overlay, where it was written.
  CHECK(model.review.standard_hours.value == 40.0);
  CHECK(model.file_of(model.review.standard_hours.where) == overlay);
  CHECK(model.review.standard_hours.where.line == 4);
  CHECK(model.review.standard_hours.where.column == 19);
  const estab::StaffingLine& ward_rn = line_of(model, "ward", "rn");
  CHECK(model.file_of(ward_rn.funded_wte.where) == overlay);
  CHECK(ward_rn.funded_wte.where.line == 9);
  CHECK(ward_rn.funded_wte.where.column == 21);
  REQUIRE(ward_rn.cost_per_wte.has_value());
  CHECK(model.file_of(ward_rn.cost_per_wte->where) == overlay);
  CHECK(ward_rn.cost_per_wte->where.line == 10);

  // Inherited: the base, where it was written.
  REQUIRE(ward_rn.hours_per_week.has_value());
  CHECK(model.file_of(ward_rn.hours_per_week->where) == base);
  CHECK(ward_rn.hours_per_week->where.line == 27);
  CHECK(ward_rn.hours_per_week->where.column == 25);
  CHECK(model.file_of(ward_rn.roster.at(1).staff.where) == base);
  CHECK(ward_rn.roster.at(1).staff.where.line == 31);
  CHECK(model.file_of(ward_rn.where) == base);  // the merged line stands where the base's did
  CHECK(ward_rn.where.line == 26);
  const estab::Allowance& sickness = stated(model.assumptions, Component::Sickness);
  CHECK(model.file_of(sickness.where) == base);
  CHECK(sickness.where.line == 7);
  CHECK(sickness.where.column == 13);
  REQUIRE(model.professions.at(0).cost_per_wte.has_value());
  CHECK(model.file_of(model.professions[0].cost_per_wte->where) == base);
  CHECK(model.professions[0].cost_per_wte->where.line == 14);

  // Added by the overlay: the overlay.
  const estab::Team& crisis = team_named(model, "crisis");
  CHECK(model.file_of(crisis.where) == overlay);
  CHECK(crisis.where.line == 11);
  CHECK(model.file_of(line_of(model, "crisis", "hca").hours_per_week->where) == overlay);
}
