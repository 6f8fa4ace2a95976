// Atomic replacement of output files: written through a buffer into a temporary file beside the
// target, then flushed, synced and renamed over it.
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

#include "cli/signal_guard.hpp"
#include "estab/diagnostic.hpp"

namespace estab::cli {

namespace {

/// Bytes gathered before each write to the temporary file.
constexpr std::size_t kBufferBytes = 1 << 20;

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

/// The file `path` names after following symbolic links (as many as the system would), so
/// that a link is kept and the file it points to is replaced.
std::filesystem::path link_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code error;
  for (int hop = 0; fs::is_symlink(fs::symlink_status(target, error)); ++hop) {
    if (hop == 40) fail(path, ELOOP);  // as many links as the system follows
    const fs::path link = fs::read_symlink(target, error);
    if (error) break;
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  return target;
}

/// The temporary file's name beside `file_name`, kept within the longest name a folder takes.
std::string temporary_name(const std::string& file_name) {
  constexpr std::size_t kLongestName = 255;              // NAME_MAX on Linux file systems
  constexpr std::size_t kAdded = sizeof(".tmp-XXXXXX");  // with the leading dot
  const std::size_t kept = std::min(file_name.size(), kLongestName - kAdded);
  return "." + file_name.substr(0, kept) + ".tmp-XXXXXX";
}

}  // namespace

/// A stream buffer that writes to a file descriptor and remembers the first write error.
class AtomicOutputFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int descriptor) : descriptor_(descriptor), bytes_(kBufferBytes) {
    setp(bytes_.data(), bytes_.data() + bytes_.size());
  }

  /// The errno of the first failed write, or 0.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type character) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(character, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(character);
      pbump(1);
    }
    return traits_type::not_eof(character);
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  /// Writes out everything buffered; false after any failure.
  bool drain() {
    if (error_ != 0) return false;
    const char* next = pbase();
    while (next < pptr()) {
      const ssize_t count = ::write(descriptor_, next, static_cast<std::size_t>(pptr() - next));
      if (count < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      next += count;
    }
    setp(bytes_.data(), bytes_.data() + bytes_.size());
    return true;
  }

  int descriptor_;
  std::vector<char> bytes_;
  int error_ = 0;
};

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  std::error_code status_error;
  if (fs::is_directory(path_, status_error)) fail(path_, EISDIR);
  const fs::path target = link_target(path_);
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    // A device or a pipe cannot be replaced: it is written to directly, as `>` would.
    descriptor_ = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (descriptor_ < 0) fail(path_, errno);
  } else {
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (directory / temporary_name(target.filename().string())).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    {
      const SignalGuard::Blocked blocked;  // no signal between creating and registering it
      descriptor_ = ::mkstemp(name.data());
      if (descriptor_ < 0) fail(path_, errno);
      temporary_ = name.data();
      replaced_ = target.string();
      SignalGuard::watch(temporary_);
    }
  }
  try {
    buffer_ = std::make_unique<Buffer>(descriptor_);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
  } catch (...) {  // no memory for the buffer: nothing may be left behind
    ::close(descriptor_);
    if (!temporary_.empty()) {
      const SignalGuard::Blocked blocked;
      ::unlink(temporary_.c_str());
      SignalGuard::forget();
    }
    throw;
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
  if (!temporary_.empty()) {
    const SignalGuard::Blocked blocked;
    ::unlink(temporary_.c_str());
    SignalGuard::forget();
  }
}

std::ostream& AtomicOutputFile::stream() {
  return *stream_;
}

void AtomicOutputFile::commit() {
  auto abandon = [&](int error_number) {
    ::close(descriptor_);
    descriptor_ = -1;
    if (!temporary_.empty()) {
      const SignalGuard::Blocked blocked;
      ::unlink(temporary_.c_str());
      SignalGuard::forget();
      temporary_.clear();
    }
    fail(path_, error_number);
  };
  stream_->flush();
  if (buffer_->error() != 0) abandon(buffer_->error());
  if (!*stream_) abandon(EIO);
  if (temporary_.empty()) {  // written in place: a device or a pipe
    const int descriptor = descriptor_;
    descriptor_ = -1;
    if (::close(descriptor) != 0) abandon(errno);
    return;
  }
  if (::fchmod(descriptor_, permissions_for(replaced_)) != 0) abandon(errno);
  if (::fsync(descriptor_) != 0) abandon(errno);
  const int descriptor = descriptor_;
  descriptor_ = -1;
  if (::close(descriptor) != 0) abandon(errno);
  const SignalGuard::Blocked blocked;
  if (::rename(temporary_.c_str(), replaced_.c_str()) != 0) abandon(errno);
  SignalGuard::forget();
  temporary_.clear();
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  AtomicOutputFile file(path);
  file.stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
  file.commit();
}

}  // namespace estab::cli
