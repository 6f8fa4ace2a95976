#pragma once
// The process exit codes: the one list every command maps its outcome to.

namespace estab::cli {

/// What a run of estab ended with, as seen by scripts.
enum class ExitCode : int {
  Success = 0,       ///< the command did what was asked
  InvalidInput = 1,  ///< an input file has problems; every one is listed on stderr
  Usage = 2,         ///< the command line is wrong (unknown option, missing argument)
  FileAccess = 3,    ///< a file cannot be read or written
  ThresholdMet = 4,  ///< a --fail-on amber|red threshold was met
  OutOfMemory = 5,   ///< the machine ran out of memory; nothing was written
  Internal = 6,      ///< a fault inside estab itself (please report it); nothing was written
};

/// The integer to return from main.
constexpr int to_int(ExitCode code) {
  return static_cast<int>(code);
}

}  // namespace estab::cli
