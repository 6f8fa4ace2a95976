// Small definitions shared by every module that uses the input model.
#include "estab/model.hpp"

#include <algorithm>

namespace estab {

const char* component_key(Component component) {
  switch (component) {
    case Component::AnnualLeave: return "annual_leave";
    case Component::BankHolidays: return "bank_holidays";
    case Component::Sickness: return "sickness";
    case Component::Parenting: return "parenting";
    case Component::OtherLeave: return "other_leave";
    case Component::StudyLeave: return "study_leave";
    case Component::Training: return "training";
    case Component::Supervision: return "supervision";
  }
  return "unknown";
}

const char* extract_kind_name(ExtractKind kind) {
  switch (kind) {
    case ExtractKind::InPost: return "in_post";
    case ExtractKind::Funded: return "funded";
    case ExtractKind::Sickness: return "sickness";
    case ExtractKind::Temporary: return "temporary";
    case ExtractKind::Leavers: return "leavers";
  }
  return "unknown";
}

const char* unmapped_reason_name(UnmappedReason reason) {
  return reason == UnmappedReason::Profession ? "profession" : "cost_centre";
}

const char* uplift_method_name(UpliftMethod method) {
  return method == UpliftMethod::Additive ? "additive" : "exact";
}

const Allowance* StatedComponents::find(Component component) const {
  for (const auto& [stated_component, allowance] : stated_) {
    if (stated_component == component) return &allowance;
  }
  return nullptr;
}

void StatedComponents::set(Component component, Allowance allowance) {
  const auto position = std::find_if(stated_.begin(), stated_.end(),
                                     [&](const auto& entry) { return entry.first >= component; });
  if (position != stated_.end() && position->first == component) {
    position->second = std::move(allowance);
  } else {
    stated_.emplace(position, component, std::move(allowance));
  }
}

void StatedComponents::clear(Component component) {
  stated_.erase(std::remove_if(stated_.begin(), stated_.end(),
                               [&](const auto& entry) { return entry.first == component; }),
                stated_.end());
}

const std::string& Model::file_of(const SourceLocation& where) const {
  static const std::string unknown_file;
  return where.file_index < files.size() ? files[where.file_index] : unknown_file;
}

}  // namespace estab
