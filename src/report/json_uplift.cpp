// The `estab-uplift/1` document: each distinct set of absence assumptions and its figures.

#include <string>
#include <unordered_map>

#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
#include "report/json_support.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace {

using nlohmann::ordered_json;
using report::set_number;

ordered_json components_json(const ResolvedAbsence& absence, const AbsenceHours& hours) {
  ordered_json components = ordered_json::array();
  for (std::size_t index = 0; index < absence.components.size(); ++index) {
    const AbsenceComponent& component = absence.components[index];
    ordered_json object = ordered_json::object();
    object["component"] = component.component;
    set_number(object, "fraction", component.fraction);
    set_number(object, "hours_per_wte", hours.components[index]);
    object["source"] = level_name(component.source);
    components.push_back(std::move(object));
  }
  return components;
}

ordered_json group_json(const AssumptionGroup& group, std::size_t id) {
  const LineResult& first = *group.first;
  ordered_json object = ordered_json::object();
  object["id"] = id;
  object["components"] = components_json(first.absence, group.hours);
  for (const Field<AssumptionGroup>& field : assumption_group_fields()) {
    report::set_field(object, field.name, field.read(group));
  }
  ordered_json lines = ordered_json::array();
  for (const LineResult* line : group.lines) {
    lines.push_back({{"team", line->team->id},
                     {"team_name", line->team->name},
                     {"profession", line->profession->id},
                     {"profession_name", line->profession->name}});
  }
  object["lines"] = std::move(lines);
  return object;
}

}  // namespace

ordered_json uplift_to_json(const ReviewResult& review) {
  const Model& model = report::model_of(review);
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-uplift/1";
  document["review"] = report::review_settings_json(model);

  ordered_json sets = ordered_json::array();
  std::size_t id = 0;
  for (const AssumptionGroup& group : group_assumptions(review)) {
    sets.push_back(group_json(group, ++id));
  }
  document["assumption_sets"] = std::move(sets);

  document["organisation"] = report::fields_json(review.organisation, uplift_totals_fields());
  document["warnings"] = review.warnings;
  return document;
}

}  // namespace estab
