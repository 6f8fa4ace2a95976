#pragma once
/// The output contract as the user documentation states it: the `field | unit | meaning`
/// tables of docs/OUTPUT.md, one per record kind. Tests compare what estab writes with these
/// lists, so the expected fields come from the documentation, never from the code's own tables.

#include <string>
#include <string_view>
#include <vector>

namespace estab::testing {

/// A kind of record whose fields docs/OUTPUT.md lists in one table.
enum class DocumentedRecord {
  Line,                ///< a staffing line of `estab-review/2`
  Totals,              ///< the totals of a team, a service and the organisation
  TeamOwn,             ///< the fields of a team after its totals
  Profession,          ///< a profession's organisation-wide totals
  UpliftLine,          ///< a staffing line as the uplift CSV lists it
  AssumptionSet,       ///< the figures of an assumption set of `estab-uplift/1`
  UpliftOrganisation,  ///< the organisation of `estab-uplift/1`
  Extract,             ///< an extract's reconciliation of `estab-sources/1`
  Unmapped,            ///< an unmapped entry of an extract's reconciliation
  CostCentre,          ///< a cost centre × profession × band of `estab-sources/1`
};

/// One row of a field table: the field's name and its unit in the documentation's words.
struct DocumentedField {
  std::string name;  ///< e.g. "required_wte" (without the backticks)
  std::string unit;  ///< e.g. "WTE", "heads per WTE"

  /// True when both the name and the unit are the same.
  bool operator==(const DocumentedField& other) const {
    return name == other.name && unit == other.unit;
  }
};

/// One `field | unit | meaning` table of a Markdown text and the heading it stands under.
struct FieldList {
  std::string heading;  ///< the heading's text, without the #s and any `<a id>` anchor
  std::vector<DocumentedField> fields;  ///< its rows, in order
};

/// Every record kind, in the order docs/OUTPUT.md lists them.
const std::vector<DocumentedRecord>& documented_records();

/// The heading that a record kind's table stands under in docs/OUTPUT.md.
std::string_view documented_heading(DocumentedRecord record);

/// Every `field | unit | meaning` table of a Markdown text, in order (code blocks are skipped);
/// throws std::runtime_error for a row that does not have exactly three cells.
std::vector<FieldList> field_lists_in(std::string_view markdown);

/// The one table under a record kind's heading among `lists`; throws std::runtime_error when
/// there is none or more than one.
const std::vector<DocumentedField>& documented_fields(DocumentedRecord record,
                                                      const std::vector<FieldList>& lists);

/// The tables of docs/OUTPUT.md itself, read once.
const std::vector<FieldList>& output_doc_field_lists();

/// The fields docs/OUTPUT.md lists for a record kind, in contract order.
const std::vector<DocumentedField>& documented_fields(DocumentedRecord record);

/// The names of the fields docs/OUTPUT.md lists for a record kind, in contract order.
std::vector<std::string> documented_field_names(DocumentedRecord record);

/// True for the units the documentation calls numbers: WTE to heads per WTE.
bool is_number_unit(std::string_view unit);

}  // namespace estab::testing
