// The `estab-review/2` JSON document. `establishment` and `gaps` write this same
// document as their JSON: one contract for every review command, so scripts read one shape.

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
#include "report/json_stream.hpp"
#include "report/json_support.hpp"
#include "report/view_common.hpp"

namespace estab {

namespace {

using nlohmann::ordered_json;

ordered_json line_json(const LineResult& line) {
  return report::fields_json(line, line_fields());
}

ordered_json team_json(const TeamResult& team) {
  return report::fields_json(team, team_fields());
}

ordered_json service_json(const ServiceResult& service) {
  return report::fields_json(service, service_fields());
}

ordered_json profession_json(const ProfessionResult& profession) {
  return report::fields_json(profession, profession_fields());
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

ordered_json sources_json(const Model& model) {
  ordered_json sources = ordered_json::array();
  for (const ExtractReconciliation& extract : model.extracts.reconciliation) {
    ordered_json object = fields_json(extract, extract_fields());
    ordered_json unmapped = ordered_json::array();
    for (const UnmappedRows& rows : extract.unmapped) {
      unmapped.push_back(fields_json(rows, unmapped_fields()));
    }
    object["unmapped"] = std::move(unmapped);
    sources.push_back(std::move(object));
  }
  return sources;
}

void write_json(std::ostream& out, const ordered_json& document, bool compact) {
  out << dump_json(document, compact ? -1 : 2) << '\n';
}

void write_review_json(std::ostream& out, const ReviewResult& review, bool compact) {
  StreamedObject document(out, compact);
  document.member("schema", "estab-review/2");
  document.member("review", review_settings_json(model_of(review)));
  document.list_member("lines", review.lines, line_json);
  document.list_member("teams", review.teams, team_json);
  document.list_member("services", review.services, service_json);
  document.list_member("professions", review.professions, profession_json);
  document.member("organisation", fields_json(review.organisation, totals_fields()));
  document.member("sources", sources_json(model_of(review)));
  document.member("warnings", review.warnings);
  document.finish();
}

}  // namespace report

ordered_json review_to_json(const ReviewResult& review) {
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-review/2";
  document["review"] = report::review_settings_json(report::model_of(review));
  const auto list = [](const auto& records, const auto& table) {
    ordered_json items = ordered_json::array();
    for (const auto& record : records) items.push_back(report::fields_json(record, table));
    return items;
  };
  document["lines"] = list(review.lines, line_fields());
  document["teams"] = list(review.teams, team_fields());
  document["services"] = list(review.services, service_fields());
  document["professions"] = list(review.professions, profession_fields());
  document["organisation"] = report::fields_json(review.organisation, totals_fields());
  document["sources"] = report::sources_json(report::model_of(review));
  document["warnings"] = review.warnings;
  return document;
}

}  // namespace estab
