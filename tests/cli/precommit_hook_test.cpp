// The hook in .pre-commit-hooks.yaml, run by the real `pre-commit try-repo` against this source
// tree, in a throw-away git repository: it must fail on an article with errors, showing the
// findings, and pass on a clean one.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

class PreCommitHook : public CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    // `make test` installs pre-commit; a missing one must fail loudly rather than skip.
    ASSERT_EQ(std::system("command -v pre-commit > /dev/null"), 0)
        << "pre-commit is not installed (Debian package pre-commit; `make test` installs it)";
    file("repo/with-errors.txt",
         "The harbor board met on Monday. its chair said the plan was a error.\n");
    file("repo/clean.md",
         "# Ferry timetable\n\nThe winter timetable starts on Sunday, the operator said.\n");
    file("repo/notes.py", "# Not an article: teh hook must not look at this file.\n");
    ASSERT_EQ(shell("git init -q . && git add -A"), 0);
  }

  // Runs `command` inside the repository with the binary under test first on PATH (the hook's
  // entry is `copydesk`) and pre-commit's cache inside the test directory.
  int shell(const std::string& command) {
    const std::filesystem::path binary_dir = std::filesystem::path(COPYDESK_BINARY).parent_path();
    const std::string full = "cd '" + (dir_ / "repo").string() + "' && PATH='" +
                             binary_dir.string() + "':\"$PATH\" PRE_COMMIT_HOME='" +
                             (dir_ / "pre-commit-home").string() + "' " + command +
                             " > ../.hook-out 2>&1";
    const int status = std::system(full.c_str());
    output_ = read_file(dir_ / ".hook-out");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int try_repo(const std::string& files, const std::string& hook = "copydesk") {
    return shell("pre-commit try-repo '" COPYDESK_SOURCE_DIR "' " + hook + " --files " + files);
  }

  std::string output_;
};

TEST_F(PreCommitHook, FailsOnAnArticleWithErrorsAndShowsTheFindings) {
  EXPECT_EQ(try_repo("with-errors.txt clean.md"), 1) << output_;
  EXPECT_NE(output_.find("copydesk"), std::string::npos) << output_;
  EXPECT_NE(output_.find("Failed"), std::string::npos) << output_;
  EXPECT_NE(output_.find("with-errors.txt:1:33: error: Start the sentence with a capital: `Its`. "
                         "[lowercase-sentence-start]"),
            std::string::npos)
      << output_;
  EXPECT_NE(output_.find("with-errors.txt:1:61: error: Use `an` before `error`. "
                         "[wrong-indefinite-article]"),
            std::string::npos)
      << output_;
  EXPECT_NE(output_.find("2 problems (2 errors, 0 warnings, 0 infos) in 2 files"),
            std::string::npos)
      << output_;
}

TEST_F(PreCommitHook, PassesOnACleanArticle) {
  EXPECT_EQ(try_repo("clean.md"), 0) << output_;
  EXPECT_NE(output_.find("Passed"), std::string::npos) << output_;
}

TEST_F(PreCommitHook, LooksOnlyAtArticles) {
  // The hook's `files` pattern leaves other files alone: nothing to check is a skip, not a failure.
  EXPECT_EQ(try_repo("notes.py"), 0) << output_;
  EXPECT_NE(output_.find("(no files to check)Skipped"), std::string::npos) << output_;
}

TEST_F(PreCommitHook, FixHookFixesTheArticleAndFailsSoThatItIsStagedAgain) {
  EXPECT_EQ(try_repo("with-errors.txt clean.md", "copydesk-fix"), 1) << output_;
  EXPECT_NE(output_.find("files were modified by this hook"), std::string::npos) << output_;
  EXPECT_EQ(read_file(dir_ / "repo/with-errors.txt"),
            "The harbor board met on Monday. Its chair said the plan was an error.\n");
  EXPECT_EQ(read_file(dir_ / "repo/clean.md"),
            "# Ferry timetable\n\nThe winter timetable starts on Sunday, the operator said.\n");
  // Staged again, the fixed article passes.
  ASSERT_EQ(shell("git add -A"), 0) << output_;
  EXPECT_EQ(try_repo("with-errors.txt clean.md", "copydesk-fix"), 0) << output_;
  EXPECT_NE(output_.find("Passed"), std::string::npos) << output_;
}

TEST_F(PreCommitHook, FixHookFailsOnFindingsItCannotFix) {
  file("repo/typo.txt", "He wrote teh report.\n");
  ASSERT_EQ(shell("git add -A"), 0) << output_;
  EXPECT_EQ(try_repo("typo.txt", "copydesk-fix"), 1) << output_;
  EXPECT_NE(output_.find("[misspelled-word]"), std::string::npos) << output_;
  EXPECT_EQ(output_.find("files were modified by this hook"), std::string::npos) << output_;
  EXPECT_EQ(read_file(dir_ / "repo/typo.txt"), "He wrote teh report.\n");
}

TEST_F(PreCommitHook, LintsArticlesWhateverTheCaseOfTheirExtension) {
  file("repo/news/LOUD.MD", "# Storm\n\nThe storm hit a exposed coast.\n");
  ASSERT_EQ(shell("git add -A"), 0) << output_;
  EXPECT_EQ(try_repo("news/LOUD.MD"), 1) << output_;
  EXPECT_NE(output_.find("news/LOUD.MD:3:15: error: Use `an` before `exposed`."), std::string::npos)
      << output_;
}

// A desk's own .pre-commit-config.yaml with `args`, run by `pre-commit run`: pre-commit replaces
// the hook's args with the user's, which must not drop the flags the hook depends on. The hook
// repository is a commit of this tree's .pre-commit-hooks.yaml, since `run` clones a revision.
class PreCommitUserArgs : public PreCommitHook {
 protected:
  void SetUp() override {
    PreCommitHook::SetUp();
    file("hooks/.pre-commit-hooks.yaml",
         read_file(std::filesystem::path(COPYDESK_SOURCE_DIR) / ".pre-commit-hooks.yaml"));
    const std::string hooks = (dir_ / "hooks").string();
    ASSERT_EQ(shell("cd '" + hooks + "' && git init -q . && git add -A && git -c user.name=t " +
                    "-c user.email=t@example.com commit -q -m hooks && git rev-parse HEAD"),
              0)
        << output_;
    const std::string rev = output_.substr(0, 40);
    file("repo/.pre-commit-config.yaml", "repos:\n  - repo: " + hooks + "\n    rev: " + rev +
                                             "\n    hooks:\n      - id: copydesk\n"
                                             "        args: [--lang, en_GB, --fail-on, warning]\n");
    file("repo/copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
    file("repo/drafts/half-done.txt", "teh draft is not ready. it has a error.\n");
    file("repo/colour.txt", "The council chose a new colour for the ferries.\n");
    ASSERT_EQ(shell("git add -A"), 0) << output_;
  }
};

TEST_F(PreCommitUserArgs, KeepTheConfiguredExcludes) {
  EXPECT_EQ(shell("pre-commit run copydesk --files drafts/half-done.txt clean.md"), 0) << output_;
  EXPECT_NE(output_.find("Passed"), std::string::npos) << output_;
  EXPECT_EQ(output_.find("half-done.txt:"), std::string::npos) << output_;
}

TEST_F(PreCommitUserArgs, ApplyTheUsersOptions) {
  // en_GB from the user's args: "colour" passes, the American "color" is named as such.
  EXPECT_EQ(shell("pre-commit run copydesk --files colour.txt"), 0) << output_;
  file("repo/color.txt", "The council chose a new color for the ferries.\n");
  ASSERT_EQ(shell("git add -A"), 0) << output_;
  EXPECT_EQ(shell("pre-commit run copydesk --files color.txt"), 1) << output_;
  EXPECT_NE(output_.find("color.txt:1:25:"), std::string::npos) << output_;
  EXPECT_NE(output_.find("American spelling"), std::string::npos) << output_;
}

}  // namespace
}  // namespace copydesk::testing
