#pragma once
// The `sources:` of an input as read from YAML, before any extract is opened.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "estab/model.hpp"
#include "load/reader.hpp"
#include "load/sections.hpp"

namespace estab {

/// What a column of an extract holds for the source that reads it.
enum class ColumnRole {
  CostCentre,
  Wte,
  Record,
  Person,
  Band,
  EndDate,
  Cost,
  DaysLost,
  DaysAvailable,
  Hours,
  Agency,
  Reason
};

/// Number of column roles.
inline constexpr std::size_t kColumnRoleCount = 12;

/// The input key of a column role, e.g. "cost_centre".
const char* column_role_key(ColumnRole role);

/// The header a source names for one column role, and where it was written.
struct NamedColumn {
  ColumnRole role = ColumnRole::CostCentre;
  Located<std::string> header;
};

/// A column and the patterns (lower case) one of which its cell must match.
struct CellCondition {
  Located<std::string> column;  ///< located at the key that names the column
  std::vector<std::string> patterns;
};

/// Every listed column must match; an unstated condition (`stated` false) never applies.
struct RowCondition {
  bool stated = false;
  std::vector<CellCondition> cells;
};

/// One `map` rule: rows whose cells match `where` (in one of `teams`, when given) are
/// `profession_index`'s.
struct MapRule {
  std::size_t profession_index = 0;
  RowCondition where;
  std::optional<std::vector<std::size_t>> team_indexes;  ///< sorted; nullopt: any team
};

/// Which snapshot of the staff in post an in-post source is.
enum class Snapshot { Only, Start, End };

/// One entry of `sources:`.
struct SourceSpec {
  ExtractKind kind = ExtractKind::InPost;
  Located<std::string> file;  ///< as written
  std::string path;           ///< resolved against the folder of the YAML that names it
  std::vector<NamedColumn> columns;
  RowCondition include;
  RowCondition exclude;
  RowCondition held;
  RowCondition vacancy_factor;
  std::vector<MapRule> map;
  std::vector<std::string> retirement;  ///< patterns (lower case) on the reason of a leaver
  char delimiter = ',';
  Snapshot snapshot = Snapshot::Only;
  SourceLocation where;

  /// The header named for `role`, or null when the source does not read that column.
  const NamedColumn* column(ColumnRole role) const;
};

/// Reads `review.as_of`.
std::optional<Located<std::int32_t>> read_as_of(NodeReader& reader, Document::NodeId review,
                                                const InputPath& path);

/// Reads a team's `cost_centres` and `adjustments`.
void read_team_extract_keys(NodeReader& reader, Document::NodeId team_node,
                            const InputPath& team_path, const DeclaredIds& declared, Team& team);

/// Reads `sources:`; team ids are looked up in `model`, whose file table locates each `file`.
std::vector<SourceSpec> read_source_specs(NodeReader& reader, Document::NodeId list,
                                          const Model& model, const DeclaredIds& declared);

}  // namespace estab
