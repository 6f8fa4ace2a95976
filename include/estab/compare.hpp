#pragma once
/// Scenario comparison (`estab compare BASE SCENARIO`): every numeric field of the review
/// contract, per line, team, service and the organisation, on both sides with its delta. Records
/// are matched by identity and read through the field tables, so every compared figure is the
/// one the review itself reports.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"
#include "estab/fields.hpp"

namespace estab {

/// Two figures closer than this (absolute) count as the same when a record's status is decided.
inline constexpr double kCompareTolerance = 1e-9;

/// Whether a compared record exists on both sides, and whether any of its figures moved.
enum class CompareStatus { Same, Changed, Added, Removed };

/// The name used in outputs: "same", "changed", "added" or "removed".
const char* compare_status_name(CompareStatus status);

/// One numeric field of the review contract on both sides.
struct FieldChange {
  std::string_view field;           ///< the contract's name, e.g. "required_wte"
  FieldUnit unit = FieldUnit::Wte;  ///< what the figure measures
  std::optional<double> base;       ///< null when the base lacks the record or the value is null
  std::optional<double> scenario;   ///< null when the scenario lacks the record or the value
  std::optional<double> delta;      ///< scenario − base; null when either side is null
};

/// Most text fields a record carries besides its keys (a line: its team's name, its service's
/// id and name, its profession's name).
inline constexpr std::size_t kMaxCompareLabels = 4;

/// A record's text fields besides its keys, in compared_labels order: indexes into a list of
/// texts, kNoCompareLabel for null.
using CompareLabels = std::array<std::uint32_t, kMaxCompareLabels>;

/// A label index that stands for null.
inline constexpr std::uint32_t kNoCompareLabel = 0xFFFFFFFFu;

/// Labels that are all null.
inline constexpr CompareLabels kNoCompareLabels = {kNoCompareLabel, kNoCompareLabel,
                                                   kNoCompareLabel, kNoCompareLabel};

/// One record of a review reduced to what a comparison needs: its identity and its compared
/// figures, in compared_fields order (NaN stands for null; every real figure is finite).
struct ComparableRecord {
  std::string team;                         ///< the team id (lines and teams)
  std::string profession;                   ///< the profession id (lines)
  std::optional<std::string> service;       ///< the service id (services); null for "(none)"
  CompareLabels labels = kNoCompareLabels;  ///< into ComparableReview::label_texts
  std::vector<double> figures;              ///< one per compared field
};

/// A review reduced to its comparable records, so that the review itself can be freed before
/// the other side is computed.
struct ComparableReview {
  std::vector<ComparableRecord> lines;
  std::vector<ComparableRecord> teams;
  std::vector<ComparableRecord> services;
  ComparableRecord organisation;
  std::vector<std::string> label_texts;  ///< each distinct label once (names repeat)
};

/// Reduces a review to its comparable records.
ComparableReview comparable_review(const ReviewResult& review);

/// The comparable records of a model's review, computed a team at a time so that the whole
/// review is never held: the same records as comparable_review(compute_review(model)).
ComparableReview comparable_review(const Model& model);

/// One compared record: a staffing line, a team, a service or the organisation.
struct ComparedRecord {
  RollupLevel level = RollupLevel::Line;
  std::string team;                    ///< the team id (lines and teams)
  std::string profession;              ///< the profession id (lines)
  std::optional<std::string> service;  ///< the service id (services); null for "(none)"
  CompareStatus status = CompareStatus::Same;
  CompareLabels labels =
      kNoCompareLabels;  ///< the scenario's if it has the record, else the base's
  std::shared_ptr<const std::vector<std::string>> label_texts;  ///< what `labels` index
  std::vector<double> base_figures;      ///< empty when the base lacks the record
  std::vector<double> scenario_figures;  ///< empty when the scenario lacks the record

  /// Every compared field of the level, in compared_fields order.
  std::vector<FieldChange> fields() const;

  /// The change of one field; throws std::out_of_range when the level has no such field.
  FieldChange field(std::string_view name) const;

  /// The value of one of the level's text fields (compared_identity): a team or profession
  /// id, a service id, a name, or null (the service of the teams that name none).
  FieldValue identity(std::string_view name) const;

 private:
  /// The change of the compared field at `index` of compared_fields(level).
  FieldChange change_at(std::size_t index) const;
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
const std::vector<std::string_view>& compared_fields(RollupLevel level);

/// The key fields that identify a record at one level, in table order: team and profession,
/// team, service, or none for the organisation.
const std::vector<std::string_view>& compared_keys(RollupLevel level);

/// The text fields of a record at one level, in table order: its keys, and the ids and names
/// that describe it (a line's team name, service and service name, profession name).
const std::vector<std::string_view>& compared_identity(RollupLevel level);

/// The unit of each compared field at one level, in compared_fields order.
const std::vector<FieldUnit>& compared_units(RollupLevel level);

/// Compares two reviews reduced by comparable_review.
Comparison compare_reviews(ComparableReview base, ComparableReview scenario,
                           const std::string& base_file, const std::string& scenario_file);

/// Compares two computed reviews.
Comparison compare_reviews(const ReviewResult& base, const ReviewResult& scenario,
                           const std::string& base_file, const std::string& scenario_file);

}  // namespace estab
