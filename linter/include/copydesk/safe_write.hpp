#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace copydesk {

// Replaces the file at `path` with `content` so that readers (and a crash) see either the old
// or the new file, never a half-written one: writes a temporary file in the same directory,
// fsyncs it, gives it the original's permissions, renames it over the original and fsyncs the
// directory. A missing file is created (mode 0666 minus the umask). On any error the temporary
// file is removed, the original is left as it was, and std::runtime_error is thrown naming the
// path and the system's reason.
//
// A symbolic link at `path` is written through (the file it points to is replaced) only when
// that file lies in the link's own directory or below it; a link planted to lead the write out
// of the folder being written is refused unless `options.follow_symlinks_anywhere`.
// SIGINT, SIGTERM and SIGHUP meanwhile remove the temporary file (see RemovedOnSignal).
struct WriteOptions {
  bool follow_symlinks_anywhere = false;
};
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           WriteOptions options = {});

// While one exists, SIGINT, SIGTERM or SIGHUP first removes the file at `path` (a temporary
// file being written), then ends the program as the signal would have. One at a time; for
// the thread that writes files.
class RemovedOnSignal {
 public:
  explicit RemovedOnSignal(const std::filesystem::path& path);
  ~RemovedOnSignal();
  RemovedOnSignal(const RemovedOnSignal&) = delete;
  RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;
};

}  // namespace copydesk
