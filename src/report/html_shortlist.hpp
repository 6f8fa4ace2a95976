#pragma once
/// How the board paper stays readable for a large organisation: a section whose rows grow with
/// the number of teams lists only its worst rows when there are many, and says in words how
/// many it leaves out and where the full detail is.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"
#include "report/html_writer.hpp"

namespace estab::report {

/// The most rows a section lists in full; a section with more lists a shortlist.
constexpr std::size_t kMostRowsInFull = 50;

/// How many rows a shortlist holds.
constexpr std::size_t kShortlistRows = 25;

/// Whether a section of `rows` rows lists a shortlist instead of every row.
bool needs_shortlist(std::size_t rows);

/// The rows a section lists: every one of `rows` in its order when there are at most
/// kMostRowsInFull; otherwise the kShortlistRows that `worse` puts first, worst first (ties in
/// their order in `rows`).
template <typename Row>
std::vector<const Row*> shortlist(const std::vector<const Row*>& rows,
                                  const std::function<bool(const Row&, const Row&)>& worse);

/// Every team of the review, in file order.
std::vector<const TeamResult*> every_team(const ReviewResult& review);

/// Whether team `left` has a larger net gap (required − in post, WTE) than `right`.
bool larger_net_gap(const TeamResult& left, const TeamResult& right);

/// "Every one is in the workbook (--format xlsx) and the CSV (`csv_options`)."
std::string in_workbook_and_csv(std::string_view csv_options);

/// Writes, as a note, when `shown` < `total`: that `total` `rows_noun` are too many to list,
/// that `how_chosen` (such as "the 25 with the largest net gap") are shown, how many are left
/// out, and `where_all_are` (a sentence saying where the full detail is).
void write_left_out_note(HtmlWriter& html, std::size_t shown, std::size_t total,
                         std::string_view rows_noun, std::string_view how_chosen,
                         std::string_view where_all_are);

template <typename Row>
std::vector<const Row*> shortlist(const std::vector<const Row*>& rows,
                                  const std::function<bool(const Row&, const Row&)>& worse) {
  if (!needs_shortlist(rows.size())) return rows;
  std::vector<std::size_t> order(rows.size());
  for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
  const std::size_t kept = std::min(kShortlistRows, rows.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(),
                    [&](std::size_t left, std::size_t right) {
                      if (worse(*rows[left], *rows[right])) return true;
                      if (worse(*rows[right], *rows[left])) return false;
                      return left < right;
                    });
  std::vector<const Row*> listed;
  listed.reserve(kept);
  for (std::size_t index = 0; index < kept; ++index) listed.push_back(rows[order[index]]);
  return listed;
}

}  // namespace estab::report
