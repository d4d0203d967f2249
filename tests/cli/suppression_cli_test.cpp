// Inline suppression end to end: what directives do to the exit code and the output.

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

class SuppressionCli : public CliFixture {};

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_F(SuppressionCli, ASuppressedErrorNoLongerFailsTheRun) {
  file("faulty.txt", "The council approved the the budget.\n");
  EXPECT_EQ(run("faulty.txt").exit_code, 1);
  file("faulty.txt",
       "copydesk-disable-next-line repeated-word\nThe council approved the the budget.\n");
  const Outcome suppressed = run("faulty.txt");
  EXPECT_EQ(suppressed.exit_code, 0) << suppressed.out << suppressed.err;
  EXPECT_EQ(suppressed.out, "");
  file("quoted.md", "The sign said \"No enrty [sic]\".\n");
  EXPECT_EQ(run("quoted.md").exit_code, 0);
}

TEST_F(SuppressionCli, AnUnusedDirectiveWarns) {
  file("notes.md", "# Notes\n\n<!-- copydesk-disable-next-line misspelled-word -->\nAll clean.\n");
  const Outcome run = this->run("notes.md");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out,
                       "notes.md:3:1: warning: `copydesk-disable-next-line misspelled-word` "
                       "suppresses no finding. [unused-suppression]"))
      << run.out;
  EXPECT_EQ(this->run("--fail-on warning notes.md").exit_code, 1);
  EXPECT_EQ(this->run("--fail-on warning --disable unused-suppression notes.md").exit_code, 0);
}

TEST_F(SuppressionCli, AMistypedDirectiveWarnsAndSuppressesNothing) {
  file("faulty.txt",
       "copydesk-disable-next-line repeated-wrod\nThe council approved the the budget.\n");
  const Outcome run = this->run("faulty.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.out,
                       "faulty.txt:1:28: warning: `repeated-wrod` is not a copydesk "
                       "rule id. [invalid-suppression]"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "suggestion: repeated-word")) << run.out;
  EXPECT_TRUE(contains(run.out, "faulty.txt:2:26: error: `the` is repeated.")) << run.out;
}

TEST_F(SuppressionCli, TheDirectiveRulesAreListedAndExplained) {
  const Outcome list = run("--list-rules");
  EXPECT_TRUE(contains(list.out, "unused-suppression  (warning, suppression, fixable)"))
      << list.out;
  EXPECT_TRUE(contains(list.out, "invalid-suppression  (warning, suppression)")) << list.out;
  for (std::string_view id : {"unused-suppression", "invalid-suppression"}) {
    const Outcome explain = run("--explain " + std::string(id));
    EXPECT_EQ(explain.exit_code, 0);
    EXPECT_TRUE(contains(explain.out, "# " + std::string(id))) << explain.out;
  }
}

}  // namespace
}  // namespace copydesk::testing
