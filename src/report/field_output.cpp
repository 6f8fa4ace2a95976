// Field values in each format: JSON members, CSV fields and XLSX cells.

#include "report/field_output.hpp"

#include <cmath>
#include <cstdint>

#include "report/json_support.hpp"

namespace estab::report {

void set_field(nlohmann::ordered_json& object, std::string_view name, const FieldValue& value) {
  switch (value.kind) {
    case FieldValue::Kind::Null: object[std::string(name)] = nullptr; return;
    case FieldValue::Kind::Number: set_number(object, name, value.number); return;
    case FieldValue::Kind::Flag: object[std::string(name)] = value.flag; return;
    case FieldValue::Kind::Text: object[std::string(name)] = std::string(value.text); return;
  }
}

void append_field(CsvRecord& record, const FieldValue& value) {
  switch (value.kind) {
    case FieldValue::Kind::Null: record.number(std::nullopt); return;
    case FieldValue::Kind::Number: record.number(value.number); return;
    case FieldValue::Kind::Flag: record.boolean(value.flag); return;
    case FieldValue::Kind::Text: record.text(value.text); return;
  }
}

void set_count(nlohmann::ordered_json& object, std::string_view name, const FieldValue& value) {
  const std::optional<double> number = value.as_number();
  if (number && !(std::fabs(*number) < 9e15 && std::nearbyint(*number) == *number)) {
    throw std::logic_error("report: '" + std::string(name) + "' is not a whole number");
  }
  if (number) {
    object[std::string(name)] = static_cast<std::int64_t>(*number);
  } else {
    object[std::string(name)] = nullptr;
  }
}

void set_actuals(nlohmann::ordered_json& object, const AbsenceActuals& actuals) {
  for (const ActualComponent& component : actuals.components) {
    set_field(object, actual_column_name(component.component), FieldValue::of(component.actual));
  }
}

XlsxCell field_cell(const FieldValue& value) {
  switch (value.kind) {
    case FieldValue::Kind::Null: break;
    case FieldValue::Kind::Number: return value.number;
    case FieldValue::Kind::Flag: return value.flag;
    case FieldValue::Kind::Text: return std::string(value.text);
  }
  return std::monostate{};
}

std::string component_label(std::string_view prefix, std::string_view component) {
  std::string label = std::string(prefix) + ": ";
  for (const char character : component) label += character == '_' ? ' ' : character;
  return label;
}

NumberStyle number_style(FieldUnit unit) {
  switch (unit) {
    case FieldUnit::Wte:
    case FieldUnit::HeadsPerWte: return NumberStyle::Wte;
    case FieldUnit::Ratio: return NumberStyle::Ratio;
    case FieldUnit::Count: return NumberStyle::Count;
    case FieldUnit::Fraction:
    case FieldUnit::Components:
    case FieldUnit::ActualComponents: return NumberStyle::Percent;
    case FieldUnit::Hours: return NumberStyle::Hours;
    case FieldUnit::Money: return NumberStyle::Money;
    case FieldUnit::Text:
    case FieldUnit::Flag:
    case FieldUnit::Rag: break;
  }
  return NumberStyle::General;
}

nlohmann::ordered_json absence_json(const ResolvedAbsence& absence) {
  nlohmann::ordered_json components = nlohmann::ordered_json::array();
  for (const AbsenceComponent& component : absence.components) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    object["component"] = component.component;
    set_number(object, "fraction", component.fraction);
    object["source"] = level_name(component.source);
    components.push_back(std::move(object));
  }
  return components;
}

}  // namespace estab::report
