#pragma once
// Building an explanation: numbers and allowances as text, and a builder that records inputs
// (with their level and location) and steps section by section.

#include <optional>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/explain.hpp"
#include "estab/model.hpp"

namespace estab::calc {

/// A fraction as the percentage a user writes: 0.045 → "4.5%" (at most four decimals).
std::string explain_percent(double fraction);

/// An allowance as written in the input: "4.5%", "{days: 27}", "{hours_per_head: 22.5}",
/// "{by_service: [{days: 27, share: 35%}, …]}".
std::string allowance_as_written(const Allowance& allowance);

/// What an allowance's number measures, e.g. "days per WTE per year"; `of_what` completes a
/// percentage ("of contracted time" or "of available time").
std::string allowance_unit_text(const Allowance& allowance, const char* of_what);

/// Σ share × days of a by-service allowance, written out: "(0.35 × 27 + 0.25 × 29)".
std::string banded_days_text(const Allowance& allowance);

/// Records the inputs and steps of one explanation, in order, under the current section.
class ExplanationBuilder {
 public:
  /// A builder filling `explanation` for lines of `model`.
  ExplanationBuilder(const Model& model, Explanation& explanation);

  /// The model the explained line belongs to.
  const Model& model() const { return model_; }

  /// Inputs and steps recorded from now on belong to `section`.
  void begin(ExplainSection section) { section_ = section; }

  /// Records an input stated at `source` (file and location from `where`), or a default.
  void input(std::string name, std::string value, std::string unit, AssumptionLevel source,
             const SourceLocation& where);

  /// Records a number input: stated at `stated_level` when its location is known, otherwise a
  /// default (the value the model holds for it).
  void number_input(std::string name, const Located<double>& number, std::string unit,
                    AssumptionLevel stated_level);

  /// Records a step with a numeric (or null) value.
  void step(std::string name, std::string formula, std::string substituted,
            std::optional<double> value, StepUnit unit, std::string detail = {});

  /// Records a step whose value is a rating such as "red".
  void rating_step(std::string name, std::string formula, std::string substituted,
                   std::string rating);

 private:
  const Model& model_;
  Explanation& explanation_;
  ExplainSection section_ = ExplainSection::TimeBase;
};

/// The actuals steps of a line: each actual beside its assumption and where it came from, the
/// variance, its rating and the required WTE were the actuals to hold; nothing without actuals.
void explain_actuals(ExplanationBuilder& builder, const LineResult& line);

/// The demand steps of a line: each model it states with its numbers substituted, ending at
/// d (demand hours per week), all taken from `line.demand`.
void explain_demand(ExplanationBuilder& builder, const LineResult& line);

}  // namespace estab::calc
