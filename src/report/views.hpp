#pragma once
/// The bodies of the table and Markdown views, so that `review` can put them together as one
/// board paper.

#include <ostream>

#include "estab/calc.hpp"
#include "estab/report.hpp"
#include "report/view_writer.hpp"

namespace estab::report {

/// The review's sections in order, numbered as they are printed; only `sections` when it is
/// not empty (a section asked for that has nothing says so).
void write_review_sections(ViewWriter& writer, const ReviewResult& review,
                           const std::vector<ReviewSection>& sections);

/// Required WTE per line with team, service and organisation totals.
void write_establishment_table(ViewWriter& writer, const ReviewResult& review);

/// Funded, in-post and required WTE per line, the three gaps, rates and RAG, with totals.
void write_gap_table(ViewWriter& writer, const ReviewResult& review);

/// Registered shares, target, registered gap and RAG per team, service and the organisation.
void write_skill_mix_table(ViewWriter& writer, const ReviewResult& review);

/// Each distinct set of absence assumptions with both uplifts and their costs, then the
/// organisation's additive shortfall; the summary and each set are headed at `set_level`.
void write_uplift_sets(ViewWriter& writer, const ReviewResult& review, HeadingLevel set_level);

/// What the board should see first, in words, each a sentence: the red and amber lines (named,
/// with their gap), skill mix outside target, the additive convention's shortfall when it is in
/// use, actual absence above the assumption, and how many warnings there are. Empty when
/// nothing calls for attention.
std::vector<std::string> attention_items(const ReviewResult& review);

/// True when the review has any actual (absence, bank and agency hours or leavers).
bool review_has_actuals(const ReviewResult& review);

/// True when a roll-up has any actual: absence, bank and agency hours or leavers.
bool totals_have_actuals(const Totals& totals);

/// One column of the table of actuals against assumptions, the same in every format: a figure
/// as text, or a rating.
struct ActualsColumn {
  std::string_view header;
  std::string (*text)(const Totals& totals) = nullptr;  ///< null for a rating column
  Rag (*rating)(const Totals& totals) = nullptr;        ///< only for a rating column
};

/// The columns of the actuals table after the team's name, in order.
const std::vector<ActualsColumn>& actuals_columns();

/// What the actuals table's figures mean, for the note beneath it.
extern const char* const kActualsNote;

/// The summary's sentence on headroom: assumed against actual absence and what the gap costs;
/// "" without an actual absence.
std::string actuals_summary_line(const ReviewResult& review);

/// The summary's line on headroom (actuals_summary_line), when there is one.
void write_actuals_summary(ViewWriter& writer, const ReviewResult& review);

/// Per team with actuals, then the organisation: absence assumed against actual, the headroom
/// gap and its cost, the temporary share of worked time, agency hours, premium and leavers.
void write_actuals_table(ViewWriter& writer, const ReviewResult& review);

/// The CSV or JSON shared by `establishment`, `gaps` and `review` (the lines CSV or a roll-up,
/// and the `estab-review/2` document); the table and Markdown formats are each view's own.
void write_review_data(std::ostream& out, const ReviewResult& review, OutputFormat format,
                       const RenderOptions& options);

}  // namespace estab::report
