// Test support for the XLSX workbooks (see workbook_reader.hpp): workbooks are read back by
// tests/xlsx/check_xlsx.py, run through the shell with the Python that CMake found.
#include "xlsx/workbook_reader.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "estab/load.hpp"
#include "support/test_support.hpp"

#ifndef ESTAB_PYTHON3
#define ESTAB_PYTHON3 "python3"
#endif

namespace xlsx_test {

namespace {

/// A word for a POSIX shell, in single quotes.
std::string shell_quoted(const std::string& word) {
  std::string quoted = "'";
  for (const char character : word) {
    quoted += character == '\'' ? std::string("'\\''") : std::string(1, character);
  }
  return quoted + "'";
}

/// "A", "B", …, "Z", "AA", … for a 1-based column number.
std::string column_letters(std::size_t number) {
  std::string letters;
  for (; number > 0; number = (number - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (number - 1) % 26));
  }
  return letters;
}

/// Compares a cell with a contract value; returns a description of a mismatch, or "".
std::string mismatch(const ordered_json& cell, const ordered_json& expected) {
  if (expected.is_null()) {
    return cell.is_null() ? "" : fmt::format("{} for null", cell.dump());
  }
  if (cell.is_null()) return fmt::format("no cell for {}", expected.dump());
  if (expected.is_number()) {
    if (cell.at("type") != "number") return fmt::format("{} for {}", cell.dump(), expected.dump());
    const double want = expected.get<double>();
    const double got = cell.at("value").get<double>();
    return std::fabs(got - want) <= kRelativeTolerance * std::fabs(want)
               ? ""
               : fmt::format("{} for {}", got, want);
  }
  const char* type = expected.is_boolean() ? "boolean" : "string";
  return cell.at("type") == type && cell.at("value") == expected
             ? ""
             : fmt::format("{} for {}", cell.dump(), expected.dump());
}

}  // namespace

TmpdirOverride::TmpdirOverride(const std::string& directory) {
  if (const char* previous = std::getenv("TMPDIR")) previous_ = previous;
  setenv("TMPDIR", directory.c_str(), 1);
}

TmpdirOverride::~TmpdirOverride() {
  if (previous_) {
    setenv("TMPDIR", previous_->c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
}

/// Writes `bytes` to `path` and reads the workbook back with check_xlsx.py.
ordered_json read_back(const std::string& bytes, const std::filesystem::path& path) {
  {
    std::ofstream file(path, std::ios::binary);
    file << bytes;
    REQUIRE(file.good());
  }
  const std::string command =
      fmt::format("{} {} {}", shell_quoted(ESTAB_PYTHON3),
                  shell_quoted(estab::testing::source_path("tests/xlsx/check_xlsx.py")),
                  shell_quoted(path.string()));
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  for (std::size_t read = 0; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    output.append(buffer, read);
  }
  const int status = pclose(pipe);
  INFO(command);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return ordered_json::parse(output);
}

/// One sheet of the read-back workbook; fails the test when there is none of that name.
const ordered_json& sheet_named(const ordered_json& workbook, const std::string& name) {
  for (const ordered_json& sheet : workbook.at("sheets")) {
    if (sheet.at("name") == name) return sheet;
  }
  FAIL("the workbook has no sheet " << name);
  throw std::logic_error("unreachable");
}

std::vector<std::string> sheet_names(const ordered_json& workbook) {
  std::vector<std::string> names;
  for (const ordered_json& sheet : workbook.at("sheets")) names.push_back(sheet.at("name"));
  return names;
}

/// The texts of one header row of a sheet.
std::vector<std::string> header_row(const ordered_json& sheet, std::size_t row) {
  std::vector<std::string> headers;
  for (const ordered_json& cell : sheet.at("rows").at(row)) {
    headers.push_back(cell.is_null() ? std::string() : cell.at("value").get<std::string>());
  }
  return headers;
}

/// The field names of a sheet (its second row).
std::vector<std::string> headers_of(const ordered_json& sheet) {
  return header_row(sheet, 1);
}

/// The labels of a sheet (its first row).
std::vector<std::string> labels_of(const ordered_json& sheet) {
  return header_row(sheet, 0);
}

/// The number of records of a sheet: its rows below the two header rows.
std::size_t records_of(const ordered_json& sheet) {
  const std::size_t rows = sheet.at("rows").size();
  return rows < kHeaderRows ? 0 : rows - kHeaderRows;
}

/// The cell at a data row (0 = the first record) and column; null when nothing is written.
ordered_json cell_at(const ordered_json& sheet, std::size_t record, std::size_t column) {
  const ordered_json& rows = sheet.at("rows");
  const std::size_t row = record + kHeaderRows;
  if (row >= rows.size() || column >= rows[row].size()) return nullptr;
  return rows[row][column];
}

/// The records of a CSV document (RFC 4180: quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char character = text[index];
    if (quoted) {
      if (character == '"' && index + 1 < text.size() && text[index + 1] == '"') {
        field += '"';
        ++index;
      } else if (character == '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character == '"') {
      quoted = true;
    } else if (character == ',') {
      records.back().push_back(std::move(field));
      field.clear();
    } else if (character == '\r' && index + 1 < text.size() && text[index + 1] == '\n') {
      records.back().push_back(std::move(field));
      field.clear();
      records.emplace_back();
      ++index;
    } else {
      field += character;
    }
  }
  if (records.back().empty()) records.pop_back();
  return records;
}

/// The format a column's numbers must have, from its header, as the brief states it.
std::string expected_format(std::string field) {
  for (const char* suffix : {"_base", "_scenario", "_delta", "_down", "_up"}) {
    const std::string ending(suffix);
    if (field.size() > ending.size() &&
        field.compare(field.size() - ending.size(), ending.size(), ending) == 0) {
      field.erase(field.size() - ending.size());
      break;
    }
  }
  const auto ends = [&field](const std::string& ending) {
    return field.size() >= ending.size() &&
           field.compare(field.size() - ending.size(), ending.size(), ending) == 0;
  };
  const auto starts = [&field](const std::string& start) { return field.rfind(start, 0) == 0; };
  if (field == "cost_per_wte" || ends("_cost") || field == "temporary_premium") {
    return "\xC2\xA3#,##0";
  }
  if (field == "fraction" || field == "registered_target" || ends("_rate") ||
      starts("registered_share_") || starts("uplift_") || starts("absence_") || starts("actual_") ||
      starts("leaver_rate_") || field == "retirement_rate_wte" || ends("_share") ||
      ends("_share_hours")) {
    return "0.0%";
  }
  if (ends("_wte") || ends("_wte_gross") || field == "required_wte_at_actual" ||
      field == "wisn_ratio" || field == "mean_headcount" || ends("_per_wte")) {
    return "0.00";
  }
  if (field == "leavers" || ends("_roles") || ends("_headcount") || field == "rows" ||
      field == "id" || field == "lines") {
    return "#,##0";
  }
  if (field.find("hours") != std::string::npos || starts("chppd_")) return "0.0";
  return "General";
}

/// What every sheet must have: a bold row of labels over a plain row of field names, both
/// frozen, an autofilter over the field names and the data, a width for each column, numbers in
/// their column's format, text and booleans in General, and not one formula.
void check_layout(const ordered_json& sheet, std::size_t records) {
  INFO("sheet " << sheet.at("name"));
  const std::vector<std::string> headers = headers_of(sheet);
  const std::vector<std::string> labels = labels_of(sheet);
  REQUIRE(labels.size() == headers.size());
  for (std::size_t row = 0; row < kHeaderRows; ++row) {
    for (const ordered_json& cell : sheet.at("rows").at(row)) {
      REQUIRE(!cell.is_null());
      CHECK(cell.at("type") == "string");
      CHECK(cell.at("bold") == (row == 0));
    }
  }
  for (std::size_t column = 0; column < headers.size(); ++column) {
    CHECK(labels[column] != headers[column]);  // a label is written for a reader, not a script
    CHECK(labels[column].find('_') == std::string::npos);
  }
  CHECK(
      sheet.at("pane") ==
      ordered_json({{"xSplit", 0.0}, {"ySplit", 2.0}, {"topLeftCell", "A3"}, {"state", "frozen"}}));
  const std::string last = column_letters(headers.size()) + std::to_string(records + kHeaderRows);
  CHECK(sheet.at("autofilter") == (last == "A2" ? last : "A2:" + last));
  CHECK(sheet.at("rows").size() == records + kHeaderRows);

  std::vector<double> widths(headers.size(), 0.0);
  for (const ordered_json& column : sheet.at("columns")) {
    for (int index = column.at("min"); index <= column.at("max").get<int>(); ++index) {
      if (index >= 1 && static_cast<std::size_t>(index) <= widths.size()) {
        widths[index - 1] = column.at("width");
      }
    }
  }
  for (std::size_t column = 0; column < headers.size(); ++column) {
    INFO("column " << headers[column]);
    CHECK(widths[column] >= static_cast<double>(headers[column].size()));
    CHECK(widths[column] >= std::min(60.0, static_cast<double>(labels[column].size())));
    CHECK(widths[column] <= 62.0);
  }

  std::size_t misformatted = 0;
  for (std::size_t record = 0; record < records; ++record) {
    for (std::size_t column = 0; column < headers.size(); ++column) {
      const ordered_json cell = cell_at(sheet, record, column);
      if (cell.is_null()) continue;
      CHECK(cell.at("formula") == false);
      CHECK(cell.at("type") != "formula_string");
      CHECK(cell.at("bold") == false);
      const std::string wanted =
          cell.at("type") == "number" ? expected_format(headers[column]) : "General";
      if (cell.at("format") != wanted) {
        ++misformatted;
        UNSCOPED_INFO(cell.at("ref") << " " << headers[column] << ": " << cell.at("format")
                                     << " instead of " << wanted);
      }
    }
  }
  CHECK(misformatted == 0);
}

/// Compares every cell of the sheet's records with the contract; returns how many numbers
/// were compared.
std::size_t check_cells(const ordered_json& sheet, const ordered_json& records,
                        const ExpectedValue& expected_value) {
  INFO("sheet " << sheet.at("name"));
  const std::vector<std::string> headers = headers_of(sheet);
  std::vector<std::string> mismatches;
  std::size_t numbers = 0;
  for (std::size_t record = 0; record < records.size(); ++record) {
    for (std::size_t column = 0; column < headers.size(); ++column) {
      const ordered_json expected = expected_value(records[record], headers[column]);
      const ordered_json cell = cell_at(sheet, record, column);
      const std::string problem = mismatch(cell, expected);
      if (!problem.empty()) {
        mismatches.push_back(fmt::format("record {} {}: {}", record, headers[column], problem));
      }
      if (expected.is_number()) ++numbers;
    }
  }
  CAPTURE(mismatches);
  CHECK(mismatches.empty());
  return numbers;
}

/// A field of a record as the sheet shows it.
ordered_json plain_field(const ordered_json& record, const std::string& header) {
  // actual_<component> is in the JSON only where the record has that actual; its column is
  // blank elsewhere.
  if (header.rfind("actual_", 0) == 0 && !record.contains(header)) return nullptr;
  return record.at(header);
}

/// The header record of a CSV document.
std::vector<std::string> csv_headers(const std::string& csv) {
  return parse_csv(csv).at(0);
}

RenamedTrust::RenamedTrust(const std::string& first_team_id)
    : model(estab::load_model_file(estab::testing::source_path("examples/trust.yaml"))) {
  model.teams.at(0).id = first_team_id;
  review = estab::compute_review(model);
}

std::string rendered_review(const estab::ReviewResult& review, estab::OutputFormat format,
                            estab::RollupLevel level) {
  std::ostringstream out;
  estab::RenderOptions options;
  options.level = level;
  estab::render_review(out, review, format, options);
  return out.str();
}

}  // namespace xlsx_test
