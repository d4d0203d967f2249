#pragma once

// A temporary directory per test and a way to run the copydesk binary in it: shared by the
// end-to-end tests of the command line.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "golden.hpp"

namespace copydesk::testing {

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("copydesk-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_suite()->name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    remove_dir();
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { remove_dir(); }

  std::filesystem::path file(const std::string& name, std::string_view content) {
    const std::filesystem::path path = dir_ / name;
    write_file(path, content);
    return path;
  }

  // Runs the binary in the temporary directory with `arguments` (shell syntax) and `input` on
  // its standard input.
  Outcome run(const std::string& arguments, const std::string& input = "") {
    write_file(dir_ / ".stdin", input);
    return run_in(dir_, arguments + " < '" + (dir_ / ".stdin").string() + "'");
  }

  // Runs the binary in `folder` with `arguments` (shell syntax, redirections of standard input
  // included); its output is collected in the temporary directory.
  Outcome run_in(const std::filesystem::path& folder, const std::string& arguments) {
    const std::string command =
        "cd '" + folder.string() + "' && NO_COLOR=1 '" COPYDESK_BINARY "' " + arguments + " > '" +
        (dir_ / ".stdout").string() + "' 2> '" + (dir_ / ".stderr").string() + "'";
    const int status = std::system(command.c_str());
    Outcome result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(dir_ / ".stdout");
    result.err = read_file(dir_ / ".stderr");
    return result;
  }

  std::filesystem::path dir_;

 private:
  void remove_dir() {
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::exists(dir_, error)) return;
    // Give back the permissions tests took away, so that the directory can be removed.
    for (auto it = fs::recursive_directory_iterator(
             dir_, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_directory(error) && !it->is_symlink(error)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
      }
    }
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, error);
    fs::remove_all(dir_, error);
  }
};

}  // namespace copydesk::testing
