// End-to-end tests of copydesk.toml through the binary: `copydesk init`, --print-config,
// --config, discovery, include/exclude and broken configurations.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

class ConfigCli : public CliFixture {};

constexpr std::string_view kFaulty = "The council met on Monday and approved the the budget.\n";

TEST_F(ConfigCli, InitWritesACommentedStarterConfigThatLoads) {
  const Outcome init = run("init");
  EXPECT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(init.err, "copydesk: wrote copydesk.toml\n");
  const std::string written = read_file(dir_ / "copydesk.toml");
  EXPECT_TRUE(written.starts_with("# copydesk.toml: ")) << written;
  EXPECT_NE(written.find("\n# reject = [\"alot\", \"judgement\"]\n"), std::string::npos);
  // The starter config governs the files below it and changes nothing by itself.
  file("a.txt", kFaulty);
  const Outcome lint = run("a.txt");
  EXPECT_EQ(lint.exit_code, 1) << lint.err;
  EXPECT_NE(lint.out.find("a.txt:1:44: error: `the` is repeated. [repeated-word]"),
            std::string::npos)
      << lint.out;
  EXPECT_NE(run("--print-config a.txt").out.find("# Configuration file: copydesk.toml\n"),
            std::string::npos);
}

TEST_F(ConfigCli, StandardInputNamedWithStdinFilenameIsConfiguredAsThatFile) {
  file("copydesk.toml", R"([files]
exclude = ["drafts"]
[[overrides]]
files = ["news/**"]
[overrides.rules.repeated-word]
severity = "info"
)");
  const Outcome news = run("--stdin-filename news/budget.md -", std::string(kFaulty));
  EXPECT_EQ(news.exit_code, 0) << news.err;
  EXPECT_NE(news.out.find("news/budget.md:1:44: info: `the` is repeated. [repeated-word]"),
            std::string::npos)
      << news.out;
  const Outcome elsewhere = run("--stdin-filename notes.md -", std::string(kFaulty));
  EXPECT_EQ(elsewhere.exit_code, 1) << elsewhere.err;
  EXPECT_NE(elsewhere.out.find("notes.md:1:44: error: `the` is repeated."), std::string::npos)
      << elsewhere.out;
  const Outcome excluded = run("--force-exclude --stdin-filename drafts/a.md -", std::string(kFaulty));
  EXPECT_EQ(excluded.exit_code, 0) << excluded.err;
  EXPECT_EQ(excluded.out, "");
}

TEST_F(ConfigCli, InitRefusesToOverwriteUnlessForced) {
  file("copydesk.toml", "language = \"en_GB\"\n");
  const Outcome refused = run("init");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err,
            "copydesk: copydesk.toml already exists; use 'copydesk init --force' to overwrite "
            "it\n");
  EXPECT_EQ(read_file(dir_ / "copydesk.toml"), "language = \"en_GB\"\n");
  EXPECT_EQ(run("init --verbose").exit_code, 2);
  EXPECT_EQ(read_file(dir_ / "copydesk.toml"), "language = \"en_GB\"\n");
  const Outcome forced = run("init --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(read_file(dir_ / "copydesk.toml").starts_with("# copydesk.toml: "));
}

TEST_F(ConfigCli, PrintConfigShowsTheEffectiveConfiguration) {
  file("copydesk.toml", R"(language = "en_GB"
[files]
exclude = ["drafts"]
[[overrides]]
files = ["news/**"]
[overrides.rules.repeated-word]
severity = "info"
)");
  const Outcome news = run("--print-config news/a.txt --disable confused-word");
  EXPECT_EQ(news.exit_code, 0) << news.err;
  EXPECT_TRUE(
      news.out.starts_with("# Effective configuration for news/a.txt\n"
                           "# Configuration file: copydesk.toml\n"
                           "# Override applied: copydesk.toml:4 (files = news/**)\n"
                           "language = 'en_GB'\n"))
      << news.out;
  EXPECT_NE(news.out.find("[rules.confused-word]\nenabled = false\n"), std::string::npos)
      << news.out;
  EXPECT_NE(news.out.find("[rules.repeated-word]\nenabled = true\nseverity = 'info'\n"),
            std::string::npos)
      << news.out;
  const Outcome draft = run("--print-config drafts/x.txt --lang en_US");
  EXPECT_NE(draft.out.find("# Overrides applied: none\n# Excluded by [files] exclude"),
            std::string::npos)
      << draft.out;
  EXPECT_NE(draft.out.find("language = 'en_US'\n"), std::string::npos) << draft.out;
}

TEST_F(ConfigCli, ABrokenConfigExitsTwoWithFileLineAndColumnAndLintsNothing) {
  file("copydesk.toml", "language = \"en_GB\"\n\n[rules.repeated-wrod]\nseverity = \"error\"\n");
  file("a.txt", kFaulty);
  const Outcome run = this->run("a.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "copydesk: copydesk.toml:3:8: unknown rule 'repeated-wrod'; did you mean "
            "'repeated-word'? (see copydesk --list-rules)\n");
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(read_file(dir_ / "a.txt"), kFaulty);
  EXPECT_EQ(this->run("--print-config a.txt").exit_code, 2);
  // A file that no configuration governs is not held up by one elsewhere.
  EXPECT_EQ(this->run("--list-rules").exit_code, 0);
}

TEST_F(ConfigCli, BrokenConfigGivenWithConfigFlag) {
  file("desk.toml", "[rules.repeated-word]\nseverity = \"loud\"\n");
  file("a.txt", kFaulty);
  const Outcome run = this->run("--config desk.toml a.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "copydesk: desk.toml:2:12: 'severity' must be \"error\", \"warning\" or \"info\", "
            "not 'loud'\n");
  const Outcome missing = this->run("--config absent.toml a.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "copydesk: absent.toml: no such configuration file\n");
}

TEST_F(ConfigCli, ConfigFlagIsUsedForEveryFile) {
  file("news/copydesk.toml", "[rules.repeated-word]\nseverity = \"info\"\n");
  file("desk.toml", "[rules.repeated-word]\nseverity = \"warning\"\n");
  file("news/a.txt", kFaulty);
  EXPECT_NE(run("news/a.txt").out.find("info: `the` is repeated."), std::string::npos);
  const Outcome flagged = run("--config desk.toml news/a.txt");
  EXPECT_NE(flagged.out.find("news/a.txt:1:44: warning: `the` is repeated."), std::string::npos)
      << flagged.out;
}

TEST_F(ConfigCli, NestedConfigurationsEachGovernTheirFiles) {
  file("copydesk.toml", "[rules.repeated-word]\nseverity = \"warning\"\n");
  file("sport/copydesk.toml", "[rules.repeated-word]\nenabled = false\n");
  file("a.txt", kFaulty);
  file("news/b.txt", kFaulty);
  file("sport/c.txt", kFaulty);
  const Outcome run = this->run("--jobs 2 .");
  EXPECT_EQ(run.exit_code, 0) << run.err;  // only warnings
  EXPECT_NE(run.out.find("./a.txt:1:44: warning: `the` is repeated."), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("./news/b.txt:1:44: warning: `the` is repeated."), std::string::npos);
  EXPECT_EQ(run.out.find("sport/c.txt"), std::string::npos) << run.out;
  EXPECT_LT(run.out.find("./a.txt"), run.out.find("./news/b.txt"));
}

TEST_F(ConfigCli, ExcludedFilesAreSkippedInFoldersAndLintedWhenNamedUnlessForced) {
  file("copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
  file("drafts/a.txt", kFaulty);
  file("b.txt", kFaulty);
  const Outcome walked = run(".");
  EXPECT_EQ(walked.out.find("drafts/a.txt"), std::string::npos) << walked.out;
  EXPECT_NE(walked.out.find("./b.txt:1:44"), std::string::npos) << walked.out;
  const Outcome named = run("drafts/a.txt");
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_NE(named.out.find("drafts/a.txt:1:44"), std::string::npos) << named.out;
  const Outcome forced = run("--force-exclude drafts/a.txt b.txt");
  EXPECT_EQ(forced.out.find("drafts/a.txt"), std::string::npos) << forced.out;
  EXPECT_NE(forced.out.find("b.txt:1:44"), std::string::npos) << forced.out;
}

TEST_F(ConfigCli, IncludeWidensWhatAWalkLints) {
  file("copydesk.toml", "[files]\ninclude = [\"*.text\"]\n");
  file("notes.text", kFaulty);
  file("plain.txt", kFaulty);
  const Outcome run = this->run(".");
  EXPECT_NE(run.out.find("./notes.text:1:44"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("plain.txt"), std::string::npos) << run.out;
}

TEST_F(ConfigCli, CommandLineFlagsWinOverTheConfiguration) {
  file("copydesk.toml", "[rules.repeated-word]\nenabled = false\n");
  file("a.txt", kFaulty);
  EXPECT_EQ(run("a.txt").exit_code, 0);
  const Outcome enabled = run("--enable repeated-word a.txt");
  EXPECT_EQ(enabled.exit_code, 1);
  EXPECT_NE(enabled.out.find("a.txt:1:44: error: `the` is repeated."), std::string::npos);
}

TEST_F(ConfigCli, RejectedWordsAreFlagged) {
  file("copydesk.toml", "language = \"en_GB\"\n[words]\nreject = [\"judgement\"]\n");
  file("a.txt", "The judge reserved judgement until Friday.\n");
  const Outcome run = this->run("a.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("a.txt:1:20: error: `judgement` is a word the house style rejects. "
                         "[misspelled-word]"),
            std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace copydesk::testing
