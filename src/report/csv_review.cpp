// CSV documents of the review commands: one row per staffing line with an `absence_<component>`
// column each, the team, service and organisation roll-ups, and the uplift rows. Every layout
// is its field table.

#include "report/csv_review.hpp"

#include "estab/fields.hpp"
#include "report/csv_writer.hpp"
#include "report/field_output.hpp"

namespace estab::report {

namespace {

/// Writes a header and one record per item of `records`, laid out by `table`.
template <typename Records, typename Record>
void write_records(std::ostream& out, const Records& records, const FieldTable<Record>& table,
                   const std::vector<std::string>& component_names,
                   const std::vector<std::string>& actual_names) {
  write_csv_header(out, field_headers(table, component_names, actual_names));
  CsvRecord csv;  // one buffer for every record: a national review has 100,000 lines
  for (const Record& record : records) {
    append_fields(csv, record, table, component_names, actual_names);
    csv.write_to(out);
  }
}

}  // namespace

void write_review_csv(std::ostream& out, const ReviewResult& review, RollupLevel level) {
  const std::vector<std::string> actual_names = actual_column_names(review);
  switch (level) {
    case RollupLevel::Line:
      write_records(out, review.lines, line_fields(), absence_column_names(review), actual_names);
      return;
    case RollupLevel::Team:
      write_records(out, review.teams, team_fields(), {}, actual_names);
      return;
    case RollupLevel::Service:
      write_records(out, review.services, service_fields(), {}, actual_names);
      return;
    case RollupLevel::Organisation:
      write_records(out, std::vector<Totals>{review.organisation}, totals_fields(), {},
                    actual_names);
      return;
  }
}

void write_uplift_csv(std::ostream& out, const ReviewResult& review) {
  write_records(out, review.lines, uplift_line_fields(), absence_column_names(review), {});
}

}  // namespace estab::report
