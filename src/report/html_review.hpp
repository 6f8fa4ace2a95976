#pragma once
/// The board review as one self-contained HTML5 page: inline CSS and SVG, no script, nothing
/// fetched, laid out for A4.

#include <ostream>

#include "estab/calc.hpp"
#include "report/html_writer.hpp"

namespace estab::report {

/// Writes the whole board paper: title block, summary, teams and RAG, skill mix, uplift,
/// inpatient triangulation, warnings, and the assumptions with their sources.
void write_review_html(std::ostream& out, const ReviewResult& review);

/// Writes the section of assumptions: review settings, the organisation's absence defaults,
/// and every override with the level that states it.
void write_assumptions_section(HtmlWriter& html, const ReviewResult& review);

/// Writes the section of teams and RAG ratings: each team under its service with the
/// service's total, and the organisation's figures by profession.
void write_teams(HtmlWriter& html, const ReviewResult& review);

/// Writes the section of absence and uplift: the organisation's absence by component against
/// the uplift funded, then each distinct set of assumptions named by the teams and professions
/// whose lines use it.
void write_uplift_section(HtmlWriter& html, const ReviewResult& review);

/// Writes the section of actuals against assumptions under `heading`, when the review has any
/// actual; returns whether it did.
bool write_actuals_html(HtmlWriter& html, const ReviewResult& review, std::string_view heading);

/// Throws UsageError: HTML is offered by `review` only (the board paper).
[[noreturn]] void refuse_html();

/// Opens `<section id=…>` with its `<h2>` heading; close it with html.close().
void open_section(HtmlWriter& html, std::string_view id, std::string_view heading);

}  // namespace estab::report
