// Fixtures of the scenario tests (see overlay_fixtures.hpp).
#include "support/overlay_fixtures.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

#include "estab/load.hpp"

namespace estab::testing {

std::string located(const std::string& file, int line, int column, const std::string& rest) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + rest;
}

Model load_file(const std::string& path, const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return estab::load_model_file(path, options);
}

Model load_with_sets(const std::string& text, const std::vector<std::string>& overrides) {
  LoadOptions options;
  options.overrides = overrides;
  return estab::load_model_text(text, "in.yaml", options);
}

const estab::Allowance& stated(const estab::AssumptionSet& set, Component component) {
  const estab::Allowance* allowance = set.fixed.find(component);
  REQUIRE(allowance != nullptr);
  return *allowance;
}

const estab::Allowance& additional(const estab::AssumptionSet& set, const std::string& name) {
  for (const estab::NamedAllowance& named : set.additional) {
    if (named.name == name) return named.allowance;
  }
  FAIL("no additional component '" << name << "'");
  throw std::logic_error("unreachable");
}

const estab::Team& team_named(const Model& model, const std::string& id) {
  for (const estab::Team& team : model.teams) {
    if (team.id == id) return team;
  }
  FAIL("no team '" << id << "'");
  throw std::logic_error("unreachable");
}

const estab::StaffingLine& line_of(const Model& model, const std::string& team_id,
                                   const std::string& profession_id) {
  for (const estab::StaffingLine& line : team_named(model, team_id).lines) {
    if (model.professions.at(line.profession_index).id == profession_id) return line;
  }
  FAIL("team '" << team_id << "' has no line for '" << profession_id << "'");
  throw std::logic_error("unreachable");
}

std::vector<std::string> line_professions(const Model& model, const estab::Team& team) {
  std::vector<std::string> ids;
  for (const estab::StaffingLine& line : team.lines) {
    ids.push_back(model.professions.at(line.profession_index).id);
  }
  return ids;
}

}  // namespace estab::testing
