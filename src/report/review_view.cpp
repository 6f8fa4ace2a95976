// The `review` view: every section of the board review in board-paper order — summary,
// establishment, gaps and RAG, skill mix, uplift, inpatient triangulation, professions,
// warnings.

#include <fmt/format.h>

#include <algorithm>

#include "estab/report.hpp"
#include "report/html_review.hpp"
#include "report/sources_view.hpp"
#include "report/table.hpp"
#include "report/text_format.hpp"
#include "report/view_common.hpp"
#include "report/view_writer.hpp"
#include "report/views.hpp"
#include "report/xlsx_views.hpp"

namespace estab {

namespace report {

namespace {

/// Lines counted by gap rating.
struct RagCounts {
  std::size_t red = 0;
  std::size_t amber = 0;
  std::size_t green = 0;
};

RagCounts count_ratings(const ReviewResult& review) {
  RagCounts counts;
  for (const LineResult& line : review.lines) {
    switch (line.gap_rag) {
      case Rag::Red: ++counts.red; break;
      case Rag::Amber: ++counts.amber; break;
      case Rag::Green:
      case Rag::None: ++counts.green; break;
    }
  }
  return counts;
}

void write_summary(ViewWriter& writer, const ReviewResult& review) {
  const Totals& organisation = review.organisation;
  TextTable table({{"Organisation", Align::Left}, {"WTE", Align::Right}, {"Cost", Align::Right}});
  table.add_row({"Required", format_wte(organisation.required_wte),
                 format_money(organisation.required_cost)});
  table.add_row(
      {"Funded", format_wte(organisation.funded_wte), format_money(organisation.funded_cost)});
  table.add_row(
      {"In post", format_wte(organisation.in_post_wte), format_money(organisation.in_post_cost)});
  table.add_rule();
  table.add_row({"Establishment gap (required - funded)",
                 format_wte(organisation.establishment_gap_wte), ""});
  table.add_row({"Vacancy (funded - in post)", format_wte(organisation.vacancy_wte), ""});
  table.add_row(
      {"  vacant, over the lines short of staff", format_wte(organisation.vacancy_wte_gross), ""});
  table.add_row({"  over establishment, over the other lines",
                 format_wte(organisation.over_establishment_wte), ""});
  table.add_row({"Net gap (required - in post)", format_wte(organisation.net_gap_wte), ""});
  table.add_row({"Additive shortfall", format_wte(organisation.additive_shortfall_wte),
                 format_money(organisation.additive_shortfall_cost)});
  writer.table(table);

  const RagCounts counts = count_ratings(review);
  writer.blank_line();
  writer.line({{fmt::format("Staffing lines: {}; ", review.lines.size())},
               {fmt::format("red {}", counts.red), Style::Red},
               {", "},
               {fmt::format("amber {}", counts.amber), Style::Amber},
               {", "},
               {fmt::format("green {}", counts.green), Style::Green},
               {"."}});
  writer.line({{fmt::format("Registered skill mix: {} in post against a target of {}: ",
                            format_percent(organisation.registered_share_in_post),
                            format_percent(organisation.registered_target))},
               {rag_name(organisation.skill_mix_rag), rag_style(organisation.skill_mix_rag)},
               {"."}});
}

void write_triangulation(ViewWriter& writer, const ReviewResult& review) {
  TextTable table({{"Team", Align::Left},
                   {"Occupied beds", Align::Right},
                   {"CHPPD planned", Align::Right},
                   {"CHPPD benchmark", Align::Right},
                   {"From roster", Align::Right},
                   {"From benchmark", Align::Right},
                   {"Judgement", Align::Right}});
  for (const TeamResult& team : review.teams) {
    if (!team.team->inpatient) {
      continue;
    }
    table.add_row(
        {team.team->name,
         team.occupied_beds ? round_decimal(*team.occupied_beds, 1) : std::string(kNullCell),
         format_hours(team.chppd_planned), format_hours(team.chppd_benchmark),
         format_wte(team.rostered_required_wte), format_wte(team.benchmark_required_wte),
         format_wte(team.judgement_wte)});
  }
  if (table.size() == 0) {
    writer.line("No team has beds.");
    return;
  }
  writer.paragraph(
      "Care hours per patient day (CHPPD), and required WTE from each source: the roster and "
      "observations, the CHPPD benchmark (each with the team's uplift), and professional "
      "judgement.");
  writer.table(table);
}

void write_professions(ViewWriter& writer, const ReviewResult& review) {
  TextTable table({{"Profession", Align::Left},
                   {"Registered", Align::Left},
                   {"Productive", Align::Right},
                   {"Required", Align::Right},
                   {"Funded", Align::Right},
                   {"In post", Align::Right},
                   {"Est. gap", Align::Right},
                   {"Vacancy", Align::Right},
                   {"Net gap", Align::Right},
                   {"Vacancy rate", Align::Right},
                   {"Net gap rate", Align::Right},
                   {"Required cost", Align::Right},
                   {"Funded cost", Align::Right}});
  for (const ProfessionResult& profession : review.professions) {
    const Totals& totals = profession.totals;
    table.add_row({profession.profession->name, profession.profession->registered ? "yes" : "no",
                   format_wte(totals.productive_wte), format_wte(totals.required_wte),
                   format_wte(totals.funded_wte), format_wte(totals.in_post_wte),
                   format_wte(totals.establishment_gap_wte), format_wte(totals.vacancy_wte),
                   format_wte(totals.net_gap_wte), format_percent(totals.vacancy_rate),
                   format_percent(totals.net_gap_rate), format_money(totals.required_cost),
                   format_money(totals.funded_cost)});
  }
  writer.paragraph("Organisation-wide WTE by profession.");
  writer.table(table);
}

void write_warnings(ViewWriter& writer, const ReviewResult& review) {
  const std::vector<std::string> warnings = warning_texts(review);
  if (warnings.empty()) {
    writer.line("None.");
    return;
  }
  for (const std::string& warning : warnings) {
    writer.bullet(warning);
  }
}

void write_attention(ViewWriter& writer, const ReviewResult& review) {
  const std::vector<std::string> attention = attention_items(review);
  if (attention.empty()) writer.line("Nothing: every staffing line and team is green.");
  for (const std::string& item : attention) writer.bullet(item);
}

void write_summary_section(ViewWriter& writer, const ReviewResult& review) {
  write_summary(writer, review);
  write_actuals_summary(writer, review);
}

void write_uplift_section(ViewWriter& writer, const ReviewResult& review) {
  write_uplift_sets(writer, review, HeadingLevel::Subsection);
}

void write_sources_section(ViewWriter& writer, const ReviewResult& review) {
  write_sources_summary(writer, model_of(review));
}

bool always(const ReviewResult&) {
  return true;
}

bool has_extracts(const ReviewResult& review) {
  return !model_of(review).extracts.reconciliation.empty();
}

/// One section of the review: its title, whether it is numbered, how it is written, and
/// whether the review has anything for it (a section with nothing is left out unless asked for).
struct SectionSpec {
  ReviewSection section;
  std::string_view name;
  std::string_view title;
  bool numbered;
  void (*write)(ViewWriter& writer, const ReviewResult& review);
  bool (*present)(const ReviewResult& review);
  std::string_view absent;  ///< what is said when it is asked for but has nothing
};

const SectionSpec kSections[] = {
    {ReviewSection::Attention, "attention", "For the board's attention", false, write_attention,
     always, ""},
    {ReviewSection::Summary, "summary", "Summary", true, write_summary_section, always, ""},
    {ReviewSection::Establishment, "establishment", "Establishment by team and service", true,
     write_establishment_table, always, ""},
    {ReviewSection::Gaps, "gaps", "Gaps and RAG", true, write_gap_table, always, ""},
    {ReviewSection::SkillMix, "skill-mix", "Skill mix", true, write_skill_mix_table, always, ""},
    {ReviewSection::Uplift, "uplift", "Uplift assumptions", true, write_uplift_section, always, ""},
    {ReviewSection::Triangulation, "triangulation", "Inpatient triangulation", true,
     write_triangulation, always, ""},
    {ReviewSection::Professions, "professions", "Professions", true, write_professions, always, ""},
    {ReviewSection::Sources, "sources", "Staff in post and budgets from extracts", true,
     write_sources_section, has_extracts, "The input reads no extract."},
    {ReviewSection::Actuals, "actuals", "Actuals against assumptions", true, write_actuals_table,
     review_has_actuals, "The input gives no actuals."},
    {ReviewSection::Warnings, "warnings", "Warnings", true, write_warnings, always, ""},
};

}  // namespace

void write_review_sections(ViewWriter& writer, const ReviewResult& review,
                           const std::vector<ReviewSection>& sections) {
  int number = 1;
  bool first = true;
  for (const SectionSpec& spec : kSections) {
    const bool asked = std::find(sections.begin(), sections.end(), spec.section) != sections.end();
    if (!sections.empty() && !asked) continue;
    const bool present = spec.present(review);
    if (!present && !asked) continue;
    if (!first) writer.blank_line();
    first = false;
    writer.heading(HeadingLevel::Section, spec.numbered
                                              ? fmt::format("{}. {}", number++, spec.title)
                                              : std::string(spec.title));
    if (present) {
      spec.write(writer, review);
    } else {
      writer.line(std::string(spec.absent));
    }
  }
}

}  // namespace report

const std::vector<std::pair<std::string_view, ReviewSection>>& review_section_names() {
  static const std::vector<std::pair<std::string_view, ReviewSection>> kNames = [] {
    std::vector<std::pair<std::string_view, ReviewSection>> names;
    for (const report::SectionSpec& spec : report::kSections) {
      names.emplace_back(spec.name, spec.section);
    }
    return names;
  }();
  return kNames;
}

void render_review(std::ostream& out, const ReviewResult& review, OutputFormat format,
                   const RenderOptions& options) {
  if (format == OutputFormat::Xlsx) {
    report::write_review_xlsx(out, review);
    return;
  }
  if (format == OutputFormat::Html) {
    report::write_review_html(out, review);
    return;
  }
  if (!report::is_view_layout(format)) {
    report::write_review_data(out, review, format, options);
    return;
  }
  report::ViewWriter writer(out, format, options.colour);
  writer.set_level(options.level);
  writer.heading(report::HeadingLevel::Title, report::heading_line(review, "Establishment review"));
  report::write_review_sections(writer, review, options.sections);
}

}  // namespace estab
