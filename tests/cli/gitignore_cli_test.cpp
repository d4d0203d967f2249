// Walking a git work tree skips what git ignores (build output, generated text), unless
// --no-gitignore; a file named on the command line is linted all the same.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

class GitIgnore : public CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    ASSERT_EQ(std::system("command -v git > /dev/null"), 0) << "git is not installed";
    file("site/.gitignore", "build/\n*.generated.md\n!keep.generated.md\n");
    file("site/build/out.txt", "teh build output\n");
    file("site/news/story.generated.md", "teh generated page\n");
    file("site/news/keep.generated.md", "He wrote teh report.\n");
    file("site/news/clean.txt", "The report is ready.\n");
  }

  int git_init() { return std::system(("git init -q '" + (dir_ / "site").string() + "'").c_str()); }
};

TEST_F(GitIgnore, AWalkOfAWorkTreeSkipsIgnoredFiles) {
  ASSERT_EQ(git_init(), 0);
  const Outcome run = this->run("--format jsonl site");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // Only the file a negated pattern keeps has a finding.
  EXPECT_NE(run.out.find("\"path\":\"site/news/keep.generated.md\""), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("out.txt"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("story.generated.md"), std::string::npos) << run.out;
}

TEST_F(GitIgnore, NoGitignoreLintsThemAll) {
  ASSERT_EQ(git_init(), 0);
  const Outcome run = this->run("--no-gitignore --format jsonl site");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("\"path\":\"site/build/out.txt\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"path\":\"site/news/story.generated.md\""), std::string::npos)
      << run.out;
}

TEST_F(GitIgnore, ANamedFileIsLintedAndNoWorkTreeIgnoresNothing) {
  ASSERT_EQ(git_init(), 0);
  const Outcome named = run("--format jsonl site/build/out.txt");
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_NE(named.out.find("\"path\":\"site/build/out.txt\""), std::string::npos) << named.out;
  std::filesystem::remove_all(dir_ / "site/.git");
  const Outcome outside = run("--format jsonl site");
  EXPECT_NE(outside.out.find("\"path\":\"site/build/out.txt\""), std::string::npos) << outside.out;
}

}  // namespace
}  // namespace copydesk::testing
