// `estab sources`: where every row of each extract went, and the cost centre view of funded
// against in post against held; and the short version the review shows.

#include <fmt/format.h>

#include "estab/fields.hpp"
#include "estab/report.hpp"
#include "report/csv_writer.hpp"
#include "report/field_output.hpp"
#include "report/json_support.hpp"
#include "report/sources_view.hpp"
#include "report/text_format.hpp"
#include "report/view_writer.hpp"

namespace estab {

namespace {

using report::Align;
using report::TextTable;

/// "1 row", "12 rows".
std::string rows_text(std::size_t rows) {
  return fmt::format("{} row{}", rows, rows == 1 ? "" : "s");
}

/// The unmapped rows' WTE of an extract, summed.
double unmapped_wte(const ExtractReconciliation& extract) {
  double wte = 0.0;
  for (const UnmappedRows& rows : extract.unmapped) wte += rows.wte.value_or(0.0);
  return wte;
}

/// The reconciliation of one extract as a table: each part, its rows and WTE.
TextTable reconciliation_table(const ExtractReconciliation& extract) {
  TextTable table({{"rows went to", Align::Left}, {"rows", Align::Right}, {"WTE", Align::Right}});
  const auto part = [&](std::string label, std::size_t rows, const std::optional<double>& wte) {
    table.add_row({std::move(label), std::to_string(rows), report::format_wte(wte)});
  };
  part("in use", extract.rows_used, extract.wte_used);
  part("ended before the snapshot date", extract.rows_ended, extract.wte_ended);
  part("excluded (include / exclude)", extract.rows_excluded, extract.wte_excluded);
  if (extract.kind == ExtractKind::InPost) {
    part("held (career break, seconded out)", extract.rows_held, extract.wte_held);
  } else if (extract.kind == ExtractKind::Funded) {
    part("vacancy factor", extract.rows_vacancy_factor, extract.wte_vacancy_factor);
  }
  std::size_t unmapped_rows = 0;
  for (const UnmappedRows& rows : extract.unmapped) unmapped_rows += rows.rows;
  part(fmt::format("unmapped ({} entr{})", extract.unmapped.size(),
                   extract.unmapped.size() == 1 ? "y" : "ies"),
       unmapped_rows,
       extract.wte_total ? std::optional<double>(unmapped_wte(extract)) : std::nullopt);
  table.add_rule();
  table.add_row({"total", std::to_string(extract.rows), report::format_wte(extract.wte_total)},
                true);
  return table;
}

/// The unmapped entries of one extract as a table.
TextTable unmapped_table(const ExtractReconciliation& extract) {
  TextTable table({{"reason", Align::Left},
                   {"cost centre", Align::Left},
                   {"cells", Align::Left},
                   {"rows", Align::Right},
                   {"WTE", Align::Right}});
  for (const UnmappedRows& rows : extract.unmapped) {
    table.add_row({rows.reason == UnmappedReason::CostCentre ? "no team lists it" : "no map rule",
                   rows.cost_centre, rows.value.value_or(""), std::to_string(rows.rows),
                   report::format_wte(rows.wte)});
  }
  return table;
}

TextTable cost_centre_table(const std::vector<CostCentreRecord>& records) {
  TextTable table({{"cost centre", Align::Left},
                   {"team", Align::Left},
                   {"profession", Align::Left},
                   {"band", Align::Left},
                   {"funded", Align::Right},
                   {"in post", Align::Right},
                   {"held", Align::Right}});
  for (const CostCentreRecord& record : records) {
    const CostCentreFigures& figures = *record.figures;
    table.add_row({figures.cost_centre, record.team->id, record.profession->id,
                   figures.band.value_or(""), report::format_wte(figures.funded_wte),
                   report::format_wte(figures.in_post_wte), report::format_wte(figures.held_wte)});
  }
  return table;
}

void write_sources_view(std::ostream& out, const Model& model, OutputFormat format,
                        const RenderOptions& options) {
  report::ViewWriter writer(out, format, options.colour);
  writer.heading(report::HeadingLevel::Title,
                 fmt::format("Sources: {}", model.files.empty() ? "" : model.files.front()));
  if (model.extracts.reconciliation.empty()) {
    writer.paragraph("The input names no extracts (no sources).");
    return;
  }
  for (const ExtractReconciliation& extract : model.extracts.reconciliation) {
    writer.heading(report::HeadingLevel::Section,
                   fmt::format("{} ({}, {})", extract.file, extract_kind_name(extract.kind),
                               rows_text(extract.rows)));
    writer.table(reconciliation_table(extract));
    writer.blank_line();
    if (!extract.unmapped.empty()) {
      writer.line("Rows that found no staffing line:");
      writer.blank_line();
      writer.table(unmapped_table(extract));
      writer.blank_line();
    }
  }
  writer.heading(report::HeadingLevel::Section,
                 "Cost centres: funded against in post against held (WTE)");
  writer.table(cost_centre_table(cost_centre_records(model)));
}

}  // namespace

namespace report {

void write_sources_summary(ViewWriter& writer, const Model& model) {
  for (const ExtractReconciliation& extract : model.extracts.reconciliation) {
    std::string parts = fmt::format("{} in use", format_wte(extract.wte_used));
    const auto part = [&parts](const std::optional<double>& wte, std::string_view what) {
      if (wte && *wte != 0.0) parts += fmt::format(", {} {}", format_wte(wte), what);
    };
    part(extract.wte_ended, "ended");
    part(extract.wte_excluded, "excluded");
    part(extract.wte_held, "held");
    part(extract.wte_vacancy_factor, "vacancy factor");
    if (!extract.unmapped.empty()) {
      parts += fmt::format(", {} unmapped ({} entr{}; see estab sources)",
                           format_wte(unmapped_wte(extract)), extract.unmapped.size(),
                           extract.unmapped.size() == 1 ? "y" : "ies");
    }
    writer.bullet(fmt::format("{} ({}): {}, {} WTE: {}", extract.file,
                              extract_kind_name(extract.kind), rows_text(extract.rows),
                              format_wte(extract.wte_total), parts));
  }
}

}  // namespace report

nlohmann::ordered_json sources_to_json(const Model& model) {
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  document["schema"] = "estab-sources/1";
  document["sources"] = report::sources_json(model);
  nlohmann::ordered_json cost_centres = nlohmann::ordered_json::array();
  for (const CostCentreRecord& record : cost_centre_records(model)) {
    cost_centres.push_back(report::fields_json(record, cost_centre_fields()));
  }
  document["cost_centres"] = std::move(cost_centres);
  return document;
}

void render_sources(std::ostream& out, const Model& model, OutputFormat format,
                    const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Json:
      report::write_json(out, sources_to_json(model), options.compact_json);
      return;
    case OutputFormat::Csv: {
      report::write_csv_header(out, report::field_headers(cost_centre_fields()));
      for (const CostCentreRecord& record : cost_centre_records(model)) {
        report::CsvRecord csv;
        report::append_fields(csv, record, cost_centre_fields());
        csv.write_to(out);
      }
      return;
    }
    case OutputFormat::Table:
    case OutputFormat::Markdown: write_sources_view(out, model, format, options); return;
    case OutputFormat::Html:
      throw RequestError(Request::Format, "html", "is available for review only");
    case OutputFormat::Xlsx:
      throw RequestError(Request::Format, "xlsx",
                         "is available for review, compare and sensitivity");
  }
}

}  // namespace estab
