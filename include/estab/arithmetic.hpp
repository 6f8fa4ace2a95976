#pragma once
/// Division with a guard: a figure that cannot be computed stops the run, or is null, instead
/// of turning silently into zero, NaN or infinity.

#include <cmath>
#include <optional>
#include <stdexcept>

namespace estab {

/// numerator / denominator for a denominator that must be positive. Throws std::range_error
/// when it is not, or when the result is not finite; input limits keep this unreachable.
inline double share_of(double numerator, double denominator) {
  const double result = numerator / denominator;
  if (!(denominator > 0.0) || !std::isfinite(denominator) || !std::isfinite(result)) {
    throw std::range_error("a figure is too large or too small to compute");
  }
  return result;
}

/// numerator / denominator, or null when the denominator is exactly zero (a rate that does
/// not exist) or the result is not finite.
inline std::optional<double> rate_of(double numerator, double denominator) {
  if (denominator == 0.0) return std::nullopt;
  const double result = numerator / denominator;
  if (!std::isfinite(result)) return std::nullopt;
  return result;
}

/// True when `value` is at most `edge`, a value within max(|value|, |edge|) × 1e-12 of the edge
/// counting as on it: RAG bands are decided on the decimal figures the user wrote, so that
/// binary rounding never moves a value written exactly on an edge out of its band.
inline bool at_most(double value, double edge) {
  return value <= edge + std::fmax(std::fabs(value), std::fabs(edge)) * 1e-12;
}

}  // namespace estab
