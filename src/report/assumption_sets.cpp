// Grouping lines by distinct set of absence assumptions, and the `estab-uplift/1` document.

#include "report/assumption_sets.hpp"

#include "estab/report.hpp"
#include "report/json_support.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace report {

bool same_assumptions(const ResolvedAbsence& left, const ResolvedAbsence& right) {
  if (left.headcount_per_wte != right.headcount_per_wte ||
      left.components.size() != right.components.size()) {
    return false;
  }
  for (std::size_t index = 0; index < left.components.size(); ++index) {
    const AbsenceComponent& left_component = left.components[index];
    const AbsenceComponent& right_component = right.components[index];
    if (left_component.component != right_component.component ||
        left_component.fraction != right_component.fraction ||
        left_component.source != right_component.source) {
      return false;
    }
  }
  return true;
}

std::optional<double> additive_shortfall_cost(const LineResult& line) {
  if (!line.cost_per_wte) {
    return std::nullopt;
  }
  return line.additive_shortfall_wte * *line.cost_per_wte;
}

void add_to(std::optional<double>& sum, double value) {
  sum = sum.value_or(0.0) + value;
}

std::vector<AssumptionGroup> group_assumptions(const ReviewResult& review) {
  std::vector<AssumptionGroup> groups;
  for (const LineResult& line : review.lines) {
    AssumptionGroup* group = nullptr;
    for (AssumptionGroup& candidate : groups) {
      if (same_assumptions(candidate.first->absence, line.absence)) {
        group = &candidate;
        break;
      }
    }
    if (group == nullptr) {
      group = &groups.emplace_back();
      group->first = &line;
    }
    group->lines.push_back(&line);
    group->productive_wte += line.productive_wte;
    group->additive_shortfall_wte += line.additive_shortfall_wte;
    if (line.cost_per_wte) {
      const double cost = *line.cost_per_wte;
      add_to(group->additive_shortfall_cost, line.additive_shortfall_wte * cost);
      add_to(group->exact_uplift_cost, line.productive_wte * line.uplift_exact * cost);
      add_to(group->additive_uplift_cost, line.productive_wte * line.uplift_additive * cost);
    }
    if (line.uplift_cost) {
      add_to(group->uplift_cost, *line.uplift_cost);
    }
  }
  return groups;
}

}  // namespace report

namespace {

using nlohmann::ordered_json;
using report::set_number;

ordered_json components_json(const ResolvedAbsence& absence, double contracted_hours_per_wte) {
  ordered_json components = ordered_json::array();
  for (const AbsenceComponent& component : absence.components) {
    ordered_json object = ordered_json::object();
    object["component"] = component.component;
    set_number(object, "fraction", component.fraction);
    set_number(object, "hours_per_wte", component.fraction * contracted_hours_per_wte);
    object["source"] = level_name(component.source);
    components.push_back(std::move(object));
  }
  return components;
}

ordered_json group_json(const report::AssumptionGroup& group, std::size_t id,
                        double contracted_hours_per_wte) {
  const LineResult& first = *group.first;
  ordered_json object = ordered_json::object();
  object["id"] = id;
  object["components"] = components_json(first.absence, contracted_hours_per_wte);
  set_number(object, "absence_total", first.absence.total);
  set_number(object, "headcount_per_wte", first.absence.headcount_per_wte);
  set_number(object, "uplift_exact", first.uplift_exact);
  set_number(object, "uplift_additive", first.uplift_additive);
  set_number(object, "uplift_applied", first.uplift_applied);
  set_number(object, "productive_wte", group.productive_wte);
  set_number(object, "additive_shortfall_wte", group.additive_shortfall_wte);
  set_number(object, "additive_shortfall_cost", group.additive_shortfall_cost);
  set_number(object, "uplift_cost", group.uplift_cost);
  ordered_json lines = ordered_json::array();
  for (const LineResult* line : group.lines) {
    lines.push_back({{"team", line->team->id}, {"profession", line->profession->id}});
  }
  object["lines"] = std::move(lines);
  return object;
}

}  // namespace

ordered_json uplift_to_json(const ReviewResult& review) {
  const Model& model = report::model_of(review);
  const double contracted_hours_per_wte = model.review.contracted_hours_per_wte();
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-uplift/1";
  document["review"] = report::review_settings_json(model);

  ordered_json sets = ordered_json::array();
  std::size_t id = 0;
  for (const report::AssumptionGroup& group : report::group_assumptions(review)) {
    sets.push_back(group_json(group, ++id, contracted_hours_per_wte));
  }
  document["assumption_sets"] = std::move(sets);

  ordered_json organisation = ordered_json::object();
  set_number(organisation, "productive_wte", review.organisation.productive_wte);
  set_number(organisation, "additive_shortfall_wte", review.organisation.additive_shortfall_wte);
  set_number(organisation, "additive_shortfall_cost", review.organisation.additive_shortfall_cost);
  set_number(organisation, "uplift_cost", review.organisation.uplift_cost);
  document["organisation"] = std::move(organisation);
  document["warnings"] = review.warnings;
  return document;
}

}  // namespace estab
