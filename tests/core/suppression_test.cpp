// Inline suppression: the directives and [sic] marks found in a text (exact spans), and what
// applying them does to the findings of a whole lint run.

#include "copydesk/suppression.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "copydesk/fixes.hpp"
#include "copydesk/prose.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

using Kind = DirectiveKind;

// A directive as the tests write it: the texts of its spans.
struct Found {
  Kind kind;
  std::string span, word;
  std::vector<std::string> ids;
  friend bool operator==(const Found&, const Found&) = default;
};

std::ostream& operator<<(std::ostream& out, const Found& found) {
  out << static_cast<int>(found.kind) << " {" << found.span << "} word {" << found.word << "}";
  for (const auto& id : found.ids) out << " id {" << id << "}";
  return out;
}

std::vector<Found> parse(std::string_view text, DirectiveSyntax syntax = DirectiveSyntax::Lines) {
  std::vector<Found> found;
  const Suppressions suppressions(text, syntax);
  for (const Directive& directive : suppressions.directives()) {
    Found item{directive.kind,
               std::string(directive.span.in(text)),
               std::string(directive.word.in(text)),
               {}};
    for (const Span id : directive.rule_ids) item.ids.emplace_back(id.in(text));
    found.push_back(std::move(item));
  }
  return found;
}

Span span_of(std::string_view text, std::string_view part, std::size_t from = 0) {
  const std::size_t at = text.find(part, from);
  EXPECT_NE(at, std::string_view::npos) << part;
  return Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + part.size())};
}

TEST(SuppressionParser, ReadsEveryDirectiveInAComment) {
  const std::string_view text =
      "Intro.\n"
      "<!-- copydesk-disable -->\n"
      "<!-- copydesk-enable -->\n"
      "<!--copydesk-disable misspelled-word, repeated-word-->\n"
      "<!-- copydesk-enable misspelled-word repeated-word -->\n"
      "<!-- copydesk-disable-next-line confused-word,repeated-word -->\n";
  const std::vector<Found> expected = {
      {Kind::Disable, "<!-- copydesk-disable -->", "copydesk-disable", {}},
      {Kind::Enable, "<!-- copydesk-enable -->", "copydesk-enable", {}},
      {Kind::Disable,
       "<!--copydesk-disable misspelled-word, repeated-word-->",
       "copydesk-disable",
       {"misspelled-word", "repeated-word"}},
      {Kind::Enable,
       "<!-- copydesk-enable misspelled-word repeated-word -->",
       "copydesk-enable",
       {"misspelled-word", "repeated-word"}},
      {Kind::DisableNextLine,
       "<!-- copydesk-disable-next-line confused-word,repeated-word -->",
       "copydesk-disable-next-line",
       {"confused-word", "repeated-word"}},
  };
  EXPECT_EQ(parse(text, DirectiveSyntax::Comments), expected);
  EXPECT_EQ(parse(text, DirectiveSyntax::Lines), expected);
}

TEST(SuppressionParser, GivesExactByteSpans) {
  const std::string_view text = "Café <!-- copydesk-disable repeated-word --> end";
  const Suppressions suppressions(text, DirectiveSyntax::Comments);
  ASSERT_EQ(suppressions.directives().size(), 1u);
  const Directive& directive = suppressions.directives()[0];
  EXPECT_EQ(directive.span, (Span{6, 45}));
  EXPECT_EQ(directive.word, (Span{11, 27}));
  ASSERT_EQ(directive.rule_ids.size(), 1u);
  EXPECT_EQ(directive.rule_ids[0], (Span{28, 41}));
  EXPECT_TRUE(directive.hidden.empty());
}

TEST(SuppressionParser, ReadsACommentOverSeveralLines) {
  EXPECT_EQ(
      parse("<!--\n  copydesk-disable\n  misspelled-word,\n  repeated-word\n-->\nText.\n",
            DirectiveSyntax::Comments),
      (std::vector<Found>{{Kind::Disable,
                           "<!--\n  copydesk-disable\n  misspelled-word,\n  repeated-word\n-->",
                           "copydesk-disable",
                           {"misspelled-word", "repeated-word"}}}));
}

TEST(SuppressionParser, KeepsWhatLooksLikeADirectiveButIsNone) {
  EXPECT_EQ(
      parse("<!-- copydesk-disabel -->", DirectiveSyntax::Comments),
      (std::vector<Found>{{Kind::Unknown, "<!-- copydesk-disabel -->", "copydesk-disabel", {}}}));
  EXPECT_EQ(parse("<!-- Copydesk-Disable misspelled-word -->", DirectiveSyntax::Comments),
            (std::vector<Found>{{Kind::Unknown,
                                 "<!-- Copydesk-Disable misspelled-word -->",
                                 "Copydesk-Disable",
                                 {"misspelled-word"}}}));
  EXPECT_EQ(
      parse("<!-- copydesk disable -->", DirectiveSyntax::Comments),
      (std::vector<Found>{{Kind::Unknown, "<!-- copydesk disable -->", "copydesk", {"disable"}}}));
}

TEST(SuppressionParser, ADirectiveCommentWithoutItsCloseEndsAtItsLine) {
  // Its "-->" is missing: the one of the next comment must not make the text between rule ids.
  const std::string_view text =
      "<!-- copydesk-disable misspelled-word\nSome text.\n<!-- note -->\n";
  EXPECT_EQ(parse(text, DirectiveSyntax::Comments),
            (std::vector<Found>{{Kind::Unclosed,
                                 "<!-- copydesk-disable misspelled-word",
                                 "copydesk-disable",
                                 {"misspelled-word"}}}));
  EXPECT_EQ(parse("Text <!-- copydesk-enable", DirectiveSyntax::Comments),
            (std::vector<Found>{{Kind::Unclosed, "<!-- copydesk-enable", "copydesk-enable", {}}}));
}

TEST(SuppressionParser, IgnoresOtherComments) {
  for (std::string_view text :
       {"<!-- a note for editors -->", "<!---->", "<!-->", "<!-- -->",
        "<!-- see copydesk-disable -->", "<!-- note", "<!-- note --> <!-- copydesk"}) {
    const auto found = parse(text, DirectiveSyntax::Comments);
    if (text == "<!-- note --> <!-- copydesk") {
      EXPECT_EQ(found, (std::vector<Found>{{Kind::Unclosed, "<!-- copydesk", "copydesk", {}}}));
    } else {
      EXPECT_TRUE(found.empty()) << text;
    }
  }
}

TEST(SuppressionParser, PlainTextTakesDirectivesOnLinesOfTheirOwn) {
  const std::string_view text =
      "First line.\n"
      "copydesk-disable-next-line misspelled-word\n"
      "  copydesk-disable  \t\n"
      "\tcopydesk-enable repeated-word, confused-word\n"
      "copydesk-disabel\n";
  EXPECT_EQ(parse(text), (std::vector<Found>{
                             {Kind::DisableNextLine,
                              "copydesk-disable-next-line misspelled-word",
                              "copydesk-disable-next-line",
                              {"misspelled-word"}},
                             {Kind::Disable, "copydesk-disable", "copydesk-disable", {}},
                             {Kind::Enable,
                              "copydesk-enable repeated-word, confused-word",
                              "copydesk-enable",
                              {"repeated-word", "confused-word"}},
                             {Kind::Unknown, "copydesk-disabel", "copydesk-disabel", {}},
                         }));
  // Markdown renders such lines as text: there only comments are directives.
  EXPECT_TRUE(parse(text, DirectiveSyntax::Comments).empty());
}

TEST(SuppressionParser, PlainTextLeavesProseAlone) {
  for (std::string_view text :
       {"Copydesk-style editing is popular.\n", "The copydesk-disable directive turns rules off.\n",
        "Use copydesk-disable-next-line for one line.\n"}) {
    EXPECT_TRUE(parse(text).empty()) << text;
  }
}

TEST(SuppressionParser, PlainTextHidesWholeDirectiveLinesWithTheirLineBreak) {
  const std::string_view text =
      "\xEF\xBB\xBF"
      "copydesk-disable\r\n"
      "Text here.\r\n"
      "  <!-- copydesk-enable -->  \n"
      "Text <!-- copydesk-disable-next-line --> and more.\n"
      "copydesk-disable";
  const Suppressions suppressions(text, DirectiveSyntax::Lines);
  ASSERT_EQ(suppressions.directives().size(), 4u);
  EXPECT_EQ(suppressions.directives()[0].hidden.in(text), "copydesk-disable\r\n");
  EXPECT_EQ(suppressions.directives()[1].hidden.in(text), "  <!-- copydesk-enable -->  \n");
  EXPECT_EQ(suppressions.directives()[2].hidden.in(text), "<!-- copydesk-disable-next-line -->");
  EXPECT_EQ(suppressions.directives()[3].hidden.in(text), "copydesk-disable");

  std::vector<Span> hidden;
  for (const Directive& directive : suppressions.directives()) hidden.push_back(directive.hidden);
  // What the rules read: the directives left out, no space put in their place.
  EXPECT_EQ(hide_spans(text, hidden).text,
            "\xEF\xBB\xBF"
            "Text here.\r\n"
            "Text  and more.\n");
}

TEST(SuppressionParser, MarkdownHidesNothing) {
  const std::string_view text = "<!-- copydesk-disable -->\nText.\n";
  const Suppressions suppressions(text, DirectiveSyntax::Comments);
  ASSERT_EQ(suppressions.directives().size(), 1u);
  EXPECT_TRUE(suppressions.directives()[0].hidden.empty());
}

TEST(SuppressionParser, FindsSicMarksAndTheWordTheyVouchFor) {
  const auto marks = [](std::string_view text) {
    std::vector<std::pair<std::string, std::string>> found;
    const Suppressions suppressions(text, DirectiveSyntax::Lines);
    for (const SicMark& mark : suppressions.sic_marks()) {
      found.emplace_back(mark.mark.in(text), mark.covers.in(text));
    }
    return found;
  };
  using Marks = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(marks("He wrote teh [sic] note."), (Marks{{"[sic]", "teh [sic]"}}));
  EXPECT_EQ(marks("He wrote teh[sic] note."), (Marks{{"[sic]", "teh[sic]"}}));
  EXPECT_EQ(marks("She said \"alot [sic]\" twice."), (Marks{{"[sic]", "\"alot [sic]"}}));
  EXPECT_EQ(marks("She said \"alot\" [sic] twice."), (Marks{{"[sic]", "\"alot\" [sic]"}}));
  EXPECT_EQ(marks("IT WAS TEH [SIC] END"), (Marks{{"[SIC]", "TEH [SIC]"}}));
  EXPECT_EQ(
      marks("teh [*sic*] and alot *[sic]* and thier _[sic]_"),
      (Marks{
          {"[*sic*]", "teh [*sic*]"}, {"*[sic]*", "alot *[sic]*"}, {"_[sic]_", "thier _[sic]_"}}));
  EXPECT_EQ(marks("The end of a line\n[sic] opens the next."), (Marks{{"[sic]", "[sic]"}}));
  EXPECT_EQ(marks("teh [sic][sic]"), (Marks{{"[sic]", "teh [sic]"}, {"[sic]", "[sic]"}}));
  EXPECT_TRUE(marks("[sick] [si] [ sic ] [sic [*sic] sic]").empty());
}

// The findings of a whole run (every default rule, en_US), one per line as
// "rule `flagged text`", in order.
std::vector<std::string> lint(std::string_view text, const std::string& path = "test.txt",
                              const Engine& engine = engine_for("en_US")) {
  const FileResult result = engine.lint_text(path, std::string(text));
  EXPECT_EQ(result.text, text);
  std::vector<std::string> found;
  for (const auto& diagnostic : result.diagnostics) {
    found.push_back(diagnostic.rule + " `" + std::string(diagnostic.span.in(text)) + "`");
  }
  return found;
}

using Findings = std::vector<std::string>;

TEST(Suppression, TheTestSentencesHaveTheirFindings) {
  // The unsuppressed baseline the tests below rely on.
  EXPECT_EQ(lint("He wrote teh report.\n"), Findings{"misspelled-word `teh`"});
  EXPECT_EQ(lint("They met the the board.\n"), Findings{"repeated-word `the`"});
  EXPECT_EQ(lint("She said alot.\n"), Findings{"misspelled-word `alot`"});
}

TEST(Suppression, ABlockDisableCoversEveryRuleUntilTheEnable) {
  EXPECT_EQ(lint("He wrote teh report.\n"
                 "<!-- copydesk-disable -->\n"
                 "He wrote teh report.\n"
                 "They met the the board.\n"
                 "<!-- copydesk-enable -->\n"
                 "They met the the board.\n"),
            (Findings{"misspelled-word `teh`", "repeated-word `the`"}));
}

TEST(Suppression, ADisableWithoutEnableRunsToTheEndOfTheFile) {
  EXPECT_EQ(lint("copydesk-disable\nHe wrote teh report.\n\nThey met the the board.\n"),
            Findings{});
}

TEST(Suppression, ADisableWithIdsCoversOnlyThoseRules) {
  EXPECT_EQ(lint("copydesk-disable misspelled-word\n"
                 "He wrote teh report. They met the the board.\n"
                 "copydesk-enable misspelled-word\n"
                 "He wrote teh report.\n"),
            (Findings{"repeated-word `the`", "misspelled-word `teh`"}));
}

TEST(Suppression, AnEnableWithIdsEndsOnlyThoseRules) {
  EXPECT_EQ(lint("copydesk-disable misspelled-word, repeated-word\n"
                 "He wrote teh report. They met the the board.\n"
                 "copydesk-enable repeated-word\n"
                 "He wrote teh report. They met the the board.\n"
                 "copydesk-enable\n"
                 "He wrote teh report.\n"),
            (Findings{"repeated-word `the`", "misspelled-word `teh`"}));
}

TEST(Suppression, NextLineCoversTheNextLineWithText) {
  EXPECT_EQ(lint("copydesk-disable-next-line\n"
                 "He wrote teh report.\n"
                 "They met the the board.\n"),
            Findings{"repeated-word `the`"});
  // Blank lines and other directives in between are skipped.
  EXPECT_EQ(lint("<!-- copydesk-disable-next-line misspelled-word -->\n"
                 "\n"
                 "<!-- copydesk-disable-next-line repeated-word -->\n"
                 "He wrote teh report; they met the the board.\n"
                 "He wrote teh report.\n"),
            Findings{"misspelled-word `teh`"});
}

TEST(Suppression, NextLineDoesNotCoverItsOwnLine) {
  EXPECT_EQ(lint("He wrote teh report. <!-- copydesk-disable-next-line -->\n"
                 "He wrote teh report.\n",
                 "test.md"),
            Findings{"misspelled-word `teh`"});
}

TEST(Suppression, ABlockCoversTheRestOfItsLineAfterAnInlineDirective) {
  EXPECT_EQ(lint("He wrote teh <!-- copydesk-disable --> teh report.", "test.md"),
            Findings{"misspelled-word `teh`"});
}

TEST(Suppression, SicCoversTheWordBeforeItAndItself) {
  EXPECT_EQ(lint("He wrote teh [sic] report.\n"), Findings{});
  EXPECT_EQ(lint("He wrote teh[sic] report.\n"), Findings{});
  EXPECT_EQ(lint("She said \"alot [sic]\" twice.\n"), Findings{});
  EXPECT_EQ(lint("She said \"alot\" [sic] twice.\n"), Findings{});
  EXPECT_EQ(lint("They met the the [sic] board.\n"), Findings{});
  EXPECT_EQ(lint("[sic] is how editors mark a quotation as verbatim.\n"), Findings{});
  // Only the word right before it.
  EXPECT_EQ(lint("He wrote teh note alot [sic].\n"), Findings{"misspelled-word `teh`"});
}

TEST(Suppression, MarkdownTakesDirectivesOnlyFromComments) {
  const std::string_view text = "copydesk-disable-next-line\nHe wrote teh report.\n";
  EXPECT_EQ(lint(text, "test.txt"), Findings{});
  const Findings markdown = lint(text, "test.md");
  EXPECT_NE(std::find(markdown.begin(), markdown.end(), "misspelled-word `teh`"), markdown.end());
}

// Documentation about copydesk shows directives in code; those are examples, not directives.
TEST(Suppression, MarkdownCodeHoldsExamplesNotDirectives) {
  EXPECT_EQ(lint("Write `<!-- copydesk-disable-next-line -->` above a line.\n"
                 "He wrote teh report.\n",
                 "test.md"),
            Findings{"misspelled-word `teh`"});
  EXPECT_EQ(lint("```html\n"
                 "<!-- copydesk-disable -->\n"
                 "```\n"
                 "\n"
                 "He wrote teh report.\n",
                 "test.md"),
            Findings{"misspelled-word `teh`"});
  EXPECT_EQ(lint("    <!-- copydesk-disable -->\n"
                 "\n"
                 "He wrote teh report; the code `[sic]` is an example.\n",
                 "test.md"),
            Findings{"misspelled-word `teh`"});
  // The same comments outside code act.
  EXPECT_EQ(lint("<!-- copydesk-disable -->\n"
                 "\n"
                 "He wrote teh report.\n",
                 "test.md"),
            Findings{});
}

TEST(Suppression, PlainTextDirectiveLinesAreNotLinted) {
  // "copydesk" is not a dictionary word.
  EXPECT_EQ(lint("copydesk-disable-next-line\nThey met the the board.\n"), Findings{});
  // A directive line is no blank line either: the paragraph goes on as if it were not there,
  // so the "the" it separates is still a repeated word.
  EXPECT_EQ(lint("The council approved the\n"
                 "copydesk-disable-next-line misspelled-word\n"
                 "the budgett on Monday.\n"),
            Findings{"repeated-word `the`"});
}

TEST(Suppression, WorksWithCrlfLineBreaks) {
  const std::string_view text =
      "copydesk-disable-next-line misspelled-word\r\n"
      "He wrote teh report.\r\n"
      "He wrote teh report.\r\n";
  const FileResult result = engine_for("en_US").lint_text("crlf.txt", std::string(text));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].span, span_of(text, "teh", span_of(text, "teh").end));
}

TEST(Suppression, KeepsByteOffsetsAfterMultiByteText) {
  const std::string_view text =
      "Zürich café — <!-- copydesk-disable-next-line --> naïve\nThe end.\n";
  const FileResult result = engine_for("en_US").lint_text("test.md", std::string(text));
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule, "unused-suppression");
  EXPECT_EQ(result.diagnostics[0].span, (Span{18, 53}));
  EXPECT_EQ(result.diagnostics[0].span.in(text), "<!-- copydesk-disable-next-line -->");
  EXPECT_EQ(lint("Zürich café — <!-- copydesk-disable --> they wrote teh report.\n", "test.md"),
            Findings{});
}

TEST(Suppression, ADirectiveInOnePieceOfALongFileCoversTheOthers) {
  std::string text = "copydesk-disable repeated-word\n\n";
  while (text.size() < 5'000'000) text += "The council met on Monday and approved a budget.\n\n";
  text += "They met the the board.\n";
  EXPECT_EQ(lint(text), Findings{});
}

TEST(Suppression, TheNearestDirectiveIsTheOneUsed) {
  // The block is used by the finding it alone covers; the next-line directive by the other.
  EXPECT_EQ(lint("copydesk-disable\n"
                 "He wrote teh report.\n"
                 "copydesk-disable-next-line\n"
                 "He wrote teh report.\n"),
            Findings{});
  EXPECT_EQ(lint("copydesk-disable\n"
                 "copydesk-disable-next-line\n"
                 "He wrote teh report.\n"),
            Findings{"unused-suppression `copydesk-disable`"});
}

TEST(Suppression, ADirectiveCannotSuppressTheReportsAboutDirectives) {
  EXPECT_EQ(
      lint("copydesk-disable\ncopydesk-enable repeated-word\nText.\n"),
      (Findings{"unused-suppression `copydesk-disable`", "invalid-suppression `repeated-word`"}));
  EXPECT_EQ(
      lint("copydesk-disable-next-line unused-suppression\ncopydesk-disable-next-line\nText.\n"),
      (Findings{"invalid-suppression `unused-suppression`",
                "unused-suppression `copydesk-disable-next-line`"}));
}

TEST(Suppression, AnUnknownRuleIdSuppressesNothing) {
  EXPECT_EQ(lint("copydesk-disable-next-line misspeled-word\nHe wrote teh report.\n"),
            (Findings{"invalid-suppression `misspeled-word`", "misspelled-word `teh`"}));
}

const Engine& engine_without(const std::string& rules) {
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  auto& engine = engines[rules];
  if (!engine) {
    EngineOptions options;
    options.disable = {rules};
    engine = std::make_unique<Engine>(Registry::builtin(), options);
  }
  return *engine;
}

TEST(Suppression, ADirectiveForARuleThatIsOffIsNotUnused) {
  const Engine& engine = engine_without("misspelled-word");
  EXPECT_EQ(
      lint("copydesk-disable-next-line misspelled-word\nHe wrote teh report.\n", "a.txt", engine),
      Findings{});
  EXPECT_EQ(
      lint("copydesk-disable-next-line misspelled-word, repeated-word\nHe wrote teh report.\n",
           "a.txt", engine),
      Findings{"unused-suppression `repeated-word`"});
  // Without rule ids it would cover every rule, and it covered nothing.
  EXPECT_EQ(lint("copydesk-disable-next-line\nHe wrote teh report.\n", "a.txt", engine),
            Findings{"unused-suppression `copydesk-disable-next-line`"});
}

TEST(Suppression, TheReportsFollowTheirRulesBeingOff) {
  const std::string_view text = "copydesk-disable-next-line\nText.\ncopydesk-disabel\n";
  EXPECT_EQ(lint(text), (Findings{"unused-suppression `copydesk-disable-next-line`",
                                  "invalid-suppression `copydesk-disabel`"}));
  EXPECT_EQ(lint(text, "a.txt", engine_without("unused-suppression")),
            Findings{"invalid-suppression `copydesk-disabel`"});
  EXPECT_EQ(lint(text, "a.txt", engine_without("invalid-suppression")),
            Findings{"unused-suppression `copydesk-disable-next-line`"});
}

// The text after applying the fix of the only finding of `rule`.
std::string fixed(std::string_view text, std::string_view rule, const std::string& path = "a.txt") {
  const FileResult result = engine_for("en_US").lint_text(path, std::string(text));
  const Diagnostic* found = nullptr;
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule != rule) continue;
    EXPECT_EQ(found, nullptr) << "more than one " << rule;
    found = &diagnostic;
  }
  if (found == nullptr || !found->fix) return "(no fix)";
  EXPECT_FALSE(found->fix->safe);
  return apply_fixes(text, found->fix->edits);
}

TEST(Suppression, TheUnusedDirectiveFixRemovesItsLinesAndItsEnable) {
  EXPECT_EQ(fixed("Text.\n  copydesk-disable-next-line\r\nClean text.\r\n", "unused-suppression"),
            "Text.\nClean text.\r\n");
  EXPECT_EQ(fixed("A.\n<!-- copydesk-disable -->\nClean.\n<!-- copydesk-enable -->\nB.\n",
                  "unused-suppression"),
            "A.\nClean.\nB.\n");
  EXPECT_EQ(fixed("Clean <!-- copydesk-disable --> text. <!-- copydesk-enable --> Done.",
                  "unused-suppression", "a.md"),
            "Clean text. Done.");
  // The enable still ends another disable, so it stays.
  EXPECT_EQ(fixed("copydesk-disable repeated-word\n"
                  "copydesk-disable misspelled-word\nHe wrote teh report.\n"
                  "copydesk-enable\n",
                  "unused-suppression"),
            "copydesk-disable misspelled-word\nHe wrote teh report.\ncopydesk-enable\n");
}

TEST(Suppression, TheUnusedIdFixKeepsTheIdsInUse) {
  const std::string_view text =
      "<!-- copydesk-disable-next-line repeated-word misspelled-word -->\nHe wrote teh report.\n";
  EXPECT_EQ(fixed(text, "unused-suppression", "a.md"),
            "<!-- copydesk-disable-next-line misspelled-word -->\nHe wrote teh report.\n");
  EXPECT_EQ(fixed("copydesk-disable misspelled-word, repeated-word\nHe wrote teh report.\n"
                  "copydesk-enable misspelled-word, repeated-word\n",
                  "unused-suppression"),
            "(no fix)")
      << "the enable would be left naming an id no longer disabled";
}

TEST(Suppression, SeveralUnusedIdsShareOneFix) {
  const std::string_view text =
      "copydesk-disable-next-line repeated-word, misspelled-word, confused-word\n"
      "He wrote teh report.\n";
  const FileResult result = engine_for("en_US").lint_text("a.txt", std::string(text));
  std::vector<Edit> edits;
  for (const auto& diagnostic : result.diagnostics) {
    EXPECT_EQ(diagnostic.rule, "unused-suppression");
    ASSERT_TRUE(diagnostic.fix);
    edits.insert(edits.end(), diagnostic.fix->edits.begin(), diagnostic.fix->edits.end());
  }
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].span, span_of(text, "repeated-word"));
  EXPECT_EQ(result.diagnostics[1].span, span_of(text, "confused-word"));
  EXPECT_EQ(result.diagnostics[0].message,
            "`repeated-word` in `copydesk-disable-next-line repeated-word, misspelled-word, "
            "confused-word` suppresses no finding.");
  EXPECT_EQ(apply_fixes(text, edits),
            "copydesk-disable-next-line misspelled-word\nHe wrote teh report.\n");
}

TEST(Suppression, NoFixDeletesADirectiveLineBetweenTheWordsItJoins) {
  // The rules read "the" twice across the blanked directive line; removing the second "the"
  // with the space before it would take the directive with it.
  const std::string text =
      "The board saw the\ncopydesk-disable-next-line misspelled-word\nthe ferry leave.\n";
  const FileResult result = engine_for("en_US").lint_text("test.txt", text);
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].rule, "unused-suppression");
  EXPECT_EQ(result.diagnostics[1].rule, "repeated-word");
  EXPECT_EQ(result.diagnostics[1].span.in(text), "the");
  EXPECT_FALSE(result.diagnostics[1].fix);
  EXPECT_EQ(result.text, text);
}

}  // namespace
}  // namespace copydesk::testing
