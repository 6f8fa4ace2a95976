// Filling staff in post and budgets from the extracts: lines, roll-up headcounts, warnings.
#include "load/extracts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace estab {

namespace {

/// The cost centres of every team; a cost centre listed by two teams is a problem.
std::unordered_map<std::string, std::size_t> teams_by_cost_centre(const Model& model,
                                                                  DiagnosticList& problems) {
  std::unordered_map<std::string, std::size_t> team_of;
  for (std::size_t team_index = 0; team_index < model.teams.size(); ++team_index) {
    const Team& team = model.teams[team_index];
    for (std::size_t index = 0; index < team.cost_centres.size(); ++index) {
      const Located<std::string>& cost_centre = team.cost_centres[index];
      const auto [found, inserted] = team_of.emplace(cost_centre.value, team_index);
      if (inserted || found->second == team_index) continue;
      const Team& other = model.teams[found->second];
      problems.add({model.file_of(cost_centre.where), cost_centre.where.line,
                    cost_centre.where.column,
                    fmt::format("teams[{}].cost_centres[{}]", team.id, index),
                    fmt::format("cost centre '{}' is also listed by team '{}' (line {}); a cost "
                                "centre belongs to one team",
                                cost_centre.value, other.id, other.where.line),
                    false});
    }
  }
  return team_of;
}

/// The diagnostic path of a line: `teams[ID].staffing[PROFESSION]`.
std::string line_path(const Model& model, const Team& team, const StaffingLine& line) {
  return fmt::format("teams[{}].staffing[{}]", team.id,
                     model.professions[line.profession_index].id);
}

/// The index of the team's line for a profession, adding a line with no demand when none.
std::size_t line_for(Team& team, std::size_t profession_index, const SourceLocation& where,
                     bool& added) {
  for (std::size_t index = 0; index < team.lines.size(); ++index) {
    if (team.lines[index].profession_index == profession_index) return index;
  }
  StaffingLine line;
  line.profession_index = profession_index;
  line.where = where;
  line.extract.added = true;
  team.lines.push_back(std::move(line));
  added = true;
  return team.lines.size() - 1;
}

/// Adds one to `counts[key]` for each distinct key of `keys` (one person's memberships).
void count_once_each(std::vector<std::size_t>& keys, std::vector<std::size_t>& counts) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::size_t key : keys) ++counts[key];
  keys.clear();
}

class ExtractApplier {
 public:
  ExtractApplier(Model& model, ExtractTotals& totals, DiagnosticList& problems,
                 DiagnosticList& warnings)
      : model_(model), totals_(totals), problems_(problems), warnings_(warnings) {}

  void apply(bool cite_rows) {
    add_lines();
    for (std::size_t team_index = 0; team_index < model_.teams.size(); ++team_index) {
      Team& team = model_.teams[team_index];
      for (std::size_t index = 0; index < team.lines.size(); ++index) {
        fill_line(team, team_index, index, cite_rows);
      }
    }
    count_headcounts();
    fill_team_actuals();
    fill_snapshot_means();
  }

 private:
  void add_lines() {
    for (const LineRows& rows : totals_.lines) {
      Team& team = model_.teams[rows.team_index];
      bool added = false;
      line_for(team, rows.profession_index, rows.first_row, added);
      if (added) warn_added(team, team.lines.back(), "rows of an extract name it");
    }
    for (Team& team : model_.teams) {
      for (const Adjustment& adjustment : team.adjustments) {
        bool added = false;
        line_for(team, adjustment.profession_index, adjustment.where, added);
        if (added) warn_added(team, team.lines.back(), "an adjustment names it");
      }
    }
  }

  void warn_added(const Team& team, const StaffingLine& line, std::string_view why) {
    warnings_.add({model_.file_of(line.where), line.where.line, line.where.column,
                   line_path(model_, team, line),
                   fmt::format("the team has no staffing line for '{}', but {}: it is added with "
                               "no demand (required 0 WTE)",
                               model_.professions[line.profession_index].id, why),
                   true});
  }

  void fill_line(Team& team, std::size_t team_index, std::size_t line_index, bool cite_rows) {
    StaffingLine& line = team.lines[line_index];
    const auto found = totals_.line_of.find(line_key(team_index, line.profession_index));
    const LineRows* rows = found == totals_.line_of.end() ? nullptr : &totals_.lines[found->second];
    LineExtract& extract = line.extract;
    for (const Adjustment& adjustment : team.adjustments) {
      if (adjustment.profession_index == line.profession_index) {
        extract.in_post_adjustments += adjustment.in_post_wte.value;
      }
    }
    const bool adjusted = std::any_of(team.adjustments.begin(), team.adjustments.end(),
                                      [&](const Adjustment& adjustment) {
                                        return adjustment.profession_index == line.profession_index;
                                      });
    if (rows != nullptr) {
      extract.held_wte = rows->held_wte;
      extract.in_post_rows_wte = rows->in_post_wte;
      extract.funded_rows_wte = rows->funded_wte;
    }
    if (totals_.any_in_post || adjusted) {
      const double sourced = extract.in_post_rows_wte + extract.in_post_adjustments;
      if (line.in_post_wte.where.known()) {
        warn_stated(team, line, "in_post_wte", line.in_post_wte.value, sourced);
      } else {
        line.in_post_wte = {sourced, {}};  // unlocated: filled in, not stated
        extract.in_post_from_extract = true;
      }
    }
    if (totals_.any_in_post) {
      extract.in_post_roles = rows != nullptr ? rows->in_post_roles : 0;
    }
    if (totals_.any_funded) {
      if (line.funded_wte.where.known()) {
        warn_stated(team, line, "funded_wte", line.funded_wte.value, extract.funded_rows_wte);
      } else {
        if (extract.funded_rows_wte < -1e-9) {
          const SourceLocation& where = rows->first_funded_row;
          problems_.add({model_.file_of(where), where.line, where.column,
                         line_path(model_, team, line),
                         fmt::format("the funded rows of this line total {:.2f} WTE; a funded "
                                     "establishment cannot be negative",
                                     extract.funded_rows_wte),
                         false});
        }
        line.funded_wte = {std::max(extract.funded_rows_wte, 0.0), {}};
        extract.funded_from_extract = true;
      }
    }
    if (totals_.any_funded_cost) extract.funded_budget = rows != nullptr ? rows->funded_cost : 0.0;
    if (rows != nullptr) {
      // A stated sickness wins over the rows, which are then neither checked nor used.
      if (rows->actuals.has_sickness &&
          line.actuals.absence.fixed.find(Component::Sickness) == nullptr) {
        extract.sickness_days = sickness_of(rows->actuals, line_path(model_, team, line));
      }
      fill_quantities(rows->actuals, false, line.actuals);
    }
    if (cite_rows && rows != nullptr) {
      if (!rows->in_post_citations.empty()) {
        model_.extracts.citations.push_back(
            {team_index, line_index, ExtractKind::InPost, rows->in_post_citations});
      }
      if (!rows->funded_citations.empty()) {
        model_.extracts.citations.push_back(
            {team_index, line_index, ExtractKind::Funded, rows->funded_citations});
      }
    }
  }

  /// Fills each quantity of `actuals` that the YAML does not state from `rows`; `team_level`
  /// fills in 0 where an extract of the kind exists but gave the team no rows.
  void fill_quantities(const ActualRows& rows, bool team_level, Actuals& actuals) const {
    const auto fill = [&](std::optional<Located<double>>& figure, bool kind_read, bool has_rows,
                          bool column_read, double value) {
      if (figure || !kind_read || !column_read || !(has_rows || team_level)) return;
      figure = Located<double>{has_rows ? value : 0.0, {}};
      actuals.from_extract = actuals.from_extract || has_rows;
    };
    const bool temporary = totals_.any_temporary;
    fill(actuals.temporary_hours, temporary, rows.has_temporary, true, rows.temporary_hours);
    fill(actuals.agency_hours, temporary, rows.has_temporary, totals_.any_agency,
         rows.agency_hours);
    fill(actuals.bank_cost, temporary, rows.has_temporary, totals_.any_temporary_cost,
         rows.bank_cost);
    fill(actuals.agency_cost, temporary, rows.has_temporary,
         totals_.any_temporary_cost && totals_.any_agency, rows.agency_cost);
    const bool leavers = totals_.any_leavers;
    fill(actuals.leavers, leavers, rows.has_leavers, true, rows.leavers);
    fill(actuals.leavers_wte, leavers, rows.has_leavers, true, rows.leavers_wte);
    fill(actuals.retirements_wte, leavers, rows.has_leavers, totals_.any_retirement,
         rows.retirements_wte);
  }

  /// The sickness days of a line's or a team's rows. A sickness of 100% or more is a problem,
  /// and rows without days available give no rate (a warning), both at the first row.
  std::optional<SicknessDays> sickness_of(const ActualRows& rows, const std::string& path) {
    const SourceLocation& where = rows.first_sickness_row;
    if (!(rows.days_available > 0.0)) {
      warnings_.add({model_.file_of(where), where.line, where.column, path,
                     "the sickness rows give no FTE days available, so there is no actual "
                     "sickness rate; the assumption stands unchecked",
                     true});
      return std::nullopt;
    }
    if (rows.days_lost >= rows.days_available) {
      problems_.add({model_.file_of(where), where.line, where.column, path,
                     fmt::format("the sickness rows give {:.1f} FTE days lost of {:.1f} "
                                 "available: an actual sickness of 100% or more leaves no time "
                                 "to work",
                                 rows.days_lost, rows.days_available),
                     false});
      return std::nullopt;
    }
    return SicknessDays{rows.days_lost, rows.days_available};
  }

  void fill_team_actuals() {
    for (std::size_t team_index = 0; team_index < model_.teams.size(); ++team_index) {
      Team& team = model_.teams[team_index];
      const ActualRows& rows = totals_.team_actuals[team_index];
      if (rows.has_sickness && team.actuals.absence.fixed.find(Component::Sickness) == nullptr) {
        team.sickness_days = sickness_of(rows, fmt::format("teams[{}]", team.id));
      }
      fill_quantities(rows, true, team.actuals);
    }
  }

  /// Distinct persons per team, service and the organisation in one snapshot's rows.
  struct SnapshotCounts {
    std::vector<std::size_t> teams;
    std::vector<std::size_t> services;
    std::size_t organisation = 0;
  };

  SnapshotCounts count_snapshot(std::vector<PersonRow>& persons) const {
    std::sort(persons.begin(), persons.end(), [](const PersonRow& left, const PersonRow& right) {
      return left.person_hash < right.person_hash;
    });
    const std::size_t no_service = model_.services.size();
    SnapshotCounts counts{std::vector<std::size_t>(model_.teams.size(), 0),
                          std::vector<std::size_t>(model_.services.size() + 1, 0), 0};
    std::vector<std::size_t> teams, services;
    for (std::size_t index = 0; index < persons.size();) {
      const std::uint64_t person = persons[index].person_hash;
      for (; index < persons.size() && persons[index].person_hash == person; ++index) {
        const std::size_t team_index = persons[index].team_index;
        teams.push_back(team_index);
        services.push_back(model_.teams[team_index].service_index.value_or(no_service));
      }
      ++counts.organisation;
      count_once_each(teams, counts.teams);
      count_once_each(services, counts.services);
    }
    return counts;
  }

  /// The means over the start and end snapshots that leaver rates divide by.
  void fill_snapshot_means() {
    // Only a start and an end snapshot that both name persons give the means; otherwise the
    // leaver rates divide by the team's stated mean headcount and its in-post WTE.
    if (!totals_.any_start || !totals_.any_end || !totals_.start_snapshot_persons ||
        !totals_.end_snapshot_persons) {
      return;
    }
    SnapshotMeans& means = model_.extracts.snapshot_means;
    means.present = true;
    const std::size_t service_count = model_.services.size() + 1;
    means.team_wte.assign(model_.teams.size(), 0.0);
    means.service_wte.assign(service_count, 0.0);
    for (std::size_t team_index = 0; team_index < model_.teams.size(); ++team_index) {
      const double wte =
          (totals_.start_team_wte[team_index] + totals_.end_team_wte[team_index]) / 2.0;
      means.team_wte[team_index] = wte;
      means.service_wte[model_.teams[team_index].service_index.value_or(service_count - 1)] += wte;
      means.organisation_wte += wte;
    }
    means.team_headcount.assign(model_.teams.size(), std::nullopt);
    means.service_headcount.assign(service_count, std::nullopt);
    const SnapshotCounts start = count_snapshot(totals_.start_persons);
    const SnapshotCounts end = count_snapshot(totals_.end_persons);
    for (std::size_t index = 0; index < model_.teams.size(); ++index) {
      means.team_headcount[index] =
          static_cast<double>(start.teams[index] + end.teams[index]) / 2.0;
    }
    for (std::size_t index = 0; index < service_count; ++index) {
      means.service_headcount[index] =
          static_cast<double>(start.services[index] + end.services[index]) / 2.0;
    }
    means.organisation_headcount = static_cast<double>(start.organisation + end.organisation) / 2.0;
  }

  void warn_stated(const Team& team, const StaffingLine& line, std::string_view key, double stated,
                   double sourced) {
    const SourceLocation& where =
        key == "in_post_wte" ? line.in_post_wte.where : line.funded_wte.where;
    warnings_.add({model_.file_of(where), where.line, where.column,
                   line_path(model_, team, line) + "." + std::string(key),
                   fmt::format("the stated {:.2f} WTE is used; the extracts give {:.2f} WTE",
                               stated, sourced),
                   true});
  }

  /// Distinct persons in post per line, team, service, profession and the organisation: one
  /// sort by person, then each person counts once at every level they are in.
  void count_headcounts() {
    if (!totals_.any_person_column) return;
    std::vector<PersonRow>& persons = totals_.persons;
    std::sort(persons.begin(), persons.end(), [](const PersonRow& left, const PersonRow& right) {
      return left.person_hash < right.person_hash;
    });
    const std::size_t no_service = model_.services.size();
    std::vector<std::size_t> line_counts(totals_.lines.size(), 0);
    std::vector<std::size_t> team_counts(model_.teams.size(), 0);
    std::vector<std::size_t> service_counts(model_.services.size() + 1, 0);
    std::vector<std::size_t> profession_counts(model_.professions.size(), 0);
    std::size_t organisation = 0;
    std::vector<std::size_t> lines, teams, services, professions;
    for (std::size_t index = 0; index < persons.size();) {
      const std::uint64_t person = persons[index].person_hash;
      for (; index < persons.size() && persons[index].person_hash == person; ++index) {
        const PersonRow& row = persons[index];
        lines.push_back(totals_.line_of.at(line_key(row.team_index, row.profession_index)));
        teams.push_back(row.team_index);
        services.push_back(model_.teams[row.team_index].service_index.value_or(no_service));
        professions.push_back(row.profession_index);
      }
      ++organisation;
      count_once_each(lines, line_counts);
      count_once_each(teams, team_counts);
      count_once_each(services, service_counts);
      count_once_each(professions, profession_counts);
    }
    ExtractHeadcounts& counts = model_.extracts.headcounts;
    counts.teams.assign(team_counts.begin(), team_counts.end());
    counts.services.assign(service_counts.begin(), service_counts.end());
    counts.professions.assign(profession_counts.begin(), profession_counts.end());
    counts.organisation = organisation;
    for (std::size_t team_index = 0; team_index < model_.teams.size(); ++team_index) {
      for (StaffingLine& line : model_.teams[team_index].lines) {
        const auto found = totals_.line_of.find(line_key(team_index, line.profession_index));
        line.extract.in_post_headcount =
            found == totals_.line_of.end() ? 0 : line_counts[found->second];
      }
    }
  }

  Model& model_;
  ExtractTotals& totals_;
  DiagnosticList& problems_;
  DiagnosticList& warnings_;
};

}  // namespace

void read_extracts(const std::vector<SourceSpec>& sources, Model& model, bool cite_rows,
                   DiagnosticList& problems, DiagnosticList& warnings) {
  if (sources.empty()) return;
  const std::unordered_map<std::string, std::size_t> team_of =
      teams_by_cost_centre(model, problems);
  ExtractTotals totals;
  totals.team_actuals.resize(model.teams.size());
  totals.start_team_wte.assign(model.teams.size(), 0.0);
  totals.end_team_wte.assign(model.teams.size(), 0.0);
  for (const SourceSpec& source : sources) {
    if (std::find(model.files.begin(), model.files.end(), source.path) == model.files.end()) {
      model.files.push_back(source.path);
    }
    const bool start = source.snapshot == Snapshot::Start;
    if (source.kind == ExtractKind::InPost && !start) totals.any_in_post = true;
    if (source.kind == ExtractKind::InPost && !start && source.column(ColumnRole::Person)) {
      totals.any_person_column = true;
    }
    if (source.kind == ExtractKind::InPost && source.snapshot != Snapshot::Only) {
      // Every snapshot of a side must name persons for its headcount to be known.
      const bool persons = source.column(ColumnRole::Person) != nullptr;
      bool& any = start ? totals.any_start : totals.any_end;
      bool& named = start ? totals.start_snapshot_persons : totals.end_snapshot_persons;
      named = (any ? named : true) && persons;
      any = true;
    }
    if (source.kind == ExtractKind::Sickness) totals.any_sickness = true;
    if (source.kind == ExtractKind::Temporary) {
      totals.any_temporary = true;
      if (source.column(ColumnRole::Cost)) totals.any_temporary_cost = true;
      if (source.column(ColumnRole::Agency)) totals.any_agency = true;
    }
    if (source.kind == ExtractKind::Leavers) {
      totals.any_leavers = true;
      if (!source.retirement.empty()) totals.any_retirement = true;
    }
    if (source.kind == ExtractKind::Funded) totals.any_funded = true;
    if (source.kind == ExtractKind::Funded && source.column(ColumnRole::Cost)) {
      totals.any_funded_cost = true;
    }
  }
  for (std::size_t index = 0; index < sources.size(); ++index) {
    const SourceSpec& source = sources[index];
    try {
      model.extracts.reconciliation.push_back(
          read_extract(source, static_cast<std::uint32_t>(index), model, team_of, cite_rows, totals,
                       model.extracts.cost_centres, problems, warnings));
    } catch (const FileError& error) {
      const SourceLocation& where = source.file.where;
      throw FileError(source.path,
                      fmt::format("{}:{}:{}: sources[{}].file: {}", model.file_of(where),
                                  where.line, where.column, index, error.what()));
    }
  }
  for (std::size_t index = 0; index < sources.size(); ++index) {
    const SourceSpec& source = sources[index];
    if (source.snapshot == Snapshot::Only || index >= model.extracts.reconciliation.size() ||
        model.extracts.reconciliation[index].rows_used > 0) {
      continue;
    }
    const SourceLocation& where = source.file.where;
    warnings.add({model.file_of(where), where.line, where.column,
                  fmt::format("sources[{}].file", index),
                  fmt::format("the {} snapshot has no rows in use, so the means that leaver rates "
                              "divide by count nobody in post at the {}",
                              source.snapshot == Snapshot::Start ? "start" : "end",
                              source.snapshot == Snapshot::Start ? "start" : "end"),
                  true});
  }
  model.extracts.has_in_post = totals.any_in_post;
  model.extracts.has_funded_cost = totals.any_funded_cost;
  if (!problems.empty()) return;
  ExtractApplier(model, totals, problems, warnings).apply(cite_rows);
}

}  // namespace estab
