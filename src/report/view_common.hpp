#pragma once
/// Helpers shared by the table views: names, headings, grouping of lines, colours of ratings.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "estab/calc.hpp"
#include "estab/report.hpp"
#include "report/table.hpp"

namespace estab::report {

/// The model behind a result; throws std::logic_error when the result has none.
const Model& model_of(const ReviewResult& review);

/// A service's id, or nullopt for teams that name no service.
std::optional<std::string> service_id(const Service* service);

/// A service's name for tables: "(none)" for teams that name no service.
std::string service_label(const Service* service);

/// Every warning of a review as its Warnings section lists them: the review's own, then each
/// warning about the input with the file and line it was found at, then how many more there
/// were beyond those kept.
std::vector<std::string> warning_texts(const ReviewResult& review);

/// "team / profession" for a line, by name.
std::string line_label(const LineResult& line);

/// What the rows of a table at `level` are: "Per staffing line", "Per team, with service and
/// organisation totals", "Per service, with the organisation's total", "For the organisation".
std::string_view rows_phrase(RollupLevel level);

/// The first line of every table view: what, for whom, which period, which uplift method.
std::string heading_line(const ReviewResult& review, std::string_view view_name);

/// Writes a heading (bold with colour) followed by a blank line.
void write_heading(std::ostream& out, std::string_view text, bool colour);

/// The style of a rating: green, amber, red, or plain for none.
Style rag_style(Rag rag);

/// A cell showing a rating by name, coloured by it.
Cell rag_cell(Rag rag);

/// One team with its lines, in file order.
struct TeamGroup {
  const TeamResult* team = nullptr;
  std::vector<const LineResult*> lines;
};

/// One service (or the teams without one) with its teams, in file order.
struct ServiceGroup {
  const ServiceResult* service = nullptr;
  std::vector<TeamGroup> teams;
};

/// The review's lines grouped team → service, services in the review's order, so that tables
/// can show a subtotal for each team and each service.
std::vector<ServiceGroup> group_lines(const ReviewResult& review);

}  // namespace estab::report
