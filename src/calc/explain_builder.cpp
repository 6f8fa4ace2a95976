// The pieces an explanation is built from: numbers, percentages and allowances as text, the
// names of sections and units, and the builder that records inputs and steps in order.

#include "calc/explain_builder.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>

#include "estab/text.hpp"

namespace estab {

const char* explain_section_name(ExplainSection section) {
  switch (section) {
    case ExplainSection::TimeBase: return "time_base";
    case ExplainSection::Absence: return "absence";
    case ExplainSection::Uplift: return "uplift";
    case ExplainSection::Demand: return "demand";
    case ExplainSection::Required: return "required";
    case ExplainSection::Gaps: return "gaps";
    case ExplainSection::Costs: return "costs";
    case ExplainSection::Actuals: return "actuals";
  }
  return "time_base";
}

const char* explain_section_title(ExplainSection section) {
  switch (section) {
    case ExplainSection::TimeBase: return "Time base";
    case ExplainSection::Absence: return "Absence";
    case ExplainSection::Uplift: return "Uplift";
    case ExplainSection::Demand: return "Demand";
    case ExplainSection::Required: return "Required WTE";
    case ExplainSection::Gaps: return "Gaps";
    case ExplainSection::Costs: return "Costs";
    case ExplainSection::Actuals: return "Actuals against assumptions";
  }
  return "Time base";
}

const char* step_unit_name(StepUnit unit) {
  switch (unit) {
    case StepUnit::HoursPerDay: return "hours per day";
    case StepUnit::HoursPerWteYear: return "hours per WTE per year";
    case StepUnit::WeeksPerYear: return "weeks per year";
    case StepUnit::Fraction: return "fraction";
    case StepUnit::Factor: return "factor";
    case StepUnit::HoursPerWeek: return "hours per week";
    case StepUnit::HoursPerMonth: return "hours per month";
    case StepUnit::HoursPerYear: return "hours per year";
    case StepUnit::Wte: return "WTE";
    case StepUnit::Pounds: return "£ per year";
    case StepUnit::Ratio: return "ratio";
    case StepUnit::Rating: return "rating";
  }
  return "ratio";
}

namespace calc {

namespace {

/// Decimals kept in substituted numbers: enough to recompute each step to a millionth.
constexpr int kExplainDecimals = 6;
/// Decimals kept in a percentage as written: 0.123456 → "12.3456%".
constexpr int kPercentDecimals = 4;

/// `digits` without trailing zeros after a decimal point, nor a bare trailing point.
std::string without_trailing_zeros(std::string digits) {
  if (digits.find('.') == std::string::npos) return digits;
  digits.erase(digits.find_last_not_of('0') + 1);
  if (digits.back() == '.') digits.pop_back();
  return digits;
}

}  // namespace

std::string explain_percent(double fraction) {
  return without_trailing_zeros(round_decimal(fraction, kPercentDecimals, 2)) + "%";
}

std::string allowance_as_written(const Allowance& allowance) {
  switch (allowance.unit) {
    case AllowanceUnit::Percent: return explain_percent(allowance.amount);
    case AllowanceUnit::Days: return fmt::format("{{days: {}}}", format_shortest(allowance.amount));
    case AllowanceUnit::Hours:
      return fmt::format("{{hours: {}}}", format_shortest(allowance.amount));
    case AllowanceUnit::HoursPerHead:
      return fmt::format("{{hours_per_head: {}}}", format_shortest(allowance.amount));
    case AllowanceUnit::MinutesPerDay:
      return fmt::format("{{minutes_per_day: {}}}", format_shortest(allowance.amount));
    case AllowanceUnit::ByService: {
      std::vector<std::string> bands;
      for (const LeaveBand& band : allowance.bands) {
        bands.push_back(fmt::format("{{days: {}, share: {}}}", format_shortest(band.days.value),
                                    explain_percent(band.share.value)));
      }
      return fmt::format("{{by_service: [{}]}}", fmt::join(bands, ", "));
    }
  }
  return explain_percent(allowance.amount);
}

std::string allowance_unit_text(const Allowance& allowance, const char* of_what) {
  switch (allowance.unit) {
    case AllowanceUnit::Percent: return fmt::format("percent {}", of_what);
    case AllowanceUnit::Days: return "days per WTE per year";
    case AllowanceUnit::Hours: return "hours per WTE per year";
    case AllowanceUnit::HoursPerHead: return "hours per person per year";
    case AllowanceUnit::MinutesPerDay: return "minutes per day";
    case AllowanceUnit::ByService: return "days per WTE per year, by length of service";
  }
  return "";
}

std::string banded_days_text(const Allowance& allowance) {
  std::vector<std::string> terms;
  for (const LeaveBand& band : allowance.bands) {
    terms.push_back(
        fmt::format("{} × {}", explain_number(band.share.value), format_shortest(band.days.value)));
  }
  return fmt::format("({})", fmt::join(terms, " + "));
}

ExplanationBuilder::ExplanationBuilder(const Model& model, Explanation& explanation)
    : model_(model), explanation_(explanation) {}

void ExplanationBuilder::input(std::string name, std::string value, std::string unit,
                               AssumptionLevel source, const SourceLocation& where) {
  ExplainedInput recorded;
  recorded.section = section_;
  recorded.name = std::move(name);
  recorded.value = std::move(value);
  recorded.unit = std::move(unit);
  recorded.source = source;
  if (source != AssumptionLevel::Default) {
    recorded.file = model_.file_of(where);
    recorded.where = where;
  }
  explanation_.inputs.push_back(std::move(recorded));
}

void ExplanationBuilder::number_input(std::string name, const Located<double>& number,
                                      std::string unit, AssumptionLevel stated_level) {
  const AssumptionLevel source = number.where.known() ? stated_level : AssumptionLevel::Default;
  input(std::move(name), format_shortest(number.value), std::move(unit), source, number.where);
}

void ExplanationBuilder::step(std::string name, std::string formula, std::string substituted,
                              std::optional<double> value, StepUnit unit, std::string detail) {
  if (value) require_finite(*value, "an explained figure");
  ExplainedStep recorded;
  recorded.section = section_;
  recorded.name = std::move(name);
  recorded.detail = std::move(detail);
  recorded.formula = std::move(formula);
  recorded.substituted = std::move(substituted);
  recorded.value = value;
  recorded.unit = unit;
  explanation_.steps.push_back(std::move(recorded));
}

void ExplanationBuilder::rating_step(std::string name, std::string formula, std::string substituted,
                                     std::string rating) {
  ExplainedStep recorded;
  recorded.section = section_;
  recorded.name = std::move(name);
  recorded.formula = std::move(formula);
  recorded.substituted = std::move(substituted);
  recorded.rating = std::move(rating);
  recorded.unit = StepUnit::Rating;
  explanation_.steps.push_back(std::move(recorded));
}

}  // namespace calc

std::string explain_number(double value) {
  return calc::without_trailing_zeros(round_decimal(value, calc::kExplainDecimals));
}

}  // namespace estab
