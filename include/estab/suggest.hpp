#pragma once
// "Did you mean" suggestions for misspelt keys and ids.

#include <string>
#include <string_view>
#include <vector>

namespace estab {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two words.
std::size_t edit_distance(std::string_view from, std::string_view to);

/// The closest candidate to `word`, or "" when none is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace estab
