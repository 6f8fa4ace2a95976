#pragma once
/// How the compare views show a figure that moved, shared by the table, Markdown and HTML
/// renderers of a comparison so that each shows the same figures the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/compare.hpp"
#include "report/table.hpp"

namespace estab::report {

/// How a compared figure is shown in a table.
enum class Measure { Wte, Money, Share };

/// A figure shown in the compare tables: its contract field, heading and kind.
struct ShownField {
  const char* field;
  const char* heading;
  Measure measure;
};

/// The figures of the line, team and service tables.
extern const std::vector<ShownField> kRecordFields;

/// The rows of the organisation table.
extern const std::vector<ShownField> kOrganisationFields;

/// A figure as the review tables show it: WTE 2 dp, shares 1 dp %, whole pounds; "-" for null.
std::string format_value(const std::optional<double>& value, Measure measure);

/// A delta with its sign: "+1.25", "-0.50", "+£1,200", "+2.5 pp" (shares move in percentage
/// points); a delta that rounds to zero has no sign; "-" for null.
std::string format_delta(const std::optional<double>& delta, Measure measure);

/// "base → scenario" for one figure.
std::string format_transition(const FieldChange& change, Measure measure);

/// Whether the tables show a record: everything with `show_all`, otherwise what is not "same".
bool shown(const ComparedRecord& record, bool show_all);

/// "3 changed, 1 added, 0 removed, 20 same" for a list of records.
std::string status_summary(const std::vector<ComparedRecord>& records);

/// The text of one of a record's identity fields; `fallback` when it is null.
std::string identity_text(const ComparedRecord& record, std::string_view name,
                          const char* fallback);

/// The comparison as a self-contained HTML scenario paper: what changed in words, then the
/// organisation, each service and each changed team, base → scenario.
void write_comparison_html(std::ostream& out, const Comparison& comparison, bool show_all);

}  // namespace estab::report
