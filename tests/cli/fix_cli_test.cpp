// `--fix`, `--diff` and `--unsafe-fixes` end to end: what is written, what is printed, what is
// left alone, and the exit codes.

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kArticle =
    "the council met on Monday.It approved a unusual budget.\n"
    "They want too leave before the storm.\n";
constexpr const char* kFixed =
    "The council met on Monday. It approved an unusual budget.\n"
    "They want too leave before the storm.\n";

class FixCli : public CliFixture {};

TEST_F(FixCli, FixesTheFileAndReportsWhatRemains) {
  file("a.txt", kArticle);
  const Outcome outcome = run("--fix --fail-on warning a.txt");
  EXPECT_EQ(read_file(dir_ / "a.txt"), kFixed);
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;  // the confused word remains
  EXPECT_NE(outcome.out.find("a.txt:2:11: warning: `too` should probably be `to` here."),
            std::string::npos)
      << outcome.out;
  EXPECT_NE(outcome.err.find("copydesk: applied 3 fixes in 1 file; 1 finding remains\n"),
            std::string::npos)
      << outcome.err;
}

TEST_F(FixCli, FixingTwiceChangesNothingTheSecondTime) {
  file("a.txt", kArticle);
  run("--fix a.txt");
  const Outcome second = run("--fix a.txt");
  EXPECT_EQ(read_file(dir_ / "a.txt"), kFixed);
  EXPECT_NE(second.err.find("applied 0 fixes in 0 files; 1 finding remains"), std::string::npos)
      << second.err;
}

TEST_F(FixCli, UnsafeFixesAlsoApplyTheConfusedWord) {
  file("a.txt", kArticle);
  const Outcome outcome = run("--fix --unsafe-fixes a.txt");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(read_file(dir_ / "a.txt"),
            "The council met on Monday. It approved an unusual budget.\n"
            "They want to leave before the storm.\n");
}

TEST_F(FixCli, DiffPrintsTheChangesWritesNothingAndPatchGivesTheFixedFile) {
  file("a.txt", kArticle);
  file("clean.txt", "Nothing to fix here.\n");
  const Outcome outcome = run("--diff a.txt clean.txt");
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out,
            "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n"
            "-the council met on Monday.It approved a unusual budget.\n"
            "+The council met on Monday. It approved an unusual budget.\n"
            " They want too leave before the storm.\n");
  EXPECT_EQ(read_file(dir_ / "a.txt"), kArticle);
  EXPECT_NE(outcome.err.find("would apply 3 fixes in 1 file"), std::string::npos) << outcome.err;
  file("a.diff", outcome.out);
  ASSERT_EQ(std::system(("cd '" + dir_.string() + "' && patch -s -p0 < a.diff").c_str()), 0);
  EXPECT_EQ(read_file(dir_ / "a.txt"), kFixed);
  EXPECT_EQ(run("--diff clean.txt").exit_code, 0);
}

TEST_F(FixCli, DiffAndPatchEqualFixOnTheSampleArticles) {
  int compared = 0;
  for (const auto* directory : {"examples", "tests/corpus/documents"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(COPYDESK_SOURCE_DIR) / directory)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".txt" && extension != ".md") continue;
      const std::string name = entry.path().filename().string();
      SCOPED_TRACE(name);
      const std::string original = read_file(entry.path());
      file("patched/" + name, original);
      file("fixed/" + name, original);
      const Outcome diff = run("--diff --unsafe-fixes patched/" + name);
      file("d.diff", diff.out);
      if (!diff.out.empty()) {
        ASSERT_EQ(std::system(("cd '" + dir_.string() + "' && patch -s -p0 < d.diff").c_str()), 0);
        ++compared;
      }
      run("--fix --unsafe-fixes fixed/" + name);
      EXPECT_EQ(read_file(dir_ / "patched" / name), read_file(dir_ / "fixed" / name));
    }
  }
  EXPECT_GT(compared, 0) << "no diff was exercised";
}

TEST_F(FixCli, FixOnStandardInputPrintsTheFixedText) {
  const Outcome outcome = run("--fix --stdin-filename note.md -", "# Notes\n\nIt was a error.\n");
  EXPECT_EQ(outcome.out, "# Notes\n\nIt was an error.\n");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  const Outcome clean = run("--fix -", "Nothing to fix.");
  EXPECT_EQ(clean.out, "Nothing to fix.");
}

TEST_F(FixCli, AReadOnlyFileIsReportedAndOtherFilesAreStillFixed) {
  file("locked.txt", "It was a error.\n");
  file("open.txt", "It was a error.\n");
  ::chmod((dir_ / "locked.txt").c_str(), 0444);
  const Outcome outcome = run("--fix locked.txt open.txt");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("copydesk: error: locked.txt: the file is read-only; not written"),
            std::string::npos)
      << outcome.err;
  EXPECT_EQ(read_file(dir_ / "locked.txt"), "It was a error.\n");
  EXPECT_EQ(read_file(dir_ / "open.txt"), "It was an error.\n");
  EXPECT_EQ(fs::status(dir_ / "locked.txt").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
}

TEST_F(FixCli, BadInputIsNamedAndOtherFilesAreStillFixed) {
  file("bad.txt", "It was a error.\xC3(\n");
  file("good.txt", "It was a error.\n");
  const Outcome outcome = run("--fix bad.txt missing.txt good.txt");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("copydesk: error: bad.txt: invalid UTF-8 at byte 15"),
            std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find("copydesk: error: missing.txt: no such file or directory"),
            std::string::npos)
      << outcome.err;
  EXPECT_EQ(read_file(dir_ / "bad.txt"), "It was a error.\xC3(\n");
  EXPECT_EQ(read_file(dir_ / "good.txt"), "It was an error.\n");
}

TEST_F(FixCli, KeepsTheLinkTheModeAndTheLineEndings) {
  file("real.txt", "\xEF\xBB\xBFthe vote.\r\nIt was a error.\r\nno final newline.");
  ::chmod((dir_ / "real.txt").c_str(), 0640);
  fs::create_symlink("real.txt", dir_ / "link.txt");
  EXPECT_EQ(run("--fix link.txt").exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
  EXPECT_EQ(read_file(dir_ / "real.txt"),
            "\xEF\xBB\xBFThe vote.\r\nIt was an error.\r\nNo final newline.");
  EXPECT_EQ(fs::status(dir_ / "real.txt").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(FixCli, BaselinedFindingsAreNotFixed) {
  file("a.txt", "They met the the board.\n");
  ASSERT_EQ(run("baseline write base.json a.txt").exit_code, 0);
  file("a.txt", "It was a error.\nThey met the the board.\n");
  EXPECT_EQ(run("--fix --baseline base.json a.txt").exit_code, 0);
  EXPECT_EQ(read_file(dir_ / "a.txt"), "It was an error.\nThey met the the board.\n");
}

TEST_F(FixCli, RejectsMeaninglessCombinations) {
  file("a.txt", kArticle);
  EXPECT_EQ(run("--fix --diff a.txt").exit_code, 2);
  const Outcome unsafe_alone = run("--unsafe-fixes a.txt");
  EXPECT_EQ(unsafe_alone.exit_code, 2);
  EXPECT_NE(unsafe_alone.err.find("--unsafe-fixes needs --fix or --diff"), std::string::npos);
  EXPECT_EQ(run("baseline write b.json --fix a.txt").exit_code, 2);
  EXPECT_EQ(read_file(dir_ / "a.txt"), kArticle);
}

}  // namespace
}  // namespace copydesk::testing
