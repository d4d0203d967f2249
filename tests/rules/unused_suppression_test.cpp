#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "unused-suppression";

TEST(UnusedSuppression, FlagsDirectivesThatSuppressNothing) {
  for (std::string_view marked : {
           "[[copydesk-disable-next-line]]\nThe report is clean.\n",
           "[[copydesk-disable-next-line misspelled-word]]\nThe report is clean.\n",
           "[[<!-- copydesk-disable -->]]\nThe report is clean.\n<!-- copydesk-enable -->\n",
           "[[copydesk-disable repeated-word, confused-word]]\nThe report is clean.\n",
           // Only the finding's own rule counts.
           "[[copydesk-disable-next-line repeated-word]]\nHe wrote teh report.\n",
           // The block ends before the finding.
           "[[copydesk-disable]]\nClean.\ncopydesk-enable\nHe wrote teh report.\n",
           // The next-line directive is nearer, so the block suppressed nothing.
           "[[copydesk-disable]]\ncopydesk-disable-next-line\nHe wrote teh report.\n",
           // A directive whose "next line" holds the finding only on the line after.
           "[[copydesk-disable-next-line]]\nClean.\nHe wrote teh report.\n",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(UnusedSuppression, FlagsEachUnusedIdOfADirectiveThatIsPartlyUsed) {
  expect_flags(kRule,
               "copydesk-disable-next-line [[repeated-word]], misspelled-word, [[confused-word]]\n"
               "He wrote teh report.\n");
  expect_flags(
      kRule, "<!-- copydesk-disable misspelled-word [[repeated-word]] -->\nHe wrote teh report.\n");
}

TEST(UnusedSuppression, LeavesUsedDirectivesAlone) {
  for (std::string_view clean : {
           "copydesk-disable-next-line\nHe wrote teh report.\n",
           "copydesk-disable-next-line misspelled-word\n\nHe wrote teh report.\n",
           "copydesk-disable misspelled-word\nClean.\n\nHe wrote teh report.\n",
           "<!-- copydesk-disable -->\nThey met the the board.\n<!-- copydesk-enable -->\n",
           "copydesk-disable misspelled-word, repeated-word\nThey met the the board; teh end.\n",
           // Enables, [sic] and invalid directives are not "unused".
           "copydesk-disable-next-line\nHe wrote teh report.\ncopydesk-enable\n",
           "The word is spelt exactly as written [sic].\n",
           "copydesk-disabel\nClean.\n",
           "copydesk-disable-next-line misspeled-word\nClean.\n",
           "copydesk-disable-next-line\n",
       }) {
    expect_flags(kRule, clean);
  }
}

TEST(UnusedSuppression, MessageQuotesTheDirective) {
  const auto found =
      findings(kRule, "<!--copydesk-disable  misspelled-word,repeated-word -->\nClean.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "`copydesk-disable misspelled-word, repeated-word` suppresses no finding.");
  EXPECT_EQ(found[0].severity, Severity::Warning);
}

}  // namespace
}  // namespace copydesk::testing
