// The review workbook (`review --format xlsx`) of examples/trust.yaml, written to a file, read
// back by tests/xlsx/check_xlsx.py and compared cell by cell with the estab-review/2 document and
// the CSVs of the same review. The first team is renamed "=1+1" to show that text never becomes
// a formula.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/report.hpp"
#include "report/csv_writer.hpp"
#include "support/test_support.hpp"
#include "xlsx/workbook_reader.hpp"

namespace {

using estab::OutputFormat;
using estab::RollupLevel;
using nlohmann::ordered_json;
using namespace estab::testing;
using namespace xlsx_test;

}  // namespace

TEST_CASE("XLSX review of examples/trust.yaml matches the estab-review/2 document", "[xlsx]") {
  const RenamedTrust trust("=1+1");
  const std::string bytes = rendered_review(trust.review, OutputFormat::Xlsx);
  REQUIRE(bytes.substr(0, 4) == std::string("PK\x03\x04", 4));
  const ScratchDirectory scratch;
  const ordered_json workbook = read_back(bytes, scratch.path() / "review.xlsx");
  const ordered_json document = estab::review_to_json(trust.review);

  CHECK(sheet_names(workbook) ==
        std::vector<std::string>{"About", "Lines", "Teams", "Services", "Professions",
                                 "Organisation", "Establishment", "Gaps", "Skill mix",
                                 "Assumption sets", "Actuals", "Warnings"});

  SECTION("Lines: the CSV's columns, every figure of every line as in the JSON review") {
    const ordered_json& lines = sheet_named(workbook, "Lines");
    CHECK(headers_of(lines) == csv_headers(rendered_review(trust.review, OutputFormat::Csv)));
    check_layout(lines, document.at("lines").size());
    const auto expected = [](const ordered_json& line, const std::string& header) {
      if (header.rfind("absence_", 0) == 0 && header != "absence_total" &&
          header != "absence_variance") {
        for (const ordered_json& component : line.at("absence")) {
          if ("absence_" + component.at("component").get<std::string>() == header) {
            return component.at("fraction");
          }
        }
        return ordered_json(0.0);  // a component the line does not have, as in the CSV
      }
      return plain_field(line, header);
    };
    const std::size_t numbers = check_cells(lines, document.at("lines"), expected);
    // 24 lines × (10 absence components + 22 numeric fields), less any nulls.
    CHECK(numbers >= document.at("lines").size() * 25);

    const ordered_json formula_team = cell_at(lines, 0, 0);
    CHECK(formula_team.at("type") == "string");
    CHECK(formula_team.at("value") == "=1+1");
    CHECK(formula_team.at("formula") == false);
  }

  SECTION("Teams, Services, Organisation: the CSV's columns and the JSON's figures") {
    const std::vector<std::pair<std::string, RollupLevel>> levels = {
        {"Teams", RollupLevel::Team},
        {"Services", RollupLevel::Service},
        {"Organisation", RollupLevel::Organisation}};
    for (const auto& [name, level] : levels) {
      const ordered_json& sheet = sheet_named(workbook, name);
      CHECK(headers_of(sheet) ==
            csv_headers(rendered_review(trust.review, OutputFormat::Csv, level)));
      ordered_json records = level == RollupLevel::Team      ? document.at("teams")
                             : level == RollupLevel::Service ? document.at("services")
                                                             : ordered_json::array();
      if (level == RollupLevel::Organisation) records.push_back(document.at("organisation"));
      check_layout(sheet, records.size());
      CHECK(check_cells(sheet, records, plain_field) >= records.size() * 10);
    }
    CHECK(cell_at(sheet_named(workbook, "Teams"), 0, 0).at("value") == "=1+1");
  }

  SECTION("About: what the review is of, its settings, files, estab and each sheet") {
    const ordered_json& about = sheet_named(workbook, "About");
    CHECK(headers_of(about) == std::vector<std::string>{"item", "value"});
    CHECK(labels_of(about) == std::vector<std::string>{"Item", "Value"});
    std::map<std::string, ordered_json> items;
    for (std::size_t record = 0; record < records_of(about); ++record) {
      items[cell_at(about, record, 0).at("value").get<std::string>()] =
          cell_at(about, record, 1).at("value");
    }
    CHECK(items.at("organisation") == "Example Partnership NHS Foundation Trust");
    CHECK(items.at("uplift method") == "exact");
    CHECK(items.at("standard hours per week") == 37.5);
    CHECK(items.at("written by").get<std::string>().rfind("estab ", 0) == 0);
    CHECK(items.at("input file").get<std::string>().find("(modified ") != std::string::npos);
    CHECK(items.count("sheet Actuals") == 1);
    CHECK(items.count("sheet Warnings") == 1);
  }

  SECTION("Actuals: each team with actuals, then the organisation, as in the JSON") {
    const ordered_json& sheet = sheet_named(workbook, "Actuals");
    ordered_json records = ordered_json::array();
    for (const ordered_json& team : document.at("teams")) {
      if (team.at("actuals_rag") != "none" || !team.at("temporary_hours").is_null() ||
          !team.at("leavers").is_null()) {
        records.push_back(team);
      }
    }
    ordered_json organisation = document.at("organisation");
    organisation["team"] = nullptr;
    organisation["team_name"] = "Organisation";
    organisation["service"] = nullptr;
    organisation["service_name"] = nullptr;
    records.push_back(organisation);
    CHECK(records.size() == 4);  // the two CLDTs, the ATU, the organisation
    check_layout(sheet, records.size());
    const std::vector<std::string> headers = headers_of(sheet);
    CHECK(std::find(headers.begin(), headers.end(), "actual_training") != headers.end());
    CHECK(std::find(headers.begin(), headers.end(), "temporary_premium") != headers.end());
    CHECK(check_cells(sheet, records, plain_field) >= records.size() * 20);
  }

  SECTION("Professions and Warnings: the JSON's records") {
    const ordered_json& professions = sheet_named(workbook, "Professions");
    std::vector<std::string> keys;
    for (const auto& item : document.at("professions").at(0).items()) keys.push_back(item.key());
    CHECK(headers_of(professions) == keys);
    check_layout(professions, document.at("professions").size());
    CHECK(check_cells(professions, document.at("professions"), plain_field) > 0);

    const ordered_json& warnings = sheet_named(workbook, "Warnings");
    CHECK(headers_of(warnings) == std::vector<std::string>{"warning"});
    check_layout(warnings, document.at("warnings").size());
    for (std::size_t index = 0; index < document.at("warnings").size(); ++index) {
      CHECK(cell_at(warnings, index, 0).at("value") == document.at("warnings")[index]);
    }
  }

  SECTION("Uplift, in the uplift workbook: the rows of uplift --format csv") {
    std::ostringstream csv_out;
    estab::render_uplift(csv_out, trust.review, OutputFormat::Csv, {});
    const std::vector<std::vector<std::string>> csv = parse_csv(csv_out.str());
    std::ostringstream xlsx_out;
    estab::render_uplift(xlsx_out, trust.review, OutputFormat::Xlsx, {});
    const ordered_json uplift_workbook = read_back(xlsx_out.str(), scratch.path() / "uplift.xlsx");
    const ordered_json& uplift = sheet_named(uplift_workbook, "Uplift");
    REQUIRE(headers_of(uplift) == csv.at(0));
    check_layout(uplift, csv.size() - 1);
    std::vector<std::string> mismatches;
    std::size_t numbers = 0;
    for (std::size_t record = 0; record + 1 < csv.size(); ++record) {
      for (std::size_t column = 0; column < csv[0].size(); ++column) {
        const std::string& field = csv[record + 1][column];
        const ordered_json cell = cell_at(uplift, record, column);
        std::string shown;  // the cell as the CSV writes it
        if (!cell.is_null() && cell.at("type") == "number") {
          const double want = std::stod(field);
          const double got = cell.at("value").get<double>();
          ++numbers;
          if (std::fabs(got - want) > kRelativeTolerance * std::fabs(want))
            shown = "?";
          else
            shown = field;
        } else if (!cell.is_null() && cell.at("type") == "string") {
          shown = estab::report::csv_text(cell.at("value").get<std::string>());
        } else if (!cell.is_null()) {
          shown = cell.dump();
        }
        if (shown != field) {
          mismatches.push_back(
              fmt::format("{} {}: {} for {}", record, csv[0][column], cell.dump(), field));
        }
      }
    }
    CAPTURE(mismatches);
    CHECK(mismatches.empty());
    CHECK(numbers >= (csv.size() - 1) * 15);
  }
}

TEST_CASE("XLSX number formats of named columns", "[xlsx]") {
  const RenamedTrust trust("ward");
  const ScratchDirectory scratch;
  const ordered_json workbook =
      read_back(rendered_review(trust.review, OutputFormat::Xlsx), scratch.path() / "r.xlsx");
  const auto format_of = [&workbook](const std::string& sheet_name, const std::string& header) {
    const ordered_json& sheet = sheet_named(workbook, sheet_name);
    const std::vector<std::string> headers = headers_of(sheet);
    const auto found = std::find(headers.begin(), headers.end(), header);
    REQUIRE(found != headers.end());
    const std::size_t column = static_cast<std::size_t>(found - headers.begin());
    for (std::size_t record = 0; record < records_of(sheet); ++record) {
      const ordered_json cell = cell_at(sheet, record, column);
      if (!cell.is_null() && cell.at("type") == "number")
        return cell.at("format").get<std::string>();
    }
    FAIL("no number in " << sheet_name << " " << header);
    return std::string();
  };
  CHECK(format_of("Lines", "required_wte") == "0.00");
  CHECK(format_of("Lines", "absence_sickness") == "0.0%");
  CHECK(format_of("Lines", "uplift_applied") == "0.0%");
  CHECK(format_of("Lines", "vacancy_rate") == "0.0%");
  CHECK(format_of("Lines", "demand_hours_per_week") == "0.0");
  CHECK(format_of("Lines", "cost_per_wte") == "\xC2\xA3#,##0");
  CHECK(format_of("Lines", "uplift_cost") == "\xC2\xA3#,##0");
  CHECK(format_of("Lines", "wisn_ratio") == "0.00");
  CHECK(format_of("Actuals", "leavers") == "#,##0");
  CHECK(format_of("Teams", "registered_share_in_post") == "0.0%");
  CHECK(format_of("Teams", "registered_target") == "0.0%");
  CHECK(format_of("Teams", "chppd_planned") == "0.0");
  CHECK(format_of("Organisation", "funded_cost") == "\xC2\xA3#,##0");
  CHECK(format_of("Assumption sets", "headcount_per_wte") == "0.00");
  CHECK(format_of("Assumption sets", "uplift_exact") == "0.0%");
}

TEST_CASE("XLSX labels a column for a reader above the field name a script reads", "[xlsx]") {
  const RenamedTrust trust("ward");
  const ScratchDirectory scratch;
  const ordered_json workbook =
      read_back(rendered_review(trust.review, OutputFormat::Xlsx), scratch.path() / "r.xlsx");
  const auto label_of = [&workbook](const std::string& sheet_name, const std::string& header) {
    const ordered_json& sheet = sheet_named(workbook, sheet_name);
    const std::vector<std::string> headers = headers_of(sheet);
    const auto found = std::find(headers.begin(), headers.end(), header);
    REQUIRE(found != headers.end());
    return labels_of(sheet).at(static_cast<std::size_t>(found - headers.begin()));
  };
  CHECK(label_of("Lines", "required_wte") == "Required WTE");
  CHECK(label_of("Lines", "net_gap_rate") == "Net gap rate");
  CHECK(label_of("Lines", "absence_annual_leave") == "Absence: annual leave");
  CHECK(label_of("Lines", "cost_per_wte") == "Cost per WTE");
  CHECK(label_of("Teams", "chppd_planned") == "CHPPD planned");
  CHECK(label_of("Lines", "gap_rag") == "Gap RAG");
  CHECK(label_of("Teams", "skill_mix_rag") == "Skill mix RAG");
  CHECK(label_of("Actuals", "actual_sickness") == "Actual: sickness");
  CHECK(label_of("Warnings", "warning") == "Warning");
}
