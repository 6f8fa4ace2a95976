// `estab sources FILE`: where every row of each extract went.
#include "cli/commands.hpp"

namespace estab::cli {

ExitCode run_sources_command(const std::string& input_file, OutputFormat format,
                             const std::string& output_file, const LoadOptions& load_options,
                             Console& console) {
  check_output_is_not_input(output_file, {input_file});
  const Model model = load_model_file(input_file, load_options);
  print_warnings(model, console);
  RenderOptions options;
  options.compact_json = console.compact_json;
  options.colour = output_file.empty() && console.out_is_terminal && console.colour_allowed &&
                   format == OutputFormat::Table;
  return deliver([&](std::ostream& out) { render_sources(out, model, format, options); },
                 output_file, model.files, console);
}

}  // namespace estab::cli
