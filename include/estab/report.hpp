#pragma once
/// Renderers: review results to terminal tables, CSV and JSON, each written to a stream.

#include <ostream>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"

namespace estab {

/// The output formats every command offers.
enum class OutputFormat { Table, Csv, Json, Xlsx, Html, Markdown };

/// Which records a CSV holds: staffing lines, or one roll-up level.
enum class RollupLevel { Line, Team, Service, Organisation };

/// Options that change how a result is rendered, never what is computed.
struct RenderOptions {
  bool colour = false;                    ///< ANSI colour in tables (terminals only)
  RollupLevel level = RollupLevel::Line;  ///< CSV records for establishment, gaps and review
};

/// The review as the `estab-review/1` JSON document (also the JSON of `establishment` and `gaps`).
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

}  // namespace estab
