// End-to-end tests of the copydesk binary: arguments, exit codes, inputs and outputs.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

class Cli : public CliFixture {};

constexpr std::string_view kClean = "The council met on Monday and approved the budget.\n";
constexpr std::string_view kFaulty = "The council met on Monday and approved the the budget.\n";

TEST_F(Cli, ExitsZeroOnACleanFile) {
  file("clean.txt", kClean);
  const Outcome run = this->run("clean.txt");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(Cli, ExitsOneOnFindingsAndPrintsThemCompilerStyle) {
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("check faulty.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("faulty.txt:1:44: error: `the` is repeated. [repeated-word]"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("                                             ^~~"), std::string::npos)
      << run.out;
}

TEST_F(Cli, FailOnControlsTheExitCode) {
  file("faulty.txt", kFaulty);
  EXPECT_EQ(run("--fail-on never faulty.txt").exit_code, 0);
  EXPECT_EQ(run("--fail-on error faulty.txt").exit_code, 1);
  EXPECT_EQ(run("--fail-on warning faulty.txt").exit_code, 1);
  EXPECT_EQ(run("--fail-on sometimes faulty.txt").exit_code, 2);
}

TEST_F(Cli, ExitsTwoOnUsageErrors) {
  file("clean.txt", kClean);
  EXPECT_EQ(run("--no-such-flag clean.txt").exit_code, 2);
  EXPECT_EQ(run("--format xml clean.txt").exit_code, 2);
  EXPECT_EQ(run("").exit_code, 2);
  const Outcome unknown_rule = run("--disable repeated-wrod clean.txt");
  EXPECT_EQ(unknown_rule.exit_code, 2);
  EXPECT_NE(unknown_rule.err.find("did you mean 'repeated-word'?"), std::string::npos)
      << unknown_rule.err;
  const Outcome language = run("--lang xx_YY clean.txt");
  EXPECT_EQ(language.exit_code, 2);
  EXPECT_NE(language.err.find("en_US"), std::string::npos) << language.err;
}

TEST_F(Cli, MissingFileIsAnErrorButOtherFilesAreStillLinted) {
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("missing.txt faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("missing.txt: no such file or directory"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("faulty.txt:1:44"), std::string::npos) << run.out;
}

TEST_F(Cli, InvalidUtf8IsReportedWithItsByteOffset) {
  file("bad.txt", std::string("Good start \xC0\x80 then bad.\n"));
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("bad.txt faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad.txt: invalid UTF-8 at byte 11"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("faulty.txt:1:44"), std::string::npos);
}

TEST_F(Cli, BinaryFilesAreSkippedInDirectoriesAndRejectedByName) {
  file("docs/blob.txt", std::string("abc\0def", 7));
  file("docs/faulty.txt", kFaulty);
  const Outcome walked = run("docs");
  EXPECT_EQ(walked.exit_code, 1);
  EXPECT_NE(walked.err.find("note: docs/blob.txt: binary file"), std::string::npos) << walked.err;
  const Outcome named = run("docs/blob.txt");
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("binary file"), std::string::npos);
}

TEST_F(Cli, DirectoriesAreWalkedInSortedOrderSkippingHiddenAndOtherFiles) {
  file("site/b.md", kFaulty);
  file("site/a/z.txt", kFaulty);
  file("site/c.markdown", kFaulty);
  file("site/.git/hidden.txt", kFaulty);
  file("site/.hidden.txt", kFaulty);
  file("site/image.png", kFaulty);
  file("site/README.MD", kFaulty);  // extensions match in any case
  file("site/a/NOTES.Txt", kFaulty);
  const std::vector<std::string> expected{"site/README.MD", "site/a/NOTES.Txt", "site/a/z.txt",
                                          "site/b.md", "site/c.markdown"};
  const auto walked_paths = [&] {
    const Outcome run = this->run("--format jsonl site");
    EXPECT_EQ(run.exit_code, 1);
    std::istringstream lines(run.out);
    std::string line;
    std::vector<std::string> paths;
    while (std::getline(lines, line)) paths.push_back(nlohmann::json::parse(line)["path"]);
    return paths;
  };
  EXPECT_EQ(walked_paths(), expected);
  // The same defaults when a configuration file governs the tree but names no `include`.
  file("site/copydesk.toml", "language = \"en_US\"\n");
  EXPECT_EQ(walked_paths(), expected);
}

TEST_F(Cli, ReadsStandardInput) {
  const Outcome run = this->run("--format json -", std::string(kFaulty));
  EXPECT_EQ(run.exit_code, 1);
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["files"][0]["path"], "<stdin>");
  EXPECT_EQ(report["files"][0]["diagnostics"][0]["rule"], "repeated-word");
  EXPECT_EQ(report["files"][0]["diagnostics"][0]["start"]["offset"], 43);
}

TEST_F(Cli, ParallelOutputIsInInputOrder) {
  for (int i = 0; i < 40; ++i) {
    std::string name = "many/f";  // appended in steps: g++ 12 warns wrongly on "f" + string
    name += std::to_string(100 + i);
    name += ".txt";
    file(name, i % 3 == 0 ? kFaulty : kClean);
  }
  const Outcome one = run("--jobs 1 --format jsonl many");
  const Outcome two = run("--jobs 2 --format jsonl many");
  const Outcome three = run("--jobs 3 --format jsonl many");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, three.out);
}

TEST_F(Cli, DisableTurnsARuleOff) {
  file("faulty.txt", kFaulty);
  EXPECT_EQ(run("--disable repeated-word faulty.txt").exit_code, 0);
}

TEST_F(Cli, WordsFileIsAccepted) {
  file("words.txt", "# house names\nZorblatt\n");
  file("faulty.txt", kFaulty);
  EXPECT_EQ(run("--words words.txt --disable repeated-word faulty.txt").exit_code, 0);
  const Outcome missing = run("--words nowhere.txt faulty.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nowhere.txt"), std::string::npos);
}

TEST_F(Cli, ListsAndExplainsRules) {
  const Outcome list = run("--list-rules");
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("repeated-word  (error, grammar, fixable, languages: en)"),
            std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("misspelled-word  (error, spelling, fixable)"), std::string::npos)
      << list.out;
  const Outcome explain = run("--explain repeated-word");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_EQ(explain.out.rfind("# repeated-word", 0), 0u);
  EXPECT_EQ(run("--explain nothing-like-it").exit_code, 2);
}

TEST_F(Cli, PrintsVersionAndHelp) {
  const Outcome version = run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("copydesk ", 0), 0u);
  const Outcome help = run("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--format"), std::string::npos);
}

TEST_F(Cli, NeverWritesToTheLintedFile) {
  const fs::path path = file("faulty.txt", kFaulty);
  const auto before = fs::last_write_time(path);
  run("faulty.txt");
  EXPECT_EQ(read_file(path), kFaulty);
  EXPECT_EQ(fs::last_write_time(path), before);
}

TEST_F(Cli, EmptyFilesAndLoneByteOrderMarksAreClean) {
  file("empty.txt", "");
  file("bom.txt", "\xEF\xBB\xBF");
  EXPECT_EQ(run("empty.txt bom.txt").exit_code, 0);
}

}  // namespace
}  // namespace copydesk::testing

namespace copydesk::testing {
namespace {

class CliOutput : public CliFixture {};

TEST_F(CliOutput, FileNamesThatAreNotUtf8StillGiveValidJson) {
  file(std::string("names/a\xFF.txt"), "The the cat sat.\n");
  for (const char* format : {"json", "sarif"}) {
    const Outcome outcome = run(std::string("--format ") + format + " names");
    EXPECT_EQ(outcome.exit_code, 1) << format << ": " << outcome.err;
    const auto report = nlohmann::json::parse(outcome.out);
    EXPECT_FALSE(report.empty());
  }
}

TEST_F(CliOutput, AReportThatCannotBeWrittenIsAnError) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  file("clean.txt", "The council met on Monday.\n");
  const std::string command = "cd '" + dir_.string() + "' && '" COPYDESK_BINARY
                              "' --format json clean.txt > /dev/full 2> .stderr";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(read_file(dir_ / ".stderr").find("cannot write to standard output"), std::string::npos);
}

}  // namespace
}  // namespace copydesk::testing
