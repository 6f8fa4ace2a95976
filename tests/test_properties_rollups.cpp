// Property tests of the calculation (docs/METHOD.md §5, §6 and §13), part 2: over generated models,
// the additive uplift never exceeds the exact one and its shortfall is exact − additive, and every
// roll-up (team, service, organisation, profession) is the sum of its lines, its shares taken from
// summed WTE.
//
// Every generated model comes from tests/support/model_generator.hpp: a std::mt19937 with a
// seed taken from a fixed table, so a failure names its seed and is reproducible.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "estab/calc.hpp"
#include "estab/model.hpp"
#include "support/model_generator.hpp"
#include "support/test_support.hpp"

namespace {

using estab::LineResult;
using estab::Model;
using estab::ReviewResult;
using estab::TeamResult;
using estab::Totals;
using estab::UpliftMethod;
using namespace estab::testing;

/// Relative tolerance of a roll-up against the sum of its lines.
constexpr double kRelativeTolerance = 1e-9;

// ---------------------------------------------------------------------------------------------
// Roll-up sums

/// The sums over a set of lines that a roll-up must equal.
struct LineSums {
  std::size_t lines = 0;
  double productive_wte = 0.0;
  double required_wte = 0.0;
  double funded_wte = 0.0;
  double in_post_wte = 0.0;
  double establishment_gap_wte = 0.0;
  double vacancy_wte = 0.0;
  double net_gap_wte = 0.0;
  double additive_shortfall_wte = 0.0;
  double fixed_wte = 0.0;
  double demand_hours_per_week = 0.0;
  double vacancy_wte_gross = 0.0;
  double over_establishment_wte = 0.0;
  double registered_required_wte = 0.0;
  double registered_funded_wte = 0.0;
  double registered_in_post_wte = 0.0;
  std::optional<double> required_cost;
  std::optional<double> funded_cost;
  std::optional<double> in_post_cost;
  std::optional<double> uplift_cost;
  std::optional<double> additive_shortfall_cost;
  double wte_scale = 0.0;   ///< Σ |every WTE figure|: what the tolerance is relative to
  double cost_scale = 0.0;  ///< Σ |every cost figure|

  /// Adds one line.
  void add(const LineResult& line) {
    ++lines;
    productive_wte += line.productive_wte;
    required_wte += line.required_wte;
    funded_wte += line.funded_wte;
    in_post_wte += line.in_post_wte;
    establishment_gap_wte += line.establishment_gap_wte;
    vacancy_wte += line.vacancy_wte;
    net_gap_wte += line.net_gap_wte;
    additive_shortfall_wte += line.additive_shortfall_wte;
    fixed_wte += line.fixed_wte;
    demand_hours_per_week += line.demand_hours_per_week;
    if (line.funded_wte > line.in_post_wte) {
      vacancy_wte_gross += line.funded_wte - line.in_post_wte;
    } else {
      over_establishment_wte += line.in_post_wte - line.funded_wte;
    }
    if (line.profession->registered) {
      registered_required_wte += line.required_wte;
      registered_funded_wte += line.funded_wte;
      registered_in_post_wte += line.in_post_wte;
    }
    wte_scale += std::fabs(line.productive_wte) + std::fabs(line.required_wte) +
                 std::fabs(line.funded_wte) + std::fabs(line.in_post_wte) +
                 std::fabs(line.additive_shortfall_wte);
    add_cost(required_cost, line.required_cost);
    add_cost(funded_cost, line.funded_cost);
    add_cost(in_post_cost, line.in_post_cost);
    add_cost(uplift_cost, line.uplift_cost);
    add_cost(additive_shortfall_cost, line.additive_shortfall_cost);
    hours_scale += std::fabs(line.demand_hours_per_week);
  }

  double hours_scale = 0.0;  ///< Σ |demand hours|

 private:
  void add_cost(std::optional<double>& total, const std::optional<double>& cost) {
    if (!cost) return;
    total = total.value_or(0.0) + *cost;
    cost_scale += std::fabs(*cost);
  }
};

/// Compares figures of one roll-up against the sums of its lines, recording mismatches.
class RollupChecker {
 public:
  RollupChecker(std::string label, std::vector<std::string>& failures)
      : label_(std::move(label)), failures_(failures) {}

  /// `actual` must equal `expected` within the relative tolerance of `scale`.
  void same(const char* field, double actual, double expected, double scale) {
    if (std::fabs(actual - expected) <= kRelativeTolerance * scale) return;
    std::ostringstream message;
    message.precision(17);
    message << label_ << "." << field << " is " << actual << ", the lines give " << expected;
    failures_.push_back(message.str());
  }

  /// Both null, or both present and equal within the relative tolerance of `scale`.
  void same(const char* field, const std::optional<double>& actual,
            const std::optional<double>& expected, double scale) {
    if (actual.has_value() != expected.has_value()) {
      failures_.push_back(label_ + "." + field + (actual ? " is set" : " is null") +
                          " but the lines give " + (expected ? "a value" : "null"));
      return;
    }
    if (actual) same(field, *actual, *expected, scale);
  }

  /// A rate or share: null when the denominator is zero, else numerator / denominator.
  void rate(const char* field, const std::optional<double>& actual, double numerator,
            double denominator) {
    const std::optional<double> expected =
        denominator == 0.0 ? std::nullopt : std::optional<double>(numerator / denominator);
    same(field, actual, expected, expected ? std::fabs(*expected) : 0.0);
  }

  /// Every summed field, every rate and every share of a Totals.
  void totals(const Totals& totals, const LineSums& sums) {
    const double wte = sums.wte_scale;
    same("productive_wte", totals.productive_wte, sums.productive_wte, wte);
    same("required_wte", totals.required_wte, sums.required_wte, wte);
    same("funded_wte", totals.funded_wte, sums.funded_wte, wte);
    same("in_post_wte", totals.in_post_wte, sums.in_post_wte, wte);
    same("establishment_gap_wte", totals.establishment_gap_wte, sums.establishment_gap_wte, wte);
    same("vacancy_wte", totals.vacancy_wte, sums.vacancy_wte, wte);
    same("net_gap_wte", totals.net_gap_wte, sums.net_gap_wte, wte);
    same("additive_shortfall_wte", totals.additive_shortfall_wte, sums.additive_shortfall_wte, wte);
    same("fixed_wte", totals.fixed_wte, sums.fixed_wte, wte);
    same("demand_hours_per_week", totals.demand_hours_per_week, sums.demand_hours_per_week,
         sums.hours_scale);
    same("vacancy_wte_gross", totals.vacancy_wte_gross, sums.vacancy_wte_gross, wte);
    same("over_establishment_wte", totals.over_establishment_wte, sums.over_establishment_wte, wte);
    same("vacancy_wte_gross - over_establishment_wte",
         totals.vacancy_wte_gross - totals.over_establishment_wte, totals.vacancy_wte, wte);
    same("registered_required_wte", totals.registered_required_wte, sums.registered_required_wte,
         wte);
    same("registered_funded_wte", totals.registered_funded_wte, sums.registered_funded_wte, wte);
    same("registered_in_post_wte", totals.registered_in_post_wte, sums.registered_in_post_wte, wte);
    same("required_cost", totals.required_cost, sums.required_cost, sums.cost_scale);
    same("funded_cost", totals.funded_cost, sums.funded_cost, sums.cost_scale);
    same("in_post_cost", totals.in_post_cost, sums.in_post_cost, sums.cost_scale);
    same("uplift_cost", totals.uplift_cost, sums.uplift_cost, sums.cost_scale);
    same("additive_shortfall_cost", totals.additive_shortfall_cost, sums.additive_shortfall_cost,
         sums.cost_scale);
    rate("vacancy_rate", totals.vacancy_rate, sums.funded_wte - sums.in_post_wte, sums.funded_wte);
    rate("net_gap_rate", totals.net_gap_rate, sums.required_wte - sums.in_post_wte,
         sums.required_wte);
    rate("registered_share_required", totals.registered_share_required,
         sums.registered_required_wte, sums.required_wte);
    rate("registered_share_funded", totals.registered_share_funded, sums.registered_funded_wte,
         sums.funded_wte);
    rate("registered_share_in_post", totals.registered_share_in_post, sums.registered_in_post_wte,
         sums.in_post_wte);
  }

  /// A team's skill mix against its own target (or the organisation's).
  void team_skill_mix(const Totals& totals, const LineSums& sums, std::optional<double> target) {
    same("registered_target", totals.registered_target, target, 1.0);
    const std::optional<double> registered_gap =
        target ? std::optional<double>(*target * sums.required_wte - sums.registered_in_post_wte)
               : std::nullopt;
    same("registered_gap_wte", totals.registered_gap_wte, registered_gap, sums.wte_scale);
  }

  /// A service's or the organisation's skill mix from its teams that have a target: the
  /// targets weighted by required WTE, and the teams' gaps summed.
  void rolled_up_skill_mix(const Totals& totals, const std::vector<const TeamResult*>& teams) {
    double weighted = 0.0;
    double required = 0.0;
    double gap = 0.0;
    double scale = 0.0;
    bool any_target = false;
    for (const TeamResult* team : teams) {
      if (!team->totals.registered_target) continue;
      any_target = true;
      weighted += *team->totals.registered_target * team->totals.required_wte;
      required += team->totals.required_wte;
      gap += *team->totals.registered_gap_wte;
      scale += std::fabs(*team->totals.registered_gap_wte);
    }
    const std::optional<double> target =
        required > 0.0 ? std::optional<double>(weighted / required) : std::nullopt;
    same("registered_target", totals.registered_target, target, 1.0);
    same("registered_gap_wte", totals.registered_gap_wte,
         any_target ? std::optional<double>(gap) : std::nullopt, scale);
    if (!target && totals.skill_mix_rag != estab::Rag::None) {
      failures_.push_back(label_ + ".skill_mix_rag is rated without a target");
    }
  }

 private:
  std::string label_;
  std::vector<std::string>& failures_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// (b) The two uplift conventions

TEST_CASE("the additive uplift never exceeds the exact one, on every line", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 301u));
  INFO("seed " << seed);
  const Model exact_model = generated_model(seed, UpliftMethod::Exact);
  const Model additive_model = generated_model(seed, UpliftMethod::Additive);
  const ReviewResult exact = estab::compute_review(exact_model);
  const ReviewResult additive = estab::compute_review(additive_model);
  REQUIRE(exact.lines.size() == additive.lines.size());
  std::vector<std::string> failures;
  for (std::size_t index = 0; index < exact.lines.size(); ++index) {
    const LineResult& line = exact.lines[index];
    const std::string name = "line " + std::to_string(index);
    if (!(line.uplift_additive <= line.uplift_exact)) {
      failures.push_back(name + ": uplift_additive > uplift_exact");
    }
    if (!(line.additive_shortfall_wte >= 0.0)) {
      failures.push_back(name + ": negative additive shortfall");
    }
    if (!(additive.lines[index].required_wte <= line.required_wte)) {
      failures.push_back(name + ": required WTE is higher under the additive uplift");
    }
    // The shortfall is what the additive convention leaves out (docs/METHOD.md §6).
    const double shortfall = line.required_wte - additive.lines[index].required_wte;
    if (std::fabs(line.additive_shortfall_wte - shortfall) >
        kRelativeTolerance * (line.required_wte + 1e-300)) {
      failures.push_back(name + ": additive_shortfall_wte is not exact − additive");
    }
  }
  if (!(additive.organisation.required_wte <= exact.organisation.required_wte)) {
    failures.push_back("organisation: required WTE is higher under the additive uplift");
  }
  CHECK(failures == std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// (c) Roll-ups

TEST_CASE("roll-up totals are the sums of their lines, shares from summed WTE", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 301u));
  INFO("seed " << seed);
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const ReviewResult review = estab::compute_review(model);
  std::vector<std::string> failures;

  std::size_t line_count = 0;
  for (const estab::Team& team : model.teams) line_count += team.lines.size();
  REQUIRE(review.lines.size() == line_count);
  REQUIRE(review.teams.size() == model.teams.size());

  const std::optional<double> organisation_target =
      model.skill_mix.registered_target
          ? std::optional<double>(model.skill_mix.registered_target->value)
          : std::nullopt;

  // Teams: each team's own lines, against its own target (else the organisation's), or none
  // when the team opts out.
  for (std::size_t team = 0; team < model.teams.size(); ++team) {
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.team == &model.teams[team]) sums.add(line);
    }
    CHECK(sums.lines == model.teams[team].lines.size());
    CHECK(review.teams[team].team == &model.teams[team]);
    const estab::SkillMixTarget& own = model.teams[team].skill_mix;
    const std::optional<double> target = own.no_target ? std::nullopt
                                         : own.registered_target
                                             ? std::optional<double>(own.registered_target->value)
                                             : organisation_target;
    RollupChecker checker("teams[" + model.teams[team].id + "]", failures);
    checker.totals(review.teams[team].totals, sums);
    checker.team_skill_mix(review.teams[team].totals, sums, target);
  }

  // Services: every declared service, then "(none)" when some team names no service.
  bool any_without_service = false;
  for (const estab::Team& team : model.teams) any_without_service |= !team.service_index;
  REQUIRE(review.services.size() == model.services.size() + (any_without_service ? 1 : 0));
  for (std::size_t index = 0; index < review.services.size(); ++index) {
    const estab::Service* service =
        index < model.services.size() ? &model.services[index] : nullptr;
    CHECK(review.services[index].service == service);
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.service == service) sums.add(line);
    }
    std::vector<const TeamResult*> teams;
    for (const TeamResult& team : review.teams) {
      if (team.service == service) teams.push_back(&team);
    }
    RollupChecker checker("services[" + (service ? service->id : std::string("(none)")) + "]",
                          failures);
    checker.totals(review.services[index].totals, sums);
    checker.rolled_up_skill_mix(review.services[index].totals, teams);
  }

  // The organisation: every line.
  LineSums all;
  for (const LineResult& line : review.lines) all.add(line);
  std::vector<const TeamResult*> all_teams;
  for (const TeamResult& team : review.teams) all_teams.push_back(&team);
  RollupChecker organisation_checker("organisation", failures);
  organisation_checker.totals(review.organisation, all);
  organisation_checker.rolled_up_skill_mix(review.organisation, all_teams);

  // Professions: every line of the profession, organisation-wide, in declaration order.
  REQUIRE(review.professions.size() == model.professions.size());
  for (std::size_t index = 0; index < model.professions.size(); ++index) {
    const estab::ProfessionResult& result = review.professions[index];
    CHECK(result.profession == &model.professions[index]);
    LineSums sums;
    for (const LineResult& line : review.lines) {
      if (line.profession == &model.professions[index]) sums.add(line);
    }
    RollupChecker checker("professions[" + model.professions[index].id + "]", failures);
    checker.totals(result.totals, sums);
  }
  CHECK(failures == std::vector<std::string>{});
}
