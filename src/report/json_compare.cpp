// The `estab-compare/2` JSON document: each compared record with its identity, its status and,
// for every compared field, the base, scenario and delta.

#include "estab/compare.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
#include "report/json_stream.hpp"
#include "report/json_support.hpp"

namespace estab {

namespace {

using nlohmann::ordered_json;

/// One compared record as JSON: its identity, status, then {base, scenario, delta} per field.
ordered_json record_json(const ComparedRecord& record) {
  ordered_json object = ordered_json::object();
  for (const std::string_view key : compared_identity(record.level)) {
    report::set_field(object, key, record.identity(key));
  }
  object["status"] = compare_status_name(record.status);
  for (const FieldChange& change : record.fields()) {
    ordered_json values = ordered_json::object();
    report::set_number(values, "base", change.base);
    report::set_number(values, "scenario", change.scenario);
    report::set_number(values, "delta", change.delta);
    object[std::string(change.field)] = std::move(values);
  }
  return object;
}

ordered_json records_json(const std::vector<ComparedRecord>& records) {
  ordered_json list = ordered_json::array();
  for (const ComparedRecord& record : records) list.push_back(record_json(record));
  return list;
}

}  // namespace

void report::write_comparison_json(std::ostream& out, const Comparison& comparison, bool compact) {
  StreamedObject document(out, compact);
  document.member("schema", "estab-compare/2");
  document.member("base", comparison.base_file);
  document.member("scenario", comparison.scenario_file);
  document.list_member("lines", comparison.lines, record_json);
  document.list_member("teams", comparison.teams, record_json);
  document.list_member("services", comparison.services, record_json);
  document.member("organisation", record_json(comparison.organisation));
  document.finish();
}

nlohmann::ordered_json comparison_to_json(const Comparison& comparison) {
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-compare/2";
  document["base"] = comparison.base_file;
  document["scenario"] = comparison.scenario_file;
  document["lines"] = records_json(comparison.lines);
  document["teams"] = records_json(comparison.teams);
  document["services"] = records_json(comparison.services);
  document["organisation"] = record_json(comparison.organisation);
  return document;
}

}  // namespace estab
