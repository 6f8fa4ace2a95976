#pragma once
/// `estab explain`: every step of one staffing line's arithmetic for an assurance
/// reader, each input with the level that supplied it and the FILE:LINE:COLUMN it was written at.

#include <optional>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/model.hpp"

namespace estab {

/// The part of a line's arithmetic an input or a step belongs to, in the order explained.
enum class ExplainSection { TimeBase, Absence, Uplift, Demand, Required, Gaps, Costs, Actuals };

/// The name used in JSON and CSV: "time_base", "absence", "uplift", "demand", "required",
/// "gaps", "costs" or "actuals".
const char* explain_section_name(ExplainSection section);

/// The heading used in text: "Time base", "Absence", "Uplift", ….
const char* explain_section_title(ExplainSection section);

/// What a step's value measures; it decides how text shows the value.
enum class StepUnit {
  HoursPerDay,
  HoursPerWteYear,
  WeeksPerYear,
  Fraction,
  Factor,
  HoursPerWeek,
  HoursPerMonth,
  HoursPerYear,
  Wte,
  Pounds,
  Ratio,
  Rating
};

/// The name used in outputs, e.g. "hours per week", "fraction", "WTE", "£ per year".
const char* step_unit_name(StepUnit unit);

/// One input a line's arithmetic used: its value as written, its level and where it was written.
struct ExplainedInput {
  ExplainSection section = ExplainSection::TimeBase;
  std::string name;   ///< the input's key, e.g. "standard_hours", "sickness", "roster[0].staff"
  std::string value;  ///< as written, e.g. "37.5", "4.5%", "{days: 27}"; a default's value
  std::string unit;   ///< what the value measures, e.g. "hours per week", "days per WTE per year"
  AssumptionLevel source = AssumptionLevel::Default;  ///< the level that stated it
  std::string file;      ///< the file it was written in; "" for a default
  SourceLocation where;  ///< line and column in `file`; line 0 for a default
};

/// One step of the arithmetic: its formula, the formula with numbers substituted, its value.
struct ExplainedStep {
  ExplainSection section = ExplainSection::TimeBase;
  std::string name;             ///< the figure, e.g. "h_d", "roster[0]", "required_wte"
  std::string detail;           ///< what a row step is about, e.g. the shift name; often ""
  std::string formula;          ///< e.g. "standard_hours / 5"
  std::string substituted;      ///< e.g. "37.5 / 5"
  std::optional<double> value;  ///< unrounded; null for a figure that does not exist, or a rating
  std::string rating;           ///< for StepUnit::Rating only: "green", "amber" or "red"
  StepUnit unit = StepUnit::Ratio;
};

/// Every input and step of one staffing line, ending at the figures of the review.
struct Explanation {
  const Model* model = nullptr;        ///< the model the line belongs to; must outlive this
  LineResult line;                     ///< the line's figures, exactly as the review has them
  std::vector<ExplainedInput> inputs;  ///< in the order the arithmetic uses them
  std::vector<ExplainedStep> steps;    ///< in the order they are worked
};

/// A line that can be explained, for the list `estab explain FILE` prints.
struct ExplainableLine {
  std::string team;        ///< the team id
  std::string profession;  ///< the profession id
  double required_wte = 0.0;
};

/// The lines of a review that can be explained, in file order.
std::vector<ExplainableLine> explainable_lines(const ReviewResult& review);

/// The line of `review` for a team and a profession. Throws UsageError for an unknown team, or
/// a profession the team has no staffing line for, with a suggestion and the valid ids.
const LineResult& find_line(const ReviewResult& review, const std::string& team_id,
                            const std::string& profession_id);

/// Explains one computed line (from compute_review or compute_line on `model`). Every figure
/// the review reports is taken from `line`, so the explanation ends at the review's numbers.
Explanation explain_line(const Model& model, const LineResult& line);

/// Finds the line (as find_line does, throwing UsageError) and explains it.
Explanation explain_line(const ReviewResult& review, const std::string& team_id,
                         const std::string& profession_id);

/// A number as an explanation's substituted formulas write it: at most six decimals, trailing
/// zeros dropped, so that 37.5 stays "37.5" and 260.714285714… becomes "260.714286".
std::string explain_number(double value);

}  // namespace estab
