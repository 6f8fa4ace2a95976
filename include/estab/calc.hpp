#pragma once
/// The arithmetic of a staffing review: pure functions from a Model to results.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "estab/model.hpp"

namespace estab {

/// The level of the input that supplied an assumption.
enum class AssumptionLevel { Line, Team, Profession, Organisation, Default };

/// The name used in outputs for a level: "line", "team", "profession", "organisation", "default".
const char* level_name(AssumptionLevel level);

/// One resolved absence component of a staffing line.
struct AbsenceComponent {
  std::string component;           ///< "annual_leave", …, or an `additional` name
  double fraction = 0.0;           ///< share of contracted time
  AssumptionLevel source = AssumptionLevel::Default;
  const Allowance* stated = nullptr;  ///< the allowance as written; null for a default
};

/// Every absence component of a line after the per-component merge, and their sum.
struct ResolvedAbsence {
  std::vector<AbsenceComponent> components;  ///< the eight fixed ones, then additional by name
  double total = 0.0;                        ///< the absence fraction `a`
  double headcount_per_wte = 1.0;
  AssumptionLevel headcount_source = AssumptionLevel::Default;
};

/// Resolves a line's absence: line > team > profession > organisation > default, per component.
ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line);

/// Turns an allowance into a fraction of contracted time (`headcount_per_wte` for hours_per_head).
double allowance_fraction(const Allowance& allowance, const ReviewSettings& review,
                          double headcount_per_wte);

/// Turns a non-caseload or non-activity allowance into a share of available time, where
/// `absence_fraction` is the line's `a`.
double available_time_fraction(const Allowance& allowance, const ReviewSettings& review,
                               double absence_fraction);

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
  std::optional<double> cost_per_wte;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
  std::optional<double> in_post_cost;
  std::optional<double> uplift_cost;
};

/// Computes one staffing line.
LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line);

/// Summed figures of a team, a service or the organisation, with its skill mix.
struct Totals {
  double productive_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  double net_gap_wte = 0.0;
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
  std::optional<double> roster_productive_wte;  ///< roster + observation hours / standard hours
  std::optional<double> judgement_wte;
};

/// A service's totals; `service` is null for the teams that name no service.
struct ServiceResult {
  const Service* service = nullptr;
  Totals totals;
};

/// Organisation-wide totals for one profession.
struct ProfessionResult {
  const Profession* profession = nullptr;
  double productive_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  double net_gap_wte = 0.0;
  std::optional<double> vacancy_rate;
  std::optional<double> net_gap_rate;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
};

/// The whole review: lines, roll-ups and warnings.
struct ReviewResult {
  const Model* model = nullptr;
  std::vector<LineResult> lines;          ///< file order: teams, then their lines
  std::vector<TeamResult> teams;          ///< file order
  std::vector<ServiceResult> services;    ///< declaration order, then "(none)" if used
  std::vector<ProfessionResult> professions;  ///< declaration order
  Totals organisation;
  std::vector<std::string> warnings;
};

/// A what-if change applied while computing: one assumption scaled by a factor on every line.
struct Scaling {
  /// What is scaled.
  enum class Target { None, Component, HeadcountPerWte, Demand };
  Target target = Target::None;
  std::string component;  ///< for Component: "sickness", …, or an `additional` name
  double factor = 1.0;    ///< e.g. 0.9 or 1.1
};

/// Computes the review of a validated model, with an optional scaling (sensitivity analysis).
/// The model must outlive the result. Throws UsageError for a scaling that names no assumption
/// of the model or has a negative or non-finite factor, and InputError (one diagnostic per line)
/// when the scaling takes a line's absence, or a share of its available time, to 100% or more.
ReviewResult compute_review(const Model& model, const Scaling& scaling = {});

/// The organisation's totals exactly as compute_review gives them, without keeping each line's
/// result: what a sensitivity analysis needs from each scaled review. Throws as compute_review.
Totals compute_organisation_totals(const Model& model, const Scaling& scaling = {});

/// Resolves a line's absence with `scaling` applied: a Component target multiplies that
/// component's fraction (its source is kept); HeadcountPerWte multiplies the resolved
/// headcount before any hours_per_head component is converted. Other targets change nothing.
ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line,
                                const Scaling& scaling);

/// Computes one staffing line with `scaling` applied (a Demand target multiplies every demand
/// model's hours per week; fixed_wte is never scaled). Throws as compute_review does.
LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line,
                        const Scaling& scaling);

}  // namespace estab
