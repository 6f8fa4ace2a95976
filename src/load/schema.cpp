// The input file's sections and keys, in one table.
#include "load/schema.hpp"

#include <algorithm>

namespace estab {

namespace {

using H = KeyHolds;
using S = Section;

const std::vector<SchemaKey> kRoot = {
    {"estab"},
    {"extends"},
    {"review", H::Section, S::Review},
    {"assumptions", H::Section, S::Assumptions},
    {"professions", H::ListById, S::Profession},
    {"skill_mix", H::Section, S::SkillMix},
    {"services", H::ListById, S::Service},
    {"teams", H::ListById, S::Team},
    {"sources", H::List, S::Source},
};
const std::vector<SchemaKey> kReview = {
    {"organisation"},
    {"title"},
    {"period"},
    {"standard_hours"},
    {"working_days"},
    {"uplift_method"},
    {"gap_tolerance"},
    {"as_of"},
    {"actuals_period"},
    {"temporary_threshold"},
    {"actuals_tolerance"},
};
const std::vector<SchemaKey> kAssumptions = {
    {"annual_leave", H::Allowance},
    {"bank_holidays", H::Allowance},
    {"sickness", H::Allowance},
    {"parenting", H::Allowance},
    {"other_leave", H::Allowance},
    {"study_leave", H::Allowance},
    {"training", H::Allowance},
    {"supervision", H::Allowance},
    {"additional", H::Section, S::Additional},
    {"headcount_per_wte"},
};
const std::vector<SchemaKey> kProfession = {
    {"id"}, {"name"}, {"registered"}, {"cost_per_wte"}, {"assumptions", H::Section, S::Assumptions},
};
const std::vector<SchemaKey> kSkillMix = {{"registered_target"}, {"tolerance"}};
const std::vector<SchemaKey> kService = {{"id"}, {"name"}};
const std::vector<SchemaKey> kTeam = {
    {"id"},
    {"name"},
    {"service"},
    {"assumptions", H::Section, S::Assumptions},
    {"skill_mix", H::Section, S::SkillMix},
    {"beds"},
    {"occupancy"},
    {"chppd_benchmark"},
    {"staffing", H::ListByProfession, S::StaffingLine},
    {"cost_centres"},
    {"adjustments", H::List, S::Adjustment},
    {"actuals", H::Section, S::Actuals},
};
const std::vector<SchemaKey> kActuals = {
    {"absence", H::Section, S::ActualAbsence},
    {"sickness", H::Allowance},
    {"temporary_hours"},
    {"bank_cost"},
    {"agency_cost"},
    {"agency_hours"},
    {"leavers"},
    {"leavers_wte"},
    {"retirements_wte"},
    {"mean_headcount"},
};
const std::vector<SchemaKey> kAdjustment = {{"profession"}, {"in_post_wte"}, {"reason"}};
const std::vector<SchemaKey> kSource = {
    {"kind"},
    {"file"},
    {"columns", H::Section, S::ExtractColumns},
    {"include", H::Section, S::Cells},
    {"exclude", H::Section, S::Cells},
    {"held", H::Section, S::Cells},
    {"vacancy_factor", H::Section, S::Cells},
    {"map", H::List, S::MapRule},
    {"delimiter"},
    {"snapshot"},
    {"retirement"},
};
const std::vector<SchemaKey> kExtractColumns = {
    {"cost_centre"}, {"wte"},       {"record"},         {"person"}, {"band"},   {"end_date"},
    {"cost"},        {"days_lost"}, {"days_available"}, {"hours"},  {"agency"}, {"reason"},
};
const std::vector<SchemaKey> kMapRule = {
    {"profession"}, {"where", H::Section, S::Cells}, {"teams"}};
const std::vector<SchemaKey> kStaffingLine = {
    {"profession"},
    {"assumptions", H::Section, S::Assumptions},
    {"roster", H::List, S::RosterShift},
    {"observations", H::Section, S::Observations},
    {"caseload", H::Section, S::Caseload},
    {"activities", H::Section, S::Activities},
    {"hours_per_week"},
    {"fixed_wte"},
    {"judgement_wte"},
    {"funded_wte"},
    {"in_post_wte"},
    {"cost_per_wte"},
    {"actuals", H::Section, S::Actuals},
};
const std::vector<SchemaKey> kRosterShift = {
    {"shift"}, {"staff"}, {"paid_hours"}, {"days_per_week"}};
const std::vector<SchemaKey> kObservations = {{"hours_per_day"}, {"days_per_week"}};
const std::vector<SchemaKey> kCaseload = {{"non_caseload_time", H::Allowance},
                                          {"bands", H::List, S::CaseloadBand}};
const std::vector<SchemaKey> kCaseloadBand = {{"name"}, {"cases"}, {"hours_per_case_per_month"}};
const std::vector<SchemaKey> kActivities = {{"non_activity_time", H::Allowance},
                                            {"individual_allowance_hours"},
                                            {"items", H::List, S::Activity}};
const std::vector<SchemaKey> kActivity = {{"name"}, {"per_year"}, {"minutes"}};
const std::vector<SchemaKey> kLeaveBand = {{"days"}, {"share"}};
const std::vector<SchemaKey> kNoKeys = {};

}  // namespace

const std::vector<SchemaKey>& schema_keys(Section section) {
  switch (section) {
    case S::Root: return kRoot;
    case S::Review: return kReview;
    case S::Assumptions: return kAssumptions;
    case S::Additional: return kNoKeys;
    case S::Profession: return kProfession;
    case S::SkillMix: return kSkillMix;
    case S::Service: return kService;
    case S::Team: return kTeam;
    case S::StaffingLine: return kStaffingLine;
    case S::RosterShift: return kRosterShift;
    case S::Observations: return kObservations;
    case S::Caseload: return kCaseload;
    case S::CaseloadBand: return kCaseloadBand;
    case S::Activities: return kActivities;
    case S::Activity: return kActivity;
    case S::LeaveBand: return kLeaveBand;
    case S::Adjustment: return kAdjustment;
    case S::Source: return kSource;
    case S::ExtractColumns: return kExtractColumns;
    case S::Cells: return kNoKeys;
    case S::MapRule: return kMapRule;
    case S::Actuals: return kActuals;
    case S::ActualAbsence: return kNoKeys;
  }
  return kNoKeys;
}

std::vector<std::string_view> schema_key_names(Section section) {
  std::vector<std::string_view> names;
  for (const SchemaKey& key : schema_keys(section)) names.push_back(key.name);
  return names;
}

const SchemaKey* find_schema_key(Section section, std::string_view name) {
  const std::vector<SchemaKey>& keys = schema_keys(section);
  const auto found = std::find_if(keys.begin(), keys.end(),
                                  [name](const SchemaKey& key) { return key.name == name; });
  return found == keys.end() ? nullptr : &*found;
}

std::optional<KeyHolds> any_key_holds(Section section) {
  if (section == Section::Additional || section == Section::ActualAbsence) {
    return KeyHolds::Allowance;
  }
  if (section == Section::Cells) return KeyHolds::Value;
  return std::nullopt;
}

std::string_view list_item_key(KeyHolds holds) {
  if (holds == KeyHolds::ListById) return "id";
  if (holds == KeyHolds::ListByProfession) return "profession";
  return {};
}

}  // namespace estab
