// Unit tests of reading extracts: number and date cells, patterns, the CSV stream, and the
// reconciliation of every row of a staff-in-post and a budget extract.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "load/csv_stream.hpp"
#include "load/extract_cells.hpp"
#include "support/test_support.hpp"

using namespace estab;
using namespace estab::testing;

namespace {

/// Writes `text` to `name` in a fresh scratch directory of its own; returns its path.
std::string scratch_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = scratch_directory("extracts-" + name) / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace

TEST_CASE("extract numbers: the forms finance and ESR reports write", "[extracts]") {
  CHECK(parse_extract_number("0.5") == 0.5);
  CHECK(parse_extract_number(".5") == 0.5);
  CHECK(parse_extract_number("-1") == -1.0);
  CHECK(parse_extract_number("1,000.5") == 1000.5);
  CHECK(parse_extract_number("12,345,678") == 12345678.0);
  CHECK(parse_extract_number("(1.00)") == -1.0);
  CHECK(parse_extract_number("(1,250)") == -1250.0);
  for (const char* bad : {"0,5", "£12", "N/A", "+1", "1e3", "", "1,00", "12,3456", ".", "1.", "--1",
                          "(1", "1 000", ",100", "0x10", "inf", "nan"}) {
    INFO(bad);
    CHECK_FALSE(parse_extract_number(bad).has_value());
  }
}

TEST_CASE("a cell that is not a number says why, where it can", "[extracts]") {
  CHECK(number_hint("\xC2\xA3"
                    "12") == " (remove the currency sign when you save the report)");
  CHECK(number_hint("$1,000") == " (remove the currency sign when you save the report)");
  CHECK(number_hint("0,5") == " (a decimal comma: write the number with a point, as 0.5)");
  CHECK(number_hint("-12,75") == " (a decimal comma: write the number with a point, as 0.5)");
  CHECK(number_hint("") == " (the cell is empty: write 0 for none)");
  for (const char* plain : {"N/A", "1,00O", ",5", "12,345", "1e3", "0,5,5"}) {
    INFO(plain);
    CHECK(number_hint(plain).empty());
  }
}

TEST_CASE("extract dates: ISO, ESR's DD-MON-YYYY and day-first slashes", "[extracts]") {
  const std::int32_t end_of_march = day_number(2026, 3, 31);
  CHECK(parse_extract_date("2026-03-31").day == end_of_march);
  CHECK(parse_extract_date("31-MAR-2026").day == end_of_march);
  CHECK(parse_extract_date("31-mar-2026").day == end_of_march);
  CHECK(parse_extract_date("31/03/2026").day == end_of_march);
  CHECK(parse_extract_date("1/4/2026").day == end_of_march + 1);
  CHECK(day_number(1970, 1, 1) == 0);
  for (const char* open : {"", "4712-12-31", "31-DEC-4712", "1900-01-01", "01/01/1900"}) {
    INFO(open);
    CHECK(parse_extract_date(open).valid);
    CHECK(parse_extract_date(open).open_ended);
  }
  for (const char* bad : {"2026-13-01", "2026-02-30", "31-XYZ-2026", "03/31/2026", "2026/03/31",
                          "yesterday", "29-FEB-2025"}) {
    INFO(bad);
    CHECK_FALSE(parse_extract_date(bad).valid);
  }
  CHECK(parse_extract_date("29-FEB-2024").valid);
}

TEST_CASE("extract patterns: whole cell, any case, * and ?", "[extracts]") {
  CHECK(matches_pattern("n?l*", "N1L0"));
  CHECK(matches_pattern("n?l*", "n2lx"));
  CHECK_FALSE(matches_pattern("n?l*", "N12L"));
  CHECK(matches_pattern("secondment out*", "Secondment Out - Internal"));
  CHECK(matches_pattern("*vacancy factor*", "NURSING VACANCY FACTOR"));
  CHECK_FALSE(matches_pattern("bank", "Bank Staff"));
  CHECK(matches_pattern("*", ""));
  CHECK(matches_pattern("a*b*c", "aXXbYYc"));
  CHECK(matches_pattern("*vacancy factor*", "** VACANCY FACTOR **"));  // a * in the cell
  CHECK(matches_pattern("a*", "a*b"));
  CHECK(matches_pattern("?", "\xC3\x89"));  // one character, two bytes (É)
  CHECK(matches_pattern("caf?", "caf\xC3\xA9"));
  CHECK_FALSE(matches_pattern("a*b*c", "aXXbYY"));
}

TEST_CASE("the CSV stream: quoting, CRLF, a byte order mark, blank lines and columns",
          "[extracts]") {
  const std::string path = scratch_file(
      "stream.csv",
      "\xEF\xBB\xBF"
      "A;B;C\r\n1;\"two; with \"\"quotes\"\"\";3\r\n\r\n  \t\r\n4;\"five\nlines\";6\r\n");
  CsvStream stream(path, ';');
  std::vector<std::vector<std::string>> records;
  std::vector<std::uint32_t> lines;
  const CsvOutcome outcome = stream.read([&](const CsvRecord& record) {
    records.emplace_back(record.cells.begin(), record.cells.begin() + record.cell_count);
    lines.push_back(record.line);
  });
  REQUIRE(outcome.finished());
  CHECK(outcome.lines_read == 6);
  REQUIRE(records.size() == 3);
  CHECK(records[0] == std::vector<std::string>{"A", "B", "C"});
  CHECK(records[1] == std::vector<std::string>{"1", "two; with \"quotes\"", "3"});
  CHECK(records[2] == std::vector<std::string>{"4", "five\nlines", "6"});
  CHECK(lines == std::vector<std::uint32_t>{1, 2, 5});  // blank lines, even of spaces, skipped
  CHECK(cell_column("1,£2,3", ',', 2) == 6);
  CHECK(cell_column("1,\"a,b\",3", ',', 2) == 9);
  CHECK(cell_column("1,2", ',', 0) == 1);
}

TEST_CASE("a quote left open is malformed, at the line its record starts", "[extracts]") {
  const std::string path = scratch_file("open-quote.csv", "A,B\n1,\"never closed\n2,3\n");
  CsvStream stream(path, ',');
  const CsvOutcome outcome = stream.read([](const CsvRecord&) {});
  CHECK(outcome.end == CsvEnd::Malformed);
  CHECK(outcome.line == 2);
}

TEST_CASE("every row of an extract is accounted for, and lines take their figures", "[extracts]") {
  const Model model = load_model_file(source_path("tests/extracts/ward.yaml"));
  REQUIRE(model.extracts.reconciliation.size() == 2);
  for (const ExtractReconciliation& extract : model.extracts.reconciliation) {
    INFO(extract.file);
    double parts = *extract.wte_used + *extract.wte_ended + *extract.wte_excluded +
                   *extract.wte_held + *extract.wte_vacancy_factor;
    std::size_t unmapped_rows = 0;
    for (const UnmappedRows& rows : extract.unmapped) {
      parts += *rows.wte;
      unmapped_rows += rows.rows;
    }
    CHECK(parts == Approx(*extract.wte_total).margin(1e-9 * static_cast<double>(extract.rows)));
    CHECK(unmapped_rows <= extract.rows);
  }
  const ExtractReconciliation& esr = model.extracts.reconciliation[0];
  CHECK(esr.rows == 10);
  CHECK(*esr.wte_total == Approx(8.3));
  CHECK(*esr.wte_used == Approx(2.9));  // 1.0 + 0.5 + 0.4 nurses, 1.0 HCA
  CHECK(*esr.wte_ended == Approx(1.0));
  CHECK(*esr.wte_excluded == Approx(0.6));  // the bank row
  CHECK(*esr.wte_held == Approx(1.0));      // the career break
  REQUIRE(esr.unmapped.size() == 3);
  CHECK(esr.unmapped[0].reason == UnmappedReason::CostCentre);
  CHECK(esr.unmapped[0].cost_centre == "9999");
  CHECK(esr.unmapped[1].reason == UnmappedReason::Profession);
  CHECK(esr.unmapped[1].value == "S1A0 / Allied Health Professionals");
  const ExtractReconciliation& budget = model.extracts.reconciliation[1];
  CHECK(*budget.wte_vacancy_factor == Approx(-0.5));

  const ReviewResult review = compute_review(model);
  REQUIRE(review.lines.size() == 3);
  const LineResult& nurses = review.lines[0];
  CHECK(nurses.in_post_wte == Approx(1.9));
  CHECK(nurses.held_wte == Approx(1.0));
  CHECK(nurses.funded_wte == Approx(7.0));  // the vacancy factor row is not a post
  CHECK(nurses.recruitable_vacancy_wte == Approx(7.0 - 1.9 - 1.0));
  CHECK(*nurses.funded_budget == Approx(360000.5));
  CHECK(*nurses.budget_gap == Approx(360000.5 - 7.0 * 50000));
  CHECK(*nurses.in_post_roles == 3);
  CHECK(*nurses.in_post_headcount == 2);  // person 1002 holds two assignments
  CHECK(*nurses.observed_headcount_per_wte == Approx(2 / 1.9));
  CHECK(review.lines[1].in_post_wte == 4.0);  // stated in the YAML: it wins, with a warning
  const LineResult& social_workers = review.lines[2];
  CHECK(social_workers.line->extract.added);
  CHECK(social_workers.in_post_wte == 2.0);  // the adjustment
  CHECK(social_workers.required_wte == 0.0);
  CHECK(*review.organisation.in_post_headcount == 3);
  CHECK(*review.organisation.in_post_roles == 4);
  CHECK(model.warnings.size() == 6);
}

TEST_CASE("an extract's file is found beside the YAML that names it, through extends",
          "[extracts]") {
  const std::filesystem::path folder = scratch_directory("extracts-overlay");
  const std::string base = source_path("tests/extracts/ward.yaml");
  std::ofstream(folder / "scenario.yaml")
      << "estab: 1\nextends: " << base << "\nreview: {gap_tolerance: 10%}\n";
  const Model through_base = load_model_file((folder / "scenario.yaml").string());
  REQUIRE(through_base.extracts.reconciliation.size() == 2);
  CHECK(through_base.extracts.reconciliation[0].rows == 10);

  // An overlay that names its own extract finds it beside the overlay, tab-separated here.
  std::ofstream(folder / "next-year.tsv") << "Cost Centre\tSubjective\tWTE Budget\n"
                                          << "1111\tN5CX Qualified Nurses\t9.5\n";
  std::ofstream(folder / "next-year.yaml")
      << "estab: 1\nextends: " << base << "\nsources:\n"
      << "  - kind: funded\n    file: next-year.tsv\n    delimiter: \"\\t\"\n"
      << "    columns: {cost_centre: Cost Centre, wte: WTE Budget}\n"
      << "    map:\n      - {profession: rn, where: {Subjective: [\"N?CX*\"]}}\n";
  const Model next_year = load_model_file((folder / "next-year.yaml").string());
  REQUIRE(next_year.extracts.reconciliation.size() == 1);  // the overlay's list replaces the base's
  const ReviewResult review = compute_review(next_year);
  CHECK(review.lines[0].funded_wte == 9.5);
  CHECK(review.lines[0].in_post_wte == 0.0);  // no in-post extract any more: nothing in post
  CHECK_FALSE(review.lines[0].funded_budget.has_value());  // no cost column
}

namespace {

/// Loads `yaml` written beside `csv` (as extract.csv) in a scratch folder of its own.
Model load_with_extract(const std::string& name, const std::string& yaml, const std::string& csv) {
  const std::filesystem::path folder = scratch_directory("extracts-" + name);
  std::ofstream(folder / "extract.csv") << csv;
  std::ofstream(folder / "review.yaml") << yaml;
  return load_model_file((folder / "review.yaml").string());
}

/// Two teams and two professions, with `sources` appended.
std::string two_teams(const std::string& sources) {
  return "estab: 1\n"
         "professions:\n"
         "  - {id: rnld, registered: true}\n"
         "  - {id: rmn, registered: true}\n"
         "teams:\n"
         "  - id: cldt\n    cost_centres: [\"100\"]\n"
         "    staffing: [{profession: rnld, hours_per_week: 100}]\n"
         "  - id: liaison\n    cost_centres: [\"200\"]\n"
         "    staffing: [{profession: rmn, hours_per_week: 50}]\n" +
         sources;
}

/// The diagnostics of loading, as text, or "" when it loads.
std::string load_problems(const std::string& name, const std::string& yaml,
                          const std::string& csv) {
  try {
    load_with_extract(name, yaml, csv);
  } catch (const InputError& error) {
    std::string text;
    for (const Diagnostic& problem : error.diagnostics()) text += problem.to_string() + "\n";
    return text;
  }
  return "";
}

}  // namespace

TEST_CASE("a map rule may hold for some teams only: one subjective, two professions",
          "[extracts]") {
  const Model model = load_with_extract(
      "per-team",
      two_teams("sources:\n"
                "  - kind: funded\n    file: extract.csv\n"
                "    columns: {cost_centre: CC, wte: WTE}\n"
                "    map:\n"
                "      - {profession: rnld, where: {Subj: ['N?CX']}, teams: [cldt]}\n"
                "      - {profession: rmn, where: {Subj: ['N?CX']}, teams: [liaison]}\n"),
      "CC,Subj,WTE\n100,N5CX,3\n200,N5CX,2\n200,N6CX,1.5\n");
  const ReviewResult review = compute_review(model);
  REQUIRE(review.lines.size() == 2);
  CHECK(review.lines[0].funded_wte == 3.0);
  CHECK(review.lines[1].funded_wte == 3.5);
  CHECK(model.warnings.empty());
}

TEST_CASE("a negative funded total, and a rule naming an unknown team, are located errors",
          "[extracts]") {
  const std::string negative =
      load_problems("negative",
                    two_teams("sources:\n"
                              "  - kind: funded\n    file: extract.csv\n"
                              "    columns: {cost_centre: CC, wte: WTE}\n"
                              "    map: [{profession: rnld, where: {Subj: ['*']}}]\n"),
                    "CC,Subj,WTE\n100,a,1\n100,b,(2.5)\n");
  CHECK_THAT(negative, Catch::Contains("extract.csv:2:1: error: teams[cldt].staffing[rnld]: the "
                                       "funded rows of this line total -1.50 WTE"));
  const std::string unknown_team =
      load_problems("unknown-team",
                    two_teams("sources:\n"
                              "  - kind: funded\n    file: extract.csv\n"
                              "    columns: {cost_centre: CC, wte: WTE}\n"
                              "    map: [{profession: rnld, where: {Subj: ['*']}, "
                              "teams: [cdlt]}]\n"),
                    "CC,Subj,WTE\n100,a,1\n");
  CHECK_THAT(unknown_team, Catch::Contains("error: sources[0].map[0].teams: unknown team "
                                           "'cdlt' (did you mean 'cldt'?)"));
}

TEST_CASE("a start snapshot is reconciled but gives no figures", "[extracts]") {
  const Model model =
      load_with_extract("snapshot",
                        two_teams("sources:\n"
                                  "  - kind: in_post\n    file: extract.csv\n    snapshot: start\n"
                                  "    columns: {cost_centre: CC, wte: WTE, person: Person}\n"
                                  "    map: [{profession: rnld, where: {Occ: [N*]}}]\n"),
                        "CC,Occ,WTE,Person\n100,N1,1,p1\n100,N1,0.5,p2\n");
  REQUIRE(model.extracts.reconciliation.size() == 1);
  CHECK(*model.extracts.reconciliation[0].wte_used == 1.5);
  const ReviewResult review = compute_review(model);
  CHECK(review.lines[0].in_post_wte == 0.0);
  CHECK_FALSE(review.lines[0].in_post_roles.has_value());
  CHECK_FALSE(review.organisation.in_post_headcount.has_value());
}

TEST_CASE("an extract with old Mac line ends, or a quote left open, is refused at its line",
          "[extracts]") {
  const std::string sources =
      "sources:\n  - kind: funded\n    file: extract.csv\n"
      "    columns: {cost_centre: CC, wte: WTE}\n"
      "    map: [{profession: rnld, where: {Subj: ['*']}}]\n";
  CHECK_THAT(load_problems("cr-only", two_teams(sources), "CC,Subj,WTE\r100,a,1\r"),
             Catch::Contains("extract.csv:1:1: error: the lines end with a bare carriage return"));
  CHECK_THAT(load_problems("open-quote", two_teams(sources), "CC,Subj,WTE\n100,\"a,1\n200,b,2\n"),
             Catch::Contains("extract.csv:2:1: error: malformed quoting"));
}

TEST_CASE("a cell that reaches the output must be clean UTF-8 text", "[extracts]") {
  const std::string sources =
      "sources:\n  - kind: funded\n    file: extract.csv\n"
      "    columns: {cost_centre: CC, wte: WTE}\n"
      "    map: [{profession: rnld, where: {Subj: ['*']}}]\n";
  const std::string problems =
      load_problems("unclean", two_teams(sources),
                    "CC,Subj,WTE\n100,a,1\n1\xC2\x9B"
                    "0,a,1\n100,caf\xED\xA0\x80,1\n100,\"two\nlines\",1\n");
  const std::string message =
      "the cell is not UTF-8 text, or holds a control character (such as a line break): save "
      "the extract as UTF-8 CSV, with each cell on one line";
  CHECK_THAT(problems, Catch::Contains("extract.csv:3:1: error: CC: " + message));
  CHECK_THAT(problems, Catch::Contains("extract.csv:4:5: error: Subj: " + message));
  CHECK_THAT(problems, Catch::Contains("extract.csv:5:5: error: Subj: " + message));
}

TEST_CASE("a line, or a record, longer than 1 MiB is refused at the line it starts on",
          "[extracts]") {
  const std::string sources =
      "sources:\n  - kind: funded\n    file: extract.csv\n"
      "    columns: {cost_centre: CC, wte: WTE}\n"
      "    map: [{profession: rnld, where: {Subj: ['*']}}]\n";
  // The problems as written, from the extract's file name on (its folder is a scratch one).
  const auto from_file_name = [](const std::string& text) {
    const auto found = text.find("extract.csv");
    return found == std::string::npos ? text : text.substr(found);
  };
  const std::string long_cell(kLongestCsvLine + 1, 'x');
  CHECK(from_file_name(load_problems("long-line", two_teams(sources),
                                     "CC,Subj,WTE\n100,a,1\n200," + long_cell + ",1\n300,c,1\n")) ==
        "extract.csv:3:1: error: the record is longer than 1 MiB: a quote left open, or not a CSV "
        "file\n");
  std::string open_quote = "CC,Subj,WTE\n100,a,1\n200,\"open\n";
  const std::string hundred(100, 'y');
  while (open_quote.size() <= kLongestCsvLine + 200) open_quote += hundred + ",1\n";
  CHECK(from_file_name(load_problems("long-record", two_teams(sources), open_quote)) ==
        "extract.csv:3:1: error: the record is longer than 1 MiB: a quote left open, or not a CSV "
        "file\n");
  // A line of exactly the longest length is read.
  const std::string longest_subjective(kLongestCsvLine - std::string("100,,1").size(), 's');
  CHECK(load_problems("longest-line", two_teams(sources),
                      "CC,Subj,WTE\n100," + longest_subjective + ",1\n") == "");
  std::string bare_returns = "CC,Subj,WTE\r";
  while (bare_returns.size() <= kLongestCsvLine + 10) bare_returns += "100,a,1\r";
  CHECK_THAT(load_problems("cr-only-long", two_teams(sources), bare_returns),
             Catch::Contains("extract.csv:1:1: error: the lines end with a bare carriage return"));
}

TEST_CASE("the CSV stream: a last line without its line end, lines across blocks", "[extracts]") {
  std::string text = "A,B\n";
  const std::string cell(1000, 'c');
  for (int row = 0; row < 3000; ++row) text += cell + "," + std::to_string(row) + "\n";  // 3 MB
  text += "last,row";
  CsvStream stream(scratch_file("blocks.csv", text), ',');
  std::size_t records = 0;
  bool cells_whole = true;
  std::string last;
  const CsvOutcome outcome = stream.read([&](const CsvRecord& record) {
    if (++records > 1 && records <= 3001) {
      cells_whole = cells_whole && record.cells[0] == cell &&
                    record.cells[1] == std::to_string(records - 2) && record.line == records;
    }
    last = record.cells[0] + "|" + record.cells[1];
  });
  REQUIRE(outcome.finished());
  CHECK(records == 3002);
  CHECK(cells_whole);
  CHECK(last == "last|row");
  CHECK(outcome.lines_read == 3002);
}
