// A terminating signal while copydesk writes a file (a baseline, copydesk.toml) removes the
// temporary file it was writing; the original stays as it was (issue #22).

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "copydesk/safe_write.hpp"
#include "golden.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

fs::path temporary_in_test_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("copydesk-signal-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Runs `body` in a child process and gives its wait status.
template <typename Body>
int in_child(Body body) {
  const pid_t child = ::fork();
  if (child == 0) {
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

TEST(RemovedOnSignal, ATerminatingSignalRemovesTheFileAndEndsTheProgram) {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    const fs::path path = temporary_in_test_dir(".baseline.json.copydesk-1");
    write_file(path, "half written");
    const int status = in_child([&] {
      const RemovedOnSignal guard(path);
      ::raise(signal);
    });
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << signal << ": " << status;
    EXPECT_FALSE(fs::exists(path)) << signal;
    fs::remove_all(path.parent_path());
  }
}

TEST(RemovedOnSignal, OnceGoneTheSignalActsAsBefore) {
  const fs::path path = temporary_in_test_dir(".baseline.json.copydesk-2");
  write_file(path, "written");
  const int status = in_child([&] {
    { const RemovedOnSignal guard(path); }
    ::raise(SIGTERM);
  });
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  EXPECT_TRUE(fs::exists(path));
  // An ignored signal stays ignored afterwards.
  const int ignored = in_child([&] {
    ::signal(SIGHUP, SIG_IGN);
    { const RemovedOnSignal guard(path); }
    ::raise(SIGHUP);
  });
  EXPECT_TRUE(WIFEXITED(ignored) && WEXITSTATUS(ignored) == 0);
  EXPECT_TRUE(fs::exists(path));
  fs::remove_all(path.parent_path());
}

}  // namespace
}  // namespace copydesk::testing
