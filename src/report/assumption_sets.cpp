// Grouping lines by distinct set of absence assumptions, and the `estab-uplift/1` document.

#include "report/assumption_sets.hpp"

#include <string>
#include <unordered_map>

#include "estab/report.hpp"
#include "report/json_support.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace report {

std::optional<double> additive_shortfall_cost(const LineResult& line) {
  if (!line.cost_per_wte) {
    return std::nullopt;
  }
  return line.additive_shortfall_wte * *line.cost_per_wte;
}

void add_to(std::optional<double>& sum, double value) {
  sum = sum.value_or(0.0) + value;
}

namespace {

/// A key that two lines share exactly when they have the same assumptions: the headcount per
/// WTE and, in order, each component's name, fraction and source.
std::string assumption_key(const ResolvedAbsence& absence) {
  std::string key;
  const auto add_number = [&key](double value) {
    if (value == 0.0) value = 0.0;  // -0 and +0 compare equal, so they share a key
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
  };
  add_number(absence.headcount_per_wte);
  for (const AbsenceComponent& component : absence.components) {
    const std::size_t name_length = component.component.size();
    key.append(reinterpret_cast<const char*>(&name_length), sizeof name_length);
    key += component.component;
    add_number(component.fraction);
    key.push_back(static_cast<char>(component.source));
  }
  return key;
}

}  // namespace

std::vector<AssumptionGroup> group_assumptions(const ReviewResult& review) {
  std::vector<AssumptionGroup> groups;
  std::unordered_map<std::string, std::size_t> group_of_key;  // one pass, however many groups
  for (const LineResult& line : review.lines) {
    const auto [found, inserted] = group_of_key.emplace(assumption_key(line.absence), groups.size());
    if (inserted) groups.emplace_back().first = &line;
    AssumptionGroup* group = &groups[found->second];
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
