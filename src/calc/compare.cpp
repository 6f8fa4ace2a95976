// Scenario comparison: both reviews reduced to their comparable records (identity and compared
// figures, read through the field tables), then matched record by record: lines by (team,
// profession), teams by id, services by id (null for the teams without one) and the
// organisation.

#include "estab/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace estab {

namespace {

/// What a figure vector holds for a null value.
constexpr double kNullFigure = std::numeric_limits<double>::quiet_NaN();

/// What a comparison reads of one level's table: its key fields, and its compared fields with
/// their units.
struct ComparedLayout {
  std::vector<std::string_view> keys;
  std::vector<std::string_view> labels;    ///< text fields that are not keys
  std::vector<std::string_view> identity;  ///< keys and labels, in table order
  std::vector<std::string_view> fields;
  std::vector<FieldUnit> units;

  template <typename Record>
  explicit ComparedLayout(const FieldTable<Record>& table) {
    for (const Field<Record>& field : table) {
      if (field.key) keys.push_back(field.name);
      if (field.key || field.unit == FieldUnit::Text) identity.push_back(field.name);
      if (!field.key && field.unit == FieldUnit::Text) labels.push_back(field.name);
      if (!field.compared) continue;
      fields.push_back(field.name);
      units.push_back(field.unit);
    }
    if (labels.size() > kMaxCompareLabels) {
      throw std::logic_error("compare: a record has more text fields than kMaxCompareLabels");
    }
  }
};

/// The layout of every level, built once.
struct ComparedTables {
  ComparedLayout lines{line_fields()};
  ComparedLayout teams{team_fields()};
  ComparedLayout services{service_fields()};
  ComparedLayout organisation{totals_fields()};  // totals have no key fields

  const ComparedLayout& at(RollupLevel level) const {
    switch (level) {
      case RollupLevel::Line: return lines;
      case RollupLevel::Team: return teams;
      case RollupLevel::Service: return services;
      case RollupLevel::Organisation: break;
    }
    return organisation;
  }
};

const ComparedTables& compared_tables() {
  static const ComparedTables tables;
  return tables;
}

/// The compared figures of a record, NaN for null; throws std::logic_error for a figure that
/// is not finite (the contract has none).
template <typename Record>
std::vector<double> figures_of(const Record& record, const FieldTable<Record>& table) {
  std::vector<double> figures;
  figures.reserve(static_cast<std::size_t>(std::count_if(
      table.begin(), table.end(), [](const Field<Record>& field) { return field.compared; })));
  for (const Field<Record>& field : table) {
    if (!field.compared) continue;
    const std::optional<double> value = field.read(record).as_number();
    if (value && !std::isfinite(*value)) {
      throw std::logic_error(fmt::format("compare: '{}' is not a finite number", field.name));
    }
    figures.push_back(value ? *value : kNullFigure);
  }
  return figures;
}

/// The text of a key field of a record, or null.
template <typename Record>
std::optional<std::string> key_text(const Record& record, const FieldTable<Record>& table,
                                    std::string_view name) {
  for (const Field<Record>& field : table) {
    if (field.key && field.name == name) {
      const FieldValue value = field.read(record);
      if (value.kind == FieldValue::Kind::Null) return std::nullopt;
      return std::string(value.text);
    }
  }
  throw std::logic_error(fmt::format("compare: no key field '{}'", name));
}

/// Gives each distinct label text one index in a review's list of label texts.
class LabelInterner {
 public:
  explicit LabelInterner(std::vector<std::string>& texts) : texts_(texts) {}

  /// The labels of a record: each label field of `table`, interned.
  template <typename Record>
  CompareLabels labels_of(const Record& record, const FieldTable<Record>& table) {
    CompareLabels labels;
    labels.fill(kNoCompareLabel);
    std::size_t next = 0;
    for (const Field<Record>& field : table) {
      if (field.key || field.unit != FieldUnit::Text) continue;
      const FieldValue value = field.read(record);
      if (value.kind != FieldValue::Kind::Null) labels[next] = intern(value.text);
      ++next;
    }
    return labels;
  }

 private:
  std::uint32_t intern(std::string_view text) {
    const auto found = indexes_.find(std::string(text));
    if (found != indexes_.end()) return found->second;
    const auto index = static_cast<std::uint32_t>(texts_.size());
    texts_.emplace_back(text);
    indexes_.emplace(texts_.back(), index);
    return index;
  }

  std::vector<std::string>& texts_;
  std::unordered_map<std::string, std::uint32_t> indexes_;
};

/// The text that matches a record across the two sides at its level.
std::string match_key(const ComparableRecord& record, RollupLevel level) {
  switch (level) {
    case RollupLevel::Line:
      return fmt::format("{}:{}{}", record.team.size(), record.team, record.profession);
    case RollupLevel::Team: return record.team;
    case RollupLevel::Service: return record.service ? "=" + *record.service : std::string("-");
    case RollupLevel::Organisation: break;
  }
  return {};
}

/// A figure of a figure vector as an optional: null for NaN or a missing side.
std::optional<double> figure_at(const std::vector<double>& figures, std::size_t index) {
  if (index >= figures.size() || std::isnan(figures[index])) return std::nullopt;
  return figures[index];
}

/// True when a field moved: a null/number switch, or numbers further apart than the tolerance.
bool moved(const FieldChange& change) {
  if (change.base.has_value() != change.scenario.has_value()) return true;
  return change.base && std::fabs(*change.scenario - *change.base) > kCompareTolerance;
}

/// One compared record found in the base, the scenario or both (null is an absent side).
/// The label texts of both sides in one list: the base's, then the scenario's from
/// `scenario_offset` on.
struct SharedLabels {
  std::shared_ptr<const std::vector<std::string>> texts;
  std::uint32_t scenario_offset = 0;
};

ComparedRecord compare_record(ComparableRecord* base, ComparableRecord* scenario, RollupLevel level,
                              const SharedLabels& shared) {
  ComparedRecord record;
  record.level = level;
  ComparableRecord& identity = base != nullptr ? *base : *scenario;
  record.team = identity.team;
  record.profession = identity.profession;
  record.service = identity.service;
  record.label_texts = shared.texts;
  if (scenario != nullptr) {
    for (std::size_t index = 0; index < kMaxCompareLabels; ++index) {
      const std::uint32_t label = scenario->labels[index];
      record.labels[index] =
          label == kNoCompareLabel ? kNoCompareLabel : label + shared.scenario_offset;
    }
  } else {
    record.labels = base->labels;
  }
  if (base != nullptr) record.base_figures = std::move(base->figures);
  if (scenario != nullptr) record.scenario_figures = std::move(scenario->figures);
  if (base == nullptr) {
    record.status = CompareStatus::Added;
  } else if (scenario == nullptr) {
    record.status = CompareStatus::Removed;
  } else {
    const std::vector<FieldChange> changes = record.fields();
    record.status = std::any_of(changes.begin(), changes.end(), moved) ? CompareStatus::Changed
                                                                       : CompareStatus::Same;
  }
  return record;
}

/// Compares two lists of records: base order, then the scenario-only records in scenario order.
std::vector<ComparedRecord> compare_lists(std::vector<ComparableRecord>& base_records,
                                          std::vector<ComparableRecord>& scenario_records,
                                          RollupLevel level, const SharedLabels& shared) {
  std::unordered_map<std::string, std::size_t> scenario_index;
  scenario_index.reserve(scenario_records.size());
  for (std::size_t index = 0; index < scenario_records.size(); ++index) {
    std::string key = match_key(scenario_records[index], level);
    if (!scenario_index.emplace(key, index).second) {
      throw std::logic_error("compare: two scenario records share the key " + key);
    }
  }
  std::vector<bool> matched(scenario_records.size(), false);
  std::vector<ComparedRecord> records;
  records.reserve(base_records.size());
  for (ComparableRecord& base_record : base_records) {
    const auto found = scenario_index.find(match_key(base_record, level));
    ComparableRecord* scenario_record = nullptr;
    if (found != scenario_index.end()) {
      scenario_record = &scenario_records[found->second];
      matched[found->second] = true;
    }
    records.push_back(compare_record(&base_record, scenario_record, level, shared));
  }
  for (std::size_t index = 0; index < scenario_records.size(); ++index) {
    if (!matched[index])
      records.push_back(compare_record(nullptr, &scenario_records[index], level, shared));
  }
  return records;
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

const std::vector<std::string_view>& compared_fields(RollupLevel level) {
  return compared_tables().at(level).fields;
}

const std::vector<FieldUnit>& compared_units(RollupLevel level) {
  return compared_tables().at(level).units;
}

const std::vector<std::string_view>& compared_keys(RollupLevel level) {
  return compared_tables().at(level).keys;
}

const std::vector<std::string_view>& compared_identity(RollupLevel level) {
  return compared_tables().at(level).identity;
}

FieldValue ComparedRecord::identity(std::string_view name) const {
  const std::vector<std::string_view>& keys = compared_keys(level);
  if (std::find(keys.begin(), keys.end(), name) != keys.end()) {
    if (name == "team") return FieldValue::of_text(team);
    if (name == "profession") return FieldValue::of_text(profession);
    if (name == "service") return service ? FieldValue::of_text(*service) : FieldValue::null();
  }
  const std::vector<std::string_view>& names = compared_tables().at(level).labels;
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) throw std::out_of_range(fmt::format("compare: no text '{}'", name));
  const std::uint32_t label = labels[static_cast<std::size_t>(found - names.begin())];
  if (label == kNoCompareLabel || !label_texts) return FieldValue::null();
  return FieldValue::of_text((*label_texts)[label]);
}

FieldChange ComparedRecord::change_at(std::size_t index) const {
  FieldChange change;
  change.field = compared_fields(level)[index];
  change.unit = compared_units(level)[index];
  change.base = figure_at(base_figures, index);
  change.scenario = figure_at(scenario_figures, index);
  if (change.base && change.scenario) change.delta = *change.scenario - *change.base;
  return change;
}

std::vector<FieldChange> ComparedRecord::fields() const {
  const std::size_t count = compared_fields(level).size();
  std::vector<FieldChange> changes;
  changes.reserve(count);
  for (std::size_t index = 0; index < count; ++index) changes.push_back(change_at(index));
  return changes;
}

FieldChange ComparedRecord::field(std::string_view name) const {
  const std::vector<std::string_view>& names = compared_fields(level);
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) throw std::out_of_range(fmt::format("compare: no field '{}'", name));
  return change_at(static_cast<std::size_t>(found - names.begin()));
}

namespace {

/// Builds a ComparableReview record by record, in the review's order.
class ComparableBuilder {
 public:
  ComparableBuilder() : interner_(comparable_.label_texts) {}

  void add_line(const LineResult& line) {
    ComparableRecord record;
    record.team = *key_text(line, line_fields(), "team");
    record.profession = *key_text(line, line_fields(), "profession");
    record.labels = interner_.labels_of(line, line_fields());
    record.figures = figures_of(line, line_fields());
    comparable_.lines.push_back(std::move(record));
  }

  void add_team(const TeamResult& team) {
    ComparableRecord record;
    record.team = *key_text(team, team_fields(), "team");
    record.labels = interner_.labels_of(team, team_fields());
    record.figures = figures_of(team, team_fields());
    comparable_.teams.push_back(std::move(record));
  }

  void add_service(const ServiceResult& service) {
    ComparableRecord record;
    record.service = key_text(service, service_fields(), "service");
    record.labels = interner_.labels_of(service, service_fields());
    record.figures = figures_of(service, service_fields());
    comparable_.services.push_back(std::move(record));
  }

  ComparableReview finish(const Totals& organisation) {
    comparable_.organisation.labels.fill(kNoCompareLabel);
    comparable_.organisation.figures = figures_of(organisation, totals_fields());
    return std::move(comparable_);
  }

  ComparableReview& comparable() { return comparable_; }

 private:
  ComparableReview comparable_;
  LabelInterner interner_;
};

}  // namespace

ComparableReview comparable_review(const ReviewResult& review) {
  ComparableBuilder builder;
  builder.comparable().lines.reserve(review.lines.size());
  for (const LineResult& line : review.lines) builder.add_line(line);
  builder.comparable().teams.reserve(review.teams.size());
  for (const TeamResult& team : review.teams) builder.add_team(team);
  for (const ServiceResult& service : review.services) builder.add_service(service);
  return builder.finish(review.organisation);
}

ComparableReview comparable_review(const Model& model) {
  ComparableBuilder builder;
  std::size_t line_count = 0;
  for (const Team& team : model.teams) line_count += team.lines.size();
  builder.comparable().lines.reserve(line_count);
  builder.comparable().teams.reserve(model.teams.size());
  const StreamedReview rollups =
      stream_review(model, {[&builder](const LineResult& line) { builder.add_line(line); },
                            [&builder](const TeamResult& team) { builder.add_team(team); }});
  for (const ServiceResult& service : rollups.services) builder.add_service(service);
  return builder.finish(rollups.organisation);
}

Comparison compare_reviews(ComparableReview base, ComparableReview scenario,
                           const std::string& base_file, const std::string& scenario_file) {
  Comparison comparison;
  comparison.base_file = base_file;
  comparison.scenario_file = scenario_file;
  SharedLabels shared;
  shared.scenario_offset = static_cast<std::uint32_t>(base.label_texts.size());
  std::vector<std::string> texts = std::move(base.label_texts);
  texts.insert(texts.end(), std::make_move_iterator(scenario.label_texts.begin()),
               std::make_move_iterator(scenario.label_texts.end()));
  shared.texts = std::make_shared<const std::vector<std::string>>(std::move(texts));
  comparison.lines = compare_lists(base.lines, scenario.lines, RollupLevel::Line, shared);
  comparison.teams = compare_lists(base.teams, scenario.teams, RollupLevel::Team, shared);
  comparison.services =
      compare_lists(base.services, scenario.services, RollupLevel::Service, shared);
  comparison.organisation =
      compare_record(&base.organisation, &scenario.organisation, RollupLevel::Organisation, shared);
  return comparison;
}

Comparison compare_reviews(const ReviewResult& base, const ReviewResult& scenario,
                           const std::string& base_file, const std::string& scenario_file) {
  return compare_reviews(comparable_review(base), comparable_review(scenario), base_file,
                         scenario_file);
}

}  // namespace estab
