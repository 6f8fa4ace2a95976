// Explaining a line's actuals: each actual beside the assumption it is measured against and
// where it came from, then the variance, its rating and the required WTE at actual absence.
#include <fmt/format.h>

#include <string>

#include "calc/explain_builder.hpp"

namespace estab::calc {

namespace {

/// The allowance stated under `actuals:` for a component at one level, or null.
const Allowance* stated_actual(const Actuals& actuals, std::string_view component) {
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    const auto fixed = static_cast<Component>(index);
    if (component == component_key(fixed)) return actuals.absence.fixed.find(fixed);
  }
  for (const NamedAllowance& named : actuals.absence.additional) {
    if (named.name == component) return &named.allowance;
  }
  return nullptr;
}

const char* level_word(AssumptionLevel level) {
  return level == AssumptionLevel::Line ? "line" : "team";
}

/// One actual: stated under `actuals:` (an input), or summed from sickness rows (a step).
void explain_component(ExplanationBuilder& builder, const LineResult& line,
                       const ActualComponent& component) {
  const std::string name = fmt::format("actual_{}", component.component);
  const std::string assumed = fmt::format("assumed {}", explain_percent(component.assumed));
  if (component.days != nullptr) {
    builder.step(name,
                 fmt::format("FTE days lost / FTE days available, over the sickness rows of the "
                             "{}",
                             level_word(component.source)),
                 fmt::format("{} / {}", explain_number(component.days->lost),
                             explain_number(component.days->available)),
                 component.actual, StepUnit::Fraction, assumed);
    return;
  }
  const Actuals& actuals =
      component.source == AssumptionLevel::Line ? line.line->actuals : line.team->actuals;
  const Allowance* allowance = stated_actual(actuals, component.component);
  if (allowance == nullptr) return;
  builder.input(fmt::format("actuals.{}", component.component), allowance_as_written(*allowance),
                allowance_unit_text(*allowance, "of contracted time"), component.source,
                allowance->where);
  builder.step(name,
               fmt::format("actuals.{} (stated for the {})", component.component,
                           level_word(component.source)),
               allowance_as_written(*allowance), component.actual, StepUnit::Fraction, assumed);
}

}  // namespace

void explain_actuals(ExplanationBuilder& builder, const LineResult& line) {
  const AbsenceActuals& actuals = line.actuals;
  if (actuals.components.empty()) return;
  builder.begin(ExplainSection::Actuals);
  std::string actual_terms;
  std::string assumed_terms;
  for (const ActualComponent& component : actuals.components) {
    explain_component(builder, line, component);
    actual_terms += (actual_terms.empty() ? "" : " + ") + explain_number(component.actual);
    assumed_terms += (assumed_terms.empty() ? "" : " + ") + explain_number(component.assumed);
  }
  builder.step("absence_variance", "Σ actual - Σ assumed, over the components with an actual",
               fmt::format("({}) - ({})", actual_terms, assumed_terms), actuals.absence_variance,
               StepUnit::Fraction);
  const Located<double>& tolerance = builder.model().review.actuals_tolerance;
  builder.input("actuals_tolerance", explain_percent(tolerance.value), "percentage points",
                tolerance.where.known() ? AssumptionLevel::Organisation : AssumptionLevel::Default,
                tolerance.where);
  builder.rating_step("actuals_rag",
                      "green if |absence_variance| <= τ, amber if <= 2τ, red otherwise",
                      fmt::format("|{}| against τ = {}", explain_number(*actuals.absence_variance),
                                  explain_number(tolerance.value)),
                      rag_name(actuals.actuals_rag));
  const double absence_at_actual = line.absence.total + *actuals.absence_variance;
  builder.step(
      "required_wte_at_actual", "required WTE recomputed with absence_total + absence_variance",
      fmt::format("absence {} + {} = {}", explain_number(line.absence.total),
                  explain_number(*actuals.absence_variance), explain_number(absence_at_actual)),
      actuals.required_wte_at_actual, StepUnit::Wte,
      actuals.required_wte_at_actual ? std::string()
                                     : "none: the demand cannot be met at that absence");
  if (!actuals.headroom_gap_wte) return;
  builder.step("headroom_gap_wte", "required_wte_at_actual - required_wte",
               fmt::format("{} - {}", explain_number(*actuals.required_wte_at_actual),
                           explain_number(line.required_wte)),
               actuals.headroom_gap_wte, StepUnit::Wte);
  if (line.cost_per_wte) {
    builder.step("headroom_gap_cost", "headroom_gap_wte × cost_per_wte",
                 fmt::format("{} × {}", explain_number(*actuals.headroom_gap_wte),
                             explain_number(*line.cost_per_wte)),
                 actuals.headroom_gap_cost, StepUnit::Pounds);
  }
}

}  // namespace estab::calc
