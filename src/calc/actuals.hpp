#pragma once
// Actuals against assumptions: a line's actual absence against its assumed absence, and the
// roll-up of actual absence, bank and agency staff and leavers from their summed parts.

#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "estab/calc.hpp"

namespace estab::calc {

/// The required WTE of a line were its absence fraction the one given; null where its demand
/// cannot be worked out at that absence (its non-caseload time would take all available time).
using RequiredAtAbsence = std::function<std::optional<double>(double absence_fraction)>;

/// Fills `result.actuals` from the actual absence the line and its team state (the line's
/// first, per component); nothing without one. `result` must list every absence component.
void compute_line_actuals(const Model& model, const Team& team, const StaffingLine& line,
                          LineResult& result, const RequiredAtAbsence& required_at);

/// The actual of a fixed component on a line: its own statement, else (for sickness) its
/// extract days, else its team's statement, else (for sickness) its team's extract days;
/// nullopt without one. `assumed` is the line's assumed fraction of the component.
std::optional<ActualComponent> line_actual(const Model& model, const Team& team,
                                           const StaffingLine& line, Component component,
                                           double headcount_per_wte, double assumed);

/// True when some line or team of `model` has an actual sickness, stated or from extracts.
bool has_actual_sickness(const Model& model);

/// Sums the parts of actual absence (over lines) and of bank and agency staff and leavers (over
/// lines and teams' own statements) for one roll-up, and works out its rates.
class ActualsRollup {
 public:
  /// Adds a line: its actual absence, weights and figures, and the quantities it states.
  void add_line(const LineResult& line);
  /// Adds the quantities a team states for itself; `own_level` adds its mean headcount too.
  void add_team(const Team& team, bool own_level);
  /// Uses the mean headcount (when known) and WTE of start and end snapshots for the leaver
  /// rates; call after add_team.
  void set_snapshot_means(std::optional<double> mean_headcount, std::optional<double> mean_wte);
  /// Sets `totals.actuals` and, unless `absence_only` (a profession), `totals.workforce`.
  void finish(Totals& totals, const ReviewSettings& review, bool absence_only) const;

 private:
  /// Adds the bank and agency and leaver quantities of one `actuals:` statement.
  void add_quantities(const Actuals& stated);

  /// Per component: Σ weight × actual and Σ weight × assumed, for three weights in turn.
  struct ComponentSums {
    std::string_view name;
    double in_post = 0.0, in_post_actual = 0.0, in_post_assumed = 0.0;
    double required = 0.0, required_actual = 0.0, required_assumed = 0.0;
    double lines = 0.0, plain_actual = 0.0, plain_assumed = 0.0;
    bool all_from_days = true;  ///< every line's actual came from extract days
    /// Per set of extract days (a line's, or a team's shared by its lines), in the order met:
    /// the days, Σ assumed and the count of lines sharing them.
    struct DaySet {
      const SicknessDays* days = nullptr;
      double assumed = 0.0;
      double lines = 0.0;
    };
    std::vector<DaySet> day_sets;
    std::unordered_map<const SicknessDays*, std::size_t> day_set_of;
  };
  std::map<std::pair<std::size_t, std::string_view>, ComponentSums> components_;
  bool any_actual_ = false;
  bool at_actual_known_ = true;
  double required_wte_at_actual_ = 0.0;
  std::optional<double> headroom_gap_cost_;
  double required_wte_ = 0.0;
  double weighted_absence_ = 0.0;  ///< Σ required × a
  double absence_sum_ = 0.0;       ///< Σ a
  double line_count_ = 0.0;
  double costed_required_wte_ = 0.0;
  double costed_required_cost_ = 0.0;
  bool any_costed_line_ = false;
  WorkforceActuals quantities_;
  std::optional<double> mean_wte_;  ///< from snapshots; else the in-post WTE
};

}  // namespace estab::calc
