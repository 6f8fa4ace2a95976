#pragma once
/// Field-table records in each format: a JSON object, a CSV header and record, XLSX columns
/// and a row. Every record a review, an uplift view or a comparison writes goes through these,
/// so the formats can never list different fields.

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "estab/fields.hpp"
#include "report/csv_writer.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

/// Sets `object[name]` to a field's value: null, a finite number, a flag or text. Throws
/// std::logic_error for a number that is not finite.
void set_field(nlohmann::ordered_json& object, std::string_view name, const FieldValue& value);

/// Sets `object[name]` to a whole number (a count) or null.
void set_count(nlohmann::ordered_json& object, std::string_view name, const FieldValue& value);

/// Appends a field's value to a CSV record: empty for null.
void append_field(CsvRecord& record, const FieldValue& value);

/// A field's value as an XLSX cell: empty for null.
XlsxCell field_cell(const FieldValue& value);

/// The label of one component's column: "Absence: annual leave".
std::string component_label(std::string_view prefix, std::string_view component);

/// How a spreadsheet shows the numbers of a field of `unit`.
NumberStyle number_style(FieldUnit unit);

/// The absence list of a line: [{component, fraction, source}] in calc's order.
nlohmann::ordered_json absence_json(const ResolvedAbsence& absence);

/// The absence components of a line, for the tables that list them.
inline const ResolvedAbsence& absence_of(const LineResult& line) {
  return line.absence;
}

/// Records other than lines have no absence components; a table that says otherwise is wrong.
template <typename Record>
const ResolvedAbsence& absence_of(const Record&) {
  throw std::logic_error("a record without absence components was asked for them");
}

/// The actual absence of a line.
inline const AbsenceActuals& actuals_of(const LineResult& line) {
  return line.actuals;
}

/// The actual absence of a roll-up.
inline const AbsenceActuals& actuals_of(const Totals& totals) {
  return totals.actuals;
}

/// The actual absence of a team.
inline const AbsenceActuals& actuals_of(const TeamResult& team) {
  return team.totals.actuals;
}

/// The actual absence of a service.
inline const AbsenceActuals& actuals_of(const ServiceResult& service) {
  return service.totals.actuals;
}

/// The actual absence of a profession.
inline const AbsenceActuals& actuals_of(const ProfessionResult& profession) {
  return profession.totals.actuals;
}

/// Records other than lines and roll-ups have no actuals; a table that says otherwise is wrong.
template <typename Record>
const AbsenceActuals& actuals_of(const Record&) {
  throw std::logic_error("a record without actuals was asked for them");
}

/// Sets `object["actual_<component>"]` for each component of `actuals`.
void set_actuals(nlohmann::ordered_json& object, const AbsenceActuals& actuals);

/// Every field of `record` as members of a JSON object, in table order.
template <typename Record>
nlohmann::ordered_json fields_json(const Record& record, const FieldTable<Record>& table) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::Components) {
      object[std::string(field.name)] = absence_json(absence_of(record));
    } else if (field.unit == FieldUnit::ActualComponents) {
      set_actuals(object, actuals_of(record));
    } else if (field.unit == FieldUnit::Count) {
      set_count(object, field.name, field.read(record));
    } else {
      set_field(object, field.name, field.read(record));
    }
  }
  return object;
}

/// The CSV header of a table: a field's name, or one `absence_<component>` column per name.
template <typename Record>
std::vector<std::string> field_headers(const FieldTable<Record>& table,
                                       const std::vector<std::string>& component_names = {},
                                       const std::vector<std::string>& actual_names = {}) {
  std::vector<std::string> headers;
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::Components) {
      for (const std::string& name : component_names) headers.push_back(absence_column_name(name));
    } else if (field.unit == FieldUnit::ActualComponents) {
      for (const std::string& name : actual_names) headers.push_back(actual_column_name(name));
    } else {
      headers.emplace_back(field.name);
    }
  }
  return headers;
}

/// Appends every field of `record` to a CSV record, a line's components as one column each.
template <typename Record>
void append_fields(CsvRecord& csv, const Record& record, const FieldTable<Record>& table,
                   const std::vector<std::string>& component_names = {},
                   const std::vector<std::string>& actual_names = {}) {
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::Components) {
      for (const double fraction : component_fractions(absence_of(record), component_names)) {
        csv.number(fraction);
      }
    } else if (field.unit == FieldUnit::ActualComponents) {
      for (const auto& fraction : actual_fractions(actuals_of(record), actual_names)) {
        append_field(csv, FieldValue::of(fraction));
      }
    } else {
      append_field(csv, field.read(record));
    }
  }
}

/// The XLSX columns of a table, each styled by its unit; components as percentages.
template <typename Record>
std::vector<XlsxColumn> field_columns(const FieldTable<Record>& table,
                                      const std::vector<std::string>& component_names = {},
                                      const std::vector<std::string>& actual_names = {}) {
  std::vector<XlsxColumn> columns;
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::Components) {
      for (const std::string& name : component_names) {
        columns.push_back(
            {absence_column_name(name), NumberStyle::Percent, component_label("Absence", name)});
      }
    } else if (field.unit == FieldUnit::ActualComponents) {
      for (const std::string& name : actual_names) {
        columns.push_back(
            {actual_column_name(name), NumberStyle::Percent, component_label("Actual", name)});
      }
    } else {
      columns.push_back(
          {std::string(field.name), number_style(field.unit), column_label(field.name)});
    }
  }
  return columns;
}

/// The XLSX row of a record, as field_columns lays it out.
template <typename Record>
std::vector<XlsxCell> field_cells(const Record& record, const FieldTable<Record>& table,
                                  const std::vector<std::string>& component_names = {},
                                  const std::vector<std::string>& actual_names = {}) {
  std::vector<XlsxCell> cells;
  for (const Field<Record>& field : table) {
    if (field.unit == FieldUnit::Components) {
      for (const double fraction : component_fractions(absence_of(record), component_names)) {
        cells.emplace_back(fraction);
      }
    } else if (field.unit == FieldUnit::ActualComponents) {
      for (const auto& fraction : actual_fractions(actuals_of(record), actual_names)) {
        cells.push_back(field_cell(FieldValue::of(fraction)));
      }
    } else {
      cells.push_back(field_cell(field.read(record)));
    }
  }
  return cells;
}

/// A sheet with one row per record of a list, laid out by its table. The rows are streamed
/// from `records`, which must outlive the sheet; the table and name lists are copied.
template <typename Records, typename Record>
XlsxSheet field_sheet(std::string name, const Records& records, FieldTable<Record> table,
                      std::vector<std::string> component_names = {},
                      std::vector<std::string> actual_names = {}) {
  XlsxSheet sheet;
  sheet.name = std::move(name);
  sheet.columns = field_columns(table, component_names, actual_names);
  sheet.streamed_rows = records.size();
  sheet.streamed_row =
      [&records, table = std::move(table), component_names = std::move(component_names),
       actual_names = std::move(actual_names)](std::size_t index, std::vector<XlsxCell>& cells) {
        cells = field_cells(records[index], table, component_names, actual_names);
      };
  return sheet;
}

/// A streamed sheet cannot read records that are gone: use held_field_sheet for a temporary.
template <typename Records, typename Record>
XlsxSheet field_sheet(std::string name, const Records&& records, FieldTable<Record> table,
                      std::vector<std::string> component_names = {},
                      std::vector<std::string> actual_names = {}) = delete;

/// A sheet with one row per record, made now and held: for a few records, such as the
/// organisation's one.
template <typename Records, typename Record>
XlsxSheet held_field_sheet(std::string name, const Records& records,
                           const FieldTable<Record>& table,
                           const std::vector<std::string>& component_names = {},
                           const std::vector<std::string>& actual_names = {}) {
  XlsxSheet sheet;
  sheet.name = std::move(name);
  sheet.columns = field_columns(table, component_names, actual_names);
  for (const Record& record : records) {
    sheet.rows.push_back(field_cells(record, table, component_names, actual_names));
  }
  return sheet;
}

}  // namespace estab::report
