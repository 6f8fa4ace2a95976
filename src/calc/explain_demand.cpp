// Explaining a line's demand: each model the line states, row by row with its
// numbers substituted, then d. Row products are shown as calc works them; every total the
// review uses (each model's hours per week, the shares of available time, d) is calc's own.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <utility>
#include <vector>

#include "calc/explain_builder.hpp"
#include "estab/text.hpp"

namespace estab::calc {

namespace {

/// "name[index]" of a row in a list of the input, as diagnostics name it.
std::string row_name(const char* list_name, std::size_t index) {
  return fmt::format("{}[{}]", list_name, index);
}

/// Records a share of available time (non-caseload or non-activity time): the allowance as
/// written, its conversion with the line's absence `a`, and calc's fraction.
void explain_available_share(ExplanationBuilder& builder, const std::string& input_name,
                             const char* step_name, const std::optional<Allowance>& stated,
                             double absence_fraction, double fraction) {
  const ReviewSettings& review = builder.model().review;
  const Allowance written = stated ? *stated : Allowance{};
  builder.input(input_name, allowance_as_written(written),
                allowance_unit_text(written, "of available time"),
                stated ? AssumptionLevel::Line : AssumptionLevel::Default, written.where);
  const std::string amount = format_shortest(written.amount);
  const std::string available = fmt::format("(1 - {})", explain_number(absence_fraction));
  std::string formula;
  std::string substituted;
  switch (written.unit) {
    case AllowanceUnit::Percent:
      formula = "x / 100";
      substituted = explain_number(written.amount * 100.0) + " / 100";
      break;
    case AllowanceUnit::Days:
      formula = "days / (working_days × (1 - a))";
      substituted = fmt::format("{} / ({} × {})", amount, explain_number(review.working_days.value),
                                available);
      break;
    case AllowanceUnit::Hours:
    case AllowanceUnit::HoursPerHead:
      formula = "hours / (H_y × (1 - a))";
      substituted = fmt::format("{} / ({} × {})", amount,
                                explain_number(review.contracted_hours_per_wte()), available);
      break;
    case AllowanceUnit::MinutesPerDay:
      formula = "minutes_per_day / 60 / h_d";
      substituted = fmt::format("{} / 60 / {}", amount, explain_number(review.hours_per_day()));
      break;
    case AllowanceUnit::ByService:
      formula = "Σ share × days / (working_days × (1 - a))";
      substituted = fmt::format("{} / ({} × {})", banded_days_text(written),
                                explain_number(review.working_days.value), available);
      break;
  }
  builder.step(step_name, formula, substituted, fraction, StepUnit::Fraction);
}

/// Roster rows and their sum; returns the model's hours per week (calc's).
double explain_roster(ExplanationBuilder& builder, const LineResult& line) {
  std::vector<std::string> row_hours;
  for (std::size_t index = 0; index < line.line->roster.size(); ++index) {
    const RosterShift& shift = line.line->roster[index];
    const std::string name = row_name("roster", index);
    builder.number_input(name + ".staff", shift.staff, "staff on duty", AssumptionLevel::Line);
    builder.number_input(name + ".paid_hours", shift.paid_hours, "paid hours per shift",
                         AssumptionLevel::Line);
    builder.number_input(name + ".days_per_week", shift.days_per_week, "days per week",
                         AssumptionLevel::Line);
    const double hours = shift.staff.value * shift.paid_hours.value * shift.days_per_week.value;
    builder.step(name, "staff × paid_hours × days_per_week",
                 fmt::format("{} × {} × {}", explain_number(shift.staff.value),
                             explain_number(shift.paid_hours.value),
                             explain_number(shift.days_per_week.value)),
                 hours, StepUnit::HoursPerWeek, shift.shift);
    row_hours.push_back(explain_number(hours));
  }
  builder.step("roster", "Σ shifts", fmt::format("{}", fmt::join(row_hours, " + ")),
               line.demand.roster, StepUnit::HoursPerWeek);
  return line.demand.roster;
}

double explain_observations(ExplanationBuilder& builder, const LineResult& line) {
  const Observations& observations = *line.line->observations;
  builder.number_input("observations.hours_per_day", observations.hours_per_day,
                       "hours of one-to-one time per day", AssumptionLevel::Line);
  builder.number_input("observations.days_per_week", observations.days_per_week, "days per week",
                       AssumptionLevel::Line);
  builder.step("observations", "hours_per_day × days_per_week",
               fmt::format("{} × {}", explain_number(observations.hours_per_day.value),
                           explain_number(observations.days_per_week.value)),
               line.demand.observations, StepUnit::HoursPerWeek);
  return line.demand.observations;
}

double explain_caseload(ExplanationBuilder& builder, const LineResult& line) {
  const Caseload& caseload = *line.line->caseload;
  const double weeks_per_year = builder.model().review.weeks_per_year();
  explain_available_share(builder, "caseload.non_caseload_time", "n_caseload",
                          caseload.non_caseload_time, line.absence.total,
                          line.demand.non_caseload_fraction);
  std::vector<std::string> band_hours;
  double hours_per_month = 0.0;
  for (std::size_t index = 0; index < caseload.bands.size(); ++index) {
    const CaseloadBand& band = caseload.bands[index];
    const std::string name = row_name("caseload.bands", index);
    builder.number_input(name + ".cases", band.cases, "cases", AssumptionLevel::Line);
    builder.number_input(name + ".hours_per_case_per_month", band.hours_per_case_per_month,
                         "hours per case per month", AssumptionLevel::Line);
    const double hours = band.cases.value * band.hours_per_case_per_month.value;
    hours_per_month += hours;
    builder.step(name, "cases × hours_per_case_per_month",
                 fmt::format("{} × {}", explain_number(band.cases.value),
                             explain_number(band.hours_per_case_per_month.value)),
                 hours, StepUnit::HoursPerMonth, band.name);
    band_hours.push_back(explain_number(hours));
  }
  builder.step("caseload_hours_per_month", "Σ bands",
               fmt::format("{}", fmt::join(band_hours, " + ")), hours_per_month,
               StepUnit::HoursPerMonth);
  const double direct_hours_per_week = hours_per_month * 12.0 / weeks_per_year;
  builder.step(
      "caseload_direct_hours_per_week", "caseload_hours_per_month × 12 / W",
      fmt::format("{} × 12 / {}", explain_number(hours_per_month), explain_number(weeks_per_year)),
      direct_hours_per_week, StepUnit::HoursPerWeek);
  builder.step("caseload", "caseload_direct_hours_per_week / (1 - n_caseload)",
               fmt::format("{} / (1 - {})", explain_number(direct_hours_per_week),
                           explain_number(line.demand.non_caseload_fraction)),
               line.demand.caseload, StepUnit::HoursPerWeek);
  return line.demand.caseload;
}

double explain_activities(ExplanationBuilder& builder, const LineResult& line) {
  const Activities& activities = *line.line->activities;
  const double weeks_per_year = builder.model().review.weeks_per_year();
  explain_available_share(builder, "activities.non_activity_time", "n_activity",
                          activities.non_activity_time, line.absence.total,
                          line.demand.non_activity_fraction);
  builder.number_input("activities.individual_allowance_hours",
                       activities.individual_allowance_hours, "hours per WTE per year",
                       AssumptionLevel::Line);
  std::vector<std::string> item_hours;
  double workload_hours = 0.0;
  for (std::size_t index = 0; index < activities.items.size(); ++index) {
    const Activity& activity = activities.items[index];
    const std::string name = row_name("activities.items", index);
    builder.number_input(name + ".per_year", activity.per_year, "times per year",
                         AssumptionLevel::Line);
    builder.number_input(name + ".minutes", activity.minutes, "minutes each",
                         AssumptionLevel::Line);
    const double hours = activity.per_year.value * activity.minutes.value / 60.0;
    workload_hours += hours;
    builder.step(name, "per_year × minutes / 60",
                 fmt::format("{} × {} / 60", explain_number(activity.per_year.value),
                             explain_number(activity.minutes.value)),
                 hours, StepUnit::HoursPerYear, activity.name);
    item_hours.push_back(explain_number(hours));
  }
  builder.step("activity_workload_hours_per_year", "Σ items",
               fmt::format("{}", fmt::join(item_hours, " + ")), workload_hours,
               StepUnit::HoursPerYear);
  const double allowance_hours = activities.individual_allowance_hours.value;
  const double hours_per_year =
      workload_hours / (1.0 - line.demand.non_activity_fraction) + allowance_hours;
  builder.step("activity_hours_per_year",
               "activity_workload_hours_per_year / (1 - n_activity) + individual_allowance_hours",
               fmt::format("{} / (1 - {}) + {}", explain_number(workload_hours),
                           explain_number(line.demand.non_activity_fraction),
                           explain_number(allowance_hours)),
               hours_per_year, StepUnit::HoursPerYear);
  builder.step(
      "activities", "activity_hours_per_year / W",
      fmt::format("{} / {}", explain_number(hours_per_year), explain_number(weeks_per_year)),
      line.demand.activities, StepUnit::HoursPerWeek);
  return line.demand.activities;
}

double explain_hours_per_week(ExplanationBuilder& builder, const LineResult& line) {
  builder.number_input("hours_per_week", *line.line->hours_per_week, "hours per week",
                       AssumptionLevel::Line);
  builder.step("hours_per_week", "as stated", explain_number(line.demand.hours_per_week),
               line.demand.hours_per_week, StepUnit::HoursPerWeek);
  return line.demand.hours_per_week;
}

}  // namespace

void explain_demand(ExplanationBuilder& builder, const LineResult& line) {
  builder.begin(ExplainSection::Demand);
  const StaffingLine& staffing = *line.line;
  std::vector<std::pair<std::string, double>> models;
  if (!staffing.roster.empty()) models.emplace_back("roster", explain_roster(builder, line));
  if (staffing.observations) {
    models.emplace_back("observations", explain_observations(builder, line));
  }
  if (staffing.caseload) models.emplace_back("caseload", explain_caseload(builder, line));
  if (staffing.activities) models.emplace_back("activities", explain_activities(builder, line));
  if (staffing.hours_per_week) {
    models.emplace_back("hours_per_week", explain_hours_per_week(builder, line));
  }
  std::vector<std::string> names;
  std::vector<std::string> hours;
  for (const auto& [name, model_hours] : models) {
    names.push_back(name);
    hours.push_back(explain_number(model_hours));
  }
  if (models.empty()) {
    builder.step("d", "Σ demand models", "no demand model stated: 0", line.demand_hours_per_week,
                 StepUnit::HoursPerWeek);
    return;
  }
  builder.step("d", fmt::format("{}", fmt::join(names, " + ")),
               fmt::format("{}", fmt::join(hours, " + ")), line.demand_hours_per_week,
               StepUnit::HoursPerWeek);
}

}  // namespace estab::calc
