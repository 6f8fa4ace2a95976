// Reading one extract: each row is ended, excluded, unmapped, vacancy factor, held or used,
// in that order, and every row is accounted for.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "estab/suggest.hpp"
#include "load/extract_cells.hpp"
#include "load/extracts.hpp"
#include "load/parse_text.hpp"

namespace estab {

namespace {

/// Beyond this many bad cells in one extract, the rest are counted, not listed.
constexpr std::size_t kMostCellProblems = 50;

/// A condition with its columns found in the header.
struct FoundCondition {
  bool stated = false;
  std::vector<std::pair<std::size_t, const std::vector<std::string>*>> cells;

  bool matches(const CsvRecord& record) const {
    for (const auto& [index, patterns] : cells) {
      const std::string& cell = record.cells[index];
      const bool any = std::any_of(patterns->begin(), patterns->end(),
                                   [&](const std::string& p) { return matches_pattern(p, cell); });
      if (!any) return false;
    }
    return true;
  }
};

/// A map rule with its columns found.
struct FoundRule {
  const MapRule* rule = nullptr;
  FoundCondition where;
};

/// An unmapped entry being gathered: its position in the reconciliation's list.
using UnmappedIndex = std::unordered_map<std::string, std::size_t>;

std::uint64_t hash_text(std::string_view text) {
  // FNV-1a, 64-bit: distinct persons and records are told apart by this hash.
  std::uint64_t hash = 1469598103934665603ULL;
  for (const char character : text) {
    hash ^= static_cast<unsigned char>(character);
    hash *= 1099511628211ULL;
  }
  return hash;
}

class ExtractRowReader {
 public:
  ExtractRowReader(const SourceSpec& source, std::uint32_t source_index, const Model& model,
                   const std::unordered_map<std::string, std::size_t>& team_of, bool cite_rows,
                   ExtractTotals& totals, std::vector<CostCentreFigures>& cost_centres,
                   DiagnosticList& problems, DiagnosticList& warnings)
      : source_(source),
        source_index_(source_index),
        model_(model),
        team_of_(team_of),
        cite_rows_(cite_rows),
        totals_(totals),
        cost_centres_(cost_centres),
        problems_(problems),
        warnings_(warnings) {
    result_.kind = source.kind;
    result_.file = source.file.value;
    if (const NamedColumn* wte = source.column(ColumnRole::Wte)) {
      result_.wte_column = wte->header.value;
      result_.wte_total = result_.wte_used = result_.wte_ended = result_.wte_excluded =
          result_.wte_held = result_.wte_vacancy_factor = 0.0;
    }
    const auto file = std::find(model.files.begin(), model.files.end(), source.path);
    result_.file_index = static_cast<std::uint32_t>(file - model.files.begin());
    values_count_ = source.kind != ExtractKind::InPost || source.snapshot != Snapshot::Start;
  }

  ExtractReconciliation read() {
    CsvStream stream(source_.path, source_.delimiter);
    const CsvOutcome outcome = stream.read([&](const CsvRecord& record) {
      if (!header_read_) {
        read_header(record, stream);
      } else if (columns_found_) {
        read_row(record);
      }
    });
    const bool well_formed = outcome.finished();
    report_outcome(outcome);
    if (!header_read_ && well_formed) {
      problem_at(source_.file.where, "file",
                 fmt::format("'{}' is empty: it has no header row", source_.file.value));
    }
    if (well_formed && columns_found_) report_duplicate_records();
    if (problems_beyond_limit_ > 0) {
      problems_.add({source_.path, 0, 0, "",
                     fmt::format("… and {} more problems in this extract", problems_beyond_limit_),
                     false});
    }
    warn_unmapped();
    return std::move(result_);
  }

 private:
  void report_outcome(const CsvOutcome& outcome) {
    switch (outcome.end) {
      case CsvEnd::BareCarriageReturns:
        cell_problem(outcome.line, 1, "",
                     "the lines end with a bare carriage return (an old Mac format): save the "
                     "file as CSV with Windows (CRLF) or Unix (LF) line ends");
        break;
      case CsvEnd::Malformed:
        cell_problem(outcome.line, 1, "",
                     "malformed quoting: a quoted cell must end with a quote followed by the "
                     "delimiter or the line's end (write a quote inside a cell as \"\")");
        break;
      case CsvEnd::LineTooLong:
        cell_problem(outcome.line, 1, "",
                     fmt::format("the record is longer than {} MiB: a quote left open, or not "
                                 "a CSV file",
                                 kLongestCsvLine >> 20));
        break;
      case CsvEnd::Finished: break;
    }
  }

  void problem_at(const SourceLocation& where, std::string_view key, std::string message) {
    problems_.add({model_.file_of(where), where.line, where.column,
                   fmt::format("sources[{}].{}", source_index_, key), std::move(message), false});
  }

  void cell_problem(std::uint32_t line, std::uint32_t column, std::string_view header,
                    std::string message) {
    if (!problems_.keeps_every_one() && ++cell_problems_ > kMostCellProblems) {
      ++problems_beyond_limit_;
      return;
    }
    problems_.add({source_.path, line, column, std::string(header), std::move(message), false});
  }

  /// The index of `name` in the header, or a located problem listing the columns there are.
  std::optional<std::size_t> find_column(const std::string& name, const SourceLocation& where,
                                         std::string_view key) {
    const auto found = header_index_.find(name);
    if (found != header_index_.end()) return found->second;
    std::vector<std::string_view> names(header_names_.begin(), header_names_.end());
    std::string listed;
    for (std::size_t index = 0; index < names.size() && index < 40; ++index) {
      listed += (index == 0 ? "" : ", ") + std::string(names[index]);
    }
    if (names.size() > 40) listed += fmt::format(", … ({} in all)", names.size());
    problem_at(where, key,
               fmt::format("'{}' has no column '{}'{}; its columns are: {}", source_.file.value,
                           name, did_you_mean(name, names), listed));
    columns_found_ = false;
    return std::nullopt;
  }

  FoundCondition find_condition(const RowCondition& condition, const std::string& key) {
    FoundCondition found;
    found.stated = condition.stated;
    for (const CellCondition& cell : condition.cells) {
      if (auto index =
              find_column(cell.column.value, cell.column.where, key + "." + cell.column.value)) {
        found.cells.emplace_back(*index, &cell.patterns);
        keep(*index);
      }
    }
    return found;
  }

  void keep(std::size_t index) {
    if (kept_.size() <= index) kept_.resize(index + 1, false);
    kept_[index] = true;
  }

  void read_header(const CsvRecord& record, CsvStream& stream) {
    header_read_ = true;
    header_count_ = record.cell_count;
    for (std::size_t index = 0; index < record.cell_count; ++index) {
      header_names_.push_back(record.cells[index]);
      header_index_.emplace(record.cells[index], index);  // of repeated names the first counts
    }
    for (const NamedColumn& named : source_.columns) {
      if (auto index = find_column(named.header.value, named.header.where,
                                   std::string("columns.") + column_role_key(named.role))) {
        role_index_[static_cast<std::size_t>(named.role)] = *index;
        keep(*index);
      }
    }
    include_ = find_condition(source_.include, "include");
    exclude_ = find_condition(source_.exclude, "exclude");
    held_ = find_condition(source_.held, "held");
    vacancy_factor_ = find_condition(source_.vacancy_factor, "vacancy_factor");
    for (std::size_t index = 0; index < source_.map.size(); ++index) {
      const MapRule& rule = source_.map[index];
      FoundRule found{&rule, find_condition(rule.where, fmt::format("map[{}].where", index))};
      for (const auto& [column, patterns] : found.where.cells) {
        if (std::find(where_columns_.begin(), where_columns_.end(), column) ==
            where_columns_.end()) {
          where_columns_.push_back(column);
        }
      }
      rules_.push_back(std::move(found));
    }
    kept_.resize(header_count_, false);
    stream.keep_only(kept_);
  }

  const std::string* cell_of(const CsvRecord& record, ColumnRole role) const {
    const auto& index = role_index_[static_cast<std::size_t>(role)];
    return index ? &record.cells[*index] : nullptr;
  }

  std::optional<double> number_cell(const CsvRecord& record, ColumnRole role, bool negative_ok) {
    const std::size_t index = *role_index_[static_cast<std::size_t>(role)];
    const std::string& cell = record.cells[index];
    const std::string& header = header_names_[index];
    const std::optional<double> value = parse_extract_number(cell);
    if (!value) {
      cell_problem(record.line, cell_column(record.text, source_.delimiter, index), header,
                   fmt::format("expected a number, got \"{}\"{}", cell, number_hint(cell)));
      return std::nullopt;
    }
    if (*value < 0.0 && !negative_ok) {
      cell_problem(record.line, cell_column(record.text, source_.delimiter, index), header,
                   fmt::format("expected a number of 0 or more, got \"{}\"", cell));
      return std::nullopt;
    }
    if (std::abs(*value) > 1e12) {
      cell_problem(record.line, cell_column(record.text, source_.delimiter, index), header,
                   fmt::format("\"{}\" is too large", cell));
      return std::nullopt;
    }
    return value;
  }

  /// The cells of the `where` columns, trimmed and " / "-joined.
  std::string where_value(const CsvRecord& record) const {
    std::string value;
    for (std::size_t position = 0; position < where_columns_.size(); ++position) {
      if (position > 0) value += " / ";
      value += record.cells[where_columns_[position]];
    }
    return value;
  }

  /// False, with a problem at the first bad cell, when a cell that reaches the output (a cost
  /// centre, a band, a map rule's) is not clean text.
  bool cells_clean(const CsvRecord& record) {
    const auto clean = [&](std::size_t index) {
      if (is_clean_text(record.cells[index])) return true;
      cell_problem(record.line, cell_column(record.text, source_.delimiter, index),
                   header_names_[index],
                   "the cell is not UTF-8 text, or holds a control character (such as a line "
                   "break): save the extract as UTF-8 CSV, with each cell on one line");
      return false;
    };
    for (const ColumnRole role : {ColumnRole::CostCentre, ColumnRole::Band}) {
      if (const auto& index = role_index_[static_cast<std::size_t>(role)];
          index && !clean(*index)) {
        return false;
      }
    }
    return std::all_of(where_columns_.begin(), where_columns_.end(), clean);
  }

  void unmapped(const CsvRecord& record, UnmappedReason reason, const std::string& cost_centre,
                double wte) {
    std::string value = where_value(record);
    const std::string key = reason == UnmappedReason::CostCentre
                                ? "c\x1f" + cost_centre
                                : "p\x1f" + cost_centre + '\x1f' + value;
    auto [found, inserted] = unmapped_index_.emplace(key, result_.unmapped.size());
    if (inserted) {
      UnmappedRows rows;
      rows.reason = reason;
      rows.cost_centre = cost_centre;
      if (!source_.map.empty()) rows.value = std::move(value);
      if (result_.wte_total) rows.wte = 0.0;
      result_.unmapped.push_back(std::move(rows));
      unmapped_first_line_.push_back(record.line);
    }
    UnmappedRows& rows = result_.unmapped[found->second];
    ++rows.rows;
    if (rows.wte) *rows.wte += wte;
  }

  /// The numbers of a row of an actuals extract, or nullopt (with a problem) when one is bad.
  std::optional<ActualRows> actual_cells(const CsvRecord& record) {
    ActualRows cells;
    switch (source_.kind) {
      case ExtractKind::InPost:
      case ExtractKind::Funded: return cells;
      case ExtractKind::Sickness: {
        const auto lost = number_cell(record, ColumnRole::DaysLost, false);
        const auto available = number_cell(record, ColumnRole::DaysAvailable, false);
        if (!lost || !available) return std::nullopt;
        if (*lost > *available) {
          const std::size_t index = *role_index_[static_cast<std::size_t>(ColumnRole::DaysLost)];
          cell_problem(
              record.line, cell_column(record.text, source_.delimiter, index), header_names_[index],
              fmt::format("{} FTE days lost is more than the {} FTE days available",
                          record.cells[index], *cell_of(record, ColumnRole::DaysAvailable)));
          return std::nullopt;
        }
        cells.has_sickness = true;
        cells.first_sickness_row = {result_.file_index, record.line, 1};
        cells.days_lost = *lost;
        cells.days_available = *available;
        return cells;
      }
      case ExtractKind::Temporary: {
        const auto hours = number_cell(record, ColumnRole::Hours, false);
        std::optional<double> cost = 0.0;
        if (role_index_[static_cast<std::size_t>(ColumnRole::Cost)]) {
          cost = number_cell(record, ColumnRole::Cost, true);
        }
        if (!hours || !cost) return std::nullopt;
        cells.has_temporary = true;
        cells.temporary_hours = *hours;
        const std::string* agency = cell_of(record, ColumnRole::Agency);
        if (agency != nullptr && is_agency_cell(*agency)) {
          cells.agency_hours = *hours;
          cells.agency_cost = *cost;
        } else {
          cells.bank_cost = *cost;
        }
        return cells;
      }
      case ExtractKind::Leavers: {
        const auto wte = number_cell(record, ColumnRole::Wte, false);
        if (!wte) return std::nullopt;
        cells.has_leavers = true;
        cells.leavers = 1.0;
        cells.leavers_wte = *wte;
        const std::string* reason = cell_of(record, ColumnRole::Reason);
        if (reason != nullptr && std::any_of(source_.retirement.begin(), source_.retirement.end(),
                                             [&](const std::string& pattern) {
                                               return matches_pattern(pattern, trim_cell(*reason));
                                             })) {
          cells.retirements_wte = *wte;
        }
        return cells;
      }
    }
    return cells;
  }

  void read_row(const CsvRecord& record) {
    ++result_.rows;
    if (record.cell_count != header_count_) {
      cell_problem(
          record.line, 1, "",
          fmt::format("has {} cells where the header has {}", record.cell_count, header_count_));
      return;
    }
    if (!cells_clean(record)) return;
    if (const std::string* record_id = cell_of(record, ColumnRole::Record);
        record_id != nullptr && !record_id->empty()) {
      records_.push_back({hash_text(*record_id), record.line});
    }
    const bool funded = source_.kind == ExtractKind::Funded;
    const bool has_wte = role_index_[static_cast<std::size_t>(ColumnRole::Wte)].has_value();
    const std::optional<double> wte =
        has_wte ? number_cell(record, ColumnRole::Wte, funded) : std::optional<double>(0.0);
    std::optional<double> cost;
    if (funded && role_index_[static_cast<std::size_t>(ColumnRole::Cost)]) {
      cost = number_cell(record, ColumnRole::Cost, true);
      if (!cost) return;
    }
    const std::optional<ActualRows> actual = actual_cells(record);
    if (!actual) return;
    bool ended = false;
    if (const std::string* end = cell_of(record, ColumnRole::EndDate)) {
      const ExtractDate date = parse_extract_date(*end);
      if (!date.valid) {
        const std::size_t index = *role_index_[static_cast<std::size_t>(ColumnRole::EndDate)];
        cell_problem(record.line, cell_column(record.text, source_.delimiter, index),
                     header_names_[index],
                     fmt::format("expected a date such as 2026-03-31, 31-MAR-2026 or "
                                 "31/03/2026, got \"{}\"",
                                 *end));
        return;
      }
      ended = !date.open_ended && model_.review.as_of && date.day < model_.review.as_of->value;
    }
    if (!wte) return;
    const auto add_wte = [&](std::optional<double>& part) {
      if (part) *part += *wte;
      if (&part == &result_.wte_used) ++result_.rows_used;
      if (&part == &result_.wte_ended) ++result_.rows_ended;
      if (&part == &result_.wte_excluded) ++result_.rows_excluded;
      if (&part == &result_.wte_held) ++result_.rows_held;
      if (&part == &result_.wte_vacancy_factor) ++result_.rows_vacancy_factor;
    };
    add_wte(result_.wte_total);
    if (ended) {
      add_wte(result_.wte_ended);
      return;
    }
    if ((include_.stated && !include_.matches(record)) ||
        (exclude_.stated && exclude_.matches(record))) {
      add_wte(result_.wte_excluded);
      return;
    }
    const std::string& cost_centre = *cell_of(record, ColumnRole::CostCentre);
    const std::optional<std::size_t> team = team_of(cost_centre);
    if (!team) {
      unmapped(record, UnmappedReason::CostCentre, cost_centre, *wte);
      return;
    }
    if (funded && vacancy_factor_.stated && vacancy_factor_.matches(record)) {
      add_wte(result_.wte_vacancy_factor);
      return;
    }
    if (source_.map.empty() && source_.kind != ExtractKind::InPost &&
        source_.kind != ExtractKind::Funded) {
      add_wte(result_.wte_used);  // a source without a map applies to the team
      add_actuals(totals_.team_actuals[*team], *actual);
      return;
    }
    const MapRule* rule = nullptr;
    for (const FoundRule& found : rules_) {
      if (found.rule->team_indexes && !std::binary_search(found.rule->team_indexes->begin(),
                                                          found.rule->team_indexes->end(), *team)) {
        continue;
      }
      if (found.where.matches(record)) {
        rule = found.rule;
        break;
      }
    }
    if (rule == nullptr) {
      unmapped(record, UnmappedReason::Profession, cost_centre, *wte);
      return;
    }
    const bool held = source_.kind == ExtractKind::InPost && held_.stated && held_.matches(record);
    if (held) {
      add_wte(result_.wte_held);
    } else {
      add_wte(result_.wte_used);
    }
    if (source_.kind == ExtractKind::InPost && !held) add_to_snapshot(record, *team, *wte);
    if (!values_count_) return;
    add_to_line(record, *team, rule->profession_index, *wte, cost, held, *actual);
  }

  /// Adds a row of an in-post source marked as a start or end snapshot to the means.
  void add_to_snapshot(const CsvRecord& record, std::size_t team_index, double wte) {
    if (source_.snapshot == Snapshot::Only) return;
    const bool start = source_.snapshot == Snapshot::Start;
    std::vector<double>& team_wte = start ? totals_.start_team_wte : totals_.end_team_wte;
    team_wte[team_index] += wte;
    const std::string* person = cell_of(record, ColumnRole::Person);
    if (person == nullptr || person->empty()) return;
    std::vector<PersonRow>& persons = start ? totals_.start_persons : totals_.end_persons;
    persons.push_back({hash_text(*person), static_cast<std::uint32_t>(team_index), 0});
  }

  static void add_actuals(ActualRows& into, const ActualRows& row) {
    if (!into.has_sickness && row.has_sickness) into.first_sickness_row = row.first_sickness_row;
    into.has_sickness = into.has_sickness || row.has_sickness;
    into.days_lost += row.days_lost;
    into.days_available += row.days_available;
    into.has_temporary = into.has_temporary || row.has_temporary;
    into.temporary_hours += row.temporary_hours;
    into.agency_hours += row.agency_hours;
    into.bank_cost += row.bank_cost;
    into.agency_cost += row.agency_cost;
    into.has_leavers = into.has_leavers || row.has_leavers;
    into.leavers += row.leavers;
    into.leavers_wte += row.leavers_wte;
    into.retirements_wte += row.retirements_wte;
  }

  /// The team listing `cost_centre`; the last answer is kept, as rows come grouped.
  std::optional<std::size_t> team_of(const std::string& cost_centre) {
    if (!last_cost_centre_ || *last_cost_centre_ != cost_centre) {
      const auto found = team_of_.find(cost_centre);
      last_team_ =
          found == team_of_.end() ? std::nullopt : std::optional<std::size_t>(found->second);
      last_cost_centre_ = cost_centre;
    }
    return last_team_;
  }

  void add_to_line(const CsvRecord& record, std::size_t team_index, std::size_t profession_index,
                   double wte, std::optional<double> cost, bool held, const ActualRows& actual) {
    const SourceLocation here{result_.file_index, record.line, 1};
    auto [found, inserted] =
        totals_.line_of.emplace(line_key(team_index, profession_index), totals_.lines.size());
    if (inserted) {
      LineRows rows;
      rows.team_index = team_index;
      rows.profession_index = profession_index;
      rows.first_row = here;
      totals_.lines.push_back(std::move(rows));
    }
    LineRows& rows = totals_.lines[found->second];
    if (source_.kind != ExtractKind::InPost && source_.kind != ExtractKind::Funded) {
      add_actuals(rows.actuals, actual);
      return;
    }
    const RowCitation citation{source_index_, record.line};
    double* cell_figure = nullptr;
    const std::string* band = cell_of(record, ColumnRole::Band);
    CostCentreFigures& cell = cost_centre_cell(*cell_of(record, ColumnRole::CostCentre), team_index,
                                               profession_index, band);
    if (source_.kind == ExtractKind::Funded) {
      if (!rows.has_funded_rows) rows.first_funded_row = here;
      rows.has_funded_rows = true;
      rows.funded_wte += wte;
      rows.funded_cost += cost.value_or(0.0);
      if (cite_rows_) rows.funded_citations.push_back(citation);
      cell_figure = &cell.funded_wte;
    } else if (held) {
      rows.held_wte += wte;
      cell_figure = &cell.held_wte;
    } else {
      rows.has_in_post_rows = true;
      rows.in_post_wte += wte;
      ++rows.in_post_roles;
      if (cite_rows_) rows.in_post_citations.push_back(citation);
      cell_figure = &cell.in_post_wte;
      if (const std::string* person = cell_of(record, ColumnRole::Person);
          person != nullptr && !person->empty()) {
        totals_.persons.push_back({hash_text(*person), static_cast<std::uint32_t>(team_index),
                                   static_cast<std::uint32_t>(profession_index)});
      }
    }
    *cell_figure += wte;
  }

  CostCentreFigures& cost_centre_cell(const std::string& cost_centre, std::size_t team_index,
                                      std::size_t profession_index, const std::string* band) {
    if (last_cell_ < cost_centres_.size()) {  // rows come grouped: most meet the last cell
      const CostCentreFigures& last = cost_centres_[last_cell_];
      if (last.profession_index == profession_index && last.cost_centre == cost_centre &&
          (band == nullptr ? !last.band : last.band && *last.band == *band)) {
        return cost_centres_[last_cell_];
      }
    }
    std::string key = cost_centre;
    key += '\x1f';
    key += std::to_string(profession_index);
    if (band != nullptr) key.append("\x1f").append(*band);
    auto [found, inserted] = totals_.cost_centre_cell_of.emplace(key, cost_centres_.size());
    last_cell_ = found->second;
    if (inserted) {
      CostCentreFigures figures;
      figures.cost_centre = cost_centre;
      figures.team_index = team_index;
      figures.profession_index = profession_index;
      if (band != nullptr) figures.band = *band;
      cost_centres_.push_back(std::move(figures));
    }
    return cost_centres_[found->second];
  }

  /// Finds record ids used twice from their hashes, then reads the file again (only then) to
  /// report each later use at its line and column, naming the first.
  void report_duplicate_records() {
    std::sort(records_.begin(), records_.end());
    std::vector<std::uint64_t> repeated;
    for (std::size_t index = 1; index < records_.size(); ++index) {
      if (records_[index].first == records_[index - 1].first &&
          (repeated.empty() || repeated.back() != records_[index].first)) {
        repeated.push_back(records_[index].first);
      }
    }
    records_.clear();
    records_.shrink_to_fit();
    if (repeated.empty()) return;
    const std::size_t column = *role_index_[static_cast<std::size_t>(ColumnRole::Record)];
    std::unordered_map<std::string, std::uint32_t> first_line;
    CsvStream stream(source_.path, source_.delimiter);
    std::vector<bool> kept(header_count_, false);
    kept[column] = true;
    bool header = true;
    stream.keep_only(std::move(kept));
    stream.read([&](const CsvRecord& record) {
      if (std::exchange(header, false) || record.cell_count != header_count_) return;
      const std::string& id = record.cells[column];
      if (id.empty() || !std::binary_search(repeated.begin(), repeated.end(), hash_text(id))) {
        return;
      }
      const auto [first, inserted] = first_line.emplace(id, record.line);
      if (!inserted) {
        cell_problem(record.line, cell_column(record.text, source_.delimiter, column),
                     header_names_[column],
                     fmt::format("'{}' appears twice (first at line {})", id, first->second));
      }
    });
  }

  void warn_unmapped() {
    for (std::size_t index = 0; index < result_.unmapped.size(); ++index) {
      const UnmappedRows& rows = result_.unmapped[index];
      const std::uint32_t line = unmapped_first_line_[index];
      const std::string what = rows.wte
                                   ? fmt::format("{} row{} ({:.2f} WTE)", rows.rows,
                                                 rows.rows == 1 ? "" : "s", *rows.wte)
                                   : fmt::format("{} row{}", rows.rows, rows.rows == 1 ? "" : "s");
      const std::string& cost_header =
          header_names_[*role_index_[static_cast<std::size_t>(ColumnRole::CostCentre)]];
      std::string message =
          rows.reason == UnmappedReason::CostCentre
              ? fmt::format(
                    "{} of cost centre '{}', which no team lists: add it to a team's "
                    "cost_centres, or exclude the rows",
                    what, rows.cost_centre)
              : fmt::format(
                    "{} of cost centre '{}' ({}), which no map rule matches: add a rule, "
                    "or exclude the rows",
                    what, rows.cost_centre, rows.value.value_or(""));
      warnings_.add({source_.path, line, 1, cost_header, std::move(message), true});
    }
  }

  const SourceSpec& source_;
  std::uint32_t source_index_;
  const Model& model_;
  const std::unordered_map<std::string, std::size_t>& team_of_;
  bool cite_rows_;
  ExtractTotals& totals_;
  std::vector<CostCentreFigures>& cost_centres_;
  DiagnosticList& problems_;
  DiagnosticList& warnings_;
  ExtractReconciliation result_;
  bool values_count_ = true;  ///< false for a start snapshot: reconciled, but gives no figures
  bool header_read_ = false;
  bool columns_found_ = true;
  std::size_t header_count_ = 0;
  std::vector<std::string> header_names_;
  std::unordered_map<std::string, std::size_t> header_index_;
  std::array<std::optional<std::size_t>, kColumnRoleCount> role_index_{};
  std::vector<bool> kept_;
  FoundCondition include_;
  FoundCondition exclude_;
  FoundCondition held_;
  FoundCondition vacancy_factor_;
  std::vector<FoundRule> rules_;
  std::vector<std::size_t> where_columns_;  ///< in order of first use
  UnmappedIndex unmapped_index_;
  std::vector<std::uint32_t> unmapped_first_line_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> records_;  ///< (hash of the id, line)
  std::optional<std::string> last_cost_centre_;
  std::optional<std::size_t> last_team_;
  std::size_t last_cell_ = static_cast<std::size_t>(-1);
  std::size_t cell_problems_ = 0;
  std::size_t problems_beyond_limit_ = 0;
};

}  // namespace

ExtractReconciliation read_extract(const SourceSpec& source, std::uint32_t source_index,
                                   const Model& model,
                                   const std::unordered_map<std::string, std::size_t>& team_of,
                                   bool cite_rows, ExtractTotals& totals,
                                   std::vector<CostCentreFigures>& cost_centres,
                                   DiagnosticList& problems, DiagnosticList& warnings) {
  ExtractRowReader reader(source, source_index, model, team_of, cite_rows, totals, cost_centres,
                          problems, warnings);
  return reader.read();
}

}  // namespace estab
