// Reading allowances, assumption blocks and skill-mix targets.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

#include "estab/suggest.hpp"
#include "load/schema.hpp"
#include "load/sections.hpp"

namespace estab {

namespace {

const std::vector<std::string_view> kAssumptionKeys = {
    "annual_leave", "bank_holidays", "sickness",    "parenting",  "other_leave",
    "study_leave",  "training",      "supervision", "additional", "headcount_per_wte"};

/// The keys of the map form of an allowance, by use.
std::vector<std::string_view> allowance_units(AllowanceUse use) {
  switch (use) {
    case AllowanceUse::Absence: return {"days", "hours", "hours_per_head"};
    case AllowanceUse::AnnualLeave: return {"days", "hours", "hours_per_head", "by_service"};
    case AllowanceUse::AvailableTime: return {"days", "hours", "minutes_per_day"};
  }
  return {};
}

std::optional<Allowance> read_by_service(NodeReader& reader, Document::NodeId node,
                                         const InputPath& path, SourceLocation where) {
  if (!reader.expect_list(node, path)) return std::nullopt;
  const Document& document = reader.document();
  if (document.size(node) == 0) {
    reader.error(node, path, "must list at least one band of {days, share}");
    return std::nullopt;
  }
  Allowance allowance;
  allowance.unit = AllowanceUnit::ByService;
  allowance.where = where;
  bool complete = true;
  double share_total = 0.0;
  std::size_t index = 0;
  for (Document::NodeId band = document.first_child(node); band != Document::kNoNode;
       band = document.next_sibling(band), ++index) {
    const InputPath band_path = path.item({}, index);
    if (!reader.expect_map(band, band_path)) {
      complete = false;
      continue;
    }
    reader.check_keys(band, band_path, schema_key_names(Section::LeaveBand));
    const Document::NodeId days_node = reader.require(band, band_path, "days");
    const Document::NodeId share_node = reader.require(band, band_path, "share");
    std::optional<Located<double>> days, share;
    if (days_node != Document::kNoNode) {
      days = reader.number(days_node, band_path.child("days"),
                           NumberRule{false, 366.0, "days in a year"});
    }
    if (share_node != Document::kNoNode)
      share = reader.percent(share_node, band_path.child("share"));
    if (!days || !share) {
      complete = false;
      continue;
    }
    share_total += share->value;
    allowance.bands.push_back(LeaveBand{*days, *share});
  }
  if (!complete) return std::nullopt;
  if (std::fabs(share_total - 1.0) > 0.0001 + 1e-12) {
    reader.error(
        node, path,
        fmt::format("the shares add up to {:.2f}%; they must total 100%", share_total * 100));
    return std::nullopt;
  }
  return allowance;
}

}  // namespace

namespace {

/// Reads `additional: {name: allowance, …}`; any name is allowed except the fixed components.
void read_additional(NodeReader& reader, Document::NodeId node, const InputPath& path,
                     std::vector<NamedAllowance>& additional) {
  const Document& document = reader.document();
  std::unordered_set<std::string_view> names;
  for (Document::NodeId key = document.first_child(node); key != Document::kNoNode;) {
    const Document::NodeId value = document.next_sibling(key);
    if (value == Document::kNoNode) break;
    const std::string_view name = document.text(key);
    const bool is_fixed =
        std::find(kAssumptionKeys.begin(), kAssumptionKeys.end(), name) != kAssumptionKeys.end();
    if (document.kind(key) != NodeKind::Scalar || name.empty()) {
      reader.error(key, path, "a component name must be plain text, got " + reader.describe(key));
    } else if (std::string problem = text_problem(name); !problem.empty()) {
      reader.error(key, path, "a component name " + problem);
    } else if (is_fixed) {
      reader.error(key, path,
                   fmt::format("'{}' is a standard component: set it beside 'additional', not "
                               "inside it",
                               name));
    } else if (!names.insert(name).second) {
      reader.error(key, path, fmt::format("component '{}' appears twice", name));
    } else if (auto allowance =
                   read_allowance(reader, value, path.child(name), AllowanceUse::Absence)) {
      additional.push_back(NamedAllowance{std::string(name), *allowance});
    }
    key = document.next_sibling(value);
  }
}

}  // namespace

std::optional<Allowance> read_allowance(NodeReader& reader, Document::NodeId node,
                                        const InputPath& path, AllowanceUse use) {
  const Document& document = reader.document();
  const SourceLocation where = document.location(node);
  if (document.kind(node) == NodeKind::Scalar) {
    const std::optional<Located<double>> fraction = reader.percent(node, path);
    if (!fraction) return std::nullopt;
    return Allowance{AllowanceUnit::Percent, fraction->value, {}, where};
  }
  const std::vector<std::string_view> units = allowance_units(use);
  const std::string forms = fmt::format("\"x%\" or {{{}: n}}", fmt::join(units, ": n} or {"));
  if (document.kind(node) != NodeKind::Map || document.size(node) != 2) {
    reader.error(
        node, path,
        fmt::format("expected {}, got {}", forms,
                    document.kind(node) == NodeKind::Map
                        ? "a mapping with " + std::to_string(document.size(node) / 2) + " keys"
                        : reader.describe(node)));
    return std::nullopt;
  }
  const Document::NodeId key = document.first_child(node);
  const Document::NodeId value = document.next_sibling(key);
  reader.check_keys(node, path, units);
  const std::string_view unit_name = document.text(key);
  if (std::find(units.begin(), units.end(), unit_name) == units.end()) return std::nullopt;
  const InputPath value_path = path.child(unit_name);
  if (unit_name == "by_service") return read_by_service(reader, value, value_path, where);
  NumberRule rule;
  if (unit_name == "days") rule = NumberRule{false, 366.0, "days in a year"};
  if (unit_name == "minutes_per_day") rule = NumberRule{false, 1440.0, "minutes in a day"};
  const std::optional<Located<double>> amount = reader.number(value, value_path, rule);
  if (!amount) return std::nullopt;
  Allowance allowance;
  allowance.amount = amount->value;
  allowance.where = where;
  if (unit_name == "days") allowance.unit = AllowanceUnit::Days;
  if (unit_name == "hours") allowance.unit = AllowanceUnit::Hours;
  if (unit_name == "hours_per_head") allowance.unit = AllowanceUnit::HoursPerHead;
  if (unit_name == "minutes_per_day") allowance.unit = AllowanceUnit::MinutesPerDay;
  return allowance;
}

AssumptionSet read_assumptions(NodeReader& reader, Document::NodeId node, const InputPath& path) {
  AssumptionSet assumptions;
  if (!reader.expect_map(node, path)) return assumptions;
  reader.check_keys(node, path, schema_key_names(Section::Assumptions));
  const Document& document = reader.document();
  for (std::size_t index = 0; index < kFixedComponentCount; ++index) {
    const char* key = component_key(static_cast<Component>(index));
    const Document::NodeId value = document.find(node, key);
    if (value == Document::kNoNode) continue;
    const AllowanceUse use = index == 0 ? AllowanceUse::AnnualLeave : AllowanceUse::Absence;
    if (std::optional<Allowance> allowance = read_allowance(reader, value, path.child(key), use)) {
      assumptions.fixed.set(static_cast<Component>(index), std::move(*allowance));
    }
  }
  const Document::NodeId headcount = document.find(node, "headcount_per_wte");
  if (headcount != Document::kNoNode) {
    assumptions.headcount_per_wte =
        reader.number(headcount, path.child("headcount_per_wte"), NumberRule{true, 100.0, ""});
  }
  const Document::NodeId additional = document.find(node, "additional");
  if (additional != Document::kNoNode) {
    const InputPath additional_path = path.child("additional");
    if (reader.expect_map(additional, additional_path)) {
      read_additional(reader, additional, additional_path, assumptions.additional);
    }
  }
  std::sort(assumptions.additional.begin(), assumptions.additional.end(),
            [](const NamedAllowance& left, const NamedAllowance& right) {
              return left.name < right.name;
            });
  return assumptions;
}

SkillMixTarget read_skill_mix(NodeReader& reader, Document::NodeId node, const InputPath& path) {
  SkillMixTarget target;
  if (!reader.expect_map(node, path)) return target;
  reader.check_keys(node, path, schema_key_names(Section::SkillMix));
  const Document& document = reader.document();
  const Document::NodeId stated = document.find(node, "registered_target");
  const auto says_none = [](std::string_view text) {
    return text.size() == 4 && std::tolower(static_cast<unsigned char>(text[0])) == 'n' &&
           std::tolower(static_cast<unsigned char>(text[1])) == 'o' &&
           std::tolower(static_cast<unsigned char>(text[2])) == 'n' &&
           std::tolower(static_cast<unsigned char>(text[3])) == 'e';
  };
  if (stated != Document::kNoNode && document.kind(stated) == NodeKind::Scalar &&
      says_none(document.text(stated))) {
    target.no_target = true;
  } else {
    target.registered_target = reader.percent_at(node, path, "registered_target");
  }
  target.tolerance = reader.percent_at(node, path, "tolerance");
  return target;
}

}  // namespace estab
