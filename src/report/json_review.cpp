// The `estab-review/1` JSON document. `establishment` and `gaps` write this same
// document as their JSON: one contract for every review command, so scripts read one shape.

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/field_output.hpp"
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
  document.member("organisation", fields_json(review.organisation, totals_fields()));
  document.member("warnings", review.warnings);
  document.finish();
}

}  // namespace report

ordered_json review_to_json(const ReviewResult& review) {
  ordered_json document = ordered_json::object();
  document["schema"] = "estab-review/1";
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
  document["warnings"] = review.warnings;
  return document;
}

}  // namespace estab
