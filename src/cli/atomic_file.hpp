#pragma once
// Writing an output file so that it is either wholly replaced or left untouched.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace estab::cli {

/// An output file being written: the text goes to a temporary file beside `path`, which
/// commit() flushes and renames over it. Until then the old file is untouched; an uncommitted
/// file is removed when the object is destroyed, or when SIGINT, SIGTERM or SIGHUP ends the
/// program, so no temporary file is left. A symbolic link is followed and the file it points
/// to replaced; a device or a pipe is written to directly.
class AtomicOutputFile {
 public:
  /// Creates the temporary file; throws FileError when it cannot be created.
  explicit AtomicOutputFile(std::string path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  /// The stream to write the file's contents to.
  std::ostream& stream();

  /// Flushes, syncs and renames the temporary file over the target; throws FileError (and
  /// leaves the old file untouched) when any step fails.
  void commit();

 private:
  class Buffer;
  std::string path_;
  std::string replaced_;   ///< the regular file replaced: `path_` after its links are followed
  std::string temporary_;  ///< empty when the file is written in place (a device or a pipe)
  int descriptor_ = -1;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

/// Replaces `path` with `contents` atomically, as AtomicOutputFile does.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace estab::cli
