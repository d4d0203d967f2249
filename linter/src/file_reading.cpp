#include "copydesk/file_reading.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace copydesk {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads into `text` from `size` on until the end of the file, or a NUL byte: the file is then
// binary, and a device such as /dev/zero never ends. Stops too once more than `limit` bytes
// are read (`over_limit`). False on a read error.
bool read_rest(int fd, std::string& text, std::size_t size,
               std::size_t limit = static_cast<std::size_t>(-1), bool* over_limit = nullptr) {
  for (;;) {
    if (text.size() - size < 4096) text.resize(text.size() * 2 + 65536);
    const ssize_t got = ::read(fd, text.data() + size, text.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    if (got == 0) break;
    const bool nul =
        std::memchr(text.data() + size, '\0', static_cast<std::size_t>(got)) != nullptr;
    size += static_cast<std::size_t>(got);
    if (nul) break;
    if (size > limit) {
      *over_limit = true;
      break;
    }
  }
  text.resize(size);
  return true;
}

}  // namespace

FileRead read_file(const std::filesystem::path& path, std::string& text, std::size_t whole_limit) {
  const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return FileRead::OpenFailed;
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) return FileRead::ReadError;
  if (S_ISDIR(status.st_mode)) return FileRead::Directory;
  text.clear();
  if (!S_ISREG(status.st_mode))
    return read_rest(file.get(), text, 0) ? FileRead::Read : FileRead::ReadError;
  if (static_cast<std::uint64_t>(status.st_size) > whole_limit) return FileRead::Large;
  // One byte more than the size: a read of a regular file that returns less than it was asked
  // for has reached the end, and one that fills it all means the file grew meanwhile.
  text.resize(static_cast<std::size_t>(status.st_size) + 1);
  ssize_t got = 0;
  do {
    got = ::read(file.get(), text.data(), text.size());
  } while (got < 0 && errno == EINTR);
  if (got < 0) return FileRead::ReadError;
  const auto size = static_cast<std::size_t>(got);
  if (size < text.size()) {
    text.resize(size);
    return FileRead::Read;
  }
  return read_rest(file.get(), text, size) ? FileRead::Read : FileRead::ReadError;
}

FileRead read_descriptor(int fd, std::string& text, std::size_t whole_limit) {
  struct stat status {};
  if (::fstat(fd, &status) != 0) return FileRead::ReadError;
  if (S_ISDIR(status.st_mode)) return FileRead::Directory;
  text.clear();
  bool over_limit = false;
  if (!read_rest(fd, text, 0, whole_limit, &over_limit)) return FileRead::ReadError;
  return over_limit ? FileRead::Large : FileRead::Read;
}

}  // namespace copydesk
