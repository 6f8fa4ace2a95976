#pragma once
/// Pieces of the JSON documents shared by the review and uplift renderers.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "estab/calc.hpp"
#include "estab/compare.hpp"

namespace estab::report {

/// Sets `object[key]` to a finite number; throws std::logic_error for NaN or infinity.
void set_number(nlohmann::ordered_json& object, std::string_view key, double value);

/// Sets `object[key]` to a finite number or null.
void set_number(nlohmann::ordered_json& object, std::string_view key,
                const std::optional<double>& value);

/// Sets `object[key]` to a string or null.
void set_text(nlohmann::ordered_json& object, std::string_view key,
              const std::optional<std::string>& value);

/// The `review` object: organisation, title, period, uplift_method and the time base.
nlohmann::ordered_json review_settings_json(const Model& model);

/// The `sources` list: each extract's reconciliation, with its unmapped rows.
nlohmann::ordered_json sources_json(const Model& model);

/// Writes a document indented by two spaces or, when `compact`, on one line with no spaces
/// between tokens; either way ending with a newline.
void write_json(std::ostream& out, const nlohmann::ordered_json& document, bool compact);

/// Writes comparison_to_json(comparison) as write_json does, byte for byte, one record at a time.
void write_comparison_json(std::ostream& out, const Comparison& comparison, bool compact);

/// Writes review_to_json(review) as write_json does, byte for byte, one list item at a time.
void write_review_json(std::ostream& out, const ReviewResult& review, bool compact);

}  // namespace estab::report
