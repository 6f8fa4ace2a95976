// The located error type and its text form.
#include "estab/diagnostic.hpp"

#include "estab/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <tuple>

namespace estab {

std::string Diagnostic::to_string() const {
  std::string text;
  if (!file.empty()) {
    const std::string shown_file = printable(file);
    text = line != 0 ? fmt::format("{}:{}:{}: ", shown_file, line, column)
                     : fmt::format("{}: ", shown_file);
  }
  text += warning ? "warning: " : "error: ";
  if (!path.empty()) text += printable(path, 300) + ": ";
  text += printable(message, 500);
  return text;
}

namespace {

std::string summarise(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid input";
  return diagnostics.front().to_string();
}

/// The diagnostics with their text made safe for every output (terminal, CSV, JSON): control
/// characters neutralised, a path cut at 300 bytes and a message at 500.
std::vector<Diagnostic> printable_diagnostics(std::vector<Diagnostic> diagnostics) {
  for (Diagnostic& diagnostic : diagnostics) {
    diagnostic.file = printable(diagnostic.file);
    diagnostic.path = printable(diagnostic.path, 300);
    diagnostic.message = printable(diagnostic.message, 500);
  }
  return diagnostics;
}

}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics, std::size_t unlisted)
    : std::runtime_error(summarise(diagnostics)),
      diagnostics_(printable_diagnostics(std::move(diagnostics))),
      unlisted_(unlisted) {}

FileError::FileError(std::string path, const std::string& message)
    : std::runtime_error(message), path_(std::move(path)) {}

namespace {

/// The message of a refused request, in the core's own words.
std::string request_message(Request request, const std::string& subject,
                            const std::string& reason) {
  switch (request) {
    case Request::Override: return fmt::format("the override {}: {}", subject, reason);
    case Request::Change: return fmt::format("the sensitivity change {}", reason);
    case Request::Format: return fmt::format("the {} format {}", subject, reason);
  }
  return reason;
}

}  // namespace

RequestError::RequestError(Request request, std::string subject, std::string reason)
    : UsageError(request_message(request, subject, reason)),
      request_(request),
      subject_(std::move(subject)),
      reason_(std::move(reason)) {}

void DiagnosticList::throw_if_any() {
  if (empty()) return;
  // Report in reading order: by file (in the order first seen), then line, then column.
  std::vector<std::string> file_order;
  for (const Diagnostic& item : items_) {
    if (std::find(file_order.begin(), file_order.end(), item.file) == file_order.end()) {
      file_order.push_back(item.file);
    }
  }
  auto rank = [&file_order](const Diagnostic& item) {
    return std::make_tuple(
        std::find(file_order.begin(), file_order.end(), item.file) - file_order.begin(), item.line,
        item.column);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&rank](const Diagnostic& left, const Diagnostic& right) {
                     return rank(left) < rank(right);
                   });
  throw InputError(std::move(items_), unlisted_);
}

}  // namespace estab
