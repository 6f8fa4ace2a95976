// Sheets laid out as the table views lay out their rows: each staffing line under its team and
// service, with a total row for each team, each service and the organisation, named as the
// tables name them. The `establishment`, `gaps` and `uplift` workbooks are made of them, and the
// review workbook carries them beside its one-row-per-record sheets.

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "estab/fields.hpp"
#include "report/field_output.hpp"
#include "report/view_common.hpp"
#include "report/xlsx_views.hpp"
#include "report/xlsx_workbook.hpp"

namespace estab::report {

namespace {

/// The figures of the establishment table, after the names, in its column order.
const std::vector<std::string_view> kEstablishmentFields = {
    "demand_hours_per_week", "productive_wte", "uplift_applied", "fixed_wte", "required_wte"};

/// The figures of the gaps table, after the names, in its column order.
const std::vector<std::string_view> kGapFields = {
    "funded_wte",  "in_post_wte", "required_wte", "establishment_gap_wte",
    "vacancy_wte", "net_gap_wte", "vacancy_rate", "net_gap_rate",
    "gap_rag"};

/// The figures of the skill-mix table, after the level and name.
const std::vector<std::string_view> kSkillMixFields = {
    "registered_share_required", "registered_share_funded", "registered_share_in_post",
    "registered_target",         "registered_gap_wte",      "skill_mix_rag"};

/// The most lines an assumption set's "covers" cell names before it counts the rest.
constexpr std::size_t kCoveredLinesNamed = 10;

/// The field of `table` with `name`, or null when the record kind has none (a total row
/// leaves that column empty).
template <typename Record>
const Field<Record>* field_named(const FieldTable<Record>& table, std::string_view name) {
  const auto found = std::find_if(table.begin(), table.end(), [name](const Field<Record>& field) {
    return field.name == name;
  });
  return found == table.end() ? nullptr : &*found;
}

/// One row of a table-shaped sheet: a staffing line, or the totals of a team, a service or the
/// organisation, with the names of where it sits.
struct TableRow {
  std::string_view kind;  ///< "line", "team total", "service total", "organisation total"
  const LineResult* line = nullptr;
  const Totals* totals = nullptr;
  std::string service;
  std::string_view team;
  std::string_view profession;
};

/// The rows of a table at `level`, in the tables' order: each team's lines then its total,
/// each service's teams then its total, then the organisation.
std::vector<TableRow> table_rows(const ReviewResult& review, RollupLevel level) {
  std::vector<TableRow> rows;
  for (const ServiceGroup& service : group_lines(review)) {
    const std::string service_name = service_label(service.service->service);
    for (const TeamGroup& team : service.teams) {
      const std::string_view team_name = team.team->team->name;
      if (level == RollupLevel::Line) {
        for (const LineResult* line : team.lines) {
          rows.push_back({"line", line, nullptr, service_name, team_name,
                          std::string_view(line->profession->name)});
        }
      }
      if (level == RollupLevel::Line || level == RollupLevel::Team) {
        rows.push_back({"team total", nullptr, &team.team->totals, service_name, team_name, {}});
      }
    }
    if (level != RollupLevel::Organisation) {
      rows.push_back({"service total", nullptr, &service.service->totals, service_name, {}, {}});
    }
  }
  rows.push_back({"organisation total", nullptr, &review.organisation, "", {}, {}});
  return rows;
}

/// An optional text cell: empty for "".
XlsxCell text_cell(std::string_view text) {
  return text.empty() ? XlsxCell() : XlsxCell(std::string(text));
}

/// A sheet of the table's rows with the named figures; each column in its field's format.
XlsxSheet table_sheet(std::string name, const ReviewResult& review,
                      const std::vector<std::string_view>& fields, RollupLevel level) {
  struct Figure {
    const Field<LineResult>* line;
    const Field<Totals>* totals;
  };
  std::vector<Figure> figures;
  XlsxSheet sheet;
  sheet.name = std::move(name);
  sheet.columns = {{"row", NumberStyle::General, "Row"},
                   {"service_name", NumberStyle::General, "Service"},
                   {"team_name", NumberStyle::General, "Team"},
                   {"profession_name", NumberStyle::General, "Profession"}};
  for (const std::string_view field : fields) {
    const Figure figure{field_named(line_fields(), field), field_named(totals_fields(), field)};
    const FieldUnit unit = figure.line != nullptr ? figure.line->unit : figure.totals->unit;
    sheet.columns.push_back({std::string(field), number_style(unit), column_label(field)});
    figures.push_back(figure);
  }
  auto rows = std::make_shared<const std::vector<TableRow>>(table_rows(review, level));
  sheet.streamed_rows = rows->size();
  sheet.streamed_row = [rows, figures](std::size_t index, std::vector<XlsxCell>& cells) {
    const TableRow& row = (*rows)[index];
    cells.insert(cells.end(), {std::string(row.kind), text_cell(row.service), text_cell(row.team),
                               text_cell(row.profession)});
    for (const Figure& figure : figures) {
      if (row.line != nullptr && figure.line != nullptr) {
        cells.push_back(field_cell(figure.line->read(*row.line)));
      } else if (row.totals != nullptr && figure.totals != nullptr) {
        cells.push_back(field_cell(figure.totals->read(*row.totals)));
      } else {
        cells.emplace_back();
      }
    }
  };
  return sheet;
}

/// "ATU / Registered nurse (LD); …", the first lines an assumption set covers, then how many
/// more.
std::string covered_lines(const AssumptionGroup& group) {
  std::string covered;
  for (std::size_t index = 0; index < group.lines.size() && index < kCoveredLinesNamed; ++index) {
    covered += (index == 0 ? "" : "; ") + line_label(*group.lines[index]);
  }
  if (group.lines.size() > kCoveredLinesNamed) {
    covered += fmt::format("; and {} more", group.lines.size() - kCoveredLinesNamed);
  }
  return covered;
}

/// Writes a view's workbook: About first, then `sheets`, then the warnings.
void write_view_workbook(std::ostream& out, const ReviewResult& review, std::string_view subject,
                         std::vector<XlsxSheet> sheets) {
  sheets.push_back(warnings_sheet(warning_texts(review)));
  sheets.insert(sheets.begin(), about_sheet(review, sheets));
  const ReviewSettings& settings = model_of(review).review;
  write_xlsx(out, sheets,
             {settings.title.value_or("Establishment review"), std::string(subject),
              settings.organisation.value_or("")});
}

}  // namespace

XlsxSheet establishment_sheet(const ReviewResult& review, RollupLevel level) {
  return table_sheet("Establishment", review, kEstablishmentFields, level);
}

XlsxSheet gaps_sheet(const ReviewResult& review, RollupLevel level) {
  return table_sheet("Gaps", review, kGapFields, level);
}

XlsxSheet skill_mix_sheet(const ReviewResult& review) {
  XlsxSheet sheet;
  sheet.name = "Skill mix";
  sheet.columns = {{"level", NumberStyle::General, "Level"},
                   {"name", NumberStyle::General, "Name"}};
  std::vector<const Field<Totals>*> figures;
  for (const std::string_view field : kSkillMixFields) {
    figures.push_back(field_named(totals_fields(), field));
    sheet.columns.push_back(
        {std::string(field), number_style(figures.back()->unit), column_label(field)});
  }
  const auto add = [&](std::string level, std::string name, const Totals& totals) {
    std::vector<XlsxCell> cells = {std::move(level), text_cell(name)};
    for (const Field<Totals>* figure : figures) cells.push_back(field_cell(figure->read(totals)));
    sheet.rows.push_back(std::move(cells));
  };
  for (const TeamResult& team : review.teams) add("team", team.team->name, team.totals);
  for (const ServiceResult& service : review.services) {
    add("service", service_label(service.service), service.totals);
  }
  add("organisation", "", review.organisation);
  return sheet;
}

XlsxSheet assumption_sets_sheet(const ReviewResult& review,
                                const std::vector<std::string>& component_names) {
  XlsxSheet sheet;
  sheet.name = "Assumption sets";
  sheet.columns = {{"id", NumberStyle::Count, "Set"},
                   {"lines", NumberStyle::Count, "Lines"},
                   {"covers", NumberStyle::General, "Covers"}};
  for (const std::string& component : component_names) {
    sheet.columns.push_back({absence_column_name(component), NumberStyle::Percent,
                             component_label("Absence", component)});
  }
  for (const Field<AssumptionGroup>& field : assumption_group_fields()) {
    sheet.columns.push_back(
        {std::string(field.name), number_style(field.unit), column_label(field.name)});
  }
  std::size_t id = 0;
  for (const AssumptionGroup& group : group_assumptions(review)) {
    std::vector<XlsxCell> cells = {static_cast<double>(++id),
                                   static_cast<double>(group.lines.size()), covered_lines(group)};
    for (const double fraction : component_fractions(group.first->absence, component_names)) {
      cells.emplace_back(fraction);
    }
    for (const Field<AssumptionGroup>& field : assumption_group_fields()) {
      cells.push_back(field_cell(field.read(group)));
    }
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

void write_establishment_xlsx(std::ostream& out, const ReviewResult& review, RollupLevel level) {
  write_view_workbook(out, review, "Establishment", {establishment_sheet(review, level)});
}

void write_gaps_xlsx(std::ostream& out, const ReviewResult& review, RollupLevel level) {
  write_view_workbook(out, review, "Gaps", {gaps_sheet(review, level), skill_mix_sheet(review)});
}

void write_uplift_xlsx(std::ostream& out, const ReviewResult& review) {
  const std::vector<std::string> component_names = absence_column_names(review);
  std::vector<XlsxSheet> sheets;
  sheets.push_back(assumption_sets_sheet(review, component_names));
  sheets.push_back(field_sheet("Uplift", review.lines, uplift_line_fields(), component_names));
  sheets.push_back(held_field_sheet("Organisation", std::vector<Totals>{review.organisation},
                                    uplift_totals_fields()));
  write_view_workbook(out, review, "Uplift", std::move(sheets));
}

}  // namespace estab::report
