// The assumptions section of the HTML board paper: the review settings, the organisation's
// absence defaults as resolved, and every override with the level (profession, team, line)
// that states it and the staffing lines it reaches.

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "report/html_review.hpp"
#include "report/html_writer.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"

namespace estab::report {

namespace {

/// How many lines an override lists by name before it says "and N more".
constexpr std::size_t kListedLines = 4;

/// A stated number with up to four decimals and no trailing zeros: 22.5, 0.2, 1.15.
std::string stated_number(double value, int scale_power = 0) {
  std::string text = round_decimal(value, 4, scale_power);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

/// An allowance as the input wrote it: "5%", "8 days", "22.5 hours per head", ….
std::string describe_allowance(const Allowance* allowance) {
  if (allowance == nullptr) {
    return "built-in default";
  }
  switch (allowance->unit) {
    case AllowanceUnit::Percent: return stated_number(allowance->amount, 2) + "%";
    case AllowanceUnit::Days: return stated_number(allowance->amount) + " days";
    case AllowanceUnit::Hours: return stated_number(allowance->amount) + " hours";
    case AllowanceUnit::HoursPerHead: return stated_number(allowance->amount) + " hours per head";
    case AllowanceUnit::MinutesPerDay: return stated_number(allowance->amount) + " minutes per day";
    case AllowanceUnit::ByService: {
      std::vector<std::string> bands;
      for (const LeaveBand& band : allowance->bands) {
        bands.push_back(fmt::format("{} days ({}%)", stated_number(band.days.value),
                                    stated_number(band.share.value, 2)));
      }
      return fmt::format("by length of service: {}", fmt::join(bands, ", "));
    }
  }
  return "";
}

/// Lowest and highest of some fractions as percentages: "1.6%" or "1.6% to 2.0%".
std::string fraction_range(const std::vector<double>& fractions) {
  const auto [lowest, highest] = std::minmax_element(fractions.begin(), fractions.end());
  const std::string low = format_percent(*lowest);
  const std::string high = format_percent(*highest);
  return low == high ? low : low + " to " + high;
}

/// One override: a component (or headcount per WTE) stated below the organisation.
struct Override {
  std::string component;
  AssumptionLevel level = AssumptionLevel::Line;
  std::string owner;  ///< the profession, team or "team/profession" that states it
  std::string stated;
  std::vector<double> fractions;  ///< one per line reached; empty for headcount
  std::vector<std::string> lines;
};

/// The id of whatever states an assumption at `level` for `line`.
std::string owner_of(const LineResult& line, AssumptionLevel level) {
  switch (level) {
    case AssumptionLevel::Profession: return line.profession->name;
    case AssumptionLevel::Team: return line.team->name;
    default: return line_label(line);
  }
}

bool is_override(AssumptionLevel level) {
  return level == AssumptionLevel::Line || level == AssumptionLevel::Team ||
         level == AssumptionLevel::Profession;
}

/// Adds `line` to the override of (component, level, owner), creating it if new.
Override& override_for(std::vector<Override>& overrides, const std::string& component,
                       AssumptionLevel level, const std::string& owner) {
  for (Override& candidate : overrides) {
    if (candidate.component == component && candidate.level == level && candidate.owner == owner) {
      return candidate;
    }
  }
  Override& created = overrides.emplace_back();
  created.component = component;
  created.level = level;
  created.owner = owner;
  return created;
}

/// Every override of the review, profession level first, then team, then line.
std::vector<Override> collect_overrides(const ReviewResult& review) {
  std::vector<Override> overrides;
  for (const LineResult& line : review.lines) {
    for (const AbsenceComponent& component : line.absence.components) {
      if (!is_override(component.source)) {
        continue;
      }
      Override& entry = override_for(overrides, component.component, component.source,
                                     owner_of(line, component.source));
      if (entry.lines.empty()) {
        entry.stated = describe_allowance(component.stated);
      }
      entry.fractions.push_back(component.fraction);
      entry.lines.push_back(line_label(line));
    }
    if (is_override(line.absence.headcount_source)) {
      Override& entry = override_for(overrides, "headcount per WTE", line.absence.headcount_source,
                                     owner_of(line, line.absence.headcount_source));
      entry.stated = stated_number(line.absence.headcount_per_wte);
      entry.lines.push_back(line_label(line));
    }
  }
  const auto rank = [](AssumptionLevel level) {
    return level == AssumptionLevel::Profession ? 0 : level == AssumptionLevel::Team ? 1 : 2;
  };
  std::stable_sort(overrides.begin(), overrides.end(),
                   [&rank](const Override& left, const Override& right) {
                     return rank(left.level) < rank(right.level);
                   });
  return overrides;
}

/// The staffing lines an override reaches: "this line", "all 6 lines", or those it reaches when
/// a more specific level takes over on some of them.
std::string reach_of(const ReviewResult& review, const Override& entry) {
  if (entry.level == AssumptionLevel::Line) {
    return "this line";
  }
  std::size_t candidates = 0;
  for (const LineResult& line : review.lines) {
    if (owner_of(line, entry.level) == entry.owner) {
      ++candidates;
    }
  }
  if (entry.lines.size() == candidates) {
    return candidates == 1 ? "its 1 line" : fmt::format("all {} lines", candidates);
  }
  const std::vector<std::string> shown(
      entry.lines.begin(), entry.lines.begin() + static_cast<std::ptrdiff_t>(
                                                     std::min(entry.lines.size(), kListedLines)));
  std::string text =
      fmt::format("{} of {}: {}", entry.lines.size(), candidates, fmt::join(shown, ", "));
  if (entry.lines.size() > kListedLines) {
    text += fmt::format(" and {} more", entry.lines.size() - kListedLines);
  }
  return text;
}

void write_settings(HtmlWriter& html, const Model& model) {
  const ReviewSettings& settings = model.review;
  HtmlTable table({{"Setting"}, {"Value", true}}, "settings");
  table.add_row(
      {"Standard hours per week", number_cell(format_hours(settings.standard_hours.value))});
  table.add_row({"Working days per year", number_cell(format_hours(settings.working_days.value))});
  table.add_row({"Contracted hours per WTE per year",
                 number_cell(format_hours(settings.contracted_hours_per_wte()))});
  table.add_row({"Uplift method", number_cell(uplift_method_name(settings.uplift_method.value))});
  table.add_row({"Net gap tolerance", number_cell(format_percent(settings.gap_tolerance.value))});
  if (model.skill_mix.registered_target) {
    table.add_row({"Registered skill-mix target (organisation)",
                   number_cell(format_percent(model.skill_mix.registered_target->value))});
  }
  if (model.skill_mix.tolerance) {
    table.add_row(
        {"Skill-mix tolerance", number_cell(format_percent(model.skill_mix.tolerance->value))});
  }
  html.element("h3", "Review settings");
  table.write(html);
}

/// The organisation's defaults as a line that nothing below the organisation touches would
/// resolve them: a model with the organisation's assumptions and one profession that states
/// nothing.
void write_defaults(HtmlWriter& html, const Model& model) {
  const ResolvedAbsence defaults = organisation_default_absence(model);
  const AbsenceHours hours = absence_hours(defaults, model.review);

  HtmlTable table({{"Component"},
                   {"As stated"},
                   {"% of contracted time", true},
                   {"Hours per WTE per year", true},
                   {"Source"}});
  for (std::size_t index = 0; index < defaults.components.size(); ++index) {
    const AbsenceComponent& component = defaults.components[index];
    table.add_row({component.component, describe_allowance(component.stated),
                   number_cell(format_percent(component.fraction)),
                   number_cell(format_hours(hours.components[index])),
                   level_name(component.source)});
  }
  table.add_row({"headcount per WTE", stated_number(defaults.headcount_per_wte), "", "",
                 level_name(defaults.headcount_source)});
  table.add_total({"Total absence", "", number_cell(format_percent(defaults.total)),
                   number_cell(format_hours(hours.total)), ""});
  html.element("h3", "Organisation defaults");
  table.write(html);
  html.element("p",
               "Each component applies to every staffing line unless a profession, team or line "
               "states its own (most specific wins, component by component). Hours per head are "
               "converted at the headcount per WTE that applies to the line.",
               {{"class", "note"}});
}

void write_overrides(HtmlWriter& html, const ReviewResult& review) {
  const std::vector<Override> overrides = collect_overrides(review);
  html.element("h3", "Overrides");
  if (overrides.empty()) {
    html.element("p", "None: every line uses the organisation defaults.");
    return;
  }
  HtmlTable table({{"Component"},
                   {"Level"},
                   {"Stated for"},
                   {"As stated"},
                   {"% of contracted time", true},
                   {"Reaches"}});
  for (const Override& entry : overrides) {
    table.add_row({entry.component, level_name(entry.level), entry.owner, entry.stated,
                   number_cell(entry.fractions.empty() ? std::string(kNullCell)
                                                       : fraction_range(entry.fractions)),
                   reach_of(review, entry)});
  }
  table.write(html);
}

}  // namespace

void write_assumptions_section(HtmlWriter& html, const ReviewResult& review) {
  const Model& model = model_of(review);
  open_section(html, "assumptions", "7. Assumptions and sources");
  write_settings(html, model);
  write_defaults(html, model);
  write_overrides(html, review);
  html.close();
  html.newline();
}

}  // namespace estab::report
