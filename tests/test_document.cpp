// Unit tests of the document tree: a large file read in pieces on several threads must give
// exactly the tree that reading it whole gives, or decline so that it is read whole.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "support/test_support.hpp"

using estab::Document;
using estab::NodeKind;
using estab::testing::read_all;
using estab::testing::source_path;

namespace {

/// A file of `teams` teams written in many YAML styles: flow and block maps, quoted and plain
/// scalars, a folded block scalar, a multi-line plain scalar, comments and blank lines, an
/// empty staffing list, and keys after the list.
std::string varied_file(int teams, const std::string& indent = "  ") {
  std::string text =
      "estab: 1  # schema\n"
      "review: {title: \"Big trust\", standard_hours: 37.5}\n"
      "professions:\n"
      "  - {id: rn, registered: true, cost_per_wte: 50000}\n"
      "  - id: hca\n"
      "    registered: false\n"
      "teams:\n";
  for (int team = 0; team < teams; ++team) {
    const std::string id = std::to_string(team);
    const std::string in = indent + "  ";
    text += indent + "- id: t" + id + "\n";
    if (team % 3 == 0) text += "\n# a comment between keys\n";
    text += in + "name: 'Team ''" + id + "'''\n";
    if (team % 5 == 0) {
      text += in + "notes: >\n" + in + "  folded text that\n" + in + "  - looks like an item\n";
    }
    if (team % 7 == 0) text += in + "purpose: a plain scalar\n" + in + "  over two lines\n";
    if (team % 11 == 0) {
      text += in + "staffing: []\n";
      continue;
    }
    text += in + "staffing:\n";
    text += in + "  - profession: rn\n";
    text +=
        in + "    roster: [{shift: early, staff: 3, paid_hours: 7.5}, {shift: late, staff: 2,\n";
    text += in + "             paid_hours: 7.5}]\n";
    text += in + "  - {profession: hca, hours_per_week: " + std::to_string(team % 40) + "}\n";
  }
  text += "services:\n  - {id: s1, name: \"After the list\"}\n";
  return text;
}

/// Reads `text` in `pieces` parts, and checks the result against reading it whole: the same
/// tree when the pieces were used, and nothing when the whole file does not parse.
void check_pieces_match_whole(const std::string& text, std::size_t pieces, bool must_split,
                              std::size_t least_items_per_piece = 16) {
  std::optional<Document> whole;
  try {
    whole = Document::parse(text, 0, "big.yaml");
  } catch (const estab::InputError&) {
    whole.reset();
  }
  const std::optional<Document> split =
      Document::parse_in_pieces(text, 0, "big.yaml", pieces, least_items_per_piece);
  if (must_split) REQUIRE(split);
  if (!split) return;
  REQUIRE(whole);
  CHECK(split->node_count() == whole->node_count());
  CHECK(split->same_tree(*whole));
}

/// A list of `count` copies of `item` (with `%` replaced by the item's number) under `teams`.
std::string repeated_items(int count, const std::string& item, const std::string& after = "") {
  std::string text = "estab: 1\nprofessions: []\nteams:\n";
  for (int index = 0; index < count; ++index) {
    std::string copy = item;
    for (std::size_t at = copy.find('%'); at != std::string::npos; at = copy.find('%')) {
      copy.replace(at, 1, std::to_string(index));
    }
    text += copy;
  }
  return text + after;
}

}  // namespace

TEST_CASE("a large file read in pieces gives exactly the tree read whole", "[document]") {
  const std::string text = varied_file(400);
  for (const std::size_t pieces : {2, 3, 4}) {
    INFO(pieces << " pieces");
    check_pieces_match_whole(text, pieces, true);
  }
  INFO("items at the left margin");
  check_pieces_match_whole(varied_file(400, ""), 2, true);
}

TEST_CASE("a file with Windows line ends is read the same in pieces", "[document]") {
  std::string text = varied_file(200);
  std::string crlf;
  for (const char character : text) {
    if (character == '\n') crlf += '\r';
    crlf += character;
  }
  check_pieces_match_whole(crlf, 2, true);
}

TEST_CASE("files that cannot be cut safely are declined", "[document]") {
  SECTION("a quoted scalar whose next line looks like an item") {
    check_pieces_match_whole(repeated_items(80, "  - id: t%\n    name: \"first\n  - second\"\n"), 2,
                             false);
  }
  SECTION("a flow list whose next line looks like an item") {
    check_pieces_match_whole(repeated_items(80, "  - id: t%\n    tags: [a,\n  - b]\n"), 2, false);
  }
  SECTION("a syntax error far into the list") {
    std::string text = repeated_items(80, "  - id: t%\n");
    text.insert(text.size() - 12, "  - {id: broken\n");
    check_pieces_match_whole(text, 2, false);
    CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
  }
  SECTION("bytes that are not UTF-8 in a later piece (found by fuzzing)") {
    std::string text = repeated_items(80, "  - id: t%\n");
    text.insert(text.size() - 5, "\xC2\xC2\xC2");
    check_pieces_match_whole(text, 2, false);
    CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
  }
  SECTION("a quoted string left open, which yaml-cpp closes at the end of its input") {
    // Read whole, the string runs to the end of the file and swallows every later item; a
    // piece that ends inside it must not be taken as a clean cut.
    const std::string open_quote = repeated_items(80, "  - id: t%\n", "services: []\n");
    for (const std::size_t at : {std::size_t{40}, open_quote.size() / 2, open_quote.size() - 40}) {
      std::string text = open_quote;
      text.insert(text.find('\n', at) + 1, "    \"open\n");
      check_pieces_match_whole(text, 2, false);
      check_pieces_match_whole(text, 3, false);
      CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
    }
  }
  SECTION("files found by fuzzing, cut after every item") {
    // open-quote-in-head.yaml: a string left open in the head swallowed the later items.
    // empty-value-before-tail.yaml: an empty value just before the tail took its position
    // from what followed the piece, not from the tail.
    // key-without-colon.yaml: `hours_per_week:. 30` is a key without its `:`, which yaml-cpp
    // reports only at the next `:`, in the next piece.
    for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/pieces"))) {
      INFO(entry.path().filename().string());
      const std::string text = read_all(entry.path());
      REQUIRE(text.size() > 100);
      check_pieces_match_whole(text, 2, false, 1);
      check_pieces_match_whole(text, 3, false, 1);
    }
  }
  SECTION("an empty value at the end of a piece keeps the position the file gives it") {
    check_pieces_match_whole(repeated_items(80, "  - id: t%\n    staffing:\n", "services: []\n"), 3,
                             true);
    check_pieces_match_whole(repeated_items(80, "  - id: t%\n    staffing:\n"), 3, true);
  }
  SECTION("a key left without its colon just before a cut") {
    const std::string text = repeated_items(80,
                                            "  - id: t%\n    staffing:\n      - profession: rn\n"
                                            "        hours_per_week:. 30\n");
    check_pieces_match_whole(text, 2, false);
    CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
  }
  SECTION("a tail of keys after the list") {
    check_pieces_match_whole(
        repeated_items(80, "  - id: t%\n", "services:\n  - id: s\nskill_mix: {}\n"), 3, true);
  }
  SECTION("a document marker or an indented line after the list") {
    for (const char* after : {"---\nestab: 1\n", "...\n", " odd: 1\n", "- stray\n"}) {
      CHECK_FALSE(Document::parse_in_pieces(repeated_items(80, "  - id: t%\n", after), 0, "b", 2));
    }
  }
  SECTION("YAML directives") {
    CHECK_FALSE(Document::parse_in_pieces("%YAML 1.2\n---\n" + repeated_items(80, "  - id: t%\n"),
                                          0, "b", 2));
  }
  SECTION("an alias in a later piece") {
    std::string text = repeated_items(80, "  - id: t%\n") + "  - id: *anchor\n";
    CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
  }
  SECTION("two teams keys") {
    const std::string text = repeated_items(80, "  - id: t%\n") + "teams:\n  - id: again\n";
    CHECK_FALSE(Document::parse_in_pieces(text, 0, "big.yaml", 2));
  }
  SECTION("indentation with tabs") {
    CHECK_FALSE(Document::parse_in_pieces(repeated_items(80, "\t- id: t%\n"), 0, "big.yaml", 2));
  }
  SECTION("a flow list of teams") {
    CHECK_FALSE(Document::parse_in_pieces("estab: 1\nteams: [a, b]\n", 0, "big.yaml", 2));
  }
  SECTION("too few items to be worth a thread") {
    CHECK_FALSE(Document::parse_in_pieces(repeated_items(8, "  - id: t%\n"), 0, "big.yaml", 2));
  }
  SECTION("a second document after the list") {
    check_pieces_match_whole(repeated_items(80, "  - id: t%\n", "---\nestab: 1\n"), 2, false);
    CHECK_FALSE(Document::parse_in_pieces(repeated_items(80, "  - id: t%\n", "---\nestab: 1\n"), 0,
                                          "b", 2));
  }
}

TEST_CASE("two documents are the same tree only when every node and mark agrees", "[document]") {
  const Document first = Document::parse("a: [1, 'x']\nb: {c: null}\n", 0, "in.yaml");
  CHECK(first.same_tree(Document::parse("a: [1, 'x']\nb: {c: null}\n", 0, "in.yaml")));
  CHECK_FALSE(first.same_tree(Document::parse("a: [1, x]\nb: {c: null}\n", 0, "in.yaml")));
  CHECK_FALSE(first.same_tree(Document::parse("a: [1, 'x']\nb: {c: nil}\n", 0, "in.yaml")));
  CHECK_FALSE(first.same_tree(Document::parse("a: [1,  'x']\nb: {c: null}\n", 0, "in.yaml")));
  CHECK_FALSE(first.same_tree(Document::parse("a: [1, 'x']\nb: {c: null}\n", 1, "in.yaml")));
  CHECK_FALSE(first.same_tree(Document::parse("a: [1, 'x', 2]\nb: {c: null}\n", 0, "in.yaml")));
}

TEST_CASE("marks in every piece count lines from the top of the file", "[document]") {
  const std::string text = repeated_items(100, "  - id: t%\n    name: Team %\n");
  const std::optional<Document> split = Document::parse_in_pieces(text, 3, "big.yaml", 4);
  REQUIRE(split);
  const Document::NodeId list = split->find(split->root(), "teams");
  REQUIRE(split->size(list) == 100);
  std::uint32_t expected_line = 4;  // "estab", "professions", "teams", then two lines per item
  for (Document::NodeId item = split->first_child(list); item != Document::kNoNode;
       item = split->next_sibling(item), expected_line += 2) {
    const Document::NodeId name = split->find(item, "name");
    REQUIRE(name != Document::kNoNode);
    CHECK(split->location(name).line == expected_line + 1);
    CHECK(split->location(name).column == 11);
    CHECK(split->location(name).file_index == 3);
  }
}

TEST_CASE("remove_null_entries drops every key whose value is null, at any depth", "[document]") {
  Document document = Document::parse(
      "a: ~\nb: 1\nc:\nd: {e: null, f: 2, g: ~}\nh: [~, {i: ~}]\nj: ~\n", 0, "in.yaml");
  CHECK(document.remove_null_entries() == 6);
  const Document::NodeId root = document.root();
  CHECK(document.size(root) == 6);  // b, d and h, with their values
  CHECK(document.find(root, "a") == Document::kNoNode);
  CHECK(document.find(root, "c") == Document::kNoNode);
  CHECK(document.find(root, "j") == Document::kNoNode);
  CHECK(document.text(document.find(root, "b")) == "1");
  const Document::NodeId inner = document.find(root, "d");
  CHECK(document.size(inner) == 2);
  CHECK(document.text(document.find(inner, "f")) == "2");
  // A null item of a list is not a map entry: it stays, for its own error.
  const Document::NodeId list = document.find(root, "h");
  CHECK(document.size(list) == 2);
  CHECK(document.kind(document.first_child(list)) == NodeKind::Null);
  CHECK(document.size(document.next_sibling(document.first_child(list))) == 0);
  CHECK(document.remove_null_entries() == 0);
}
