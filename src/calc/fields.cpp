// The field tables of the output contract: one per record kind, in contract order.

#include "estab/fields.hpp"

#include "calc/field_builders.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace estab {

namespace {

using namespace field_builders;  // NOLINT(google-build-using-namespace)

/// The id of a record's service, or null for the teams that name none.
FieldValue service_id_of(const Service* service) {
  return service != nullptr ? FieldValue::of_text(service->id) : FieldValue::null();
}

/// The name of a record's service, or null for the teams that name none.
FieldValue service_name_of(const Service* service) {
  return service != nullptr ? FieldValue::of_text(service->name) : FieldValue::null();
}

/// The actual absence fields of a record whose `actuals_of` gives its AbsenceActuals.
template <typename Record, typename ActualsOf>
void append_absence_actual_fields(FieldTable<Record>& fields, ActualsOf actuals_of) {
  const auto read = [actuals_of](auto number) {
    return [actuals_of, number](const Record& record) {
      return FieldValue::of(actuals_of(record).*number);
    };
  };
  fields.push_back(actual_components<Record>());
  fields.push_back(figure<Record>("absence_variance", FieldUnit::Fraction,
                                  read(&AbsenceActuals::absence_variance)));
  fields.push_back(figure<Record>("required_wte_at_actual", FieldUnit::Wte,
                                  read(&AbsenceActuals::required_wte_at_actual)));
  fields.push_back(
      figure<Record>("headroom_gap_wte", FieldUnit::Wte, read(&AbsenceActuals::headroom_gap_wte)));
  fields.push_back(figure<Record>("headroom_gap_cost", FieldUnit::Money,
                                  read(&AbsenceActuals::headroom_gap_cost)));
  fields.push_back(label<Record>("actuals_rag", FieldUnit::Rag, [actuals_of](const Record& record) {
    return FieldValue::of_text(rag_name(actuals_of(record).actuals_rag));
  }));
}

/// The actual absence fields of a line.
void append_absence_actual_fields(FieldTable<LineResult>& fields) {
  append_absence_actual_fields(
      fields, [](const LineResult& line) -> const AbsenceActuals& { return line.actuals; });
}

FieldTable<LineResult> make_line_fields() {
  using Line = LineResult;
  FieldTable<Line> fields = {
      key<Line>("team", [](const Line& line) { return FieldValue::of_text(line.team->id); }),
      label<Line>("team_name", FieldUnit::Text,
                  [](const Line& line) { return FieldValue::of_text(line.team->name); }),
      label<Line>("service", FieldUnit::Text,
                  [](const Line& line) { return service_id_of(line.service); }),
      label<Line>("service_name", FieldUnit::Text,
                  [](const Line& line) { return service_name_of(line.service); }),
      key<Line>("profession",
                [](const Line& line) { return FieldValue::of_text(line.profession->id); }),
      label<Line>("profession_name", FieldUnit::Text,
                  [](const Line& line) { return FieldValue::of_text(line.profession->name); }),
      label<Line>(
          "registered", FieldUnit::Flag,
          [](const Line& line) { return FieldValue::of_flag(line.profession->registered); }),
      components<Line>("absence"),
      figure<Line>("absence_total", FieldUnit::Fraction,
                   [](const Line& line) { return FieldValue::of(line.absence.total); }),
      figure<Line>("uplift_exact", FieldUnit::Fraction, member(&Line::uplift_exact)),
      figure<Line>("uplift_additive", FieldUnit::Fraction, member(&Line::uplift_additive)),
      figure<Line>("uplift_applied", FieldUnit::Fraction, member(&Line::uplift_applied)),
      figure<Line>("demand_hours_per_week", FieldUnit::Hours, member(&Line::demand_hours_per_week)),
      figure<Line>("productive_wte", FieldUnit::Wte, member(&Line::productive_wte)),
      figure<Line>("fixed_wte", FieldUnit::Wte, member(&Line::fixed_wte)),
      figure<Line>("required_wte", FieldUnit::Wte, member(&Line::required_wte)),
      figure<Line>("funded_wte", FieldUnit::Wte, member(&Line::funded_wte)),
      figure<Line>("in_post_wte", FieldUnit::Wte, member(&Line::in_post_wte)),
      figure<Line>("establishment_gap_wte", FieldUnit::Wte, member(&Line::establishment_gap_wte)),
      figure<Line>("vacancy_wte", FieldUnit::Wte, member(&Line::vacancy_wte)),
      figure<Line>("vacancy_rate", FieldUnit::Fraction, member(&Line::vacancy_rate)),
      figure<Line>("net_gap_wte", FieldUnit::Wte, member(&Line::net_gap_wte)),
      figure<Line>("net_gap_rate", FieldUnit::Fraction, member(&Line::net_gap_rate)),
      label<Line>("gap_rag", FieldUnit::Rag,
                  [](const Line& line) { return FieldValue::of_text(rag_name(line.gap_rag)); }),
      figure<Line>("wisn_ratio", FieldUnit::Ratio, member(&Line::wisn_ratio)),
      figure<Line>("additive_shortfall_wte", FieldUnit::Wte, member(&Line::additive_shortfall_wte)),
      figure<Line>("cost_per_wte", FieldUnit::Money, member(&Line::cost_per_wte)),
      figure<Line>("required_cost", FieldUnit::Money, member(&Line::required_cost)),
      figure<Line>("funded_cost", FieldUnit::Money, member(&Line::funded_cost)),
      figure<Line>("in_post_cost", FieldUnit::Money, member(&Line::in_post_cost)),
      figure<Line>("uplift_cost", FieldUnit::Money, member(&Line::uplift_cost)),
      figure<Line>("additive_shortfall_cost", FieldUnit::Money,
                   member(&Line::additive_shortfall_cost)),
      figure<Line>("held_wte", FieldUnit::Wte, member(&Line::held_wte)),
      figure<Line>("recruitable_vacancy_wte", FieldUnit::Wte,
                   member(&Line::recruitable_vacancy_wte)),
      figure<Line>("funded_budget", FieldUnit::Money, member(&Line::funded_budget)),
      figure<Line>("budget_gap", FieldUnit::Money, member(&Line::budget_gap)),
      figure<Line>("in_post_roles", FieldUnit::Count, member(&Line::in_post_roles)),
      figure<Line>("in_post_headcount", FieldUnit::Count, member(&Line::in_post_headcount)),
      figure<Line>("headcount_per_wte", FieldUnit::HeadsPerWte,
                   [](const Line& line) { return FieldValue::of(line.absence.headcount_per_wte); }),
      figure<Line>("observed_headcount_per_wte", FieldUnit::HeadsPerWte,
                   member(&Line::observed_headcount_per_wte)),
  };
  append_absence_actual_fields(fields);
  return fields;
}

FieldTable<Totals> make_totals_fields() {
  FieldTable<Totals> fields = {
      figure<Totals>("productive_wte", FieldUnit::Wte, member(&Totals::productive_wte)),
      figure<Totals>("required_wte", FieldUnit::Wte, member(&Totals::required_wte)),
      figure<Totals>("funded_wte", FieldUnit::Wte, member(&Totals::funded_wte)),
      figure<Totals>("in_post_wte", FieldUnit::Wte, member(&Totals::in_post_wte)),
      figure<Totals>("establishment_gap_wte", FieldUnit::Wte,
                     member(&Totals::establishment_gap_wte)),
      figure<Totals>("vacancy_wte", FieldUnit::Wte, member(&Totals::vacancy_wte)),
      figure<Totals>("net_gap_wte", FieldUnit::Wte, member(&Totals::net_gap_wte)),
      figure<Totals>("registered_required_wte", FieldUnit::Wte,
                     member(&Totals::registered_required_wte)),
      figure<Totals>("registered_in_post_wte", FieldUnit::Wte,
                     member(&Totals::registered_in_post_wte)),
      figure<Totals>("registered_share_required", FieldUnit::Fraction,
                     member(&Totals::registered_share_required)),
      figure<Totals>("registered_share_funded", FieldUnit::Fraction,
                     member(&Totals::registered_share_funded)),
      figure<Totals>("registered_share_in_post", FieldUnit::Fraction,
                     member(&Totals::registered_share_in_post)),
      figure<Totals>("registered_target", FieldUnit::Fraction, member(&Totals::registered_target)),
      figure<Totals>("registered_gap_wte", FieldUnit::Wte, member(&Totals::registered_gap_wte)),
      label<Totals>(
          "skill_mix_rag", FieldUnit::Rag,
          [](const Totals& totals) { return FieldValue::of_text(rag_name(totals.skill_mix_rag)); }),
      figure<Totals>("required_cost", FieldUnit::Money, member(&Totals::required_cost)),
      figure<Totals>("funded_cost", FieldUnit::Money, member(&Totals::funded_cost)),
      figure<Totals>("in_post_cost", FieldUnit::Money, member(&Totals::in_post_cost)),
      figure<Totals>("uplift_cost", FieldUnit::Money, member(&Totals::uplift_cost)),
      figure<Totals>("additive_shortfall_wte", FieldUnit::Wte,
                     member(&Totals::additive_shortfall_wte)),
      figure<Totals>("additive_shortfall_cost", FieldUnit::Money,
                     member(&Totals::additive_shortfall_cost)),
      figure<Totals>("fixed_wte", FieldUnit::Wte, member(&Totals::fixed_wte)),
      figure<Totals>("demand_hours_per_week", FieldUnit::Hours,
                     member(&Totals::demand_hours_per_week)),
      figure<Totals>("vacancy_rate", FieldUnit::Fraction, member(&Totals::vacancy_rate)),
      figure<Totals>("net_gap_rate", FieldUnit::Fraction, member(&Totals::net_gap_rate)),
      figure<Totals>("vacancy_wte_gross", FieldUnit::Wte, member(&Totals::vacancy_wte_gross)),
      figure<Totals>("over_establishment_wte", FieldUnit::Wte,
                     member(&Totals::over_establishment_wte)),
      figure<Totals>("held_wte", FieldUnit::Wte, member(&Totals::held_wte)),
      figure<Totals>("recruitable_vacancy_wte", FieldUnit::Wte,
                     member(&Totals::recruitable_vacancy_wte)),
      figure<Totals>("funded_budget", FieldUnit::Money, member(&Totals::funded_budget)),
      figure<Totals>("budget_gap", FieldUnit::Money, member(&Totals::budget_gap)),
      figure<Totals>("in_post_roles", FieldUnit::Count, member(&Totals::in_post_roles)),
      figure<Totals>("in_post_headcount", FieldUnit::Count, member(&Totals::in_post_headcount)),
  };
  append_absence_actual_fields(
      fields, [](const Totals& totals) -> const AbsenceActuals& { return totals.actuals; });
  const auto workforce = [](auto number, FieldUnit unit, std::string_view name) {
    return figure<Totals>(name, unit, [number](const Totals& totals) {
      return FieldValue::of(totals.workforce.*number);
    });
  };
  using W = WorkforceActuals;
  fields.insert(
      fields.end(),
      {
          workforce(&W::temporary_hours, FieldUnit::Hours, "temporary_hours"),
          workforce(&W::agency_hours, FieldUnit::Hours, "agency_hours"),
          workforce(&W::bank_cost, FieldUnit::Money, "bank_cost"),
          workforce(&W::agency_cost, FieldUnit::Money, "agency_cost"),
          workforce(&W::temporary_wte, FieldUnit::Wte, "temporary_wte"),
          workforce(&W::temporary_share, FieldUnit::Fraction, "temporary_share"),
          label<Totals>("temporary_rag", FieldUnit::Rag,
                        [](const Totals& totals) {
                          return FieldValue::of_text(rag_name(totals.workforce.temporary_rag));
                        }),
          workforce(&W::temporary_covers_net_gap_wte, FieldUnit::Wte,
                    "temporary_covers_net_gap_wte"),
          workforce(&W::agency_share_hours, FieldUnit::Fraction, "agency_share_hours"),
          workforce(&W::agency_cost_share, FieldUnit::Fraction, "agency_cost_share"),
          workforce(&W::temporary_premium, FieldUnit::Money, "temporary_premium"),
          workforce(&W::leavers, FieldUnit::Count, "leavers"),
          workforce(&W::leavers_wte, FieldUnit::Wte, "leavers_wte"),
          workforce(&W::retirements_wte, FieldUnit::Wte, "retirements_wte"),
          workforce(&W::mean_headcount, FieldUnit::Ratio, "mean_headcount"),
          workforce(&W::leaver_rate_headcount, FieldUnit::Fraction, "leaver_rate_headcount"),
          workforce(&W::leaver_rate_wte, FieldUnit::Fraction, "leaver_rate_wte"),
          workforce(&W::retirement_rate_wte, FieldUnit::Fraction, "retirement_rate_wte"),
      });
  return fields;
}

FieldTable<TeamResult> make_team_fields() {
  using Team = TeamResult;
  FieldTable<Team> fields = {
      key<Team>("team", [](const Team& team) { return FieldValue::of_text(team.team->id); }),
      label<Team>("team_name", FieldUnit::Text,
                  [](const Team& team) { return FieldValue::of_text(team.team->name); }),
      label<Team>("service", FieldUnit::Text,
                  [](const Team& team) { return service_id_of(team.service); }),
      label<Team>("service_name", FieldUnit::Text,
                  [](const Team& team) { return service_name_of(team.service); }),
  };
  for (const Field<Totals>& field : totals_fields()) fields.push_back(through_totals<Team>(field));
  fields.insert(
      fields.end(),
      {
          figure<Team>("chppd_planned", FieldUnit::Hours, member(&Team::chppd_planned)),
          figure<Team>("chppd_benchmark", FieldUnit::Hours, member(&Team::chppd_benchmark)),
          figure<Team>("benchmark_productive_wte", FieldUnit::Wte,
                       member(&Team::benchmark_productive_wte)),
          figure<Team>("rostered_required_wte", FieldUnit::Wte,
                       member(&Team::rostered_required_wte)),
          figure<Team>("benchmark_required_wte", FieldUnit::Wte,
                       member(&Team::benchmark_required_wte)),
          figure<Team>("judgement_wte", FieldUnit::Wte, member(&Team::judgement_wte)),
      });
  return fields;
}

FieldTable<ServiceResult> make_service_fields() {
  FieldTable<ServiceResult> fields = {
      key<ServiceResult>(
          "service", [](const ServiceResult& service) { return service_id_of(service.service); }),
      label<ServiceResult>("service_name", FieldUnit::Text, [](const ServiceResult& service) {
        return service_name_of(service.service);
      })};
  for (const Field<Totals>& field : totals_fields()) {
    fields.push_back(through_totals<ServiceResult>(field));
  }
  return fields;
}

/// The field `name` of `table` (called `what` in the message); throws std::logic_error when
/// the table has none.
template <typename Record>
const Field<Record>& field_named(const FieldTable<Record>& table, std::string_view name,
                                 const char* what) {
  const auto found = std::find_if(table.begin(), table.end(), [name](const Field<Record>& field) {
    return field.name == name;
  });
  if (found == table.end()) {
    throw std::logic_error("the " + std::string(what) + " table has no field '" +
                           std::string(name) + "'");
  }
  return *found;
}

/// The totals fields of `names`, as the totals table defines them, in the order named.
template <typename Record>
FieldTable<Record> totals_fields_named(std::initializer_list<std::string_view> names) {
  FieldTable<Record> picked;
  for (const std::string_view name : names) {
    picked.push_back(through_totals<Record>(field_named(totals_fields(), name, "totals")));
  }
  return picked;
}

FieldTable<ProfessionResult> make_profession_fields() {
  using Profession = ProfessionResult;
  FieldTable<Profession> fields = {
      key<Profession>("profession",
                      [](const Profession& profession) {
                        return FieldValue::of_text(profession.profession->id);
                      }),
      label<Profession>("profession_name", FieldUnit::Text,
                        [](const Profession& profession) {
                          return FieldValue::of_text(profession.profession->name);
                        }),
      label<Profession>("registered", FieldUnit::Flag,
                        [](const Profession& profession) {
                          return FieldValue::of_flag(profession.profession->registered);
                        }),
  };
  for (Field<Profession>& field : totals_fields_named<Profession>({"productive_wte",
                                                                   "required_wte",
                                                                   "funded_wte",
                                                                   "in_post_wte",
                                                                   "establishment_gap_wte",
                                                                   "vacancy_wte",
                                                                   "net_gap_wte",
                                                                   "vacancy_rate",
                                                                   "net_gap_rate",
                                                                   "required_cost",
                                                                   "funded_cost",
                                                                   "in_post_cost",
                                                                   "uplift_cost",
                                                                   "additive_shortfall_wte",
                                                                   "additive_shortfall_cost",
                                                                   "fixed_wte",
                                                                   "demand_hours_per_week",
                                                                   "vacancy_wte_gross",
                                                                   "over_establishment_wte",
                                                                   "held_wte",
                                                                   "recruitable_vacancy_wte",
                                                                   "funded_budget",
                                                                   "budget_gap",
                                                                   "in_post_roles",
                                                                   "in_post_headcount"})) {
    fields.push_back(std::move(field));
  }
  append_absence_actual_fields(fields,
                               [](const ProfessionResult& profession) -> const AbsenceActuals& {
                                 return profession.totals.actuals;
                               });
  return fields;
}

/// The line fields of `names`, as the line table defines them, in the order named.
FieldTable<LineResult> line_fields_named(std::initializer_list<std::string_view> names) {
  FieldTable<LineResult> picked;
  for (const std::string_view name : names)
    picked.push_back(field_named(line_fields(), name, "line"));
  return picked;
}

FieldTable<LineResult> make_uplift_line_fields() {
  using Line = LineResult;
  FieldTable<Line> fields =
      line_fields_named({"team", "team_name", "service", "service_name", "profession",
                         "profession_name", "absence", "absence_total"});
  fields.push_back(field_named(line_fields(), "headcount_per_wte", "line"));
  for (Field<Line>& field : line_fields_named(
           {"uplift_exact", "uplift_additive", "uplift_applied", "productive_wte",
            "additive_shortfall_wte", "cost_per_wte", "uplift_cost", "additive_shortfall_cost"})) {
    fields.push_back(std::move(field));
  }
  return fields;
}

FieldTable<AssumptionGroup> make_assumption_group_fields() {
  using Group = AssumptionGroup;
  const auto of_first = [](double LineResult::*member) {
    return [member](const Group& group) { return FieldValue::of((*group.first).*member); };
  };
  return {
      figure<Group>("absence_total", FieldUnit::Fraction,
                    [](const Group& group) { return FieldValue::of(group.first->absence.total); }),
      figure<Group>("headcount_per_wte", FieldUnit::HeadsPerWte,
                    [](const Group& group) {
                      return FieldValue::of(group.first->absence.headcount_per_wte);
                    }),
      figure<Group>("uplift_exact", FieldUnit::Fraction, of_first(&LineResult::uplift_exact)),
      figure<Group>("uplift_additive", FieldUnit::Fraction, of_first(&LineResult::uplift_additive)),
      figure<Group>("uplift_applied", FieldUnit::Fraction, of_first(&LineResult::uplift_applied)),
      figure<Group>("productive_wte", FieldUnit::Wte,
                    [](const Group& group) { return FieldValue::of(group.productive_wte); }),
      figure<Group>(
          "additive_shortfall_wte", FieldUnit::Wte,
          [](const Group& group) { return FieldValue::of(group.additive_shortfall_wte); }),
      figure<Group>(
          "additive_shortfall_cost", FieldUnit::Money,
          [](const Group& group) { return FieldValue::of(group.additive_shortfall_cost); }),
      figure<Group>("uplift_cost", FieldUnit::Money,
                    [](const Group& group) { return FieldValue::of(group.uplift_cost); }),
  };
}

FieldTable<Totals> make_uplift_totals_fields() {
  return {
      figure<Totals>("productive_wte", FieldUnit::Wte,
                     [](const Totals& totals) { return FieldValue::of(totals.productive_wte); }),
      figure<Totals>(
          "additive_shortfall_wte", FieldUnit::Wte,
          [](const Totals& totals) { return FieldValue::of(totals.additive_shortfall_wte); }),
      figure<Totals>(
          "additive_shortfall_cost", FieldUnit::Money,
          [](const Totals& totals) { return FieldValue::of(totals.additive_shortfall_cost); }),
      figure<Totals>("uplift_cost", FieldUnit::Money,
                     [](const Totals& totals) { return FieldValue::of(totals.uplift_cost); }),
  };
}

}  // namespace

std::optional<double> FieldValue::as_number() const {
  switch (kind) {
    case Kind::Null: return std::nullopt;
    case Kind::Number: return number;
    case Kind::Flag:
    case Kind::Text: break;
  }
  throw std::logic_error("a field that is not a number was read as one");
}

const FieldTable<LineResult>& line_fields() {
  return built_once<make_line_fields>();
}

const FieldTable<Totals>& totals_fields() {
  return built_once<make_totals_fields>();
}

const FieldTable<TeamResult>& team_fields() {
  return built_once<make_team_fields>();
}

const FieldTable<ServiceResult>& service_fields() {
  return built_once<make_service_fields>();
}

const FieldTable<ProfessionResult>& profession_fields() {
  return built_once<make_profession_fields>();
}

const FieldTable<LineResult>& uplift_line_fields() {
  return built_once<make_uplift_line_fields>();
}

const FieldTable<AssumptionGroup>& assumption_group_fields() {
  return built_once<make_assumption_group_fields>();
}

const FieldTable<Totals>& uplift_totals_fields() {
  return built_once<make_uplift_totals_fields>();
}

std::string absence_column_name(std::string_view component) {
  return "absence_" + std::string(component);
}

std::vector<std::string> absence_column_names(const ReviewResult& review) {
  std::vector<std::string> names;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    names.emplace_back(component_key(static_cast<Component>(index)));
  }
  std::set<std::string> additional;
  for (const LineResult& line : review.lines) {
    for (const AbsenceComponent& component : line.absence.components) {
      if (std::find(names.begin(), names.end(), component.component) == names.end()) {
        additional.insert(component.component);
      }
    }
  }
  names.insert(names.end(), additional.begin(), additional.end());
  return names;
}

std::string actual_column_name(std::string_view component) {
  return "actual_" + std::string(component);
}

std::vector<std::string> actual_column_names(const ReviewResult& review) {
  std::array<bool, kFixedComponentCount> fixed{};
  std::set<std::string_view> additional;
  for (const LineResult& line : review.lines) {
    for (const ActualComponent& component : line.actuals.components) {
      bool is_fixed = false;
      for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
        if (component.component == component_key(static_cast<Component>(index))) {
          fixed[index] = true;
          is_fixed = true;
        }
      }
      if (!is_fixed) additional.insert(component.component);
    }
  }
  std::vector<std::string> names;
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    if (fixed[index]) names.emplace_back(component_key(static_cast<Component>(index)));
  }
  names.insert(names.end(), additional.begin(), additional.end());
  return names;
}

std::vector<std::optional<double>> actual_fractions(const AbsenceActuals& actuals,
                                                    const std::vector<std::string>& names) {
  std::vector<std::optional<double>> fractions;
  fractions.reserve(names.size());
  for (const std::string& name : names) {
    const auto found = std::find_if(
        actuals.components.begin(), actuals.components.end(),
        [&name](const ActualComponent& component) { return component.component == name; });
    fractions.push_back(found == actuals.components.end() ? std::nullopt
                                                          : std::optional<double>(found->actual));
  }
  return fractions;
}

std::vector<double> component_fractions(const ResolvedAbsence& absence,
                                        const std::vector<std::string>& names) {
  std::unordered_map<std::string_view, double> fraction_of;
  fraction_of.reserve(absence.components.size());
  for (const AbsenceComponent& resolved : absence.components) {
    fraction_of.emplace(resolved.component, resolved.fraction);  // of a repeated name the first
  }
  std::vector<double> fractions;
  fractions.reserve(names.size());
  for (const std::string& name : names) {
    const auto found = fraction_of.find(name);
    fractions.push_back(found == fraction_of.end() ? 0.0 : found->second);
  }
  return fractions;
}

}  // namespace estab
