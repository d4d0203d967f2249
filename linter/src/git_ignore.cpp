#include "copydesk/git_ignore.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>

#include "paths.hpp"

extern char** environ;

namespace copydesk {
namespace fs = std::filesystem;
namespace {

// Starts `git -C directory ls-files ...` writing to `pipe_ends[1]`; 0 when it could not start.
pid_t spawn_git(const std::string& directory, const int pipe_ends[2]) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const std::array<const char*, 10> argv = {
      "git",      "-C",        directory.c_str(),    "ls-files",    "-z",
      "--others", "--ignored", "--exclude-standard", "--directory", nullptr};
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, "git", &actions, nullptr,
                                   const_cast<char* const*>(argv.data()), environ);
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? child : 0;
}

// Standard output of that git command (NUL-separated paths relative to `directory`); empty
// when git is missing, fails, or `directory` is in no work tree.
std::string ignored_below(const fs::path& directory) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0) return {};
  const pid_t child = spawn_git(directory.string(), pipe_ends);
  ::close(pipe_ends[1]);
  std::string output;
  std::array<char, 4096> buffer;
  for (ssize_t got; child != 0 && (got = ::read(pipe_ends[0], buffer.data(), buffer.size())) > 0;) {
    output.append(buffer.data(), static_cast<std::size_t>(got));
  }
  ::close(pipe_ends[0]);
  int status = 0;
  if (child == 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    return {};
  }
  return output;
}

}  // namespace

GitIgnored::GitIgnored(const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) continue;
    const fs::path base = absolute_normal(path);
    const std::string listed = ignored_below(base);
    for (std::size_t begin = 0, end; begin < listed.size(); begin = end + 1) {
      end = listed.find('\0', begin);
      if (end == std::string::npos) end = listed.size();
      fs::path entry = (base / listed.substr(begin, end - begin)).lexically_normal();
      std::string name = entry.string();
      while (name.size() > 1 && name.back() == '/') name.pop_back();
      ignored_.insert(std::move(name));
    }
  }
}

bool GitIgnored::ignored(const fs::path& file) const {
  if (ignored_.empty()) return false;
  for (fs::path at = absolute_normal(file); at.has_relative_path(); at = at.parent_path()) {
    if (ignored_.count(at.string()) > 0) return true;
  }
  return false;
}

}  // namespace copydesk
