#pragma once
// The commands behind the command line, each free of argument parsing.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/exit_code.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"

namespace estab::cli {

/// The report commands, which share loading, computing and output handling.
enum class ReportKind { Uplift, Establishment, Gaps, Review };

/// Options every report command takes.
struct ReportRequest {
  ReportKind kind = ReportKind::Review;
  std::string input_file;
  OutputFormat format = OutputFormat::Table;
  RollupLevel level = RollupLevel::Line;
  std::string output_file;              ///< "" means standard output
  LoadOptions load_options;             ///< `--set` overrides
  Rag fail_on = Rag::None;              ///< with Amber or Red: exit 4 when a rating reaches it
  std::vector<ReviewSection> sections;  ///< review: the sections to print; empty: every one
};

/// Where a command writes: standard output and standard error, and whether stdout is a terminal.
struct Console {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool colour_allowed = false;  ///< false under NO_COLOR
  bool compact_json = false;    ///< --compact: JSON on one line
};

/// Loads, computes and renders one report; errors go to the console's err stream.
ExitCode run_report(const ReportRequest& request, Console& console);

/// Checks each file and reports its problems or a one-line summary.
ExitCode run_validate(const std::vector<std::string>& files, OutputFormat format,
                      const LoadOptions& load_options, const std::string& output_file,
                      Console& console);

/// Lists on stderr the line gaps and team skill mixes rated `threshold` or worse; returns
/// ThresholdMet when there is any, Success otherwise.
ExitCode check_fail_on(const ReviewResult& review, Rag threshold, Console& console);

/// Writes a commented starter input file into `directory`.
ExitCode run_init(const std::string& directory, bool force, Console& console);

/// Prints an exception's located problems and returns the matching exit code.
ExitCode report_failure(Console& console);

/// A usage error as the command line words it: a refused request named by its option
/// (`--set PATH=VALUE: …`, `--change …`, `--format NAME …`), anything else as it is.
std::string usage_text(const UsageError& error);

/// Prints the warnings found while loading `model` to standard error, one a line.
void print_warnings(const Model& model, Console& console);

/// Writes a command's output to the stream it is given.
using Renderer = std::function<void(std::ostream&)>;

/// Refuses (UsageError) an output file that is one of `inputs`, the files a run reads, however
/// either is spelt (`./`, `..`, a symbolic link or a hard link); names that are not files
/// (such as "--set") are skipped.
void check_output_is_not_input(const std::string& output_file,
                               const std::vector<std::string>& inputs);

/// Streams the rendered output into the output file atomically, or to standard output, after
/// checking that the output file is none of `inputs`.
ExitCode deliver(const Renderer& render, const std::string& output_file,
                 const std::vector<std::string>& inputs, Console& console);

/// Loads FILE (reading every extract its sources name) and renders the reconciliation of each
/// extract and the cost centre view.
ExitCode run_sources_command(const std::string& input_file, OutputFormat format,
                             const std::string& output_file, const LoadOptions& load_options,
                             Console& console);

/// The text of the starter file `init` writes.
const char* starter_file_text();

}  // namespace estab::cli
