// `estab validate`: check files and report every problem, or a one-line summary per file.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "cli/commands.hpp"
#include "estab/load.hpp"
#include "report/csv_writer.hpp"

namespace estab::cli {

namespace {

std::size_t count_lines(const Model& model) {
  std::size_t lines = 0;
  for (const Team& team : model.teams) lines += team.lines.size();
  return lines;
}

/// "1 team", "2 teams".
std::string counted(std::size_t count, const char* noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& problem) {
  nlohmann::ordered_json entry;
  entry["file"] = problem.file;
  entry["line"] = problem.line;
  entry["column"] = problem.column;
  entry["path"] = problem.path;
  entry["message"] = problem.message;
  return entry;
}

}  // namespace

ExitCode run_validate(const std::vector<std::string>& files, OutputFormat format,
                      const LoadOptions& load_options, const std::string& output_file,
                      Console& console) {
  std::ostringstream rendered;
  ExitCode worst = ExitCode::Success;
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const std::string& file : files) {
    nlohmann::ordered_json result;
    result["file"] = file;
    try {
      const Model model = load_model_file(file, load_options);
      result["valid"] = true;
      result["teams"] = model.teams.size();
      result["lines"] = count_lines(model);
      result["problems"] = nlohmann::ordered_json::array();
      if (format == OutputFormat::Table) {
        rendered << fmt::format("{}: ok ({}, {}, {})\n", file,
                                counted(model.teams.size(), "team"),
                                counted(count_lines(model), "staffing line"),
                                counted(model.professions.size(), "profession"));
      }
    } catch (const InputError& error) {
      result["valid"] = false;
      result["teams"] = nullptr;
      result["lines"] = nullptr;
      result["problems"] = nlohmann::ordered_json::array();
      for (const Diagnostic& problem : error.diagnostics()) {
        result["problems"].push_back(diagnostic_json(problem));
      }
      report_failure(console);
      if (worst == ExitCode::Success) worst = ExitCode::InvalidInput;
    } catch (...) {
      result["valid"] = false;
      result["teams"] = nullptr;
      result["lines"] = nullptr;
      result["problems"] = nlohmann::ordered_json::array();
      const ExitCode failure = report_failure(console);
      if (to_int(failure) > to_int(worst)) worst = failure;
    }
    results.push_back(result);
  }
  if (format == OutputFormat::Json) {
    nlohmann::ordered_json document;
    document["schema"] = "estab-validate/1";
    document["files"] = results;
    rendered << document.dump(2) << '\n';
  } else if (format == OutputFormat::Csv) {
    report::write_csv_header(rendered, {"file", "valid", "teams", "lines", "problems"});
    for (const auto& result : results) {
      auto count = [](const nlohmann::ordered_json& value) {
        return value.is_null() ? std::optional<double>()
                               : std::optional<double>(value.get<double>());
      };
      report::write_csv_record(
          rendered,
          {report::csv_text(result["file"].get<std::string>()),
           report::csv_boolean(result["valid"].get<bool>()), report::csv_number(count(result["teams"])),
           report::csv_number(count(result["lines"])),
           report::csv_number(static_cast<double>(result["problems"].size()))});
    }
  }
  const std::string text = rendered.str();
  const ExitCode delivered =
      deliver([&](std::ostream& out) { out << text; }, output_file, console);
  return delivered == ExitCode::Success ? worst : delivered;
}

}  // namespace estab::cli
