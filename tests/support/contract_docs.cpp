// The field tables of docs/OUTPUT.md (see contract_docs.hpp).
#include "support/contract_docs.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "support/test_support.hpp"

namespace estab::testing {

namespace {

/// `text` without spaces and tabs at either end.
std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

/// The cells of a Markdown table row `| a | b | c |`, trimmed.
std::vector<std::string> cells_of(std::string_view row) {
  row = trimmed(row);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  std::vector<std::string> cells;
  for (std::size_t start = 0;;) {
    const std::size_t bar = row.find('|', start);
    cells.emplace_back(trimmed(row.substr(start, bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return cells;
}

/// A heading's text: without its #s and without an `<a id="…"></a>` anchor.
std::string heading_text(std::string_view line) {
  line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
  const std::size_t anchor = line.find("<a id=");
  if (anchor != std::string_view::npos) line = line.substr(0, anchor);
  return std::string(trimmed(line));
}

/// A field name cell without its backticks.
std::string field_name(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') {
    cell = cell.substr(1, cell.size() - 2);
  }
  return std::string(cell);
}

/// True for the header row of a field table.
bool is_field_table_header(std::string_view line) {
  return cells_of(line) == std::vector<std::string>{"field", "unit", "meaning"};
}

}  // namespace

const std::vector<DocumentedRecord>& documented_records() {
  static const std::vector<DocumentedRecord> records = {
      DocumentedRecord::Line,          DocumentedRecord::Totals,
      DocumentedRecord::TeamOwn,       DocumentedRecord::Profession,
      DocumentedRecord::AssumptionSet, DocumentedRecord::UpliftOrganisation,
      DocumentedRecord::Extract,       DocumentedRecord::Unmapped,
      DocumentedRecord::CostCentre,    DocumentedRecord::UpliftLine,
  };
  return records;
}

std::string_view documented_heading(DocumentedRecord record) {
  switch (record) {
    case DocumentedRecord::Line: return "Staffing lines: `lines`";
    case DocumentedRecord::Totals: return "Totals of a team, a service and the organisation";
    case DocumentedRecord::TeamOwn: return "Teams: `teams`";
    case DocumentedRecord::Profession: return "Professions: `professions`";
    case DocumentedRecord::UpliftLine: return "Uplift lines: `estab uplift --format csv`";
    case DocumentedRecord::AssumptionSet: return "Assumption sets: `assumption_sets`";
    case DocumentedRecord::UpliftOrganisation:
      return "Uplift totals of the organisation: `organisation`";
    case DocumentedRecord::Extract: return "Extracts: `sources`";
    case DocumentedRecord::Unmapped: return "Unmapped rows: `unmapped`";
    case DocumentedRecord::CostCentre: return "Cost centres: `cost_centres`";
  }
  throw std::logic_error("an unknown documented record kind");
}

std::vector<FieldList> field_lists_in(std::string_view markdown) {
  std::vector<FieldList> lists;
  std::string heading;
  bool in_code_block = false;
  bool in_field_table = false;
  bool expect_separator = false;
  for (std::size_t start = 0; start <= markdown.size();) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = trimmed(markdown.substr(start, end - start));
    start = end + 1;

    if (line.rfind("```", 0) == 0) in_code_block = !in_code_block;
    if (in_code_block) continue;
    if (in_field_table && line.rfind('|', 0) != 0) in_field_table = false;
    if (line.rfind('#', 0) == 0) {
      heading = heading_text(line);
    } else if (in_field_table && expect_separator) {
      expect_separator = false;  // the `| --- | --- | --- |` row
    } else if (in_field_table) {
      const std::vector<std::string> cells = cells_of(line);
      if (cells.size() != 3) {
        throw std::runtime_error("a field table row under '" + heading +
                                 "' does not have three cells: " + std::string(line));
      }
      lists.back().fields.push_back({field_name(cells[0]), cells[1]});
    } else if (is_field_table_header(line)) {
      lists.push_back({heading, {}});
      in_field_table = true;
      expect_separator = true;
    }
  }
  return lists;
}

const std::vector<DocumentedField>& documented_fields(DocumentedRecord record,
                                                      const std::vector<FieldList>& lists) {
  const std::string_view heading = documented_heading(record);
  const auto under_heading = [heading](const FieldList& list) { return list.heading == heading; };
  const auto found = std::find_if(lists.begin(), lists.end(), under_heading);
  if (found == lists.end()) {
    throw std::runtime_error("no field table under the heading '" + std::string(heading) + "'");
  }
  if (std::count_if(lists.begin(), lists.end(), under_heading) != 1) {
    throw std::runtime_error("more than one field table under '" + std::string(heading) + "'");
  }
  return found->fields;
}

const std::vector<FieldList>& output_doc_field_lists() {
  static const std::vector<FieldList> lists = [] {
    const std::string text = read_all(source_path("docs/OUTPUT.md"));
    if (text.empty()) throw std::runtime_error("cannot read " + source_path("docs/OUTPUT.md"));
    return field_lists_in(text);
  }();
  return lists;
}

const std::vector<DocumentedField>& documented_fields(DocumentedRecord record) {
  return documented_fields(record, output_doc_field_lists());
}

std::vector<std::string> documented_field_names(DocumentedRecord record) {
  std::vector<std::string> names;
  for (const DocumentedField& field : documented_fields(record)) names.push_back(field.name);
  return names;
}

bool is_number_unit(std::string_view unit) {
  static constexpr std::array<std::string_view, 7> kNumberUnits = {
      "WTE", "fraction", "hours", "money", "ratio", "heads per WTE", "count"};
  return std::find(kNumberUnits.begin(), kNumberUnits.end(), unit) != kNumberUnits.end();
}

}  // namespace estab::testing
