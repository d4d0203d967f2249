#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "missing-space-after-punctuation";

TEST(MissingSpaceAfterPunctuation, FlagsTheGluedMark) {
  for (std::string_view marked : {
           "The board met on Friday[[,]]deciding nothing.",
           "Rents rose sharply[[.]]Tenants protested outside the town hall.",
           "The club signed two strikers[[;]]both arrived on loan.",
           "There was one condition[[:]]nobody could leave early.",
           "Who would pay for it[[?]]Nobody knew.",
           "What a finish[[!]]The crowd rose as one.",
           "Exports fell by 12%, to 300 tonnes[[,]]officials said.",
           "Sales reached 4,000 units in 2019[[,]]then slumped.",
           "He finished the race in 2004[[.]]Three years later he retired.",
           "The band (formed in Leeds)[[,]]released a new album.",
           "“We are ready,[[”]]said the coach.",
           "“It is over.[[”]]Then she left the room.",
           "Farmers, grocers[[,]]bakers and fishermen joined the march.",
           "Ahn’s visit ended[[.]]Officials in Seoul welcomed it.",
           "The report was late[[;]]however, it was thorough.",
           "Prices climbed again[[.]]The bank is expected to act.",
           "The café closed[[,]]reopening a month later.",
           "She asked why[[?]]then walked away.",
           "The paintings were sold at auction[[.]]A museum bought two.",
           "We waited for hours[[.]]I gave up at noon.",
           "Her band was better than Joy Division[[.]]Those records still sell.",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(MissingSpaceAfterPunctuation, FlagsSeveralInOneText) {
  expect_flags(kRule, "They came[[,]]saw[[,]]and left[[.]]Nobody stayed.");
}

TEST(MissingSpaceAfterPunctuation, LeavesLookAlikesAlone) {
  for (std::string_view clean : {
           "Inflation was 3.5 percent, up from 2,1 in the euro area.",
           "The stadium holds 60,000 fans and cost £1,200,000.",
           "Details are at https://example.org/news?id=4,5 and www.example.com/a.b today.",
           "Write to desk@example.co.uk or visit example.com for more.",
           "Open README.md and then config.yaml before you start.",
           "He moved to the U.S. in 1990 and later earned a Ph.D. in physics.",
           "Bring snacks, e.g. fruit, i.e. something healthy.",
           "J.R.R. Tolkien wrote at 10:30 a.m. most days.",
           "He hesitated... then spoke.",
           "She paused…then carried on.",
           "Developers use .NET and ASP.NET for the site, plus Node.js.",
           "The phone runs iOS 17.2.1 and the app is version 2.0.3.",
           "Really?! Nobody told me!! That is odd.",
           "\"Wait,\" she said. \"We are not done.\"",
           "Call std::vector::push_back from C++ code.",
           "He replied :) and logged off :D later.",
           "The firm, Yahoo!Mail's owner, was sold.",
           "The ratio was 3:1 at half-time.",
           "The score was 2-1, and the crowd went home happy.",
           "Use the System.IO.File class in C#.",
           "St.Albans and Dr.Jones are abbreviations we leave to other rules.",
           "The word “the,” she said, was misused.",
           "Kick-off was at 15:00.",
           "Read chapter 3.a tonight.",
           "The Mydoom.B worm and the Sober.AG variant spread fast.",
           "Customers of Lycos.Europe and Amazon.Com complained.",
           "The spin-off CSI:NY and the show CD:UK aired on Saturday.",
           "The exported page read caf&#233;d and na&iuml;ve.",
           "Doors open at 5:pm sharp.",
       }) {
    expect_flags(kRule, clean);
  }
}

TEST(MissingSpaceAfterPunctuation, LeavesCodeInPlainTextAlone) {
  for (std::string_view clean : {
           "Translations live in AUTHORS.{en,ru}.txt and the http.{sslkey,sslCert} keys.",
           "The format %(contents:size) prints sizes; see man:journalctl(1).",
           "Pass -n,m to the tool, set a=b,c=d and read foo/bar:baz.",
           "The note linkgit:git-format-patch[1] explains it.",
           "See Unicode Inc.\xE2\x80\x99s data files.",
           "TL;DR: update the index. The tl;dr list follows.",
           "See fastify.FastifyError and connect:bodyParser in the reference.",
           "Allow 'GET,PUT,POST' requests.",
       }) {
    expect_flags(kRule, clean);
  }
  // Prose around brackets still counts when only one of the pair is in the run.
  expect_flags(kRule, "Read it (see[[,]]for example) twice, then[[,]]later, again.");
}

TEST(MissingSpaceAfterPunctuation, MessageAndFix) {
  const std::string text = "The deal was signed,ending the dispute.";
  const auto found = findings(kRule, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "Add a space after `,`.");
  ASSERT_EQ(found[0].suggestions.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], ", ");
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_TRUE(found[0].fix->safe);
  EXPECT_EQ(found[0].fix->title, "Insert a space");
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  const Edit& edit = found[0].fix->edits[0];
  EXPECT_EQ(edit.span, (Span{20, 20}));
  EXPECT_EQ(edit.replacement, " ");
}

TEST(MissingSpaceAfterPunctuation, MessageNamesThePeriod) {
  const auto found = findings(kRule, "It was noteworthy.Korea agreed.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "Add a space after `.`.");
  EXPECT_EQ(found[0].span, (Span{17, 18}));
}

TEST(MissingSpaceAfterPunctuation, MessageNamesTheClosingQuote) {
  const auto found = findings(kRule, "“Go home,”he said.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "Add a space after `”`.");
}

}  // namespace
}  // namespace copydesk::testing
