// libFuzzer target: arbitrary bytes as an estab input file, through load → calc → every report.
//
// The input is the YAML text. Each line that starts with "#set " (a YAML comment, so the parser
// ignores it) is also passed as a `--set` override, e.g. "#set assumptions.sickness=5%".
//
// Expected outcomes are a loaded model, or one of the documented exceptions: InputError,
// FileError, UsageError, and std::range_error (the loud arithmetic guard). Everything else is a
// finding and aborts: any other exception, a sanitizer report, a hang, a leak, a non-finite
// number in any JSON document, "nan"/"inf" in a table or CSV, output that changes between two
// identical runs, a review that differs from itself under compare, or a file that reads
// differently when its teams list is cut into pieces for parallel parsing.
//
// Environment:
//   ESTAB_FUZZ_STRICT_RANGE=1  treat std::range_error as a finding too (input limits are meant
//                              to make the guard unreachable).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"

#ifndef ESTAB_FUZZ_INPUT_NAME
#define ESTAB_FUZZ_INPUT_NAME "fuzz-input.yaml"
#endif

namespace {

bool g_strict_range = false;

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "\n==estab-fuzz== FINDING: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

/// Every number in a JSON document must be finite (nlohmann would dump NaN and inf as null).
void check_json(const nlohmann::ordered_json& value, const std::string& where) {
  if (value.is_number_float()) {
    if (!std::isfinite(value.get<double>())) finding("non-finite number in JSON at " + where);
  } else if (value.is_object()) {
    for (auto item = value.begin(); item != value.end(); ++item) {
      check_json(item.value(), where + "." + item.key());
    }
  } else if (value.is_array()) {
    std::size_t index = 0;
    for (const auto& item : value) check_json(item, where + "[" + std::to_string(index++) + "]");
  }
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// True when `text` holds "nan" or "inf" as a whole word (how fmt and iostreams print them).
bool has_non_finite_word(const std::string& lowered) {
  for (std::string_view word : {"nan", "inf", "infinity"}) {
    for (std::size_t at = lowered.find(word); at != std::string::npos;
         at = lowered.find(word, at + 1)) {
      const bool starts = at == 0 || !is_word_char(lowered[at - 1]);
      const std::size_t end = at + word.size();
      const bool ends = end == lowered.size() || !is_word_char(lowered[end]);
      if (starts && ends) return true;
    }
  }
  return false;
}

/// Renders text output; when the input itself never spells nan or inf, neither may the output.
void check_text(const std::string& output, bool input_mentions_non_finite,
                const std::string& what) {
  if (!input_mentions_non_finite && has_non_finite_word(lower(output))) {
    finding("'nan' or 'inf' in " + what + " output");
  }
}

std::vector<std::string> set_lines(std::string_view text) {
  std::vector<std::string> overrides;
  std::size_t start = 0;
  while (start < text.size() && overrides.size() < 8) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    constexpr std::string_view kMarker = "#set ";
    if (line.substr(0, kMarker.size()) == kMarker) {
      overrides.emplace_back(line.substr(kMarker.size()));
    }
    start = end + 1;
  }
  return overrides;
}

template <typename Render>
std::string render_to_string(Render render) {
  std::ostringstream out;
  render(out);
  return out.str();
}

void exercise(std::string_view text) {
  estab::LoadOptions options;
  options.overrides = set_lines(text);
  const estab::Model model = estab::load_model_text(text, ESTAB_FUZZ_INPUT_NAME, options);
  const bool mentions = has_non_finite_word(lower(text));

  const estab::ReviewResult review = estab::compute_review(model);
  const nlohmann::ordered_json json = estab::review_to_json(review);
  check_json(json, "review");
  const std::string dumped = json.dump();
  check_json(nlohmann::ordered_json::parse(dumped), "review(reparsed)");

  // The same model computed twice gives the same document.
  if (estab::review_to_json(estab::compute_review(model)).dump() != dumped) {
    finding("review JSON differs between two identical runs");
  }
  check_json(estab::uplift_to_json(review), "uplift");

  estab::RenderOptions render_options;
  for (estab::OutputFormat format :
       {estab::OutputFormat::Table, estab::OutputFormat::Csv, estab::OutputFormat::Json}) {
    const char* name = format == estab::OutputFormat::Table ? "table"
                       : format == estab::OutputFormat::Csv ? "csv"
                                                            : "json";
    for (estab::RollupLevel level :
         {estab::RollupLevel::Line, estab::RollupLevel::Team, estab::RollupLevel::Service,
          estab::RollupLevel::Organisation}) {
      if (format != estab::OutputFormat::Csv && level != estab::RollupLevel::Line) continue;
      render_options.level = level;
      render_options.colour = format == estab::OutputFormat::Table;
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_review(out, review, format, render_options);
                 }),
                 mentions, std::string("review ") + name);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_establishment(out, review, format, render_options);
                 }),
                 mentions, std::string("establishment ") + name);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_gaps(out, review, format, render_options);
                 }),
                 mentions, std::string("gaps ") + name);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_uplift(out, review, format, render_options);
                 }),
                 mentions, std::string("uplift ") + name);
    }
  }

  // A review compared with itself: every record the same, every delta zero.
  {
    const estab::Comparison self = estab::compare_reviews(review, review, "a.yaml", "a.yaml");
    check_json(estab::comparison_to_json(self), "compare(self)");
    auto check_records = [](const std::vector<estab::ComparedRecord>& records) {
      for (const estab::ComparedRecord& record : records) {
        if (record.status != estab::CompareStatus::Same) {
          finding("a review compared with itself has a record that is not 'same'");
        }
        for (const estab::FieldChange& field : record.fields()) {
          if (field.delta && *field.delta != 0.0) {
            finding("a review compared with itself has a non-zero delta for " +
                    std::string(field.field));
          }
        }
      }
    };
    check_records(self.lines);
    check_records(self.teams);
    check_records(self.services);
    check_records({self.organisation});
  }

  // A scaled review (what compare of a scenario sees), compared with the base.
  {
    estab::Scaling scaling;
    scaling.target = estab::Scaling::Target::Demand;
    scaling.factor = 1.5;
    const estab::ReviewResult scaled = estab::compute_review(model, scaling);
    check_json(estab::review_to_json(scaled), "review(demand x1.5)");
    const estab::Comparison comparison =
        estab::compare_reviews(review, scaled, "base.yaml", "scenario.yaml");
    check_json(estab::comparison_to_json(comparison), "compare");
    for (estab::OutputFormat format : {estab::OutputFormat::Table, estab::OutputFormat::Csv}) {
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_comparison(out, comparison, format, render_options, true);
                 }),
                 mentions, "compare");
    }
  }

  // Sensitivity: the default 10%, and a large change chosen by the input's length.
  constexpr double kChanges[] = {0.1, 0.5, 0.9, 0.999};
  for (double change : {estab::kDefaultSensitivityChange, kChanges[text.size() % 4]}) {
    try {
      const estab::SensitivityResult sensitivity = estab::run_sensitivity(model, change);
      check_json(estab::sensitivity_to_json(sensitivity), "sensitivity");
      for (estab::OutputFormat format : {estab::OutputFormat::Table, estab::OutputFormat::Csv}) {
        check_text(render_to_string([&](std::ostream& out) {
                     estab::render_sensitivity(out, sensitivity, format, render_options);
                   }),
                   mentions, "sensitivity");
      }
    } catch (const estab::InputError&) {
      // Documented: a scaled absence reaching 100% on some line.
    }
  }
}

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const char* strict = std::getenv("ESTAB_FUZZ_STRICT_RANGE");
  g_strict_range = strict != nullptr && std::string_view(strict) == "1";
  return 0;
}

/// A file read in pieces must be the very tree read whole, or be declined; a file that does not
/// parse whole must always be declined. Lists of any length are cut here (at least one item per
/// piece), so that short fuzz inputs reach the cutting logic that large files use.
void check_pieces(std::string_view text) {
  std::optional<estab::Document> whole;
  try {
    whole = estab::Document::parse(text, 0, ESTAB_FUZZ_INPUT_NAME);
  } catch (const estab::InputError&) {
  }
  for (const std::size_t pieces : {2, 3}) {
    std::optional<estab::Document> split;
    try {
      split = estab::Document::parse_in_pieces(text, 0, ESTAB_FUZZ_INPUT_NAME, pieces, 1);
    } catch (const std::exception& error) {
      finding(std::string("parse_in_pieces threw: ") + error.what());
    }
    if (!split) continue;
    if (!whole) finding("a file that does not parse whole was read in pieces");
    if (!split->same_tree(*whole))
      finding("a file read in pieces differs from the file read whole");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // `extends` may name any file. Device and process files test the operating system, not
  // estab (and /dev/zero or /dev/stdin never end), so such inputs are left out of the corpus.
  for (std::string_view special : {"/dev", "/proc", "/sys"}) {
    if (text.find(special) != std::string_view::npos) return -1;
  }
  check_pieces(text);
  try {
    exercise(text);
  } catch (const estab::InputError& error) {
    if (error.diagnostics().empty()) finding("InputError without a diagnostic");
    // A diagnostic must never show a figure as nan or inf when the input did not.
    if (!has_non_finite_word(lower(text))) {
      for (const estab::Diagnostic& diagnostic : error.diagnostics()) {
        if (has_non_finite_word(lower(diagnostic.to_string()))) {
          finding("'nan' or 'inf' in a diagnostic: " + diagnostic.to_string());
        }
      }
    }
  } catch (const estab::FileError&) {
  } catch (const estab::UsageError&) {
  } catch (const std::range_error& error) {
    if (g_strict_range) finding(std::string("std::range_error: ") + error.what());
  } catch (const std::exception& error) {
    finding(std::string("unexpected exception: ") + error.what());
  } catch (...) {
    finding("unexpected non-standard exception");
  }
  return 0;
}
