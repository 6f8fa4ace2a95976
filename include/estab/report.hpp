#pragma once
/// Renderers: results to terminal tables, CSV, JSON, Markdown, HTML and XLSX, each written to
/// a stream. They format what calc computed and never compute a figure themselves.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/diagnostic.hpp"
#include "estab/explain.hpp"
#include "estab/sensitivity.hpp"

namespace estab {

/// The output formats every command offers.
enum class OutputFormat { Table, Csv, Json, Xlsx, Html, Markdown };

/// The sections of the review's table and Markdown, in the order the review prints them.
enum class ReviewSection {
  Attention,      ///< what calls for the board's attention
  Summary,        ///< the organisation's figures and ratings
  Establishment,  ///< required WTE by line, team and service
  Gaps,           ///< the gaps and their ratings
  SkillMix,       ///< registered shares against target
  Uplift,         ///< the assumption sets and both uplifts
  Triangulation,  ///< the inpatient views of required WTE
  Professions,    ///< the organisation's figures by profession
  Sources,        ///< staff in post and budgets read from extracts
  Actuals,        ///< actuals against assumptions
  Warnings,       ///< the warnings about the input
};

/// Each review section's name on the command line ("skill-mix"), in the review's order.
const std::vector<std::pair<std::string_view, ReviewSection>>& review_section_names();

/// Options that change how a result is rendered, never what is computed.
struct RenderOptions {
  bool colour = false;                    ///< ANSI colour in tables (terminals only)
  RollupLevel level = RollupLevel::Line;  ///< the rows of establishment, gaps and review
  std::vector<ReviewSection> sections;    ///< the review's sections to print; empty: every one
  bool compact_json = false;              ///< JSON on one line, with no indentation or spaces
};

/// The review as the `estab-review/2` JSON document (also the JSON of `establishment` and `gaps`).
nlohmann::ordered_json review_to_json(const ReviewResult& review);

/// The uplift view as the `estab-uplift/1` JSON document: each distinct set of assumptions.
nlohmann::ordered_json uplift_to_json(const ReviewResult& review);

/// The finance view of absence: each distinct set of assumptions, both uplift methods, costs.
void render_uplift(std::ostream& out, const ReviewResult& review, OutputFormat format,
                   const RenderOptions& options);

/// Required WTE per line with team, service and organisation subtotals.
void render_establishment(std::ostream& out, const ReviewResult& review, OutputFormat format,
                          const RenderOptions& options);

/// Funded, in-post and required WTE, the three gaps, vacancy rate, RAG and skill mix.
void render_gaps(std::ostream& out, const ReviewResult& review, OutputFormat format,
                 const RenderOptions& options);

/// Every section of the board review, in board-paper order.
void render_review(std::ostream& out, const ReviewResult& review, OutputFormat format,
                   const RenderOptions& options);

/// The comparison as the `estab-compare/2` JSON document.
nlohmann::ordered_json comparison_to_json(const Comparison& comparison);

/// Writes the comparison as a table (changed records unless `show_all`, then the organisation),
/// as CSV (one row per record of `options.level`) or as the `estab-compare/2` JSON.
void render_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format,
                       const RenderOptions& options, bool show_all);

/// The explanation as the `estab-explain/1` JSON document.
nlohmann::ordered_json explanation_to_json(const Explanation& explanation);

/// The list of explainable lines as the `estab-explain-lines/1` JSON document.
nlohmann::ordered_json explainable_lines_to_json(const ReviewResult& review);

/// Writes an explanation: text by section (inputs with FILE:LINE, then each step as
/// `name = formula = substituted = value`), CSV (one row per step) or JSON; any other format
/// is a UsageError.
void render_explanation(std::ostream& out, const Explanation& explanation, OutputFormat format,
                        const RenderOptions& options);

/// Writes the lines that can be explained, with their required WTE, as text, CSV or JSON; any
/// other format is a UsageError.
void render_explainable_lines(std::ostream& out, const ReviewResult& review, OutputFormat format,
                              const RenderOptions& options);

/// The `estab-sensitivity/1` JSON document.
nlohmann::ordered_json sensitivity_to_json(const SensitivityResult& result);

/// The sensitivity as a tornado table, a CSV (one row per assumption) or the JSON document.
void render_sensitivity(std::ostream& out, const SensitivityResult& result, OutputFormat format,
                        const RenderOptions& options);

/// The extracts of a model as the `estab-sources/1` JSON document: each extract's
/// reconciliation, then the cost centre view.
nlohmann::ordered_json sources_to_json(const Model& model);

/// Writes where every row of each extract went and, per cost centre × profession × band,
/// funded against in post against held: as a table, Markdown, JSON, or (the cost centre view)
/// CSV.
void render_sources(std::ostream& out, const Model& model, OutputFormat format,
                    const RenderOptions& options);

/// The outcome of checking one input file, for `estab validate`.
struct ValidationResult {
  std::string file;
  bool valid = false;
  std::size_t teams = 0;             ///< of a valid file
  std::size_t lines = 0;             ///< staffing lines of a valid file
  std::size_t professions = 0;       ///< of a valid file
  std::vector<Diagnostic> problems;  ///< the input problems of an invalid file
};

/// Writes the outcome of `estab validate`: a line per valid file (problems go to standard
/// error), or one record per file as CSV or the `estab-validate/1` JSON.
void render_validation(std::ostream& out, const std::vector<ValidationResult>& results,
                       OutputFormat format, const RenderOptions& options);

}  // namespace estab
