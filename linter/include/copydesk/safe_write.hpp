#pragma once

#include <filesystem>
#include <string_view>

namespace copydesk {

// Replaces the file at `path` with `content` so that readers (and a crash) see either the old
// or the new file, never a half-written one: writes a temporary file in the same directory,
// fsyncs it, gives it the original's permissions, renames it over the original and fsyncs the
// directory. A missing file is created (mode 0666 minus the umask). On any error the temporary
// file is removed, the original is left as it was, and std::runtime_error is thrown naming the
// path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace copydesk
