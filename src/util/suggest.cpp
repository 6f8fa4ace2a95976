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

std::size_t edit_distance_within(std::string_view from, std::string_view to, std::size_t limit) {
  const std::size_t length_gap =
      from.size() > to.size() ? from.size() - to.size() : to.size() - from.size();
  if (length_gap > limit) return limit + 1;
  // Three rows of the table edit_distance fills: the one before last, the last, and this one.
  const std::size_t columns = to.size() + 1;
  std::vector<std::size_t> before_last(columns, 0);
  std::vector<std::size_t> last(columns, 0);
  std::vector<std::size_t> current(columns, 0);
  for (std::size_t column = 0; column < columns; ++column) last[column] = column;
  for (std::size_t row = 1; row <= from.size(); ++row) {
    current[0] = row;
    std::size_t row_best = row;
    for (std::size_t column = 1; column < columns; ++column) {
      const bool same = std::tolower(static_cast<unsigned char>(from[row - 1])) ==
                        std::tolower(static_cast<unsigned char>(to[column - 1]));
      std::size_t best =
          std::min({last[column] + 1, current[column - 1] + 1, last[column - 1] + (same ? 0 : 1)});
      if (row > 1 && column > 1 && from[row - 1] == to[column - 2] &&
          from[row - 2] == to[column - 1]) {
        best = std::min(best, before_last[column - 2] + 1);
      }
      current[column] = best;
      row_best = std::min(row_best, best);
    }
    // A cell never costs less than the cheapest one of the row before (or of the one before
    // that, through a swap): once two rows in turn exceed the limit, so does the end.
    if (row_best > limit && *std::min_element(last.begin(), last.end()) > limit) {
      return limit + 1;
    }
    std::swap(before_last, last);
    std::swap(last, current);
  }
  return std::min(last[columns - 1], limit + 1);
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > kLongestSuggestedWord) return {};
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance_within(word, candidate, best_distance - 1);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      if (distance == 0) break;
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

std::string did_you_mean_or_list(std::string_view word,
                                 const std::vector<std::string_view>& candidates,
                                 std::string_view plural) {
  std::string suggestion = did_you_mean(word, candidates);
  if (!suggestion.empty() || candidates.empty()) return suggestion;
  constexpr std::size_t kMostListed = 10;
  std::string listed = "; the " + std::string(plural) + " are: ";
  for (std::size_t index = 0; index < candidates.size() && index < kMostListed; ++index) {
    if (index > 0) listed += ", ";
    listed += candidates[index];
  }
  if (candidates.size() > kMostListed) {
    listed += ", \xE2\x80\xA6 (" + std::to_string(candidates.size()) + " in all)";
  }
  return listed;
}

}  // namespace estab
