#pragma once
/// The generator of the property tests: random but valid models, each from a std::mt19937 with
/// a seed taken from a fixed table, so that a failure names its seed and is reproducible. It
/// keeps each line's absence below 45% and every share of available time below 40%, so that a
/// raised or scaled assumption (at most +5% or ×1.5) stays a valid model.

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

#include "estab/model.hpp"

namespace estab::testing {

/// The names `additional` components are drawn from.
inline const std::array<const char*, 3> kAdditionalNames = {"jury_service", "mentoring",
                                                            "union_duties"};

/// Builds a random but valid Model from a seed.
class ModelGenerator {
 public:
  /// A generator whose every draw follows from `seed`.
  explicit ModelGenerator(std::uint32_t seed) : random_(seed) {}

  /// The whole model: review settings, assumptions, professions, services and teams.
  Model model();

  /// A uniformly distributed number in [low, high).
  double uniform(double low, double high);
  /// True with probability `probability`.
  bool chance(double probability);
  /// A whole number in [low, high].
  std::size_t count(std::size_t low, std::size_t high);

 private:
  /// A non-negative amount: sometimes exactly zero, otherwise uniform in [0, high).
  double amount(double high);

  /// An absence allowance of at most 17.5% (annual leave), 5% (bank holidays) or 3% (others)
  /// of contracted time, whatever the time base (H_y ≥ 800 hours, working_days ≥ 200).
  Allowance absence_allowance(std::size_t component);

  /// A share of available time of at most 40% (with absence below 65%).
  Allowance available_time_allowance();

  /// An assumption set stating each component with probability `stated`.
  AssumptionSet assumption_set(double stated, double headcount);

  /// A staffing line of `profession` with a random mix of demand models and staff.
  StaffingLine line(std::size_t profession);

  std::mt19937 random_;
};

/// The model of a seed, with the given uplift method.
Model generated_model(std::uint32_t seed, UpliftMethod method);

}  // namespace estab::testing
