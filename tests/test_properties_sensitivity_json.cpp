// Property tests of the calculation (`estab sensitivity` and the JSON contract, docs/OUTPUT.md §1
// and §6), part 3: over generated models, the sensitivity brackets the base (down ≤ base ≤ up for
// every assumption), and the review JSON read back keeps every number exactly.
//
// Every generated model comes from tests/support/model_generator.hpp: a std::mt19937 with a
// seed taken from a fixed table, so a failure names its seed and is reproducible.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"
#include "estab/sensitivity.hpp"
#include "support/model_generator.hpp"
#include "support/test_support.hpp"

namespace {

using estab::LineResult;
using estab::Model;
using estab::ReviewResult;
using namespace estab::testing;

// ---------------------------------------------------------------------------------------------
// JSON

/// The bits of a double, so that equality means the very same number (and -0 ≠ +0).
std::uint64_t bits_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

/// Walks the document as written and as read back; records any number that is not the same
/// double, and any change of shape. Returns how many numbers were compared.
std::size_t compare_numbers(const nlohmann::ordered_json& written, const nlohmann::json& read,
                            const std::string& where, std::vector<std::string>& failures) {
  if (written.is_number()) {
    if (!read.is_number()) {
      failures.push_back(where + ": a number became " + read.dump());
      return 0;
    }
    const double before = written.get<double>();
    const double after = read.get<double>();
    if (bits_of(before) != bits_of(after)) {
      std::ostringstream message;
      message.precision(17);
      message << where << ": " << before << " read back as " << after;
      failures.push_back(message.str());
    }
    return 1;
  }
  if (written.type() != read.type()) {
    failures.push_back(where + ": " + written.dump() + " read back as " + read.dump());
    return 0;
  }
  std::size_t compared = 0;
  if (written.is_object()) {
    for (auto item = written.begin(); item != written.end(); ++item) {
      if (!read.contains(item.key())) {
        failures.push_back(where + "." + item.key() + " is missing after reading back");
        continue;
      }
      compared +=
          compare_numbers(item.value(), read.at(item.key()), where + "." + item.key(), failures);
    }
  } else if (written.is_array()) {
    if (written.size() != read.size()) {
      failures.push_back(where + ": the array changed length");
      return compared;
    }
    for (std::size_t index = 0; index < written.size(); ++index) {
      compared += compare_numbers(written[index], read[index],
                                  where + "[" + std::to_string(index) + "]", failures);
    }
  } else if (written.dump() != read.dump()) {
    failures.push_back(where + ": " + written.dump() + " read back as " + read.dump());
  }
  return compared;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// (d) Sensitivity

TEST_CASE("sensitivity: down ≤ base ≤ up for every assumption", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 101u));
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const double change = generator.uniform(0.01, 0.5);
  INFO("seed " << seed << ", change " << change);
  const estab::SensitivityResult result = estab::run_sensitivity(model, change);
  const ReviewResult base = estab::compute_review(model);

  CHECK(bits_of(result.required_wte) == bits_of(base.organisation.required_wte));
  CHECK(result.required_cost.has_value() == base.organisation.required_cost.has_value());
  const std::vector<std::string> listed = estab::sensitivity_assumptions(model);
  std::multiset<std::string> scaled;
  for (const estab::SensitivityComponent& component : result.components) {
    scaled.insert(component.component);
  }
  CHECK(std::multiset<std::string>(listed.begin(), listed.end()) == scaled);

  std::vector<std::string> failures;
  for (const estab::SensitivityComponent& component : result.components) {
    std::ostringstream figures;
    figures.precision(17);
    figures << component.component << ": " << component.required_wte_down << " / "
            << result.required_wte << " / " << component.required_wte_up;
    if (!(component.required_wte_down <= result.required_wte &&
          result.required_wte <= component.required_wte_up)) {
      failures.push_back("WTE " + figures.str());
    }
    if (component.required_cost_down.has_value() != result.required_cost.has_value() ||
        component.required_cost_up.has_value() != result.required_cost.has_value()) {
      failures.push_back(component.component + ": a cost is null on one side only");
    } else if (result.required_cost && !(*component.required_cost_down <= *result.required_cost &&
                                         *result.required_cost <= *component.required_cost_up)) {
      failures.push_back("cost of " + component.component);
    }
  }
  CHECK(failures == std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------------
// (e) JSON round trip

TEST_CASE("the review JSON read back keeps every number exactly", "[property]") {
  const std::uint32_t seed = GENERATE(range(1u, 151u));
  INFO("seed " << seed);
  ModelGenerator generator(seed);
  const Model model = generator.model();
  const ReviewResult review = estab::compute_review(model);
  const nlohmann::ordered_json written = estab::review_to_json(review);
  const nlohmann::json read = nlohmann::json::parse(written.dump());

  std::vector<std::string> failures;
  const std::size_t compared = compare_numbers(written, read, "review", failures);
  CHECK(failures == std::vector<std::string>{});
  CHECK(compared > review.lines.size() * 20);

  // And the numbers read back are the computed ones, bit for bit.
  REQUIRE(read.at("lines").size() == review.lines.size());
  for (std::size_t index = 0; index < review.lines.size(); ++index) {
    const nlohmann::json& line = read.at("lines").at(index);
    const LineResult& result = review.lines[index];
    CHECK(bits_of(line.at("required_wte").get<double>()) == bits_of(result.required_wte));
    CHECK(bits_of(line.at("productive_wte").get<double>()) == bits_of(result.productive_wte));
    CHECK(bits_of(line.at("demand_hours_per_week").get<double>()) ==
          bits_of(result.demand_hours_per_week));
    CHECK(bits_of(line.at("absence_total").get<double>()) == bits_of(result.absence.total));
    REQUIRE(line.at("absence").size() == result.absence.components.size());
    for (std::size_t component = 0; component < result.absence.components.size(); ++component) {
      CHECK(bits_of(line.at("absence").at(component).at("fraction").get<double>()) ==
            bits_of(result.absence.components[component].fraction));
    }
  }
  CHECK(bits_of(read.at("organisation").at("required_wte").get<double>()) ==
        bits_of(review.organisation.required_wte));
}
