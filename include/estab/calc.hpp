#pragma once
/// The arithmetic of a staffing review: pure functions from a Model to results.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/absence.hpp"
#include "estab/model.hpp"

namespace estab {

/// Demand hours per week of a line, by model.
struct DemandBreakdown {
  double roster = 0.0;
  double observations = 0.0;
  double caseload = 0.0;
  double activities = 0.0;
  double hours_per_week = 0.0;
  double non_caseload_fraction = 0.0;
  double non_activity_fraction = 0.0;

  /// The sum over every model: the demand `d`.
  double total() const { return roster + observations + caseload + activities + hours_per_week; }
};

/// Computes a line's demand hours per week from every model it states.
DemandBreakdown line_demand(const StaffingLine& line, const ReviewSettings& review,
                            double absence_fraction);

/// A red, amber or green rating; None where no target applies.
enum class Rag { None, Green, Amber, Red };

/// The name used in outputs: "none", "green", "amber", "red".
const char* rag_name(Rag rag);

/// One absence component with an actual: what happened against what was assumed.
struct ActualComponent {
  std::string_view component;  ///< "sickness", …, or an `additional` name (points into the model)
  double actual = 0.0;         ///< share of contracted time
  double assumed = 0.0;        ///< the assumed share (0 where no level assumes the component)
  AssumptionLevel source = AssumptionLevel::Default;  ///< where the actual was stated
  const SicknessDays* days = nullptr;  ///< the extract days the actual sickness came from, if any
};

/// Actual absence against assumed, on a line or a roll-up.
struct AbsenceActuals {
  std::vector<ActualComponent> components;       ///< fixed order, then `additional` names sorted
  std::optional<double> absence_variance;        ///< Σ actual − Σ assumed over those components
  std::optional<double> required_wte_at_actual;  ///< null without an actual or at 100% absence
  std::optional<double> headroom_gap_wte;        ///< required at actual − required
  std::optional<double> headroom_gap_cost;       ///< that × cost per WTE
  Rag actuals_rag = Rag::None;                   ///< |variance| against the actuals tolerance
};

/// Bank and agency staff and leavers of a team or a roll-up, from its summed parts.
struct WorkforceActuals {
  std::optional<double> temporary_hours;
  std::optional<double> agency_hours;
  std::optional<double> bank_cost;
  std::optional<double> agency_cost;
  std::optional<double> leavers;
  std::optional<double> leavers_wte;
  std::optional<double> retirements_wte;
  std::optional<double> mean_headcount;  ///< a team's own; null above teams
  std::optional<double> temporary_wte;   ///< temporary hours ÷ (standard hours × weeks)
  std::optional<double>
      temporary_share;  ///< of worked time: temporary ÷ (in post × (1 − a) + temporary)
  Rag temporary_rag = Rag::None;
  std::optional<double> temporary_covers_net_gap_wte;
  std::optional<double> agency_share_hours;
  std::optional<double> agency_cost_share;
  std::optional<double> temporary_premium;  ///< cost over substantive staff working the same hours
  std::optional<double> leaver_rate_headcount;
  std::optional<double> leaver_rate_wte;
  std::optional<double> retirement_rate_wte;
};

/// Every computed figure of one staffing line.
struct LineResult {
  const Team* team = nullptr;
  const StaffingLine* line = nullptr;
  const Profession* profession = nullptr;
  const Service* service = nullptr;  ///< null when the team has no service
  ResolvedAbsence absence;
  double uplift_exact = 0.0;
  double uplift_additive = 0.0;
  double uplift_applied = 0.0;
  DemandBreakdown demand;
  double demand_hours_per_week = 0.0;
  double productive_wte = 0.0;
  double fixed_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  std::optional<double> vacancy_rate;
  double net_gap_wte = 0.0;
  std::optional<double> net_gap_rate;
  Rag gap_rag = Rag::Green;
  std::optional<double> wisn_ratio;
  double additive_shortfall_wte = 0.0;
  double uplift_factor_exact = 1.0;     ///< 1 / (1 - a)
  double uplift_factor_additive = 1.0;  ///< 1 + a
  double uplift_factor_applied = 1.0;   ///< the factor of the review's uplift method
  std::optional<double> cost_per_wte;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
  std::optional<double> in_post_cost;
  std::optional<double> uplift_cost;
  std::optional<double> additive_shortfall_cost;  ///< additive shortfall WTE × cost per WTE
  double held_wte = 0.0;  ///< post holders away without headroom (career break, seconded out)
  double recruitable_vacancy_wte = 0.0;              ///< funded − in post − held
  std::optional<double> funded_budget;               ///< Σ the budget extract's cost
  std::optional<double> budget_gap;                  ///< funded budget − funded cost
  std::optional<double> in_post_roles;               ///< assignments in post (held ones excluded)
  std::optional<double> in_post_headcount;           ///< distinct persons in post
  std::optional<double> observed_headcount_per_wte;  ///< headcount ÷ the in-post rows' WTE
  AbsenceActuals actuals;
};

/// Computes one staffing line.
LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line);

/// Summed figures of a team, a service, a profession or the organisation, with its skill mix.
struct Totals {
  double productive_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  double net_gap_wte = 0.0;
  std::optional<double> vacancy_rate;  ///< vacancy ÷ funded; null when nothing is funded
  std::optional<double> net_gap_rate;  ///< net gap ÷ required; null when nothing is required
  double fixed_wte = 0.0;
  double demand_hours_per_week = 0.0;
  double vacancy_wte_gross = 0.0;       ///< Σ max(0, funded − in post) over the lines
  double over_establishment_wte = 0.0;  ///< Σ max(0, in post − funded) over the lines
  double registered_required_wte = 0.0;
  double registered_funded_wte = 0.0;
  double registered_in_post_wte = 0.0;
  std::optional<double> registered_share_required;
  std::optional<double> registered_share_funded;
  std::optional<double> registered_share_in_post;
  std::optional<double> registered_target;
  std::optional<double> skill_mix_tolerance;
  std::optional<double> registered_gap_wte;
  Rag skill_mix_rag = Rag::None;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
  std::optional<double> in_post_cost;
  std::optional<double> uplift_cost;
  double additive_shortfall_wte = 0.0;
  std::optional<double> additive_shortfall_cost;
  double held_wte = 0.0;
  double recruitable_vacancy_wte = 0.0;
  std::optional<double> in_post_roles;
  std::optional<double> funded_budget;
  std::optional<double> budget_gap;
  std::optional<double> in_post_headcount;  ///< distinct persons at this level, never a sum
  AbsenceActuals actuals;
  WorkforceActuals workforce;  ///< teams and above; empty for a profession
};

/// A team's totals and its inpatient triangulation.
struct TeamResult {
  const Team* team = nullptr;
  const Service* service = nullptr;
  Totals totals;
  std::optional<double> occupied_beds;
  std::optional<double> chppd_planned;
  std::optional<double> chppd_benchmark;
  std::optional<double> benchmark_productive_wte;
  std::optional<double> roster_productive_wte;   ///< roster + observation hours / standard hours
  std::optional<double> rostered_required_wte;   ///< the roster and observations, uplifted
  std::optional<double> benchmark_required_wte;  ///< the benchmark's productive WTE, uplifted
  std::optional<double> benchmark_factor;        ///< the factor that uplifts the benchmark
  std::optional<double> judgement_wte;
};

/// A service's totals; `service` is null for the teams that name no service.
struct ServiceResult {
  const Service* service = nullptr;
  Totals totals;
};

/// Organisation-wide totals for one profession (no skill mix: a profession is one side of it).
struct ProfessionResult {
  const Profession* profession = nullptr;
  Totals totals;
};

/// The whole review: lines, roll-ups and warnings.
struct ReviewResult {
  const Model* model = nullptr;
  std::vector<LineResult> lines;              ///< file order: teams, then their lines
  std::vector<TeamResult> teams;              ///< file order
  std::vector<ServiceResult> services;        ///< declaration order, then "(none)" if used
  std::vector<ProfessionResult> professions;  ///< declaration order
  Totals organisation;
  std::vector<std::string> warnings;
};

/// Which records of a review an output lists: staffing lines, or one roll-up level.
enum class RollupLevel { Line, Team, Service, Organisation };

/// A line's absence in hours per WTE per year: each component's, in the absence's order, and
/// their total.
struct AbsenceHours {
  std::vector<double> components;
  double total = 0.0;
};

/// The hours per WTE per year of each component of `absence` (fraction × contracted hours).
AbsenceHours absence_hours(const ResolvedAbsence& absence, const ReviewSettings& review);

/// The absence of a line that states nothing itself: the organisation's assumptions over the
/// defaults. Each component's `stated` points into `model`.
ResolvedAbsence organisation_default_absence(const Model& model);

/// One distinct set of absence assumptions (every resolved component, its fraction and source,
/// and headcount per WTE), the lines that use it, and their sums (unrounded).
struct AssumptionGroup {
  const LineResult* first = nullptr;  ///< the first line using the set; its absence stands for all
  std::vector<const LineResult*> lines;
  double productive_wte = 0.0;
  double additive_shortfall_wte = 0.0;
  std::optional<double> additive_shortfall_cost;  ///< over the lines with a cost
  std::optional<double> uplift_cost;              ///< the applied uplift, over lines with a cost
  std::optional<double> exact_uplift_cost;        ///< productive × exact uplift × cost
  std::optional<double> additive_uplift_cost;     ///< productive × additive uplift × cost
  AbsenceHours hours;                ///< the set's components in hours per WTE per year
  double exact_uplift_wte = 0.0;     ///< productive × exact uplift
  double additive_uplift_wte = 0.0;  ///< productive × additive uplift
  double uplift_shortfall = 0.0;     ///< exact uplift − additive uplift
};

/// The lines of a review grouped by distinct set of assumptions, in order of first appearance.
std::vector<AssumptionGroup> group_assumptions(const ReviewResult& review);

/// One absence component of the organisation as a whole: its share of contracted time.
struct ComponentShare {
  std::string component;  ///< "annual_leave", …, or an `additional` name
  double fraction = 0.0;
};

/// The organisation's absence as a whole, each line weighted by its productive WTE (every
/// line alike when no line has any): the components, their total and the uplifts that follow.
struct OrganisationAbsence {
  std::vector<ComponentShare> components;  ///< in order of first use over the lines
  double total = 0.0;                      ///< Σ the components: the additive uplift a
  double uplift_exact = 0.0;               ///< the lines' exact uplifts a / (1 − a), weighted
  double uplift_additive = 0.0;            ///< the lines' additive uplifts a, weighted
  double uplift_applied = 0.0;             ///< the uplift funded: per `uplift_method`, weighted
};

/// The organisation's absence by component and the uplift it funds, over every line of
/// `review`; every figure is 0 for a review without lines.
OrganisationAbsence organisation_absence(const ReviewResult& review);

/// One cost centre × profession × band of the extracts, with the team and profession it is.
struct CostCentreRecord {
  const CostCentreFigures* figures = nullptr;
  const Team* team = nullptr;
  const Profession* profession = nullptr;
};

/// The cost centre view of a model's extracts, by cost centre, profession and band.
std::vector<CostCentreRecord> cost_centre_records(const Model& model);

/// Computes the review of a validated model, with an optional scaling (sensitivity analysis).
/// The model must outlive the result. Throws UsageError for a scaling that names no assumption
/// of the model or has a negative or non-finite factor, and InputError (one diagnostic per line)
/// when the scaling takes a line's absence, or a share of its available time, to 100% or more.
ReviewResult compute_review(const Model& model, const Scaling& scaling = {});

/// Where stream_review hands out each line and each team as it is computed.
struct ReviewSink {
  std::function<void(const LineResult&)> line;  ///< each line, in file order
  std::function<void(const TeamResult&)> team;  ///< each team, after its lines
};

/// The roll-ups above teams that stream_review returns.
struct StreamedReview {
  std::vector<ServiceResult> services;  ///< as ReviewResult::services
  Totals organisation;
};

/// The figures of compute_review (no scaling), handed to `sink` a team at a time and never all
/// held at once: for a consumer that keeps only part of each record, such as a comparison.
StreamedReview stream_review(const Model& model, const ReviewSink& sink);

/// The organisation's totals exactly as compute_review gives them, without keeping each line's
/// result: what a sensitivity analysis needs from each scaled review. Throws as compute_review.
Totals compute_organisation_totals(const Model& model, const Scaling& scaling = {});

/// Computes one staffing line with `scaling` applied (a Demand target multiplies every demand
/// model's hours per week; fixed_wte is never scaled). Throws as compute_review does.
LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line,
                        const Scaling& scaling);

}  // namespace estab
