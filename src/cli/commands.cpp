// The commands: load, compute, render, deliver; and the one place failures become exit codes.
#include "cli/commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <stdexcept>

#include "cli/atomic_file.hpp"
#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "estab/text.hpp"

namespace estab::cli {

namespace {

void print_problems(const InputError& error, Console& console) {
  const std::vector<Diagnostic>& problems = error.diagnostics();
  for (const Diagnostic& problem : problems) console.err << problem.to_string() << '\n';
  std::vector<std::string> files;
  for (const Diagnostic& problem : problems) {
    if (std::find(files.begin(), files.end(), problem.file) == files.end()) {
      files.push_back(problem.file);
    }
  }
  const std::size_t count = problems.size() + error.unlisted();
  if (error.unlisted() > 0) {
    console.err << fmt::format("estab: … and {} more {} (--all-errors lists every one)\n",
                               error.unlisted(), error.unlisted() == 1 ? "problem" : "problems");
  }
  console.err << fmt::format("estab: {} {} in {}\n", count, count == 1 ? "problem" : "problems",
                             fmt::join(files, ", "));
}

}  // namespace

std::string usage_text(const UsageError& error) {
  const auto* refused = dynamic_cast<const RequestError*>(&error);
  if (refused == nullptr) return error.what();
  switch (refused->request()) {
    case Request::Override:
      return fmt::format("--set {}: {}", refused->subject(), refused->reason());
    case Request::Change: return fmt::format("--change {}", refused->reason());
    case Request::Format:
      return fmt::format("--format {} {}", refused->subject(), refused->reason());
  }
  return error.what();
}

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
    console.err << "estab: error: " << usage_text(error) << '\n';
    return ExitCode::Usage;
  } catch (const std::range_error& error) {
    console.err << "estab: error: " << error.what() << "; check the input for extreme values\n";
    return ExitCode::InvalidInput;
  } catch (const std::bad_alloc&) {
    console.err << "estab: error: out of memory\n";
    return ExitCode::OutOfMemory;
  } catch (const std::exception& error) {
    console.err << "estab: internal error: " << printable(error.what(), 500)
                << " (this is a fault in estab; please report it)\n";
    return ExitCode::Internal;
  } catch (...) {
    console.err << "estab: internal error: an unknown exception (this is a fault in estab; "
                   "please report it)\n";
    return ExitCode::Internal;
  }
}

void print_warnings(const Model& model, Console& console) {
  for (const Diagnostic& warning : model.warnings) console.err << warning.to_string() << '\n';
  if (model.unlisted_warnings > 0) {
    console.err << fmt::format("estab: … and {} more {} (--all-errors lists every one)\n",
                               model.unlisted_warnings,
                               model.unlisted_warnings == 1 ? "warning" : "warnings");
  }
}

void check_output_is_not_input(const std::string& output_file,
                               const std::vector<std::string>& inputs) {
  if (output_file.empty()) return;
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::exists(output_file, error)) return;  // a new file cannot be one that is read
  for (const std::string& input : inputs) {
    if (!fs::exists(input, error)) continue;
    if (fs::equivalent(output_file, input, error) && !error) {
      if (output_file == input) {
        throw UsageError(fmt::format(
            "--output {}: this run reads that file; write the output to another file", input));
      }
      throw UsageError(
          fmt::format("--output {} is {}, which this run reads; write the output to "
                      "another file",
                      output_file, input));
    }
  }
}

ExitCode deliver(const Renderer& render, const std::string& output_file,
                 const std::vector<std::string>& inputs, Console& console) {
  check_output_is_not_input(output_file, inputs);
  if (!output_file.empty()) {
    AtomicOutputFile file(output_file);
    render(file.stream());
    file.commit();
    return ExitCode::Success;
  }
  render(console.out);
  console.out.flush();
  if (!console.out) {
    console.err << "estab: error: cannot write to standard output\n";
    return ExitCode::FileAccess;
  }
  return ExitCode::Success;
}

ExitCode run_report(const ReportRequest& request, Console& console) {
  check_output_is_not_input(request.output_file, {request.input_file});
  const Model model = load_model_file(request.input_file, request.load_options);
  print_warnings(model, console);
  const ReviewResult review = compute_review(model);
  RenderOptions options;
  options.level = request.level;
  options.sections = request.sections;
  options.compact_json = console.compact_json;
  options.colour = request.output_file.empty() && console.out_is_terminal &&
                   console.colour_allowed && request.format == OutputFormat::Table;
  const auto render = [&](std::ostream& out) {
    switch (request.kind) {
      case ReportKind::Uplift: render_uplift(out, review, request.format, options); break;
      case ReportKind::Establishment:
        render_establishment(out, review, request.format, options);
        break;
      case ReportKind::Gaps: render_gaps(out, review, request.format, options); break;
      case ReportKind::Review: render_review(out, review, request.format, options); break;
    }
  };
  const ExitCode delivered = deliver(render, request.output_file, model.files, console);
  if (delivered != ExitCode::Success || request.fail_on == Rag::None) return delivered;
  return check_fail_on(review, request.fail_on, console);
}

ExitCode check_fail_on(const ReviewResult& review, Rag threshold, Console& console) {
  std::vector<std::string> reached;
  for (const LineResult& line : review.lines) {
    if (line.gap_rag < threshold) continue;
    reached.push_back(fmt::format("  line {}/{}: net gap {:.2f} WTE, {:.1f}% of required ({})",
                                  line.team->id, line.profession->id, line.net_gap_wte,
                                  line.net_gap_rate.value_or(0.0) * 100.0, rag_name(line.gap_rag)));
  }
  const auto actuals_text = [](const AbsenceActuals& actuals) {
    return fmt::format("actual absence {:+.1f} points against assumed ({})",
                       actuals.absence_variance.value_or(0.0) * 100.0,
                       rag_name(actuals.actuals_rag));
  };
  for (const LineResult& line : review.lines) {
    if (line.actuals.actuals_rag < threshold) continue;
    reached.push_back(fmt::format("  line {}/{}: {}", line.team->id, line.profession->id,
                                  actuals_text(line.actuals)));
  }
  for (const TeamResult& team : review.teams) {
    if (team.totals.actuals.actuals_rag >= threshold) {
      reached.push_back(
          fmt::format("  team {}: {}", team.team->id, actuals_text(team.totals.actuals)));
    }
    if (const WorkforceActuals& workforce = team.totals.workforce;
        workforce.temporary_rag >= threshold) {
      reached.push_back(fmt::format("  team {}: bank and agency {:.1f}% of worked time ({})",
                                    team.team->id, workforce.temporary_share.value_or(0.0) * 100.0,
                                    rag_name(workforce.temporary_rag)));
    }
    if (team.totals.skill_mix_rag < threshold) continue;
    const Totals& totals = team.totals;
    reached.push_back(fmt::format(
        "  team {}: registered share in post {} against a target of {:.1f}% ({})", team.team->id,
        totals.registered_share_in_post
            ? fmt::format("{:.1f}%", *totals.registered_share_in_post * 100.0)
            : std::string("none (no staff in post)"),
        totals.registered_target.value_or(0.0) * 100.0, rag_name(totals.skill_mix_rag)));
  }
  if (reached.empty()) return ExitCode::Success;
  console.err << fmt::format("estab: --fail-on {}: {} rating{} at {} or worse\n",
                             rag_name(threshold), reached.size(), reached.size() == 1 ? "" : "s",
                             rag_name(threshold));
  for (const std::string& entry : reached) console.err << entry << '\n';
  return ExitCode::ThresholdMet;
}

}  // namespace estab::cli
