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
//   ESTAB_FUZZ_BOUNDS=1        also check the cost bound (time and heap per input byte, see
//                              bounds.hpp) and render every output format, Markdown, HTML and
//                              XLSX included.
//
// Always checked: the text rule (every output and every message is strict UTF-8 without
// control characters other than line feed and tab) and that every JSON document dumps strictly.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bounds.hpp"
#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "estab/explain.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"

#ifndef ESTAB_FUZZ_INPUT_NAME
#define ESTAB_FUZZ_INPUT_NAME "fuzz-input.yaml"
#endif

namespace {

bool g_strict_range = false;
bool g_bounds = false;
bool g_bounds_verbose = false;  ///< ESTAB_FUZZ_BOUNDS=2: print each stage's cost
/// Bytes of output checked since the last reset: the render bound grows with them.
std::size_t g_written = 0;

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
void check_text(const std::string& output, bool input_mentions_non_finite, const std::string& what,
                bool coloured = false) {
  g_written += output.size();
  if (!input_mentions_non_finite && has_non_finite_word(lower(output))) {
    finding("'nan' or 'inf' in " + what + " output");
  }
  if (const auto breach = estab_fuzz::text_rule_breach(output, coloured)) {
    finding(what + " output breaks the text rule: " + *breach);
  }
}

/// Dumps a JSON document as the CLI does (strict: invalid UTF-8 throws) and checks the text.
void check_json_text(const nlohmann::ordered_json& value, const std::string& what) {
  std::string dumped;
  try {
    dumped = value.dump(2);
  } catch (const nlohmann::json::exception& error) {
    finding(what + " JSON does not dump: " + error.what());
  }
  check_text(dumped, true, what + " json");
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

/// With ESTAB_FUZZ_BOUNDS=1: a finding when the stage just timed broke its bound.
void check_cost(const std::string& stage, const estab_fuzz::StageClock& clock,
                double allowed_seconds, std::size_t allowed_heap_bytes) {
  if (!g_bounds) return;
  if (g_bounds_verbose) {
    std::fprintf(stderr, "==estab-fuzz== %s: %.3f s (bound %.3f s), heap %zu bytes\n",
                 stage.c_str(), clock.seconds(), allowed_seconds,
                 estab_fuzz::HeapMeter::peak_above_baseline());
  }
  if (const auto breach = estab_fuzz::cost_breach(stage, clock.seconds(), allowed_seconds,
                                                  estab_fuzz::HeapMeter::peak_above_baseline(),
                                                  allowed_heap_bytes)) {
    finding(*breach);
  }
}

/// The bound of a check (a load that succeeds, or fails with its messages) of `input_bytes`.
void check_check_cost(const estab_fuzz::StageClock& clock, std::size_t input_bytes) {
  check_cost("checking the input", clock,
             estab_fuzz::kBaseSeconds +
                 estab_fuzz::kCheckSecondsPerByte * static_cast<double>(input_bytes),
             estab_fuzz::kBaseHeapBytes + estab_fuzz::kHeapBytesPerByte * input_bytes);
}

/// Every problem of a failed load, as `estab validate` prints it in each format, keeps the text
/// rule and never shows nan or inf that the input did not spell.
void check_problems(const estab::InputError& error, std::string_view text) {
  if (error.diagnostics().empty()) finding("InputError without a diagnostic");
  const bool mentions = has_non_finite_word(lower(text));
  for (const estab::Diagnostic& diagnostic : error.diagnostics()) {
    check_text(diagnostic.to_string(), mentions, "a diagnostic");
  }
  estab::ValidationResult result;
  result.file = ESTAB_FUZZ_INPUT_NAME;
  result.problems = error.diagnostics();
  for (estab::OutputFormat format :
       {estab::OutputFormat::Table, estab::OutputFormat::Csv, estab::OutputFormat::Json}) {
    const std::string rendered = render_to_string(
        [&](std::ostream& out) { estab::render_validation(out, {result}, format); });
    check_text(rendered, mentions, "validate");
    if (format == estab::OutputFormat::Json) {
      try {
        check_json(nlohmann::ordered_json::parse(rendered), "validate");
      } catch (const nlohmann::json::exception& problem) {
        finding(std::string("validate JSON does not parse: ") + problem.what());
      }
    }
  }
}

/// With ESTAB_FUZZ_BOUNDS=1, the formats the default run leaves out: the review as Markdown,
/// HTML and XLSX, the sources view, and the explanation of every line.
void exercise_every_format(const estab::Model& model, const estab::ReviewResult& review,
                           bool mentions) {
  const estab::RenderOptions plain;
  for (estab::OutputFormat format : {estab::OutputFormat::Markdown, estab::OutputFormat::Html}) {
    const std::string rendered = render_to_string(
        [&](std::ostream& out) { estab::render_review(out, review, format, plain); });
    check_text(rendered, mentions, "review markdown/html");
  }
  g_written += render_to_string([&](std::ostream& out) {
                 estab::render_review(out, review, estab::OutputFormat::Xlsx, plain);
               }).size();
  for (estab::OutputFormat format :
       {estab::OutputFormat::Table, estab::OutputFormat::Markdown, estab::OutputFormat::Csv}) {
    const std::string rendered = render_to_string(
        [&](std::ostream& out) { estab::render_sources(out, model, format, plain); });
    check_text(rendered, mentions, "sources");
  }
  check_json_text(estab::sources_to_json(model), "sources");
  for (const estab::LineResult& line : review.lines) {
    const estab::Explanation explanation = estab::explain_line(model, line);
    check_json_text(estab::explanation_to_json(explanation), "explain");
    for (estab::OutputFormat format : {estab::OutputFormat::Table, estab::OutputFormat::Csv}) {
      const std::string rendered = render_to_string(
          [&](std::ostream& out) { estab::render_explanation(out, explanation, format, plain); });
      check_text(rendered, mentions, "explain");
    }
  }
}

void exercise(std::string_view text, const estab_fuzz::StageClock& check_clock) {
  estab::LoadOptions options;
  options.overrides = set_lines(text);
  const estab::Model model = estab::load_model_text(text, ESTAB_FUZZ_INPUT_NAME, options);
  check_check_cost(check_clock, text.size());
  const bool mentions = has_non_finite_word(lower(text));

  estab_fuzz::HeapMeter::reset_peak();
  g_written = 0;
  const estab_fuzz::StageClock render_clock;
  const estab_fuzz::StageClock review_clock;
  const estab::ReviewResult review = estab::compute_review(model);
  const double review_seconds = review_clock.seconds();
  const nlohmann::ordered_json json = estab::review_to_json(review);
  check_json(json, "review");
  check_json_text(json, "review");
  const std::string dumped = json.dump();
  check_json(nlohmann::ordered_json::parse(dumped), "review(reparsed)");

  // The same model computed twice gives the same document.
  if (estab::review_to_json(estab::compute_review(model)).dump() != dumped) {
    finding("review JSON differs between two identical runs");
  }
  check_json(estab::uplift_to_json(review), "uplift");
  check_json_text(estab::uplift_to_json(review), "uplift");
  check_json_text(estab::explainable_lines_to_json(review), "explainable lines");

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
      const bool coloured = render_options.colour;
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_review(out, review, format, render_options);
                 }),
                 mentions, std::string("review ") + name, coloured);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_establishment(out, review, format, render_options);
                 }),
                 mentions, std::string("establishment ") + name, coloured);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_gaps(out, review, format, render_options);
                 }),
                 mentions, std::string("gaps ") + name, coloured);
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_uplift(out, review, format, render_options);
                 }),
                 mentions, std::string("uplift ") + name, coloured);
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
    check_json_text(estab::comparison_to_json(comparison), "compare");
    for (estab::OutputFormat format : {estab::OutputFormat::Table, estab::OutputFormat::Csv}) {
      check_text(render_to_string([&](std::ostream& out) {
                   estab::render_comparison(out, comparison, format, render_options, true);
                 }),
                 mentions, "compare");
    }
  }
  if (g_bounds) exercise_every_format(model, review, mentions);
  check_cost("the review in every format", render_clock,
             estab_fuzz::kBaseSeconds +
                 estab_fuzz::kRenderSecondsPerByte * static_cast<double>(text.size() + g_written),
             std::numeric_limits<std::size_t>::max());

  // Sensitivity: the default 10%, and a large change chosen by the input's length.
  constexpr double kChanges[] = {0.1, 0.5, 0.9, 0.999};
  const double scaled_reviews =
      2.0 * static_cast<double>(estab::sensitivity_assumptions(model).size());
  for (double change : {estab::kDefaultSensitivityChange, kChanges[text.size() % 4]}) {
    const estab_fuzz::StageClock sensitivity_clock;
    try {
      const estab::SensitivityResult sensitivity = estab::run_sensitivity(model, change);
      check_json(estab::sensitivity_to_json(sensitivity), "sensitivity");
      check_json_text(estab::sensitivity_to_json(sensitivity), "sensitivity");
      for (estab::OutputFormat format : {estab::OutputFormat::Table, estab::OutputFormat::Csv}) {
        check_text(render_to_string([&](std::ostream& out) {
                     estab::render_sensitivity(out, sensitivity, format, render_options);
                   }),
                   mentions, "sensitivity");
      }
    } catch (const estab::InputError&) {
      // Documented: a scaled absence reaching 100% on some line.
    }
    check_cost("sensitivity", sensitivity_clock,
               estab_fuzz::kBaseSeconds +
                   estab_fuzz::kSensitivityReviewsSlack * scaled_reviews * review_seconds,
               std::numeric_limits<std::size_t>::max());
  }
}

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const char* strict = std::getenv("ESTAB_FUZZ_STRICT_RANGE");
  g_strict_range = strict != nullptr && std::string_view(strict) == "1";
  const char* bounds = std::getenv("ESTAB_FUZZ_BOUNDS");
  g_bounds =
      bounds != nullptr && (std::string_view(bounds) == "1" || std::string_view(bounds) == "2");
  g_bounds_verbose = g_bounds && std::string_view(bounds) == "2";
  if (g_bounds) estab_fuzz::HeapMeter::install();
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
  for (const std::size_t pieces : {std::size_t{2}, std::size_t{3}}) {
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
  estab_fuzz::HeapMeter::reset_peak();
  const estab_fuzz::StageClock check_clock;
  try {
    exercise(text, check_clock);
  } catch (const estab::InputError& error) {
    check_problems(error, text);
    check_check_cost(check_clock, text.size());
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
