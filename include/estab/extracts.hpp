#pragma once
/// What the staff-in-post and budget extracts gave a review: the reconciliation of every row,
/// and the figures each staffing line and roll-up takes from the rows.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace estab {

/// What an extract fills in.
enum class ExtractKind {
  InPost,     ///< an ESR staff-in-post (assignment) report: in_post_wte, held_wte, headcount
  Funded,     ///< a finance budget report: funded_wte and funded_budget
  Sickness,   ///< an ESR absence report: FTE days lost and available
  Temporary,  ///< bank and agency shifts worked: hours and cost
  Leavers     ///< one row per leaver in the period: WTE and reason
};

/// The name used in inputs and outputs: "in_post", "funded", "sickness", "temporary", "leavers".
const char* extract_kind_name(ExtractKind kind);

/// Why rows of an extract found no staffing line.
enum class UnmappedReason {
  CostCentre,  ///< no team lists the row's cost centre
  Profession   ///< no `map` rule matched the row
};

/// The name used in outputs: "cost_centre" or "profession".
const char* unmapped_reason_name(UnmappedReason reason);

/// The rows of one cost centre (and one value of the `where` columns) that found no line.
struct UnmappedRows {
  UnmappedReason reason = UnmappedReason::CostCentre;
  std::string cost_centre;
  std::optional<std::string> value;  ///< the `where` cells of the first such row, " / "-joined
  std::size_t rows = 0;
  std::optional<double> wte;  ///< null when the source reads no WTE column
};

/// Where every row of one extract went; the WTE parts add up to `wte_total`.
struct ExtractReconciliation {
  ExtractKind kind = ExtractKind::InPost;
  std::string file;        ///< as written in the input
  std::string wte_column;  ///< the header of the WTE column, for citing rows
  std::uint32_t file_index = 0;
  std::size_t rows = 0;  ///< data rows (the header and blank lines are not rows)
  std::optional<double> wte_total;
  std::optional<double> wte_used;
  std::optional<double> wte_ended;
  std::optional<double> wte_excluded;
  std::optional<double> wte_held;
  std::optional<double> wte_vacancy_factor;
  std::vector<UnmappedRows> unmapped;  ///< in the order first met
  /// Rows per part, in the order of the WTE parts: used, ended, excluded, held, vacancy factor.
  std::size_t rows_used = 0, rows_ended = 0, rows_excluded = 0, rows_held = 0,
              rows_vacancy_factor = 0;
};

/// One row of an extract that a figure was summed from: the extract, and the row's line.
struct RowCitation {
  std::uint32_t extract = 0;  ///< index into ExtractSummary::reconciliation
  std::uint32_t line = 0;
};

/// Sickness as FTE days lost over FTE days available, summed from rows of a sickness extract.
struct SicknessDays {
  double lost = 0.0;
  double available = 0.0;
};

/// What the extracts gave one staffing line.
struct LineExtract {
  std::optional<SicknessDays> sickness_days;  ///< from rows of a sickness extract
  double held_wte = 0.0;                      ///< post holders on a career break or seconded out
  double in_post_rows_wte = 0.0;              ///< Σ WTE of the in-post rows (without adjustments)
  double in_post_adjustments = 0.0;           ///< Σ of the team's `adjustments` for the profession
  double funded_rows_wte = 0.0;               ///< Σ WTE of the funded rows
  std::optional<double> funded_budget;
  std::optional<std::size_t> in_post_roles;      ///< in-post rows, held rows excluded
  std::optional<std::size_t> in_post_headcount;  ///< distinct persons
  bool in_post_from_extract = false;  ///< in_post_wte was summed from rows and adjustments
  bool funded_from_extract = false;   ///< funded_wte was summed from rows
  bool added = false;                 ///< the line exists only because rows or adjustments name it
};

/// The rows one staffing line's in-post or funded WTE was summed from.
struct LineCitations {
  std::size_t team_index = 0;
  std::size_t line_index = 0;  ///< index into the team's lines
  ExtractKind kind = ExtractKind::InPost;
  std::vector<RowCitation> rows;  ///< in file order, extract by extract
};

/// One cost centre × profession × band cell: funded against in post against held.
struct CostCentreFigures {
  std::string cost_centre;
  std::size_t team_index = 0;
  std::size_t profession_index = 0;
  std::optional<std::string> band;  ///< the row's band cell, when the source reads one
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double held_wte = 0.0;
};

/// Distinct persons in post at each roll-up level; null where no extract names persons.
struct ExtractHeadcounts {
  std::vector<std::optional<std::size_t>> teams;        ///< by team index
  std::vector<std::optional<std::size_t>> services;     ///< by service index, then "(none)"
  std::vector<std::optional<std::size_t>> professions;  ///< by profession index
  std::optional<std::size_t> organisation;
};

/// Persons and WTE in post at the start and end of the actuals period, averaged per level;
/// present only when a start and an end snapshot both name persons.
struct SnapshotMeans {
  std::vector<std::optional<double>> team_headcount;     ///< by team index
  std::vector<std::optional<double>> service_headcount;  ///< by service index, then "(none)"
  std::optional<double> organisation_headcount;
  std::vector<double> team_wte;     ///< by team index; empty without both snapshots
  std::vector<double> service_wte;  ///< by service index, then "(none)"
  double organisation_wte = 0.0;
  bool present = false;  ///< a start and an end snapshot, both naming persons, were read
};

/// Everything the extracts of a review gave it.
struct ExtractSummary {
  SnapshotMeans snapshot_means;
  bool has_in_post = false;      ///< an in-post extract (other than a start snapshot) was read
  bool has_funded_cost = false;  ///< a funded extract with a cost column was read
  std::vector<ExtractReconciliation> reconciliation;  ///< in the order the sources are listed
  std::vector<CostCentreFigures> cost_centres;        ///< in the order first met
  ExtractHeadcounts headcounts;
  std::vector<LineCitations> citations;  ///< kept only when a load asks for them
};

}  // namespace estab
