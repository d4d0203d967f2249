#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "invalid-suppression";

TEST(InvalidSuppression, FlagsDirectivesThatCannotAct) {
  for (std::string_view marked : {
           // Not a directive word.
           "[[copydesk-disabel]]\nClean.\n",
           "<!-- [[Copydesk-Disable-Next-Line]] -->\nClean.\n",
           "<!-- [[copydesk]] disable -->\nClean.\n",
           "[[copydesk-disabel]] misspeled-word\nClean.\n",
           // Not a rule id, or one no directive may name.
           "copydesk-disable-next-line [[misspeled-word]]\nHe wrote teh report.\n",
           "copydesk-disable-next-line misspelled-word, [[because]] [[quoted]]\nHe wrote teh "
           "report.\n",
           "copydesk-disable [[unused-suppression]]\ncopydesk-disable [[invalid-suppression]]\n",
           // An enable with nothing to end.
           "Clean.\n[[copydesk-enable]]\n",
           "copydesk-disable\nHe wrote teh report.\ncopydesk-enable\n[[copydesk-enable]]\n",
           "copydesk-disable\nHe wrote teh report.\ncopydesk-enable [[misspelled-word]]\n",
           "copydesk-disable repeated-word\nThey met the the board.\ncopydesk-enable "
           "[[misspelled-word]]\n",
           // A next-line directive with no line after it.
           "He wrote the report.\n[[copydesk-disable-next-line]]\n",
           "He wrote the report.\n[[copydesk-disable-next-line]]\n\n[[<!-- copydesk-enable -->]]\n",
           // A comment that lost its close.
           "[[<!-- copydesk-disable]]\nClean. <!-- a note -->\n",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(InvalidSuppression, LeavesValidDirectivesAlone) {
  for (std::string_view clean : {
           "copydesk-disable\nHe wrote teh report.\ncopydesk-enable\n",
           "copydesk-disable misspelled-word,repeated-word\nHe wrote teh report.\n"
           "copydesk-enable repeated-word\ncopydesk-enable misspelled-word\n",
           "<!-- copydesk-disable-next-line misspelled-word -->\nHe wrote teh report.\n",
           "<!-- a note about copydesk -->\nClean.\n",
           "The copydesk-enable directive ends a block.\n",
       }) {
    expect_flags(kRule, clean);
  }
}

TEST(InvalidSuppression, SuggestsTheClosestDirectiveOrRuleId) {
  const auto word = findings(kRule, "copydesk-disabel\nClean.\n");
  ASSERT_EQ(word.size(), 1u);
  EXPECT_EQ(word[0].message, "`copydesk-disabel` is not a copydesk directive.");
  EXPECT_EQ(word[0].suggestions, std::vector<std::string>{"copydesk-disable"});

  const auto far = findings(kRule, "<!-- copydesk-off -->\nClean.\n");
  ASSERT_EQ(far.size(), 1u);
  EXPECT_EQ(far[0].message,
            "`copydesk-off` is not a copydesk directive: use `copydesk-disable`, "
            "`copydesk-enable` or `copydesk-disable-next-line`.");
  EXPECT_TRUE(far[0].suggestions.empty());

  const auto id = findings(kRule, "copydesk-disable repeated-wrod\nClean.\n");
  ASSERT_EQ(id.size(), 1u);
  EXPECT_EQ(id[0].message, "`repeated-wrod` is not a copydesk rule id.");
  EXPECT_EQ(id[0].suggestions, std::vector<std::string>{"repeated-word"});
}

TEST(InvalidSuppression, MessagesSayWhatIsWrong) {
  const auto messages = [](std::string_view text) {
    std::vector<std::string> found;
    for (const auto& diagnostic : findings(kRule, text)) found.push_back(diagnostic.message);
    return found;
  };
  using Messages = std::vector<std::string>;
  EXPECT_EQ(messages("copydesk-enable\n"),
            Messages{"No `copydesk-disable` is open here for this `copydesk-enable` to end."});
  EXPECT_EQ(messages("copydesk-disable\nteh\ncopydesk-enable repeated-word\n"),
            Messages{"No `copydesk-disable` of `repeated-word` is open here for this "
                     "`copydesk-enable` to end."});
  EXPECT_EQ(messages("Text.\ncopydesk-disable-next-line\n"),
            Messages{"`copydesk-disable-next-line` has no line after it to cover."});
  EXPECT_EQ(messages("copydesk-disable-next-line invalid-suppression\nText.\n"),
            Messages{"`invalid-suppression` cannot be suppressed by a directive; turn it off "
                     "with `--disable invalid-suppression`."});
  EXPECT_EQ(messages("<!-- copydesk-disable\n"),
            Messages{"The comment of this copydesk directive is not closed with `-->`."});
}

}  // namespace
}  // namespace copydesk::testing
