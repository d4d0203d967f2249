#pragma once

#include <filesystem>
#include <string>

namespace copydesk {

enum class FileRead {
  Read,        // `text` holds the whole file
  Directory,   // the path names a directory
  ReadError,   // opened, but reading failed
  OpenFailed,  // could not be opened: the caller finds out why
  Large,       // a regular file larger than the caller wants whole: `text` is left empty
};

// Reads a whole file into `text` with as few system calls as can be (open, fstat, one read for
// a regular file, close): a run over a directory of thousands of small files pays them for
// every file.
// A regular file over `whole_limit` bytes is not read (FileRead::Large). Reading stops after a
// NUL byte: the file is binary (and a device such as /dev/zero would never end).
FileRead read_file(const std::filesystem::path& path, std::string& text,
                   std::size_t whole_limit = static_cast<std::size_t>(-1));

// Reads an open descriptor (standard input) the same way, to its end or a NUL byte; errno says
// why on FileRead::ReadError. Once more than `whole_limit` bytes have come (FileRead::Large),
// `text` holds them and the rest is left to read.
FileRead read_descriptor(int fd, std::string& text,
                         std::size_t whole_limit = static_cast<std::size_t>(-1));

}  // namespace copydesk
