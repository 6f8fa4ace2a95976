// The workbooks of `compare --format xlsx` and `sensitivity --format xlsx`, read back by
// tests/xlsx/check_xlsx.py and compared with their JSON documents and CSVs; the commands that
// offer no workbook; and libxlsxwriter failures, which leave no temporary file behind.
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

TEST_CASE("XLSX is refused by uplift, establishment and gaps", "[xlsx]") {
  const RenamedTrust trust("ward");
  const std::string message = "--format xlsx is available for review, compare and sensitivity";
  std::ostringstream out;
  CHECK(usage_error_of([&] { estab::render_uplift(out, trust.review, OutputFormat::Xlsx, {}); }) ==
        message);
  CHECK(usage_error_of([&] {
          estab::render_establishment(out, trust.review, OutputFormat::Xlsx, {});
        }) == message);
  CHECK(usage_error_of([&] { estab::render_gaps(out, trust.review, OutputFormat::Xlsx, {}); }) ==
        message);
  CHECK_THROWS_MATCHES(
      estab::render_gaps(out, trust.review, OutputFormat::Xlsx, {}), estab::RequestError,
      Catch::Matchers::Message("the xlsx format is available for review, compare and sensitivity"));
  CHECK(out.str().empty());
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
