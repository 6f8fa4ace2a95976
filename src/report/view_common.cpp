// Shared pieces of the table views: names, the heading line, grouping and rating colours.

#include "report/view_common.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include <stdexcept>

#include "estab/text.hpp"
#include "report/text_format.hpp"

namespace estab::report {

const Model& model_of(const ReviewResult& review) {
  if (review.model == nullptr) {
    throw std::logic_error("report: the review result has no model");
  }
  return *review.model;
}

std::optional<std::string> service_id(const Service* service) {
  if (service == nullptr) {
    return std::nullopt;
  }
  return service->id;
}

std::string service_label(const Service* service) {
  return service == nullptr ? std::string("(none)") : service->name;
}

std::vector<std::string> warning_texts(const ReviewResult& review) {
  std::vector<std::string> texts = review.warnings;
  const Model& model = model_of(review);
  for (const Diagnostic& warning : model.warnings) {
    std::string text;
    if (!warning.file.empty()) {
      text = warning.line != 0 ? fmt::format("{}:{}: ", printable(warning.file), warning.line)
                               : printable(warning.file) + ": ";
    }
    if (!warning.path.empty()) text += printable(warning.path, 300) + ": ";
    texts.push_back(text + printable(warning.message, 500));
  }
  if (model.unlisted_warnings > 0) {
    texts.push_back(
        fmt::format("{} more warning{} about the input, not listed: run estab validate "
                    "--all-errors to see every one.",
                    model.unlisted_warnings, model.unlisted_warnings == 1 ? "" : "s"));
  }
  return texts;
}

std::string line_label(const LineResult& line) {
  return line.team->name + " / " + line.profession->name;
}

std::string heading_line(const ReviewResult& review, std::string_view view_name) {
  const ReviewSettings& settings = model_of(review).review;
  std::vector<std::string> parts;
  for (const std::optional<std::string>* known :
       {&settings.organisation, &settings.title, &settings.period}) {
    if (*known && !(*known)->empty()) {
      parts.push_back(**known);
    }
  }
  std::string heading(view_name);
  if (!parts.empty()) {
    heading += ": " + fmt::format("{}", fmt::join(parts, ", "));
  }
  heading += fmt::format(" (uplift method: {})", uplift_method_name(settings.uplift_method.value));
  return heading;
}

void write_heading(std::ostream& out, std::string_view text, bool colour) {
  out << styled(printable(text), Style::Bold, colour) << "\n\n";
}

Style rag_style(Rag rag) {
  switch (rag) {
    case Rag::Green: return Style::Green;
    case Rag::Amber: return Style::Amber;
    case Rag::Red: return Style::Red;
    case Rag::None: break;
  }
  return Style::Plain;
}

Cell rag_cell(Rag rag) {
  return Cell(rag_name(rag), rag_style(rag));
}

std::vector<ServiceGroup> group_lines(const ReviewResult& review) {
  // One pass over each list: a national review has 20,000 teams and 100,000 lines.
  std::unordered_map<const Team*, std::vector<const LineResult*>> lines_by_team;
  lines_by_team.reserve(review.teams.size());
  for (const LineResult& line : review.lines) lines_by_team[line.team].push_back(&line);

  std::vector<ServiceGroup> groups;
  groups.reserve(review.services.size());
  std::unordered_map<const Service*, std::size_t> group_of_service;  // null: no service
  for (const ServiceResult& service : review.services) {
    group_of_service.emplace(service.service, groups.size());
    ServiceGroup group;
    group.service = &service;
    groups.push_back(std::move(group));
  }
  for (const TeamResult& team : review.teams) {
    const auto group = group_of_service.find(team.service);
    if (group == group_of_service.end()) continue;
    TeamGroup team_group;
    team_group.team = &team;
    if (const auto lines = lines_by_team.find(team.team); lines != lines_by_team.end()) {
      team_group.lines = std::move(lines->second);
    }
    groups[group->second].teams.push_back(std::move(team_group));
  }
  return groups;
}

std::string_view rows_phrase(RollupLevel level) {
  switch (level) {
    case RollupLevel::Line: return "Per staffing line";
    case RollupLevel::Team: return "Per team, with service and organisation totals";
    case RollupLevel::Service: return "Per service, with the organisation's total";
    case RollupLevel::Organisation: return "For the organisation";
  }
  return "Per staffing line";
}

}  // namespace estab::report
