// The shortlists of the board paper for a large organisation: which rows a long section keeps,
// and the note saying how many it leaves out and where the full detail is.

#include "report/html_shortlist.hpp"

#include <fmt/format.h>

#include <string>

#include "report/text_format.hpp"

namespace estab::report {

bool needs_shortlist(std::size_t rows) {
  return rows > kMostRowsInFull;
}

std::vector<const TeamResult*> every_team(const ReviewResult& review) {
  std::vector<const TeamResult*> teams;
  teams.reserve(review.teams.size());
  for (const TeamResult& team : review.teams) teams.push_back(&team);
  return teams;
}

bool larger_net_gap(const TeamResult& left, const TeamResult& right) {
  return left.totals.net_gap_wte > right.totals.net_gap_wte;
}

std::string in_workbook_and_csv(std::string_view csv_options) {
  return fmt::format("Every one is in the workbook (--format xlsx) and the CSV ({}).", csv_options);
}

void write_left_out_note(HtmlWriter& html, std::size_t shown, std::size_t total,
                         std::string_view rows_noun, std::string_view how_chosen,
                         std::string_view where_all_are) {
  if (shown >= total) return;
  const auto count = [](std::size_t number) { return group_thousands(std::to_string(number)); };
  html.element(
      "p",
      fmt::format("{} {} are too many to list here: {} are shown, and the other {} are "
                  "left out. {}",
                  count(total), rows_noun, how_chosen, count(total - shown), where_all_are),
      {{"class", "note left-out"}});
}

}  // namespace estab::report
