#pragma once

#include <filesystem>
#include <string>

namespace copydesk {

enum class FileRead {
  Read,        // `text` holds the whole file
  Directory,   // the path names a directory
  ReadError,   // opened, but reading failed
  OpenFailed,  // could not be opened: the caller finds out why
};

// Reads a whole file into `text` with as few system calls as can be (open, fstat, one read for
// a regular file, close): a run over a directory of thousands of small files pays them for
// every file.
FileRead read_file(const std::filesystem::path& path, std::string& text);

}  // namespace copydesk
