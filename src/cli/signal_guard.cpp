// The signal handlers that remove a temporary output file: they touch only what a handler may.
#include "cli/signal_guard.hpp"

#include <pthread.h>
#include <unistd.h>

#include <array>
#include <cstring>

namespace estab::cli {

namespace {

constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};

/// The watched path, NUL-terminated; written only while the signals are held off.
char watched_path[4096];
volatile std::sig_atomic_t watching = 0;

extern "C" void remove_watched_file(int signal_number) {
  if (watching != 0) ::unlink(watched_path);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

sigset_t signal_set() {
  sigset_t set;
  sigemptyset(&set);
  for (const int signal_number : kSignals) sigaddset(&set, signal_number);
  return set;
}

/// Installs the handler for each signal that still has its default action.
void install() {
  for (const int signal_number : kSignals) {
    struct sigaction previous {};
    if (::sigaction(signal_number, nullptr, &previous) != 0) continue;
    if (previous.sa_handler != SIG_DFL) continue;  // ignored (nohup) or handled elsewhere
    struct sigaction action {};
    action.sa_handler = remove_watched_file;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace

SignalGuard::Blocked::Blocked() {
  const sigset_t set = signal_set();
  ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
}

SignalGuard::Blocked::~Blocked() {
  ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void SignalGuard::watch(const std::string& path) {
  install();
  if (path.size() >= sizeof(watched_path)) return;  // too long to hold: left unwatched
  std::memcpy(watched_path, path.c_str(), path.size() + 1);
  watching = 1;
}

void SignalGuard::forget() {
  watching = 0;
}

}  // namespace estab::cli
