// Reading what actually happened in the actuals period: a team's or a line's `actuals:` and the
// review's actuals settings.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "estab/suggest.hpp"
#include "load/extract_cells.hpp"
#include "load/schema.hpp"
#include "load/sections.hpp"

namespace estab {

namespace {

/// Leavers may be at most this many times the mean headcount: a team can turn over more than
/// its whole staff in a year, but not by much.
constexpr double kMostLeaversPerHead = 2.0;

/// The fixed component called `name`, if it is one.
std::optional<Component> fixed_component(std::string_view name) {
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    if (name == component_key(static_cast<Component>(index))) return static_cast<Component>(index);
  }
  return std::nullopt;
}

/// An actual share of time must stay below all of it.
bool below_all_time(NodeReader& reader, Document::NodeId node, const InputPath& path,
                    const Allowance& allowance) {
  if (allowance.unit != AllowanceUnit::Percent || allowance.amount < 1.0) return true;
  reader.error(node, path,
               fmt::format("an actual absence of {:g}% is all of contracted time or more; it "
                           "must be below 100%",
                           allowance.amount * 100.0));
  return false;
}

/// Reads one component of actual absence into `absence`.
void read_actual_component(NodeReader& reader, Document::NodeId value, const InputPath& path,
                           std::string_view name, AssumptionSet& absence) {
  const std::optional<Component> fixed = fixed_component(name);
  const AllowanceUse use =
      fixed == Component::AnnualLeave ? AllowanceUse::AnnualLeave : AllowanceUse::Absence;
  std::optional<Allowance> allowance = read_allowance(reader, value, path, use);
  if (!allowance || !below_all_time(reader, value, path, *allowance)) return;
  if (fixed) {
    absence.fixed.set(*fixed, std::move(*allowance));
  } else {
    absence.additional.push_back(NamedAllowance{std::string(name), std::move(*allowance)});
  }
}

/// Reads `absence: {component: allowance, …}`: the fixed components or `additional` names.
void read_actual_absence(NodeReader& reader, Document::NodeId node, const InputPath& path,
                         AssumptionSet& absence) {
  if (!reader.expect_map(node, path)) return;
  const Document& document = reader.document();
  std::unordered_set<std::string_view> names;
  for (Document::NodeId key = document.first_child(node); key != Document::kNoNode;) {
    const Document::NodeId value = document.next_sibling(key);
    if (value == Document::kNoNode) break;
    const std::string_view name = document.text(key);
    if (document.kind(key) != NodeKind::Scalar || name.empty()) {
      reader.error(key, path, "a component name must be plain text, got " + reader.describe(key));
    } else if (std::string problem = text_problem(name); !problem.empty()) {
      reader.error(key, path, "a component name " + problem);
    } else if (!names.insert(name).second) {
      reader.error(key, path, fmt::format("component '{}' appears twice", name));
    } else {
      read_actual_component(reader, value, path.child(name), name, absence);
    }
    key = document.next_sibling(value);
  }
}

/// Reads "2025-04-01..2026-03-31" as its first and last day.
std::optional<Located<std::pair<std::int32_t, std::int32_t>>> read_period(NodeReader& reader,
                                                                          Document::NodeId node,
                                                                          const InputPath& path) {
  const std::optional<std::string> text = reader.text(node, path);
  if (!text) return std::nullopt;
  const std::size_t dots = text->find("..");
  const auto fail = [&](const std::string& why) {
    reader.error(node, path, why);
    return std::nullopt;
  };
  if (dots == std::string::npos) {
    return fail(fmt::format("expected the first and last day as 2025-04-01..2026-03-31, got \"{}\"",
                            *text));
  }
  const ExtractDate first = parse_extract_date(std::string_view(*text).substr(0, dots));
  const ExtractDate last = parse_extract_date(std::string_view(*text).substr(dots + 2));
  if (!first.valid || first.open_ended || !last.valid || last.open_ended) {
    return fail(fmt::format("expected the first and last day as 2025-04-01..2026-03-31, got \"{}\"",
                            *text));
  }
  if (last.day < first.day) {
    return fail(fmt::format("the period \"{}\" ends before it starts", *text));
  }
  return Located<std::pair<std::int32_t, std::int32_t>>{{first.day, last.day},
                                                        reader.document().location(node)};
}

}  // namespace

Actuals read_actuals(NodeReader& reader, Document::NodeId node, const InputPath& path,
                     bool team_level) {
  Actuals actuals;
  const Document& document = reader.document();
  actuals.where = document.location(node);
  if (!reader.expect_map(node, path)) return actuals;
  actuals.stated = true;
  reader.check_keys(node, path, schema_key_names(Section::Actuals));
  const Document::NodeId absence = document.find(node, "absence");
  const Document::NodeId sickness = document.find(node, "sickness");
  if (absence != Document::kNoNode) {
    read_actual_absence(reader, absence, path.child("absence"), actuals.absence);
  }
  if (sickness != Document::kNoNode) {
    if (actuals.absence.fixed.find(Component::Sickness) != nullptr) {
      reader.error(sickness, path.child("sickness"),
                   "actual sickness is stated twice, here and as absence.sickness: keep one");
    } else {
      read_actual_component(reader, sickness, path.child("sickness"), "sickness", actuals.absence);
    }
  }
  std::sort(actuals.absence.additional.begin(), actuals.absence.additional.end(),
            [](const NamedAllowance& left, const NamedAllowance& right) {
              return left.name < right.name;
            });
  actuals.temporary_hours = reader.number_at(node, path, "temporary_hours");
  actuals.agency_hours = reader.number_at(node, path, "agency_hours");
  actuals.bank_cost = reader.number_at(node, path, "bank_cost");
  actuals.agency_cost = reader.number_at(node, path, "agency_cost");
  actuals.leavers = reader.number_at(node, path, "leavers");
  if (actuals.leavers && std::nearbyint(actuals.leavers->value) != actuals.leavers->value) {
    reader.error(document.find(node, "leavers"), path.child("leavers"),
                 fmt::format("counts persons, so it must be a whole number, got {:g}",
                             actuals.leavers->value));
    actuals.leavers.reset();
  }
  actuals.leavers_wte = reader.number_at(node, path, "leavers_wte");
  actuals.retirements_wte = reader.number_at(node, path, "retirements_wte");
  actuals.mean_headcount = reader.number_at(node, path, "mean_headcount");
  if (actuals.mean_headcount && !team_level) {
    reader.error(document.find(node, "mean_headcount"), path.child("mean_headcount"),
                 "a mean headcount is a team's: state it in the team's actuals (leaver rates "
                 "start at teams)");
    actuals.mean_headcount.reset();
  }
  if (actuals.agency_hours && actuals.temporary_hours &&
      actuals.agency_hours->value > actuals.temporary_hours->value) {
    reader.error(document.find(node, "agency_hours"), path.child("agency_hours"),
                 fmt::format("{:g} agency hours are more than the {:g} temporary hours they are "
                             "part of",
                             actuals.agency_hours->value, actuals.temporary_hours->value));
  }
  if (actuals.retirements_wte && actuals.leavers_wte &&
      actuals.retirements_wte->value > actuals.leavers_wte->value) {
    reader.error(document.find(node, "retirements_wte"), path.child("retirements_wte"),
                 fmt::format("{:g} WTE of retirements is more than the {:g} leavers' WTE it is "
                             "part of",
                             actuals.retirements_wte->value, actuals.leavers_wte->value));
  }
  if (actuals.leavers && actuals.mean_headcount &&
      actuals.leavers->value > kMostLeaversPerHead * actuals.mean_headcount->value) {
    reader.error(
        document.find(node, "leavers"), path.child("leavers"),
        fmt::format("{:g} leavers is more than {:g} times the mean headcount of {:g}: "
                    "count the persons who left in the period",
                    actuals.leavers->value, kMostLeaversPerHead, actuals.mean_headcount->value));
  }
  return actuals;
}

namespace {

/// Adds the `additional` names of one level to `names`.
void add_additional_names(const AssumptionSet& assumptions,
                          std::unordered_set<std::string_view>& names) {
  for (const NamedAllowance& named : assumptions.additional) names.insert(named.name);
}

/// Records an error for each of `actuals`' other components that is not in `assumed`.
void check_named(const Actuals& actuals, const InputPath& path,
                 const std::unordered_set<std::string_view>& assumed,
                 const std::vector<std::string_view>& candidates, NodeReader& reader) {
  for (const NamedAllowance& named : actuals.absence.additional) {
    if (assumed.count(named.name) != 0) continue;
    const InputPath absence_path = path.child("absence");
    reader.error_at(
        named.allowance.where, absence_path.child(named.name),
        fmt::format("no level assumes an absence component '{}', so there is nothing to compare "
                    "its actual with{}",
                    named.name,
                    reader.listing() ? did_you_mean(named.name, candidates) : std::string()));
  }
}

}  // namespace

void check_actual_components(const Model& model, NodeReader& reader) {
  std::unordered_set<std::string_view> assumed;
  add_additional_names(model.assumptions, assumed);
  for (const Profession& profession : model.professions) {
    add_additional_names(profession.assumptions, assumed);
  }
  for (const Team& team : model.teams) {
    add_additional_names(team.assumptions, assumed);
    for (const StaffingLine& line : team.lines) add_additional_names(line.assumptions, assumed);
  }
  std::vector<std::string_view> candidates(assumed.begin(), assumed.end());
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    candidates.emplace_back(component_key(static_cast<Component>(index)));
  }
  std::sort(candidates.begin(), candidates.end());
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    const InputPath team_path = teams_path.item(team.id, team_index);
    check_named(team.actuals, team_path.child("actuals"), assumed, candidates, reader);
    for (std::size_t line_index = 0; line_index < team.lines.size(); ++line_index) {
      const StaffingLine& line = team.lines[line_index];
      const InputPath staffing_path = team_path.child("staffing");
      const InputPath line_path =
          staffing_path.item(model.professions[line.profession_index].id, line_index);
      check_named(line.actuals, line_path.child("actuals"), assumed, candidates, reader);
    }
  }
}

void warn_about_actuals(const Model& model, NodeReader& warner) {
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    bool stated = team.actuals.stated || team.actuals.from_extract || team.sickness_days;
    double in_post_wte = 0.0;
    for (const StaffingLine& line : team.lines) {
      stated = stated || line.actuals.stated || line.actuals.from_extract ||
               line.extract.sickness_days.has_value();
      in_post_wte += line.in_post_wte.value;
    }
    if (!stated || in_post_wte > 0.0) continue;
    const SourceLocation where = team.actuals.stated ? team.actuals.where : team.where;
    const InputPath team_path = teams_path.item(team.id, team_index);
    warner.error_at(where, team_path.child("actuals"),
                    "the team has actuals but no staff in post: its temporary share and "
                    "leaver rates have nothing to be measured against");
  }
}

void read_actuals_settings(NodeReader& reader, Document::NodeId review, const InputPath& path,
                           ReviewSettings& settings) {
  const Document& document = reader.document();
  if (const Document::NodeId period = document.find(review, "actuals_period");
      period != Document::kNoNode) {
    settings.actuals_period = read_period(reader, period, path.child("actuals_period"));
  }
  settings.temporary_threshold = reader.percent_at(review, path, "temporary_threshold");
  if (auto tolerance = reader.percent_at(review, path, "actuals_tolerance")) {
    settings.actuals_tolerance = *tolerance;
  }
}

void check_team_actuals(const Model& model, NodeReader& reader) {
  const InputPath teams_path = InputPath().child("teams");
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    // The team's figure is its own and its lines' (stated or from extracts), summed.
    const auto total = [&](std::optional<Located<double>> Actuals::*figure) {
      std::optional<double> sum;
      if (const auto& own = team.actuals.*figure) sum = own->value;
      for (const StaffingLine& line : team.lines) {
        if (const auto& stated = line.actuals.*figure) sum = sum.value_or(0.0) + stated->value;
      }
      return sum;
    };
    const SourceLocation& where = team.actuals.stated ? team.actuals.where : team.where;
    const InputPath team_path = teams_path.item(team.id, team_index);
    const InputPath actuals_path = team_path.child("actuals");
    const auto temporary_hours = total(&Actuals::temporary_hours);
    const auto agency_hours = total(&Actuals::agency_hours);
    if (temporary_hours && agency_hours && *agency_hours > *temporary_hours + 1e-9) {
      reader.error_at(where, actuals_path,
                      fmt::format("the team's {:g} agency hours are more than its {:g} temporary "
                                  "hours they are part of (its own and its lines', summed)",
                                  *agency_hours, *temporary_hours));
    }
    const auto leavers_wte = total(&Actuals::leavers_wte);
    const auto retirements_wte = total(&Actuals::retirements_wte);
    if (leavers_wte && retirements_wte && *retirements_wte > *leavers_wte + 1e-9) {
      reader.error_at(where, actuals_path,
                      fmt::format("the team's {:g} WTE of retirements is more than its {:g} "
                                  "leavers' WTE it is part of (its own and its lines', summed)",
                                  *retirements_wte, *leavers_wte));
    }
  }
}

}  // namespace estab
