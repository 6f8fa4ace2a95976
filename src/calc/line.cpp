// One staffing line: demand hours from every model it states, the uplift, required WTE, gaps,
// rates, RAG and costs, optionally with one assumption scaled (sensitivity).
#include <cmath>
#include <optional>

#include "calc/actuals.hpp"
#include "calc/scaling.hpp"
#include "estab/arithmetic.hpp"
#include "estab/calc.hpp"

namespace estab {
namespace {

/// Σ staff × paid_hours × days_per_week over a roster's shifts.
double roster_hours_per_week(const StaffingLine& line) {
  double hours = 0.0;
  for (const RosterShift& shift : line.roster) {
    hours += shift.staff.value * shift.paid_hours.value * shift.days_per_week.value;
  }
  return hours;
}

/// Caseload hours per week: (Σ cases × hours per case per month × 12 / W) / (1 − n).
double caseload_hours_per_week(const Caseload& caseload, double weeks_per_year,
                               double non_caseload_fraction) {
  double hours_per_month = 0.0;
  for (const CaseloadBand& band : caseload.bands) {
    hours_per_month += band.cases.value * band.hours_per_case_per_month.value;
  }
  const double direct_hours_per_week = share_of(hours_per_month * 12.0, weeks_per_year);
  return share_of(direct_hours_per_week, 1.0 - non_caseload_fraction);
}

/// Activity hours per week: ((Σ per_year × minutes / 60) / (1 − n) + individual allowance) / W.
double activity_hours_per_week(const Activities& activities, double weeks_per_year,
                               double non_activity_fraction) {
  double workload_hours = 0.0;
  for (const Activity& activity : activities.items) {
    workload_hours += activity.per_year.value * activity.minutes.value / 60.0;
  }
  const double hours_per_year = share_of(workload_hours, 1.0 - non_activity_fraction) +
                                activities.individual_allowance_hours.value;
  return share_of(hours_per_year, weeks_per_year);
}

/// Multiplies the hours per week of every demand model (shares of available time stay put).
void scale_demand(DemandBreakdown& demand, double factor) {
  demand.roster *= factor;
  demand.observations *= factor;
  demand.caseload *= factor;
  demand.activities *= factor;
  demand.hours_per_week *= factor;
}

}  // namespace

const char* rag_name(Rag rag) {
  switch (rag) {
    case Rag::None: return "none";
    case Rag::Green: return "green";
    case Rag::Amber: return "amber";
    case Rag::Red: return "red";
  }
  return "none";
}

DemandBreakdown line_demand(const StaffingLine& line, const ReviewSettings& review,
                            double absence_fraction) {
  const double weeks_per_year = review.weeks_per_year();
  DemandBreakdown demand;
  demand.roster = roster_hours_per_week(line);
  if (line.observations) {
    demand.observations =
        line.observations->hours_per_day.value * line.observations->days_per_week.value;
  }
  if (line.caseload) {
    if (line.caseload->non_caseload_time) {
      demand.non_caseload_fraction =
          available_time_fraction(*line.caseload->non_caseload_time, review, absence_fraction);
    }
    if (demand.non_caseload_fraction < 1.0) {  // else reported by the loader or the scaling
      demand.caseload =
          caseload_hours_per_week(*line.caseload, weeks_per_year, demand.non_caseload_fraction);
    }
  }
  if (line.activities) {
    if (line.activities->non_activity_time) {
      demand.non_activity_fraction =
          available_time_fraction(*line.activities->non_activity_time, review, absence_fraction);
    }
    if (demand.non_activity_fraction < 1.0) {  // else reported by the loader or the scaling
      demand.activities =
          activity_hours_per_week(*line.activities, weeks_per_year, demand.non_activity_fraction);
    }
  }
  if (line.hours_per_week) demand.hours_per_week = line.hours_per_week->value;
  return demand;
}

LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line) {
  AbsenceResolver resolver(model, Scaling{});
  return calc::compute_line_unchecked(model, team, line, resolver, calc::AbsenceListing::Every);
}

LineResult compute_line(const Model& model, const Team& team, const StaffingLine& line,
                        const Scaling& scaling) {
  calc::check_scaling(model, scaling);
  AbsenceResolver resolver(model, scaling);
  LineResult result =
      calc::compute_line_unchecked(model, team, line, resolver, calc::AbsenceListing::Every);
  DiagnosticList problems;
  problems.keep_every_one();  // at most a few per line: bounded by the model's size
  calc::record_scaling_problems(model, result, scaling, problems);
  problems.throw_if_any();
  return result;
}

LineResult calc::compute_line_unchecked(const Model& model, const Team& team,
                                        const StaffingLine& line, AbsenceResolver& resolver,
                                        calc::AbsenceListing listing) {
  const Scaling& scaling = resolver.scaling();
  const ReviewSettings& review = model.review;
  LineResult result;
  result.team = &team;
  result.line = &line;
  if (line.profession_index < model.professions.size()) {
    result.profession = &model.professions[line.profession_index];
  }
  if (team.service_index && *team.service_index < model.services.size()) {
    result.service = &model.services[*team.service_index];
  }

  result.absence = listing == calc::AbsenceListing::Every ? resolver.resolve(team, line)
                                                          : resolver.resolve_total(team, line);
  if (scaling.target == Scaling::Target::ActualSickness) {
    // What if sickness ran at the actual rate (scaled): the line's actual replaces its assumed.
    AbsenceComponent& sickness =
        result.absence.components[static_cast<std::size_t>(Component::Sickness)];
    if (const auto actual =
            calc::line_actual(model, team, line, Component::Sickness,
                              result.absence.headcount_per_wte, sickness.fraction)) {
      const double scaled = actual->actual * scaling.factor;
      result.absence.total += scaled - sickness.fraction;
      sickness.fraction = scaled;
    }
  }
  const double absence_fraction = result.absence.total;
  if (!(absence_fraction < 1.0)) {
    // Only a what-if scaling can get here (the loader refuses such input); the caller reports
    // it as a located problem, so nothing past the absence is computed.
    return result;
  }
  const double exact_factor = share_of(1.0, 1.0 - absence_fraction);
  const double additive_factor = 1.0 + absence_fraction;
  const double applied_factor =
      review.uplift_method.value == UpliftMethod::Additive ? additive_factor : exact_factor;
  result.uplift_exact = share_of(absence_fraction, 1.0 - absence_fraction);
  result.uplift_additive = absence_fraction;
  result.uplift_applied = applied_factor - 1.0;
  result.uplift_factor_exact = exact_factor;
  result.uplift_factor_additive = additive_factor;
  result.uplift_factor_applied = applied_factor;

  result.demand = line_demand(line, review, absence_fraction);
  if (scaling.target == Scaling::Target::Demand) scale_demand(result.demand, scaling.factor);
  result.demand_hours_per_week = result.demand.total();
  result.productive_wte = share_of(result.demand_hours_per_week, review.standard_hours.value);
  result.fixed_wte = line.fixed_wte.value;
  result.required_wte = result.productive_wte * applied_factor + result.fixed_wte;
  result.funded_wte = line.funded_wte.value;
  result.in_post_wte = line.in_post_wte.value;

  result.establishment_gap_wte = result.required_wte - result.funded_wte;
  result.vacancy_wte = result.funded_wte - result.in_post_wte;
  result.vacancy_rate = rate_of(result.vacancy_wte, result.funded_wte);
  result.net_gap_wte = result.required_wte - result.in_post_wte;
  result.net_gap_rate = rate_of(result.net_gap_wte, result.required_wte);
  result.wisn_ratio = rate_of(result.in_post_wte, result.required_wte);
  result.additive_shortfall_wte = result.productive_wte * (exact_factor - additive_factor);

  const double tolerance = review.gap_tolerance.value;
  if (!result.net_gap_rate || at_most(*result.net_gap_rate, tolerance)) {
    result.gap_rag = Rag::Green;  // also over-established lines and lines requiring nothing
  } else if (at_most(*result.net_gap_rate, 2.0 * tolerance)) {
    result.gap_rag = Rag::Amber;
  } else {
    result.gap_rag = Rag::Red;
  }

  if (line.cost_per_wte) {
    result.cost_per_wte = line.cost_per_wte->value;
  } else if (result.profession && result.profession->cost_per_wte) {
    result.cost_per_wte = result.profession->cost_per_wte->value;
  }
  if (result.cost_per_wte) {
    const double cost = *result.cost_per_wte;
    result.required_cost = result.required_wte * cost;
    result.funded_cost = result.funded_wte * cost;
    result.in_post_cost = result.in_post_wte * cost;
    result.uplift_cost = (result.required_wte - result.fixed_wte - result.productive_wte) * cost;
    result.additive_shortfall_cost = result.additive_shortfall_wte * cost;
  }
  const LineExtract& extract = line.extract;
  result.held_wte = extract.held_wte;
  result.recruitable_vacancy_wte = result.funded_wte - result.in_post_wte - result.held_wte;
  result.funded_budget = extract.funded_budget;
  if (result.funded_budget && result.funded_cost) {
    result.budget_gap = *result.funded_budget - *result.funded_cost;
  }
  if (extract.in_post_roles) result.in_post_roles = static_cast<double>(*extract.in_post_roles);
  if (extract.in_post_headcount) {
    result.in_post_headcount = static_cast<double>(*extract.in_post_headcount);
    result.observed_headcount_per_wte =
        rate_of(*result.in_post_headcount, extract.in_post_rows_wte);
  }
  if (listing == calc::AbsenceListing::Every) {
    calc::compute_line_actuals(
        model, team, line, result, [&](double absence_at) -> std::optional<double> {
          DemandBreakdown demand = line_demand(line, review, absence_at);
          if ((line.caseload && !(demand.non_caseload_fraction < 1.0)) ||
              (line.activities && !(demand.non_activity_fraction < 1.0))) {
            return std::nullopt;  // non-caseload time would take all the time left
          }
          if (scaling.target == Scaling::Target::Demand) scale_demand(demand, scaling.factor);
          const double factor = review.uplift_method.value == UpliftMethod::Additive
                                    ? 1.0 + absence_at
                                    : share_of(1.0, 1.0 - absence_at);
          return share_of(demand.total(), review.standard_hours.value) * factor +
                 line.fixed_wte.value;
        });
  }
  return result;
}

}  // namespace estab
