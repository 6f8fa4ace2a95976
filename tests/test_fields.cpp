// Unit tests of the field tables (estab/fields.hpp) against the user documentation: every table
// has the names, the order and the units that docs/OUTPUT.md lists for its record kind, compare
// diffs exactly the documented fields whose unit is a number, and a list in the documentation
// that drifts from the code is caught.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/fields.hpp"
#include "support/contract_docs.hpp"
#include "support/test_support.hpp"

namespace {

using estab::FieldUnit;
using estab::RollupLevel;
using estab::testing::DocumentedField;
using estab::testing::DocumentedRecord;
using estab::testing::FieldList;

/// The documentation's word for a unit.
std::string unit_word(FieldUnit unit) {
  switch (unit) {
    case FieldUnit::Text: return "text";
    case FieldUnit::Flag: return "flag";
    case FieldUnit::Rag: return "RAG";
    case FieldUnit::Wte: return "WTE";
    case FieldUnit::Fraction: return "fraction";
    case FieldUnit::Hours: return "hours";
    case FieldUnit::Money: return "money";
    case FieldUnit::Ratio: return "ratio";
    case FieldUnit::HeadsPerWte: return "heads per WTE";
    case FieldUnit::Count: return "count";
    case FieldUnit::Components: return "components";
    case FieldUnit::ActualComponents: return "actual components";
  }
  return "unknown";
}

/// A code table's fields in the documentation's words.
template <typename Record>
std::vector<DocumentedField> as_documented(const estab::FieldTable<Record>& table) {
  std::vector<DocumentedField> fields;
  for (const estab::Field<Record>& field : table) {
    fields.push_back({std::string(field.name), unit_word(field.unit)});
  }
  return fields;
}

/// Lists joined end to end.
std::vector<DocumentedField> joined(std::initializer_list<std::vector<DocumentedField>> parts) {
  std::vector<DocumentedField> fields;
  for (const std::vector<DocumentedField>& part : parts) {
    fields.insert(fields.end(), part.begin(), part.end());
  }
  return fields;
}

/// "name (unit)" for each field, as a failure shows it.
std::vector<std::string> described(const std::vector<DocumentedField>& fields) {
  std::vector<std::string> lines;
  for (const DocumentedField& field : fields) lines.push_back(field.name + " (" + field.unit + ")");
  return lines;
}

/// The fields whose unit is a number, in order.
std::vector<DocumentedField> number_fields(const std::vector<DocumentedField>& fields) {
  std::vector<DocumentedField> numbers;
  for (const DocumentedField& field : fields) {
    if (estab::testing::is_number_unit(field.unit)) numbers.push_back(field);
  }
  return numbers;
}

/// One field table of fields.hpp beside what the documentation lists for it.
struct TableAgainstDocs {
  std::string table;                  ///< the function that returns it, e.g. "line_fields()"
  std::vector<DocumentedField> code;  ///< the table's fields
  std::vector<DocumentedField> docs;  ///< the documented fields
};

/// Every field table of fields.hpp beside its documented list, read from `lists`. A team's and
/// a service's identity come before their totals: docs/OUTPUT.md names them in the prose of
/// `teams` and `services`, not in a table of their own.
std::vector<TableAgainstDocs> tables_against(const std::vector<FieldList>& lists) {
  const auto docs = [&lists](DocumentedRecord record) {
    return estab::testing::documented_fields(record, lists);
  };
  const std::vector<DocumentedField> team_identity = {
      {"team", "text"}, {"team_name", "text"}, {"service", "text"}, {"service_name", "text"}};
  const std::vector<DocumentedField> service_identity = {{"service", "text"},
                                                         {"service_name", "text"}};
  return {
      {"line_fields()", as_documented(estab::line_fields()), docs(DocumentedRecord::Line)},
      {"totals_fields()", as_documented(estab::totals_fields()), docs(DocumentedRecord::Totals)},
      {"team_fields()", as_documented(estab::team_fields()),
       joined({team_identity, docs(DocumentedRecord::Totals), docs(DocumentedRecord::TeamOwn)})},
      {"service_fields()", as_documented(estab::service_fields()),
       joined({service_identity, docs(DocumentedRecord::Totals)})},
      {"profession_fields()", as_documented(estab::profession_fields()),
       docs(DocumentedRecord::Profession)},
      {"uplift_line_fields()", as_documented(estab::uplift_line_fields()),
       docs(DocumentedRecord::UpliftLine)},
      {"assumption_group_fields()", as_documented(estab::assumption_group_fields()),
       docs(DocumentedRecord::AssumptionSet)},
      {"uplift_totals_fields()", as_documented(estab::uplift_totals_fields()),
       docs(DocumentedRecord::UpliftOrganisation)},
      {"extract_fields()", as_documented(estab::extract_fields()), docs(DocumentedRecord::Extract)},
      {"unmapped_fields()", as_documented(estab::unmapped_fields()),
       docs(DocumentedRecord::Unmapped)},
      {"cost_centre_fields()", as_documented(estab::cost_centre_fields()),
       docs(DocumentedRecord::CostCentre)},
  };
}

/// True when every field table matches the lists of a Markdown text.
bool code_matches(const std::string& markdown) {
  const std::vector<TableAgainstDocs> tables =
      tables_against(estab::testing::field_lists_in(markdown));
  return std::all_of(tables.begin(), tables.end(),
                     [](const TableAgainstDocs& table) { return table.code == table.docs; });
}

/// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

/// The text of docs/OUTPUT.md.
std::string output_doc() {
  return estab::testing::read_all(estab::testing::source_path("docs/OUTPUT.md"));
}

}  // namespace

TEST_CASE("docs/OUTPUT.md has one field list for each record kind", "[fields]") {
  const std::vector<FieldList>& lists = estab::testing::output_doc_field_lists();
  std::vector<std::string> headings;
  for (const FieldList& list : lists) headings.push_back(list.heading);
  std::vector<std::string> expected;
  for (DocumentedRecord record : estab::testing::documented_records()) {
    expected.emplace_back(estab::testing::documented_heading(record));
  }
  CHECK(headings == expected);
  for (const FieldList& list : lists) {
    INFO(list.heading);
    CHECK_FALSE(list.fields.empty());
  }
}

TEST_CASE("every field table has the names, order and units docs/OUTPUT.md lists", "[fields]") {
  for (const TableAgainstDocs& table : tables_against(estab::testing::output_doc_field_lists())) {
    INFO(table.table << " against docs/OUTPUT.md");
    CHECK(described(table.code) == described(table.docs));
  }
}

TEST_CASE("compare diffs exactly the documented fields whose unit is a number", "[fields]") {
  using estab::testing::documented_fields;
  const std::vector<DocumentedField>& totals = documented_fields(DocumentedRecord::Totals);
  const std::vector<DocumentedField> team =
      joined({totals, documented_fields(DocumentedRecord::TeamOwn)});
  struct Level {
    RollupLevel level;
    const char* name;
    std::vector<DocumentedField> fields;  ///< the documented fields of its records
  };
  const std::vector<Level> levels = {
      {RollupLevel::Line, "line", documented_fields(DocumentedRecord::Line)},
      {RollupLevel::Team, "team", team},
      {RollupLevel::Service, "service", totals},
      {RollupLevel::Organisation, "organisation", totals},
  };
  for (const auto& [level, name, fields] : levels) {
    INFO("compared fields of a " << name);
    const std::vector<std::string_view>& compared = estab::compared_fields(level);
    const std::vector<FieldUnit>& units = estab::compared_units(level);
    REQUIRE(units.size() == compared.size());
    std::vector<DocumentedField> compared_with_units;
    for (std::size_t index = 0; index < compared.size(); ++index) {
      compared_with_units.push_back({std::string(compared[index]), unit_word(units[index])});
    }
    CHECK(described(compared_with_units) == described(number_fields(fields)));
  }
}

TEST_CASE("a field list in the docs that drifts from the code is caught", "[fields]") {
  const std::string doc = output_doc();
  REQUIRE(code_matches(doc));

  SECTION("a renamed field") {
    CHECK_FALSE(code_matches(replaced(doc, "| `fixed_wte` | WTE | posts added without uplift |",
                                      "| `fixed_posts_wte` | WTE | posts added without uplift |")));
  }
  SECTION("two fields in the other order") {
    const std::string funded = "| `funded_wte` | WTE | from the input (0 if not stated) |";
    const std::string in_post = "| `in_post_wte` | WTE | from the input (0 if not stated) |";
    CHECK_FALSE(code_matches(replaced(doc, funded + "\n" + in_post, in_post + "\n" + funded)));
  }
  SECTION("another unit") {
    CHECK_FALSE(
        code_matches(replaced(doc, "| `wisn_ratio` | ratio |", "| `wisn_ratio` | fraction |")));
  }
  SECTION("a field left out") {
    CHECK_FALSE(code_matches(replaced(doc,
                                      "| `judgement_wte` | WTE | sum of the lines' "
                                      "`judgement_wte`; null if no line states one |\n",
                                      "")));
  }
  SECTION("a field added") {
    CHECK_FALSE(code_matches(replaced(
        doc,
        "| `headcount_per_wte` | heads per WTE | the headcount ratio the set was resolved with |\n",
        "| `headcount_per_wte` | heads per WTE | the headcount ratio the set was resolved with |\n"
        "| `headcount` | heads per WTE | people |\n")));
  }
  SECTION("a list under another heading") {
    CHECK_THROWS_WITH(
        code_matches(replaced(doc, "#### Professions: `professions`", "#### Professions")),
        Catch::Contains("Professions: `professions`"));
  }
  SECTION("a row that is not three cells") {
    CHECK_THROWS_WITH(
        code_matches(
            replaced(doc, "| `wisn_ratio` | ratio | in post ÷ required; null when required is 0 |",
                     "| `wisn_ratio` | ratio |")),
        Catch::Contains("three cells"));
  }
}

TEST_CASE("a line's component fractions are found by name, 0 where it has none", "[fields]") {
  estab::ResolvedAbsence absence;
  absence.components = {{"sickness", 0.05}, {"parenting", 0.01}, {"sickness", 0.09}};
  CHECK(estab::component_fractions(absence, {"parenting", "study_leave", "sickness"}) ==
        std::vector<double>{0.01, 0.0, 0.05});
  CHECK(estab::component_fractions(absence, {}).empty());
}
