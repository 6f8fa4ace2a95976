// The workbooks of `compare --format xlsx` and `sensitivity --format xlsx`, read back by
// tests/xlsx/check_xlsx.py and compared with their JSON documents and CSVs; the commands that
// offer no workbook; and libxlsxwriter failures, which leave no temporary file behind.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/compare.hpp"
#include "estab/diagnostic.hpp"
#include "estab/load.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"
#include "support/test_support.hpp"
#include "xlsx/workbook_reader.hpp"

namespace {

using estab::OutputFormat;
using estab::RenderOptions;
using estab::RollupLevel;
using nlohmann::ordered_json;
using namespace estab::testing;
using namespace xlsx_test;

}  // namespace

TEST_CASE("XLSX compare: base, scenario and delta of every field, per level", "[xlsx]") {
  const estab::Model base = estab::load_model_file(source_path("tests/scenarios/base.yaml"));
  const estab::Model scenario =
      estab::load_model_file(source_path("tests/scenarios/scenario.yaml"));
  const estab::ReviewResult base_review = estab::compute_review(base);
  const estab::ReviewResult scenario_review = estab::compute_review(scenario);
  const estab::Comparison comparison =
      estab::compare_reviews(base_review, scenario_review, "base.yaml", "scenario.yaml");
  std::ostringstream out;
  estab::render_comparison(out, comparison, OutputFormat::Xlsx, {}, false);
  const ScratchDirectory scratch;
  const ordered_json workbook = read_back(out.str(), scratch.path() / "compare.xlsx");
  const ordered_json document = estab::comparison_to_json(comparison);

  CHECK(sheet_names(workbook) ==
        std::vector<std::string>{"Lines", "Teams", "Services", "Organisation"});
  const auto expected = [](const ordered_json& record, const std::string& header) {
    for (const char* side : {"base", "scenario", "delta"}) {
      const std::string suffix = std::string("_") + side;
      if (header.size() > suffix.size() &&
          header.compare(header.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return record.at(header.substr(0, header.size() - suffix.size())).at(side);
      }
    }
    return record.at(header);  // team, profession, service, status
  };
  const std::vector<std::tuple<std::string, RollupLevel, std::string>> levels = {
      {"Lines", RollupLevel::Line, "lines"},
      {"Teams", RollupLevel::Team, "teams"},
      {"Services", RollupLevel::Service, "services"},
      {"Organisation", RollupLevel::Organisation, "organisation"}};
  for (const auto& [name, level, key] : levels) {
    std::ostringstream csv;
    RenderOptions options;
    options.level = level;
    estab::render_comparison(csv, comparison, OutputFormat::Csv, options, false);
    const ordered_json& sheet = sheet_named(workbook, name);
    CHECK(headers_of(sheet) == csv_headers(csv.str()));
    ordered_json records = document.at(key);
    if (!records.is_array()) records = ordered_json::array({records});
    check_layout(sheet, records.size());
    CHECK(check_cells(sheet, records, expected) >= records.size() * 20);
  }
  // Something moved, so the test is not comparing two empty or identical sheets.
  const ordered_json organisation = sheet_named(workbook, "Organisation");
  CHECK(cell_at(organisation, 0, 0).at("value") == "changed");
}

TEST_CASE("XLSX sensitivity: one row per assumption, largest swing first", "[xlsx]") {
  const estab::Model model = estab::load_model_file(source_path("examples/trust.yaml"));
  const estab::SensitivityResult result = estab::run_sensitivity(model, 0.1);
  std::ostringstream out;
  estab::render_sensitivity(out, result, OutputFormat::Xlsx, {});
  const ScratchDirectory scratch;
  const ordered_json workbook = read_back(out.str(), scratch.path() / "sensitivity.xlsx");
  const ordered_json document = estab::sensitivity_to_json(result);

  CHECK(sheet_names(workbook) == std::vector<std::string>{"Sensitivity"});
  std::ostringstream csv;
  estab::render_sensitivity(csv, result, OutputFormat::Csv, {});
  const ordered_json& sheet = sheet_named(workbook, "Sensitivity");
  CHECK(headers_of(sheet) == csv_headers(csv.str()));
  check_layout(sheet, document.at("components").size());
  CHECK(check_cells(sheet, document.at("components"), plain_field) ==
        document.at("components").size() * 5);
  CHECK(cell_at(sheet, 0, 1).at("format") == "0.00");
  CHECK(cell_at(sheet, 0, 3).at("format") == "\xC2\xA3#,##0");
}

namespace {

/// The workbook a view writes for the trust example, read back.
ordered_json view_workbook(const ScratchDirectory& scratch, const estab::ReviewResult& review,
                           void (*render)(std::ostream&, const estab::ReviewResult&, OutputFormat,
                                          const estab::RenderOptions&),
                           estab::RollupLevel level = estab::RollupLevel::Line) {
  std::ostringstream out;
  estab::RenderOptions options;
  options.level = level;
  render(out, review, OutputFormat::Xlsx, options);
  return read_back(out.str(), scratch.path() / "view.xlsx");
}

/// How many rows of a table-shaped sheet are of a kind ("line", "team total", …).
std::size_t rows_of_kind(const ordered_json& sheet, const std::string& kind) {
  std::size_t count = 0;
  for (std::size_t record = 0; record < records_of(sheet); ++record) {
    if (cell_at(sheet, record, 0).at("value") == kind) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("XLSX establishment and gaps: the tables' rows, names and totals", "[xlsx]") {
  const RenamedTrust trust("ward");
  const ScratchDirectory scratch;
  const ordered_json document = estab::review_to_json(trust.review);
  const std::size_t lines = document.at("lines").size();
  const std::size_t teams = document.at("teams").size();
  const std::size_t services = document.at("services").size();

  const ordered_json establishment =
      view_workbook(scratch, trust.review, estab::render_establishment);
  CHECK(sheet_names(establishment) ==
        std::vector<std::string>{"About", "Establishment", "Warnings"});
  const ordered_json& table = sheet_named(establishment, "Establishment");
  CHECK(headers_of(table) == std::vector<std::string>{"row", "service_name", "team_name",
                                                      "profession_name", "demand_hours_per_week",
                                                      "productive_wte", "uplift_applied",
                                                      "fixed_wte", "required_wte"});
  CHECK(labels_of(table).at(8) == "Required WTE");
  check_layout(table, lines + teams + services + 1);
  CHECK(rows_of_kind(table, "line") == lines);
  CHECK(rows_of_kind(table, "team total") == teams);
  CHECK(rows_of_kind(table, "service total") == services);
  // The first line sits under its team and service, by name; its team's total follows its lines.
  const ordered_json& first_line = document.at("lines").at(0);
  CHECK(cell_at(table, 0, 2).at("value") == first_line.at("team_name"));
  CHECK(cell_at(table, 0, 3).at("value") == first_line.at("profession_name"));
  CHECK(cell_at(table, 0, 8).at("value").get<double>() ==
        Approx(first_line.at("required_wte").get<double>()).epsilon(1e-12));
  const std::size_t last = lines + teams + services;
  CHECK(cell_at(table, last, 0).at("value") == "organisation total");
  CHECK(cell_at(table, last, 8).at("value").get<double>() ==
        Approx(document.at("organisation").at("required_wte").get<double>()).epsilon(1e-12));
  CHECK(cell_at(table, last, 6).is_null());  // a total has no uplift of its own

  const ordered_json by_team =
      view_workbook(scratch, trust.review, estab::render_establishment, estab::RollupLevel::Team);
  const ordered_json& team_table = sheet_named(by_team, "Establishment");
  check_layout(team_table, teams + services + 1);
  CHECK(rows_of_kind(team_table, "line") == 0);

  const ordered_json gaps = view_workbook(scratch, trust.review, estab::render_gaps);
  CHECK(sheet_names(gaps) == std::vector<std::string>{"About", "Gaps", "Skill mix", "Warnings"});
  const ordered_json& gap_table = sheet_named(gaps, "Gaps");
  check_layout(gap_table, lines + teams + services + 1);
  const std::vector<std::string> gap_headers = headers_of(gap_table);
  const auto net_gap = static_cast<std::size_t>(
      std::find(gap_headers.begin(), gap_headers.end(), "net_gap_wte") - gap_headers.begin());
  REQUIRE(net_gap < gap_headers.size());
  CHECK(cell_at(gap_table, last, net_gap).at("value").get<double>() ==
        Approx(document.at("organisation").at("net_gap_wte").get<double>()).epsilon(1e-12));
  const ordered_json& skill_mix = sheet_named(gaps, "Skill mix");
  check_layout(skill_mix, teams + services + 1);
  CHECK(cell_at(skill_mix, teams + services, 0).at("value") == "organisation");
}

TEST_CASE("XLSX uplift: each assumption set, each line's uplift, the organisation", "[xlsx]") {
  const RenamedTrust trust("ward");
  const ScratchDirectory scratch;
  const ordered_json workbook = view_workbook(scratch, trust.review, estab::render_uplift);
  const ordered_json document = estab::uplift_to_json(trust.review);
  CHECK(sheet_names(workbook) ==
        std::vector<std::string>{"About", "Assumption sets", "Uplift", "Organisation", "Warnings"});
  const ordered_json& sets = sheet_named(workbook, "Assumption sets");
  const ordered_json& listed = document.at("assumption_sets");
  check_layout(sets, listed.size());
  const std::vector<std::string> headers = headers_of(sets);
  for (const std::string field : {"uplift_exact", "uplift_additive", "additive_shortfall_wte"}) {
    const auto column = static_cast<std::size_t>(std::find(headers.begin(), headers.end(), field) -
                                                 headers.begin());
    REQUIRE(column < headers.size());
    for (std::size_t index = 0; index < listed.size(); ++index) {
      CHECK(cell_at(sets, index, column).at("value").get<double>() ==
            Approx(listed.at(index).at(field).get<double>()).epsilon(1e-12));
    }
  }
  for (std::size_t index = 0; index < listed.size(); ++index) {
    CHECK(cell_at(sets, index, 1).at("value") == listed.at(index).at("lines").size());
  }
  const ordered_json& organisation = sheet_named(workbook, "Organisation");
  check_layout(organisation, 1);
  CHECK(check_cells(organisation, ordered_json::array({document.at("organisation")}), plain_field) >
        0);
}

TEST_CASE("XLSX: libxlsxwriter's error is reported, and no temporary file is left", "[xlsx]") {
  const ScratchDirectory scratch;
  const TmpdirOverride tmpdir(scratch.path().string());
  const auto left_behind = [&scratch] {
    return std::distance(std::filesystem::directory_iterator(scratch.path()),
                         std::filesystem::directory_iterator());
  };

  const RenamedTrust fine("ward");
  std::ostringstream written;
  estab::render_review(written, fine.review, OutputFormat::Xlsx, {});
  CHECK(!written.str().empty());
  CHECK(left_behind() == 0);

  // Excel holds at most 32,767 characters in a cell.
  const RenamedTrust too_long(std::string(40000, 'w'));
  std::ostringstream refused;
  CHECK_THROWS_MATCHES(
      estab::render_review(refused, too_long.review, OutputFormat::Xlsx, {}), std::runtime_error,
      Catch::Matchers::Message("cannot write the XLSX workbook (a text cell): String exceeds "
                               "Excel's limit of 32,767 characters."));
  CHECK(refused.str().empty());
  CHECK(left_behind() == 0);
}
