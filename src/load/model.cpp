// Small definitions shared by every module that uses the input model.
#include "estab/model.hpp"

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

const std::string& Model::file_of(const SourceLocation& where) const {
  static const std::string unknown_file;
  return where.file_index < files.size() ? files[where.file_index] : unknown_file;
}

}  // namespace estab
