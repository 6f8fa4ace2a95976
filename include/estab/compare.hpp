#pragma once
/// Scenario comparison (`estab compare BASE SCENARIO`, SPEC §6): every numeric field of the
/// review contract, per line, team, service and the organisation, on both sides with its delta.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/report.hpp"

namespace estab {

/// Two figures closer than this (absolute) count as the same when a record's status is decided.
inline constexpr double kCompareTolerance = 1e-9;

/// Whether a compared record exists on both sides, and whether any of its figures moved.
enum class CompareStatus { Same, Changed, Added, Removed };

/// The name used in outputs: "same", "changed", "added" or "removed".
const char* compare_status_name(CompareStatus status);

/// One numeric field of the review contract on both sides.
struct FieldChange {
  std::string field;               ///< the contract's name, e.g. "required_wte"
  std::optional<double> base;      ///< null when the base lacks the record or the value is null
  std::optional<double> scenario;  ///< null when the scenario lacks the record or the value
  std::optional<double> delta;     ///< scenario − base; null when either side is null
};

/// One compared record: a staffing line, a team, a service or the organisation.
struct ComparedRecord {
  std::string team;                    ///< the team id (lines and teams)
  std::string profession;              ///< the profession id (lines)
  std::optional<std::string> service;  ///< the service id (services); null for "(none)"
  CompareStatus status = CompareStatus::Same;
  std::vector<FieldChange> fields;  ///< compared_fields(level), in that order

  /// The change of one field; throws std::out_of_range when the level has no such field.
  const FieldChange& field(std::string_view name) const;
};

/// A whole comparison: records in base order, records only in the scenario appended after.
struct Comparison {
  std::string base_file;                 ///< the base input file, as named on the command line
  std::string scenario_file;             ///< the scenario input file, as named on the command line
  std::vector<ComparedRecord> lines;     ///< matched by (team, profession)
  std::vector<ComparedRecord> teams;     ///< matched by team id
  std::vector<ComparedRecord> services;  ///< matched by service id (null: teams without one)
  ComparedRecord organisation;           ///< always on both sides: same or changed
};

/// The numeric fields of the review contract compared at one level, in contract order.
const std::vector<std::string>& compared_fields(RollupLevel level);

/// Compares two reviews through their `estab-review/1` documents, so that every compared
/// figure is exactly the one `review --format json` writes for that side.
Comparison compare_reviews(const ReviewResult& base, const ReviewResult& scenario,
                           const std::string& base_file, const std::string& scenario_file);

/// The comparison as the `estab-compare/1` JSON document.
nlohmann::ordered_json comparison_to_json(const Comparison& comparison);

/// Writes the comparison as a table (changed records unless `show_all`, then the organisation),
/// as CSV (one row per record of `options.level`) or as the `estab-compare/1` JSON.
void render_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format,
                       const RenderOptions& options, bool show_all);

}  // namespace estab
