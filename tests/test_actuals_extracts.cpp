// Unit tests of actuals read from extracts: sickness days by line and by team, bank and agency
// hours and costs, leavers and retirements, the start and end snapshots leaver rates divide by,
// and the located errors of each kind of source.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "estab/calc.hpp"
#include "estab/load.hpp"
#include "support/test_support.hpp"

using namespace estab;
using namespace estab::testing;

namespace {

/// Writes each (file name, text) into a scratch folder of its own with `yaml` as review.yaml,
/// and loads it.
Model load_with_files(const std::string& name, const std::string& yaml,
                      const std::map<std::string, std::string>& files) {
  const std::filesystem::path folder = scratch_directory("actuals-extracts-" + name);
  for (const auto& [file, text] : files) std::ofstream(folder / file) << text;
  std::ofstream(folder / "review.yaml") << yaml;
  return load_model_file((folder / "review.yaml").string());
}

/// The problems of loading, one per line with the scratch folder left out, or "" when it loads.
std::string problems_loading(const std::string& name, const std::string& yaml,
                             const std::map<std::string, std::string>& files) {
  try {
    load_with_files(name, yaml, files);
  } catch (const InputError& error) {
    const std::string folder = scratch_directory("actuals-extracts-" + name).string() + "/";
    std::string text;
    for (const Diagnostic& problem : error.diagnostics()) {
      std::string line = problem.to_string();
      if (line.rfind(folder, 0) == 0) line.erase(0, folder.size());
      text += line + "\n";
    }
    return text;
  }
  return "";
}

/// A ward (cost centre 100: nurses and HCAs) and a clinic (200: nurses), with `sources`.
std::string ward_and_clinic(const std::string& clinic_actuals, const std::string& sources) {
  return "estab: 1\n"
         "review: {temporary_threshold: 10%}\n"
         "assumptions: {sickness: 4%}\n"
         "professions:\n"
         "  - {id: rn, registered: true, cost_per_wte: 50000}\n"
         "  - {id: hca, registered: false, cost_per_wte: 30000}\n"
         "teams:\n"
         "  - id: ward\n    cost_centres: [\"100\"]\n"
         "    staffing:\n"
         "      - {profession: rn, hours_per_week: 300, in_post_wte: 8}\n"
         "      - {profession: hca, hours_per_week: 150, in_post_wte: 4}\n"
         "  - id: clinic\n    cost_centres: [\"200\"]\n" +
         clinic_actuals +
         "    staffing:\n"
         "      - {profession: rn, hours_per_week: 75, in_post_wte: 2}\n"
         "sources:\n" +
         sources;
}

const std::string kSicknessByLine =
    "  - kind: sickness\n    file: sickness.csv\n"
    "    columns: {cost_centre: CC, days_lost: Lost, days_available: Available}\n"
    "    map:\n"
    "      - {profession: rn, where: {Group: [N*]}}\n"
    "      - {profession: hca, where: {Group: [H*]}}\n";

}  // namespace

TEST_CASE("actual sickness from days: a line's rows, else its team's, Σ lost / Σ available",
          "[actuals]") {
  const Model model = load_with_files(
      "sickness",
      ward_and_clinic("", kSicknessByLine + "  - kind: sickness\n    file: team-sickness.csv\n"
                                            "    columns: {cost_centre: CC, days_lost: Lost, "
                                            "days_available: Available}\n"),
      {{"sickness.csv",
        "CC,Group,Lost,Available\n100,N1,100,2000\n100,N2,46,920\n100,H1,60,"
        "\"1,000\"\n"},
       {"team-sickness.csv", "CC,Lost,Available\n200,30,600\n"}});
  const ReviewResult review = compute_review(model);
  REQUIRE(review.lines.size() == 3);
  REQUIRE(review.lines[0].actuals.components.size() == 1);
  CHECK(review.lines[0].actuals.components[0].actual == Approx(146.0 / 2920.0));
  CHECK(review.lines[1].actuals.components[0].actual == Approx(0.06));
  CHECK(review.lines[2].actuals.components[0].actual == Approx(0.05));  // the clinic's own rows
  CHECK(review.lines[2].actuals.components[0].source == AssumptionLevel::Team);
  // Every line's sickness comes from days: the roll-ups sum the days.
  const ActualComponent& ward = review.teams[0].totals.actuals.components.at(0);
  CHECK(ward.actual == Approx(206.0 / 3920.0));
  CHECK(review.organisation.actuals.components.at(0).actual == Approx(236.0 / 4520.0));
  CHECK(review.organisation.actuals.components.at(0).assumed == Approx(0.04));
}

TEST_CASE("a team's stated sickness wins over its team rows, and a line's over everything",
          "[actuals]") {
  const Model model = load_with_files(
      "sickness-precedence",
      ward_and_clinic(
          "    actuals: {sickness: 7%}\n",
          "  - kind: sickness\n    file: team-sickness.csv\n"
          "    columns: {cost_centre: CC, days_lost: Lost, days_available: Available}\n"),
      {{"team-sickness.csv", "CC,Lost,Available\n100,50,1000\n200,30,600\n"}});
  const ReviewResult review = compute_review(model);
  CHECK(review.lines[0].actuals.components.at(0).actual == Approx(0.05));  // the ward's rows
  CHECK(review.lines[2].actuals.components.at(0).actual == Approx(0.07));  // stated
  CHECK(review.lines[2].actuals.components.at(0).days == nullptr);
  // Not every line's sickness is from days: the organisation weighs by WTE in post.
  CHECK(review.organisation.actuals.components.at(0).actual ==
        Approx((12.0 * 0.05 + 2.0 * 0.07) / 14.0));
}

TEST_CASE("bank and agency from an extract: agency cells, team-level rows, zero without rows",
          "[actuals]") {
  const Model model = load_with_files(
      "temporary",
      ward_and_clinic("",
                      "  - kind: temporary\n    file: temporary.csv\n"
                      "    columns: {cost_centre: CC, hours: Hours, cost: Cost, agency: Type}\n"),
      {{"temporary.csv",
        "CC,Hours,Cost,Type\n100,400,\"10,000\",Bank\n100,100,\"5,000\",AGENCY\n100,50,2000,yes\n"
        "100,10,(200),True\n100,20,600,1\n100,5,100,agent\n"}});
  const ReviewResult review = compute_review(model);
  const WorkforceActuals& ward = review.teams[0].totals.workforce;
  CHECK(ward.temporary_hours == Approx(585.0));
  CHECK(ward.agency_hours == Approx(180.0));  // "agent" is bank
  CHECK(ward.bank_cost == Approx(10100.0));
  CHECK(ward.agency_cost == Approx(7400.0));
  const WorkforceActuals& clinic = review.teams[1].totals.workforce;
  CHECK(clinic.temporary_hours == 0.0);  // an extract of the kind exists: none is 0
  CHECK(clinic.temporary_share == 0.0);
  CHECK(review.organisation.workforce.temporary_hours == Approx(585.0));
}

TEST_CASE("without an agency column every cost is bank and the agency figures are null",
          "[actuals]") {
  const Model model =
      load_with_files("temporary-bank",
                      ward_and_clinic("",
                                      "  - kind: temporary\n    file: temporary.csv\n"
                                      "    columns: {cost_centre: CC, hours: Hours, cost: Cost}\n"),
                      {{"temporary.csv", "CC,Hours,Cost\n100,400,10000\n100,100,5000\n"}});
  const ReviewResult review = compute_review(model);
  const WorkforceActuals& ward = review.teams[0].totals.workforce;
  CHECK(ward.bank_cost == Approx(15000.0));
  CHECK_FALSE(ward.agency_hours.has_value());
  CHECK_FALSE(ward.agency_cost.has_value());
  CHECK_FALSE(ward.agency_share_hours.has_value());
}

TEST_CASE("leavers from an extract, retirements by reason, rates on the snapshots' means",
          "[actuals]") {
  const std::string snapshot =
      "    columns: {cost_centre: CC, wte: WTE, person: Person}\n"
      "    map: [{profession: rn, where: {Group: [N*]}}, {profession: hca, where: {Group: "
      "[H*]}}]\n";
  const Model model = load_with_files(
      "leavers",
      ward_and_clinic("",
                      "  - kind: in_post\n    file: start.csv\n    snapshot: start\n" + snapshot +
                          "  - kind: in_post\n    file: end.csv\n    snapshot: end\n" + snapshot +
                          "  - kind: leavers\n    file: leavers.csv\n"
                          "    columns: {cost_centre: CC, wte: WTE, reason: Reason}\n"
                          "    retirement: [\"*retire*\"]\n"),
      {{"start.csv", "CC,Group,WTE,Person\n100,N1,1,a\n100,N1,1,b\n100,H1,0.5,b\n200,N1,1,c\n"},
       {"end.csv", "CC,Group,WTE,Person\n100,N1,1,a\n100,H1,0.6,d\n200,N1,1,c\n200,N1,1,e\n"},
       {"leavers.csv", "CC,WTE,Reason\n100,1,Retirement Age\n100,0.5,Voluntary Resignation\n"}});
  const ReviewResult review = compute_review(model);
  const WorkforceActuals& ward = review.teams[0].totals.workforce;
  CHECK(ward.leavers == 2.0);
  CHECK(ward.leavers_wte == Approx(1.5));
  CHECK(ward.retirements_wte == Approx(1.0));
  CHECK(ward.mean_headcount == Approx(2.0));         // (a, b at start + a, d at end) / 2
  CHECK(ward.leaver_rate_headcount == Approx(1.0));  // 2 / 2
  CHECK(ward.leaver_rate_wte == Approx(1.5 / ((2.5 + 1.6) / 2.0)));
  CHECK(review.organisation.workforce.mean_headcount == Approx(3.5));  // (a b c + a c d e) / 2
  CHECK(review.teams[1].totals.workforce.leavers == 0.0);
  // The end snapshot gives the staff in post (the stated 8 WTE wins, with a warning).
  CHECK(model.teams[0].lines[0].extract.in_post_rows_wte == 1.0);
}

TEST_CASE("snapshots without persons give no means: the team's own figures are used", "[actuals]") {
  const std::string snapshot =
      "    columns: {cost_centre: CC, wte: WTE}\n"
      "    map: [{profession: rn, where: {Group: [N*]}}]\n";
  const Model model = load_with_files(
      "snapshots-without-persons",
      ward_and_clinic("",
                      "  - kind: in_post\n    file: start.csv\n    snapshot: start\n" + snapshot +
                          "  - kind: in_post\n    file: end.csv\n    snapshot: end\n" + snapshot +
                          "  - kind: leavers\n    file: leavers.csv\n"
                          "    columns: {cost_centre: CC, wte: WTE}\n"),
      {{"start.csv", "CC,Group,WTE\n100,N1,3\n"},
       {"end.csv", "CC,Group,WTE\n100,N1,1\n"},
       {"leavers.csv", "CC,WTE\n100,1.2\n"}});
  CHECK_FALSE(model.extracts.snapshot_means.present);
  const ReviewResult review = compute_review(model);
  const WorkforceActuals& ward = review.teams[0].totals.workforce;
  CHECK(ward.leaver_rate_wte == Approx(1.2 / 12.0));  // over the 8 + 4 WTE stated in post
  CHECK_FALSE(ward.mean_headcount.has_value());
  CHECK_FALSE(ward.retirements_wte.has_value());  // no retirement reasons to count by
}

TEST_CASE("sickness rows without days available give no rate, and stated sickness wins unchecked",
          "[actuals]") {
  const Model model =
      load_with_files("no-days", ward_and_clinic("", kSicknessByLine),
                      {{"sickness.csv", "CC,Group,Lost,Available\n100,N1,0,0\n100,H1,30,600\n"}});
  REQUIRE(model.warnings.size() == 1);
  const std::string folder = scratch_directory("actuals-extracts-no-days").string() + "/";
  std::string warning = model.warnings[0].to_string();
  if (warning.rfind(folder, 0) == 0) warning.erase(0, folder.size());
  CHECK(warning ==
        "sickness.csv:2:1: warning: teams[ward].staffing[rn]: the sickness rows give no FTE days "
        "available, so there is no actual sickness rate; the assumption stands unchecked");
  const ReviewResult review = compute_review(model);
  CHECK(review.lines[0].actuals.components.empty());
  CHECK(review.lines[1].actuals.components.at(0).actual == Approx(0.05));
  CHECK(review.teams[0].totals.actuals.components.at(0).actual == Approx(0.05));

  // A line's stated sickness wins: its rows, even at 100%, are not used.
  std::string yaml = ward_and_clinic("", kSicknessByLine);
  const std::string nurses = "{profession: rn, hours_per_week: 300, in_post_wte: 8}";
  REQUIRE(yaml.find(nurses) != std::string::npos);
  yaml.replace(yaml.find(nurses), nurses.size(),
               "{profession: rn, hours_per_week: 300, in_post_wte: 8, actuals: {sickness: 5%}}");
  const Model stated = load_with_files(
      "stated-over-rows", yaml, {{"sickness.csv", "CC,Group,Lost,Available\n100,N1,50,50\n"}});
  const ReviewResult stated_review = compute_review(stated);
  CHECK(stated_review.lines[0].actuals.components.at(0).actual == Approx(0.05));
  CHECK(stated_review.lines[0].actuals.components.at(0).days == nullptr);
}

TEST_CASE("an empty snapshot is warned about", "[actuals]") {
  const std::string snapshot =
      "    columns: {cost_centre: CC, wte: WTE, person: Person}\n"
      "    map: [{profession: rn, where: {Group: [N*]}}]\n";
  const Model model = load_with_files(
      "empty-snapshot",
      ward_and_clinic("",
                      "  - kind: in_post\n    file: start.csv\n    snapshot: start\n" + snapshot +
                          "  - kind: in_post\n    file: end.csv\n    snapshot: end\n" + snapshot),
      {{"start.csv", "CC,Group,WTE,Person\n"}, {"end.csv", "CC,Group,WTE,Person\n100,N1,1,a\n"}});
  std::vector<std::string> warnings;
  for (const Diagnostic& warning : model.warnings) warnings.push_back(warning.to_string());
  CHECK_THAT(warnings.at(0),
             Catch::EndsWith("warning: sources[0].file: the start snapshot has no rows in use, "
                             "so the means that leaver rates divide by count nobody in post "
                             "at the start"));
}

TEST_CASE("bad actuals extracts are located errors", "[actuals]") {
  CHECK(problems_loading("days-above", ward_and_clinic("", kSicknessByLine),
                         {{"sickness.csv", "CC,Group,Lost,Available\n100,N1,30,20\n"}}) ==
        "sickness.csv:2:8: error: Lost: 30 FTE days lost is more than the 20 FTE days "
        "available\n");
  CHECK(problems_loading("all-sick", ward_and_clinic("", kSicknessByLine),
                         {{"sickness.csv", "CC,Group,Lost,Available\n100,N1,20,20\n"}}) ==
        "sickness.csv:2:1: error: teams[ward].staffing[rn]: the sickness rows give 20.0 FTE "
        "days lost of 20.0 available: an actual sickness of 100% or more leaves no time to "
        "work\n");
  CHECK(problems_loading("negative-hours",
                         ward_and_clinic("",
                                         "  - kind: temporary\n    file: temporary.csv\n"
                                         "    columns: {cost_centre: CC, hours: Hours}\n"),
                         {{"temporary.csv", "CC,Hours\n100,-4\n"}}) ==
        "temporary.csv:2:5: error: Hours: expected a number of 0 or more, got \"-4\"\n");
  CHECK(problems_loading("roles",
                         ward_and_clinic("",
                                         "  - kind: sickness\n    file: sickness.csv\n"
                                         "    columns: {cost_centre: CC, person: P, "
                                         "days_lost: Lost}\n"
                                         "  - kind: leavers\n    file: leavers.csv\n"
                                         "    columns: {cost_centre: CC, wte: WTE}\n"
                                         "    retirement: [\"Retire*\"]\n"
                                         "  - kind: leaver\n    file: leavers.csv\n"
                                         "    columns: {cost_centre: CC, wte: WTE}\n"),
                         {}) ==
        "review.yaml:20:14: error: sources[0].columns: missing required key 'days_available' "
        "(the header of the column that holds the FTE days available)\n"
        "review.yaml:20:40: error: sources[0].columns.person: a sickness source has no 'person' "
        "column\n"
        "review.yaml:24:17: error: sources[1].retirement: 'retirement' matches the reason of a "
        "leaver: name the column that holds it as columns.reason\n"
        "review.yaml:25:11: error: sources[2].kind: expected 'in_post', 'funded', 'sickness', "
        "'temporary' or 'leavers', got \"leaver\" (did you mean 'leavers'?)\n");
}
