#pragma once
// The pieces every field table is built from: readers of members, and fields that a
// comparison matches on, diffs, or only carries.

#include <functional>
#include <string_view>
#include <utility>

#include "estab/fields.hpp"

namespace estab::field_builders {

/// A reader of a number member (plain or optional) of a record.
template <typename Record, typename Number>
std::function<FieldValue(const Record&)> member(Number Record::*number) {
  return [number](const Record& record) { return FieldValue::of(record.*number); };
}

/// A field read from a record's totals, for records that carry totals.
template <typename Record>
Field<Record> through_totals(const Field<Totals>& field) {
  return {field.name, field.unit,
          [read = field.read](const Record& record) { return read(record.totals); }, field.key,
          field.compared};
}

/// A number field that a comparison diffs.
template <typename Record>
Field<Record> figure(std::string_view name, FieldUnit unit,
                     std::function<FieldValue(const Record&)> read) {
  return {name, unit, std::move(read), false, true};
}

/// A field that a comparison neither matches on nor diffs: a label, a flag or a rating.
template <typename Record>
Field<Record> label(std::string_view name, FieldUnit unit,
                    std::function<FieldValue(const Record&)> read) {
  return {name, unit, std::move(read), false, false};
}

/// A field that identifies a record when two reviews are matched.
template <typename Record>
Field<Record> key(std::string_view name, std::function<FieldValue(const Record&)> read) {
  return {name, FieldUnit::Text, std::move(read), true, false};
}

/// The absence components of a line: a list in JSON, a column per component in CSV and XLSX.
template <typename Record>
Field<Record> components(std::string_view name) {
  return {name, FieldUnit::Components, nullptr, false, false};
}

/// The actual absence of a record: an `actual_<component>` field per component with an actual.
template <typename Record>
Field<Record> actual_components() {
  return {"actual", FieldUnit::ActualComponents, nullptr, false, false};
}

/// The table `make` builds, built on first use and kept.
template <auto make>
const auto& built_once() {
  static const auto table = make();
  return table;
}

}  // namespace estab::field_builders
