#pragma once
// Readers for each section of an input file; each records problems and returns what it could read.

#include <string_view>
#include <unordered_map>
#include <vector>

#include "estab/model.hpp"
#include "load/reader.hpp"

namespace estab {

/// Where an allowance is used, which decides the forms it may take.
enum class AllowanceUse {
  Absence,       ///< "x%", days, hours, hours_per_head
  AnnualLeave,   ///< as Absence, plus by_service
  AvailableTime  ///< non_caseload_time / non_activity_time: "x%", days, hours, minutes_per_day
};

/// Reads a time allowance in any of the forms allowed for its use.
std::optional<Allowance> read_allowance(NodeReader& reader, Document::NodeId node,
                                        const InputPath& path, AllowanceUse use);

/// Reads an `assumptions:` block.
AssumptionSet read_assumptions(NodeReader& reader, Document::NodeId node, const InputPath& path);

/// Reads a team's or a line's `actuals:` block; only a team's (`team_level`) may state a mean
/// headcount.
Actuals read_actuals(NodeReader& reader, Document::NodeId node, const InputPath& path,
                     bool team_level);

/// Checks each team's summed bank and agency and leaver figures: agency hours within the
/// temporary hours, retirements within the leavers' WTE.
void check_team_actuals(const Model& model, NodeReader& reader);

/// Records an error for each actual of a component that no level assumes and that is not one
/// of the eight standard ones, with the closest name.
void check_actual_components(const Model& model, NodeReader& reader);

/// Warns of a team that states actuals but has no staff in post, so its rates mean nothing.
void warn_about_actuals(const Model& model, NodeReader& warner);

/// Reads `review.actuals_period`, `temporary_threshold` and `actuals_tolerance`.
void read_actuals_settings(NodeReader& reader, Document::NodeId review, const InputPath& path,
                           ReviewSettings& settings);

/// Reads a `skill_mix:` block.
SkillMixTarget read_skill_mix(NodeReader& reader, Document::NodeId node, const InputPath& path);

/// The ids declared in the professions and services lists, for checking references.
struct DeclaredIds {
  std::unordered_map<std::string, std::size_t> professions;
  std::unordered_map<std::string, std::size_t> services;
  std::vector<std::string_view> profession_ids;
  std::vector<std::string_view> service_ids;
  /// The professions list is missing or misspelt (`Professions:`), or the services list is
  /// misspelt: one problem says so, and references to the list are not each reported.
  bool professions_unread = false;
  bool services_unread = false;
};

/// Reads one entry of `teams:`; `index` is its position in the list.
Team read_team(NodeReader& reader, Document::NodeId node, const InputPath& teams_path,
               std::size_t index, const DeclaredIds& declared);

}  // namespace estab
