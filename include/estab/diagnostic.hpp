#pragma once
/// Located input problems: the one error type every input check reports through.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace estab {

/// Where a value was written: an index into the model's file table, 1-based line and column.
struct SourceLocation {
  std::uint32_t file_index = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  /// True when the location points into a file (line 0 means "not from a file").
  bool known() const { return line != 0; }
};

/// One input problem, ready to print as `FILE:LINE:COLUMN: error: PATH: message`.
struct Diagnostic {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string path;
  std::string message;
  bool warning = false;  ///< a warning: the input is read, but probably not as meant

  /// The diagnostic as one line of text, without a trailing newline.
  std::string to_string() const;
};

/// Thrown when an input file has one or more problems; carries every problem found.
class InputError : public std::runtime_error {
 public:
  /// The problems listed, and how many more were found but not kept.
  explicit InputError(std::vector<Diagnostic> diagnostics, std::size_t unlisted = 0);

  /// The problems listed, in reading order.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// How many problems were found beyond those listed.
  std::size_t unlisted() const { return unlisted_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t unlisted_ = 0;
};

/// Thrown when a file cannot be read or written (missing, unreadable, disk full).
class FileError : public std::runtime_error {
 public:
  FileError(std::string path, const std::string& message);

  /// The file that could not be read or written.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Thrown when a command-line argument that the core interprets (such as `--set`) is wrong.
class UsageError : public std::runtime_error {
 public:
  /// A usage problem described by `message`.
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

/// The part of a request to the core that a RequestError is about.
enum class Request {
  Override,  ///< a change to one input value (`subject` is the assignment PATH=VALUE)
  Change,    ///< the fraction a sensitivity analysis scales each assumption by
  Format,    ///< an output format (`subject` is its name, e.g. "xlsx")
};

/// Thrown when a request the core was given cannot be met: an override whose path leads
/// nowhere, a sensitivity change out of range, a format a view does not offer. It carries the
/// parts of its message apart, so that a front end can name the request in its own terms.
class RequestError : public UsageError {
 public:
  /// A refused `request` about `subject` (may be empty), for `reason`.
  RequestError(Request request, std::string subject, std::string reason);

  /// What was refused.
  Request request() const { return request_; }
  /// The value refused, e.g. the assignment or the format's name; may be empty.
  const std::string& subject() const { return subject_; }
  /// Why, e.g. "is available for review only".
  const std::string& reason() const { return reason_; }

 private:
  Request request_;
  std::string subject_;
  std::string reason_;
};

/// How many problems a check keeps and lists, unless told to keep every one.
inline constexpr std::size_t kMostListedProblems = 100;

/// Collects diagnostics while a file is checked, so that all of them are reported at once.
/// Beyond its limit a problem is only counted, so that a file full of mistakes costs no more
/// than a file with a few.
class DiagnosticList {
 public:
  /// Records one problem, or counts it when the list is full.
  void add(Diagnostic diagnostic) {
    if (items_.size() >= limit_) {
      ++unlisted_;
      return;
    }
    items_.push_back(std::move(diagnostic));
  }
  /// False when the next problem would only be counted: a message (and its "did you mean")
  /// need not be built for it.
  bool listing() const { return items_.size() < limit_; }
  /// Keeps every problem, however many.
  void keep_every_one() { limit_ = static_cast<std::size_t>(-1); }
  /// True when every problem is kept (`--all-errors`).
  bool keeps_every_one() const { return limit_ == static_cast<std::size_t>(-1); }
  /// Number of problems counted but not kept.
  std::size_t unlisted() const { return unlisted_; }
  /// True when no problem has been recorded.
  bool empty() const { return items_.empty() && unlisted_ == 0; }
  /// Number of problems recorded, listed or counted.
  std::size_t size() const { return items_.size() + unlisted_; }
  /// Throws InputError with every recorded problem, if there is any.
  void throw_if_any();
  /// The problems kept.
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
  std::size_t limit_ = kMostListedProblems;
  std::size_t unlisted_ = 0;
};

}  // namespace estab
