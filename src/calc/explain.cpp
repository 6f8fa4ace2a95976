// Explaining one staffing line (`estab explain`): finding it, then every input and step
// of its time base, absence, uplift, required WTE, gaps and costs. The
// value of every step the review reports is taken from the line's LineResult, so the explanation
// ends exactly at the review's figures; the substituted text shows the same arithmetic.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calc/explain_builder.hpp"
#include "estab/explain.hpp"
#include "estab/suggest.hpp"
#include "estab/text.hpp"

namespace estab {

namespace {

using calc::explain_percent;
using calc::ExplanationBuilder;

/// The assumptions stated at one level for a line, or null for the default level.
const AssumptionSet* assumptions_at(const Model& model, const LineResult& line,
                                    AssumptionLevel level) {
  switch (level) {
    case AssumptionLevel::Line: return &line.line->assumptions;
    case AssumptionLevel::Team: return &line.team->assumptions;
    case AssumptionLevel::Profession: return &line.profession->assumptions;
    case AssumptionLevel::Organisation: return &model.assumptions;
    case AssumptionLevel::Default: return nullptr;
  }
  return nullptr;
}

/// The level a review setting comes from: the organisation when stated, else the default.
AssumptionLevel setting_level(const SourceLocation& where) {
  return where.known() ? AssumptionLevel::Organisation : AssumptionLevel::Default;
}

void explain_time_base(ExplanationBuilder& builder) {
  const ReviewSettings& review = builder.model().review;
  builder.begin(ExplainSection::TimeBase);
  builder.number_input("standard_hours", review.standard_hours, "hours per week",
                       AssumptionLevel::Organisation);
  if (review.working_days.where.known()) {
    builder.number_input("working_days", review.working_days, "days per year",
                         AssumptionLevel::Organisation);
  } else {
    builder.input("working_days", explain_number(review.working_days.value) + " (365 × 5 / 7)",
                  "days per year", AssumptionLevel::Default, {});
  }
  const std::string standard_hours = explain_number(review.standard_hours.value);
  const std::string working_days = explain_number(review.working_days.value);
  builder.step("h_d", "standard_hours / 5", standard_hours + " / 5", review.hours_per_day(),
               StepUnit::HoursPerDay);
  builder.step("H_y", "working_days × h_d",
               fmt::format("{} × {}", working_days, explain_number(review.hours_per_day())),
               review.contracted_hours_per_wte(), StepUnit::HoursPerWteYear);
  builder.step("W", "working_days / 5", working_days + " / 5", review.weeks_per_year(),
               StepUnit::WeeksPerYear);
}

/// The formula of an absence component's fraction and its substituted numbers.
std::pair<std::string, std::string> component_arithmetic(const Allowance& allowance,
                                                         const ReviewSettings& review,
                                                         double headcount_per_wte) {
  const std::string amount = format_shortest(allowance.amount);
  const std::string working_days = explain_number(review.working_days.value);
  const std::string hours_per_wte = explain_number(review.contracted_hours_per_wte());
  switch (allowance.unit) {
    case AllowanceUnit::Percent:
      return {"x / 100", explain_number(allowance.amount * 100.0) + " / 100"};
    case AllowanceUnit::Days:
      return {"days / working_days", fmt::format("{} / {}", amount, working_days)};
    case AllowanceUnit::Hours:
      return {"hours / H_y", fmt::format("{} / {}", amount, hours_per_wte)};
    case AllowanceUnit::HoursPerHead:
      return {
          "hours_per_head × headcount_per_wte / H_y",
          fmt::format("{} × {} / {}", amount, explain_number(headcount_per_wte), hours_per_wte)};
    case AllowanceUnit::MinutesPerDay:
      return {"minutes_per_day / 60 / h_d",
              fmt::format("{} / 60 / {}", amount, explain_number(review.hours_per_day()))};
    case AllowanceUnit::ByService:
      return {"Σ share × days / working_days",
              fmt::format("{} / {}", calc::banded_days_text(allowance), working_days)};
  }
  return {"", ""};
}

void explain_absence(ExplanationBuilder& builder, const LineResult& line) {
  const Model& model = builder.model();
  const ResolvedAbsence& absence = line.absence;
  builder.begin(ExplainSection::Absence);

  const AssumptionSet* headcount_level = assumptions_at(model, line, absence.headcount_source);
  const SourceLocation headcount_where =
      headcount_level != nullptr && headcount_level->headcount_per_wte
          ? headcount_level->headcount_per_wte->where
          : SourceLocation{};
  builder.input("headcount_per_wte", format_shortest(absence.headcount_per_wte), "people per WTE",
                absence.headcount_source, headcount_where);

  std::vector<std::string> fractions;
  for (std::size_t index = 0; index < absence.components.size(); ++index) {
    const AbsenceComponent& component = absence.components[index];
    const bool is_fixed = index < kFixedComponentCount;
    const std::string input_name =
        is_fixed ? component.component : "additional." + component.component;
    Allowance written;
    if (component.stated != nullptr) {
      written = *component.stated;
    } else if (component.fraction != 0.0) {
      // A default stated in days (annual leave, bank holidays): recover the days from calc's
      // fraction rather than repeat its constants.
      written.unit = AllowanceUnit::Days;
      written.amount = component.fraction * model.review.working_days.value;
    }
    builder.input(input_name, calc::allowance_as_written(written),
                  calc::allowance_unit_text(written, "of contracted time"), component.source,
                  written.where);
    if (component.stated == nullptr && component.fraction == 0.0) {
      builder.step(component.component, "default (not stated)", "0", component.fraction,
                   StepUnit::Fraction);
    } else {
      const auto [formula, substituted] =
          component_arithmetic(written, model.review, absence.headcount_per_wte);
      builder.step(component.component, formula, substituted, component.fraction,
                   StepUnit::Fraction);
    }
    fractions.push_back(explain_number(component.fraction));
  }
  builder.step("a", "Σ components", fmt::format("{}", fmt::join(fractions, " + ")), absence.total,
               StepUnit::Fraction);
}

void explain_uplift(ExplanationBuilder& builder, const LineResult& line) {
  const Model& model = builder.model();
  const std::string absence_text = explain_number(line.absence.total);
  const Located<UpliftMethod>& method = model.review.uplift_method;
  builder.begin(ExplainSection::Uplift);
  builder.input("uplift_method", uplift_method_name(method.value), "method",
                setting_level(method.where), method.where);

  builder.step("f_exact", "1 / (1 - a)", fmt::format("1 / (1 - {})", absence_text),
               line.uplift_factor_exact, StepUnit::Factor);
  builder.step("f_additive", "1 + a", fmt::format("1 + {}", absence_text),
               line.uplift_factor_additive, StepUnit::Factor);
  builder.step("uplift_exact", "a / (1 - a)",
               fmt::format("{} / (1 - {})", absence_text, absence_text), line.uplift_exact,
               StepUnit::Fraction);
  builder.step("uplift_additive", "a", absence_text, line.uplift_additive, StepUnit::Fraction);
  const bool is_exact = method.value == UpliftMethod::Exact;
  builder.step(
      "f", is_exact ? "f_exact (uplift_method: exact)" : "f_additive (uplift_method: additive)",
      explain_number(line.uplift_factor_applied), line.uplift_factor_applied, StepUnit::Factor);
  builder.step("uplift_applied", "f - 1",
               fmt::format("{} - 1", explain_number(line.uplift_factor_applied)),
               line.uplift_applied, StepUnit::Fraction);
}

void explain_required(ExplanationBuilder& builder, const LineResult& line) {
  const ReviewSettings& review = builder.model().review;
  const std::string productive = explain_number(line.productive_wte);
  builder.begin(ExplainSection::Required);
  builder.number_input("fixed_wte", line.line->fixed_wte, "WTE", AssumptionLevel::Line);
  builder.step("productive_wte", "d / standard_hours",
               fmt::format("{} / {}", explain_number(line.demand_hours_per_week),
                           explain_number(review.standard_hours.value)),
               line.productive_wte, StepUnit::Wte);
  builder.step("required_wte", "productive_wte × f + fixed_wte",
               fmt::format("{} × {} + {}", productive, explain_number(line.uplift_factor_applied),
                           explain_number(line.fixed_wte)),
               line.required_wte, StepUnit::Wte);
  builder.step("additive_shortfall_wte", "productive_wte × (f_exact - f_additive)",
               fmt::format("{} × ({} - {})", productive, explain_number(line.uplift_factor_exact),
                           explain_number(line.uplift_factor_additive)),
               line.additive_shortfall_wte, StepUnit::Wte);
}

/// "x / y", or why a rate does not exist.
std::string rate_text(double numerator, double denominator, const char* denominator_name) {
  if (denominator == 0.0) return fmt::format("{} is 0: no rate", denominator_name);
  return fmt::format("{} / {}", explain_number(numerator), explain_number(denominator));
}

/// The comparison that decided a gap rating, e.g. "0.05 < 0.0723 <= 0.1".
std::string rating_comparison(const LineResult& line, double tolerance) {
  if (!line.net_gap_rate) return "required_wte is 0: nothing is required";
  const std::string rate = explain_number(*line.net_gap_rate);
  const std::string single = explain_number(tolerance);
  const std::string twice = explain_number(2.0 * tolerance);
  switch (line.gap_rag) {
    case Rag::Amber: return fmt::format("{} < {} <= {}", single, rate, twice);
    case Rag::Red: return fmt::format("{} > {}", rate, twice);
    case Rag::Green:
    case Rag::None: break;
  }
  return fmt::format("{} <= {}", rate, single);
}

/// "Σ FTE of 3 rows of extracts/esr.csv (lines 14, 22, 31)": the rows of each extract behind
/// a sourced figure, at most `kCitedLines` line numbers each.
std::string cited_rows(const Model& model, const std::vector<RowCitation>& rows) {
  constexpr std::size_t kCitedLines = 20;
  std::vector<std::string> parts;
  std::size_t index = 0;
  while (index < rows.size()) {
    const std::uint32_t extract = rows[index].extract;
    std::vector<std::uint32_t> lines;
    for (; index < rows.size() && rows[index].extract == extract; ++index) {
      lines.push_back(rows[index].line);
    }
    const ExtractReconciliation& source = model.extracts.reconciliation.at(extract);
    std::string listed;
    for (std::size_t position = 0; position < lines.size() && position < kCitedLines; ++position) {
      listed += (position == 0 ? "" : ", ") + std::to_string(lines[position]);
    }
    if (lines.size() > kCitedLines)
      listed += fmt::format(", … {} more", lines.size() - kCitedLines);
    parts.push_back(fmt::format("Σ {} of {} row{} of {} (line{} {})", source.wte_column,
                                lines.size(), lines.size() == 1 ? "" : "s", source.file,
                                lines.size() == 1 ? "" : "s", listed));
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : " + ") + part;
  return joined;
}

/// The rows of the extracts a line's figure of `kind` was summed from (empty when not kept).
const std::vector<RowCitation>* citations_of(const Model& model, const LineResult& line,
                                             ExtractKind kind) {
  const auto team_index = static_cast<std::size_t>(line.team - model.teams.data());
  const auto line_index = static_cast<std::size_t>(line.line - line.team->lines.data());
  for (const LineCitations& citations : model.extracts.citations) {
    if (citations.team_index == team_index && citations.line_index == line_index &&
        citations.kind == kind) {
      return &citations.rows;
    }
  }
  return nullptr;
}

/// Funded or in-post WTE: stated in the input, or summed from extract rows (and adjustments).
void explain_staff_figure(ExplanationBuilder& builder, const LineResult& line, ExtractKind kind) {
  const bool funded = kind == ExtractKind::Funded;
  const char* name = funded ? "funded_wte" : "in_post_wte";
  const StaffingLine& staffing = *line.line;
  const LineExtract& extract = staffing.extract;
  const bool sourced = funded ? extract.funded_from_extract : extract.in_post_from_extract;
  if (!sourced) {
    builder.number_input(name, funded ? staffing.funded_wte : staffing.in_post_wte, "WTE",
                         AssumptionLevel::Line);
    return;
  }
  const std::vector<RowCitation>* rows = citations_of(builder.model(), line, kind);
  std::string formula = rows != nullptr && !rows->empty()
                            ? cited_rows(builder.model(), *rows)
                            : std::string("Σ WTE of no rows of the extracts");
  std::string substituted =
      explain_number(funded ? extract.funded_rows_wte : extract.in_post_rows_wte);
  if (!funded && extract.in_post_adjustments != 0.0) {
    formula += " + Σ the team's adjustments";
    substituted += " + " + explain_number(extract.in_post_adjustments);
  }
  builder.step(name, formula, substituted, funded ? line.funded_wte : line.in_post_wte,
               StepUnit::Wte);
}

void explain_gaps(ExplanationBuilder& builder, const LineResult& line) {
  const ReviewSettings& review = builder.model().review;
  const std::string required = explain_number(line.required_wte);
  const std::string funded = explain_number(line.funded_wte);
  const std::string in_post = explain_number(line.in_post_wte);
  builder.begin(ExplainSection::Gaps);
  explain_staff_figure(builder, line, ExtractKind::Funded);
  explain_staff_figure(builder, line, ExtractKind::InPost);
  const Located<double>& tolerance = review.gap_tolerance;
  builder.input("gap_tolerance", explain_percent(tolerance.value), "percent of required WTE",
                setting_level(tolerance.where), tolerance.where);

  builder.step("establishment_gap_wte", "required_wte - funded_wte",
               fmt::format("{} - {}", required, funded), line.establishment_gap_wte, StepUnit::Wte);
  builder.step("vacancy_wte", "funded_wte - in_post_wte", fmt::format("{} - {}", funded, in_post),
               line.vacancy_wte, StepUnit::Wte);
  builder.step("vacancy_rate", "vacancy_wte / funded_wte",
               rate_text(line.vacancy_wte, line.funded_wte, "funded_wte"), line.vacancy_rate,
               StepUnit::Fraction);
  builder.step("net_gap_wte", "required_wte - in_post_wte",
               fmt::format("{} - {}", required, in_post), line.net_gap_wte, StepUnit::Wte);
  builder.step("net_gap_rate", "net_gap_wte / required_wte",
               rate_text(line.net_gap_wte, line.required_wte, "required_wte"), line.net_gap_rate,
               StepUnit::Fraction);
  builder.rating_step("gap_rag", "green if net_gap_rate <= τ, amber if <= 2τ, red otherwise",
                      rating_comparison(line, tolerance.value), rag_name(line.gap_rag));
  builder.step("wisn_ratio", "in_post_wte / required_wte",
               rate_text(line.in_post_wte, line.required_wte, "required_wte"), line.wisn_ratio,
               StepUnit::Ratio);
}

void explain_costs(ExplanationBuilder& builder, const LineResult& line) {
  builder.begin(ExplainSection::Costs);
  const StaffingLine& staffing = *line.line;
  if (staffing.cost_per_wte) {
    builder.number_input("cost_per_wte", *staffing.cost_per_wte, "£ per WTE per year",
                         AssumptionLevel::Line);
  } else if (line.profession->cost_per_wte) {
    builder.number_input("cost_per_wte", *line.profession->cost_per_wte, "£ per WTE per year",
                         AssumptionLevel::Profession);
  }
  if (!line.cost_per_wte) {
    builder.step("required_cost", "required_wte × cost_per_wte",
                 "no cost_per_wte on the line or its profession", std::nullopt, StepUnit::Pounds);
    return;
  }
  const std::string cost = explain_number(*line.cost_per_wte);
  builder.step("required_cost", "required_wte × cost_per_wte",
               fmt::format("{} × {}", explain_number(line.required_wte), cost), line.required_cost,
               StepUnit::Pounds);
  builder.step("funded_cost", "funded_wte × cost_per_wte",
               fmt::format("{} × {}", explain_number(line.funded_wte), cost), line.funded_cost,
               StepUnit::Pounds);
  builder.step("in_post_cost", "in_post_wte × cost_per_wte",
               fmt::format("{} × {}", explain_number(line.in_post_wte), cost), line.in_post_cost,
               StepUnit::Pounds);
  builder.step(
      "uplift_cost", "(required_wte - fixed_wte - productive_wte) × cost_per_wte",
      fmt::format("({} - {} - {}) × {}", explain_number(line.required_wte),
                  explain_number(line.fixed_wte), explain_number(line.productive_wte), cost),
      line.uplift_cost, StepUnit::Pounds);
}

/// "a, b, c" of some ids.
std::string listed(const std::vector<std::string_view>& ids) {
  return fmt::format("{}", fmt::join(ids, ", "));
}

}  // namespace

std::vector<ExplainableLine> explainable_lines(const ReviewResult& review) {
  std::vector<ExplainableLine> lines;
  for (const LineResult& line : review.lines) {
    lines.push_back({line.team->id, line.profession->id, line.required_wte});
  }
  return lines;
}

const LineResult& find_line(const ReviewResult& review, const std::string& team_id,
                            const std::string& profession_id) {
  if (review.model == nullptr) throw std::logic_error("explain: the review result has no model");
  const Model& model = *review.model;
  std::vector<std::string_view> team_ids;
  const Team* team = nullptr;
  for (const Team& candidate : model.teams) {
    team_ids.push_back(candidate.id);
    if (candidate.id == team_id) team = &candidate;
  }
  if (team == nullptr) {
    throw UsageError(fmt::format("unknown team '{}'{}; the teams are: {}", team_id,
                                 did_you_mean(team_id, team_ids), listed(team_ids)));
  }
  std::vector<std::string_view> profession_ids;
  for (const LineResult& line : review.lines) {
    if (line.team != team) continue;
    if (line.profession->id == profession_id) return line;
    profession_ids.push_back(line.profession->id);
  }
  if (profession_ids.empty()) {
    throw UsageError(fmt::format("team '{}' has no staffing lines to explain", team_id));
  }
  bool is_declared = false;
  for (const Profession& profession : model.professions) {
    is_declared = is_declared || profession.id == profession_id;
  }
  if (is_declared) {
    throw UsageError(
        fmt::format("team '{}' has no staffing line for profession '{}'; it has "
                    "lines for: {}",
                    team_id, profession_id, listed(profession_ids)));
  }
  throw UsageError(fmt::format("unknown profession '{}'{}; team '{}' has lines for: {}",
                               profession_id, did_you_mean(profession_id, profession_ids), team_id,
                               listed(profession_ids)));
}

Explanation explain_line(const Model& model, const LineResult& line) {
  if (line.team == nullptr || line.line == nullptr || line.profession == nullptr) {
    throw std::logic_error("explain: the line result is incomplete");
  }
  Explanation explanation;
  explanation.model = &model;
  explanation.line = line;
  ExplanationBuilder builder(model, explanation);
  explain_time_base(builder);
  explain_absence(builder, line);
  explain_uplift(builder, line);
  calc::explain_demand(builder, line);
  explain_required(builder, line);
  explain_gaps(builder, line);
  explain_costs(builder, line);
  calc::explain_actuals(builder, line);
  return explanation;
}

Explanation explain_line(const ReviewResult& review, const std::string& team_id,
                         const std::string& profession_id) {
  if (review.model == nullptr) throw std::logic_error("explain: the review result has no model");
  return explain_line(*review.model, find_line(review, team_id, profession_id));
}

}  // namespace estab
