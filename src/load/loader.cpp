// Loading an input file: read, parse, read every section, then check the whole model.
#include "estab/load.hpp"

#include <fmt/format.h>

#include "estab/absence.hpp"
#include "estab/document.hpp"
#include "estab/suggest.hpp"
#include "load/schema.hpp"
#include "load/sections.hpp"
#include "load/sources.hpp"

namespace estab {

namespace {

using NodeId = Document::NodeId;
constexpr NodeId kNoNode = Document::kNoNode;

void read_schema_version(NodeReader& reader, NodeId root) {
  const NodeId version = root == kNoNode ? kNoNode : reader.document().find(root, "estab");
  if (version == kNoNode) {
    reader.error(root, InputPath(),
                 "missing required key 'estab' (the schema version: write 'estab: 1' on the "
                 "first line)");
    return;
  }
  const Document& document = reader.document();
  if (document.kind(version) != NodeKind::Scalar || document.text(version) != "1") {
    reader.error(version, InputPath().child("estab"),
                 fmt::format("unsupported schema version {}; this estab reads version 1",
                             reader.describe(version)));
  }
}

void read_review(NodeReader& reader, NodeId node, ReviewSettings& review) {
  const InputPath path = InputPath().child("review");
  if (!reader.expect_map(node, path)) return;
  reader.check_keys(node, path, schema_key_names(Section::Review));
  review.organisation = reader.text_at(node, path, "organisation");
  review.title = reader.text_at(node, path, "title");
  review.period = reader.text_at(node, path, "period");
  if (auto hours = reader.number_at(node, path, "standard_hours",
                                    NumberRule{true, 168.0, "hours in a week", 1.0})) {
    review.standard_hours = *hours;
  }
  if (auto days = reader.number_at(node, path, "working_days",
                                   NumberRule{true, 366.0, "days in a year", 1.0})) {
    review.working_days = *days;
  }
  if (auto tolerance = reader.percent_at(node, path, "gap_tolerance")) {
    review.gap_tolerance = *tolerance;
  }
  const Document& document = reader.document();
  if (NodeId method = document.find(node, "uplift_method"); method != kNoNode) {
    const InputPath method_path = path.child("uplift_method");
    if (auto name = reader.text(method, method_path)) {
      if (*name == "exact") {
        review.uplift_method = {UpliftMethod::Exact, document.location(method)};
      } else if (*name == "additive") {
        review.uplift_method = {UpliftMethod::Additive, document.location(method)};
      } else {
        reader.error(method, method_path,
                     fmt::format("expected 'exact' or 'additive', got \"{}\"{}", *name,
                                 did_you_mean(*name, {"exact", "additive"})));
      }
    }
  }
}

void read_professions(NodeReader& reader, NodeId list, Model& model, DeclaredIds& declared) {
  const InputPath path = InputPath().child("professions");
  if (!reader.expect_list(list, path)) return;
  const Document& document = reader.document();
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    const NodeId id_node =
        document.kind(item) == NodeKind::Map ? document.find(item, "id") : kNoNode;
    const std::string_view label = id_node != kNoNode && document.kind(id_node) == NodeKind::Scalar
                                       ? document.text(id_node)
                                       : std::string_view();
    const InputPath item_path = path.item(label, index);
    if (!reader.expect_map(item, item_path)) continue;
    reader.check_keys(item, item_path, schema_key_names(Section::Profession));
    Profession profession;
    profession.where = document.location(item);
    bool complete = true;
    if (reader.require(item, item_path, "id") != kNoNode) {
      auto id = reader.text(id_node, item_path.child("id"));
      complete = complete && id.has_value();
      profession.id = id.value_or("");
    } else {
      complete = false;
    }
    profession.name = reader.text_at(item, item_path, "name").value_or(profession.id);
    if (NodeId registered = reader.require(item, item_path, "registered"); registered != kNoNode) {
      auto flag = reader.boolean(registered, item_path.child("registered"));
      profession.registered = flag.value_or(false);
    }
    profession.cost_per_wte = reader.number_at(item, item_path, "cost_per_wte");
    if (NodeId assumptions = document.find(item, "assumptions"); assumptions != kNoNode) {
      profession.assumptions =
          read_assumptions(reader, assumptions, item_path.child("assumptions"));
    }
    if (!complete) continue;
    if (const auto found = declared.professions.find(profession.id);
        found != declared.professions.end()) {
      reader.error(id_node, item_path.child("id"),
                   fmt::format("duplicate profession id '{}' (first declared at line {})",
                               profession.id, model.professions[found->second].where.line));
      continue;
    }
    declared.professions.emplace(profession.id, model.professions.size());
    model.professions.push_back(std::move(profession));
  }
  for (const Profession& profession : model.professions) {
    declared.profession_ids.push_back(profession.id);
  }
}

void read_services(NodeReader& reader, NodeId list, Model& model, DeclaredIds& declared) {
  const InputPath path = InputPath().child("services");
  if (!reader.expect_list(list, path)) return;
  const Document& document = reader.document();
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    const InputPath item_path = path.item({}, index);
    if (!reader.expect_map(item, item_path)) continue;
    reader.check_keys(item, item_path, schema_key_names(Section::Service));
    const NodeId id_node = reader.require(item, item_path, "id");
    if (id_node == kNoNode) continue;
    auto id = reader.text(id_node, item_path.child("id"));
    if (!id) continue;
    const InputPath named_path = path.item(*id, index);
    Service service{*id, reader.text_at(item, named_path, "name").value_or(*id),
                    document.location(item)};
    if (const auto found = declared.services.find(service.id); found != declared.services.end()) {
      reader.error(id_node, named_path.child("id"),
                   fmt::format("duplicate service id '{}' (first declared at line {})", service.id,
                               model.services[found->second].where.line));
      continue;
    }
    declared.services.emplace(service.id, model.services.size());
    model.services.push_back(std::move(service));
  }
  for (const Service& service : model.services) declared.service_ids.push_back(service.id);
}

void read_teams(NodeReader& reader, NodeId list, Model& model, const DeclaredIds& declared) {
  const InputPath path = InputPath().child("teams");
  if (!reader.expect_list(list, path)) return;
  const Document& document = reader.document();
  std::unordered_map<std::string, std::size_t> team_ids;
  model.teams.reserve(document.size(list));
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    Team team = read_team(reader, item, path, index, declared);
    if (team.id.empty()) continue;
    if (const auto found = team_ids.find(team.id); found != team_ids.end()) {
      reader.error(document.find(item, "id"), path.item(team.id, index).child("id"),
                   fmt::format("duplicate team id '{}' (first declared at line {})", team.id,
                               model.teams[found->second].where.line));
      continue;
    }
    team_ids.emplace(team.id, model.teams.size());
    model.teams.push_back(std::move(team));
  }
}

/// Checks that need the whole model: absence totals and shares of available time.
void check_lines(const Model& model, NodeReader& reader) {
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    const InputPath team_path = teams_path.item(team.id, team_index);
    const InputPath staffing_path = team_path.child("staffing");
    for (std::size_t line_index = 0; line_index < team.lines.size(); ++line_index) {
      const StaffingLine& line = team.lines[line_index];
      const InputPath line_path =
          staffing_path.item(model.professions[line.profession_index].id, line_index);
      const ResolvedAbsence absence = resolve_absence(model, team, line);
      if (!(absence.total < 1.0)) {
        reader.error_at(line.where, line_path,
                        fmt::format("absence adds up to {:.1f}% of contracted time; it must be "
                                    "below 100%",
                                    absence.total * 100.0));
        continue;
      }
      auto check_share = [&](const std::optional<Allowance>& share, const InputPath& share_path) {
        if (!share) return;
        const double fraction = available_time_fraction(*share, model.review, absence.total);
        if (!(fraction < 1.0)) {
          reader.error_at(share->where, share_path,
                          fmt::format("comes to {:.1f}% of available time; it must be below 100%",
                                      fraction * 100.0));
        }
      };
      if (line.caseload) {
        check_share(line.caseload->non_caseload_time,
                    line_path.child("caseload").child("non_caseload_time"));
      }
      if (line.activities) {
        check_share(line.activities->non_activity_time,
                    line_path.child("activities").child("non_activity_time"));
      }
    }
  }
}

/// Reads a parsed (and merged) document into a validated model whose file table is `files`.
Model read_model(Document document, std::vector<std::string> files, const LoadOptions& options) {
  Model model;
  model.files = std::move(files);
  apply_overrides(document, options.overrides, model.files);
  document.remove_null_entries();  // `key: ~` leaves the key unstated, in a file or an overlay
  DiagnosticList problems;
  NodeReader reader(document, model.files, problems);
  const NodeId root = document.root();
  if (!reader.expect_map(root, InputPath())) problems.throw_if_any();
  reader.check_keys(root, InputPath(), schema_key_names(Section::Root));
  read_schema_version(reader, root);
  if (NodeId review = document.find(root, "review"); review != kNoNode) {
    read_review(reader, review, model.review);
  }
  if (NodeId assumptions = document.find(root, "assumptions"); assumptions != kNoNode) {
    model.assumptions = read_assumptions(reader, assumptions, InputPath().child("assumptions"));
  }
  if (NodeId skill_mix = document.find(root, "skill_mix"); skill_mix != kNoNode) {
    model.skill_mix = read_skill_mix(reader, skill_mix, InputPath().child("skill_mix"));
  }
  DeclaredIds declared;
  if (NodeId professions = reader.require(root, InputPath(), "professions");
      professions != kNoNode) {
    read_professions(reader, professions, model, declared);
  }
  if (NodeId services = document.find(root, "services"); services != kNoNode) {
    read_services(reader, services, model, declared);
  }
  if (NodeId teams = reader.require(root, InputPath(), "teams"); teams != kNoNode) {
    read_teams(reader, teams, model, declared);
  }
  check_lines(model, reader);
  problems.throw_if_any();
  return model;
}

}  // namespace

Model load_model_text(std::string_view text, const std::string& file_name,
                      const LoadOptions& options) {
  std::vector<std::string> files;
  Document document = load_document(text, file_name, files);
  return read_model(std::move(document), std::move(files), options);
}

Model load_model_file(const std::string& path, const LoadOptions& options) {
  std::vector<std::string> files;
  Document document;
  {
    const std::string text = read_text_file(path);  // freed before the model is read
    document = load_document(text, path, files);
  }
  return read_model(std::move(document), std::move(files), options);
}

}  // namespace estab
