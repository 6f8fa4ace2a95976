// The whole review: every line, then team, service, profession and organisation totals from
// summed WTE, skill mix, inpatient triangulation and warnings.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calc/actuals.hpp"
#include "calc/scaling.hpp"
#include "estab/arithmetic.hpp"
#include "estab/calc.hpp"

namespace estab {
namespace {

/// Skill-mix tolerance when no level states one.
constexpr double kDefaultSkillMixTolerance = 0.05;

/// Adds `amount` to an optional running total, starting it at zero on first use.
void add_cost(std::optional<double>& total, double amount) {
  total = total.value_or(0.0) + amount;
}

/// The rating of a registered in-post share against a target: green within the tolerance,
/// amber within twice it, red beyond, and red when nobody is in post.
Rag skill_mix_rating(std::optional<double> share_in_post, double target, double tolerance) {
  if (!share_in_post) return Rag::Red;
  const double share = *share_in_post;
  const auto within = [share, target](double band) {
    return at_most(share, target + band) && at_most(target - band, share);
  };
  if (within(tolerance)) return Rag::Green;
  if (within(2.0 * tolerance)) return Rag::Amber;
  return Rag::Red;
}

/// Running sums over the lines of one roll-up (team, service, profession or organisation).
class TotalsBuilder {
 public:
  /// Adds one line's WTE, registered WTE and (when it has a cost) costs.
  void add(const LineResult& line) {
    totals_.productive_wte += line.productive_wte;
    totals_.required_wte += line.required_wte;
    totals_.funded_wte += line.funded_wte;
    totals_.in_post_wte += line.in_post_wte;
    totals_.fixed_wte += line.fixed_wte;
    totals_.demand_hours_per_week += line.demand_hours_per_week;
    totals_.vacancy_wte_gross += std::fmax(0.0, line.funded_wte - line.in_post_wte);
    totals_.over_establishment_wte += std::fmax(0.0, line.in_post_wte - line.funded_wte);
    totals_.additive_shortfall_wte += line.additive_shortfall_wte;
    if (line.profession && line.profession->registered) {
      totals_.registered_required_wte += line.required_wte;
      totals_.registered_funded_wte += line.funded_wte;
      totals_.registered_in_post_wte += line.in_post_wte;
    }
    if (line.cost_per_wte) {
      add_cost(totals_.required_cost, *line.required_cost);
      add_cost(totals_.funded_cost, *line.funded_cost);
      add_cost(totals_.in_post_cost, *line.in_post_cost);
      add_cost(totals_.uplift_cost, *line.uplift_cost);
      add_cost(totals_.additive_shortfall_cost, *line.additive_shortfall_cost);
    }
    totals_.held_wte += line.held_wte;
    totals_.recruitable_vacancy_wte += line.recruitable_vacancy_wte;
    if (line.in_post_roles) add_cost(totals_.in_post_roles, *line.in_post_roles);
    if (line.funded_budget) add_cost(totals_.funded_budget, *line.funded_budget);
    if (line.budget_gap) add_cost(totals_.budget_gap, *line.budget_gap);
  }

  /// The finished totals: gaps, rates and shares from the summed WTE, and no skill mix.
  Totals finish() const {
    Totals totals = totals_;
    totals.establishment_gap_wte = totals.required_wte - totals.funded_wte;
    totals.vacancy_wte = totals.funded_wte - totals.in_post_wte;
    totals.net_gap_wte = totals.required_wte - totals.in_post_wte;
    totals.vacancy_rate = rate_of(totals.vacancy_wte, totals.funded_wte);
    totals.net_gap_rate = rate_of(totals.net_gap_wte, totals.required_wte);
    totals.registered_share_required = rate_of(totals.registered_required_wte, totals.required_wte);
    totals.registered_share_funded = rate_of(totals.registered_funded_wte, totals.funded_wte);
    totals.registered_share_in_post = rate_of(totals.registered_in_post_wte, totals.in_post_wte);
    return totals;
  }

  /// The finished totals of a team, with its skill mix against `target` (none without one).
  Totals finish_team(std::optional<double> target, double tolerance) const {
    Totals totals = finish();
    if (!target) return totals;
    totals.registered_target = *target;
    totals.skill_mix_tolerance = tolerance;
    totals.registered_gap_wte = *target * totals.required_wte - totals.registered_in_post_wte;
    totals.skill_mix_rag = skill_mix_rating(totals.registered_share_in_post, *target, tolerance);
    return totals;
  }

 private:
  Totals totals_;
};

/// The skill mix of a service or the organisation, from the teams in it that have a target:
/// their targets weighted by required WTE, their gaps summed, their registered in-post share.
class SkillMixRollup {
 public:
  /// Adds a team's totals; a team without a target adds nothing.
  void add(const Totals& team) {
    if (!team.registered_target) return;
    any_target_ = true;
    weighted_target_ += *team.registered_target * team.required_wte;
    required_wte_ += team.required_wte;
    gap_wte_ += team.registered_gap_wte.value_or(0.0);
    registered_in_post_wte_ += team.registered_in_post_wte;
    in_post_wte_ += team.in_post_wte;
  }

  /// Sets the skill-mix fields of `totals`, rated with `tolerance`.
  void finish(Totals& totals, double tolerance) const {
    if (!any_target_) return;
    totals.registered_gap_wte = gap_wte_;
    const std::optional<double> target = rate_of(weighted_target_, required_wte_);
    if (!target) return;  // the teams with a target require nothing
    totals.registered_target = *target;
    totals.skill_mix_tolerance = tolerance;
    totals.skill_mix_rag =
        skill_mix_rating(rate_of(registered_in_post_wte_, in_post_wte_), *target, tolerance);
  }

 private:
  bool any_target_ = false;
  double weighted_target_ = 0.0;
  double required_wte_ = 0.0;
  double gap_wte_ = 0.0;
  double registered_in_post_wte_ = 0.0;
  double in_post_wte_ = 0.0;
};

/// The organisation's registered target, if it states one.
std::optional<double> organisation_target(const Model& model) {
  if (model.skill_mix.no_target || !model.skill_mix.registered_target) return std::nullopt;
  return model.skill_mix.registered_target->value;
}

/// The organisation's skill-mix tolerance, else the default.
double organisation_tolerance(const Model& model) {
  if (!model.skill_mix.tolerance) return kDefaultSkillMixTolerance;
  return model.skill_mix.tolerance->value;
}

/// A team's registered target: its own, else the organisation's; none when it opts out.
std::optional<double> team_target(const Model& model, const Team& team) {
  if (team.skill_mix.no_target) return std::nullopt;
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

/// The factor a line that states no assumptions of its own would have: the organisation's
/// assumptions over the defaults, with the review's uplift method.
/// The distinct persons in post at level `index` of `counts`, when the extracts name persons.
std::optional<double> headcount_at(const std::vector<std::optional<std::size_t>>& counts,
                                   std::size_t index) {
  if (index >= counts.size() || !counts[index]) return std::nullopt;
  return static_cast<double>(*counts[index]);
}

/// The organisation's distinct persons in post, when the extracts name persons.
std::optional<double> organisation_headcount(const Model& model) {
  const auto& count = model.extracts.headcounts.organisation;
  return count ? std::optional<double>(static_cast<double>(*count)) : std::nullopt;
}

double organisation_factor(const Model& model) {
  const double absence = organisation_default_absence(model).total;
  if (!(absence < 1.0)) return 1.0;  // the loader refuses such input
  return model.review.uplift_method.value == UpliftMethod::Additive ? 1.0 + absence
                                                                    : share_of(1.0, 1.0 - absence);
}

/// A team's totals, inpatient triangulation and summed professional judgement.
TeamResult team_result(const Model& model, const Team& team,
                       const std::vector<const LineResult*>& team_lines, double default_factor) {
  TeamResult result;
  result.team = &team;
  if (const auto service_index = service_index_of(model, team)) {
    result.service = &model.services[*service_index];
  }

  TotalsBuilder builder;
  calc::ActualsRollup actuals;
  actuals.add_team(team, true);
  if (const SnapshotMeans& means = model.extracts.snapshot_means; means.present) {
    const auto team_index = static_cast<std::size_t>(&team - model.teams.data());
    actuals.set_snapshot_means(means.team_headcount[team_index], means.team_wte[team_index]);
  }
  double roster_and_observation_hours = 0.0;
  double uplifted_hours = 0.0;  // Σ (roster + observation hours) × the line's factor
  for (const LineResult* line : team_lines) {
    builder.add(*line);
    actuals.add_line(*line);
    const double line_hours = line->demand.roster + line->demand.observations;
    roster_and_observation_hours += line_hours;
    uplifted_hours += line_hours * line->uplift_factor_applied;
    if (line->line->judgement_wte) {
      result.judgement_wte = result.judgement_wte.value_or(0.0) + line->line->judgement_wte->value;
    }
  }
  result.totals = builder.finish_team(team_target(model, team), team_tolerance(model, team));
  actuals.finish(result.totals, model.review, false);

  if (team.inpatient) {
    const double standard_hours = model.review.standard_hours.value;
    const double occupied_beds = team.inpatient->beds.value * team.inpatient->occupancy.value;
    result.occupied_beds = occupied_beds;
    if (occupied_beds > 0.0) {
      result.chppd_planned = roster_and_observation_hours / 7.0 / occupied_beds;
    }
    result.roster_productive_wte = share_of(roster_and_observation_hours, standard_hours);
    result.rostered_required_wte = share_of(uplifted_hours, standard_hours);
    result.benchmark_factor = roster_and_observation_hours > 0.0
                                  ? share_of(uplifted_hours, roster_and_observation_hours)
                                  : default_factor;
    if (team.inpatient->chppd_benchmark) {
      const double benchmark = team.inpatient->chppd_benchmark->value;
      result.chppd_benchmark = benchmark;
      result.benchmark_productive_wte = share_of(benchmark * occupied_beds * 7.0, standard_hours);
      result.benchmark_required_wte = *result.benchmark_productive_wte * *result.benchmark_factor;
    }
  }
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
  scaling_problems.keep_every_one();   // at most one per line
  TotalsBuilder organisation_builder;  // lines added in file order, as compute_review adds them
  SkillMixRollup organisation_skill_mix;
  AbsenceResolver resolver(model, scaling);
  for (const Team& team : model.teams) {
    TotalsBuilder team_builder;
    for (const StaffingLine& line : team.lines) {
      const LineResult result = calc::compute_line_unchecked(model, team, line, resolver,
                                                             calc::AbsenceListing::FixedOnly);
      calc::record_scaling_problems(model, result, scaling, scaling_problems);
      organisation_builder.add(result);
      team_builder.add(result);
    }
    organisation_skill_mix.add(
        team_builder.finish_team(team_target(model, team), team_tolerance(model, team)));
  }
  scaling_problems.throw_if_any();
  Totals organisation = organisation_builder.finish();
  organisation_skill_mix.finish(organisation, organisation_tolerance(model));
  organisation.in_post_headcount = organisation_headcount(model);
  return organisation;
}

namespace {

/// Rolls staffing lines up, one team at a time in file order, into teams, services (and the
/// teams without one), professions and the organisation. Services and the organisation take
/// their skill mix from their teams.
class ReviewRollup {
 public:
  explicit ReviewRollup(const Model& model)
      : model_(model),
        service_sums_(model.services.size()),
        profession_builders_(model.professions.size()),
        profession_actuals_(model.professions.size()),
        default_factor_(organisation_factor(model)) {}

  /// Adds one team's lines (in file order) and returns the team's result.
  TeamResult add_team(const Team& team, const std::vector<const LineResult*>& team_lines) {
    TeamResult result = team_result(model_, team, team_lines, default_factor_);
    result.totals.in_post_headcount = headcount_at(model_.extracts.headcounts.teams, team_count_++);
    const std::optional<std::size_t> service_index = service_index_of(model_, team);
    ServiceSums& service = service_index ? service_sums_[*service_index] : unassigned_sums_;
    if (!service_index) any_team_without_service_ = true;
    service.actuals.add_team(team, false);
    organisation_sums_.actuals.add_team(team, false);
    for (const LineResult* line : team_lines) {
      service.lines.add(*line);
      service.actuals.add_line(*line);
      organisation_sums_.lines.add(*line);
      organisation_sums_.actuals.add_line(*line);
      if (line->line->profession_index < profession_builders_.size()) {
        profession_builders_[line->line->profession_index].add(*line);
        profession_actuals_[line->line->profession_index].add_line(*line);
      }
    }
    service.skill_mix.add(result.totals);
    organisation_sums_.skill_mix.add(result.totals);
    return result;
  }

  /// The services in declaration order, then the teams without one if there are any.
  std::vector<ServiceResult> services() const {
    std::vector<ServiceResult> services;
    services.reserve(model_.services.size() + 1);
    for (std::size_t index = 0; index < model_.services.size(); ++index) {
      services.push_back({&model_.services[index], finish(service_sums_[index], index)});
      services.back().totals.in_post_headcount =
          headcount_at(model_.extracts.headcounts.services, index);
    }
    if (any_team_without_service_) {
      services.push_back({nullptr, finish(unassigned_sums_, model_.services.size())});
      services.back().totals.in_post_headcount =
          headcount_at(model_.extracts.headcounts.services, model_.services.size());
    }
    return services;
  }

  /// The organisation's totals.
  Totals organisation() const {
    Totals totals = finish(organisation_sums_, std::nullopt);
    totals.in_post_headcount = organisation_headcount(model_);
    return totals;
  }

  /// Each profession's organisation-wide totals, in declaration order.
  std::vector<ProfessionResult> professions() const {
    std::vector<ProfessionResult> professions;
    professions.reserve(model_.professions.size());
    for (std::size_t index = 0; index < model_.professions.size(); ++index) {
      professions.push_back({&model_.professions[index], profession_builders_[index].finish()});
      profession_actuals_[index].finish(professions.back().totals, model_.review, true);
      professions.back().totals.in_post_headcount =
          headcount_at(model_.extracts.headcounts.professions, index);
    }
    return professions;
  }

 private:
  struct ServiceSums {
    TotalsBuilder lines;
    SkillMixRollup skill_mix;
    calc::ActualsRollup actuals;
  };

  /// `service_index`: the service's (its count for teams without one), or nullopt for the
  /// organisation.
  Totals finish(const ServiceSums& sums, std::optional<std::size_t> service_index) const {
    Totals totals = sums.lines.finish();
    sums.skill_mix.finish(totals, organisation_tolerance(model_));
    calc::ActualsRollup actuals = sums.actuals;
    if (const SnapshotMeans& means = model_.extracts.snapshot_means; means.present) {
      if (service_index) {
        actuals.set_snapshot_means(means.service_headcount[*service_index],
                                   means.service_wte[*service_index]);
      } else {
        actuals.set_snapshot_means(means.organisation_headcount, means.organisation_wte);
      }
    }
    actuals.finish(totals, model_.review, false);
    return totals;
  }

  const Model& model_;
  std::vector<ServiceSums> service_sums_;
  ServiceSums unassigned_sums_;
  bool any_team_without_service_ = false;
  ServiceSums organisation_sums_;
  std::vector<TotalsBuilder> profession_builders_;
  std::vector<calc::ActualsRollup> profession_actuals_;
  double default_factor_ = 1.0;
  std::size_t team_count_ = 0;
};

}  // namespace

ReviewResult compute_review(const Model& model, const Scaling& scaling) {
  calc::check_scaling(model, scaling);
  ReviewResult review;
  review.model = &model;

  std::size_t line_count = 0;
  for (const Team& team : model.teams) line_count += team.lines.size();
  review.lines.reserve(line_count);  // LineResult pointers below stay valid
  DiagnosticList scaling_problems;   // every line a scaling breaks, not just the first
  scaling_problems.keep_every_one();
  AbsenceResolver resolver(model, scaling);
  for (const Team& team : model.teams) {
    for (const StaffingLine& line : team.lines) {
      review.lines.push_back(
          calc::compute_line_unchecked(model, team, line, resolver, calc::AbsenceListing::Every));
      calc::record_scaling_problems(model, review.lines.back(), scaling, scaling_problems);
    }
  }
  scaling_problems.throw_if_any();

  ReviewRollup rollup(model);
  std::size_t line_position = 0;
  review.teams.reserve(model.teams.size());
  for (const Team& team : model.teams) {
    std::vector<const LineResult*> team_lines;
    for (std::size_t index = 0; index < team.lines.size(); ++index, ++line_position) {
      team_lines.push_back(&review.lines[line_position]);
    }
    review.teams.push_back(rollup.add_team(team, team_lines));
  }
  review.services = rollup.services();
  review.organisation = rollup.organisation();
  review.professions = rollup.professions();
  review.warnings = review_warnings(model, review);
  return review;
}

StreamedReview stream_review(const Model& model, const ReviewSink& sink) {
  ReviewRollup rollup(model);
  std::vector<LineResult> team_lines;
  std::vector<const LineResult*> pointers;
  AbsenceResolver resolver(model, Scaling{});
  for (const Team& team : model.teams) {
    team_lines.clear();
    pointers.clear();
    team_lines.reserve(team.lines.size());
    for (const StaffingLine& line : team.lines) {
      team_lines.push_back(
          calc::compute_line_unchecked(model, team, line, resolver, calc::AbsenceListing::Every));
      sink.line(team_lines.back());
    }
    for (const LineResult& line : team_lines) pointers.push_back(&line);
    sink.team(rollup.add_team(team, pointers));
  }
  return {rollup.services(), rollup.organisation()};
}

}  // namespace estab
