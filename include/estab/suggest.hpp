#pragma once
// "Did you mean" suggestions for misspelt keys and ids.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace estab {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two words.
std::size_t edit_distance(std::string_view from, std::string_view to);

/// edit_distance(from, to) when it is at most `limit`, otherwise limit + 1, found without
/// comparing further once the distance is known to exceed `limit`.
std::size_t edit_distance_within(std::string_view from, std::string_view to, std::size_t limit);

/// Words longer than this are never taken for typos of a name, and get no suggestion.
inline constexpr std::size_t kLongestSuggestedWord = 64;

/// The closest candidate to `word`, or "" when none is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// did_you_mean when a candidate is close; otherwise "; the PLURAL are: a, b, c" listing up to
/// ten of them (then "… (N in all)"), or "" when there are none.
std::string did_you_mean_or_list(std::string_view word,
                                 const std::vector<std::string_view>& candidates,
                                 std::string_view plural);

}  // namespace estab
