// The located error type and its text form.
#include "estab/diagnostic.hpp"

#include <fmt/format.h>

namespace estab {

std::string Diagnostic::to_string() const {
  std::string text;
  if (!file.empty()) {
    text = line != 0 ? fmt::format("{}:{}:{}: ", file, line, column) : fmt::format("{}: ", file);
  }
  text += "error: ";
  if (!path.empty()) text += path + ": ";
  text += message;
  return text;
}

namespace {

std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid input";
  return diagnostics.front().to_string();
}

}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

FileError::FileError(std::string path, const std::string& message)
    : std::runtime_error(message), path_(std::move(path)) {}

void DiagnosticList::throw_if_any() {
  if (!items_.empty()) throw InputError(std::move(items_));
}

}  // namespace estab
