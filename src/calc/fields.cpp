// The field tables of the output contract: one per record kind, in contract order.

#include "estab/fields.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace estab {

namespace {

/// The id of a record's service, or null for the teams that name none.
FieldValue service_id_of(const Service* service) {
  return service != nullptr ? FieldValue::of_text(service->id) : FieldValue::null();
}

/// A field read from a record's totals, for records that carry totals.
template <typename Record>
Field<Record> through_totals(const Field<Totals>& field) {
  return {field.name, field.unit,
          [read = field.read](const Record& record) { return read(record.totals); }, field.key,
          field.compared};
}

/// A number field that a comparison diffs.
template <typename Record>
Field<Record> figure(std::string_view name, FieldUnit unit,
                     std::function<FieldValue(const Record&)> read) {
  return {name, unit, std::move(read), false, true};
}

/// A field that a comparison neither matches on nor diffs: a label, a flag or a rating.
template <typename Record>
Field<Record> label(std::string_view name, FieldUnit unit,
                    std::function<FieldValue(const Record&)> read) {
  return {name, unit, std::move(read), false, false};
}

/// A field that identifies a record when two reviews are matched.
template <typename Record>
Field<Record> key(std::string_view name, std::function<FieldValue(const Record&)> read) {
  return {name, FieldUnit::Text, std::move(read), true, false};
}

/// The absence components of a line: a list in JSON, a column per component in CSV and XLSX.
template <typename Record>
Field<Record> components(std::string_view name) {
  return {name, FieldUnit::Components, nullptr, false, false};
}

FieldTable<LineResult> make_line_fields() {
  using Line = LineResult;
  const auto number = [](double Line::*member) {
    return [member](const Line& line) { return FieldValue::of(line.*member); };
  };
  const auto optional = [](std::optional<double> Line::*member) {
    return [member](const Line& line) { return FieldValue::of(line.*member); };
  };
  return {
      key<Line>("team", [](const Line& line) { return FieldValue::of_text(line.team->id); }),
      label<Line>("service", FieldUnit::Text,
                  [](const Line& line) { return service_id_of(line.service); }),
      key<Line>("profession",
                [](const Line& line) { return FieldValue::of_text(line.profession->id); }),
      label<Line>("registered", FieldUnit::Flag,
                  [](const Line& line) { return FieldValue::of_flag(line.profession->registered); }),
      components<Line>("absence"),
      figure<Line>("absence_total", FieldUnit::Fraction,
                   [](const Line& line) { return FieldValue::of(line.absence.total); }),
      figure<Line>("uplift_exact", FieldUnit::Fraction, number(&Line::uplift_exact)),
      figure<Line>("uplift_additive", FieldUnit::Fraction, number(&Line::uplift_additive)),
      figure<Line>("uplift_applied", FieldUnit::Fraction, number(&Line::uplift_applied)),
      figure<Line>("demand_hours_per_week", FieldUnit::Hours,
                   number(&Line::demand_hours_per_week)),
      figure<Line>("productive_wte", FieldUnit::Wte, number(&Line::productive_wte)),
      figure<Line>("fixed_wte", FieldUnit::Wte, number(&Line::fixed_wte)),
      figure<Line>("required_wte", FieldUnit::Wte, number(&Line::required_wte)),
      figure<Line>("funded_wte", FieldUnit::Wte, number(&Line::funded_wte)),
      figure<Line>("in_post_wte", FieldUnit::Wte, number(&Line::in_post_wte)),
      figure<Line>("establishment_gap_wte", FieldUnit::Wte, number(&Line::establishment_gap_wte)),
      figure<Line>("vacancy_wte", FieldUnit::Wte, number(&Line::vacancy_wte)),
      figure<Line>("vacancy_rate", FieldUnit::Fraction, optional(&Line::vacancy_rate)),
      figure<Line>("net_gap_wte", FieldUnit::Wte, number(&Line::net_gap_wte)),
      figure<Line>("net_gap_rate", FieldUnit::Fraction, optional(&Line::net_gap_rate)),
      label<Line>("gap_rag", FieldUnit::Rag,
                  [](const Line& line) { return FieldValue::of_text(rag_name(line.gap_rag)); }),
      figure<Line>("wisn_ratio", FieldUnit::Ratio, optional(&Line::wisn_ratio)),
      figure<Line>("additive_shortfall_wte", FieldUnit::Wte,
                   number(&Line::additive_shortfall_wte)),
      figure<Line>("cost_per_wte", FieldUnit::Money, optional(&Line::cost_per_wte)),
      figure<Line>("required_cost", FieldUnit::Money, optional(&Line::required_cost)),
      figure<Line>("funded_cost", FieldUnit::Money, optional(&Line::funded_cost)),
      figure<Line>("in_post_cost", FieldUnit::Money, optional(&Line::in_post_cost)),
      figure<Line>("uplift_cost", FieldUnit::Money, optional(&Line::uplift_cost)),
  };
}

FieldTable<Totals> make_totals_fields() {
  const auto number = [](double Totals::*member) {
    return [member](const Totals& totals) { return FieldValue::of(totals.*member); };
  };
  const auto optional = [](std::optional<double> Totals::*member) {
    return [member](const Totals& totals) { return FieldValue::of(totals.*member); };
  };
  return {
      figure<Totals>("productive_wte", FieldUnit::Wte, number(&Totals::productive_wte)),
      figure<Totals>("required_wte", FieldUnit::Wte, number(&Totals::required_wte)),
      figure<Totals>("funded_wte", FieldUnit::Wte, number(&Totals::funded_wte)),
      figure<Totals>("in_post_wte", FieldUnit::Wte, number(&Totals::in_post_wte)),
      figure<Totals>("establishment_gap_wte", FieldUnit::Wte,
                     number(&Totals::establishment_gap_wte)),
      figure<Totals>("vacancy_wte", FieldUnit::Wte, number(&Totals::vacancy_wte)),
      figure<Totals>("net_gap_wte", FieldUnit::Wte, number(&Totals::net_gap_wte)),
      figure<Totals>("registered_required_wte", FieldUnit::Wte,
                     number(&Totals::registered_required_wte)),
      figure<Totals>("registered_in_post_wte", FieldUnit::Wte,
                     number(&Totals::registered_in_post_wte)),
      figure<Totals>("registered_share_required", FieldUnit::Fraction,
                     optional(&Totals::registered_share_required)),
      figure<Totals>("registered_share_funded", FieldUnit::Fraction,
                     optional(&Totals::registered_share_funded)),
      figure<Totals>("registered_share_in_post", FieldUnit::Fraction,
                     optional(&Totals::registered_share_in_post)),
      figure<Totals>("registered_target", FieldUnit::Fraction,
                     optional(&Totals::registered_target)),
      figure<Totals>("registered_gap_wte", FieldUnit::Wte, optional(&Totals::registered_gap_wte)),
      label<Totals>(
          "skill_mix_rag", FieldUnit::Rag,
          [](const Totals& totals) { return FieldValue::of_text(rag_name(totals.skill_mix_rag)); }),
      figure<Totals>("required_cost", FieldUnit::Money, optional(&Totals::required_cost)),
      figure<Totals>("funded_cost", FieldUnit::Money, optional(&Totals::funded_cost)),
  };
}

FieldTable<TeamResult> make_team_fields() {
  using Team = TeamResult;
  const auto optional = [](std::optional<double> Team::*member) {
    return [member](const Team& team) { return FieldValue::of(team.*member); };
  };
  FieldTable<Team> fields = {
      key<Team>("team", [](const Team& team) { return FieldValue::of_text(team.team->id); }),
      label<Team>("service", FieldUnit::Text,
                  [](const Team& team) { return service_id_of(team.service); }),
  };
  for (const Field<Totals>& field : totals_fields()) fields.push_back(through_totals<Team>(field));
  fields.insert(fields.end(),
                {
                    figure<Team>("chppd_planned", FieldUnit::Hours, optional(&Team::chppd_planned)),
                    figure<Team>("chppd_benchmark", FieldUnit::Hours,
                                 optional(&Team::chppd_benchmark)),
                    figure<Team>("benchmark_productive_wte", FieldUnit::Wte,
                                 optional(&Team::benchmark_productive_wte)),
                    figure<Team>("judgement_wte", FieldUnit::Wte, optional(&Team::judgement_wte)),
                });
  return fields;
}

FieldTable<ServiceResult> make_service_fields() {
  FieldTable<ServiceResult> fields = {
      key<ServiceResult>("service", [](const ServiceResult& service) {
        return service_id_of(service.service);
      })};
  for (const Field<Totals>& field : totals_fields()) {
    fields.push_back(through_totals<ServiceResult>(field));
  }
  return fields;
}

FieldTable<ProfessionResult> make_profession_fields() {
  using Profession = ProfessionResult;
  const auto number = [](double Profession::*member) {
    return [member](const Profession& profession) { return FieldValue::of(profession.*member); };
  };
  const auto optional = [](std::optional<double> Profession::*member) {
    return [member](const Profession& profession) { return FieldValue::of(profession.*member); };
  };
  return {
      key<Profession>("profession",
                      [](const Profession& profession) {
                        return FieldValue::of_text(profession.profession->id);
                      }),
      label<Profession>("registered", FieldUnit::Flag,
                        [](const Profession& profession) {
                          return FieldValue::of_flag(profession.profession->registered);
                        }),
      figure<Profession>("productive_wte", FieldUnit::Wte, number(&Profession::productive_wte)),
      figure<Profession>("required_wte", FieldUnit::Wte, number(&Profession::required_wte)),
      figure<Profession>("funded_wte", FieldUnit::Wte, number(&Profession::funded_wte)),
      figure<Profession>("in_post_wte", FieldUnit::Wte, number(&Profession::in_post_wte)),
      figure<Profession>("establishment_gap_wte", FieldUnit::Wte,
                         number(&Profession::establishment_gap_wte)),
      figure<Profession>("vacancy_wte", FieldUnit::Wte, number(&Profession::vacancy_wte)),
      figure<Profession>("net_gap_wte", FieldUnit::Wte, number(&Profession::net_gap_wte)),
      figure<Profession>("vacancy_rate", FieldUnit::Fraction, optional(&Profession::vacancy_rate)),
      figure<Profession>("net_gap_rate", FieldUnit::Fraction, optional(&Profession::net_gap_rate)),
      figure<Profession>("required_cost", FieldUnit::Money, optional(&Profession::required_cost)),
      figure<Profession>("funded_cost", FieldUnit::Money, optional(&Profession::funded_cost)),
  };
}

FieldTable<LineResult> make_uplift_line_fields() {
  using Line = LineResult;
  const auto number = [](double Line::*member) {
    return [member](const Line& line) { return FieldValue::of(line.*member); };
  };
  const auto optional = [](std::optional<double> Line::*member) {
    return [member](const Line& line) { return FieldValue::of(line.*member); };
  };
  return {
      key<Line>("team", [](const Line& line) { return FieldValue::of_text(line.team->id); }),
      label<Line>("service", FieldUnit::Text,
                  [](const Line& line) { return service_id_of(line.service); }),
      key<Line>("profession",
                [](const Line& line) { return FieldValue::of_text(line.profession->id); }),
      components<Line>("absence"),
      figure<Line>("absence_total", FieldUnit::Fraction,
                   [](const Line& line) { return FieldValue::of(line.absence.total); }),
      figure<Line>("headcount_per_wte", FieldUnit::HeadsPerWte,
                   [](const Line& line) { return FieldValue::of(line.absence.headcount_per_wte); }),
      figure<Line>("uplift_exact", FieldUnit::Fraction, number(&Line::uplift_exact)),
      figure<Line>("uplift_additive", FieldUnit::Fraction, number(&Line::uplift_additive)),
      figure<Line>("uplift_applied", FieldUnit::Fraction, number(&Line::uplift_applied)),
      figure<Line>("productive_wte", FieldUnit::Wte, number(&Line::productive_wte)),
      figure<Line>("additive_shortfall_wte", FieldUnit::Wte,
                   number(&Line::additive_shortfall_wte)),
      figure<Line>("cost_per_wte", FieldUnit::Money, optional(&Line::cost_per_wte)),
      figure<Line>("uplift_cost", FieldUnit::Money, optional(&Line::uplift_cost)),
      figure<Line>("additive_shortfall_cost", FieldUnit::Money,
                   optional(&Line::additive_shortfall_cost)),
  };
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
      figure<Group>("uplift_additive", FieldUnit::Fraction,
                    of_first(&LineResult::uplift_additive)),
      figure<Group>("uplift_applied", FieldUnit::Fraction, of_first(&LineResult::uplift_applied)),
      figure<Group>("productive_wte", FieldUnit::Wte,
                    [](const Group& group) { return FieldValue::of(group.productive_wte); }),
      figure<Group>("additive_shortfall_wte", FieldUnit::Wte,
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
  static const FieldTable<LineResult> fields = make_line_fields();
  return fields;
}

const FieldTable<Totals>& totals_fields() {
  static const FieldTable<Totals> fields = make_totals_fields();
  return fields;
}

const FieldTable<TeamResult>& team_fields() {
  static const FieldTable<TeamResult> fields = make_team_fields();
  return fields;
}

const FieldTable<ServiceResult>& service_fields() {
  static const FieldTable<ServiceResult> fields = make_service_fields();
  return fields;
}

const FieldTable<ProfessionResult>& profession_fields() {
  static const FieldTable<ProfessionResult> fields = make_profession_fields();
  return fields;
}

const FieldTable<LineResult>& uplift_line_fields() {
  static const FieldTable<LineResult> fields = make_uplift_line_fields();
  return fields;
}

const FieldTable<AssumptionGroup>& assumption_group_fields() {
  static const FieldTable<AssumptionGroup> fields = make_assumption_group_fields();
  return fields;
}

const FieldTable<Totals>& uplift_totals_fields() {
  static const FieldTable<Totals> fields = make_uplift_totals_fields();
  return fields;
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

double component_fraction(const ResolvedAbsence& absence, std::string_view component) {
  const auto found = std::find_if(
      absence.components.begin(), absence.components.end(),
      [component](const AbsenceComponent& resolved) { return resolved.component == component; });
  return found == absence.components.end() ? 0.0 : found->fraction;
}

}  // namespace estab
