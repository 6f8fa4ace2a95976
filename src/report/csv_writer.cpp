// CSV field encoding (RFC 4180 quoting, formula-injection prefix) and record writing.

#include "report/csv_writer.hpp"

#include <iterator>

#include "report/text_format.hpp"

namespace estab::report {

namespace {

/// True when a spreadsheet could read a cell starting with this character as a formula.
bool starts_formula(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

/// True when RFC 4180 requires the field to be enclosed in double quotes.
bool needs_quotes(std::string_view text) {
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

std::string csv_text(std::string_view text) {
  std::string cell;
  if (starts_formula(text)) {
    cell.push_back('\'');
  }
  cell += text;
  if (!needs_quotes(cell)) {
    return cell;
  }
  std::string quoted = "\"";
  for (const char character : cell) {
    if (character == '"') {
      quoted.push_back('"');
    }
    quoted.push_back(character);
  }
  quoted.push_back('"');
  return quoted;
}

std::string csv_optional_text(const std::optional<std::string>& text) {
  return text ? csv_text(*text) : std::string();
}

std::string csv_number(double value) {
  return format_shortest(value);
}

std::string csv_number(const std::optional<double>& value) {
  return value ? csv_number(*value) : std::string();
}

std::string csv_boolean(bool value) {
  return value ? "true" : "false";
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t index = 0; index < fields.size(); ++index) {
    if (index > 0) {
      out << ',';
    }
    out << fields[index];
  }
  out << kCsvLineEnd;
}

void CsvRecord::next_field() {
  if (!empty_) buffer_.push_back(',');
  empty_ = false;
}

void CsvRecord::text(std::string_view value) {
  next_field();
  const std::string cell = csv_text(value);
  buffer_.append(cell.data(), cell.data() + cell.size());
}

void CsvRecord::optional_text(const std::optional<std::string>& value) {
  if (value) {
    text(std::string_view(*value));
  } else {
    next_field();
  }
}

void CsvRecord::number(double value) {
  next_field();
  require_finite(value, "a value to write");
  fmt::format_to(std::back_inserter(buffer_), "{}", value);
}

void CsvRecord::number(const std::optional<double>& value) {
  if (value) {
    number(*value);
  } else {
    next_field();
  }
}

void CsvRecord::boolean(bool value) {
  next_field();
  const std::string_view cell = value ? "true" : "false";
  buffer_.append(cell.data(), cell.data() + cell.size());
}

void CsvRecord::write_to(std::ostream& out) {
  buffer_.append(kCsvLineEnd.data(), kCsvLineEnd.data() + kCsvLineEnd.size());
  out.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  empty_ = true;
}

void write_csv_header(std::ostream& out, const std::vector<std::string>& names) {
  std::vector<std::string> fields;
  fields.reserve(names.size());
  for (const std::string& name : names) {
    fields.push_back(csv_text(name));
  }
  write_csv_record(out, fields);
}

}  // namespace estab::report
