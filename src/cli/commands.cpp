// The commands: load, compute, render, deliver; and the one place failures become exit codes.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <exception>
#include <sstream>

#include "cli/atomic_file.hpp"
#include "estab/calc.hpp"
#include "estab/load.hpp"

namespace estab::cli {

namespace {

void print_problems(const InputError& error, Console& console) {
  const std::vector<Diagnostic>& problems = error.diagnostics();
  for (const Diagnostic& problem : problems) console.err << problem.to_string() << '\n';
  const std::string file = problems.empty() ? std::string() : problems.front().file;
  console.err << fmt::format("estab: {} {} in {}\n", problems.size(),
                             problems.size() == 1 ? "problem" : "problems", file);
}

}  // namespace

ExitCode report_failure(Console& console) {
  try {
    throw;
  } catch (const InputError& error) {
    print_problems(error, console);
    return ExitCode::InvalidInput;
  } catch (const FileError& error) {
    console.err << "estab: error: " << error.what() << '\n';
    return ExitCode::FileAccess;
  } catch (const UsageError& error) {
    console.err << "estab: error: " << error.what() << '\n';
    return ExitCode::Usage;
  } catch (const std::bad_alloc&) {
    console.err << "estab: error: out of memory\n";
    return ExitCode::FileAccess;
  } catch (const std::exception& error) {
    console.err << "estab: internal error: " << error.what() << '\n';
    return ExitCode::InvalidInput;
  }
}

ExitCode deliver(const std::string& contents, const std::string& output_file, Console& console) {
  if (!output_file.empty()) {
    write_file_atomically(output_file, contents);
    return ExitCode::Success;
  }
  console.out << contents;
  console.out.flush();
  if (!console.out) {
    console.err << "estab: error: cannot write to standard output\n";
    return ExitCode::FileAccess;
  }
  return ExitCode::Success;
}

ExitCode run_report(const ReportRequest& request, Console& console) {
  const Model model = load_model_file(request.input_file);
  const ReviewResult review = compute_review(model);
  RenderOptions options;
  options.level = request.level;
  options.colour = request.output_file.empty() && console.out_is_terminal &&
                   console.colour_allowed && request.format == OutputFormat::Table;
  std::ostringstream rendered;
  switch (request.kind) {
    case ReportKind::Uplift: render_uplift(rendered, review, request.format, options); break;
    case ReportKind::Establishment:
      render_establishment(rendered, review, request.format, options);
      break;
    case ReportKind::Gaps: render_gaps(rendered, review, request.format, options); break;
    case ReportKind::Review: render_review(rendered, review, request.format, options); break;
  }
  return deliver(rendered.str(), request.output_file, console);
}

}  // namespace estab::cli
