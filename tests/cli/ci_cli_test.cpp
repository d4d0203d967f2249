// End-to-end tests of the CI side of the binary: output formats, --max-warnings, baselines.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

class CiCli : public CliFixture {};

// Two confused-word warnings, no errors.
constexpr std::string_view kTwoWarnings =
    "The team scored more then ten goals on Monday.\nThey flew too Paris on Tuesday.\n";
constexpr std::string_view kFaulty = "The council met on Monday and approved the the budget.\n";
constexpr std::string_view kClean = "The council met on Monday and approved the budget.\n";

TEST_F(CiCli, MaxWarningsFailsAboveTheLimitWhateverFailOnSays) {
  file("warn.txt", kTwoWarnings);
  EXPECT_EQ(run("warn.txt").exit_code, 0) << "warnings alone pass under --fail-on error";
  EXPECT_EQ(run("--max-warnings 2 warn.txt").exit_code, 0);
  const Outcome over = run("--max-warnings 1 warn.txt");
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_NE(over.err.find("2 warnings, more than --max-warnings 1"), std::string::npos) << over.err;
  EXPECT_EQ(run("--max-warnings 0 --fail-on error warn.txt").exit_code, 1);
  EXPECT_EQ(run("--max-warnings 0 --fail-on never warn.txt").exit_code, 1);
  file("clean.txt", kClean);
  EXPECT_EQ(run("--max-warnings 0 clean.txt").exit_code, 0);
  // Errors still fail under the default --fail-on error, however many warnings are allowed.
  file("faulty.txt", kFaulty);
  EXPECT_EQ(run("--max-warnings 10 faulty.txt").exit_code, 1);
}

TEST_F(CiCli, MaxWarningsRejectsWhatIsNotACount) {
  file("warn.txt", kTwoWarnings);
  for (const char* value : {"-1", "two", "1.5"}) {
    const Outcome bad = run(std::string("--max-warnings ") + value + " warn.txt");
    EXPECT_EQ(bad.exit_code, 2) << value;
    EXPECT_NE(bad.err.find("--max-warnings"), std::string::npos) << bad.err;
  }
}

TEST_F(CiCli, EveryFormatRunsAndTheXmlOnesStartWithAnXmlDeclaration) {
  file("faulty.txt", kFaulty);
  const Outcome sarif = run("--format sarif faulty.txt");
  EXPECT_EQ(sarif.exit_code, 1);
  const auto log = nlohmann::json::parse(sarif.out);
  EXPECT_EQ(log["runs"][0]["results"][0]["ruleId"], "repeated-word");
  EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "faulty.txt");
  EXPECT_GE(log["runs"][0]["tool"]["driver"]["rules"].size(), 6u) << "every registered rule";
  const Outcome github = run("--format github faulty.txt");
  EXPECT_EQ(github.out,
            "::error file=faulty.txt,line=1,col=44,endLine=1,endColumn=47,title=repeated-word::"
            "`the` is repeated.\n");
  for (const char* format : {"junit", "checkstyle"}) {
    const Outcome xml = run(std::string("--format ") + format + " faulty.txt");
    EXPECT_EQ(xml.exit_code, 1);
    EXPECT_EQ(xml.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u) << xml.out;
  }
}

TEST_F(CiCli, BaselineHidesRecordedFindingsUntilTheirContextChanges) {
  file("news/story.txt", "The mayor said teh budget was late.\nThe council met on Monday.\n");
  const Outcome write = run("baseline write baseline.json news");
  ASSERT_EQ(write.exit_code, 0) << write.err;
  EXPECT_NE(write.err.find("recorded 1 findings in 1 files to baseline.json"), std::string::npos)
      << write.err;
  const auto recorded = nlohmann::json::parse(read_file(dir_ / "baseline.json"));
  ASSERT_EQ(recorded["findings"].size(), 1u);
  EXPECT_EQ(recorded["findings"][0]["rule"], "misspelled-word");
  EXPECT_EQ(recorded["findings"][0]["path"], "news/story.txt");
  EXPECT_EQ(recorded["findings"][0]["text"], "teh");
  EXPECT_FALSE(recorded["findings"][0].contains("line"));

  EXPECT_EQ(run("news").exit_code, 1);
  Outcome quiet = run("--baseline baseline.json news");
  EXPECT_EQ(quiet.exit_code, 0) << quiet.out;
  EXPECT_EQ(quiet.out, "0 problems (0 errors, 0 warnings, 0 infos) in 1 file; 1 hidden by the baseline\n");

  // Lines added above the finding do not bring it back; `check` and the path spelled another
  // way make no difference.
  file("news/story.txt",
       "Update: a paragraph added on top.\n\nThe mayor said teh budget was late.\nThe council met on Monday.\n");
  quiet = run("check --baseline baseline.json ./news/story.txt");
  EXPECT_EQ(quiet.exit_code, 0) << quiet.out;

  // A new finding is reported, the old one stays hidden.
  file("news/story.txt",
       "Update: a paragraph added on top.\n\nThe mayor said teh budget was late.\nThe council met on "
       "Monday to recieve bids.\n");
  Outcome fresh = run("--baseline baseline.json --format jsonl news");
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_NE(fresh.out.find("\"text\":\"recieve\""), std::string::npos) << fresh.out;
  EXPECT_EQ(fresh.out.find("\"text\":\"teh\""), std::string::npos) << fresh.out;

  // An edit next to the old finding brings it back.
  file("news/story.txt", "The mayor said teh plan was late.\nThe council met on Monday.\n");
  fresh = run("--baseline baseline.json --format jsonl news");
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_NE(fresh.out.find("\"text\":\"teh\""), std::string::npos) << fresh.out;
}

TEST_F(CiCli, BaselineCountsDuplicates) {
  file("a.txt", "He said teh word.\n");
  ASSERT_EQ(run("baseline write b.json a.txt").exit_code, 0);
  file("a.txt", "He said teh word.\nHe said teh word.\n");
  const Outcome run = this->run("--baseline b.json a.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("1 problem "), std::string::npos) << run.out;
}

TEST_F(CiCli, BaselineProblemsAreUsageErrorsNamingTheFile) {
  file("a.txt", kFaulty);
  Outcome missing = run("--baseline nowhere.json a.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read baseline file 'nowhere.json'"), std::string::npos)
      << missing.err;
  EXPECT_EQ(missing.out, "");
  file("broken.json", "{\"version\": 1, \"findings\": [");
  const Outcome broken = run("--baseline broken.json a.txt");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("baseline file 'broken.json' is not valid JSON"), std::string::npos)
      << broken.err;
  file("other.json", "{\"files\": []}");
  const Outcome other = run("--baseline other.json a.txt");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("'other.json' is not a copydesk baseline"), std::string::npos) << other.err;
}

TEST_F(CiCli, BaselineWriteNeedsAFileAndPathsAndLintableInputs) {
  file("a.txt", kFaulty);
  EXPECT_EQ(run("baseline").exit_code, 2);
  EXPECT_EQ(run("baseline read b.json a.txt").exit_code, 2);
  EXPECT_EQ(run("baseline write").exit_code, 2);
  EXPECT_EQ(run("baseline write --lang en_GB a.txt").exit_code, 2);
  EXPECT_EQ(run("baseline write b.json").exit_code, 2);
  const Outcome partial = run("baseline write b.json a.txt missing.txt");
  EXPECT_EQ(partial.exit_code, 2);
  EXPECT_NE(partial.err.find("baseline not written"), std::string::npos) << partial.err;
  EXPECT_FALSE(fs::exists(dir_ / "b.json"));
  EXPECT_EQ(run("--baseline x.json baseline write b.json a.txt").exit_code, 2);
  // Options after FILE apply to the lint that is recorded.
  EXPECT_EQ(run("baseline write b.json --disable repeated-word a.txt").exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(read_file(dir_ / "b.json"))["findings"].size(), 0u);
}

}  // namespace
}  // namespace copydesk::testing
