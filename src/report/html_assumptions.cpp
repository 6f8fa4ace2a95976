// The assumptions section of the HTML board paper: the review settings, the organisation's
// absence defaults as resolved, and every override with the level (profession, team, line)
// that states it and the staffing lines it reaches.

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/html_review.hpp"
#include "report/html_shortlist.hpp"
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

/// One override: a component (or headcount per WTE) stated below the organisation.
struct Override {
  std::string component;
  AssumptionLevel level = AssumptionLevel::Line;
  std::string owner;  ///< the profession, team or "team/profession" that states it
  std::string stated;
  std::optional<double> lowest_fraction;   ///< over the lines reached; null for headcount
  std::optional<double> highest_fraction;  ///< over the lines reached; null for headcount
  std::vector<const LineResult*> lines;    ///< the lines it reaches, in file order
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

/// A key naming one override: its component, level and owner.
std::string override_key(std::string_view component, AssumptionLevel level,
                         std::string_view owner) {
  std::string key;
  key.reserve(component.size() + owner.size() + 3);
  key.append(component).push_back('\0');
  key.push_back(static_cast<char>(level));
  key.push_back('\0');
  key.append(owner);
  return key;
}

/// The overrides of a review, found in one pass over its lines: each (component, level,
/// owner) is looked up by key, never by scanning the overrides found so far.
class OverrideCollector {
 public:
  /// Adds `line` to the override of (component, level, owner), creating it if new.
  Override& entry(const std::string& component, AssumptionLevel level, std::string owner) {
    const auto [found, inserted] =
        index_of_.try_emplace(override_key(component, level, owner), overrides_.size());
    if (inserted) {
      Override& created = overrides_.emplace_back();
      created.component = component;
      created.level = level;
      created.owner = std::move(owner);
    }
    return overrides_[found->second];
  }

  /// Every override, profession level first, then team, then line, each in order of first use.
  std::vector<Override> finish() && {
    const auto rank = [](AssumptionLevel level) {
      return level == AssumptionLevel::Profession ? 0 : level == AssumptionLevel::Team ? 1 : 2;
    };
    std::stable_sort(overrides_.begin(), overrides_.end(),
                     [&rank](const Override& left, const Override& right) {
                       return rank(left.level) < rank(right.level);
                     });
    return std::move(overrides_);
  }

 private:
  std::vector<Override> overrides_;
  std::unordered_map<std::string, std::size_t> index_of_;
};

/// Every override of the review, profession level first, then team, then line.
std::vector<Override> collect_overrides(const ReviewResult& review) {
  OverrideCollector collector;
  for (const LineResult& line : review.lines) {
    for (const AbsenceComponent& component : line.absence.components) {
      if (!is_override(component.source)) {
        continue;
      }
      Override& entry =
          collector.entry(component.component, component.source, owner_of(line, component.source));
      if (entry.lines.empty()) {
        entry.stated = describe_allowance(component.stated);
        entry.lowest_fraction = component.fraction;
        entry.highest_fraction = component.fraction;
      }
      entry.lowest_fraction = std::min(*entry.lowest_fraction, component.fraction);
      entry.highest_fraction = std::max(*entry.highest_fraction, component.fraction);
      entry.lines.push_back(&line);
    }
    if (is_override(line.absence.headcount_source)) {
      Override& entry = collector.entry("headcount per WTE", line.absence.headcount_source,
                                        owner_of(line, line.absence.headcount_source));
      entry.stated = stated_number(line.absence.headcount_per_wte);
      entry.lines.push_back(&line);
    }
  }
  return std::move(collector).finish();
}

/// How many staffing lines each profession and each team (by name) has: the lines an override
/// at that level could reach.
struct LineCounts {
  std::unordered_map<std::string_view, std::size_t> by_profession;
  std::unordered_map<std::string_view, std::size_t> by_team;

  /// The lines whatever states `entry` has.
  std::size_t candidates(const Override& entry) const {
    const auto& counts = entry.level == AssumptionLevel::Profession ? by_profession : by_team;
    const auto found = counts.find(entry.owner);
    return found == counts.end() ? 0 : found->second;
  }
};

LineCounts count_lines(const ReviewResult& review) {
  LineCounts counts;
  for (const LineResult& line : review.lines) {
    ++counts.by_profession[line.profession->name];
    ++counts.by_team[line.team->name];
  }
  return counts;
}

/// Lowest and highest fraction of an override as percentages: "1.6%" or "1.6% to 2.0%".
std::string fraction_range(const Override& entry) {
  if (!entry.lowest_fraction || !entry.highest_fraction) return std::string(kNullCell);
  const std::string low = format_percent(*entry.lowest_fraction);
  const std::string high = format_percent(*entry.highest_fraction);
  return low == high ? low : low + " to " + high;
}

/// The staffing lines an override reaches: "this line", "all 6 lines", or those it reaches when
/// a more specific level takes over on some of them.
std::string reach_of(const LineCounts& counts, const Override& entry) {
  if (entry.level == AssumptionLevel::Line) {
    return "this line";
  }
  const std::size_t candidates = counts.candidates(entry);
  if (entry.lines.size() == candidates) {
    return candidates == 1 ? "its 1 line" : fmt::format("all {} lines", candidates);
  }
  std::vector<std::string> shown;
  for (std::size_t index = 0; index < entry.lines.size() && index < kListedLines; ++index) {
    shown.push_back(line_label(*entry.lines[index]));
  }
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
  const LineCounts counts = count_lines(review);
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
  std::vector<const Override*> every_override;
  every_override.reserve(overrides.size());
  for (const Override& entry : overrides) every_override.push_back(&entry);
  std::vector<const Override*> listed =
      shortlist<Override>(every_override, [](const Override& left, const Override& right) {
        return left.lines.size() > right.lines.size();
      });
  std::sort(listed.begin(), listed.end());  // back in the order of `overrides`
  for (const Override* entry : listed) {
    table.add_row({entry->component, level_name(entry->level), entry->owner, entry->stated,
                   number_cell(fraction_range(*entry)), reach_of(counts, *entry)});
  }
  table.write(html);
  write_left_out_note(html, listed.size(), overrides.size(), "overrides",
                      fmt::format("the {} that reach the most staffing lines", listed.size()),
                      "Every set of assumptions, each component with the level it comes from, "
                      "is in the uplift view (estab uplift FILE --format json).");
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
