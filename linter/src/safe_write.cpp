#include "copydesk/safe_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>

namespace copydesk {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int error) {
  std::string message = path.string();
  message += ": ";
  message += what;
  message += ": ";
  message += std::strerror(error);
  throw std::runtime_error(message);
}

// Removes the temporary file unless the rename made it the real one.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  int& fd() { return fd_; }
  const char* path() const { return path_.c_str(); }
  void release() { path_.clear(); }

 private:
  std::string path_;
  int fd_ = -1;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot write the temporary file", errno);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

// The temporary file the signal handler removes: a fixed buffer, since a handler may not
// allocate.
constexpr std::size_t kMaxPath = 4096;
char pending_path[kMaxPath];
volatile std::sig_atomic_t pending = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous[std::size(kSignals)];

extern "C" void remove_pending_and_reraise(int signal) {
  if (pending) ::unlink(pending_path);
  // The default action, once this handler returns (the signal is blocked until then).
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// Where a write to `given` goes: through a symbolic link, the file it points to is replaced,
// not the link, if that file is in the link's directory or below it (or `anywhere`).
std::filesystem::path write_target(const std::filesystem::path& given, bool anywhere) {
  std::error_code error;
  if (!std::filesystem::is_symlink(given, error)) return given;
  const std::filesystem::path target = std::filesystem::weakly_canonical(given);
  const std::filesystem::path directory = std::filesystem::weakly_canonical(
      given.has_parent_path() ? given.parent_path() : std::filesystem::path("."));
  const std::filesystem::path relative = target.lexically_relative(directory);
  if (!anywhere && (relative.empty() || *relative.begin() == "..")) {
    throw std::runtime_error(given.string() + ": a symbolic link to " + target.string() +
                             ", outside " + directory.string() +
                             ": not written through (--follow-symlinks allows it)");
  }
  return target;
}

}  // namespace

RemovedOnSignal::RemovedOnSignal(const std::filesystem::path& path) {
  const std::string& name = path.native();
  if (name.size() >= kMaxPath) return;
  std::copy(name.begin(), name.end(), pending_path);
  pending_path[name.size()] = '\0';
  struct sigaction action {};
  action.sa_handler = remove_pending_and_reraise;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    ::sigaction(kSignals[i], &action, &previous[i]);
  }
  pending = 1;
}

RemovedOnSignal::~RemovedOnSignal() {
  if (pending == 0) return;
  pending = 0;
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    ::sigaction(kSignals[i], &previous[i], nullptr);
  }
}

void write_file_atomically(const std::filesystem::path& given, std::string_view content,
                           WriteOptions options) {
  const std::filesystem::path path = write_target(given, options.follow_symlinks_anywhere);
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");

  // The original's permissions carry over; a new file gets the usual 0666 & ~umask.
  mode_t mode = 0;
  bool keep_mode = false;
  struct stat original {};
  if (::stat(path.c_str(), &original) == 0) {
    if (!S_ISREG(original.st_mode)) fail(path, "not a regular file", EINVAL);
    mode = original.st_mode & 07777;
    keep_mode = true;
  } else if (errno != ENOENT) {
    fail(path, "cannot read the file's status", errno);
  }

  // The temporary name starts with '.' so that a directory walk skips it if it is ever left.
  // Created with open(O_EXCL) rather than mkstemp so that a new file gets 0666 minus the umask
  // without touching the process-wide umask.
  static std::atomic<unsigned> counter{0};
  std::string temporary_path;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    std::string name = ".";  // appended in steps: g++ 12 warns wrongly (-Wrestrict) on "." + s
    name += path.filename().string();
    name += ".copydesk-";
    temporary_path = (directory / name).string();
    temporary_path += std::to_string(::getpid());
    temporary_path += '-';
    temporary_path += std::to_string(counter++);
    fd = ::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt >= 100)) {
      const int error = errno;  // before anything else can change it
      fail(path, "cannot create a temporary file in " + directory.string(), error);
    }
  }
  TemporaryFile temporary(temporary_path);
  temporary.fd() = fd;
  const RemovedOnSignal removed_on_signal(temporary_path);
  write_all(temporary.fd(), content, path);
  if (keep_mode && ::fchmod(temporary.fd(), mode) != 0) {
    fail(path, "cannot set the permissions", errno);
  }
  // The owner too, where allowed (only root may give a file away; others keep their own).
  if (keep_mode && (original.st_uid != ::geteuid() || original.st_gid != ::getegid())) {
    if (::fchown(temporary.fd(), original.st_uid, original.st_gid) != 0 && errno != EPERM) {
      fail(path, "cannot set the owner", errno);
    }
  }
  if (::fsync(temporary.fd()) != 0) fail(path, "cannot flush the temporary file", errno);
  fd = temporary.fd();
  temporary.fd() = -1;
  if (::close(fd) != 0) fail(path, "cannot close the temporary file", errno);

  if (::rename(temporary.path(), path.c_str()) != 0) fail(path, "cannot replace the file", errno);
  temporary.release();

  // The rename is durable only once the directory entry is on disk.
  const int directory_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_fd < 0) fail(path, "cannot open the directory to flush it", errno);
  const int synced = ::fsync(directory_fd);
  const int sync_error = errno;
  ::close(directory_fd);
  if (synced != 0 && sync_error != EINVAL) fail(path, "cannot flush the directory", sync_error);
}

}  // namespace copydesk
