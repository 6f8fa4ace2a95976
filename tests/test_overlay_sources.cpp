// Unit tests of scenarios (docs/INPUT.md §16 and §17), part 3: the internal functions of
// src/load/sources.hpp that lay an overlay over its base (merge_overlay), follow `extends`
// (load_document) and apply `--set` (apply_overrides), checked on the Document they build.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "estab/diagnostic.hpp"
#include "estab/document.hpp"
#include "load/sources.hpp"
#include "support/overlay_fixtures.hpp"
#include "support/test_support.hpp"

namespace {

using estab::Document;
using estab::NodeKind;
using namespace estab::testing;

}  // namespace

// ---------------------------------------------------------------------------------------------
// The internal functions of src/load/sources.hpp

TEST_CASE("merge_overlay keeps each node's file mark", "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base =
      Document::parse("estab: 1\nassumptions:\n  sickness: 4%\n  parenting: 1%\n", 0, files[0]);
  const Document overlay =
      Document::parse("estab: 1\nassumptions:\n  sickness: 5%\n  study_leave: 2%\n", 1, files[1]);
  const Document merged = estab::merge_overlay(base, overlay, files);

  const Document::NodeId assumptions = merged.find(merged.root(), "assumptions");
  REQUIRE(assumptions != Document::kNoNode);
  REQUIRE(merged.kind(assumptions) == NodeKind::Map);
  CHECK(merged.size(assumptions) == 6);  // three keys and their values

  const Document::NodeId sickness = merged.find(assumptions, "sickness");
  REQUIRE(sickness != Document::kNoNode);
  CHECK(merged.text(sickness) == "5%");
  CHECK(merged.location(sickness).file_index == 1);
  CHECK(merged.location(sickness).line == 3);

  const Document::NodeId parenting = merged.find(assumptions, "parenting");
  REQUIRE(parenting != Document::kNoNode);
  CHECK(merged.text(parenting) == "1%");
  CHECK(merged.location(parenting).file_index == 0);
  CHECK(merged.location(parenting).line == 4);

  const Document::NodeId study = merged.find(assumptions, "study_leave");
  REQUIRE(study != Document::kNoNode);
  CHECK(merged.text(study) == "2%");
  CHECK(merged.location(study).file_index == 1);
  CHECK(merged.location(study).line == 4);
}

TEST_CASE("merge_overlay drops the overlay's remove and extends keys", "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base = Document::parse(
      "estab: 1\nteams:\n  - {id: a, name: A}\n  - {id: b, name: B}\n", 0, files[0]);
  const Document overlay = Document::parse(
      "estab: 1\nextends: base.yaml\nteams:\n  - {id: a, remove: false, name: Z}\n"
      "  - {id: b, remove: true}\n  - {id: c, remove: false}\n",
      1, files[1]);
  const Document merged = estab::merge_overlay(base, overlay, files);
  const Document::NodeId root = merged.root();
  CHECK(merged.find(root, "extends") == Document::kNoNode);
  const Document::NodeId teams = merged.find(root, "teams");
  REQUIRE(teams != Document::kNoNode);
  REQUIRE(merged.size(teams) == 2);
  const Document::NodeId first = merged.first_child(teams);
  const Document::NodeId second = merged.next_sibling(first);
  CHECK(merged.text(merged.find(first, "id")) == "a");
  CHECK(merged.text(merged.find(first, "name")) == "Z");
  CHECK(merged.find(first, "remove") == Document::kNoNode);
  CHECK(merged.text(merged.find(second, "id")) == "c");
  CHECK(merged.find(second, "remove") == Document::kNoNode);
}

TEST_CASE("merge_overlay refuses a file that is not a mapping, in the file that has it",
          "[overlay]") {
  const std::vector<std::string> files = {"base.yaml", "overlay.yaml"};
  const Document base = Document::parse("- 1\n- 2\n", 0, files[0]);
  const Document overlay = Document::parse("estab: 1\n", 1, files[1]);
  try {
    estab::merge_overlay(base, overlay, files);
    FAIL("a list was merged as if it were a mapping");
  } catch (const estab::InputError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].to_string() ==
          "base.yaml:1:1: error: expected a mapping of keys to values, got a list");
  }
}

TEST_CASE("load_document follows extends and lists every file, the named one first", "[overlay]") {
  ScratchDirectory directory;
  const std::string base = directory.write("base.yaml", kMinimal);
  const std::string overlay_name = directory.file("overlay.yaml");  // never written: text given
  std::vector<std::string> files;
  const Document document = estab::load_document(
      "estab: 1\nextends: base.yaml\nreview: {title: Overlay}\n", overlay_name, files);
  CHECK(files == std::vector<std::string>{overlay_name, base});
  const Document::NodeId review = document.find(document.root(), "review");
  REQUIRE(review != Document::kNoNode);
  CHECK(document.text(document.find(review, "title")) == "Overlay");
  CHECK(document.location(review).file_index == 0);
  const Document::NodeId teams = document.find(document.root(), "teams");
  REQUIRE(teams != Document::kNoNode);
  CHECK(document.location(teams).file_index == 1);
  CHECK(document.find(document.root(), "extends") == Document::kNoNode);
}

TEST_CASE("apply_overrides changes the document and adds a --set source per assignment",
          "[overlay]") {
  std::vector<std::string> files = {"in.yaml"};
  Document document = Document::parse(kMinimal, 0, files[0]);
  estab::apply_overrides(document, {"review.title=New", "teams[ward].name=Ward A"}, files);
  CHECK(files == std::vector<std::string>{"in.yaml", "--set", "--set"});
  const Document::NodeId review = document.find(document.root(), "review");
  REQUIRE(review != Document::kNoNode);
  const Document::NodeId title = document.find(review, "title");
  REQUIRE(title != Document::kNoNode);
  CHECK(document.text(title) == "New");
  CHECK(document.location(title).file_index == 1);
  const Document::NodeId team = document.first_child(document.find(document.root(), "teams"));
  const Document::NodeId name = document.find(team, "name");
  REQUIRE(name != Document::kNoNode);
  CHECK(document.text(name) == "Ward A");
  CHECK(document.location(name).file_index == 2);
  CHECK(document.text(document.find(team, "id")) == "ward");
}
