#pragma once
// The scenario commands: compare and sensitivity, each free of argument parsing.

#include <string>

#include "cli/commands.hpp"
#include "estab/load.hpp"

namespace estab::cli {

/// Loads BASE (default options) and SCENARIO (with `scenario_options`, the `--set` overrides),
/// compares their reviews and renders the comparison: changed records unless `show_all`, CSV
/// records of `level`; errors propagate to report_failure.
ExitCode run_compare_command(const std::string& base_file, const std::string& scenario_file,
                             OutputFormat format, RollupLevel level, bool show_all,
                             const std::string& output_file, const LoadOptions& scenario_options,
                             Console& console);

/// Loads FILE (with `load_options`, the `--set` overrides), scales each assumption by
/// ±`change_text` (a percentage such as "10%"; "" means 10%) and renders the tornado; errors
/// propagate to report_failure (a bare number or a change outside 0%–100% is a UsageError).
ExitCode run_sensitivity_command(const std::string& input_file, const std::string& change_text,
                                 OutputFormat format, const std::string& output_file,
                                 const LoadOptions& load_options, Console& console);

/// Loads FILE (with `load_options`, the `--set` overrides) and explains the staffing line of
/// `team` and `profession` step by step, each input with the FILE:LINE it came from; with both
/// empty, lists the lines that can be explained. CSV writes one row per step; formats other than
/// table, CSV and JSON are refused. Errors propagate to report_failure: only one of `team` and
/// `profession`, an unknown team, a profession the team has no line for, or another format is a
/// UsageError.
ExitCode run_explain_command(const std::string& input_file, const std::string& team,
                             const std::string& profession, OutputFormat format,
                             const std::string& output_file, const LoadOptions& load_options,
                             Console& console);

}  // namespace estab::cli
