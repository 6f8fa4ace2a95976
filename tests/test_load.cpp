// Unit tests of loading: parsing, typed values, located problems and whole-model checks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "estab/document.hpp"
#include "estab/load.hpp"
#include "estab/suggest.hpp"
#include "load/reader.hpp"
#include "support/test_support.hpp"

using namespace estab;
using namespace estab::testing;

namespace {

/// The minimal valid file, its team named `team_name`.
std::string named_team_file(const std::string& team_name) {
  return "estab: 1\n"
         "professions:\n"
         "  - {id: rn, registered: true}\n"
         "teams:\n"
         "  - id: ward\n"
         "    name: " +
         team_name +
         "\n"
         "    staffing: [{profession: rn, hours_per_week: 30}]\n";
}

/// The minimal valid file, with `extra` appended at the top level.
std::string minimal_file(const std::string& extra = "") {
  return "estab: 1\n"
         "professions:\n"
         "  - {id: rn, registered: true}\n"
         "teams:\n"
         "  - id: ward\n"
         "    staffing:\n"
         "      - profession: rn\n"
         "        hours_per_week: 30\n" +
         extra;
}

}  // namespace

TEST_CASE("a minimal file loads with defaults", "[load]") {
  const Model model = load_model_text(minimal_file(), "in.yaml");
  REQUIRE(model.teams.size() == 1);
  REQUIRE(model.teams[0].lines.size() == 1);
  CHECK(model.review.standard_hours.value == 37.5);
  CHECK(model.review.working_days.value == Approx(365.0 * 5.0 / 7.0));
  CHECK(model.review.uplift_method.value == UpliftMethod::Exact);
  CHECK(model.review.gap_tolerance.value == Approx(0.05));
  CHECK(model.teams[0].name == "ward");
  CHECK(model.professions[0].name == "rn");
  CHECK(model.teams[0].lines[0].hours_per_week->value == 30.0);
  CHECK(model.teams[0].lines[0].hours_per_week->where.line == 8);
  CHECK(model.teams[0].lines[0].hours_per_week->where.column == 25);
}

TEST_CASE("every allowance form is read with its unit and location", "[load]") {
  const Model model = load_model_text(
      minimal_file(
          "assumptions:\n"
          "  annual_leave: {by_service: [{days: 27, share: 60%}, {days: 33, share: 40%}]}\n"
          "  sickness: 4.5%\n"
          "  study_leave: {hours: 15}\n"
          "  training: {hours_per_head: 22.5}\n"
          "  other_leave: {days: 2}\n"
          "  additional: {union_duties: 0.2%, research: {days: 1}}\n"
          "  headcount_per_wte: 1.15\n"),
      "in.yaml");
  const AssumptionSet& set = model.assumptions;
  REQUIRE(set.fixed.find(Component::AnnualLeave));
  CHECK(set.fixed.find(Component::AnnualLeave)->unit == AllowanceUnit::ByService);
  REQUIRE(set.fixed.find(Component::AnnualLeave)->bands.size() == 2);
  CHECK(set.fixed.find(Component::AnnualLeave)->bands[1].days.value == 33.0);
  CHECK(set.fixed.find(Component::AnnualLeave)->bands[1].share.value == Approx(0.4));
  CHECK(set.fixed.find(Component::Sickness)->unit == AllowanceUnit::Percent);
  CHECK(set.fixed.find(Component::Sickness)->amount == Approx(0.045));
  CHECK(set.fixed.find(Component::Sickness)->where.line == 11);
  CHECK(set.fixed.find(Component::StudyLeave)->unit == AllowanceUnit::Hours);
  CHECK(set.fixed.find(Component::Training)->unit == AllowanceUnit::HoursPerHead);
  CHECK(set.fixed.find(Component::OtherLeave)->unit == AllowanceUnit::Days);
  REQUIRE(set.additional.size() == 2);
  CHECK(set.additional[0].name == "research");  // sorted by name
  CHECK(set.additional[1].name == "union_duties");
  CHECK(set.headcount_per_wte->value == 1.15);
}

TEST_CASE("problems are reported verbatim with file, line, column and path", "[load]") {
  const std::vector<std::string> problems = problems_of(
      "estab: 1\n"
      "assumptions:\n"
      "  sicknes: 4.5%\n"
      "  parenting: 1\n"
      "professions:\n"
      "  - {id: rn, registered: yes}\n"
      "teams:\n"
      "  - id: ward\n"
      "    staffing:\n"
      "      - profession: rn\n"
      "        roster:\n"
      "          - {shift: early, staff: two, paid_hours: 7.5}\n");
  CHECK(problems == std::vector<std::string>{
                        "in.yaml:3:3: error: assumptions: unknown key 'sicknes' (did you mean "
                        "'sickness'?)",
                        "in.yaml:4:14: error: assumptions.parenting: write 1% — the percent sign "
                        "is required",
                        "in.yaml:6:26: error: professions[rn].registered: expected true or false, "
                        "got \"yes\"",
                        "in.yaml:12:35: error: teams[ward].staffing[rn].roster[0].staff: expected "
                        "a number, got \"two\""});
}

TEST_CASE("non-finite and overflowing numbers are refused", "[load]") {
  CHECK(problems_of(minimal_file("review: {standard_hours: .inf}\n")) ==
        std::vector<std::string>{
            "in.yaml:9:26: error: review.standard_hours: expected a finite number, got .inf"});
  CHECK(problems_of(minimal_file("review: {working_days: .NaN}\n")) ==
        std::vector<std::string>{
            "in.yaml:9:24: error: review.working_days: expected a finite number, got .NaN"});
  CHECK(problems_of(minimal_file("review: {working_days: 1e999}\n")) ==
        std::vector<std::string>{
            "in.yaml:9:24: error: review.working_days: the number 1e999 is too large"});
}

TEST_CASE("a misspelt list is one problem, not one per reference to it", "[load]") {
  std::string professions = minimal_file();
  professions.replace(professions.find("professions:"), 12, "Professions:");
  CHECK(problems_of(professions) ==
        std::vector<std::string>{
            "in.yaml:2:1: error: unknown key 'Professions' (did you mean 'professions'?)"});
  CHECK(problems_of(minimal_file("Services:\n  - {id: acute}\n"), {"teams[ward].service=acute"}) ==
        std::vector<std::string>{
            "in.yaml:9:1: error: unknown key 'Services' (did you mean 'services'?)"});
  // Without any professions list: one problem too.
  CHECK(problems_of("estab: 1\nteams:\n  - id: ward\n    staffing:\n"
                    "      - {profession: rn, hours_per_week: 30}\n") ==
        std::vector<std::string>{"in.yaml:1:1: error: missing required key 'professions'"});
}

TEST_CASE("a number written as a report writes it says how to write it", "[load]") {
  CHECK(problems_of(minimal_file("review: {standard_hours: \"1,037.5\"}\n")) ==
        std::vector<std::string>{"in.yaml:9:26: error: review.standard_hours: expected a number, "
                                 "got \"1,037.5\" (write 1037.5: a number in the input has no "
                                 "commas)"});
  CHECK(problems_of(minimal_file("review: {working_days: \xC2\xA3"
                                 "260}\n")) ==
        std::vector<std::string>{"in.yaml:9:24: error: review.working_days: expected a number, "
                                 "got \"\xC2\xA3"
                                 "260\" (write 260: a number in the input has no currency "
                                 "sign)"});
  // A decimal comma is not a thousands separator: no hint.
  CHECK(problems_of(minimal_file("review: {working_days: \"26,5\"}\n")) ==
        std::vector<std::string>{
            "in.yaml:9:24: error: review.working_days: expected a number, got \"26,5\""});
}

TEST_CASE("parse_decimal accepts plain decimals only", "[load]") {
  bool overflow = false;
  CHECK(parse_decimal("12", overflow) == 12.0);
  CHECK(parse_decimal("4.5", overflow) == 4.5);
  CHECK(parse_decimal(".5", overflow) == 0.5);
  CHECK(parse_decimal("1e3", overflow) == 1000.0);
  CHECK(parse_decimal("-2", overflow) == -2.0);
  CHECK_FALSE(parse_decimal("0x1F", overflow));
  CHECK_FALSE(parse_decimal("inf", overflow));
  CHECK_FALSE(parse_decimal("1,000", overflow));
  CHECK_FALSE(parse_decimal("", overflow));
  CHECK_FALSE(parse_decimal("1e", overflow));
  CHECK_FALSE(parse_decimal("1e400", overflow));
  CHECK(overflow);
}

TEST_CASE("whole-model checks: absence totals and shares of available time", "[load]") {
  CHECK(problems_of(minimal_file("assumptions: {sickness: 95%}\n")) ==
        std::vector<std::string>{
            "in.yaml:7:9: error: teams[ward].staffing[rn]: absence adds up to 108.4% of "
            "contracted time; it must be below 100%: annual_leave 10.4% (default), "
            "bank_holidays 3.1% (default), sickness 95.0% (line 9)"});
  const std::string caseload =
      "estab: 1\n"
      "professions: [{id: rn, registered: true}]\n"
      "teams:\n"
      "  - id: cldt\n"
      "    staffing:\n"
      "      - profession: rn\n"
      "        caseload:\n"
      "          non_caseload_time: {minutes_per_day: 450}\n"
      "          bands: [{name: all, cases: 10, hours_per_case_per_month: 2}]\n";
  CHECK(problems_of(caseload) ==
        std::vector<std::string>{
            "in.yaml:8:30: error: teams[cldt].staffing[rn].caseload.non_caseload_time: comes to "
            "100.0% of available time; it must be below 100%"});
}

TEST_CASE("empty, multi-document, aliased and deeply nested files are refused", "[load]") {
  CHECK(problems_of("") == std::vector<std::string>{"in.yaml:1:1: error: the file is empty: an "
                                                    "estab file starts with 'estab: 1'"});
  CHECK(problems_of("estab: 1\n---\nestab: 1\n").size() == 1);
  CHECK(problems_of("a: &x 1\nb: *x\n") ==
        std::vector<std::string>{"in.yaml:2:4: error: aliases (*name) are not supported: write "
                                 "the value out in full"});
  const std::string deep = "estab: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  const std::vector<std::string> deep_problems = problems_of(deep);
  REQUIRE(deep_problems.size() == 1);
  CHECK(deep_problems[0].find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("binary input is refused before parsing", "[load]") {
  CHECK(problems_of(std::string("estab: 1\nx: \xff\xfe\n")) ==
        std::vector<std::string>{"in.yaml:2:4: error: the file is not UTF-8 text (binary data or "
                                 "another encoding); save it as UTF-8 YAML"});
  CHECK(problems_of(std::string("estab: 1\0", 9)).size() == 1);
}

TEST_CASE("well hidden invalid UTF-8 is refused: surrogates, overlong forms, past U+10FFFF",
          "[load]") {
  const std::string message =
      "error: the file is not UTF-8 text (binary data or another encoding); save it as UTF-8 YAML";
  for (const char* hidden :
       {"\xED\xA0\x80", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80"}) {
    INFO(hidden);
    CHECK(problems_of(named_team_file(std::string("\"a") + hidden + "b\"")) ==
          std::vector<std::string>{"in.yaml:6:13: " + message});
  }
  // The largest code point and the last one before the surrogates are text.
  CHECK_NOTHROW(load_model_text(named_team_file("\"\xF4\x8F\xBF\xBF \xED\x9F\xBF\""), "in.yaml"));
}

TEST_CASE("old Mac line ends and lines over 1 MiB are refused before parsing", "[load]") {
  CHECK(problems_of("estab: 1\rteams: []\r") ==
        std::vector<std::string>{"in.yaml:1:1: error: the lines end with a bare carriage return "
                                 "(an old Mac format): save the file with Windows (CRLF) or Unix "
                                 "(LF) line ends"});
  const std::string long_line = "teams: [" + std::string(std::size_t{1} << 20, '0') + "]\n";
  CHECK(problems_of("estab: 1\n" + long_line) ==
        std::vector<std::string>{"in.yaml:2:1: error: the line is longer than 1 MiB: write the "
                                 "file one entry per line, as estab init does"});
}

TEST_CASE("flow nesting far past the limit is refused before the parser reads it", "[load]") {
  std::string brackets = "estab: ";
  for (int level = 0; level < 5000; ++level) brackets += "[\n";
  CHECK(problems_of(brackets) ==
        std::vector<std::string>{"in.yaml:1001:1: error: the input is nested more than 64 levels "
                                 "deep; no estab file needs that, so the file is probably damaged "
                                 "or generated by mistake"});
  // Brackets in comments, quoted text and inside plain text open nothing.
  std::string quiet;
  for (int line = 0; line < 1500; ++line) quiet += "# [[[[ {{{{\n";
  CHECK_NOTHROW(load_model_text(
      quiet + named_team_file("\"[[[[\"") + "review: {title: 'see [1 and {2'}\n" + quiet,
      "in.yaml"));
  CHECK_NOTHROW(load_model_text(named_team_file("Ward [North [annexe"), "in.yaml"));
  // An indicator inside a word opens nothing either: 1,200 of `x:[` in plain text.
  std::string teams = "estab: 1\nprofessions:\n  - {id: rn, registered: true}\nteams:\n";
  for (int team = 0; team < 4; ++team) {
    teams += "  - id: t" + std::to_string(team) + "\n    name: ";
    for (int word = 0; word < 300; ++word) teams += "x:[";
    teams += "\n    staffing: [{profession: rn, hours_per_week: 30}]\n";
  }
  CHECK_NOTHROW(load_model_text(teams, "in.yaml"));
}

TEST_CASE("a binary file is refused from its first block, however large", "[load]") {
  const std::filesystem::path path = scratch_directory("binary-head") / "zeros.yaml";
  std::ofstream(path, std::ios::binary) << std::string(std::size_t{3} << 20, '\0');
  try {
    load_model_file(path.string());
    FAIL("a file of NUL bytes loaded");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].line == 1);
    CHECK(error.diagnostics()[0].column == 1);
  }
}

TEST_CASE("names and ids: no control characters (C0 or C1), at most 1000 bytes", "[load]") {
  CHECK(problems_of(named_team_file("\"a\xC2\x9B"
                                    "2Jb\"")) ==
        std::vector<std::string>{"in.yaml:6:11: error: teams[ward].name: must not contain control "
                                 "characters (such as a line break or escape)"});
  CHECK(problems_of(minimal_file("assumptions: {additional: {\"a\\eb\": 1%}}\n")) ==
        std::vector<std::string>{"in.yaml:9:28: error: assumptions.additional: a component name "
                                 "must not contain control characters (such as a line break or "
                                 "escape)"});
  CHECK(problems_of(named_team_file(std::string(1001, 'n'))) ==
        std::vector<std::string>{"in.yaml:6:11: error: teams[ward].name: is 1001 bytes long; text "
                                 "here may be up to 1000 bytes"});
  CHECK_NOTHROW(load_model_text(named_team_file(std::string(1000, 'n')), "in.yaml"));
}

TEST_CASE("problems beyond the first 100 are counted, not kept, unless every one is asked for",
          "[load]") {
  std::string keys;
  for (int index = 0; index < 150; ++index) keys += "wrong_" + std::to_string(index) + ": 1\n";
  const std::string path = (scratch_directory("many-problems") / "many.yaml").string();
  std::ofstream(path) << minimal_file(keys);
  try {
    load_model_file(path);
    FAIL("a file with 150 unknown keys loaded");
  } catch (const InputError& error) {
    CHECK(error.diagnostics().size() == 100);
    CHECK(error.unlisted() == 50);
    CHECK(error.diagnostics().back().line == 108);  // the first 100, in reading order
  }
  LoadOptions every;
  every.every_problem = true;
  try {
    load_model_file(path, every);
    FAIL("a file with 150 unknown keys loaded");
  } catch (const InputError& error) {
    CHECK(error.diagnostics().size() == 150);
    CHECK(error.unlisted() == 0);
  }
}

TEST_CASE("a missing file is a FileError, not an InputError", "[load]") {
  CHECK_THROWS_AS(load_model_file("/nonexistent/estab.yaml"), FileError);
}

TEST_CASE("did-you-mean suggests only close matches", "[load]") {
  CHECK(edit_distance("sicknes", "sickness") == 1);
  CHECK(edit_distance("rnId", "rnld") == 1);
  CHECK(edit_distance("abc", "acb") == 1);
  CHECK(did_you_mean("sicknes", {"sickness", "parenting"}) == " (did you mean 'sickness'?)");
  CHECK(did_you_mean("zzz", {"sickness", "parenting"}).empty());
  // With nothing close, the ids there are: up to ten, then how many in all.
  CHECK(did_you_mean_or_list("sicknes", {"sickness", "parenting"}, "components") ==
        " (did you mean 'sickness'?)");
  CHECK(did_you_mean_or_list("zzz", {"sickness", "parenting"}, "components") ==
        "; the components are: sickness, parenting");
  CHECK(did_you_mean_or_list("zzz", {}, "components").empty());
  const std::vector<std::string_view> eleven = {"a1", "b2", "c3", "d4",  "e5", "f6",
                                                "g7", "h8", "i9", "j10", "k11"};
  CHECK(did_you_mean_or_list("zzzzz", eleven, "teams") ==
        "; the teams are: a1, b2, c3, d4, e5, f6, g7, h8, i9, j10, \xE2\x80\xA6 (11 in all)");
}

TEST_CASE("bounded edit distance agrees with the full one up to its limit", "[load]") {
  const std::vector<std::string> words = {
      "",         "a",         "rn",       "rnld",     "rnId", "sickness", "sicknes", "ssickness",
      "parental", "parenting", "svc-0001", "svc-1000", "abc",  "acb",      "bca",     "SICKNESS"};
  for (const std::string& from : words) {
    for (const std::string& to : words) {
      for (std::size_t limit = 0; limit <= 4; ++limit) {
        INFO(from << " → " << to << " within " << limit);
        CHECK(edit_distance_within(from, to, limit) ==
              std::min(edit_distance(from, to), limit + 1));
      }
    }
  }
  // A word too long to be a typo gets no suggestion, and costs nothing to refuse.
  const std::string long_word(std::size_t{10} << 20, 'k');
  CHECK(did_you_mean(long_word, {std::string_view(long_word).substr(0, 64)}).empty());
  CHECK(did_you_mean(std::string(64, 'k') + "x", {std::string(64, 'k')}).empty());
  CHECK(did_you_mean(std::string(63, 'k') + "x", {std::string(64, 'k')}) ==
        " (did you mean '" + std::string(64, 'k') + "'?)");
}

TEST_CASE("the document tree keeps every mark", "[load]") {
  const Document document = Document::parse("a:\n  - 1\n  - 'two'\n", 0, "in.yaml");
  const Document::NodeId list = document.find(document.root(), "a");
  REQUIRE(list != Document::kNoNode);
  CHECK(document.kind(list) == NodeKind::Sequence);
  CHECK(document.size(list) == 2);
  const Document::NodeId second = document.next_sibling(document.first_child(list));
  CHECK(document.text(second) == "two");
  CHECK(document.quoted(second));
  CHECK(document.location(second).line == 3);
  CHECK(document.location(second).column == 5);
}
