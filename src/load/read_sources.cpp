// Reading the YAML side of extracts: `review.as_of`, a team's cost centres and adjustments,
// and the `sources:` list.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "estab/suggest.hpp"
#include "load/csv_stream.hpp"
#include "load/extract_cells.hpp"
#include "load/schema.hpp"
#include "load/source_spec.hpp"

namespace estab {

namespace {

using NodeId = Document::NodeId;
constexpr NodeId kNoNode = Document::kNoNode;

constexpr std::array<ColumnRole, kColumnRoleCount> kRoles = {
    ColumnRole::CostCentre,    ColumnRole::Wte,     ColumnRole::Record, ColumnRole::Person,
    ColumnRole::Band,          ColumnRole::EndDate, ColumnRole::Cost,   ColumnRole::DaysLost,
    ColumnRole::DaysAvailable, ColumnRole::Hours,   ColumnRole::Agency, ColumnRole::Reason};

/// The kinds of source, by input name.
constexpr std::array<std::pair<std::string_view, ExtractKind>, 5> kKinds = {{
    {"in_post", ExtractKind::InPost},
    {"funded", ExtractKind::Funded},
    {"sickness", ExtractKind::Sickness},
    {"temporary", ExtractKind::Temporary},
    {"leavers", ExtractKind::Leavers},
}};

/// Each entry of a list of texts (a single text counts as a list of one), with its location.
std::vector<Located<std::string>> text_list(NodeReader& reader, NodeId node,
                                            const InputPath& path) {
  const Document& document = reader.document();
  std::vector<Located<std::string>> texts;
  if (document.kind(node) == NodeKind::Scalar) {
    if (auto text = reader.text(node, path)) texts.push_back({*text, document.location(node)});
    return texts;
  }
  if (!reader.expect_list(node, path)) return texts;
  std::size_t index = 0;
  for (NodeId item = document.first_child(node); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    if (auto text = reader.text(item, path.item({}, index))) {
      texts.push_back({*text, document.location(item)});
    }
  }
  return texts;
}

/// Reads a column condition: `{COLUMN: [PATTERN, …], …}`.
RowCondition read_condition(NodeReader& reader, NodeId node, const InputPath& path) {
  RowCondition condition;
  if (!reader.expect_map(node, path)) return condition;
  condition.stated = true;
  const Document& document = reader.document();
  for (NodeId key = document.first_child(node); key != kNoNode;) {
    const NodeId value = document.next_sibling(key);
    if (value == kNoNode) break;
    const std::string column(document.text(key));
    const InputPath column_path = path.child(column);
    CellCondition cell{{column, document.location(key)}, {}};
    for (const Located<std::string>& pattern : text_list(reader, value, column_path)) {
      cell.patterns.push_back(lower_case(trim_cell(pattern.value)));
    }
    if (cell.patterns.empty() && document.kind(value) == NodeKind::Sequence) {
      reader.error(value, column_path, "needs at least one pattern");
    }
    condition.cells.push_back(std::move(cell));
    key = document.next_sibling(value);
  }
  return condition;
}

/// The index of a declared id, or an error naming the ids there are.
std::optional<std::size_t> find_declared(NodeReader& reader, NodeId node, const InputPath& path,
                                         const std::string& id,
                                         const std::unordered_map<std::string, std::size_t>& ids,
                                         const std::vector<std::string_view>& names,
                                         std::string_view what) {
  const auto found = ids.find(id);
  if (found != ids.end()) return found->second;
  reader.error(
      node, path,
      fmt::format("unknown {} '{}'{}", what, id,
                  reader.listing() ? did_you_mean_or_list(id, names, std::string(what) + "s")
                                   : std::string()));
  return std::nullopt;
}

/// The declared profession named by a required `profession` key of `item`, or nullopt (with a
/// problem recorded) when it is missing, not text or not declared.
std::optional<std::size_t> profession_at(NodeReader& reader, NodeId item, const InputPath& path,
                                         const DeclaredIds& declared) {
  const NodeId profession = reader.require(item, path, "profession");
  if (profession == kNoNode) return std::nullopt;
  const InputPath profession_path = path.child("profession");
  const auto id = reader.text(profession, profession_path);
  if (!id) return std::nullopt;
  if (declared.professions_unread && declared.professions.count(*id) == 0) {
    return std::nullopt;  // the missing list is reported once, at the root
  }
  return find_declared(reader, profession, profession_path, *id, declared.professions,
                       declared.profession_ids, "profession");
}

/// The column roles a source of `kind` must name.
std::vector<ColumnRole> required_roles(ExtractKind kind) {
  switch (kind) {
    case ExtractKind::InPost:
    case ExtractKind::Funded:
    case ExtractKind::Leavers: return {ColumnRole::CostCentre, ColumnRole::Wte};
    case ExtractKind::Sickness:
      return {ColumnRole::CostCentre, ColumnRole::DaysLost, ColumnRole::DaysAvailable};
    case ExtractKind::Temporary: return {ColumnRole::CostCentre, ColumnRole::Hours};
  }
  return {};
}

/// The column roles a source of `kind` may name.
bool role_allowed(ExtractKind kind, ColumnRole role) {
  if (role == ColumnRole::Record || role == ColumnRole::EndDate) return true;
  const std::vector<ColumnRole> required = required_roles(kind);
  if (std::find(required.begin(), required.end(), role) != required.end()) return true;
  switch (kind) {
    case ExtractKind::InPost: return role == ColumnRole::Person || role == ColumnRole::Band;
    case ExtractKind::Funded: return role == ColumnRole::Cost || role == ColumnRole::Band;
    case ExtractKind::Sickness: return false;
    case ExtractKind::Temporary:
      return role == ColumnRole::Cost || role == ColumnRole::Agency || role == ColumnRole::Reason;
    case ExtractKind::Leavers: return role == ColumnRole::Reason;
  }
  return false;
}

/// What the column of a role holds, for a message naming a missing one.
std::string_view role_holds(ColumnRole role) {
  switch (role) {
    case ColumnRole::CostCentre: return "cost centre";
    case ColumnRole::Wte: return "WTE";
    case ColumnRole::DaysLost: return "FTE days lost";
    case ColumnRole::DaysAvailable: return "FTE days available";
    case ColumnRole::Hours: return "hours worked";
    default: return column_role_key(role);
  }
}

void read_columns(NodeReader& reader, NodeId node, const InputPath& path, SourceSpec& source) {
  if (!reader.expect_map(node, path)) return;
  reader.check_keys(node, path, schema_key_names(Section::ExtractColumns));
  const Document& document = reader.document();
  for (const ColumnRole role : kRoles) {
    const NodeId value = document.find(node, column_role_key(role));
    if (value == kNoNode) continue;
    const InputPath role_path = path.child(column_role_key(role));
    if (!role_allowed(source.kind, role)) {
      reader.error(value, role_path,
                   fmt::format("a {} source has no '{}' column", extract_kind_name(source.kind),
                               column_role_key(role)));
      continue;
    }
    if (auto header = reader.text(value, role_path)) {  // located at its key
      const NodeId key = document.find_key(node, column_role_key(role));
      source.columns.push_back({role, {*header, document.location(key)}});
    }
  }
  for (const ColumnRole role : required_roles(source.kind)) {
    if (source.column(role) == nullptr && document.find(node, column_role_key(role)) == kNoNode) {
      reader.error(node, path,
                   fmt::format("missing required key '{}' (the header of the column that holds "
                               "the {})",
                               column_role_key(role), role_holds(role)));
    }
  }
}

void read_map(NodeReader& reader, NodeId list, const InputPath& path, const Model& model,
              const DeclaredIds& declared, SourceSpec& source) {
  if (!reader.expect_list(list, path)) return;
  const Document& document = reader.document();
  std::unordered_map<std::string, std::size_t> team_ids;
  std::vector<std::string_view> team_names;
  for (std::size_t index = 0; index < model.teams.size(); ++index) {
    team_ids.emplace(model.teams[index].id, index);
    team_names.push_back(model.teams[index].id);
  }
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    const InputPath rule_path = path.item({}, index);
    if (!reader.expect_map(item, rule_path)) continue;
    reader.check_keys(item, rule_path, schema_key_names(Section::MapRule));
    MapRule rule;
    bool complete = true;
    if (auto found = profession_at(reader, item, rule_path, declared)) {
      rule.profession_index = *found;
    } else {
      complete = false;
    }
    if (NodeId where = reader.require(item, rule_path, "where"); where != kNoNode) {
      rule.where = read_condition(reader, where, rule_path.child("where"));
    } else {
      complete = false;
    }
    if (NodeId teams = document.find(item, "teams"); teams != kNoNode) {
      const InputPath teams_path = rule_path.child("teams");
      std::vector<std::size_t> indexes;
      for (const Located<std::string>& team : text_list(reader, teams, teams_path)) {
        const auto found = team_ids.find(team.value);
        if (found == team_ids.end()) {
          reader.error_at(
              team.where, teams_path,
              fmt::format("unknown team '{}'{}", team.value,
                          reader.listing() ? did_you_mean_or_list(team.value, team_names, "teams")
                                           : std::string()));
          complete = false;
        } else {
          indexes.push_back(found->second);
        }
      }
      std::sort(indexes.begin(), indexes.end());
      rule.team_indexes = std::move(indexes);
    }
    if (complete) source.map.push_back(std::move(rule));
  }
}

std::optional<char> read_delimiter(NodeReader& reader, NodeId node, const InputPath& path) {
  const auto text = reader.text(node, path, false);
  if (!text) return std::nullopt;
  if (*text == "," || *text == ";" || *text == "|") return (*text)[0];
  if (*text == "\t" || *text == "\\t" || *text == "tab") return '\t';
  reader.error(node, path,
               fmt::format("expected \",\", \";\", \"|\" or \"\\t\" (a tab), got \"{}\"", *text));
  return std::nullopt;
}

/// The folder of the YAML file that `where` points into, joined with `file`.
std::string resolve_extract_path(const Model& model, const SourceLocation& where,
                                 const std::string& file) {
  const std::filesystem::path written(file);
  if (written.is_absolute()) return file;
  const std::string& yaml = model.file_of(where);
  const std::filesystem::path folder = std::filesystem::path(yaml).parent_path();
  return (folder / written).lexically_normal().string();
}

SourceSpec read_source(NodeReader& reader, NodeId item, const InputPath& path, const Model& model,
                       const DeclaredIds& declared, bool& complete) {
  const Document& document = reader.document();
  SourceSpec source;
  source.where = document.location(item);
  reader.check_keys(item, path, schema_key_names(Section::Source));
  if (NodeId kind = reader.require(item, path, "kind"); kind != kNoNode) {
    if (auto name = reader.text(kind, path.child("kind"))) {
      const auto found = std::find_if(kKinds.begin(), kKinds.end(),
                                      [&](const auto& entry) { return entry.first == *name; });
      if (found == kKinds.end()) {
        std::vector<std::string_view> names;
        for (const auto& entry : kKinds) names.push_back(entry.first);
        reader.error(kind, path.child("kind"),
                     fmt::format("expected 'in_post', 'funded', 'sickness', 'temporary' or "
                                 "'leavers', got \"{}\"{}",
                                 *name, did_you_mean(*name, names)));
        complete = false;
        return source;
      }
      source.kind = found->second;
    }
  }
  if (NodeId file = reader.require(item, path, "file"); file != kNoNode) {
    if (auto name = reader.text(file, path.child("file"))) {
      source.file = {*name, document.location(file)};
      source.path = resolve_extract_path(model, source.file.where, *name);
    } else {
      complete = false;
    }
  } else {
    complete = false;
  }
  if (NodeId columns = reader.require(item, path, "columns"); columns != kNoNode) {
    read_columns(reader, columns, path.child("columns"), source);
  } else {
    complete = false;
  }
  const auto condition = [&](std::string_view key, RowCondition& into, bool allowed) {
    const NodeId node = document.find(item, key);
    if (node == kNoNode) return;
    if (!allowed) {
      reader.error(
          node, path.child(key),
          fmt::format("only {} sources have '{}'", key == "held" ? "in_post" : "funded", key));
      return;
    }
    into = read_condition(reader, node, path.child(key));
  };
  condition("include", source.include, true);
  condition("exclude", source.exclude, true);
  condition("held", source.held, source.kind == ExtractKind::InPost);
  condition("vacancy_factor", source.vacancy_factor, source.kind == ExtractKind::Funded);
  // Staff in post and budgets need professions; actuals without a map apply to the team.
  const bool needs_map = source.kind == ExtractKind::InPost || source.kind == ExtractKind::Funded;
  if (NodeId map = needs_map ? reader.require(item, path, "map") : document.find(item, "map");
      map != kNoNode) {
    read_map(reader, map, path.child("map"), model, declared, source);
  }
  if (NodeId retirement = document.find(item, "retirement"); retirement != kNoNode) {
    const InputPath retirement_path = path.child("retirement");
    if (source.kind != ExtractKind::Leavers) {
      reader.error(retirement, retirement_path, "only leavers sources have 'retirement'");
    } else if (source.column(ColumnRole::Reason) == nullptr) {
      reader.error(retirement, retirement_path,
                   "'retirement' matches the reason of a leaver: name the column that holds it "
                   "as columns.reason");
    } else {
      for (const Located<std::string>& pattern : text_list(reader, retirement, retirement_path)) {
        source.retirement.push_back(lower_case(trim_cell(pattern.value)));
      }
    }
  }
  if (NodeId delimiter = document.find(item, "delimiter"); delimiter != kNoNode) {
    if (auto character = read_delimiter(reader, delimiter, path.child("delimiter"))) {
      source.delimiter = *character;
    }
  }
  if (NodeId snapshot = document.find(item, "snapshot"); snapshot != kNoNode) {
    const InputPath snapshot_path = path.child("snapshot");
    if (source.kind != ExtractKind::InPost) {
      reader.error(snapshot, snapshot_path, "only in_post sources have a 'snapshot'");
    } else if (auto name = reader.text(snapshot, snapshot_path)) {
      if (*name == "start") {
        source.snapshot = Snapshot::Start;
      } else if (*name == "end") {
        source.snapshot = Snapshot::End;
      } else {
        reader.error(snapshot, snapshot_path,
                     fmt::format("expected 'start' or 'end', got \"{}\"", *name));
      }
    }
  }
  return source;
}

}  // namespace

const char* column_role_key(ColumnRole role) {
  switch (role) {
    case ColumnRole::CostCentre: return "cost_centre";
    case ColumnRole::Wte: return "wte";
    case ColumnRole::Record: return "record";
    case ColumnRole::Person: return "person";
    case ColumnRole::Band: return "band";
    case ColumnRole::EndDate: return "end_date";
    case ColumnRole::Cost: return "cost";
    case ColumnRole::DaysLost: return "days_lost";
    case ColumnRole::DaysAvailable: return "days_available";
    case ColumnRole::Hours: return "hours";
    case ColumnRole::Agency: return "agency";
    case ColumnRole::Reason: return "reason";
  }
  return "unknown";
}

const NamedColumn* SourceSpec::column(ColumnRole role) const {
  for (const NamedColumn& named : columns) {
    if (named.role == role) return &named;
  }
  return nullptr;
}

std::optional<Located<std::int32_t>> read_as_of(NodeReader& reader, NodeId review,
                                                const InputPath& path) {
  const NodeId node = reader.document().find(review, "as_of");
  if (node == kNoNode) return std::nullopt;
  const InputPath as_of_path = path.child("as_of");
  const auto text = reader.text(node, as_of_path);
  if (!text) return std::nullopt;
  const ExtractDate date = parse_extract_date(*text);
  if (!date.valid || date.open_ended) {
    reader.error(node, as_of_path,
                 fmt::format("expected a date such as 2026-03-31, got \"{}\"", *text));
    return std::nullopt;
  }
  return Located<std::int32_t>{date.day, reader.document().location(node)};
}

void read_team_extract_keys(NodeReader& reader, NodeId team_node, const InputPath& team_path,
                            const DeclaredIds& declared, Team& team) {
  const Document& document = reader.document();
  if (NodeId cost_centres = document.find(team_node, "cost_centres"); cost_centres != kNoNode) {
    team.cost_centres = text_list(reader, cost_centres, team_path.child("cost_centres"));
    for (Located<std::string>& cost_centre : team.cost_centres) {
      cost_centre.value = std::string(trim_cell(cost_centre.value));
    }
  }
  NodeId adjustments = document.find(team_node, "adjustments");
  if (adjustments == kNoNode) return;
  const InputPath list_path = team_path.child("adjustments");
  if (!reader.expect_list(adjustments, list_path)) return;
  std::size_t index = 0;
  for (NodeId item = document.first_child(adjustments); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    const InputPath item_path = list_path.item({}, index);
    if (!reader.expect_map(item, item_path)) continue;
    reader.check_keys(item, item_path, schema_key_names(Section::Adjustment));
    Adjustment adjustment;
    adjustment.where = document.location(item);
    bool complete = true;
    if (auto found = profession_at(reader, item, item_path, declared)) {
      adjustment.profession_index = *found;
    } else {
      complete = false;
    }
    if (NodeId wte = reader.require(item, item_path, "in_post_wte"); wte != kNoNode) {
      if (auto value = reader.number(wte, item_path.child("in_post_wte"))) {
        adjustment.in_post_wte = *value;
      } else {
        complete = false;
      }
    } else {
      complete = false;
    }
    adjustment.reason = reader.text_at(item, item_path, "reason").value_or("");
    if (complete) team.adjustments.push_back(std::move(adjustment));
  }
}

std::vector<SourceSpec> read_source_specs(NodeReader& reader, NodeId list, const Model& model,
                                          const DeclaredIds& declared) {
  std::vector<SourceSpec> sources;
  const InputPath path = InputPath().child("sources");
  if (!reader.expect_list(list, path)) return sources;
  const Document& document = reader.document();
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    const InputPath item_path = path.item({}, index);
    if (!reader.expect_map(item, item_path)) continue;
    bool complete = true;
    SourceSpec source = read_source(reader, item, item_path, model, declared, complete);
    if (complete) sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace estab
