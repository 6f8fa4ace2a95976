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

std::string skill_mix_chart(const std::vector<const TeamResult*>& teams) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 24.0;
  constexpr double kBarHeight = 12.0;
  constexpr double kBarWidth = 300.0;  // room after the bar for "100.0% · target 100.0% · amber"
  const double rows_end = kTop + kRow * static_cast<double>(teams.size());
  Svg svg(rows_end + 28.0, "Registered share of WTE in post per team, against its target");
  const Axis axis{1.0, 0.25};
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");

  double y = kTop;
  for (const TeamResult* team : teams) {
    const Totals& totals = team->totals;
    const double bar_top = y + (kRow - kBarHeight) / 2.0 - 3.0;
    svg.label(bar_top + kBarHeight - 2.0, team->team->name);
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

namespace {

/// The colours of absence components: those of `colour_order` first, in that order, then any
/// other in order of first use.
class ComponentPalette {
 public:
  explicit ComponentPalette(const std::vector<std::string>& colour_order) {
    for (const std::string& name : colour_order) add(name);
  }

  /// Gives `name` the next colour unless it has one.
  void add(const std::string& name) {
    if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
  }

  /// The swatch of `name` (added first).
  const Swatch& swatch_of(const std::string& name) const {
    const auto position =
        static_cast<std::size_t>(std::find(names_.begin(), names_.end(), name) - names_.begin());
    return kComponentSwatches[position % kComponentSwatches.size()];
  }

 private:
  std::vector<std::string> names_;
};

/// Draws `components` as one bar stacked from kBarStart, each labelled with its percentage
/// when there is room; `to_width` turns a fraction into a length.
template <typename Components, typename ToWidth>
void stacked_bar(Svg& svg, const Components& components, const ComponentPalette& palette,
                 double bar_top, double bar_height, const ToWidth& to_width) {
  double x = kBarStart;
  for (const auto& component : components) {
    if (component.fraction <= 0.0) continue;
    const Swatch& swatch = palette.swatch_of(component.component);
    const double width = to_width(component.fraction);
    svg.rect(x, bar_top, width, bar_height, swatch.fill,
             " stroke=\"#ffffff\" stroke-width=\"0.5\"");
    if (width >= 30.0) {
      svg.text(x + width / 2.0, bar_top + bar_height - 3.2, format_percent(component.fraction),
               "middle", 8.0, swatch.ink);
    }
    x += width;
  }
}

/// The legend of the components with a share above zero, in the palette's order.
template <typename Components>
std::vector<LegendEntry> component_legend(const std::vector<const Components*>& lists,
                                          ComponentPalette& palette) {
  std::vector<LegendEntry> legend;
  std::vector<std::string> named;
  for (const Components* components : lists) {
    for (const auto& component : *components) {
      if (component.fraction <= 0.0) continue;
      if (std::find(named.begin(), named.end(), component.component) != named.end()) continue;
      named.push_back(component.component);
      palette.add(component.component);
    }
  }
  for (const std::string& name : named) legend.push_back({name, palette.swatch_of(name).fill});
  return legend;
}

}  // namespace

std::string organisation_absence_chart(const OrganisationAbsence& absence, UpliftMethod applied) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 34.0;
  constexpr double kBarHeight = 16.0;
  constexpr double kBarWidth = 360.0;
  std::vector<std::string> order;
  for (const ComponentShare& component : absence.components) order.push_back(component.component);
  ComponentPalette palette(order);
  const std::vector<LegendEntry> legend =
      component_legend<std::vector<ComponentShare>>({&absence.components}, palette);
  const bool exact_applied = applied == UpliftMethod::Exact;
  const double other = exact_applied ? absence.uplift_additive : absence.uplift_exact;

  const Axis axis = axis_for(std::max({absence.total, absence.uplift_applied, other}), 0.05);
  const double rows_end = kTop + kRow * 3.0;
  const double legend_top = rows_end + 18.0;
  Svg svg(legend_top + layout_legend(nullptr, legend, legend_top),
          "The organisation's absence by component against the uplift funded");
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");
  const auto to_width = [&](double fraction) { return kBarWidth * fraction / axis.maximum; };
  const double value_x = kBarStart + kBarWidth + 12.0;

  double bar_top = kTop + 6.0;
  svg.label(bar_top + 8.0, "Absence", true, 10.5);
  svg.label(bar_top + 19.5, "of contracted time", false, 9.0, kGrey);
  stacked_bar(svg, absence.components, palette, bar_top, kBarHeight, to_width);
  svg.text(value_x, bar_top + 12.0, format_percent(absence.total) + " absent", "start", 10.0);

  bar_top += kRow;
  svg.label(bar_top + 8.0, "Uplift funded", true, 10.5);
  svg.label(bar_top + 19.5, exact_applied ? "exact: a / (1 - a)" : "additive: a", false, 9.0,
            kGrey);
  svg.rect(kBarStart, bar_top, to_width(absence.uplift_applied), kBarHeight, kInk);
  svg.text(value_x, bar_top + 12.0, format_percent(absence.uplift_applied) + " funded", "start",
           10.0, kInk, true);

  bar_top += kRow;
  svg.label(bar_top + 8.0, exact_applied ? "Additive uplift" : "Exact uplift", false, 10.5);
  svg.label(bar_top + 19.5, exact_applied ? "a, not applied" : "a/(1-a), not applied", false, 9.0,
            kGrey);
  svg.rect(kBarStart, bar_top + 4.0, to_width(other), kBarHeight - 8.0, kGrey);
  svg.text(value_x, bar_top + 12.0, format_percent(other), "start", 10.0, kGrey);
  layout_legend(&svg, legend, legend_top);
  return svg.finish();
}

std::string uplift_chart(const std::vector<AssumptionSetRow>& sets, UpliftMethod applied,
                         const std::vector<std::string>& colour_order) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 34.0;
  constexpr double kBarHeight = 13.0;
  constexpr double kBarWidth = 360.0;

  double largest = 0.0;
  std::vector<const std::vector<AbsenceComponent>*> lists;
  for (const AssumptionSetRow& set : sets) {
    const LineResult& first = *set.group->first;
    largest = std::max({largest, first.uplift_exact, first.uplift_additive});
    lists.push_back(&first.absence.components);
  }
  ComponentPalette palette(colour_order);
  std::vector<LegendEntry> legend = component_legend(lists, palette);
  legend.push_back({"exact uplift a/(1-a) (thin bar)", kInk});

  const Axis axis = axis_for(largest, 0.05);
  const double rows_end = kTop + kRow * static_cast<double>(sets.size());
  const double legend_top = rows_end + 18.0;
  Svg svg(legend_top + layout_legend(nullptr, legend, legend_top),
          "Absence components of each assumption set, with the exact and additive uplift");
  draw_grid(svg, axis, kBarWidth, kTop - 6.0, rows_end, 2, "%");
  const auto to_width = [&](double fraction) { return kBarWidth * fraction / axis.maximum; };
  const bool exact_applied = applied == UpliftMethod::Exact;
  const double value_x = kBarStart + kBarWidth + 12.0;

  double y = kTop;
  for (const AssumptionSetRow& set : sets) {
    const LineResult& first = *set.group->first;
    const double bar_top = y + 4.0;
    svg.label(bar_top + 10.0, set.teams, true, 10.5);
    svg.label(bar_top + 21.5, set.professions, false, 9.0, kGrey);
    stacked_bar(svg, first.absence.components, palette, bar_top, kBarHeight, to_width);
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

std::string triangulation_chart(const std::vector<const TeamResult*>& units) {
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
  double largest = 0.0;
  for (const TeamResult* team : units) {
    for (const Series& entry : series) {
      largest = std::max(largest, ((*team).*entry.value).value_or(0.0));
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

std::string headroom_chart(const std::vector<const TeamResult*>& teams) {
  constexpr double kTop = 22.0;
  constexpr double kRow = 30.0;
  constexpr double kBarHeight = 10.0;
  constexpr double kBarWidth = 320.0;  // room after the bars for their two percentages
  constexpr std::string_view kActualRed = "#da291c";
  std::vector<std::pair<const std::string*, std::pair<double, double>>> rows;
  double largest = 0.0;
  for (const TeamResult* team : teams) {
    const AbsenceActuals& actuals = team->totals.actuals;
    if (actuals.components.empty()) continue;
    double assumed = 0.0;
    double actual = 0.0;
    for (const ActualComponent& component : actuals.components) {
      assumed += component.assumed;
      actual += component.actual;
    }
    rows.push_back({&team->team->name, {assumed, actual}});
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
