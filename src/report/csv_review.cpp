// CSV documents (§7): one row per staffing line with an `absence_<component>` column each, the
// team, service and organisation roll-ups, and the uplift rows.

#include "report/csv_review.hpp"

#include <algorithm>
#include <set>

#include "estab/model.hpp"
#include "report/assumption_sets.hpp"
#include "report/csv_writer.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// The TOTALS columns of the contract, in contract order.
const std::vector<std::string>& totals_columns() {
  static const std::vector<std::string> columns = {"productive_wte",
                                                   "required_wte",
                                                   "funded_wte",
                                                   "in_post_wte",
                                                   "establishment_gap_wte",
                                                   "vacancy_wte",
                                                   "net_gap_wte",
                                                   "registered_required_wte",
                                                   "registered_in_post_wte",
                                                   "registered_share_required",
                                                   "registered_share_funded",
                                                   "registered_share_in_post",
                                                   "registered_target",
                                                   "registered_gap_wte",
                                                   "skill_mix_rag",
                                                   "required_cost",
                                                   "funded_cost"};
  return columns;
}

void append_totals(std::vector<std::string>& fields, const Totals& totals) {
  fields.push_back(csv_number(totals.productive_wte));
  fields.push_back(csv_number(totals.required_wte));
  fields.push_back(csv_number(totals.funded_wte));
  fields.push_back(csv_number(totals.in_post_wte));
  fields.push_back(csv_number(totals.establishment_gap_wte));
  fields.push_back(csv_number(totals.vacancy_wte));
  fields.push_back(csv_number(totals.net_gap_wte));
  fields.push_back(csv_number(totals.registered_required_wte));
  fields.push_back(csv_number(totals.registered_in_post_wte));
  fields.push_back(csv_number(totals.registered_share_required));
  fields.push_back(csv_number(totals.registered_share_funded));
  fields.push_back(csv_number(totals.registered_share_in_post));
  fields.push_back(csv_number(totals.registered_target));
  fields.push_back(csv_number(totals.registered_gap_wte));
  fields.push_back(csv_text(rag_name(totals.skill_mix_rag)));
  fields.push_back(csv_number(totals.required_cost));
  fields.push_back(csv_number(totals.funded_cost));
}

/// Appends one `absence_<name>` header per component name.
void append_absence_headers(std::vector<std::string>& headers,
                            const std::vector<std::string>& component_names) {
  for (const std::string& name : component_names) {
    headers.push_back("absence_" + name);
  }
}

/// Appends a line's fraction for each component name, 0 where the line lacks the component.
void append_absence_fields(std::vector<std::string>& fields, const ResolvedAbsence& absence,
                           const std::vector<std::string>& component_names) {
  for (const std::string& name : component_names) {
    const auto found = std::find_if(
        absence.components.begin(), absence.components.end(),
        [&name](const AbsenceComponent& component) { return component.component == name; });
    fields.push_back(csv_number(found == absence.components.end() ? 0.0 : found->fraction));
  }
}

void write_line_rows(std::ostream& out, const ReviewResult& review) {
  const std::vector<std::string> component_names = absence_column_names(review);
  std::vector<std::string> headers = {"team", "service", "profession", "registered"};
  append_absence_headers(headers, component_names);
  headers.insert(headers.end(), {"absence_total",
                                 "uplift_exact",
                                 "uplift_additive",
                                 "uplift_applied",
                                 "demand_hours_per_week",
                                 "productive_wte",
                                 "fixed_wte",
                                 "required_wte",
                                 "funded_wte",
                                 "in_post_wte",
                                 "establishment_gap_wte",
                                 "vacancy_wte",
                                 "vacancy_rate",
                                 "net_gap_wte",
                                 "net_gap_rate",
                                 "gap_rag",
                                 "wisn_ratio",
                                 "additive_shortfall_wte",
                                 "cost_per_wte",
                                 "required_cost",
                                 "funded_cost",
                                 "in_post_cost",
                                 "uplift_cost"});
  write_csv_header(out, headers);

  CsvRecord record;  // one buffer for every line: a national review has 100,000 of them
  for (const LineResult& line : review.lines) {
    record.text(line.team->id);
    record.optional_text(service_id(line.service));
    record.text(line.profession->id);
    record.boolean(line.profession->registered);
    for (const std::string& name : component_names) {
      const auto found = std::find_if(
          line.absence.components.begin(), line.absence.components.end(),
          [&name](const AbsenceComponent& component) { return component.component == name; });
      record.number(found == line.absence.components.end() ? 0.0 : found->fraction);
    }
    for (const double value :
         {line.absence.total, line.uplift_exact, line.uplift_additive, line.uplift_applied,
          line.demand_hours_per_week, line.productive_wte, line.fixed_wte, line.required_wte,
          line.funded_wte, line.in_post_wte, line.establishment_gap_wte, line.vacancy_wte}) {
      record.number(value);
    }
    record.number(line.vacancy_rate);
    record.number(line.net_gap_wte);
    record.number(line.net_gap_rate);
    record.text(rag_name(line.gap_rag));
    record.number(line.wisn_ratio);
    record.number(line.additive_shortfall_wte);
    for (const std::optional<double>& cost : {line.cost_per_wte, line.required_cost,
                                              line.funded_cost, line.in_post_cost,
                                              line.uplift_cost}) {
      record.number(cost);
    }
    record.write_to(out);
  }
}

void write_team_rows(std::ostream& out, const ReviewResult& review) {
  std::vector<std::string> headers = {"team", "service"};
  headers.insert(headers.end(), totals_columns().begin(), totals_columns().end());
  headers.insert(headers.end(),
                 {"chppd_planned", "chppd_benchmark", "benchmark_productive_wte", "judgement_wte"});
  write_csv_header(out, headers);
  for (const TeamResult& team : review.teams) {
    std::vector<std::string> fields = {csv_text(team.team->id),
                                       csv_optional_text(service_id(team.service))};
    append_totals(fields, team.totals);
    fields.insert(fields.end(),
                  {csv_number(team.chppd_planned), csv_number(team.chppd_benchmark),
                   csv_number(team.benchmark_productive_wte), csv_number(team.judgement_wte)});
    write_csv_record(out, fields);
  }
}

void write_service_rows(std::ostream& out, const ReviewResult& review) {
  std::vector<std::string> headers = {"service"};
  headers.insert(headers.end(), totals_columns().begin(), totals_columns().end());
  write_csv_header(out, headers);
  for (const ServiceResult& service : review.services) {
    std::vector<std::string> fields = {csv_optional_text(service_id(service.service))};
    append_totals(fields, service.totals);
    write_csv_record(out, fields);
  }
}

void write_organisation_row(std::ostream& out, const ReviewResult& review) {
  write_csv_header(out, totals_columns());
  std::vector<std::string> fields;
  append_totals(fields, review.organisation);
  write_csv_record(out, fields);
}

}  // namespace

std::vector<std::string> absence_column_names(const ReviewResult& review) {
  std::vector<std::string> names;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    names.emplace_back(component_key(static_cast<Component>(index)));
  }
  std::set<std::string> additional;
  for (const LineResult& line : review.lines) {
    for (const AbsenceComponent& component : line.absence.components) {
      if (std::find(names.begin(), names.end(), component.component) == names.end()) {
        additional.insert(component.component);
      }
    }
  }
  names.insert(names.end(), additional.begin(), additional.end());
  return names;
}

void write_review_csv(std::ostream& out, const ReviewResult& review, RollupLevel level) {
  switch (level) {
    case RollupLevel::Line: write_line_rows(out, review); return;
    case RollupLevel::Team: write_team_rows(out, review); return;
    case RollupLevel::Service: write_service_rows(out, review); return;
    case RollupLevel::Organisation: write_organisation_row(out, review); return;
  }
}

void write_uplift_csv(std::ostream& out, const ReviewResult& review) {
  const std::vector<std::string> component_names = absence_column_names(review);
  std::vector<std::string> headers = {"team", "service", "profession"};
  append_absence_headers(headers, component_names);
  headers.insert(headers.end(),
                 {"absence_total", "headcount_per_wte", "uplift_exact", "uplift_additive",
                  "uplift_applied", "productive_wte", "additive_shortfall_wte", "cost_per_wte",
                  "uplift_cost", "additive_shortfall_cost"});
  write_csv_header(out, headers);
  for (const LineResult& line : review.lines) {
    std::vector<std::string> fields = {csv_text(line.team->id),
                                       csv_optional_text(service_id(line.service)),
                                       csv_text(line.profession->id)};
    append_absence_fields(fields, line.absence, component_names);
    fields.insert(fields.end(),
                  {csv_number(line.absence.total), csv_number(line.absence.headcount_per_wte),
                   csv_number(line.uplift_exact), csv_number(line.uplift_additive),
                   csv_number(line.uplift_applied), csv_number(line.productive_wte),
                   csv_number(line.additive_shortfall_wte), csv_number(line.cost_per_wte),
                   csv_number(line.uplift_cost), csv_number(additive_shortfall_cost(line))});
    write_csv_record(out, fields);
  }
}

}  // namespace estab::report
