#pragma once
// Reading the extracts that `sources:` names, and filling staff in post and budgets from them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "estab/model.hpp"
#include "load/csv_stream.hpp"
#include "load/source_spec.hpp"

namespace estab {

/// Reads every extract of `sources`, then fills each staffing line's in-post and funded
/// figures (adding lines that only the extracts name) and `model.extracts`. Cell problems go to
/// `problems`, unmapped rows and values the YAML overrides to `warnings`. Throws FileError,
/// located at the source's `file:`, when an extract cannot be read.
void read_extracts(const std::vector<SourceSpec>& sources, Model& model, bool cite_rows,
                   DiagnosticList& problems, DiagnosticList& warnings);

/// The sums of the actuals extracts' rows that reached one line, or one team's own level.
struct ActualRows {
  bool has_sickness = false;
  double days_lost = 0.0;
  double days_available = 0.0;
  SourceLocation first_sickness_row;  ///< where a sickness of 100% or more is reported
  bool has_temporary = false;
  double temporary_hours = 0.0;
  double agency_hours = 0.0;
  double bank_cost = 0.0;
  double agency_cost = 0.0;
  bool has_leavers = false;
  double leavers = 0.0;
  double leavers_wte = 0.0;
  double retirements_wte = 0.0;
};

/// The sums of one (team, profession) over every extract.
struct LineRows {
  std::size_t team_index = 0;
  std::size_t profession_index = 0;
  double in_post_wte = 0.0;
  double held_wte = 0.0;
  double funded_wte = 0.0;
  double funded_cost = 0.0;
  std::size_t in_post_roles = 0;
  bool has_in_post_rows = false;
  bool has_funded_rows = false;
  SourceLocation first_row;         ///< the first mapped row of any kind
  SourceLocation first_funded_row;  ///< where a negative funded total is reported
  std::vector<RowCitation> in_post_citations;
  std::vector<RowCitation> funded_citations;
  ActualRows actuals;
};

/// A person in post, for counting distinct persons at every level.
struct PersonRow {
  std::uint64_t person_hash = 0;
  std::uint32_t team_index = 0;
  std::uint32_t profession_index = 0;
};

/// What reading the extracts gathered, before it is applied to the model.
struct ExtractTotals {
  std::vector<LineRows> lines;                             ///< in the order first met
  std::unordered_map<std::uint64_t, std::size_t> line_of;  ///< (team, profession) → lines index
  std::vector<PersonRow> persons;
  bool any_person_column = false;
  bool any_in_post = false;  ///< an in-post source other than a start snapshot
  bool any_funded = false;
  bool any_funded_cost = false;
  bool any_sickness = false;
  bool any_temporary = false;
  bool any_temporary_cost = false;
  bool any_agency = false;  ///< a temporary source tells agency rows from bank ones
  bool any_leavers = false;
  bool any_retirement = false;           ///< a leavers source names retirement reasons
  std::vector<ActualRows> team_actuals;  ///< by team index: rows of sources without a map
  /// Start and end snapshots of the staff in post, for the means that leaver rates divide by.
  std::vector<PersonRow> start_persons;
  std::vector<PersonRow> end_persons;
  std::vector<double> start_team_wte;  ///< by team index
  std::vector<double> end_team_wte;
  bool start_snapshot_persons = false;  ///< a start snapshot names persons
  bool end_snapshot_persons = false;
  bool any_start = false;
  bool any_end = false;
  std::unordered_map<std::string, std::size_t> cost_centre_cell_of;  ///< cc, profession, band
};

/// Reads one extract into `totals` and returns its reconciliation.
ExtractReconciliation read_extract(const SourceSpec& source, std::uint32_t source_index,
                                   const Model& model,
                                   const std::unordered_map<std::string, std::size_t>& team_of,
                                   bool cite_rows, ExtractTotals& totals,
                                   std::vector<CostCentreFigures>& cost_centres,
                                   DiagnosticList& problems, DiagnosticList& warnings);

/// The key of a (team, profession) in ExtractTotals::line_of.
inline std::uint64_t line_key(std::size_t team_index, std::size_t profession_index) {
  return (static_cast<std::uint64_t>(team_index) << 32) | profession_index;
}

}  // namespace estab
