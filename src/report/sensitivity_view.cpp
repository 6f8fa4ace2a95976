// The `sensitivity` view: a tornado table (or Markdown), one CSV row per assumption,
// and the `estab-sensitivity/1` JSON document.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "estab/sensitivity.hpp"
#include "report/csv_writer.hpp"
#include "report/html_review.hpp"
#include "report/json_support.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/view_writer.hpp"
#include "report/xlsx_views.hpp"

namespace estab {

namespace report {

namespace {

using nlohmann::ordered_json;

/// The widest tornado bar, drawn for the largest swing.
constexpr std::size_t kBarWidth = 30;
/// The character a tornado bar is drawn with.
constexpr char kBarCharacter = '#';
/// The smallest swing that still gets a bar: anything that shows as at least 0.01 WTE.
constexpr double kSmallestVisibleSwingWte = 0.005;

/// The model behind a sensitivity result; throws std::logic_error when it has none.
const Model& model_of(const SensitivityResult& result) {
  if (result.model == nullptr) {
    throw std::logic_error("report: the sensitivity result has no model");
  }
  return *result.model;
}

/// The change as a percentage without trailing zeros: 0.1 → "10%", 0.125 → "12.5%".
std::string change_percent(double change) {
  std::string text = round_decimal(change, 4, 2);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text + "%";
}

/// A difference in WTE with its sign: "+1.23", "-1.23", or "0.00" when it rounds to nothing.
std::string signed_wte(double difference) {
  const std::string text = format_wte(difference);
  if (text.front() == '-' || text.find_first_not_of("0.") == std::string::npos) return text;
  return "+" + text;
}

/// A bar of up to kBarWidth characters, proportional to `swing` against the largest swing.
std::string tornado_bar(double swing, double largest_swing) {
  if (!(largest_swing > 0.0) || swing < kSmallestVisibleSwingWte) return "";
  const auto length =
      static_cast<std::size_t>(std::lround(static_cast<double>(kBarWidth) * swing / largest_swing));
  return std::string(std::clamp<std::size_t>(length, 1, kBarWidth), kBarCharacter);
}

/// "Base: required WTE 123.45, required cost £1,234,567." (or a note that no line has a cost).
std::string base_line(const SensitivityResult& result) {
  const std::string cost = result.required_cost
                               ? "required cost " + format_money(*result.required_cost)
                               : std::string("no line states a cost per WTE");
  return fmt::format("Base: required WTE {}, {}.", format_wte(result.required_wte), cost);
}

/// The tornado: a heading, the base figures, and one row per assumption with a bar; as a
/// terminal table or as Markdown (`writer` decides).
void write_sensitivity_view(ViewWriter& writer, const SensitivityResult& result) {
  // The heading of every view, from the model's review settings.
  ReviewResult settings_only;
  settings_only.model = &model_of(result);
  writer.heading(HeadingLevel::Title, heading_line(settings_only, "Sensitivity"));

  const std::string down = "-" + change_percent(result.change);
  const std::string up = "+" + change_percent(result.change);
  writer.line(base_line(result));
  writer.paragraph(
      fmt::format("Required WTE and cost of the organisation with each assumption scaled by {} "
                  "and {} on every line, one at a time, everything else held; largest swing "
                  "first.",
                  down, up));

  TextTable table({{"Assumption", Align::Left},
                   {"WTE at " + down, Align::Right},
                   {"WTE at " + up, Align::Right},
                   {"Delta " + down, Align::Right},
                   {"Delta " + up, Align::Right},
                   {"Cost at " + down, Align::Right},
                   {"Cost at " + up, Align::Right},
                   {"Swing WTE", Align::Right},
                   {"Tornado", Align::Left}});
  double largest_swing = 0.0;
  for (const SensitivityComponent& component : result.components) {
    largest_swing = std::max(largest_swing, component.swing_wte());
  }
  for (const SensitivityComponent& component : result.components) {
    table.add_row({component.component, format_wte(component.required_wte_down),
                   format_wte(component.required_wte_up),
                   signed_wte(component.required_wte_down - result.required_wte),
                   signed_wte(component.required_wte_up - result.required_wte),
                   format_money(component.required_cost_down),
                   format_money(component.required_cost_up), format_wte(component.swing_wte()),
                   tornado_bar(component.swing_wte(), largest_swing)});
  }
  writer.table(table);
  writer.blank_line();
  writer.line(
      "headcount_per_wte moves every hours_per_head allowance with it; demand scales every "
      "line's demand hours, never fixed WTE.");
  const bool actual_sickness = std::any_of(result.components.begin(), result.components.end(),
                                           [](const SensitivityComponent& component) {
                                             return component.component == "actual_sickness";
                                           });
  if (actual_sickness) {
    writer.line(fmt::format(
        "actual_sickness puts each line's actual sickness, scaled, in place of its assumed "
        "sickness (lines without an actual keep theirs): the required WTE were sickness to run "
        "{} below or above what actually happened.",
        change_percent(result.change)));
  }
}

/// One CSV record per assumption, largest swing first, with unrounded numbers.
void write_sensitivity_csv(std::ostream& out, const SensitivityResult& result) {
  write_csv_header(out, {"component", "required_wte_down", "required_wte_up", "required_cost_down",
                         "required_cost_up", "swing_wte"});
  for (const SensitivityComponent& component : result.components) {
    write_csv_record(
        out, {csv_text(component.component), csv_number(component.required_wte_down),
              csv_number(component.required_wte_up), csv_number(component.required_cost_down),
              csv_number(component.required_cost_up), csv_number(component.swing_wte())});
  }
}

}  // namespace

}  // namespace report

nlohmann::ordered_json sensitivity_to_json(const SensitivityResult& result) {
  using report::set_number;
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  document["schema"] = "estab-sensitivity/1";
  set_number(document, "change", result.change);
  set_number(document, "required_wte", result.required_wte);
  set_number(document, "required_cost", result.required_cost);
  nlohmann::ordered_json components = nlohmann::ordered_json::array();
  for (const SensitivityComponent& component : result.components) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    object["component"] = component.component;
    set_number(object, "required_wte_down", component.required_wte_down);
    set_number(object, "required_wte_up", component.required_wte_up);
    set_number(object, "required_cost_down", component.required_cost_down);
    set_number(object, "required_cost_up", component.required_cost_up);
    set_number(object, "swing_wte", component.swing_wte());  // beyond the contract
    components.push_back(std::move(object));
  }
  document["components"] = std::move(components);
  return document;
}

void render_sensitivity(std::ostream& out, const SensitivityResult& result, OutputFormat format,
                        const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Table:
    case OutputFormat::Markdown: {
      report::ViewWriter writer(out, format, options.colour);
      report::write_sensitivity_view(writer, result);
      return;
    }
    case OutputFormat::Csv: report::write_sensitivity_csv(out, result); return;
    case OutputFormat::Json:
      report::write_json(out, sensitivity_to_json(result), options.compact_json);
      return;
    case OutputFormat::Xlsx: report::write_sensitivity_xlsx(out, result); return;
    case OutputFormat::Html: report::refuse_html();
  }
}

}  // namespace estab
