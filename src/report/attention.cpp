// What a board should see first: the red and amber lines and teams with the figure behind each
// rating, skill mix outside its target, the additive uplift convention's shortfall, actual
// absence above the assumption, and the warnings, in plain words.

#include <fmt/format.h>

#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/views.hpp"

namespace estab::report {

namespace {

/// At most this many lines of one rating, or teams outside their skill-mix target, are named;
/// the rest are counted.
constexpr std::size_t kMostNamedLines = 8;

/// One item per staffing line of `rag` ("Red: CLDT North / Nurse, 0.27 WTE short (14.5% of
/// required)."), at most kMostNamedLines, then how many more.
void add_line_ratings(std::vector<std::string>& items, const ReviewResult& review, Rag rag) {
  const std::string rating = rag == Rag::Red ? "Red" : "Amber";
  std::size_t count = 0;
  for (const LineResult& line : review.lines) {
    if (line.gap_rag != rag) continue;
    if (++count <= kMostNamedLines) {
      items.push_back(fmt::format("{}: {}, {} WTE short ({} of required).", rating,
                                  line_label(line), format_wte(line.net_gap_wte),
                                  format_percent(line.net_gap_rate)));
    }
  }
  if (count > kMostNamedLines) {
    items.push_back(fmt::format("{}: {} more staffing lines (see Gaps and RAG).", rating,
                                count - kMostNamedLines));
  }
}

}  // namespace

std::vector<std::string> attention_items(const ReviewResult& review) {
  std::vector<std::string> items;
  add_line_ratings(items, review, Rag::Red);
  add_line_ratings(items, review, Rag::Amber);
  std::size_t skill_mix_teams = 0;
  for (const TeamResult& team : review.teams) {
    const Totals& totals = team.totals;
    if (totals.skill_mix_rag != Rag::Amber && totals.skill_mix_rag != Rag::Red) continue;
    if (++skill_mix_teams > kMostNamedLines) continue;
    items.push_back(fmt::format(
        "Skill mix {}: {}, registered share in post {} against a target of {}.",
        rag_name(totals.skill_mix_rag), team.team->name,
        format_percent(totals.registered_share_in_post), format_percent(totals.registered_target)));
  }
  if (skill_mix_teams > kMostNamedLines) {
    items.push_back(
        fmt::format("Skill mix: {} more teams outside their target (see Registered "
                    "skill mix).",
                    skill_mix_teams - kMostNamedLines));
  }
  const Model& model = model_of(review);
  const Totals& organisation = review.organisation;
  if (model.review.uplift_method.value == UpliftMethod::Additive &&
      organisation.additive_shortfall_wte > 0.005) {
    items.push_back(fmt::format(
        "The additive uplift convention is in use: it funds {} WTE{} less than the absence "
        "needs (the exact uplift).",
        format_wte(organisation.additive_shortfall_wte),
        organisation.additive_shortfall_cost
            ? fmt::format(", {},", format_money(*organisation.additive_shortfall_cost))
            : std::string()));
  }
  if (const AbsenceActuals& actuals = organisation.actuals;
      actuals.headroom_gap_wte && *actuals.headroom_gap_wte > 0.005) {
    items.push_back(fmt::format(
        "Actual absence ran above the assumption: at actual absence the organisation needs {} "
        "WTE more{}.",
        format_wte(*actuals.headroom_gap_wte),
        actuals.headroom_gap_cost ? ", " + format_money(*actuals.headroom_gap_cost)
                                  : std::string()));
  }
  const std::size_t warnings = review.warnings.size() + model_of(review).warnings.size() +
                               model_of(review).unlisted_warnings;
  if (warnings > 0) {
    items.push_back(fmt::format("{} warning{} about the input: see Warnings.", warnings,
                                warnings == 1 ? "" : "s"));
  }
  return items;
}

}  // namespace estab::report
