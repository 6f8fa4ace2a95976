#pragma once
/// The output contract as data: for each kind of record a review produces, its fields in
/// contract order, each with its name, its unit, how to read it from a result and whether a
/// comparison of two reviews diffs it. Every format (JSON, CSV, XLSX), `compare` and explain's
/// result block loop over these tables, so a new field is one entry here.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"

namespace estab {

/// What a field measures; it decides how a format shows it (decimals, a percentage, pounds).
enum class FieldUnit {
  Text,              ///< an id or a name
  Flag,              ///< true or false
  Rag,               ///< "none", "green", "amber" or "red"
  Wte,               ///< whole-time equivalents
  Fraction,          ///< a share or a rate (0.045 for 4.5%)
  Hours,             ///< hours (per week, per patient day)
  Money,             ///< pounds per year
  Ratio,             ///< a plain ratio, such as in post ÷ required
  HeadsPerWte,       ///< people per whole-time equivalent (headcount_per_wte)
  Count,             ///< a number of people or rows (headcount, roles)
  Components,        ///< a line's absence components: a list in JSON, one column each in CSV
  ActualComponents,  ///< a record's actual absence: an `actual_<component>` field each
};

/// One value read from a record: nothing (JSON null), a number, a flag or text.
struct FieldValue {
  /// Which of the members holds the value.
  enum class Kind { Null, Number, Flag, Text };
  Kind kind = Kind::Null;
  double number = 0.0;
  bool flag = false;
  std::string_view text;  ///< points into the model or a static name; outlives the value

  /// No value.
  static FieldValue null() { return {}; }
  /// A number.
  static FieldValue of(double number) { return {Kind::Number, number, false, {}}; }
  /// A number, or null.
  static FieldValue of(const std::optional<double>& number) {
    return number ? of(*number) : null();
  }
  /// A flag.
  static FieldValue of_flag(bool flag) { return {Kind::Flag, 0.0, flag, {}}; }
  /// Text.
  static FieldValue of_text(std::string_view text) { return {Kind::Text, 0.0, false, text}; }

  /// The number, or nullopt for null; throws std::logic_error for a flag or text.
  std::optional<double> as_number() const;
};

/// One field of a record kind.
template <typename Record>
struct Field {
  std::string_view name;  ///< the contract's name, e.g. "required_wte"
  FieldUnit unit = FieldUnit::Wte;
  std::function<FieldValue(const Record&)> read;  ///< null for FieldUnit::Components
  bool key = false;       ///< identifies the record when two reviews are matched
  bool compared = false;  ///< a comparison shows its base, scenario and delta
};

/// The fields of one record kind, in contract order.
template <typename Record>
using FieldTable = std::vector<Field<Record>>;

/// A staffing line: team, service, profession, registered, the absence components, then its
/// figures from `absence_total` to `uplift_cost`.
const FieldTable<LineResult>& line_fields();

/// The roll-up figures every team, service and the organisation carries (TOTALS).
const FieldTable<Totals>& totals_fields();

/// A team: team, service, its totals, then its inpatient and judgement figures.
const FieldTable<TeamResult>& team_fields();

/// A service: its id (null for the teams without one), then its totals.
const FieldTable<ServiceResult>& service_fields();

/// A profession's organisation-wide totals.
const FieldTable<ProfessionResult>& profession_fields();

/// A staffing line as the uplift view lists it: identity, components, both uplifts and costs.
const FieldTable<LineResult>& uplift_line_fields();

/// A distinct set of assumptions: the figures after its components.
const FieldTable<AssumptionGroup>& assumption_group_fields();

/// The organisation's uplift figures in the uplift view.
const FieldTable<Totals>& uplift_totals_fields();

/// Where the rows of one extract went (a source's reconciliation), without its unmapped list.
const FieldTable<ExtractReconciliation>& extract_fields();

/// One entry of a reconciliation's unmapped list.
const FieldTable<UnmappedRows>& unmapped_fields();

/// One cost centre × profession × band of the extracts: funded, in post and held.
const FieldTable<CostCentreRecord>& cost_centre_fields();

/// The names of a table's fields that a comparison diffs, in table order.
template <typename Record>
std::vector<std::string_view> compared_field_names(const FieldTable<Record>& table) {
  std::vector<std::string_view> names;
  for (const Field<Record>& field : table) {
    if (field.compared) names.push_back(field.name);
  }
  return names;
}

/// The name of a record's `actual_<component>` field.
std::string actual_column_name(std::string_view component);

/// The components with an actual on any line of a review, in output order (the fixed ones,
/// then the others by name): an `actual_<component>` column each in CSV and XLSX.
std::vector<std::string> actual_column_names(const ReviewResult& review);

/// A record's actual for each of `names`, in their order; null where it has none.
std::vector<std::optional<double>> actual_fractions(const AbsenceActuals& actuals,
                                                    const std::vector<std::string>& names);

/// The name of a line's `absence_<component>` column.
std::string absence_column_name(std::string_view component);

/// The absence component names of every line of a review: the eight fixed ones in contract
/// order, then each `additional` name (sorted); a column each in CSV and XLSX.
std::vector<std::string> absence_column_names(const ReviewResult& review);

/// A line's fraction for each of `names`, in their order; 0 where the line does not have one.
std::vector<double> component_fractions(const ResolvedAbsence& absence,
                                        const std::vector<std::string>& names);

}  // namespace estab
