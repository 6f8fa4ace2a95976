// Reading teams, their staffing lines and every demand model.
#include <fmt/format.h>

#include <unordered_map>

#include "estab/suggest.hpp"
#include "load/schema.hpp"
#include "load/sections.hpp"
#include "load/source_spec.hpp"

namespace estab {

namespace {

using NodeId = Document::NodeId;
constexpr NodeId kNoNode = Document::kNoNode;

const NumberRule kDaysPerWeek{true, 7.0, "days in a week"};
const NumberRule kHoursPerShift{false, 24.0, "hours in a day"};

/// Reads a required number; records a problem when it is missing.
Located<double> required_number(NodeReader& reader, NodeId map, const InputPath& path,
                                std::string_view key, bool& complete, const NumberRule& rule = {}) {
  const NodeId value = reader.require(map, path, key);
  if (value == kNoNode) {
    complete = false;
    return {};
  }
  std::optional<Located<double>> number = reader.number(value, path.child(key), rule);
  if (!number) complete = false;
  return number.value_or(Located<double>{});
}

/// Applies `read_item` to each entry of a list under `key`, with its path.
template <typename ReadItem>
void for_each_item(NodeReader& reader, NodeId list, const InputPath& path, ReadItem read_item) {
  if (!reader.expect_list(list, path)) return;
  const Document& document = reader.document();
  std::size_t index = 0;
  for (NodeId item = document.first_child(list); item != kNoNode;
       item = document.next_sibling(item), ++index) {
    read_item(item, index);
  }
}

/// The text of an item's name-like key, used to label it in paths ("" when absent).
std::string_view item_label(const Document& document, NodeId item, std::string_view key) {
  if (document.kind(item) != NodeKind::Map) return {};
  const NodeId value = document.find(item, key);
  if (value == kNoNode || document.kind(value) != NodeKind::Scalar) return {};
  return document.text(value);
}

void read_roster(NodeReader& reader, NodeId list, const InputPath& path, StaffingLine& line) {
  for_each_item(reader, list, path, [&](NodeId item, std::size_t index) {
    const InputPath shift_path = path.item({}, index);
    if (!reader.expect_map(item, shift_path)) return;
    reader.check_keys(item, shift_path, schema_key_names(Section::RosterShift));
    bool complete = true;
    RosterShift shift;
    shift.shift = reader.text_at(item, shift_path, "shift").value_or("");
    shift.staff = required_number(reader, item, shift_path, "staff", complete);
    shift.paid_hours =
        required_number(reader, item, shift_path, "paid_hours", complete, kHoursPerShift);
    if (auto days = reader.number_at(item, shift_path, "days_per_week", kDaysPerWeek)) {
      shift.days_per_week = *days;
    }
    if (complete) line.roster.push_back(shift);
  });
}

void read_observations(NodeReader& reader, NodeId node, const InputPath& path, StaffingLine& line) {
  if (!reader.expect_map(node, path)) return;
  reader.check_keys(node, path, schema_key_names(Section::Observations));
  bool complete = true;
  Observations observations;
  observations.hours_per_day = required_number(reader, node, path, "hours_per_day", complete);
  if (auto days = reader.number_at(node, path, "days_per_week", kDaysPerWeek)) {
    observations.days_per_week = *days;
  }
  if (complete) line.observations = observations;
}

void read_caseload(NodeReader& reader, NodeId node, const InputPath& path, StaffingLine& line) {
  if (!reader.expect_map(node, path)) return;
  reader.check_keys(node, path, schema_key_names(Section::Caseload));
  const Document& document = reader.document();
  Caseload caseload;
  caseload.where = document.location(node);
  if (NodeId share = document.find(node, "non_caseload_time"); share != kNoNode) {
    caseload.non_caseload_time =
        read_allowance(reader, share, path.child("non_caseload_time"), AllowanceUse::AvailableTime);
  }
  const NodeId bands = document.find(node, "bands");
  if (bands != kNoNode) {
    const InputPath bands_path = path.child("bands");
    for_each_item(reader, bands, bands_path, [&](NodeId item, std::size_t index) {
      const InputPath band_path = bands_path.item(item_label(document, item, "name"), index);
      if (!reader.expect_map(item, band_path)) return;
      reader.check_keys(item, band_path, schema_key_names(Section::CaseloadBand));
      bool complete = true;
      CaseloadBand band;
      band.name = reader.text_at(item, band_path, "name").value_or("");
      band.cases = required_number(reader, item, band_path, "cases", complete);
      band.hours_per_case_per_month =
          required_number(reader, item, band_path, "hours_per_case_per_month", complete);
      if (complete) caseload.bands.push_back(band);
    });
  }
  line.caseload = caseload;
}

void read_activities(NodeReader& reader, NodeId node, const InputPath& path, StaffingLine& line) {
  if (!reader.expect_map(node, path)) return;
  reader.check_keys(node, path, schema_key_names(Section::Activities));
  const Document& document = reader.document();
  Activities activities;
  activities.where = document.location(node);
  if (NodeId share = document.find(node, "non_activity_time"); share != kNoNode) {
    activities.non_activity_time =
        read_allowance(reader, share, path.child("non_activity_time"), AllowanceUse::AvailableTime);
  }
  if (auto allowance = reader.number_at(node, path, "individual_allowance_hours")) {
    activities.individual_allowance_hours = *allowance;
  }
  const NodeId items = document.find(node, "items");
  if (items != kNoNode) {
    const InputPath items_path = path.child("items");
    for_each_item(reader, items, items_path, [&](NodeId item, std::size_t index) {
      const InputPath activity_path = items_path.item(item_label(document, item, "name"), index);
      if (!reader.expect_map(item, activity_path)) return;
      reader.check_keys(item, activity_path, schema_key_names(Section::Activity));
      bool complete = true;
      Activity activity;
      activity.name = reader.text_at(item, activity_path, "name").value_or("");
      activity.per_year = required_number(reader, item, activity_path, "per_year", complete);
      activity.minutes = required_number(reader, item, activity_path, "minutes", complete);
      if (complete) activities.items.push_back(activity);
    });
  }
  line.activities = activities;
}

std::optional<StaffingLine> read_line(NodeReader& reader, NodeId node, const InputPath& line_path,
                                      const DeclaredIds& declared) {
  if (!reader.expect_map(node, line_path)) return std::nullopt;
  reader.check_keys(node, line_path, schema_key_names(Section::StaffingLine));
  const Document& document = reader.document();
  StaffingLine line;
  line.where = document.location(node);
  bool known_profession = false;
  if (const NodeId profession = reader.require(node, line_path, "profession");
      profession != kNoNode) {
    if (auto id = reader.text(profession, line_path.child("profession"))) {
      const auto found = declared.professions.find(*id);
      if (found == declared.professions.end() && declared.professions_unread) {
        // reported once, at the list
      } else if (found == declared.professions.end()) {
        reader.error(profession, line_path.child("profession"),
                     fmt::format("unknown profession '{}'{}", *id,
                                 reader.listing() ? did_you_mean_or_list(
                                                        *id, declared.profession_ids, "professions")
                                                  : std::string()));
      } else {
        line.profession_index = found->second;
        known_profession = true;
      }
    }
  }
  if (NodeId value = document.find(node, "assumptions"); value != kNoNode) {
    line.assumptions = read_assumptions(reader, value, line_path.child("assumptions"));
  }
  if (NodeId value = document.find(node, "roster"); value != kNoNode) {
    read_roster(reader, value, line_path.child("roster"), line);
  }
  if (NodeId value = document.find(node, "observations"); value != kNoNode) {
    read_observations(reader, value, line_path.child("observations"), line);
  }
  if (NodeId value = document.find(node, "caseload"); value != kNoNode) {
    read_caseload(reader, value, line_path.child("caseload"), line);
  }
  if (NodeId value = document.find(node, "activities"); value != kNoNode) {
    read_activities(reader, value, line_path.child("activities"), line);
  }
  line.hours_per_week = reader.number_at(node, line_path, "hours_per_week");
  if (auto value = reader.number_at(node, line_path, "fixed_wte")) line.fixed_wte = *value;
  line.judgement_wte = reader.number_at(node, line_path, "judgement_wte");
  if (auto value = reader.number_at(node, line_path, "funded_wte")) line.funded_wte = *value;
  if (auto value = reader.number_at(node, line_path, "in_post_wte")) line.in_post_wte = *value;
  line.cost_per_wte = reader.number_at(node, line_path, "cost_per_wte");
  if (NodeId value = document.find(node, "actuals"); value != kNoNode) {
    line.actuals = read_actuals(reader, value, line_path.child("actuals"), false);
  }
  if (!known_profession) return std::nullopt;
  return line;
}

void read_inpatient(NodeReader& reader, NodeId node, const InputPath& path, Team& team) {
  const auto beds = reader.number_at(node, path, "beds", NumberRule{true, {}, ""});
  const auto occupancy = reader.percent_at(node, path, "occupancy");
  const auto benchmark =
      reader.number_at(node, path, "chppd_benchmark", NumberRule{false, 24.0 * 100, ""});
  const Document& document = reader.document();
  const bool beds_stated = document.find(node, "beds") != kNoNode;
  const bool occupancy_stated = document.find(node, "occupancy") != kNoNode;
  if (beds_stated != occupancy_stated) {
    reader.error(node, path,
                 fmt::format("beds and occupancy go together; missing {}",
                             beds_stated ? "occupancy" : "beds"));
    return;
  }
  if (const NodeId benchmark_node = document.find(node, "chppd_benchmark");
      benchmark_node != kNoNode && !beds_stated) {
    reader.error(benchmark_node, path.child("chppd_benchmark"),
                 "a CHPPD benchmark needs the team's beds and occupancy");
    return;
  }
  if (!beds || !occupancy) return;
  team.inpatient = Inpatient{*beds, *occupancy, benchmark};
}

}  // namespace

Team read_team(NodeReader& reader, NodeId node, const InputPath& teams_path, std::size_t index,
               const DeclaredIds& declared) {
  const Document& document = reader.document();
  Team team;
  team.where = document.location(node);
  const InputPath team_path = teams_path.item(item_label(document, node, "id"), index);
  if (!reader.expect_map(node, team_path)) return team;
  reader.check_keys(node, team_path, schema_key_names(Section::Team));
  if (NodeId id = reader.require(node, team_path, "id"); id != kNoNode) {
    team.id = reader.text(id, team_path.child("id")).value_or("");
  }
  team.name = reader.text_at(node, team_path, "name").value_or(team.id);
  if (NodeId service = document.find(node, "service"); service != kNoNode) {
    if (auto id = reader.text(service, team_path.child("service"))) {
      const auto found = declared.services.find(*id);
      if (found == declared.services.end() && declared.services_unread) {
        // reported once, at the list
      } else if (found == declared.services.end()) {
        reader.error(
            service, team_path.child("service"),
            fmt::format("unknown service '{}'{}", *id,
                        declared.service_ids.empty() ? std::string(" (no services are declared)")
                        : reader.listing()
                            ? did_you_mean_or_list(*id, declared.service_ids, "services")
                            : std::string()));
      } else {
        team.service_index = found->second;
      }
    }
  }
  if (NodeId value = document.find(node, "assumptions"); value != kNoNode) {
    team.assumptions = read_assumptions(reader, value, team_path.child("assumptions"));
  }
  if (NodeId value = document.find(node, "skill_mix"); value != kNoNode) {
    team.skill_mix = read_skill_mix(reader, value, team_path.child("skill_mix"));
  }
  read_inpatient(reader, node, team_path, team);
  if (NodeId value = document.find(node, "actuals"); value != kNoNode) {
    team.actuals = read_actuals(reader, value, team_path.child("actuals"), true);
  }
  read_team_extract_keys(reader, node, team_path, declared, team);
  if (NodeId staffing = document.find(node, "staffing"); staffing != kNoNode) {
    const InputPath staffing_path = team_path.child("staffing");
    std::unordered_map<std::string_view, NodeId> seen_professions;
    if (document.kind(staffing) == NodeKind::Sequence) team.lines.reserve(document.size(staffing));
    for_each_item(reader, staffing, staffing_path, [&](NodeId item, std::size_t line_index) {
      const std::string_view profession = item_label(document, item, "profession");
      const InputPath line_path = staffing_path.item(profession, line_index);
      if (!profession.empty()) {
        const auto [previous, inserted] = seen_professions.emplace(profession, item);
        if (!inserted) {
          reader.error(item, line_path,
                       fmt::format("profession '{}' has two staffing lines in this team (the "
                                   "first at line {}); combine them into one",
                                   profession, document.location(previous->second).line));
          return;
        }
      }
      if (auto line = read_line(reader, item, line_path, declared)) {
        team.lines.push_back(std::move(*line));
      }
    });
  }
  return team;
}

}  // namespace estab
