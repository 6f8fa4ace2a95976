// The whole review: every line, then team, service, profession and organisation totals from
// summed WTE, skill mix, inpatient triangulation and warnings.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calc/scaling.hpp"
#include "estab/arithmetic.hpp"
#include "estab/calc.hpp"

namespace estab {
namespace {

/// Slack in RAG comparisons, so that exact boundaries count as inside them.
constexpr double kRagEpsilon = 1e-9;
/// Skill-mix tolerance when no level states one.
constexpr double kDefaultSkillMixTolerance = 0.05;

/// Adds `amount` to an optional running total, starting it at zero on first use.
void add_cost(std::optional<double>& total, double amount) {
  total = total.value_or(0.0) + amount;
}

/// Running sums over the lines of one roll-up (team, service or organisation).
class TotalsBuilder {
 public:
  /// Adds one line's WTE, registered WTE and (when it has a cost) costs.
  void add(const LineResult& line) {
    totals_.productive_wte += line.productive_wte;
    totals_.required_wte += line.required_wte;
    totals_.funded_wte += line.funded_wte;
    totals_.in_post_wte += line.in_post_wte;
    totals_.additive_shortfall_wte += line.additive_shortfall_wte;
    if (line.profession && line.profession->registered) {
      totals_.registered_required_wte += line.required_wte;
      totals_.registered_funded_wte += line.funded_wte;
      totals_.registered_in_post_wte += line.in_post_wte;
    }
    if (line.cost_per_wte) {
      const double cost = *line.cost_per_wte;
      add_cost(totals_.required_cost, line.required_wte * cost);
      add_cost(totals_.funded_cost, line.funded_wte * cost);
      add_cost(totals_.in_post_cost, line.in_post_wte * cost);
      add_cost(totals_.uplift_cost,
               (line.required_wte - line.fixed_wte - line.productive_wte) * cost);
      add_cost(totals_.additive_shortfall_cost, line.additive_shortfall_wte * cost);
    }
  }

  /// The finished totals: gaps and shares from the summed WTE, then the skill mix against
  /// `target` (none without one) with tolerance `tolerance`.
  Totals finish(std::optional<double> target, double tolerance) const {
    Totals totals = totals_;
    totals.establishment_gap_wte = totals.required_wte - totals.funded_wte;
    totals.vacancy_wte = totals.funded_wte - totals.in_post_wte;
    totals.net_gap_wte = totals.required_wte - totals.in_post_wte;
    totals.vacancy_rate = rate_of(totals.vacancy_wte, totals.funded_wte);
    totals.net_gap_rate = rate_of(totals.net_gap_wte, totals.required_wte);
    totals.registered_share_required = rate_of(totals.registered_required_wte, totals.required_wte);
    totals.registered_share_funded = rate_of(totals.registered_funded_wte, totals.funded_wte);
    totals.registered_share_in_post = rate_of(totals.registered_in_post_wte, totals.in_post_wte);
    if (!target) {
      totals.skill_mix_rag = Rag::None;
      return totals;
    }
    totals.registered_target = *target;
    totals.skill_mix_tolerance = tolerance;
    totals.registered_gap_wte = *target * totals.required_wte - totals.registered_in_post_wte;
    if (!totals.registered_share_in_post) {
      totals.skill_mix_rag = Rag::Red;  // a target and nobody in post
    } else {
      const double distance = std::fabs(*totals.registered_share_in_post - *target);
      if (distance <= tolerance + kRagEpsilon) {
        totals.skill_mix_rag = Rag::Green;
      } else if (distance <= 2.0 * tolerance + kRagEpsilon) {
        totals.skill_mix_rag = Rag::Amber;
      } else {
        totals.skill_mix_rag = Rag::Red;
      }
    }
    return totals;
  }

 private:
  Totals totals_;
};

/// The organisation's registered target, if it states one.
std::optional<double> organisation_target(const Model& model) {
  if (!model.skill_mix.registered_target) return std::nullopt;
  return model.skill_mix.registered_target->value;
}

/// The organisation's skill-mix tolerance, else the default.
double organisation_tolerance(const Model& model) {
  if (!model.skill_mix.tolerance) return kDefaultSkillMixTolerance;
  return model.skill_mix.tolerance->value;
}

/// A team's registered target: its own, else the organisation's.
std::optional<double> team_target(const Model& model, const Team& team) {
  if (team.skill_mix.registered_target) return team.skill_mix.registered_target->value;
  return organisation_target(model);
}

/// A team's skill-mix tolerance: its own, else the organisation's, else the default.
double team_tolerance(const Model& model, const Team& team) {
  if (team.skill_mix.tolerance) return team.skill_mix.tolerance->value;
  return organisation_tolerance(model);
}

/// The index of a team's service, or null for a team without a (known) service.
std::optional<std::size_t> service_index_of(const Model& model, const Team& team) {
  if (team.service_index && *team.service_index < model.services.size()) {
    return *team.service_index;
  }
  return std::nullopt;
}

/// A team's totals, inpatient triangulation and summed professional judgement.
TeamResult team_result(const Model& model, const Team& team,
                       const std::vector<const LineResult*>& team_lines) {
  TeamResult result;
  result.team = &team;
  if (const auto service_index = service_index_of(model, team)) {
    result.service = &model.services[*service_index];
  }

  TotalsBuilder builder;
  double roster_and_observation_hours = 0.0;
  for (const LineResult* line : team_lines) {
    builder.add(*line);
    roster_and_observation_hours += line->demand.roster + line->demand.observations;
    if (line->line->judgement_wte) {
      result.judgement_wte = result.judgement_wte.value_or(0.0) + line->line->judgement_wte->value;
    }
  }
  result.totals = builder.finish(team_target(model, team), team_tolerance(model, team));

  if (team.inpatient) {
    const double standard_hours = model.review.standard_hours.value;
    const double occupied_beds = team.inpatient->beds.value * team.inpatient->occupancy.value;
    result.occupied_beds = occupied_beds;
    result.chppd_benchmark = team.inpatient->chppd_benchmark.value;
    if (occupied_beds > 0.0) {
      result.chppd_planned = roster_and_observation_hours / 7.0 / occupied_beds;
    }
    if (standard_hours > 0.0) {
      result.benchmark_productive_wte =
          team.inpatient->chppd_benchmark.value * occupied_beds * 7.0 / standard_hours;
      result.roster_productive_wte = roster_and_observation_hours / standard_hours;
    }
  }
  return result;
}

/// Organisation-wide totals of one profession over every line that names it.
ProfessionResult profession_result(const Profession& profession,
                                   const std::vector<LineResult>& lines) {
  ProfessionResult result;
  result.profession = &profession;
  for (const LineResult& line : lines) {
    if (line.profession != &profession) continue;
    result.productive_wte += line.productive_wte;
    result.required_wte += line.required_wte;
    result.funded_wte += line.funded_wte;
    result.in_post_wte += line.in_post_wte;
    if (line.cost_per_wte) {
      add_cost(result.required_cost, line.required_wte * *line.cost_per_wte);
      add_cost(result.funded_cost, line.funded_wte * *line.cost_per_wte);
    }
  }
  result.establishment_gap_wte = result.required_wte - result.funded_wte;
  result.vacancy_wte = result.funded_wte - result.in_post_wte;
  result.net_gap_wte = result.required_wte - result.in_post_wte;
  result.vacancy_rate = rate_of(result.vacancy_wte, result.funded_wte);
  result.net_gap_rate = rate_of(result.net_gap_wte, result.required_wte);
  return result;
}

/// "1 staffing line" or "N staffing lines".
std::string count_of_lines(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " staffing line" : " staffing lines");
}

/// The id of a line's profession, for messages.
std::string profession_id(const LineResult& line) {
  return line.profession ? line.profession->id : std::string("(unknown)");
}

/// Plain-English warnings about assumptions left at their defaults and gaps in the input,
/// in a fixed order: sickness, then teams and their lines in file order, then professions.
std::vector<std::string> review_warnings(const Model& model, const ReviewResult& review) {
  std::vector<std::string> warnings;

  std::size_t lines_without_sickness = 0;
  const auto sickness_index = static_cast<std::size_t>(Component::Sickness);
  for (const LineResult& line : review.lines) {
    if (line.absence.components[sickness_index].source == AssumptionLevel::Default) {
      ++lines_without_sickness;
    }
  }
  if (lines_without_sickness > 0) {
    warnings.push_back("Sickness absence is not stated for " +
                       count_of_lines(lines_without_sickness) +
                       "; 0% was assumed. State it under assumptions.sickness.");
  }

  std::size_t line_position = 0;
  for (const Team& team : model.teams) {
    if (team.lines.empty()) {
      warnings.push_back("Team '" + team.id + "' has no staffing lines.");
    }
    for (std::size_t index = 0; index < team.lines.size(); ++index, ++line_position) {
      const LineResult& line = review.lines[line_position];
      if (line.demand_hours_per_week == 0.0 && line.fixed_wte == 0.0) {
        warnings.push_back("Team '" + team.id + "', profession '" + profession_id(line) +
                           "': no demand and no fixed WTE, so nothing is required.");
      }
    }
  }

  for (const Profession& profession : model.professions) {
    bool has_line = false;
    for (const LineResult& line : review.lines) {
      if (line.profession == &profession) {
        has_line = true;
        break;
      }
    }
    if (!has_line) {
      warnings.push_back("Profession '" + profession.id + "' has no staffing line in any team.");
    }
  }
  return warnings;
}

}  // namespace

Totals compute_organisation_totals(const Model& model, const Scaling& scaling) {
  calc::check_scaling(model, scaling);
  DiagnosticList scaling_problems;
  TotalsBuilder organisation_builder;  // lines added in file order, as compute_review adds them
  for (const Team& team : model.teams) {
    for (const StaffingLine& line : team.lines) {
      const LineResult result = calc::compute_line_unchecked(model, team, line, scaling);
      calc::record_scaling_problems(model, result, scaling, scaling_problems);
      organisation_builder.add(result);
    }
  }
  scaling_problems.throw_if_any();
  return organisation_builder.finish(organisation_target(model), organisation_tolerance(model));
}

ReviewResult compute_review(const Model& model, const Scaling& scaling) {
  calc::check_scaling(model, scaling);
  ReviewResult review;
  review.model = &model;

  std::size_t line_count = 0;
  for (const Team& team : model.teams) line_count += team.lines.size();
  review.lines.reserve(line_count);  // LineResult pointers below stay valid
  DiagnosticList scaling_problems;   // every line a scaling breaks, not just the first
  for (const Team& team : model.teams) {
    for (const StaffingLine& line : team.lines) {
      review.lines.push_back(calc::compute_line_unchecked(model, team, line, scaling));
      calc::record_scaling_problems(model, review.lines.back(), scaling, scaling_problems);
    }
  }
  scaling_problems.throw_if_any();

  // Teams, and the lines of each service (and of the teams without one), in file order.
  std::vector<TotalsBuilder> service_builders(model.services.size());
  TotalsBuilder unassigned_builder;
  bool any_team_without_service = false;
  TotalsBuilder organisation_builder;
  std::size_t line_position = 0;
  review.teams.reserve(model.teams.size());
  for (const Team& team : model.teams) {
    std::vector<const LineResult*> team_lines;
    for (std::size_t index = 0; index < team.lines.size(); ++index, ++line_position) {
      team_lines.push_back(&review.lines[line_position]);
    }
    review.teams.push_back(team_result(model, team, team_lines));

    const std::optional<std::size_t> service_index = service_index_of(model, team);
    TotalsBuilder& service_builder =
        service_index ? service_builders[*service_index] : unassigned_builder;
    if (!service_index) any_team_without_service = true;
    for (const LineResult* line : team_lines) {
      service_builder.add(*line);
      organisation_builder.add(*line);
    }
  }

  // Services and the organisation are measured against the organisation's target.
  const std::optional<double> target = organisation_target(model);
  const double tolerance = organisation_tolerance(model);
  review.services.reserve(model.services.size() + 1);
  for (std::size_t index = 0; index < model.services.size(); ++index) {
    ServiceResult service;
    service.service = &model.services[index];
    service.totals = service_builders[index].finish(target, tolerance);
    review.services.push_back(service);
  }
  if (any_team_without_service) {
    ServiceResult unassigned;
    unassigned.totals = unassigned_builder.finish(target, tolerance);
    review.services.push_back(unassigned);
  }
  review.organisation = organisation_builder.finish(target, tolerance);

  review.professions.reserve(model.professions.size());
  for (const Profession& profession : model.professions) {
    review.professions.push_back(profession_result(profession, review.lines));
  }

  review.warnings = review_warnings(model, review);
  return review;
}

}  // namespace estab
