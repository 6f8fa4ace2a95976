#pragma once
// Division with a guard: a figure that cannot be computed stops the run instead of
// turning silently into zero, NaN or infinity.

#include <cmath>
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

}  // namespace estab
