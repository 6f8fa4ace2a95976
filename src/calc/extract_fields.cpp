// The field tables of the extracts' reconciliation and cost centre view.

#include <algorithm>
#include <tuple>

#include "calc/field_builders.hpp"
#include "estab/calc.hpp"
#include "estab/fields.hpp"

namespace estab {

namespace {

using namespace field_builders;  // NOLINT(google-build-using-namespace)

FieldTable<ExtractReconciliation> make_extract_fields() {
  using Extract = ExtractReconciliation;
  const auto count = [](const Extract& extract) {
    return FieldValue::of(static_cast<double>(extract.rows));
  };
  return {
      key<Extract>("kind",
                   [](const Extract& extract) {
                     return FieldValue::of_text(extract_kind_name(extract.kind));
                   }),
      key<Extract>("file",
                   [](const Extract& extract) { return FieldValue::of_text(extract.file); }),
      figure<Extract>("rows", FieldUnit::Count, count),
      figure<Extract>("wte_total", FieldUnit::Wte, member(&Extract::wte_total)),
      figure<Extract>("wte_used", FieldUnit::Wte, member(&Extract::wte_used)),
      figure<Extract>("wte_ended", FieldUnit::Wte, member(&Extract::wte_ended)),
      figure<Extract>("wte_excluded", FieldUnit::Wte, member(&Extract::wte_excluded)),
      figure<Extract>("wte_held", FieldUnit::Wte, member(&Extract::wte_held)),
      figure<Extract>("wte_vacancy_factor", FieldUnit::Wte, member(&Extract::wte_vacancy_factor)),
  };
}

FieldTable<UnmappedRows> make_unmapped_fields() {
  using Unmapped = UnmappedRows;
  return {
      key<Unmapped>("reason",
                    [](const Unmapped& rows) {
                      return FieldValue::of_text(unmapped_reason_name(rows.reason));
                    }),
      key<Unmapped>("cost_centre",
                    [](const Unmapped& rows) { return FieldValue::of_text(rows.cost_centre); }),
      key<Unmapped>("value",
                    [](const Unmapped& rows) {
                      return rows.value ? FieldValue::of_text(*rows.value) : FieldValue::null();
                    }),
      figure<Unmapped>(
          "rows", FieldUnit::Count,
          [](const Unmapped& rows) { return FieldValue::of(static_cast<double>(rows.rows)); }),
      figure<Unmapped>("wte", FieldUnit::Wte, member(&Unmapped::wte)),
  };
}

FieldTable<CostCentreRecord> make_cost_centre_fields() {
  using Record = CostCentreRecord;
  return {
      key<Record>(
          "cost_centre",
          [](const Record& record) { return FieldValue::of_text(record.figures->cost_centre); }),
      label<Record>("team", FieldUnit::Text,
                    [](const Record& record) { return FieldValue::of_text(record.team->id); }),
      key<Record>("profession",
                  [](const Record& record) { return FieldValue::of_text(record.profession->id); }),
      key<Record>("band",
                  [](const Record& record) {
                    return record.figures->band ? FieldValue::of_text(*record.figures->band)
                                                : FieldValue::null();
                  }),
      figure<Record>(
          "funded_wte", FieldUnit::Wte,
          [](const Record& record) { return FieldValue::of(record.figures->funded_wte); }),
      figure<Record>(
          "in_post_wte", FieldUnit::Wte,
          [](const Record& record) { return FieldValue::of(record.figures->in_post_wte); }),
      figure<Record>("held_wte", FieldUnit::Wte,
                     [](const Record& record) { return FieldValue::of(record.figures->held_wte); }),
  };
}

}  // namespace

const FieldTable<ExtractReconciliation>& extract_fields() {
  return built_once<make_extract_fields>();
}

const FieldTable<UnmappedRows>& unmapped_fields() {
  return built_once<make_unmapped_fields>();
}

const FieldTable<CostCentreRecord>& cost_centre_fields() {
  return built_once<make_cost_centre_fields>();
}

std::vector<CostCentreRecord> cost_centre_records(const Model& model) {
  std::vector<CostCentreRecord> records;
  records.reserve(model.extracts.cost_centres.size());
  for (const CostCentreFigures& figures : model.extracts.cost_centres) {
    records.push_back(
        {&figures, &model.teams[figures.team_index], &model.professions[figures.profession_index]});
  }
  return records;
}

}  // namespace estab
