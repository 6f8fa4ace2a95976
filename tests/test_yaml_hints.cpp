// Unit tests of the plain words given for YAML syntax errors: each slip made by hand is named
// at the line to change; anything else keeps the parser's own words.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "estab/load.hpp"
#include "load/yaml_hints.hpp"
#include "support/test_support.hpp"

using estab::explain_yaml_error;
using estab::testing::problems_of;

TEST_CASE("a tab in the indentation is named at its line", "[yaml_hints]") {
  CHECK(problems_of("estab: 1\nprofessions:\n\t- {id: rn, registered: true}\n") ==
        std::vector<std::string>{"in.yaml:3:1: error: invalid YAML: line 3 is indented with a "
                                 "tab: indent with spaces, not tabs"});
}

TEST_CASE("a value holding ': ' asks for quotes", "[yaml_hints]") {
  CHECK(problems_of("estab: 1\nprofessions:\n  - {id: rn, registered: true}\nteams:\n"
                    "  - id: w\n    staffing:\n      - profession: rn\n        roster:\n"
                    "          - {shift: twilight: 14:00-22:00, staff: 1, paid_hours: 8}\n") ==
        std::vector<std::string>{"in.yaml:9:21: error: invalid YAML: the value 'twilight: "
                                 "14:00-22:00' holds ': ': put it in quotes, as \"twilight: "
                                 "14:00-22:00\""});
  CHECK(problems_of("estab: 1\nreview:\n  title: Review: 2026\n") ==
        std::vector<std::string>{"in.yaml:3:10: error: invalid YAML: the value 'Review: 2026' "
                                 "holds ': ': put it in quotes, as \"Review: 2026\""});
}

TEST_CASE("a bracket never closed is shown where it opened", "[yaml_hints]") {
  CHECK(problems_of("estab: 1\nprofessions: [{id: rn, registered: true}\nteams: []\n") ==
        std::vector<std::string>{
            "in.yaml:2:14: error: invalid YAML: the '[' opened here is never closed with ']'"});
  // A bracket inside quotes or a comment opens nothing.
  const auto hint = explain_yaml_error("a: \"[x\"  # {\nb: [1, 2\nc: 3\n",
                                       "end of sequence flow not found", 3, 1);
  REQUIRE(hint);
  CHECK(hint->line == 2);
  CHECK(hint->column == 4);
}

TEST_CASE("a line indented out of step says by how much", "[yaml_hints]") {
  CHECK(problems_of("estab: 1\nprofessions:\n  - id: rn\n    registered: true\n   name: x\n") ==
        std::vector<std::string>{"in.yaml:5:4: error: invalid YAML: line 5 is indented by 3 "
                                 "spaces and does not line up with the lines above it (line 4 by "
                                 "4): check its indentation"});
}

TEST_CASE("other syntax errors keep the parser's words", "[yaml_hints]") {
  CHECK_FALSE(explain_yaml_error("a: b\n", "unknown token", 1, 1));
  CHECK_FALSE(explain_yaml_error("", "end of map not found", 1, 1));
  CHECK_FALSE(explain_yaml_error("a: [1]\n", "end of sequence flow not found", 1, 7));
}
