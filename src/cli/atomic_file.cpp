// Atomic replacement of output files.
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "estab/diagnostic.hpp"

namespace estab::cli {

namespace {

[[noreturn]] void fail(const std::string& path, int error_number) {
  throw FileError(path, fmt::format("cannot write '{}': {}", path, std::strerror(error_number)));
}

/// Permissions for a new file: those of the file it replaces, else 0666 less the umask.
mode_t permissions_for(const std::string& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) return existing.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view contents) {
  namespace fs = std::filesystem;
  std::error_code status_error;
  if (fs::is_directory(path, status_error)) fail(path, EISDIR);
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int descriptor = ::mkstemp(name.data());
  if (descriptor < 0) fail(path, errno);
  const std::string temporary(name.data());
  auto abandon = [&](int error_number) {
    ::close(descriptor);
    ::unlink(temporary.c_str());
    fail(path, error_number);
  };
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t count =
        ::write(descriptor, contents.data() + written, contents.size() - written);
    if (count < 0) {
      if (errno == EINTR) continue;
      abandon(errno);
    }
    written += static_cast<std::size_t>(count);
  }
  if (::fchmod(descriptor, permissions_for(path)) != 0) abandon(errno);
  if (::fsync(descriptor) != 0) abandon(errno);
  if (::close(descriptor) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    fail(path, error_number);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    fail(path, error_number);
  }
}

}  // namespace estab::cli
