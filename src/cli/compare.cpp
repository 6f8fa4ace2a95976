// `estab compare BASE SCENARIO`: both files loaded and reviewed, the `--set` overrides applied
// to the scenario only, the comparison rendered and delivered atomically.
#include <malloc.h>  // mallopt, malloc_trim (glibc)

#include <ostream>
#include <utility>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"

namespace estab::cli {

namespace {

/// Allocations from this size up are mapped on their own (glibc's default starting threshold).
constexpr int kLargeBlockBytes = 128 * 1024;

}  // namespace

ExitCode run_compare_command(const std::string& base_file, const std::string& scenario_file,
                             OutputFormat format, RollupLevel level, bool show_all,
                             const std::string& output_file, const LoadOptions& scenario_options,
                             Console& console) {
  // Large blocks (the input text, the document's node chunks) are mapped and unmapped on their
  // own, so that what the base side frees goes back to the system before the scenario is read;
  // glibc would otherwise raise its threshold and keep them, and the two sides' peaks would add
  // up in the process's memory.
  mallopt(M_MMAP_THRESHOLD, kLargeBlockBytes);
  // Each side is reduced to its comparable records as soon as it is computed, so that only one
  // model and one review are held at a time.
  check_output_is_not_input(output_file, {base_file, scenario_file});
  LoadOptions base_options;  // the overrides are the scenario's; strictness holds for both
  base_options.warnings_are_errors = scenario_options.warnings_are_errors;
  base_options.every_problem = scenario_options.every_problem;
  std::vector<std::string> read;  // every file read, bases included
  const auto comparable_side = [&read, &console](const std::string& file,
                                                 const LoadOptions& options) {
    ComparableReview comparable;
    {
      const Model model = load_model_file(file, options);
      print_warnings(model, console);
      read.insert(read.end(), model.files.begin(), model.files.end());
      comparable = comparable_review(model);
    }
    // The model and the review are freed; hand their pages back before the next side is read,
    // rather than leave them in the heap between the records kept.
    malloc_trim(0);
    return comparable;
  };
  ComparableReview base = comparable_side(base_file, base_options);
  ComparableReview scenario = comparable_side(scenario_file, scenario_options);
  const Comparison comparison =
      compare_reviews(std::move(base), std::move(scenario), base_file, scenario_file);

  RenderOptions options;
  options.level = level;
  options.compact_json = console.compact_json;
  options.colour = output_file.empty() && console.out_is_terminal && console.colour_allowed &&
                   format == OutputFormat::Table;
  return deliver(
      [&](std::ostream& out) { render_comparison(out, comparison, format, options, show_all); },
      output_file, read, console);
}

}  // namespace estab::cli
