// `estab compare BASE SCENARIO`: both files loaded and reviewed, the `--set` overrides applied
// to the scenario only, the comparison rendered and delivered atomically.
#include <ostream>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/load.hpp"

namespace estab::cli {

ExitCode run_compare_command(const std::string& base_file, const std::string& scenario_file,
                             OutputFormat format, RollupLevel level, bool show_all,
                             const std::string& output_file, const LoadOptions& scenario_options,
                             Console& console) {
  const Model base_model = load_model_file(base_file);
  const Model scenario_model = load_model_file(scenario_file, scenario_options);
  const ReviewResult base_review = compute_review(base_model);
  const ReviewResult scenario_review = compute_review(scenario_model);
  const Comparison comparison =
      compare_reviews(base_review, scenario_review, base_file, scenario_file);

  RenderOptions options;
  options.level = level;
  options.colour = output_file.empty() && console.out_is_terminal && console.colour_allowed &&
                   format == OutputFormat::Table;
  return deliver(
      [&](std::ostream& out) { render_comparison(out, comparison, format, options, show_all); },
      output_file, console);
}

}  // namespace estab::cli
