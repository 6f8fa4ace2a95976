// "Did you mean" suggestions: the closest known word within a small edit distance.
#include "estab/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace estab {

std::size_t edit_distance(std::string_view from, std::string_view to) {
  const std::size_t rows = from.size() + 1;
  const std::size_t columns = to.size() + 1;
  std::vector<std::size_t> cost(rows * columns, 0);
  auto at = [columns, &cost](std::size_t row, std::size_t column) -> std::size_t& {
    return cost[row * columns + column];
  };
  for (std::size_t row = 0; row < rows; ++row) at(row, 0) = row;
  for (std::size_t column = 0; column < columns; ++column) at(0, column) = column;
  for (std::size_t row = 1; row < rows; ++row) {
    for (std::size_t column = 1; column < columns; ++column) {
      const bool same = std::tolower(static_cast<unsigned char>(from[row - 1])) ==
                        std::tolower(static_cast<unsigned char>(to[column - 1]));
      std::size_t best = std::min({at(row - 1, column) + 1, at(row, column - 1) + 1,
                                   at(row - 1, column - 1) + (same ? 0 : 1)});
      if (row > 1 && column > 1 && from[row - 1] == to[column - 2] &&
          from[row - 2] == to[column - 1]) {
        best = std::min(best, at(row - 2, column - 2) + 1);
      }
      at(row, column) = best;
    }
  }
  return at(rows - 1, columns - 1);
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best.empty() && word.size() >= 3) {
    // A shortened name such as 'funded' for 'funded_wte'.
    for (std::string_view candidate : candidates) {
      if (candidate.substr(0, word.size()) == word) return std::string(candidate);
    }
  }
  return std::string(best);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

}  // namespace estab
