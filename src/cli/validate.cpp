// `estab validate`: check files and report every problem, or a one-line summary per file.
#include <fmt/format.h>

#include <sstream>

#include "cli/commands.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"

namespace estab::cli {

ExitCode run_validate(const std::vector<std::string>& files, OutputFormat format,
                      const LoadOptions& load_options, const std::string& output_file,
                      Console& console) {
  check_output_is_not_input(output_file, files);
  ExitCode worst = ExitCode::Success;
  std::vector<ValidationResult> results;
  std::vector<std::string> read = files;  // every file read, bases included
  for (const std::string& file : files) {
    ValidationResult& result = results.emplace_back();
    result.file = file;
    try {
      const Model model = load_model_file(file, load_options);
      print_warnings(model, console);
      read.insert(read.end(), model.files.begin(), model.files.end());
      result.valid = true;
      result.teams = model.teams.size();
      for (const Team& team : model.teams) result.lines += team.lines.size();
      result.professions = model.professions.size();
    } catch (const InputError& error) {
      result.problems = error.diagnostics();
      if (error.unlisted() > 0) {
        result.problems.push_back(
            {file, 0, 0, "",
             fmt::format("… and {} more {} (--all-errors lists every one)", error.unlisted(),
                         error.unlisted() == 1 ? "problem" : "problems"),
             false});
      }
      report_failure(console);
      if (worst == ExitCode::Success) worst = ExitCode::InvalidInput;
    } catch (...) {
      const ExitCode failure = report_failure(console);
      if (to_int(failure) > to_int(worst)) worst = failure;
    }
  }
  std::ostringstream rendered;
  RenderOptions options;
  options.compact_json = console.compact_json;
  render_validation(rendered, results, format, options);
  const std::string text = rendered.str();
  const ExitCode delivered =
      deliver([&](std::ostream& out) { out << text; }, output_file, read, console);
  return delivered == ExitCode::Success ? worst : delivered;
}

}  // namespace estab::cli
