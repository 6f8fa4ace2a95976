#pragma once
/// The validated input model: an organisation's review settings, assumptions, professions,
/// services and teams, with the source location of every value.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/extracts.hpp"

namespace estab {

/// A value together with the place in the input where it was written.
template <typename Value>
struct Located {
  Value value{};
  SourceLocation where;
};

/// How an allowance (a share of time) was written.
enum class AllowanceUnit {
  Percent,        ///< "x%": a fraction of contracted (or available) time
  Days,           ///< {days: n}: days per WTE per year
  Hours,          ///< {hours: n}: hours per WTE per year
  HoursPerHead,   ///< {hours_per_head: n}: hours per person per year
  MinutesPerDay,  ///< {minutes_per_day: n}: only for non-caseload and non-activity time
  ByService       ///< {by_service: [...]}: annual leave by length of service
};

/// One length-of-service band of annual leave entitlement.
struct LeaveBand {
  Located<double> days;
  Located<double> share;  ///< fraction of staff on this entitlement
};

/// A time allowance as written in the input, before it is turned into a fraction.
struct Allowance {
  AllowanceUnit unit = AllowanceUnit::Percent;
  double amount = 0.0;           ///< the fraction for Percent, otherwise the stated number
  std::vector<LeaveBand> bands;  ///< only for ByService
  SourceLocation where;
};

/// The fixed absence components, in the order used for every output.
enum class Component {
  AnnualLeave,
  BankHolidays,
  Sickness,
  Parenting,
  OtherLeave,
  StudyLeave,
  Training,
  Supervision
};

/// Number of fixed absence components.
inline constexpr std::size_t kFixedComponentCount = 8;

/// The input key of a fixed absence component, e.g. "annual_leave".
const char* component_key(Component component);

/// A named further absence component from `additional`.
struct NamedAllowance {
  std::string name;
  Allowance allowance;
};

/// The fixed absence components stated at one level. Only stated ones take room, because a
/// national file has hundreds of thousands of levels that state none or few.
class StatedComponents {
 public:
  /// The allowance stated for `component`, or null when this level does not state it.
  const Allowance* find(Component component) const;
  /// States `component`, replacing any earlier statement of it.
  void set(Component component, Allowance allowance);
  /// Withdraws the statement of `component`, if there is one.
  void clear(Component component);
  /// True when no component is stated.
  bool empty() const { return stated_.empty(); }

 private:
  std::vector<std::pair<Component, Allowance>> stated_;  ///< in component order
};

/// The absence assumptions stated at one level; unstated components are empty.
struct AssumptionSet {
  StatedComponents fixed;
  std::vector<NamedAllowance> additional;  ///< sorted by name
  std::optional<Located<double>> headcount_per_wte;
};

/// Which uplift convention turns absence into the factor that is applied.
enum class UpliftMethod { Exact, Additive };

/// The name used in outputs: "exact" or "additive".
const char* uplift_method_name(UpliftMethod method);

/// The `review:` block: titles, time base, method and tolerance.
struct ReviewSettings {
  std::optional<std::string> organisation;
  std::optional<std::string> title;
  std::optional<std::string> period;
  Located<double> standard_hours{37.5, {}};
  Located<double> working_days{365.0 * 5.0 / 7.0, {}};
  Located<UpliftMethod> uplift_method{UpliftMethod::Exact, {}};
  Located<double> gap_tolerance{0.05, {}};
  std::optional<Located<std::int32_t>> as_of;  ///< the extracts' snapshot date, as a day number
  /// The first and last day (day numbers) of the months the actuals cover; checked, never used
  /// to scale.
  std::optional<Located<std::pair<std::int32_t, std::int32_t>>> actuals_period;
  std::optional<Located<double>> temporary_threshold;  ///< bank and agency share of worked time
  Located<double> actuals_tolerance{0.01, {}};         ///< percentage points, for the actuals RAG

  /// Hours per day: standard_hours / 5.
  double hours_per_day() const { return standard_hours.value / 5.0; }
  /// Contracted hours per WTE per year: working_days × hours per day.
  double contracted_hours_per_wte() const { return working_days.value * hours_per_day(); }
  /// Weeks per year: working_days / 5.
  double weeks_per_year() const { return working_days.value / 5.0; }
};

/// What happened in the actuals period, as stated for a team or a staffing line. Rates (the
/// absence) stated on a team are inherited by its lines; quantities stay where they are stated.
struct Actuals {
  AssumptionSet absence;  ///< actual absence per component, as allowances (no headcount)
  std::optional<Located<double>> temporary_hours;  ///< bank and agency hours worked
  std::optional<Located<double>> agency_hours;     ///< of the temporary hours
  std::optional<Located<double>> bank_cost;
  std::optional<Located<double>> agency_cost;
  std::optional<Located<double>> leavers;  ///< headcount who left
  std::optional<Located<double>> leavers_wte;
  std::optional<Located<double>> retirements_wte;  ///< of the leavers' WTE
  std::optional<Located<double>> mean_headcount;   ///< persons in post over the period (teams)
  bool stated = false;                             ///< an `actuals:` block was written
  bool from_extract = false;  ///< rows of an actuals extract filled in a figure
  SourceLocation where;
};

/// A profession (staff group) that staffing lines refer to.
struct Profession {
  std::string id;
  std::string name;
  bool registered = false;
  std::optional<Located<double>> cost_per_wte;
  AssumptionSet assumptions;
  SourceLocation where;
};

/// A service that groups teams.
struct Service {
  std::string id;
  std::string name;
  SourceLocation where;
};

/// A registered-skill-mix target and its tolerance, as stated at one level.
struct SkillMixTarget {
  std::optional<Located<double>> registered_target;
  bool no_target = false;  ///< `registered_target: none`: this level has no target
  std::optional<Located<double>> tolerance;
};

/// Beds and occupancy of an inpatient unit, and its care-hours-per-patient-day benchmark.
struct Inpatient {
  Located<double> beds;
  Located<double> occupancy;
  std::optional<Located<double>> chppd_benchmark;  ///< care hours per patient day, if stated
};

/// One shift of a roster: staff on duty, paid hours, days per week.
struct RosterShift {
  std::string shift;
  Located<double> staff;
  Located<double> paid_hours;
  Located<double> days_per_week{7.0, {}};
};

/// Enhanced observations: hours of one-to-one time per day and days per week.
struct Observations {
  Located<double> hours_per_day;
  Located<double> days_per_week{7.0, {}};
};

/// One band of a caseload: cases and hours per case per month.
struct CaseloadBand {
  std::string name;
  Located<double> cases;
  Located<double> hours_per_case_per_month;
};

/// A caseload demand model.
struct Caseload {
  std::optional<Allowance> non_caseload_time;  ///< share of available time; default 0%
  std::vector<CaseloadBand> bands;
  SourceLocation where;
};

/// One WISN-style activity: how often a year and how long each takes.
struct Activity {
  std::string name;
  Located<double> per_year;
  Located<double> minutes;
};

/// A WISN-style annual workload demand model.
struct Activities {
  std::optional<Allowance> non_activity_time;  ///< WISN category allowance; default 0%
  Located<double> individual_allowance_hours{0.0, {}};
  std::vector<Activity> items;
  SourceLocation where;
};

/// One profession within one team: its demand, assumptions and staff.
struct StaffingLine {
  std::size_t profession_index = 0;
  AssumptionSet assumptions;
  std::vector<RosterShift> roster;
  std::optional<Observations> observations;
  std::optional<Caseload> caseload;
  std::optional<Activities> activities;
  std::optional<Located<double>> hours_per_week;
  Located<double> fixed_wte{0.0, {}};
  std::optional<Located<double>> judgement_wte;
  Located<double> funded_wte{0.0, {}};
  Located<double> in_post_wte{0.0, {}};
  std::optional<Located<double>> cost_per_wte;
  Actuals actuals;
  LineExtract extract;  ///< what the extracts gave this line
  SourceLocation where;
};

/// Staff in post that no extract holds, such as local authority staff in an integrated team.
struct Adjustment {
  std::size_t profession_index = 0;
  Located<double> in_post_wte;
  std::string reason;
  SourceLocation where;
};

/// A team: its service, assumptions, skill-mix target, beds and staffing lines.
struct Team {
  std::string id;
  std::string name;
  std::optional<std::size_t> service_index;
  AssumptionSet assumptions;
  SkillMixTarget skill_mix;
  std::optional<Inpatient> inpatient;
  std::vector<StaffingLine> lines;
  std::vector<Located<std::string>> cost_centres;  ///< the extracts' cost centres of this team
  std::vector<Adjustment> adjustments;
  Actuals actuals;  ///< stated, or filled from the team-level rows of actuals extracts
  std::optional<SicknessDays> sickness_days;  ///< team-level rows of a sickness extract
  SourceLocation where;
};

/// A whole validated input: everything a review is computed from.
struct Model {
  std::vector<std::string> files;     ///< file table; SourceLocation::file_index points here
  std::vector<Diagnostic> warnings;   ///< what was read but is probably not what was meant
  std::size_t unlisted_warnings = 0;  ///< warnings counted beyond the first 100, not kept
  ReviewSettings review;
  AssumptionSet assumptions;  ///< organisation defaults
  SkillMixTarget skill_mix;   ///< organisation target
  std::vector<Profession> professions;
  std::vector<Service> services;
  std::vector<Team> teams;
  ExtractSummary extracts;  ///< empty when the input names no sources

  /// The file name a location points into ("" when unknown).
  const std::string& file_of(const SourceLocation& where) const;
};

}  // namespace estab
