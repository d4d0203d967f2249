// walk_inputs: a directory's files come out as they are found and in the order a sorted list
// of their paths would have, which the parallel linting relies on to report in that order.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/input.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFaulty = "The council met on Monday and approved the the budget.\n";

class DirectoryWalk : public CliFixture {
 protected:
  std::vector<std::string> walked(const std::vector<std::string>& paths) {
    std::vector<std::string> found;
    walk_inputs(paths, {}, "", [&](Input&& input) { found.push_back(input.display_path); });
    return found;
  }
};

TEST_F(DirectoryWalk, FilesComeInTheByteOrderOfTheirPaths) {
  // Names that sort differently by component than by whole path: '-' and '.' come before '/',
  // '0' after it; capitals before small letters; bytes of UTF-8 after ASCII.
  for (const char* name : {"a.txt", "a/b.txt", "a/c/d.md", "a-b.txt", "a0.txt", "a.b/c.txt",
                           "A.txt", "Z/y.txt", "\xC3\xBC.txt", "b/a.markdown", "b.txt", "ab/x.txt",
                           "a/.hidden.txt", ".hidden/x.txt", "a/skipped.mdx"}) {
    file(std::string("tree/") + name, "Text.\n");
  }
  const std::vector<std::string> found = walked({(dir_ / "tree").string()});
  std::vector<std::string> sorted = found;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(found, sorted);
  std::vector<std::string> relative;
  for (const auto& path : found) relative.push_back(path.substr((dir_ / "tree/").string().size()));
  EXPECT_EQ(relative, (std::vector<std::string>{"A.txt", "Z/y.txt", "a-b.txt", "a.b/c.txt", "a.txt",
                                                "a/b.txt", "a/c/d.md", "a0.txt", "ab/x.txt",
                                                "b.txt", "b/a.markdown", "\xC3\xBC.txt"}));
}

TEST_F(DirectoryWalk, PathsKeepTheOrderTheyAreGivenIn) {
  file("z/a.txt", "Text.\n");
  file("a/a.txt", "Text.\n");
  file("m.txt", "Text.\n");
  const std::string base = dir_.string() + "/";
  EXPECT_EQ(
      walked({base + "z", base + "m.txt", "-", base + "a"}),
      (std::vector<std::string>{base + "z/a.txt", base + "m.txt", "<stdin>", base + "a/a.txt"}));
}

TEST_F(DirectoryWalk, ABrokenConfigurationMetLateInTheWalkStopsTheRunWithNothingReported) {
  // Dozens of files are linted before the walk reaches the broken file: none is reported.
  for (int i = 0; i < 60; ++i) file("tree/a/f" + std::to_string(100 + i) + ".txt", kFaulty);
  file("tree/z/copydesk.toml", "[rules.repeated-word]\nseverity = \"loud\"\n");
  file("tree/z/late.txt", kFaulty);
  for (const char* format : {"text", "json", "sarif"}) {
    const Outcome run = this->run(std::string("--jobs 2 --format ") + format + " tree");
    EXPECT_EQ(run.exit_code, 2) << format;
    EXPECT_EQ(run.out, "") << format;
    EXPECT_EQ(run.err,
              "copydesk: tree/z/copydesk.toml:2:12: 'severity' must be \"error\", \"warning\" or "
              "\"info\", not 'loud'\n")
        << format;
  }
}

}  // namespace
}  // namespace copydesk::testing
