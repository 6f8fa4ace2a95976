// `estab sensitivity FILE [--change 10%]`: the file loaded once (with any `--set` overrides),
// each assumption scaled down and up by the change, the tornado rendered and delivered
// atomically.
#include <cctype>
#include <charconv>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>

#include "cli/scenario_commands.hpp"
#include "estab/diagnostic.hpp"
#include "estab/load.hpp"
#include "estab/sensitivity.hpp"

namespace estab::cli {

namespace {

/// `text` without leading and trailing spaces and tabs.
std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

/// A plain decimal number (an optional minus, digits with at most one point, no exponent), or
/// nothing. A minus is read so that a negative change gets the range message, not a syntax one.
std::optional<double> plain_decimal(std::string_view text) {
  const std::string_view digits = (!text.empty() && text.front() == '-') ? text.substr(1) : text;
  if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string_view::npos) {
    return std::nullopt;
  }
  double value = 0.0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

/// The `--change` value as a fraction: "10%" → 0.1; "" → the default, 10%. A bare number is a
/// usage error, as a bare number is in the input, and so is anything else that is not
/// a plain percentage. The range is checked by check_sensitivity_change.
double parse_change(const std::string& change_text) {
  const std::string_view text = trimmed(change_text);
  if (text.empty()) return kDefaultSensitivityChange;
  if (text.back() != '%') {
    if (plain_decimal(text)) {
      throw UsageError("write " + std::string(text) + "% — the percent sign is required");
    }
    throw UsageError("--change: expected a percentage such as 10%, got '" + change_text + "'");
  }
  const std::optional<double> percent = plain_decimal(trimmed(text.substr(0, text.size() - 1)));
  if (!percent) {
    throw UsageError("--change: expected a percentage such as 10%, got '" + change_text + "'");
  }
  return *percent / 100.0;
}

}  // namespace

ExitCode run_sensitivity_command(const std::string& input_file, const std::string& change_text,
                                 OutputFormat format, const std::string& output_file,
                                 const LoadOptions& load_options, Console& console) {
  const double change = parse_change(change_text);
  try {
    check_sensitivity_change(change);  // a usage problem is reported before the file is read
  } catch (const RequestError&) {
    // Named as written: 100.0000001% rounds to "100%", which would hide why it is refused.
    throw RequestError(
        Request::Change, "",
        "must be more than 0% and less than 100%, got " + std::string(trimmed(change_text)));
  }
  check_output_is_not_input(output_file, {input_file});
  const Model model = load_model_file(input_file, load_options);
  print_warnings(model, console);
  const SensitivityResult result = run_sensitivity(model, change);

  RenderOptions options;
  options.compact_json = console.compact_json;
  options.colour = output_file.empty() && console.out_is_terminal && console.colour_allowed &&
                   format == OutputFormat::Table;
  return deliver([&](std::ostream& out) { render_sensitivity(out, result, format, options); },
                 output_file, model.files, console);
}

}  // namespace estab::cli
