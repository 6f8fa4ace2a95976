// Inline SVG charts of the HTML board paper: skill mix against target, absence components and
// the two uplift methods, and the inpatient WTE triangulation. Every chart is a plain <svg>
// element sized by its viewBox, with its text escaped; labels carry the values, so the charts
// read in greyscale.

#include "report/html_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <sstream>

#include "report/html_writer.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// Width of every chart in SVG units (about the A4 text width at 96 dpi).
constexpr double kChartWidth = 680.0;
/// Where the bars start: the labels take the space to the left.
constexpr double kBarStart = 150.0;
/// Longest label, in characters, before it is shortened.
constexpr std::size_t kLabelWidth = 22;

constexpr std::string_view kInk = "#212b32";
constexpr std::string_view kGrey = "#4c6272";
constexpr std::string_view kRule = "#d8dde0";
constexpr std::string_view kBlue = "#005eb8";
constexpr std::string_view kDarkBlue = "#003087";
constexpr std::string_view kLightBlue = "#41b6e6";

/// A fill colour and the text colour that reads on it.
struct Swatch {
  std::string_view fill;
  std::string_view ink;
};

/// Absence component colours, in legend order (NHS identity palette).
constexpr std::array<Swatch, 12> kComponentSwatches = {{{"#003087", "#ffffff"},
                                                        {"#41b6e6", "#212b32"},
                                                        {"#da291c", "#ffffff"},
                                                        {"#ffb81c", "#212b32"},
                                                        {"#00a499", "#ffffff"},
                                                        {"#78be20", "#212b32"},
                                                        {"#7c2855", "#ffffff"},
                                                        {"#ed8b00", "#212b32"},
                                                        {"#330072", "#ffffff"},
                                                        {"#768692", "#ffffff"},
                                                        {"#ae2573", "#ffffff"},
                                                        {"#005eb8", "#ffffff"}}};

std::string coordinate(double value) {
  return round_decimal(value, 1);
}

/// Builds one <svg> element.
class Svg {
 public:
  Svg(double height, std::string_view label) {
    out_ << "<svg viewBox=\"0 0 " << coordinate(kChartWidth) << ' ' << coordinate(height)
         << "\" role=\"img\" aria-label=\"" << html_escape(label) << "\">\n";
  }

  void rect(double x, double y, double width, double height, std::string_view fill,
            std::string_view extra = "") {
    out_ << "<rect x=\"" << coordinate(x) << "\" y=\"" << coordinate(y) << "\" width=\""
         << coordinate(std::max(width, 0.0)) << "\" height=\"" << coordinate(height) << "\" fill=\""
         << fill << '"' << extra << "/>\n";
  }

  void line(double x1, double y1, double x2, double y2, std::string_view stroke, double width) {
    out_ << "<line x1=\"" << coordinate(x1) << "\" y1=\"" << coordinate(y1) << "\" x2=\""
         << coordinate(x2) << "\" y2=\"" << coordinate(y2) << "\" stroke=\"" << stroke
         << "\" stroke-width=\"" << coordinate(width) << "\"/>\n";
  }

  /// Text at (x, y); `anchor` is start, middle or end; the content is escaped.
  void text(double x, double y, std::string_view content, std::string_view anchor = "start",
            double size = 11.0, std::string_view fill = kInk, bool bold = false) {
    out_ << "<text x=\"" << coordinate(x) << "\" y=\"" << coordinate(y) << "\" font-size=\""
         << coordinate(size) << "\" text-anchor=\"" << anchor << "\" fill=\"" << fill << '"'
         << (bold ? " font-weight=\"bold\"" : "") << '>' << html_escape(content) << "</text>\n";
  }

  /// A row label right-aligned before the bars, shortened to fit, with the full text as a
  /// tooltip.
  void label(double y, std::string_view content, bool bold = false, double size = 11.0,
             std::string_view fill = kInk) {
    out_ << "<g><title>" << html_escape(content) << "</title>\n";
    text(kBarStart - 8.0, y, shorten(content, kLabelWidth), "end", size, fill, bold);
    out_ << "</g>\n";
  }

  std::string finish() {
    out_ << "</svg>";
    return out_.str();
  }

 private:
  std::ostringstream out_;
};

/// A round step for about `ticks` gridlines up to `maximum`: 1, 2, 2.5 or 5 × 10^k.
double nice_step(double maximum, int ticks) {
  const double raw = maximum / ticks;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double multiple : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (multiple * magnitude >= raw) {
      return multiple * magnitude;
    }
  }
  return 10.0 * magnitude;
}

/// An axis from zero: its end and the step between gridlines.
struct Axis {
  double maximum = 1.0;
  double step = 0.25;
};

Axis axis_for(double largest, double smallest_end) {
  const double end = std::max(largest, smallest_end);
  Axis axis;
  axis.step = nice_step(end, 5);
  axis.maximum = std::ceil(end / axis.step - 1e-9) * axis.step;
  return axis;
}

/// A tick label: `value` scaled by 10^scale_power with as few decimals as the step needs.
std::string tick_label(double value, double step, int scale_power, std::string_view suffix) {
  const double scaled_step = step * std::pow(10.0, scale_power);
  int places = 0;
  while (places < 3 && std::fabs(scaled_step * std::pow(10.0, places) -
                                 std::round(scaled_step * std::pow(10.0, places))) > 1e-9) {
    ++places;
  }
  return round_decimal(value, places, scale_power) + std::string(suffix);
}

/// Vertical gridlines with their labels above, from `top` to `bottom`.
void draw_grid(Svg& svg, const Axis& axis, double bar_width, double top, double bottom,
               int scale_power, std::string_view suffix) {
  const int steps = static_cast<int>(std::lround(axis.maximum / axis.step));
  for (int index = 0; index <= steps; ++index) {
    const double value = axis.step * index;
    const double x = kBarStart + bar_width * value / axis.maximum;
    svg.line(x, top, x, bottom, index == 0 ? kGrey : kRule, index == 0 ? 1.0 : 0.8);
    svg.text(x, top - 4.0, tick_label(value, axis.step, scale_power, suffix), "middle", 9.5, kGrey);
  }
}

/// A legend entry: a swatch and its name, placed left to right and wrapped.
struct LegendEntry {
  std::string name;
  std::string_view fill;
};

/// Lays out a legend from `top`, wrapping entries onto new rows, and draws it when `svg` is
/// given; returns the height it takes.
double layout_legend(Svg* svg, const std::vector<LegendEntry>& entries, double top) {
  double x = kBarStart;
  double y = top;
  for (const LegendEntry& entry : entries) {
    const double width = 14.0 + 5.6 * static_cast<double>(display_width(entry.name)) + 14.0;
    if (x + width > kChartWidth && x > kBarStart) {
      x = kBarStart;
      y += 16.0;
    }
    if (svg != nullptr) {
      svg->rect(x, y - 9.0, 10.0, 10.0, entry.fill);
      svg->text(x + 14.0, y, entry.name, "start", 10.0, kInk);
    }
    x += width;
  }
  return y - top + 16.0;
}

}  // namespace

std::string skill_mix_chart(const ReviewResult& review) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 24.0;
  constexpr double kBarHeight = 12.0;
  constexpr double kBarWidth = 300.0;  // room after the bar for "100.0% · target 100.0% · amber"
  const double rows_end = kTop + kRow * static_cast<double>(review.teams.size());
  Svg svg(rows_end + 28.0, "Registered share of WTE in post per team, against its target");
  const Axis axis{1.0, 0.25};
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");

  double y = kTop;
  for (const TeamResult& team : review.teams) {
    const Totals& totals = team.totals;
    const double bar_top = y + (kRow - kBarHeight) / 2.0 - 3.0;
    svg.label(bar_top + kBarHeight - 2.0, team.team->name);
    std::string value_text = "no staff in post";
    if (totals.registered_share_in_post) {
      const double share = std::clamp(*totals.registered_share_in_post, 0.0, 1.0);
      svg.rect(kBarStart, bar_top, kBarWidth * share, kBarHeight, kBlue);
      value_text = format_percent(*totals.registered_share_in_post);
    }
    if (totals.registered_target) {
      const double target = std::clamp(*totals.registered_target, 0.0, 1.0);
      const double x = kBarStart + kBarWidth * target;
      svg.line(x, bar_top - 4.0, x, bar_top + kBarHeight + 4.0, kInk, 3.0);
      value_text += " \xC2\xB7 target " + format_percent(*totals.registered_target);
    }
    if (totals.skill_mix_rag != Rag::None) {
      value_text += std::string(" \xC2\xB7 ") + rag_name(totals.skill_mix_rag);
    }
    svg.text(kBarStart + kBarWidth + 12.0, bar_top + kBarHeight - 2.0, value_text, "start", 10.5);
    y += kRow;
  }
  svg.rect(kBarStart, rows_end + 10.0, 10.0, 10.0, kBlue);
  svg.text(kBarStart + 14.0, rows_end + 19.0, "registered share in post", "start", 10.0);
  svg.line(kBarStart + 170.0, rows_end + 7.0, kBarStart + 170.0, rows_end + 23.0, kInk, 3.0);
  svg.text(kBarStart + 178.0, rows_end + 19.0, "team target", "start", 10.0);
  return svg.finish();
}

/// The first line of a set and how many more use it: "ist/hca +1".
std::string set_label(const AssumptionGroup& group) {
  std::string label = line_label(*group.first);
  if (group.lines.size() > 1) {
    label = shorten(label, kLabelWidth - 4) + fmt::format(" +{}", group.lines.size() - 1);
  }
  return label;
}

std::string uplift_chart(const std::vector<AssumptionGroup>& groups, UpliftMethod applied) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 34.0;
  constexpr double kBarHeight = 13.0;
  constexpr double kBarWidth = 360.0;

  // Legend order: components in order of first appearance over the sets.
  std::vector<std::string> names;
  double largest = 0.0;
  for (const AssumptionGroup& group : groups) {
    largest = std::max({largest, group.first->uplift_exact, group.first->uplift_additive});
    for (const AbsenceComponent& component : group.first->absence.components) {
      if (component.fraction > 0.0 &&
          std::find(names.begin(), names.end(), component.component) == names.end()) {
        names.push_back(component.component);
      }
    }
  }
  const auto swatch_of = [&names](const std::string& name) -> const Swatch& {
    const auto position =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
    return kComponentSwatches[position % kComponentSwatches.size()];
  };
  std::vector<LegendEntry> legend;
  for (const std::string& name : names) {
    legend.push_back({name, swatch_of(name).fill});
  }
  legend.push_back({"exact uplift a/(1-a) (thin bar)", kInk});

  const Axis axis = axis_for(largest, 0.05);
  const double rows_end = kTop + kRow * static_cast<double>(groups.size());
  const double legend_top = rows_end + 18.0;
  Svg svg(legend_top + layout_legend(nullptr, legend, legend_top),
          "Absence components of each assumption set, with the exact and additive uplift");
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");
  const auto to_width = [&](double fraction) { return kBarWidth * fraction / axis.maximum; };
  const bool exact_applied = applied == UpliftMethod::Exact;
  const double value_x = kBarStart + kBarWidth + 12.0;

  double y = kTop;
  for (std::size_t index = 0; index < groups.size(); ++index) {
    const AssumptionGroup& group = groups[index];
    const LineResult& first = *group.first;
    const double bar_top = y + 4.0;
    svg.label(bar_top + 10.0, fmt::format("Set {}", index + 1), true, 10.5);
    svg.label(bar_top + 21.5, set_label(group), false, 9.0, kGrey);
    double x = kBarStart;
    for (const AbsenceComponent& component : first.absence.components) {
      if (component.fraction <= 0.0) {
        continue;
      }
      const Swatch& swatch = swatch_of(component.component);
      const double width = to_width(component.fraction);
      svg.rect(x, bar_top, width, kBarHeight, swatch.fill,
               " stroke=\"#ffffff\" stroke-width=\"0.5\"");
      if (width >= 30.0) {
        svg.text(x + width / 2.0, bar_top + 9.8, format_percent(component.fraction), "middle", 8.0,
                 swatch.ink);
      }
      x += width;
    }
    svg.rect(kBarStart, bar_top + kBarHeight + 3.0, to_width(first.uplift_exact), 5.0, kInk);
    svg.text(
        value_x, bar_top + 10.0,
        "additive " + format_percent(first.uplift_additive) + (exact_applied ? "" : " (applied)"),
        "start", 10.0, kInk, !exact_applied);
    svg.text(value_x, bar_top + 21.5,
             "exact " + format_percent(first.uplift_exact) + (exact_applied ? " (applied)" : ""),
             "start", 10.0, kInk, exact_applied);
    y += kRow;
  }
  layout_legend(&svg, legend, legend_top);
  return svg.finish();
}

std::string triangulation_chart(const ReviewResult& review) {
  constexpr double kTop = 40.0;
  constexpr double kBar = 11.0;
  constexpr double kBarGap = 3.0;
  constexpr double kGroupGap = 14.0;
  constexpr double kBarWidth = 380.0;
  struct Series {
    std::string_view name;
    std::string_view fill;
    std::optional<double> TeamResult::*value;
  };
  const std::array<Series, 3> series = {
      {{"roster", kLightBlue, &TeamResult::roster_productive_wte},
       {"benchmark", kBlue, &TeamResult::benchmark_productive_wte},
       {"judgement", kDarkBlue, &TeamResult::judgement_wte}}};
  std::vector<const TeamResult*> units;
  double largest = 0.0;
  for (const TeamResult& team : review.teams) {
    if (!team.team->inpatient) {
      continue;
    }
    units.push_back(&team);
    for (const Series& entry : series) {
      largest = std::max(largest, (team.*entry.value).value_or(0.0));
    }
  }
  const double group_height = 3.0 * (kBar + kBarGap) + kGroupGap;
  const double rows_end = kTop + group_height * static_cast<double>(units.size());
  Svg svg(rows_end + 4.0,
          "Productive WTE of each inpatient unit from the roster, the CHPPD benchmark and "
          "professional judgement");
  std::vector<LegendEntry> legend;
  for (const Series& entry : series) {
    legend.push_back({std::string(entry.name) + " WTE", entry.fill});
  }
  layout_legend(&svg, legend, 11.0);
  const Axis axis = axis_for(largest, 1.0);
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end - kGroupGap + 4.0, 0, "");

  double y = kTop;
  for (const TeamResult* team : units) {
    svg.label(y + 1.5 * (kBar + kBarGap) + 4.0, team->team->name);
    double bar_top = y;
    for (const Series& entry : series) {
      const std::optional<double>& value = team->*entry.value;
      if (value) {
        const double width = kBarWidth * std::max(*value, 0.0) / axis.maximum;
        svg.rect(kBarStart, bar_top, width, kBar, entry.fill);
        svg.text(kBarStart + width + 5.0, bar_top + kBar - 1.5,
                 fmt::format("{} {}", format_wte(*value), entry.name), "start", 9.5);
      } else {
        svg.text(kBarStart + 5.0, bar_top + kBar - 1.5, fmt::format("{}: not stated", entry.name),
                 "start", 9.5, kGrey);
      }
      bar_top += kBar + kBarGap;
    }
    y += group_height;
  }
  return svg.finish();
}

std::string headroom_chart(const ReviewResult& review) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 30.0;
  constexpr double kBarHeight = 10.0;
  constexpr double kBarWidth = 320.0;  // room after the bars for their two percentages
  constexpr std::string_view kActualRed = "#da291c";
  std::vector<std::pair<const std::string*, std::pair<double, double>>> rows;
  double largest = 0.0;
  for (const TeamResult& team : review.teams) {
    const AbsenceActuals& actuals = team.totals.actuals;
    if (actuals.components.empty()) continue;
    double assumed = 0.0;
    double actual = 0.0;
    for (const ActualComponent& component : actuals.components) {
      assumed += component.assumed;
      actual += component.actual;
    }
    rows.push_back({&team.team->name, {assumed, actual}});
    largest = std::max({largest, assumed, actual});
  }
  const double rows_end = kTop + kRow * static_cast<double>(rows.size());
  Svg svg(rows_end + 28.0, "Funded headroom against actual absence per team");
  const Axis axis = axis_for(largest, 0.05);
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");
  double y = kTop;
  for (const auto& [name, figures] : rows) {
    const auto [assumed, actual] = figures;
    const double bar_top = y + 3.0;
    svg.label(bar_top + kBarHeight + 2.0, *name);
    svg.rect(kBarStart, bar_top, kBarWidth * std::max(assumed, 0.0) / axis.maximum, kBarHeight,
             kBlue);
    svg.rect(kBarStart, bar_top + kBarHeight + 1.0,
             kBarWidth * std::max(actual, 0.0) / axis.maximum, kBarHeight, kActualRed);
    svg.text(kBarStart + kBarWidth + 12.0, bar_top + kBarHeight + 2.0,
             fmt::format("{} funded \xC2\xB7 {} actual", format_percent(assumed),
                         format_percent(actual)),
             "start", 10.5);
    y += kRow;
  }
  svg.rect(kBarStart, rows_end + 10.0, 10.0, 10.0, kBlue);
  svg.text(kBarStart + 14.0, rows_end + 19.0, "funded headroom (assumed absence)", "start", 10.0);
  svg.rect(kBarStart + 220.0, rows_end + 10.0, 10.0, 10.0, kActualRed);
  svg.text(kBarStart + 234.0, rows_end + 19.0, "actual absence", "start", 10.0);
  return svg.finish();
}

}  // namespace estab::report
