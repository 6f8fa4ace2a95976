// `estab init DIR`: a commented starter file that validates as written.
#include <fmt/format.h>

#include <filesystem>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "estab/diagnostic.hpp"

namespace estab::cli {

const char* starter_file_text() {
  return R"(# estab input file: one organisation's annual establishment review.
# Validate it with `estab validate estab.yaml`; print the review with `estab review estab.yaml`.
# Every percentage needs its % sign. Full reference: docs/INPUT.md and docs/METHOD.md.
estab: 1

review:
  organisation: Example NHS Trust
  title: Annual establishment review
  period: 2026/27
  standard_hours: 37.5          # full-time contracted hours per week
  uplift_method: exact          # exact (a / (1 - a)) or additive (the percentages summed)
  gap_tolerance: 5%             # net gaps within 5% are green, within 10% amber, else red

# Organisation-wide absence assumptions. Any level below can override one component.
assumptions:
  annual_leave: {days: 27}      # Agenda for Change on appointment, bank holidays separate
  bank_holidays: {days: 8}
  sickness: 4.5%
  parenting: 1%                 # maternity, paternity, adoption, shared parental leave
  other_leave: 0.5%             # compassionate, carers', special leave
  study_leave: 1%
  training: {hours_per_head: 22.5}    # statutory and mandatory training, per person
  supervision: {hours_per_head: 18}   # clinical supervision, per person
  headcount_per_wte: 1.15       # people per WTE: part-time staff raise per-person allowances

professions:
  - id: rn
    name: Registered nurse
    registered: true
    cost_per_wte: 52000         # £ per WTE per year including on-costs
  - id: hca
    name: Healthcare assistant
    registered: false
    cost_per_wte: 33000

skill_mix:
  registered_target: 60%        # share of WTE that should be registered staff
  tolerance: 5%

services:
  - id: inpatient
    name: Inpatient services

teams:
  - id: ward-a
    name: Ward A
    service: inpatient
    staffing:
      - profession: rn
        roster:                 # staff on duty per shift
          - {shift: early, staff: 2, paid_hours: 7.5}
          - {shift: late, staff: 2, paid_hours: 7.5}
          - {shift: night, staff: 1, paid_hours: 10}
        fixed_wte: 1.0          # ward manager, added without uplift
        funded_wte: 10.5        # budgeted establishment
        in_post_wte: 9.8        # contracted staff in post
      - profession: hca
        roster:
          - {shift: early, staff: 2, paid_hours: 7.5}
          - {shift: late, staff: 1, paid_hours: 7.5}
          - {shift: night, staff: 1, paid_hours: 10}
        funded_wte: 8.0
        in_post_wte: 7.6
)";
}

ExitCode run_init(const std::string& directory, bool force, Console& console) {
  namespace fs = std::filesystem;
  std::error_code create_error;
  fs::create_directories(directory, create_error);
  if (create_error) {
    throw FileError(directory, fmt::format("cannot create directory '{}': {}", directory,
                                           create_error.message()));
  }
  const std::string path = (fs::path(directory) / "estab.yaml").string();
  std::error_code exists_error;
  if (!force && fs::exists(path, exists_error)) {
    throw FileError(path, fmt::format("'{}' already exists; use --force to replace it", path));
  }
  write_file_atomically(path, starter_file_text());
  console.out << fmt::format("wrote {}\nnext: estab validate {} && estab review {}\n", path, path,
                             path);
  return ExitCode::Success;
}

}  // namespace estab::cli
