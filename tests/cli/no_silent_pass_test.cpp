// A CI gate must not pass because copydesk read nothing: paths with nothing to lint, input
// errors in a stream of findings, word lists mistaken for articles, findings a baseline hid.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

using NoSilentPass = CliFixture;

TEST_F(NoSilentPass, PathsWithNothingToLintAreAnError) {
  file("site/index.mdx", "teh page\n");
  file("site/about/index.rst", "teh page\n");
  const Outcome empty = run("site");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.out, "");
  EXPECT_EQ(empty.err,
            "copydesk: error: nothing to lint in 'site': no *.txt, *.md, *.markdown, *.html or "
            "*.htm files there "
            "(--allow-no-files exits 0 in this case)\n");
  const Outcome allowed = run("--allow-no-files site");
  EXPECT_EQ(allowed.exit_code, 0);
  EXPECT_EQ(allowed.err, "");
}

TEST_F(NoSilentPass, OneLintableFileIsEnough) {
  file("site/index.mdx", "teh page\n");
  file("site/notes.txt", "The page is ready.\n");
  const Outcome run = this->run("site");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
}

TEST_F(NoSilentPass, AFolderWhoseFilesAreAllExcludedSaysSo) {
  file("copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
  file("drafts/a.txt", "teh draft\n");
  const Outcome run = this->run("drafts");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nothing to lint in 'drafts'"), std::string::npos) << run.err;
}

TEST_F(NoSilentPass, AnExcludedFileNamedByPreCommitIsNoError) {
  // pre-commit names the staged files; a commit of one excluded draft must not be blocked.
  file("copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
  file("drafts/a.txt", "teh draft\n");
  const Outcome run = this->run("--force-exclude drafts/a.txt");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
}

TEST_F(NoSilentPass, JsonLinesCarriesInputErrorsAsRecords) {
  file("faulty.txt", "He wrote teh report.\n");
  const Outcome run = this->run("--format jsonl gone.txt faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  const auto newline = run.out.find('\n');
  ASSERT_NE(newline, std::string::npos) << run.out;
  const auto error = nlohmann::json::parse(run.out.substr(0, newline));
  EXPECT_EQ(error["path"], "gone.txt");
  EXPECT_EQ(error["error"], "no such file or directory");
  EXPECT_EQ(error["skipped"], false);
  const auto finding = nlohmann::json::parse(run.out.substr(newline + 1));
  EXPECT_EQ(finding["path"], "faulty.txt");
  EXPECT_EQ(finding["text"], "teh");
  EXPECT_FALSE(finding.contains("error"));
}

TEST_F(NoSilentPass, JsonCarriesInputErrors) {
  const Outcome run = this->run("--format json gone.txt");
  EXPECT_EQ(run.exit_code, 2);
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["files"].size(), 1u) << run.out;
  EXPECT_EQ(report["files"][0]["path"], "gone.txt");
  EXPECT_EQ(report["files"][0]["error"], "no such file or directory");
  EXPECT_EQ(report["summary"]["files_with_errors"], 1);
}

class WordLists : public CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    file("copydesk.toml",
         "[words]\naccept-files = [\"house/names.txt\"]\nreject-files = [\"house/banned.md\"]\n");
    // As articles these would be full of findings: lowercase starts, no sentences.
    file("house/names.txt", "# our reporters\nzaphod\nbeeblebroxx\n");
    file("house/banned.md", "alot\nirregardless\n");
    file("house/style.txt", "The desk writes beeblebroxx in lowercase, teh editor says.\n");
  }
};

TEST_F(WordLists, AreNotLintedWhenTheirFolderIsWalked) {
  const Outcome run = this->run("--format jsonl house");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // Only the article, where "beeblebroxx" is accepted; nothing from the lists.
  EXPECT_EQ(run.out.find("names.txt"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("banned.md"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"path\":\"house/style.txt\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"text\":\"teh\""), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\"text\":\"beeblebroxx\""), std::string::npos) << run.out;
}

TEST_F(WordLists, AreNotLintedWhenNamed) {
  const Outcome run = this->run("house/names.txt house/banned.md");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST_F(WordLists, AFileOfTheSameNameElsewhereIsAnArticle) {
  file("other/names.txt", "zaphod wrote this.\n");
  const Outcome run = this->run("--format jsonl other/names.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("\"rule\":\"lowercase-sentence-start\""), std::string::npos) << run.out;
}

TEST_F(NoSilentPass, BaselineSummarySaysHowManyFindingsItHid) {
  file("a.txt", "He said teh word.\nShe said recieve.\n");
  ASSERT_EQ(run("baseline write b.json a.txt").exit_code, 0);
  file("a.txt", "He said teh word.\nShe said recieve.\nThey wrote wierd.\n");
  const Outcome text = run("--baseline b.json a.txt");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("1 problem (1 error, 0 warnings, 0 infos) in 1 file; 2 hidden by the "
                          "baseline\n"),
            std::string::npos)
      << text.out;
  const Outcome json = run("--baseline b.json --format json a.txt");
  EXPECT_EQ(nlohmann::json::parse(json.out)["summary"]["baseline_hidden"], 2) << json.out;
  const Outcome without = run("--format json a.txt");
  EXPECT_FALSE(nlohmann::json::parse(without.out)["summary"].contains("baseline_hidden"));
}

}  // namespace
}  // namespace copydesk::testing
