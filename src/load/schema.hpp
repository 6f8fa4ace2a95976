#pragma once
// The shape of an input file: which keys each section allows and what each key holds. The
// loader checks keys against it, and `--set` paths are resolved through it.

#include <optional>
#include <string_view>
#include <vector>

namespace estab {

/// A section of the input file: a mapping with a fixed set of keys.
enum class Section {
  Root,
  Review,
  Assumptions,
  Additional,  ///< `additional:` — any component name
  Profession,
  SkillMix,
  Service,
  Team,
  StaffingLine,
  RosterShift,
  Observations,
  Caseload,
  CaseloadBand,
  Activities,
  Activity,
  LeaveBand,
  Adjustment,      ///< an entry of a team's `adjustments`
  Source,          ///< an entry of `sources:`: one extract
  ExtractColumns,  ///< a source's `columns:`: which header holds each value
  Cells,           ///< `include:`, `where:` and the like — any column name, with its patterns
  MapRule,         ///< an entry of a source's `map:`
  Actuals,         ///< a team's or a line's `actuals:`
  ActualAbsence,   ///< `actuals.absence:` — any component name, each an allowance
};

/// What a key holds.
enum class KeyHolds {
  Value,             ///< a scalar: a leaf for `--set`
  Allowance,         ///< a share of time, "x%" or a mapping such as {days: n}: replaced whole
  Section,           ///< a mapping of another section
  ListById,          ///< a list of sections, each named by `id`
  ListByProfession,  ///< a list of staffing lines, each named by `profession`
  List,              ///< a list of sections, selected by position
};

/// One allowed key of a section.
struct SchemaKey {
  std::string_view name;
  KeyHolds holds = KeyHolds::Value;
  Section child = Section::Root;  ///< the section of a mapping or of each list item
};

/// The keys a section allows, in documentation order.
const std::vector<SchemaKey>& schema_keys(Section section);

/// Just the names of a section's keys, for checking and suggestions.
std::vector<std::string_view> schema_key_names(Section section);

/// The key of `section` called `name`, or null when the section has no such key.
const SchemaKey* find_schema_key(Section section, std::string_view name);

/// What every key of a section that takes any key holds (`additional:`, a column condition),
/// or nullopt for a section with a fixed set of keys.
std::optional<KeyHolds> any_key_holds(Section section);

/// The name of the key that identifies an item of a list (`id` or `profession`), or "".
std::string_view list_item_key(KeyHolds holds);

}  // namespace estab
