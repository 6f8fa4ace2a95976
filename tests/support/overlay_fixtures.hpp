#pragma once
/// Fixtures of the scenario tests (test_overlay_*.cpp): a base file that states something at
/// every level, the smallest valid file, loads with `--set` overrides, and the parts of a
/// loaded model that a test requires.

#include <string>
#include <vector>

#include "estab/model.hpp"

namespace estab::testing {

/// A base file that states something at every level; the tests refer to its line numbers.
inline constexpr const char* kBase = R"(estab: 1
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
inline constexpr const char* kMinimal = R"(estab: 1
professions:
  - {id: rn, registered: true}
teams:
  - id: ward
    staffing:
      - profession: rn
        hours_per_week: 30
)";

/// `FILE:LINE:COLUMN: error: PATH: MESSAGE`, the printed form of a diagnostic.
std::string located(const std::string& file, int line, int column, const std::string& rest);

/// Loads a file with `--set` overrides.
Model load_file(const std::string& path, const std::vector<std::string>& overrides = {});

/// Loads a text (named in.yaml) with `--set` overrides.
Model load_with_sets(const std::string& text, const std::vector<std::string>& overrides);

/// A fixed component of an assumption set, which the test requires to be stated.
const Allowance& stated(const AssumptionSet& set, Component component);

/// The named `additional` component of an assumption set, which the test requires.
const Allowance& additional(const AssumptionSet& set, const std::string& name);

/// The team with this id, which the test requires.
const Team& team_named(const Model& model, const std::string& id);

/// The staffing line of a profession in a team, which the test requires.
const StaffingLine& line_of(const Model& model, const std::string& team_id,
                            const std::string& profession_id);

/// The ids of a list of professions, services or teams, in order.
template <typename Entries>
std::vector<std::string> ids_of(const Entries& entries) {
  std::vector<std::string> ids;
  for (const auto& entry : entries) ids.push_back(entry.id);
  return ids;
}

/// The profession ids of a team's lines, in order.
std::vector<std::string> line_professions(const Model& model, const Team& team);

}  // namespace estab::testing
