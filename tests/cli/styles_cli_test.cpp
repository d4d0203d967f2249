// House styles through the binary: which settings govern each file (found from the file's
// folder up, as copydesk.toml is), --config with a Vale configuration or a [styles] table, and
// --print-config showing the styles in effect.

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

class StylesCli : public CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    file("styles/House/Very.yml",
         "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: error\ntokens:\n  - very\n");
    file("styles/Desk/Utilize.yml",
         "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
         "swap:\n  utilize: use\n");
  }
};

constexpr std::string_view kText = "We utilize a very old ferry.\n";

TEST_F(StylesCli, EachFileGetsTheStylesOfTheNearestSettingsFile) {
  file("news/.vale.ini", "StylesPath = ../styles\n[*]\nBasedOnStyles = House\n");
  file("news/sport/_vale", "StylesPath = ../../styles\n[*]\nBasedOnStyles = Desk\n");
  file("features/copydesk.toml", "[styles]\npath = \"../styles\"\nbased-on = [\"Desk\"]\n");
  file("news/a.md", kText);
  file("news/sport/b.md", kText);
  file("features/c.md", kText);
  file("d.md", kText);
  const Outcome outcome = run("--format line news/a.md news/sport/b.md features/c.md d.md");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_EQ(outcome.out,
            "news/a.md:1:14:House.Very:Remove 'very'.\n"
            "news/sport/b.md:1:4:Desk.Utilize:Use 'use' instead of 'utilize'.\n"
            "features/c.md:1:4:Desk.Utilize:Use 'use' instead of 'utilize'.\n");
}

TEST_F(StylesCli, StandardInputAndRecordsGetTheStylesOfThePathTheyName) {
  file("news/.vale.ini", "StylesPath = ../styles\n[*]\nBasedOnStyles = House\n");
  const Outcome piped = run("--format line --stdin-filename news/a.md -", std::string(kText));
  EXPECT_EQ(piped.exit_code, 1) << piped.err;
  EXPECT_EQ(piped.out, "news/a.md:1:14:House.Very:Remove 'very'.\n");
  const Outcome records =
      run("check --input jsonl -",
          "{\"id\":\"n\",\"path\":\"news/a.md\",\"text\":\"A very old ferry.\"}\n"
          "{\"id\":\"o\",\"path\":\"a.md\",\"text\":\"A very old ferry.\"}\n");
  EXPECT_EQ(records.exit_code, 1) << records.err;
  EXPECT_NE(records.out.find("\"id\":\"n\",\"rule\":\"House.Very\""), std::string::npos)
      << records.out;
  EXPECT_EQ(records.out.find("\"id\":\"o\",\"rule\""), std::string::npos) << records.out;
}

TEST_F(StylesCli, RulesTheConfigNamesFromStylesANearerFileReplacesAreNotThisFilesRules) {
  file("copydesk.toml",
       "[styles]\nbased-on = [\"House\"]\n\n[rules.\"House.Very\"]\nseverity = \"info\"\n"
       "enabled = true\n");
  file("docs/.vale.ini", "StylesPath = ../styles\n[*]\nBasedOnStyles = Desk\n");
  file("a.md", kText);
  file("docs/b.md", kText);
  const Outcome outcome = run("--format line a.md docs/b.md");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;  // an info and a warning: under --fail-on
  EXPECT_EQ(outcome.out,
            "a.md:1:14:House.Very:Remove 'very'.\n"
            "docs/b.md:1:4:Desk.Utilize:Use 'use' instead of 'utilize'.\n");
  // Named on the command line, an unknown rule is still an error.
  EXPECT_EQ(run("--enable Nope.Rule docs/b.md").exit_code, 2);
}

TEST_F(StylesCli, AValeConfigurationGivenToConfigGovernsEveryFile) {
  file("ci/vale.ini", "StylesPath = ../styles\n[*.md]\nBasedOnStyles = House, Desk\n");
  file(".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n");
  file("a.md", kText);
  const Outcome outcome = run("--format line --config ci/vale.ini a.md");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_EQ(outcome.out,
            "a.md:1:4:Desk.Utilize:Use 'use' instead of 'utilize'.\n"
            "a.md:1:14:House.Very:Remove 'very'.\n");
  const Outcome listed = run("--config ci/vale.ini --list-rules");
  EXPECT_NE(listed.out.find("Desk.Utilize  (warning, style)"), std::string::npos) << listed.out;
}

TEST_F(StylesCli, TheStylesTableOfAConfigFileGivenToConfigIsRead) {
  file("ci/desk.toml",
       "[styles]\npath = \"../styles\"\nbased-on = [\"Desk\"]\n\n[rules.\"Desk.Utilize\"]\n"
       "severity = \"error\"\n");
  file("a.md", kText);
  const Outcome outcome = run("--config ci/desk.toml a.md");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_EQ(outcome.out.substr(0, outcome.out.find('\n')),
            "a.md:1:4: error: Use 'use' instead of 'utilize'. [Desk.Utilize]");
}

TEST_F(StylesCli, PrintConfigShowsTheStylesInEffectForTheFile) {
  file(".vale.ini",
       "StylesPath = styles\nMinAlertLevel = warning\n[*]\nBasedOnStyles = House\n"
       "[*.md]\nBasedOnStyles = Desk\nHouse.Very = NO\n");
  const Outcome markdown = run("--print-config a.md");
  EXPECT_EQ(markdown.exit_code, 0) << markdown.err;
  EXPECT_NE(markdown.out.find("# House styles: " + (dir_ / ".vale.ini").string() + "\n"),
            std::string::npos)
      << markdown.out;
  // Each style rule as it runs on this file: House.Very is off in Markdown.
  EXPECT_NE(markdown.out.find("[rules.'Desk.Utilize']\nenabled = true\nseverity = 'warning'"),
            std::string::npos)
      << markdown.out;
  EXPECT_NE(markdown.out.find("[rules.'House.Very']\nenabled = false\nseverity = 'error'"),
            std::string::npos)
      << markdown.out;
  const std::size_t begin = markdown.out.find("[styles]");
  const std::string styles = markdown.out.substr(begin, markdown.out.find("[words]") - begin);
  EXPECT_EQ(styles, "[styles]\nbased-on = [ 'House', 'Desk' ]\nmin-level = 'warning'\npath = '" +
                        (dir_ / "styles").string() + "'\nsections = [ '*', '*.md' ]\nsettings = '" +
                        (dir_ / ".vale.ini").string() +
                        "'\nvocab = []\n\n    [styles.rules]\n    'House.Very' = false\n\n")
      << markdown.out;
  const Outcome text = run("--print-config a.txt");
  EXPECT_NE(text.out.find("sections = [ '*' ]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[rules.'House.Very']\nenabled = true\n"), std::string::npos) << text.out;
  file("elsewhere/copydesk.toml", "language = \"en_GB\"\n");
  EXPECT_NE(run("--print-config elsewhere/b.md")
                .out.find("# House styles: " + (dir_ / ".vale.ini").string()),
            std::string::npos);
}

TEST_F(StylesCli, ABrokenStyleBelowTheWorkingDirectoryStopsTheRunNamingTheRuleFile) {
  file("news/.vale.ini", "StylesPath = ../styles\n[*]\nBasedOnStyles = Broken\n");
  file("styles/Broken/Bad.yml", "extends: existence\ntokens: [\n");
  file("news/a.md", kText);
  file("b.md", kText);
  const Outcome outcome = run("--format line b.md news/a.md");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find((dir_ / "styles/Broken/Bad.yml").string() + ":3:1:"),
            std::string::npos)
      << outcome.err;
}

}  // namespace
}  // namespace copydesk::testing
