// CLI11 wiring: subcommands, shared options, and the mapping of parse errors to exit codes.
#include "cli/app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/scenario_commands.hpp"
#include "estab/suggest.hpp"

namespace estab::cli {

namespace {

const std::map<std::string, OutputFormat> kFormats = {
    {"table", OutputFormat::Table}, {"csv", OutputFormat::Csv},
    {"json", OutputFormat::Json},   {"markdown", OutputFormat::Markdown},
    {"html", OutputFormat::Html},   {"xlsx", OutputFormat::Xlsx}};

/// The formats of each kind of command.
const std::vector<std::string> kBasicFormats = {"table", "csv", "json"};
const std::vector<std::string> kViewFormats = {"table", "csv", "json", "markdown"};
const std::vector<std::string> kReviewFormats = {"table",    "csv",  "json",
                                                 "markdown", "html", "xlsx"};
const std::vector<std::string> kWorkbookFormats = {"table", "csv", "json", "markdown", "xlsx"};
const std::map<std::string, RollupLevel> kLevels = {{"line", RollupLevel::Line},
                                                    {"team", RollupLevel::Team},
                                                    {"service", RollupLevel::Service},
                                                    {"organisation", RollupLevel::Organisation}};

/// Adds the repeatable --set PATH=VALUE to a subcommand.
CLI::Option* add_set_option(CLI::App& command, std::vector<std::string>& overrides) {
  return command
      .add_option("--set", overrides,
                  "Change one input value before checking, e.g. "
                  "--set 'teams[atu].staffing[hca].funded_wte=27' (repeatable)")
      ->type_name("PATH=VALUE")
      ->allow_extra_args(false);
}

/// Adds --format, --output and --compact (every command with an output format writes JSON) to
/// a subcommand.
void add_output_options(CLI::App& command, std::string& format, std::string& output_file,
                        bool& compact, const std::vector<std::string>& formats) {
  command
      .add_option("-f,--format", format, fmt::format("Output format: {}", fmt::join(formats, ", ")))
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_option("-o,--output", output_file,
                     "Write to FILE (atomically) instead of standard output");
  command.add_flag("--compact", compact,
                   "With --format json: write the JSON on one line, with no indentation");
}

struct ReportCommand {
  ReportKind kind;
  const char* name;
  const char* description;
  bool has_level;
};

const ReportCommand kReportCommands[] = {
    {ReportKind::Uplift, "uplift",
     "Absence components, exact and additive uplift, and their cost (the finance view)", false},
    {ReportKind::Establishment, "establishment",
     "Required WTE per staffing line with team, service and organisation subtotals", true},
    {ReportKind::Gaps, "gaps",
     "Funded, in-post and required WTE, the gaps, vacancy rates, RAG and skill mix", true},
    {ReportKind::Review, "review", "The whole board review, every section in order", true},
};

/// The review's section names, comma-separated, for help and messages.
std::string section_list() {
  std::string names;
  for (const auto& [name, section] : review_section_names()) {
    names += (names.empty() ? "" : ",") + std::string(name);
  }
  return names;
}

/// Refuses a section name the review does not have, suggesting the nearest or listing them.
CLI::Validator section_check() {
  return CLI::Validator(
      [](std::string& name) -> std::string {
        std::vector<std::string_view> names;
        for (const auto& [known, section] : review_section_names()) {
          if (known == name) return "";
          names.push_back(known);
        }
        return fmt::format("unknown section '{}'{}", name,
                           did_you_mean_or_list(name, names, "sections"));
      },
      "SECTION");
}

/// The sections named on the command line, in the review's order.
std::vector<ReviewSection> sections_named(const std::vector<std::string>& names) {
  std::vector<ReviewSection> sections;
  for (const auto& [name, section] : review_section_names()) {
    if (std::find(names.begin(), names.end(), name) != names.end()) sections.push_back(section);
  }
  return sections;
}

bool colour_permitted() {
  const char* no_colour = std::getenv("NO_COLOR");
  return no_colour == nullptr;
}

/// For a command given an option that only other commands take ("--fail-on" to
/// `establishment`), a message naming the commands that take it; "" otherwise.
std::string misplaced_option(CLI::App& app, int argc, const char* const* argv) {
  const std::vector<CLI::App*> parsed = app.get_subcommands();
  if (parsed.empty()) return {};
  const CLI::App& command = *parsed.front();
  for (int index = 1; index < argc; ++index) {
    std::string_view argument = argv[index];
    if (argument == "--") break;
    if (argument.size() < 3 || argument.substr(0, 2) != "--") continue;
    const std::string name(argument.substr(0, argument.find('=')));
    if (command.get_option_no_throw(name) != nullptr) continue;
    std::vector<std::string> takers;
    for (const CLI::App* other : app.get_subcommands({})) {
      if (other->get_option_no_throw(name) != nullptr) takers.push_back(other->get_name());
    }
    if (takers.empty()) continue;
    return fmt::format("{} does not take {}; it is an option of {}", command.get_name(), name,
                       fmt::join(takers, ", "));
  }
  return {};
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"estab: annual establishment (staffing) review calculator", "estab"};
  app.require_subcommand(1, 1);
  app.set_version_flag("--version", std::string("estab ") + ESTAB_VERSION);
  app.footer(
      "Exit codes: 0 success, 1 invalid input, 2 usage, 3 file not readable or "
      "writable, 4 --fail-on threshold met.\nSee README.md and docs/ for the input format.");

  std::string format = "table";
  std::string output_file;
  bool compact = false;
  std::string level = "line";
  std::string input_file;
  std::vector<std::string> validate_files;
  std::string init_directory;
  bool init_force = false;
  std::vector<std::string> overrides;
  std::string fail_on;
  std::vector<std::string> section_names;
  bool strict = false;
  app.add_flag("--strict", strict,
               "Treat every warning about the input as an error (exit 1), for scripted runs");
  bool all_errors = false;
  app.add_flag("--all-errors", all_errors,
               "List every problem and warning in the input, not only the first 100");
  app.fallthrough();

  std::vector<std::pair<CLI::App*, ReportKind>> report_commands;
  for (const ReportCommand& spec : kReportCommands) {
    CLI::App* command = app.add_subcommand(spec.name, spec.description);
    command->add_option("file", input_file, "Input YAML file")->required();
    add_output_options(*command, format, output_file, compact,
                       spec.kind == ReportKind::Review ? kReviewFormats : kWorkbookFormats);
    if (spec.has_level) {
      command
          ->add_option("--level", level,
                       "CSV records: line (default), team, service or organisation")
          ->check(CLI::IsMember({"line", "team", "service", "organisation"}));
    }
    add_set_option(*command, overrides);
    if (spec.kind == ReportKind::Gaps || spec.kind == ReportKind::Review) {
      command
          ->add_option("--fail-on", fail_on,
                       "Exit with 4 when a line gap, team skill mix, actual absence or bank "
                       "and agency share is rated amber or red (or worse)")
          ->check(CLI::IsMember({"amber", "red"}));
    }
    if (spec.kind == ReportKind::Review) {
      command
          ->add_option("--sections", section_names,
                       "Print only these sections of the table or Markdown review, in the "
                       "review's order: " +
                           section_list())
          ->delimiter(',')
          ->check(section_check());
    }
    report_commands.emplace_back(command, spec.kind);
  }
  CLI::App* validate = app.add_subcommand("validate", "Check input files and list every problem");
  validate->add_option("files", validate_files, "Input YAML files")->required();
  add_output_options(*validate, format, output_file, compact, kBasicFormats);
  add_set_option(*validate, overrides);
  std::string scenario_file;
  bool show_all = false;
  CLI::App* compare = app.add_subcommand(
      "compare", "Line, team, service and organisation differences between two reviews");
  compare->add_option("base", input_file, "The base input file")->required();
  compare->add_option("scenario", scenario_file, "The scenario input file")->required();
  compare->add_flag("--all", show_all, "Show every line and team, not only those that changed");
  add_output_options(*compare, format, output_file, compact, kReviewFormats);
  compare
      ->add_option("--level", level, "CSV records: line (default), team, service or organisation")
      ->check(CLI::IsMember({"line", "team", "service", "organisation"}));
  add_set_option(*compare, overrides)
      ->description("Change one value of the SCENARIO before comparing (repeatable)");

  std::string change_text = "10%";
  CLI::App* sensitivity = app.add_subcommand(
      "sensitivity", "Which assumption moves required WTE and cost most (a tornado)");
  sensitivity->add_option("file", input_file, "Input YAML file")->required();
  sensitivity
      ->add_option("--change", change_text,
                   "How far each assumption is scaled down and up, e.g. 10%")
      ->capture_default_str();
  add_output_options(*sensitivity, format, output_file, compact, kWorkbookFormats);
  add_set_option(*sensitivity, overrides);

  std::string explain_team;
  std::string explain_profession;
  CLI::App* explain = app.add_subcommand(
      "explain", "Every step of one staffing line's arithmetic, each input with its FILE:LINE");
  explain->add_option("file", input_file, "Input YAML file")->required();
  explain->add_option("--team", explain_team, "The team of the line to explain");
  explain->add_option("--profession", explain_profession, "The profession of the line");
  add_output_options(*explain, format, output_file, compact, kBasicFormats);
  add_set_option(*explain, overrides);

  CLI::App* sources = app.add_subcommand(
      "sources", "Where every row of the staff-in-post and budget extracts went");
  sources->add_option("file", input_file, "Input YAML file")->required();
  add_output_options(*sources, format, output_file, compact, kViewFormats);
  add_set_option(*sources, overrides);

  CLI::App* init = app.add_subcommand("init", "Write a commented starter file, DIR/estab.yaml");
  init->add_option("directory", init_directory, "Directory to create the file in")->required();
  init->add_flag("--force", init_force, "Replace an existing DIR/estab.yaml");

  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string_view> commands;
    for (const CLI::App* command : app.get_subcommands({})) commands.push_back(command->get_name());
    const std::string_view first = argv[1];
    if (std::find(commands.begin(), commands.end(), first) == commands.end()) {
      err << fmt::format("estab: unknown command '{}'{}\nRun with --help for the commands.\n",
                         first, did_you_mean(first, commands));
      return to_int(ExitCode::Usage);
    }
  }

  std::ostringstream parse_out;
  std::ostringstream parse_err;
  try {
    app.parse(argc, argv);
    const bool compared =
        !app.get_subcommands().empty() && app.get_subcommands().front() == compare;
    const bool workbook_levels = !app.get_subcommands().empty() &&
                                 (app.get_subcommands().front()->get_name() == "establishment" ||
                                  app.get_subcommands().front()->get_name() == "gaps");
    if (level != "line" && format != "csv" &&
        (compared ||
         (format != "table" && format != "markdown" && !(format == "xlsx" && workbook_levels)))) {
      throw CLI::ValidationError(
          "--level", compared          ? "--level applies to --format csv only"
                     : workbook_levels ? "--level applies to --format table, markdown, csv and "
                                         "xlsx only"
                                       : "--level applies to --format table, markdown and csv "
                                         "only");
    }
    if (!section_names.empty() && format != "table" && format != "markdown") {
      throw CLI::ValidationError("--sections",
                                 "--sections applies to --format table and "
                                 "markdown only: the other formats hold every "
                                 "section");
    }
    if (compact && format != "json") {
      throw CLI::ValidationError("--compact", "applies to --format json only");
    }
    if (format == "xlsx" && output_file.empty() && &out == &std::cout &&
        ::isatty(STDOUT_FILENO) == 1) {
      throw CLI::ValidationError("--format xlsx",
                                 "an XLSX workbook is binary: write it to a file with "
                                 "--output FILE.xlsx");
    }
  } catch (const CLI::ParseError& error) {
    if (const std::string misplaced = misplaced_option(app, argc, argv); !misplaced.empty()) {
      err << "estab: " << misplaced << "\nRun with --help for more information.\n";
      return to_int(ExitCode::Usage);
    }
    const int code = app.exit(error, parse_out, parse_err);
    out << parse_out.str();
    err << parse_err.str();
    return code == 0 ? to_int(ExitCode::Success) : to_int(ExitCode::Usage);
  }

  const auto load_options = [&] {
    LoadOptions options;
    options.overrides = overrides;
    options.warnings_are_errors = strict;
    options.every_problem = all_errors;
    return options;
  };
  Console console{out, err, false, colour_permitted()};
  console.out_is_terminal = &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
  console.compact_json = compact;
  try {
    if (validate->parsed()) {
      return to_int(
          run_validate(validate_files, kFormats.at(format), load_options(), output_file, console));
    }
    if (init->parsed()) return to_int(run_init(init_directory, init_force, console));
    if (compare->parsed()) {
      return to_int(run_compare_command(input_file, scenario_file, kFormats.at(format),
                                        kLevels.at(level), show_all, output_file, load_options(),
                                        console));
    }
    if (explain->parsed()) {
      return to_int(run_explain_command(input_file, explain_team, explain_profession,
                                        kFormats.at(format), output_file, load_options(), console));
    }
    if (sources->parsed()) {
      return to_int(run_sources_command(input_file, kFormats.at(format), output_file,
                                        load_options(), console));
    }
    if (sensitivity->parsed()) {
      return to_int(run_sensitivity_command(input_file, change_text, kFormats.at(format),
                                            output_file, load_options(), console));
    }
    for (const auto& [command, kind] : report_commands) {
      if (!command->parsed()) continue;
      ReportRequest request;
      request.kind = kind;
      request.input_file = input_file;
      request.format = kFormats.at(format);
      request.level = kLevels.at(level);
      request.sections = sections_named(section_names);
      request.output_file = output_file;
      request.load_options = load_options();
      if (fail_on == "amber") request.fail_on = Rag::Amber;
      if (fail_on == "red") request.fail_on = Rag::Red;
      return to_int(run_report(request, console));
    }
  } catch (...) {
    return to_int(report_failure(console));
  }
  return to_int(ExitCode::Usage);
}

}  // namespace estab::cli
