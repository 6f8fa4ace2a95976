// Unit tests of scenarios (SPEC §6): `extends` overlays laid over their base files, and
// `--set PATH=VALUE` overrides, through the public loader and the internal functions of
// src/load/sources.hpp. Fixture files are written into a fresh temporary directory per test,
// and every diagnostic is checked verbatim with the FILE:LINE:COLUMN it must carry.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "estab/load.hpp"
#include "estab/model.hpp"
#include "load/sources.hpp"

namespace {

namespace fs = std::filesystem;

using estab::Component;
using estab::Document;
using estab::LoadOptions;
using estab::Model;
using estab::NodeKind;

/// A fresh, empty directory under the system's temporary directory, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    static unsigned sequence = 0;
    std::random_device entropy;
    const fs::path root = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      const fs::path candidate =
          root / ("estab-overlay-" + std::to_string(entropy()) + "-" + std::to_string(++sequence));
      if (fs::create_directory(candidate)) path_ = candidate.lexically_normal();
    }
    REQUIRE_FALSE(path_.empty());
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  /// The name the loader gives a file of this directory (normalised, as `extends` makes it).
  std::string file(const std::string& relative) const {
    return (path_ / relative).lexically_normal().string();
  }

  /// Writes `text` to a file of this directory (creating subdirectories); returns its name.
  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path target = path_ / relative;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << text;
    out.close();
    REQUIRE(out.good());
    return file(relative);
  }

 private:
  fs::path path_;
};

/// `FILE:LINE:COLUMN: error: PATH: MESSAGE`, the printed form of a diagnostic.
std::string located(const std::string& file, int line, int column, const std::string& rest) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + rest;
}

/// Every problem of a file that must fail to load, one string per problem.
std::vector<std::string> problems_of_file(const std::string& path,
                                          const std::vector<std::string>& overrides = {}) {
  LoadOptions options;
  options.overrides = overrides;
  try {
    estab::load_model_file(path, options);
  } catch (const estab::InputError& error) {
    std::vector<std::string> problems;
    for (const estab::Diagnostic& problem : error.diagnostics()) {
      problems.push_back(problem.to_string());
    }
    return problems;
  }
  FAIL("the file loaded without problems");
  return {};
}

/// Every problem of a text that must fail to load, one string per problem.
std::vector<std::string> problems_of_text(const std::string& text,
                                          const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  try {
    estab::load_model_text(text, "in.yaml", options);
  } catch (const estab::InputError& error) {
    std::vector<std::string> problems;
    for (const estab::Diagnostic& problem : error.diagnostics()) {
      problems.push_back(problem.to_string());
    }
    return problems;
  }
  FAIL("the text loaded without problems");
  return {};
}

/// Loads a file with `--set` overrides.
Model load_file(const std::string& path, const std::vector<std::string>& overrides = {}) {
  LoadOptions options;
  options.overrides = overrides;
  return estab::load_model_file(path, options);
}

/// Loads a text (named in.yaml) with `--set` overrides.
Model load_with_sets(const std::string& text, const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return estab::load_model_text(text, "in.yaml", options);
}

/// The message of the UsageError that loading `text` with `overrides` must throw.
std::string usage_error_of(const std::string& text, const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  try {
    estab::load_model_text(text, "in.yaml", options);
  } catch (const estab::UsageError& error) {
    return error.what();
  }
  FAIL("no UsageError was thrown");
  return {};
}

/// A fixed component of an assumption set, which the test requires to be stated.
const estab::Allowance& stated(const estab::AssumptionSet& set, Component component) {
  const estab::Allowance* allowance = set.fixed.find(component);
  REQUIRE(allowance != nullptr);
  return *allowance;
}

/// The named `additional` component of an assumption set, which the test requires.
const estab::Allowance& additional(const estab::AssumptionSet& set, const std::string& name) {
  for (const estab::NamedAllowance& named : set.additional) {
    if (named.name == name) return named.allowance;
  }
  FAIL("no additional component '" << name << "'");
  throw std::logic_error("unreachable");
}

/// The team with this id, which the test requires.
const estab::Team& team_named(const Model& model, const std::string& id) {
  for (const estab::Team& team : model.teams) {
    if (team.id == id) return team;
  }
  FAIL("no team '" << id << "'");
  throw std::logic_error("unreachable");
}

/// The staffing line of a profession in a team, which the test requires.
const estab::StaffingLine& line_of(const Model& model, const std::string& team_id,
                                   const std::string& profession_id) {
  for (const estab::StaffingLine& line : team_named(model, team_id).lines) {
    if (model.professions.at(line.profession_index).id == profession_id) return line;
  }
  FAIL("team '" << team_id << "' has no line for '" << profession_id << "'");
  throw std::logic_error("unreachable");
}

/// The ids of a list of professions, services or teams, in order.
template <typename Entries>
std::vector<std::string> ids_of(const Entries& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry.id);
  return ids;
}

/// The profession ids of a team's lines, in order.
std::vector<std::string> line_professions(const Model& model, const estab::Team& team) {
  std::vector<std::string> ids;
  for (const estab::StaffingLine& line : team.lines) {
    ids.push_back(model.professions.at(line.profession_index).id);
  }
  return ids;
}

/// A base file that states something at every level. Line numbers are referred to below.
constexpr const char* kBase = R"(estab: 1
review:
  organisation: Base Trust
  title: Base review
  standard_hours: 37.5
assumptions:
  sickness: 4%
  parenting: 1%
  training: {hours_per_head: 22.5}
  additional: {union_duties: 0.2%, research: 1%}
professions:
  - id: rn
    registered: true
    cost_per_wte: 50000
    assumptions: {study_leave: 2%, sickness: 3%}
  - {id: hca, registered: false}
skill_mix: {registered_target: 60%, tolerance: 5%}
services:
  - {id: community, name: Community}
  - {id: inpatient, name: Inpatient}
teams:
  - id: ward
    name: Ward
    service: inpatient
    staffing:
      - profession: rn
        hours_per_week: 30
        funded_wte: 5
        roster:
          - {shift: early, staff: 2, paid_hours: 7.5}
          - {shift: late, staff: 2, paid_hours: 7.5}
      - profession: hca
        hours_per_week: 20
  - id: cldt
    service: community
    staffing:
      - profession: rn
        caseload:
          non_caseload_time: 35%
          bands:
            - {name: high, cases: 8, hours_per_case_per_month: 10}
            - {name: low, cases: 20, hours_per_case_per_month: 2}
        activities:
          items:
            - {name: assessment, per_year: 100, minutes: 60}
            - {name: review, per_year: 50, minutes: 30}
)";

/// The smallest valid file: one team with one line.
constexpr const char* kMinimal = R"(estab: 1
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - profession: rn
        hours_per_week: 30
)";

}  // namespace

// ---------------------------------------------------------------------------------------------
// extends: how an overlay is laid over its base

TEST_CASE("extends: maps merge key by key; allowances and values are replaced whole", "[overlay]") {
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
              located(base, 7, 21, "teams[ward].staffing[rn].profession: unknown profession 'rn'"),
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

// ---------------------------------------------------------------------------------------------
// The internal functions of src/load/sources.hpp

TEST_CASE("merge_overlay keeps each node's file mark", "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base =
      Document::parse("estab: 1\nassumptions:\n  sickness: 4%\n  parenting: 1%\n", 0, files[0]);
  const Document overlay =
      Document::parse("estab: 1\nassumptions:\n  sickness: 5%\n  study_leave: 2%\n", 1, files[1]);
  const Document merged = estab::merge_overlay(base, overlay, files);

  const Document::NodeId assumptions = merged.find(merged.root(), "assumptions");
  REQUIRE(assumptions != Document::kNoNode);
  REQUIRE(merged.kind(assumptions) == NodeKind::Map);
  CHECK(merged.size(assumptions) == 6);  // three keys and their values

  const Document::NodeId sickness = merged.find(assumptions, "sickness");
  REQUIRE(sickness != Document::kNoNode);
  CHECK(merged.text(sickness) == "5%");
  CHECK(merged.location(sickness).file_index == 1);
  CHECK(merged.location(sickness).line == 3);

  const Document::NodeId parenting = merged.find(assumptions, "parenting");
  REQUIRE(parenting != Document::kNoNode);
  CHECK(merged.text(parenting) == "1%");
  CHECK(merged.location(parenting).file_index == 0);
  CHECK(merged.location(parenting).line == 4);

  const Document::NodeId study = merged.find(assumptions, "study_leave");
  REQUIRE(study != Document::kNoNode);
  CHECK(merged.text(study) == "2%");
  CHECK(merged.location(study).file_index == 1);
  CHECK(merged.location(study).line == 4);
}

TEST_CASE("merge_overlay drops the overlay's remove and extends keys", "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base = Document::parse(
      "estab: 1\nteams:\n  - {id: a, name: A}\n  - {id: b, name: B}\n", 0, files[0]);
  const Document overlay = Document::parse(
      "estab: 1\nextends: base.yaml\nteams:\n  - {id: a, remove: false, name: Z}\n"
      "  - {id: b, remove: true}\n  - {id: c, remove: false}\n",
      1, files[1]);
  const Document merged = estab::merge_overlay(base, overlay, files);
  const Document::NodeId root = merged.root();
  CHECK(merged.find(root, "extends") == Document::kNoNode);
  const Document::NodeId teams = merged.find(root, "teams");
  REQUIRE(teams != Document::kNoNode);
  REQUIRE(merged.size(teams) == 2);
  const Document::NodeId first = merged.first_child(teams);
  const Document::NodeId second = merged.next_sibling(first);
  CHECK(merged.text(merged.find(first, "id")) == "a");
  CHECK(merged.text(merged.find(first, "name")) == "Z");
  CHECK(merged.find(first, "remove") == Document::kNoNode);
  CHECK(merged.text(merged.find(second, "id")) == "c");
  CHECK(merged.find(second, "remove") == Document::kNoNode);
}

TEST_CASE("merge_overlay refuses a file that is not a mapping, in the file that has it",
          "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base = Document::parse("- 1\n- 2\n", 0, files[0]);
  const Document overlay = Document::parse("estab: 1\n", 1, files[1]);
  try {
    estab::merge_overlay(base, overlay, files);
    FAIL("a list was merged as if it were a mapping");
  } catch (const estab::InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].to_string() ==
          "base.yaml:1:1: error: expected a mapping of keys to values, got a list");
  }
}

TEST_CASE("load_document follows extends and lists every file, the named one first", "[overlay]") {
  ScratchDirectory directory;
  const std::string base = directory.write("base.yaml", kMinimal);
  const std::string overlay_name = directory.file("overlay.yaml");  // never written: text given
  std::vector<std::string> files;
  const Document document = estab::load_document(
      "estab: 1\nextends: base.yaml\nreview: {title: Overlay}\n", overlay_name, files);
  CHECK(files == std::vector<std::string>{overlay_name, base});
  const Document::NodeId review = document.find(document.root(), "review");
  REQUIRE(review != Document::kNoNode);
  CHECK(document.text(document.find(review, "title")) == "Overlay");
  CHECK(document.location(review).file_index == 0);
  const Document::NodeId teams = document.find(document.root(), "teams");
  REQUIRE(teams != Document::kNoNode);
  CHECK(document.location(teams).file_index == 1);
  CHECK(document.find(document.root(), "extends") == Document::kNoNode);
}

TEST_CASE("apply_overrides changes the document and adds a --set source per assignment",
          "[overlay]") {
  std::vector<std::string> files = {"in.yaml"};
  Document document = Document::parse(kMinimal, 0, files[0]);
  estab::apply_overrides(document, {"review.title=New", "teams[ward].name=Ward A"}, files);
  CHECK(files == std::vector<std::string>{"in.yaml", "--set", "--set"});
  const Document::NodeId review = document.find(document.root(), "review");
  REQUIRE(review != Document::kNoNode);
  const Document::NodeId title = document.find(review, "title");
  REQUIRE(title != Document::kNoNode);
  CHECK(document.text(title) == "New");
  CHECK(document.location(title).file_index == 1);
  const Document::NodeId team = document.first_child(document.find(document.root(), "teams"));
  const Document::NodeId name = document.find(team, "name");
  REQUIRE(name != Document::kNoNode);
  CHECK(document.text(name) == "Ward A");
  CHECK(document.location(name).file_index == 2);
  CHECK(document.text(document.find(team, "id")) == "ward");
}

// ---------------------------------------------------------------------------------------------
// --set PATH=VALUE

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

TEST_CASE("override: --set: a bad VALUE is an InputError located in the --set source", "[overlay]") {
  CHECK(problems_of_text(kBase, {"review.standard_hours=abc"}) ==
        std::vector<std::string>{
            "--set:1:1: error: review.standard_hours: expected a number, got \"abc\""});
  CHECK(problems_of_text(kBase, {"assumptions.sickness=5"}) ==
        std::vector<std::string>{
            "--set:1:1: error: assumptions.sickness: write 5% — the percent sign is required"});
  CHECK(problems_of_text(kBase, {"teams[ward].staffing[rn].funded_wte="}) ==
        std::vector<std::string>{
            "--set:1:1: error: teams[ward].staffing[rn].funded_wte: expected a number, got "
            "nothing"});
  SECTION("two bad values are both reported, each in its own --set source") {
    CHECK(problems_of_text(
              kBase, {"review.standard_hours=abc", "teams[ward].staffing[rn].funded_wte=-1"}) ==
          std::vector<std::string>{
              "--set:1:1: error: review.standard_hours: expected a number, got \"abc\"",
              "--set:1:1: error: teams[ward].staffing[rn].funded_wte: must not be negative, got "
              "-1"});
  }
  SECTION("a problem inside a map VALUE is located at its column") {
    CHECK(problems_of_text(kBase, {"assumptions.training={hours_per_head: lots}"}) ==
          std::vector<std::string>{
              "--set:1:18: error: assumptions.training.hours_per_head: expected a number, got "
              "\"lots\""});
  }
  SECTION("VALUE that is not YAML") {
    const std::vector<std::string> problems = problems_of_text(kBase, {"review.standard_hours=[1"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("--set:1:", 0) == 0);
    CHECK(problems[0].find("error: invalid YAML: ") != std::string::npos);
  }
  SECTION("a bad value beside a bad file value: both reported, each where it was written") {
    std::string text = kBase;
    text.replace(text.find("funded_wte: 5"), 13, "funded_wte: x");
    CHECK(problems_of_text(text, {"review.standard_hours=abc"}) ==
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
        load_file(overlay, {"teams[crisis]={id: crisis-two, staffing: [{profession: rn}]}",
                            "teams[crisis-two].staffing[rn].hours_per_week=12"});
    CHECK(ids_of(model.teams) == std::vector<std::string>{"ward", "cldt", "crisis-two"});
    CHECK(line_of(model, "crisis-two", "rn").hours_per_week->value == 12.0);
  }
}
