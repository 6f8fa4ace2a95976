#pragma once
// Removing the temporary output file when a signal ends the program part way through a write.

#include <csignal>
#include <string>

namespace estab::cli {

/// Removes the temporary file being written when SIGINT, SIGTERM or SIGHUP ends the program,
/// then lets the signal end it as it would have. One file is watched at a time.
class SignalGuard {
 public:
  /// Holds the three signals off while it lives, so that a file is created and watched, or
  /// renamed and forgotten, as one step.
  class Blocked {
   public:
    Blocked();
    ~Blocked();
    Blocked(const Blocked&) = delete;
    Blocked& operator=(const Blocked&) = delete;

   private:
    sigset_t previous_{};
  };

  /// Watches `path`, installing the handler for each signal that still has its default action
  /// (one the program was started ignoring, as under nohup, stays ignored).
  static void watch(const std::string& path);
  /// Stops watching: the file was renamed or removed.
  static void forget();
};

}  // namespace estab::cli
