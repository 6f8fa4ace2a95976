// `estab explain FILE [--team T --profession P]`: the file loaded (with any `--set` overrides) and
// reviewed, then one line's arithmetic explained step by step, or, without a team and a
// profession, the lines that can be explained; rendered and delivered atomically.
#include <ostream>

#include "cli/scenario_commands.hpp"
#include "estab/calc.hpp"
#include "estab/diagnostic.hpp"
#include "estab/explain.hpp"
#include "estab/load.hpp"

namespace estab::cli {

namespace {

/// Throws UsageError when only one of the team and the profession is given.
void check_line_selection(const std::string& team, const std::string& profession) {
  const char* both_or_neither =
      "give both to explain one line, or neither to list the lines that can be explained";
  if (!team.empty() && profession.empty()) {
    throw UsageError(std::string("--team needs --profession: ") + both_or_neither);
  }
  if (team.empty() && !profession.empty()) {
    throw UsageError(std::string("--profession needs --team: ") + both_or_neither);
  }
}

}  // namespace

ExitCode run_explain_command(const std::string& input_file, const std::string& team,
                             const std::string& profession, OutputFormat format,
                             const std::string& output_file, const LoadOptions& load_options,
                             Console& console) {
  check_line_selection(team, profession);  // a usage problem is reported before the file is read
  check_output_is_not_input(output_file, {input_file});
  LoadOptions citing = load_options;
  citing.cite_rows = true;  // the rows behind each sourced figure are cited
  const Model model = load_model_file(input_file, citing);
  print_warnings(model, console);
  const ReviewResult review = compute_review(model);

  RenderOptions options;
  options.compact_json = console.compact_json;
  options.colour = output_file.empty() && console.out_is_terminal && console.colour_allowed &&
                   format == OutputFormat::Table;
  if (team.empty()) {
    return deliver(
        [&](std::ostream& out) { render_explainable_lines(out, review, format, options); },
        output_file, model.files, console);
  }
  const Explanation explanation = explain_line(review, team, profession);
  return deliver([&](std::ostream& out) { render_explanation(out, explanation, format, options); },
                 output_file, model.files, console);
}

}  // namespace estab::cli
