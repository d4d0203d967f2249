// Vale's inline comments and the settings' ignore patterns and scopes, end to end through the
// engine's finding filter, with exact spans.

#include "copydesk/vale/ignores.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"
#include "golden.hpp"

namespace copydesk::vale {
namespace {

namespace fs = std::filesystem;
using testing::write_file;
using Found = std::vector<std::string>;

class ValeIgnores : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("copydesk-vale-ignores-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    write_file(dir_ / "styles" / "House" / "Act.yml",
               "extends: existence\nmessage: \"'%s' is redundant.\"\ntokens:\n  - ACT test\n");
    write_file(dir_ / "styles" / "Desk" / "Very.yml",
               "extends: existence\nmessage: \"Remove '%s'.\"\ntokens:\n  - very\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The style findings of linting `text` as `file` under a .vale.ini of `ini`.
  Found lint(std::string_view text, std::string_view ini = "", const std::string& file = "a.md") {
    const std::string written =
        "StylesPath = styles\n" + std::string(ini) +
        (ini.find("[*") == std::string_view::npos ? "[*]\nBasedOnStyles = House, Desk\n" : "");
    write_file(dir_ / ".vale.ini", written);
    const StyleSet styles(parse_vale_ini(written, dir_ / ".vale.ini"), Registry::builtin());
    EngineOptions options;
    options.finding_filter = &styles.ignores;
    const Engine engine(styles.registry, options);
    Found found;
    for (const Diagnostic& d : engine.lint_text(file, std::string(text)).diagnostics) {
      if (d.rule.find('.') == std::string::npos) continue;
      found.push_back(std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " +
                      d.rule);
    }
    return found;
  }

  fs::path dir_;
};

TEST_F(ValeIgnores, OffAndOnCommentsSilenceEveryStyleRuleInBetween) {
  const std::string text =
      "An ACT test.\n\n<!-- vale off -->\n\nA very ACT test.\n\n<!-- vale on -->\n\n"
      "A very ACT test.\n";
  EXPECT_EQ(lint(text), (Found{"3-11 House.Act", "71-75 Desk.Very", "76-84 House.Act"}));
  // Plain text has no comments: the same words are read.
  EXPECT_EQ(lint(text, "", "a.txt").size(), 5u);
}

TEST_F(ValeIgnores, RuleAndStyleCommentsTurnOffOnlyWhatTheyName) {
  const std::string text =
      "<!-- vale House.Act = NO -->\nA very ACT test.\n<!-- vale House.Act = YES -->\n"
      "<!-- vale Desk = NO -->\nA very ACT test.\n<!-- vale Desk = YES -->\nA very ACT test.\n";
  EXPECT_EQ(lint(text), (Found{"31-35 Desk.Very", "107-115 House.Act", "144-148 Desk.Very",
                               "149-157 House.Act"}));
}

TEST_F(ValeIgnores, ARuleCommentWithMatchesTurnsOffThoseMatchesOnly) {
  write_file(dir_ / "styles" / "Desk" / "Very.yml",
             "extends: existence\nmessage: \"Remove '%s'.\"\ntokens:\n  - very\n  - really\n");
  EXPECT_EQ(lint("<!-- vale Desk.Very[\"very\", \"quite\"] = NO -->\nA very, really old ferry.\n"),
            (Found{"54-60 Desk.Very"}));
}

TEST_F(ValeIgnores, AStylesCommentKeepsOnlyTheStylesItNames) {
  EXPECT_EQ(lint("A very ACT test.\n<!-- vale styles = Desk -->\nA very ACT test.\n"),
            (Found{"2-6 Desk.Very", "7-15 House.Act", "47-51 Desk.Very"}));
}

TEST_F(ValeIgnores, BlockAndTokenIgnoresKeepTheirMatchesFromTheRules) {
  const std::string ini =
      "[*.md]\nBasedOnStyles = House, Desk\n"
      "BlockIgnores = (?s)(\\{\\{< file >\\}\\}.*?\\{\\{< /file >\\}\\})\n"
      "TokenIgnores = (\\$[^\\n$]+\\$), (<x{1,2}>)\n";
  const std::string text =
      "{{< file >}}\nA very ACT test.\n{{< /file >}}\n\nA $very$ ACT test.\n\nA very ACT test.\n";
  EXPECT_EQ(lint(text, ini), (Found{"54-62 House.Act", "67-71 Desk.Very", "72-80 House.Act"}));
  // The section is for Markdown only.
  EXPECT_EQ(lint(text, ini, "a.txt").size(), 0u);
}

TEST_F(ValeIgnores, IgnoredScopesKeepThoseElementsFromTheRules) {
  EXPECT_EQ(lint("A **very** ACT test.\n\n> A very *ACT test*.\n",
                 "IgnoredScopes = code, strong\nSkippedScopes = blockquote\n"),
            (Found{"11-19 House.Act"}));
}

TEST_F(ValeIgnores, ABadIgnorePatternNamesTheSettingsLine) {
  try {
    lint("text\n", "[*]\nBasedOnStyles = House\nTokenIgnores = (a\n");
    FAIL() << "no error";
  } catch (const StyleError& error) {
    const std::string message = error.what();
    EXPECT_TRUE(message.starts_with((dir_ / ".vale.ini").string() + ":4: bad ignore pattern '(a'"))
        << message;
  }
}

TEST_F(ValeIgnores, ScopesNamedByElementKeepFindingsInOrOutOfThoseElements) {
  write_file(dir_ / "styles" / "Desk" / "Very.yml",
             "extends: existence\nmessage: \"Remove '%s'.\"\nscope: heading & ~heading.h1\n"
             "tokens:\n  - very\n");
  write_file(dir_ / "styles" / "House" / "Act.yml",
             "extends: existence\nmessage: \"'%s' is redundant.\"\nscope: blockquote\n"
             "tokens:\n  - ACT test\n");
  write_file(dir_ / "styles" / "House" / "Here.yml",
             "extends: existence\nmessage: \"Say where '%s' goes.\"\nscope: link\n"
             "tokens:\n  - here\n");
  const std::string text =
      "# A very ACT test\n\n## A very ACT test\n\nA very ACT test, [here](x.md) and here.\n\n"
      "> A very ACT test, [here](x.md).\n";
  EXPECT_EQ(lint(text), (Found{"24-28 Desk.Very", "57-61 House.Here", "89-97 House.Act",
                               "100-104 House.Here"}));
}

TEST(ValeComments, ReadOnlyValesOwnComments) {
  const auto comments = vale_comments(
      "<!-- note -->\n<!-- vale off -->\n<!-- vale A.B[\"x\"] = NO -->\n<!-- vale A = maybe -->"
      "<!-- vale style = A, B -->");
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_EQ(comments[0].kind, ValeComment::Kind::Off);
  EXPECT_EQ(comments[0].from, 31u);
  EXPECT_EQ(comments[1].kind, ValeComment::Kind::Rule);
  EXPECT_EQ(comments[1].name, "A.B");
  EXPECT_EQ(comments[1].matches, (std::vector<std::string>{"x"}));
  EXPECT_FALSE(comments[1].enabled);
  EXPECT_EQ(comments[2].kind, ValeComment::Kind::Styles);
  EXPECT_EQ(comments[2].styles, (std::vector<std::string>{"A", "B"}));
}

}  // namespace
}  // namespace copydesk::vale
