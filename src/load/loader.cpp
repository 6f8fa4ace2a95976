// Loading an input file: read, parse, read every section, then check the whole model.
#include "estab/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "estab/absence.hpp"
#include "estab/document.hpp"
#include "estab/suggest.hpp"
#include "load/extracts.hpp"
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
  review.as_of = read_as_of(reader, node, path);
  read_actuals_settings(reader, node, path, review);
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

/// "sickness 60.0% (line 3), annual_leave 45.0% (other.yaml line 4), bank_holidays 3.1%
/// (default)": the components of an absence that are above zero, and where each was written.
std::string absence_parts(const Model& model, const ResolvedAbsence& absence,
                          std::uint32_t line_file) {
  std::vector<std::string> parts;
  for (const AbsenceComponent& component : absence.components) {
    if (component.fraction <= 0.0) continue;
    std::string where = "default";
    if (component.stated != nullptr) {
      const SourceLocation& stated = component.stated->where;
      where = stated.file_index == line_file
                  ? fmt::format("line {}", stated.line)
                  : fmt::format("{} line {}", model.file_of(stated), stated.line);
    }
    parts.push_back(
        fmt::format("{} {:.1f}% ({})", component.component, component.fraction * 100.0, where));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// What tells distinct assumption sets apart: the allowances an absence was resolved from, and
/// its headcount per WTE (which turns hours per head into a share).
std::pair<std::vector<const Allowance*>, double> stated_allowances(const ResolvedAbsence& absence) {
  std::vector<const Allowance*> stated;
  for (const AbsenceComponent& component : absence.components) stated.push_back(component.stated);
  return {std::move(stated), absence.headcount_per_wte};
}

/// Checks that need the whole model: absence totals and shares of available time.
void check_lines(const Model& model, NodeReader& reader) {
  // An impossible absence is reported once per distinct set of assumptions, at its first line,
  // with the number of other lines that share it.
  struct ImpossibleSet {
    std::size_t lines = 0;
    bool reported = false;
  };
  std::map<std::pair<std::vector<const Allowance*>, double>, ImpossibleSet> impossible_sets;
  AbsenceResolver resolver(model, Scaling{});
  for (const Team& team : model.teams) {
    for (const StaffingLine& line : team.lines) {
      if (resolver.resolve_total(team, line).total < 1.0) continue;
      ++impossible_sets[stated_allowances(resolver.resolve(team, line))].lines;
    }
  }
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    const InputPath team_path = teams_path.item(team.id, team_index);
    const InputPath staffing_path = team_path.child("staffing");
    for (std::size_t line_index = 0; line_index < team.lines.size(); ++line_index) {
      const StaffingLine& line = team.lines[line_index];
      const InputPath line_path =
          staffing_path.item(model.professions[line.profession_index].id, line_index);
      ResolvedAbsence absence = resolver.resolve_total(team, line);
      if (!(absence.total < 1.0)) {
        absence = resolver.resolve(team, line);
        ImpossibleSet* set = &impossible_sets[stated_allowances(absence)];
        if (set->reported) continue;
        set->reported = true;
        const std::size_t others = set->lines - 1;
        reader.error_at(
            line.where, line_path,
            fmt::format("absence adds up to {:.1f}% of contracted time; it must be below 100%: "
                        "{}{}",
                        absence.total * 100.0, absence_parts(model, absence, line.where.file_index),
                        others == 0 ? std::string()
                                    : fmt::format(" (and {} more staffing {} with the same "
                                                  "assumptions)",
                                                  others, others == 1 ? "line" : "lines")));
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

/// Records the section of every mapping of the document that the schema describes.
void collect_sections(const Document& document, NodeId node, Section section,
                      std::unordered_map<NodeId, Section>& sections) {
  if (document.kind(node) != NodeKind::Map) return;
  sections.emplace(node, section);
  for (NodeId key = document.first_child(node); key != kNoNode;) {
    const NodeId value = document.next_sibling(key);
    if (value == kNoNode) break;
    const SchemaKey* schema_key = find_schema_key(section, document.text(key));
    if (schema_key != nullptr && schema_key->holds == KeyHolds::Section) {
      collect_sections(document, value, schema_key->child, sections);
    } else if (schema_key != nullptr && schema_key->holds != KeyHolds::Value &&
               schema_key->holds != KeyHolds::Allowance &&
               document.kind(value) == NodeKind::Sequence) {
      for (NodeId item = document.first_child(value); item != kNoNode;
           item = document.next_sibling(item)) {
        collect_sections(document, item, schema_key->child, sections);
      }
    }
    key = document.next_sibling(value);
  }
}

/// Drops the keys written `~`: each reads as unstated. A key the section does not know, or one
/// written twice, is kept, so that it is reported as such.
void remove_stated_nulls(Document& document) {
  if (!document.has_null_nodes()) return;  // the usual case: nothing to walk
  std::unordered_map<NodeId, Section> sections;
  collect_sections(document, document.root(), Section::Root, sections);
  document.remove_null_entries([&](NodeId map, NodeId key) {
    const auto section = sections.find(map);
    if (section == sections.end()) return false;
    const std::string_view name = document.text(key);
    if (!any_key_holds(section->second) && find_schema_key(section->second, name) == nullptr) {
      return false;
    }
    std::size_t times = 0;
    for (NodeId other = document.first_child(map); other != kNoNode;) {
      const NodeId value = document.next_sibling(other);
      if (document.text(other) == name) ++times;
      if (value == kNoNode) break;
      other = document.next_sibling(value);
    }
    return times == 1;
  });
}

/// Plausibility limits: values that can be right but are far more often a slip.
constexpr double kLowestPlausibleOccupancy = 0.20;
constexpr double kLowestPlausibleSickness = 0.01;
constexpr double kHighestPlausibleSickness = 0.20;
constexpr double kHighestPlausibleChppd = 50.0;
constexpr double kFewestPlausibleLeaveDays = 20.0;

/// Warns about stated sickness and annual leave outside the plausible range at one level.
void warn_about_assumptions(const Model& model, const AssumptionSet& assumptions,
                            const InputPath& path, NodeReader& warner) {
  const InputPath assumptions_path = path.child("assumptions");
  const double headcount =
      assumptions.headcount_per_wte ? assumptions.headcount_per_wte->value : 1.0;
  if (const Allowance* sickness = assumptions.fixed.find(Component::Sickness)) {
    const double fraction = allowance_fraction(*sickness, model.review, headcount);
    if (fraction < kLowestPlausibleSickness || fraction > kHighestPlausibleSickness) {
      warner.error_at(
          sickness->where, assumptions_path.child("sickness"),
          fmt::format("sickness of {:.1f}% of contracted time is {} {:.0f}%, where "
                      "NHS services usually run at 3% to 6%",
                      fraction * 100.0, fraction < kLowestPlausibleSickness ? "below" : "above",
                      (fraction < kLowestPlausibleSickness ? kLowestPlausibleSickness
                                                           : kHighestPlausibleSickness) *
                          100.0));
    }
  }
  if (const Allowance* leave = assumptions.fixed.find(Component::AnnualLeave)) {
    const double days =
        allowance_fraction(*leave, model.review, headcount) * model.review.working_days.value;
    if (days < kFewestPlausibleLeaveDays) {
      warner.error_at(leave->where, assumptions_path.child("annual_leave"),
                      fmt::format("annual leave of {:.1f} days a year is below {:.0f} days; "
                                  "Agenda for Change gives 27 to 33",
                                  days, kFewestPlausibleLeaveDays));
    }
  }
}

/// Warnings about values that are allowed but probably not what was meant.
void plausibility_warnings(const Model& model, NodeReader& warner) {
  warn_about_assumptions(model, model.assumptions, InputPath(), warner);
  const InputPath professions_path = InputPath().child("professions");
  for (std::size_t index = 0; index < model.professions.size(); ++index) {
    const Profession& profession = model.professions[index];
    warn_about_assumptions(model, profession.assumptions,
                           professions_path.item(profession.id, index), warner);
  }
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    const InputPath team_path = teams_path.item(team.id, team_index);
    warn_about_assumptions(model, team.assumptions, team_path, warner);
    if (team.inpatient && team.inpatient->occupancy.value < kLowestPlausibleOccupancy) {
      warner.error_at(
          team.inpatient->occupancy.where, team_path.child("occupancy"),
          fmt::format("occupancy of {:.1f}% is below {:.0f}%: it is the share of "
                      "beds occupied (write 90% for nine beds in ten)",
                      team.inpatient->occupancy.value * 100.0, kLowestPlausibleOccupancy * 100.0));
    }
    if (team.inpatient && team.inpatient->chppd_benchmark &&
        team.inpatient->chppd_benchmark->value > kHighestPlausibleChppd) {
      warner.error_at(team.inpatient->chppd_benchmark->where, team_path.child("chppd_benchmark"),
                      fmt::format("a CHPPD benchmark of {:.1f} care hours per patient day is "
                                  "above {:.0f}; inpatient wards usually plan 6 to 20",
                                  team.inpatient->chppd_benchmark->value, kHighestPlausibleChppd));
    }
    const InputPath staffing_path = team_path.child("staffing");
    for (std::size_t line_index = 0; line_index < team.lines.size(); ++line_index) {
      const StaffingLine& line = team.lines[line_index];
      warn_about_assumptions(
          model, line.assumptions,
          staffing_path.item(model.professions[line.profession_index].id, line_index), warner);
    }
  }
}

/// True when the root has no `key` but has a key that is probably it misspelt (`Professions`).
bool misspelt_at_root(const Document& document, NodeId root, std::string_view key) {
  if (document.kind(root) != NodeKind::Map || document.find(root, key) != kNoNode) return false;
  const std::vector<std::string_view> wanted = {key};
  for (NodeId name = document.first_child(root); name != kNoNode;) {
    const NodeId value = document.next_sibling(name);
    if (document.kind(name) == NodeKind::Scalar &&
        !closest_match(document.text(name), wanted).empty()) {
      return true;
    }
    if (value == kNoNode) break;
    name = document.next_sibling(value);
  }
  return false;
}

/// Reads a parsed (and merged) document into a validated model whose file table is `files`;
/// `warnings` holds those found while the document was laid together.
Model read_model(Document document, std::vector<std::string> files, const LoadOptions& options,
                 DiagnosticList warnings = {}) {
  Model model;
  model.files = std::move(files);
  apply_overrides(document, options.overrides, model.files);
  remove_stated_nulls(document);  // `key: ~` leaves the key unstated, in a file or an overlay
  DiagnosticList problems;
  if (options.every_problem) problems.keep_every_one();
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
  // A misspelt list (`Professions:`) is reported once, as an unknown key with its suggestion.
  const bool professions_misspelt = misspelt_at_root(document, root, "professions");
  declared.professions_unread = document.find(root, "professions") == kNoNode;
  declared.services_unread = misspelt_at_root(document, root, "services");
  if (NodeId professions = professions_misspelt ? document.find(root, "professions")
                                                : reader.require(root, InputPath(), "professions");
      professions != kNoNode) {
    read_professions(reader, professions, model, declared);
  }
  if (NodeId services = document.find(root, "services"); services != kNoNode) {
    read_services(reader, services, model, declared);
  }
  if (NodeId teams = reader.require(root, InputPath(), "teams"); teams != kNoNode) {
    read_teams(reader, teams, model, declared);
  }
  std::vector<SourceSpec> sources;
  if (NodeId list = document.find(root, "sources"); list != kNoNode) {
    sources = read_source_specs(reader, list, model, declared);
  }
  check_lines(model, reader);
  check_actual_components(model, reader);
  problems.throw_if_any();
  if (!sources.empty()) document = Document();  // freed: the extracts are read into its room
  read_extracts(sources, model, options.cite_rows, problems, warnings);
  problems.throw_if_any();
  NodeReader checker(document, model.files, problems);
  check_team_actuals(model, checker);
  problems.throw_if_any();
  NodeReader warner(document, model.files, warnings);
  plausibility_warnings(model, warner);
  warn_about_actuals(model, warner);
  for (const Diagnostic& warning : warnings.items()) {
    model.warnings.push_back(warning);
    model.warnings.back().warning = !options.warnings_are_errors;
  }
  model.unlisted_warnings = warnings.unlisted();
  if (options.warnings_are_errors && !warnings.empty()) {
    throw InputError(model.warnings, model.unlisted_warnings);
  }
  return model;
}

}  // namespace

Model load_model_text(std::string_view text, const std::string& file_name,
                      const LoadOptions& options) {
  std::vector<std::string> files;
  DiagnosticList warnings;
  if (options.every_problem) warnings.keep_every_one();
  Document document = load_document(text, file_name, files, &warnings, options.every_problem);
  return read_model(std::move(document), std::move(files), options, std::move(warnings));
}

Model load_model_file(const std::string& path, const LoadOptions& options) {
  std::vector<std::string> files;
  DiagnosticList warnings;
  if (options.every_problem) warnings.keep_every_one();
  Document document;
  {
    const std::string text = read_text_file(path);  // freed before the model is read
    document = load_document(text, path, files, &warnings, options.every_problem);
  }
  return read_model(std::move(document), std::move(files), options, std::move(warnings));
}

}  // namespace estab
