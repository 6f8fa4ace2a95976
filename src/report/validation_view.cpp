// `estab validate`'s output: a line per valid file, or one record per file as CSV or the
// `estab-validate/1` JSON.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "estab/report.hpp"
#include "report/csv_writer.hpp"
#include "report/json_support.hpp"

namespace estab {

namespace {

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

nlohmann::ordered_json validation_json(const std::vector<ValidationResult>& results) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const ValidationResult& result : results) {
    nlohmann::ordered_json entry;
    entry["file"] = result.file;
    entry["valid"] = result.valid;
    entry["teams"] = result.valid ? nlohmann::ordered_json(result.teams) : nullptr;
    entry["lines"] = result.valid ? nlohmann::ordered_json(result.lines) : nullptr;
    entry["problems"] = nlohmann::ordered_json::array();
    for (const Diagnostic& problem : result.problems) {
      entry["problems"].push_back(diagnostic_json(problem));
    }
    files.push_back(std::move(entry));
  }
  nlohmann::ordered_json document;
  document["schema"] = "estab-validate/1";
  document["files"] = std::move(files);
  return document;
}

void write_validation_csv(std::ostream& out, const std::vector<ValidationResult>& results) {
  report::write_csv_header(out, {"file", "valid", "teams", "lines", "problems"});
  for (const ValidationResult& result : results) {
    const auto count = [&result](std::size_t value) {
      return result.valid ? std::optional<double>(static_cast<double>(value)) : std::nullopt;
    };
    report::write_csv_record(
        out, {report::csv_text(result.file), report::csv_boolean(result.valid),
              report::csv_number(count(result.teams)), report::csv_number(count(result.lines)),
              report::csv_number(static_cast<double>(result.problems.size()))});
  }
}

}  // namespace

void render_validation(std::ostream& out, const std::vector<ValidationResult>& results,
                       OutputFormat format, const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Json:
      report::write_json(out, validation_json(results), options.compact_json);
      return;
    case OutputFormat::Csv: write_validation_csv(out, results); return;
    default: break;
  }
  for (const ValidationResult& result : results) {
    if (!result.valid) continue;
    out << fmt::format("{}: ok ({}, {}, {})\n", result.file, counted(result.teams, "team"),
                       counted(result.lines, "staffing line"),
                       counted(result.professions, "profession"));
  }
}

}  // namespace estab
