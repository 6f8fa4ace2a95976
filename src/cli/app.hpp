#pragma once
// The command-line layer: parses arguments, runs a command, maps the outcome to an exit code.

#include <ostream>

namespace estab::cli {

/// Runs estab with the given arguments, writing to `out` and `err`; returns the exit code.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace estab::cli
