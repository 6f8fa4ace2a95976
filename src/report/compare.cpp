// Scenario comparison (SPEC §6): the two `estab-review/1` documents diffed record by record —
// lines by (team, profession), teams by id, services by id (null for the teams without one) and
// the organisation — and the `estab-compare/1` JSON document.

#include "estab/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "report/json_support.hpp"

namespace estab {

namespace {

using nlohmann::ordered_json;

/// The numeric TOTALS fields of the review contract, in contract order.
const std::vector<std::string> kTotalsFields = {"productive_wte",
                                                "required_wte",
                                                "funded_wte",
                                                "in_post_wte",
                                                "establishment_gap_wte",
                                                "vacancy_wte",
                                                "net_gap_wte",
                                                "registered_required_wte",
                                                "registered_in_post_wte",
                                                "registered_share_required",
                                                "registered_share_funded",
                                                "registered_share_in_post",
                                                "registered_target",
                                                "registered_gap_wte",
                                                "required_cost",
                                                "funded_cost"};

/// The numeric fields of a staffing line in the review contract, in contract order.
const std::vector<std::string> kLineFields = {"absence_total",
                                              "uplift_exact",
                                              "uplift_additive",
                                              "uplift_applied",
                                              "demand_hours_per_week",
                                              "productive_wte",
                                              "fixed_wte",
                                              "required_wte",
                                              "funded_wte",
                                              "in_post_wte",
                                              "establishment_gap_wte",
                                              "vacancy_wte",
                                              "vacancy_rate",
                                              "net_gap_wte",
                                              "net_gap_rate",
                                              "wisn_ratio",
                                              "additive_shortfall_wte",
                                              "cost_per_wte",
                                              "required_cost",
                                              "funded_cost",
                                              "in_post_cost",
                                              "uplift_cost"};

/// The numeric fields of a team: its totals, then the inpatient and judgement fields.
std::vector<std::string> team_fields() {
  std::vector<std::string> fields = kTotalsFields;
  fields.insert(fields.end(),
                {"chppd_planned", "chppd_benchmark", "benchmark_productive_wte", "judgement_wte"});
  return fields;
}

/// The identity keys of a record at each level: what matches a base record to a scenario one.
const std::vector<std::string>& identity_keys(RollupLevel level) {
  static const std::vector<std::string> line_keys = {"team", "profession"};
  static const std::vector<std::string> team_keys = {"team"};
  static const std::vector<std::string> service_keys = {"service"};
  static const std::vector<std::string> organisation_keys;
  switch (level) {
    case RollupLevel::Line: return line_keys;
    case RollupLevel::Team: return team_keys;
    case RollupLevel::Service: return service_keys;
    case RollupLevel::Organisation: break;
  }
  return organisation_keys;
}

/// A review record's numeric field: nullopt for null; throws when the contract is broken.
std::optional<double> number_at(const ordered_json& record, const std::string& field) {
  const auto found = record.find(field);
  if (found == record.end()) {
    throw std::logic_error(fmt::format("compare: a review record has no '{}'", field));
  }
  if (found->is_null()) {
    return std::nullopt;
  }
  if (!found->is_number()) {
    throw std::logic_error(fmt::format("compare: '{}' is not a number", field));
  }
  return found->get<double>();
}

/// True when a field moved: a null/number switch, or numbers further apart than the tolerance.
bool moved(const FieldChange& change) {
  if (change.base.has_value() != change.scenario.has_value()) {
    return true;
  }
  return change.base && std::fabs(*change.scenario - *change.base) > kCompareTolerance;
}

/// Copies a record's identity (team, profession, service) from its review JSON.
void copy_identity(ComparedRecord& record, const ordered_json& source, RollupLevel level) {
  for (const std::string& key : identity_keys(level)) {
    const ordered_json& value = source.at(key);
    if (key == "team") {
      record.team = value.get<std::string>();
    } else if (key == "profession") {
      record.profession = value.get<std::string>();
    } else if (!value.is_null()) {
      record.service = value.get<std::string>();
    }
  }
}

/// Compares one record found in the base, the scenario or both (a null pointer is an absent
/// side).
ComparedRecord compare_record(const ordered_json* base, const ordered_json* scenario,
                              RollupLevel level) {
  ComparedRecord record;
  copy_identity(record, base != nullptr ? *base : *scenario, level);
  for (const std::string& field : compared_fields(level)) {
    FieldChange change;
    change.field = field;
    if (base != nullptr) change.base = number_at(*base, field);
    if (scenario != nullptr) change.scenario = number_at(*scenario, field);
    if (change.base && change.scenario) change.delta = *change.scenario - *change.base;
    record.fields.push_back(std::move(change));
  }
  if (base == nullptr) {
    record.status = CompareStatus::Added;
  } else if (scenario == nullptr) {
    record.status = CompareStatus::Removed;
  } else {
    const bool any_moved = std::any_of(record.fields.begin(), record.fields.end(), moved);
    record.status = any_moved ? CompareStatus::Changed : CompareStatus::Same;
  }
  return record;
}

/// The text that matches a record across the two sides: its identity values as JSON.
std::string match_key(const ordered_json& record, RollupLevel level) {
  ordered_json identity = ordered_json::array();
  for (const std::string& key : identity_keys(level)) identity.push_back(record.at(key));
  return identity.dump();
}

/// Compares two lists of review records: base order, then the scenario-only records in
/// scenario order.
std::vector<ComparedRecord> compare_lists(const ordered_json& base_records,
                                          const ordered_json& scenario_records, RollupLevel level) {
  std::map<std::string, std::size_t> scenario_index;
  for (std::size_t index = 0; index < scenario_records.size(); ++index) {
    const std::string key = match_key(scenario_records[index], level);
    if (!scenario_index.emplace(key, index).second) {
      throw std::logic_error("compare: two scenario records share the key " + key);
    }
  }
  std::vector<bool> matched(scenario_records.size(), false);
  std::vector<ComparedRecord> records;
  for (const ordered_json& base_record : base_records) {
    const auto found = scenario_index.find(match_key(base_record, level));
    const ordered_json* scenario_record = nullptr;
    if (found != scenario_index.end()) {
      scenario_record = &scenario_records[found->second];
      matched[found->second] = true;
    }
    records.push_back(compare_record(&base_record, scenario_record, level));
  }
  for (std::size_t index = 0; index < scenario_records.size(); ++index) {
    if (!matched[index]) {
      records.push_back(compare_record(nullptr, &scenario_records[index], level));
    }
  }
  return records;
}

/// One compared record as JSON: its identity, status, then {base, scenario, delta} per field.
ordered_json record_json(const ComparedRecord& record, RollupLevel level) {
  ordered_json object = ordered_json::object();
  for (const std::string& key : identity_keys(level)) {
    if (key == "team") {
      object["team"] = record.team;
    } else if (key == "profession") {
      object["profession"] = record.profession;
    } else {
      report::set_text(object, "service", record.service);
    }
  }
  object["status"] = compare_status_name(record.status);
  for (const FieldChange& change : record.fields) {
    ordered_json values = ordered_json::object();
    report::set_number(values, "base", change.base);
    report::set_number(values, "scenario", change.scenario);
    report::set_number(values, "delta", change.delta);
    object[change.field] = std::move(values);
  }
  return object;
}

ordered_json records_json(const std::vector<ComparedRecord>& records, RollupLevel level) {
  ordered_json list = ordered_json::array();
  for (const ComparedRecord& record : records) list.push_back(record_json(record, level));
  return list;
}

}  // namespace

const char* compare_status_name(CompareStatus status) {
  switch (status) {
    case CompareStatus::Same: return "same";
    case CompareStatus::Changed: return "changed";
    case CompareStatus::Added: return "added";
    case CompareStatus::Removed: return "removed";
  }
  return "same";
}

const FieldChange& ComparedRecord::field(std::string_view name) const {
  for (const FieldChange& change : fields) {
    if (change.field == name) return change;
  }
  throw std::out_of_range(fmt::format("compare: no field '{}'", name));
}

const std::vector<std::string>& compared_fields(RollupLevel level) {
  static const std::vector<std::string> teams = team_fields();
  switch (level) {
    case RollupLevel::Line: return kLineFields;
    case RollupLevel::Team: return teams;
    case RollupLevel::Service:
    case RollupLevel::Organisation: break;
  }
  return kTotalsFields;
}

Comparison compare_reviews(const ReviewResult& base, const ReviewResult& scenario,
                           const std::string& base_file, const std::string& scenario_file) {
  const ordered_json base_document = review_to_json(base);
  const ordered_json scenario_document = review_to_json(scenario);
  Comparison comparison;
  comparison.base_file = base_file;
  comparison.scenario_file = scenario_file;
  comparison.lines =
      compare_lists(base_document.at("lines"), scenario_document.at("lines"), RollupLevel::Line);
  comparison.teams =
      compare_lists(base_document.at("teams"), scenario_document.at("teams"), RollupLevel::Team);
  comparison.services = compare_lists(base_document.at("services"),
                                      scenario_document.at("services"), RollupLevel::Service);
  comparison.organisation =
      compare_record(&base_document.at("organisation"), &scenario_document.at("organisation"),
                     RollupLevel::Organisation);
  return comparison;
}

nlohmann::ordered_json comparison_to_json(const Comparison& comparison) {
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-compare/1";
  document["base"] = comparison.base_file;
  document["scenario"] = comparison.scenario_file;
  document["lines"] = records_json(comparison.lines, RollupLevel::Line);
  document["teams"] = records_json(comparison.teams, RollupLevel::Team);
  document["services"] = records_json(comparison.services, RollupLevel::Service);
  document["organisation"] = record_json(comparison.organisation, RollupLevel::Organisation);
  return document;
}

}  // namespace estab
