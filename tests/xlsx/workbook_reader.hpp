#pragma once
/// Test support for the XLSX workbooks: write a workbook to a scratch file, read it back with
/// tests/xlsx/check_xlsx.py (standard-library Python), and compare its sheets with the contract.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "estab/calc.hpp"
#include "estab/model.hpp"
#include "estab/report.hpp"

namespace xlsx_test {

using nlohmann::ordered_json;

/// The largest relative difference allowed between a cell and the contract's number
/// (libxlsxwriter writes 16 significant digits).
inline constexpr double kRelativeTolerance = 1e-12;

/// Sets TMPDIR for the scope, then puts back what was there.
class TmpdirOverride {
 public:
  explicit TmpdirOverride(const std::string& directory);
  ~TmpdirOverride();
  TmpdirOverride(const TmpdirOverride&) = delete;
  TmpdirOverride& operator=(const TmpdirOverride&) = delete;

 private:
  std::optional<std::string> previous_;
};

/// Writes `bytes` to `path` and reads the workbook back with check_xlsx.py (its JSON, see the
/// script); fails the test when the script finds the workbook malformed.
ordered_json read_back(const std::string& bytes, const std::filesystem::path& path);

/// One sheet of a read-back workbook; fails the test when there is none of that name.
const ordered_json& sheet_named(const ordered_json& workbook, const std::string& name);

/// The sheet names of a read-back workbook, in tab order.
std::vector<std::string> sheet_names(const ordered_json& workbook);

/// The header rows above a sheet's records: labels for a reader, then field names.
inline constexpr std::size_t kHeaderRows = 2;

/// The field names of a sheet (its second row): the contract's names, for scripts.
std::vector<std::string> headers_of(const ordered_json& sheet);

/// The labels of a sheet (its first row): "Required WTE".
std::vector<std::string> labels_of(const ordered_json& sheet);

/// The number of records of a sheet: its rows below the header rows.
std::size_t records_of(const ordered_json& sheet);

/// The cell at a data row (0 = the first record) and column; null when nothing is written.
ordered_json cell_at(const ordered_json& sheet, std::size_t record, std::size_t column);

/// The records of a CSV document (RFC 4180: quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

/// The header record of a CSV document.
std::vector<std::string> csv_headers(const std::string& csv);

/// The format a column's numbers must have, from its header (a contract field, or one with a
/// compare or sensitivity suffix): money, WTE, percent, hours or General.
std::string expected_format(std::string field);

/// Checks what every sheet must have: a bold text header row, the header frozen, an autofilter
/// over header and data, a width for each column, numbers in their column's format, text and
/// booleans in General, and not one formula.
void check_layout(const ordered_json& sheet, std::size_t records);

/// The contract value a column of a record must show.
using ExpectedValue =
    std::function<ordered_json(const ordered_json& record, const std::string& header)>;

/// Compares every cell of the sheet's records with the contract: a number (to
/// kRelativeTolerance), an empty cell for null, a string, a boolean. Returns how many numbers
/// were compared.
std::size_t check_cells(const ordered_json& sheet, const ordered_json& records,
                        const ExpectedValue& expected_value);

/// A field of a record as a sheet shows it: `record[header]`.
ordered_json plain_field(const ordered_json& record, const std::string& header);

/// The trust example with its first team renamed, and its review.
struct RenamedTrust {
  estab::Model model;
  estab::ReviewResult review;

  /// Loads examples/trust.yaml, renames its first team to `first_team_id`, computes it.
  explicit RenamedTrust(const std::string& first_team_id);
  RenamedTrust(const RenamedTrust&) = delete;
  RenamedTrust& operator=(const RenamedTrust&) = delete;
};

/// The review rendered in a format (CSV records of `level`).
std::string rendered_review(const estab::ReviewResult& review, estab::OutputFormat format,
                            estab::RollupLevel level = estab::RollupLevel::Line);

}  // namespace xlsx_test
