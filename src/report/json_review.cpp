// The `estab-review/1` JSON document (§7.1). `establishment` and `gaps` write this same
// document as their JSON: one contract for every review command, so scripts read one shape.

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "estab/report.hpp"
#include "report/json_support.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace {

using nlohmann::ordered_json;
using report::set_number;
using report::set_text;

ordered_json line_json(const LineResult& line) {
  ordered_json object = ordered_json::object();
  object["team"] = line.team->id;
  set_text(object, "service", report::service_id(line.service));
  object["profession"] = line.profession->id;
  object["registered"] = line.profession->registered;
  object["absence"] = report::absence_json(line.absence);
  set_number(object, "absence_total", line.absence.total);
  set_number(object, "uplift_exact", line.uplift_exact);
  set_number(object, "uplift_additive", line.uplift_additive);
  set_number(object, "uplift_applied", line.uplift_applied);
  set_number(object, "demand_hours_per_week", line.demand_hours_per_week);
  set_number(object, "productive_wte", line.productive_wte);
  set_number(object, "fixed_wte", line.fixed_wte);
  set_number(object, "required_wte", line.required_wte);
  set_number(object, "funded_wte", line.funded_wte);
  set_number(object, "in_post_wte", line.in_post_wte);
  set_number(object, "establishment_gap_wte", line.establishment_gap_wte);
  set_number(object, "vacancy_wte", line.vacancy_wte);
  set_number(object, "vacancy_rate", line.vacancy_rate);
  set_number(object, "net_gap_wte", line.net_gap_wte);
  set_number(object, "net_gap_rate", line.net_gap_rate);
  object["gap_rag"] = rag_name(line.gap_rag);
  set_number(object, "wisn_ratio", line.wisn_ratio);
  set_number(object, "additive_shortfall_wte", line.additive_shortfall_wte);
  set_number(object, "cost_per_wte", line.cost_per_wte);
  set_number(object, "required_cost", line.required_cost);
  set_number(object, "funded_cost", line.funded_cost);
  set_number(object, "in_post_cost", line.in_post_cost);
  set_number(object, "uplift_cost", line.uplift_cost);
  return object;
}

ordered_json team_json(const TeamResult& team) {
  ordered_json object = ordered_json::object();
  object["team"] = team.team->id;
  set_text(object, "service", report::service_id(team.service));
  report::add_totals(object, team.totals);
  set_number(object, "chppd_planned", team.chppd_planned);
  set_number(object, "chppd_benchmark", team.chppd_benchmark);
  set_number(object, "benchmark_productive_wte", team.benchmark_productive_wte);
  set_number(object, "judgement_wte", team.judgement_wte);
  return object;
}

ordered_json service_json(const ServiceResult& service) {
  ordered_json object = ordered_json::object();
  set_text(object, "service", report::service_id(service.service));
  report::add_totals(object, service.totals);
  return object;
}

ordered_json profession_json(const ProfessionResult& profession) {
  ordered_json object = ordered_json::object();
  object["profession"] = profession.profession->id;
  object["registered"] = profession.profession->registered;
  set_number(object, "productive_wte", profession.productive_wte);
  set_number(object, "required_wte", profession.required_wte);
  set_number(object, "funded_wte", profession.funded_wte);
  set_number(object, "in_post_wte", profession.in_post_wte);
  set_number(object, "establishment_gap_wte", profession.establishment_gap_wte);
  set_number(object, "vacancy_wte", profession.vacancy_wte);
  set_number(object, "net_gap_wte", profession.net_gap_wte);
  set_number(object, "vacancy_rate", profession.vacancy_rate);
  set_number(object, "net_gap_rate", profession.net_gap_rate);
  set_number(object, "required_cost", profession.required_cost);
  set_number(object, "funded_cost", profession.funded_cost);
  return object;
}

}  // namespace

namespace report {

void set_number(ordered_json& object, std::string_view key, double value) {
  if (!std::isfinite(value)) {
    throw std::logic_error(fmt::format("report: '{}' is not a finite number", key));
  }
  object[std::string(key)] = value;
}

void set_number(ordered_json& object, std::string_view key, const std::optional<double>& value) {
  if (value) {
    set_number(object, key, *value);
  } else {
    object[std::string(key)] = nullptr;
  }
}

void set_text(ordered_json& object, std::string_view key, const std::optional<std::string>& value) {
  if (value) {
    object[std::string(key)] = *value;
  } else {
    object[std::string(key)] = nullptr;
  }
}

ordered_json review_settings_json(const Model& model) {
  const ReviewSettings& settings = model.review;
  ordered_json object = ordered_json::object();
  set_text(object, "organisation", settings.organisation);
  set_text(object, "title", settings.title);
  set_text(object, "period", settings.period);
  object["uplift_method"] = uplift_method_name(settings.uplift_method.value);
  set_number(object, "standard_hours", settings.standard_hours.value);
  set_number(object, "working_days", settings.working_days.value);
  set_number(object, "contracted_hours_per_wte", settings.contracted_hours_per_wte());
  return object;
}

ordered_json absence_json(const ResolvedAbsence& absence) {
  ordered_json components = ordered_json::array();
  for (const AbsenceComponent& component : absence.components) {
    ordered_json object = ordered_json::object();
    object["component"] = component.component;
    set_number(object, "fraction", component.fraction);
    object["source"] = level_name(component.source);
    components.push_back(std::move(object));
  }
  return components;
}

void add_totals(ordered_json& object, const Totals& totals) {
  set_number(object, "productive_wte", totals.productive_wte);
  set_number(object, "required_wte", totals.required_wte);
  set_number(object, "funded_wte", totals.funded_wte);
  set_number(object, "in_post_wte", totals.in_post_wte);
  set_number(object, "establishment_gap_wte", totals.establishment_gap_wte);
  set_number(object, "vacancy_wte", totals.vacancy_wte);
  set_number(object, "net_gap_wte", totals.net_gap_wte);
  set_number(object, "registered_required_wte", totals.registered_required_wte);
  set_number(object, "registered_in_post_wte", totals.registered_in_post_wte);
  set_number(object, "registered_share_required", totals.registered_share_required);
  set_number(object, "registered_share_funded", totals.registered_share_funded);
  set_number(object, "registered_share_in_post", totals.registered_share_in_post);
  set_number(object, "registered_target", totals.registered_target);
  set_number(object, "registered_gap_wte", totals.registered_gap_wte);
  object["skill_mix_rag"] = rag_name(totals.skill_mix_rag);
  set_number(object, "required_cost", totals.required_cost);
  set_number(object, "funded_cost", totals.funded_cost);
}

void write_json(std::ostream& out, const ordered_json& document) {
  out << document.dump(2) << '\n';
}

namespace {

/// The JSON text of `value` as dump(2) writes it when it sits `depth` levels deep: every line
/// after the first indented by two spaces a level (a raw line break only ever separates).
std::string dumped_at_depth(const ordered_json& value, std::size_t depth) {
  const std::string text = value.dump(2);
  const std::string indent(2 * depth, ' ');
  std::string result;
  result.reserve(text.size() + text.size() / 8);
  for (const char character : text) {
    result.push_back(character);
    if (character == '\n') result += indent;
  }
  return result;
}

/// Writes a top-level JSON object member by member, byte for byte as dump(2) writes the whole
/// object, so that a long list never has to be held as a JSON tree.
class StreamedObject {
 public:
  explicit StreamedObject(std::ostream& out) : out_(out) {}

  /// One member whose value is written whole.
  void member(std::string_view key, const ordered_json& value) {
    start_member(key);
    out_ << dumped_at_depth(value, 1);
  }

  /// One member whose value is a list of `items`, each turned into JSON by `to_json` and
  /// written as soon as it is made.
  template <typename Items, typename ToJson>
  void list_member(std::string_view key, const Items& items, ToJson to_json) {
    start_member(key);
    if (items.empty()) {
      out_ << "[]";
      return;
    }
    out_ << '[';
    bool first = true;
    for (const auto& item : items) {
      out_ << (first ? "\n    " : ",\n    ") << dumped_at_depth(to_json(item), 2);
      first = false;
    }
    out_ << "\n  ]";
  }

  /// Closes the object and ends the line.
  void finish() { out_ << (empty_ ? "{}" : "\n}") << '\n'; }

 private:
  void start_member(std::string_view key) {
    out_ << (empty_ ? "{\n  " : ",\n  ") << ordered_json(key).dump() << ": ";
    empty_ = false;
  }

  std::ostream& out_;
  bool empty_ = true;
};

}  // namespace

void write_review_json(std::ostream& out, const ReviewResult& review) {
  StreamedObject document(out);
  document.member("schema", "estab-review/1");
  document.member("review", review_settings_json(model_of(review)));
  document.list_member("lines", review.lines, line_json);
  document.list_member("teams", review.teams, team_json);
  document.list_member("services", review.services, service_json);
  document.list_member("professions", review.professions, profession_json);
  ordered_json organisation = ordered_json::object();
  add_totals(organisation, review.organisation);
  document.member("organisation", organisation);
  document.member("warnings", review.warnings);
  document.finish();
}

}  // namespace report

ordered_json review_to_json(const ReviewResult& review) {
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-review/1";
  document["review"] = report::review_settings_json(report::model_of(review));

  ordered_json lines = ordered_json::array();
  for (const LineResult& line : review.lines) {
    lines.push_back(line_json(line));
  }
  document["lines"] = std::move(lines);

  ordered_json teams = ordered_json::array();
  for (const TeamResult& team : review.teams) {
    teams.push_back(team_json(team));
  }
  document["teams"] = std::move(teams);

  ordered_json services = ordered_json::array();
  for (const ServiceResult& service : review.services) {
    services.push_back(service_json(service));
  }
  document["services"] = std::move(services);

  ordered_json professions = ordered_json::array();
  for (const ProfessionResult& profession : review.professions) {
    professions.push_back(profession_json(profession));
  }
  document["professions"] = std::move(professions);

  ordered_json organisation = ordered_json::object();
  report::add_totals(organisation, review.organisation);
  document["organisation"] = std::move(organisation);
  document["warnings"] = review.warnings;
  return document;
}

}  // namespace estab
