// What-if scaling (sensitivity): which assumptions a scaling may name, and the located
// problems a scaled line runs into when absence or a share of available time reaches 100%.

#include "calc/scaling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace estab::calc {
namespace {

/// Adds the `additional` names of one level's assumptions to `names`.
void collect_additional_names(const AssumptionSet& assumptions, std::set<std::string>& names) {
  for (const NamedAllowance& named : assumptions.additional) names.insert(named.name);
}

/// The name of the scaled assumption, as the sensitivity outputs show it.
std::string scaled_assumption_name(const Scaling& scaling) {
  switch (scaling.target) {
    case Scaling::Target::Component: return scaling.component;
    case Scaling::Target::HeadcountPerWte: return "headcount_per_wte";
    case Scaling::Target::Demand: return "demand";
    case Scaling::Target::ActualSickness: return "actual_sickness";
    case Scaling::Target::None: break;
  }
  return "nothing";
}

/// What the scaling does, in words: "raising sickness by 10%", "lowering demand by 5%".
std::string scaling_phrase(const Scaling& scaling) {
  const char* direction = scaling.factor >= 1.0 ? "raising" : "lowering";
  const double percent_change = std::fabs(scaling.factor - 1.0) * 100.0;
  return fmt::format("{} {} by {:g}%", direction, scaled_assumption_name(scaling), percent_change);
}

/// The input path of a line, as the loader writes it: `teams[ID].staffing[PROFESSION]`.
std::string line_path(const LineResult& line) {
  const std::string profession = line.profession ? line.profession->id : std::string("?");
  return "teams[" + line.team->id + "].staffing[" + profession + "]";
}

/// A diagnostic located at `where` in the model's files.
Diagnostic located(const Model& model, const SourceLocation& where, std::string path,
                   std::string message) {
  Diagnostic diagnostic;
  diagnostic.file = model.file_of(where);
  diagnostic.line = where.line;
  diagnostic.column = where.column;
  diagnostic.path = std::move(path);
  diagnostic.message = std::move(message);
  return diagnostic;
}

/// Records a share of available time that the scaling has taken to 100% or more.
void record_share_problem(const Model& model, const LineResult& line, const Scaling& scaling,
                          const std::optional<Allowance>& share, double share_fraction,
                          const std::string& share_key, DiagnosticList& problems) {
  if (!share || share_fraction < 1.0) return;
  problems.add(located(model, share->where.known() ? share->where : line.line->where,
                       line_path(line) + "." + share_key,
                       fmt::format("{} takes {} to {:.1f}% of available time",
                                   scaling_phrase(scaling), share_key, share_fraction * 100.0)));
}

/// True when some level of `model` states an `additional` component named `name` (one pass,
/// nothing allocated: sensitivity checks a scaling per assumption).
bool names_additional(const Model& model, const std::string& name) {
  const auto states = [&name](const AssumptionSet& assumptions) {
    return std::any_of(assumptions.additional.begin(), assumptions.additional.end(),
                       [&name](const NamedAllowance& named) { return named.name == name; });
  };
  if (states(model.assumptions)) return true;
  for (const Profession& profession : model.professions) {
    if (states(profession.assumptions)) return true;
  }
  for (const Team& team : model.teams) {
    if (states(team.assumptions)) return true;
    for (const StaffingLine& line : team.lines) {
      if (states(line.assumptions)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> additional_component_names(const Model& model) {
  std::set<std::string> names;
  collect_additional_names(model.assumptions, names);
  for (const Profession& profession : model.professions) {
    collect_additional_names(profession.assumptions, names);
  }
  for (const Team& team : model.teams) {
    collect_additional_names(team.assumptions, names);
    for (const StaffingLine& line : team.lines) collect_additional_names(line.assumptions, names);
  }
  return {names.begin(), names.end()};
}

void check_scaling(const Model& model, const Scaling& scaling) {
  if (scaling.target == Scaling::Target::None) return;
  if (!std::isfinite(scaling.factor) || scaling.factor < 0.0) {
    throw UsageError(fmt::format("a scaling factor must be a finite number of at least 0, got {}",
                                 scaling.factor));
  }
  if (scaling.target != Scaling::Target::Component) return;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    if (scaling.component == component_key(static_cast<Component>(index))) return;
  }
  if (!names_additional(model, scaling.component)) {
    throw UsageError(fmt::format("there is no absence component '{}' to scale", scaling.component));
  }
}

void record_scaling_problems(const Model& model, const LineResult& line, const Scaling& scaling,
                             DiagnosticList& problems) {
  if (scaling.target == Scaling::Target::None) return;
  if (!(line.absence.total < 1.0)) {
    problems.add(located(model, line.line->where, line_path(line),
                         fmt::format("{} takes absence to {:.1f}% of contracted time",
                                     scaling_phrase(scaling), line.absence.total * 100.0)));
    return;  // shares of available time mean nothing without available time
  }
  if (line.line->caseload) {
    record_share_problem(model, line, scaling, line.line->caseload->non_caseload_time,
                         line.demand.non_caseload_fraction, "caseload.non_caseload_time", problems);
  }
  if (line.line->activities) {
    record_share_problem(model, line, scaling, line.line->activities->non_activity_time,
                         line.demand.non_activity_fraction, "activities.non_activity_time",
                         problems);
  }
}

}  // namespace estab::calc
