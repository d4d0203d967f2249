// The Markdown front end: what of a Markdown file the rules read (the prose view), where it says
// blocks begin, and how the engine uses both.

#include "copydesk/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli_fixture.hpp"
#include "copydesk/document.hpp"
#include "copydesk/source_map.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

// The prose view with its placeholder shown as '$', so that expectations line up under the
// source; sources here contain no '$' of their own.
std::string view(std::string_view markdown) {
  EXPECT_EQ(markdown.find('$'), std::string_view::npos) << "'$' stands for the placeholder";
  std::string text = markdown_prose(markdown).text;
  std::replace(text.begin(), text.end(), kNonProsePlaceholder, '$');
  return text;
}

std::string kind_name(SentenceStart kind) {
  switch (kind) {
    case SentenceStart::Block:
      return "block";
    case SentenceStart::AfterTerminal:
      return "after-terminal";
    case SentenceStart::LineBreak:
      return "line-break";
    case SentenceStart::ListItem:
      return "list-item";
    case SentenceStart::Heading:
      return "heading";
    case SentenceStart::TableCell:
      return "table-cell";
  }
  return "?";
}

// The block starts as "kind@offset".
std::vector<std::string> starts(std::string_view markdown) {
  std::vector<std::string> result;
  for (const BlockStart& start : markdown_prose(markdown).block_starts) {
    result.push_back(kind_name(start.kind) + "@" + std::to_string(start.offset));
  }
  return result;
}

using Strings = std::vector<std::string>;

// --- The prose view, construct by construct ---------------------------------------------------

TEST(MarkdownProse, PlainParagraphsAreKeptAsTheyAre) {
  EXPECT_EQ(view("One line.\nAnother line.\n\nA new paragraph.\n"),
            "One line.\nAnother line.\n\nA new paragraph.\n");
  EXPECT_EQ(starts("One line.\nAnother line.\n\nA new paragraph.\n"),
            (Strings{"block@0", "block@25"}));
  EXPECT_EQ(view(""), "");
  EXPECT_TRUE(starts("").empty());
}

TEST(MarkdownProse, FencedCodeLeavesOnlyItsLineBreaks) {
  EXPECT_EQ(view("Before.\n\n```cpp\nint teh = 1;\n```\n\nAfter.\n"),
            "Before.\n\n\n   \n\n\nAfter.\n");
  EXPECT_EQ(view("~~~\nrecieve\n~~~\n"), "\n\n\n");
  // An unclosed fence runs to the end of the file.
  EXPECT_EQ(view("```\nrecieve\n"), "\n\n");
}

TEST(MarkdownProse, IndentedCodeLeavesOnlyItsWhitespace) {
  EXPECT_EQ(view("Text.\n\n    recieve teh\n\tmore code\n"), "Text.\n\n     \n\t \n");
}

TEST(MarkdownProse, InlineCodeLeavesOnePlaceholderAtItsOpeningBacktick) {
  EXPECT_EQ(view("Set an `int` value."), "Set an $ value.");
  EXPECT_EQ(view("Use ``a`b`` here."), "Use $ here.");
  // Across a line break the line structure stays.
  EXPECT_EQ(view("Call `foo\nbar` now."), "Call $\n now.");
  // A backtick escaped before a code span is text; the placeholder goes on the real opener,
  // not on a backtick in markup before it.
  EXPECT_EQ(view("A \\` and `x`."), "A ` and $.");
  EXPECT_EQ(view("[a](`x`) `y` z"), "a $ z");
  EXPECT_EQ(view("[r]: /a`b`\n\n`code` text\n"), " \n\n$ text\n");
  EXPECT_EQ(starts("[r]: /a`b`\n\n`code` text\n"), (Strings{"block@3"}));
}

TEST(MarkdownProse, RawHtmlBlocksAndCommentsLeaveOnlyTheirWhitespace) {
  EXPECT_EQ(view("<div class=\"note\">\nrecieve this\n</div>\n\nProse.\n"), " \n \n\n\nProse.\n");
  EXPECT_EQ(view("<!-- a comment\nover lines -->\nProse.\n"), "  \n  \nProse.\n");
}

TEST(MarkdownProse, InlineHtmlIsLeftOutAndTheTextBetweenTagsKept) {
  // A tag between two words keeps them apart with a placeholder, no space.
  EXPECT_EQ(view("An <b>apple</b> a day<br/>and <!-- note --> more."),
            "An apple a day$and    more.");
}

TEST(MarkdownProse, LinkTextIsKeptAndItsDestinationLeftOut) {
  // Only the title's space stays of the destination.
  EXPECT_EQ(view("Read [the report](http://example.com/a \"Title\") today."),
            "Read the report  today.");
  EXPECT_EQ(view("Read [the docs](https://x.org/docs)."), "Read the docs.");
  // Reference links and their definitions.
  EXPECT_EQ(view("See [the notes][ref] now.\n\n[ref]: http://example.com/n 'Notes'\n"),
            "See the notes now.\n\n  \n");
  EXPECT_EQ(view("See [the notes] too.\n\n[the notes]: /notes\n"), "See the notes too.\n\n  \n");
}

TEST(MarkdownProse, AutolinksBecomePlaceholders) {
  EXPECT_EQ(view("Visit <https://example.com/x> or <editor@example.com>."), "Visit $ or $.");
  // A link that shows its own address is one too.
  EXPECT_EQ(view("At [https://example.com](https://example.com)."), "At $.");
  EXPECT_EQ(view("At [www.example.com](http://www.example.com)."), "At $.");
  // So is a link whose text is the last part of its address: a package's or a project's name.
  EXPECT_EQ(view("Try [abstract-log](https://x.org/pkg/Abstract-Log/?v=2#top) now."), "Try $ now.");
  // Not one whose text is prose, nor one whose address ends elsewhere.
  EXPECT_EQ(view("Use [express](https://github.com/expressjs)."), "Use express.");
}

TEST(MarkdownProse, BareAddressesStayForTheTokenizer) {
  // Each becomes one Url or Email token, which no rule reads as a word, as in plain text.
  const std::string_view bare = "Visit https://example.com/x, www.example.org or a@example.com.";
  EXPECT_EQ(view(bare), bare);
  const ProseView prose = markdown_prose(bare);
  const Document document("bare.md", prose.text, prose.block_starts);
  std::vector<TokenKind> kinds;
  for (const Token& token : document.tokens()) {
    if (token.kind == TokenKind::Url || token.kind == TokenKind::Email) kinds.push_back(token.kind);
  }
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::Url, TokenKind::Url, TokenKind::Email}));
}

TEST(MarkdownProse, ImagesBecomePlaceholdersAltTextIncluded) {
  EXPECT_EQ(view("An ![recieve *logo*](logo.png \"A logo\") here."), "An $    here.");
  EXPECT_EQ(view("An ![](logo.png) here."), "An $ here.");
  EXPECT_EQ(view("[a](x![y) ![*alt*](i.png) b"), "a $ b");
  // An image as a link's text: the link has no prose left.
  EXPECT_EQ(view("A [![badge](b.svg)](http://example.com) badge."), "A $ badge.");
}

TEST(MarkdownProse, YamlAndTomlFrontMatterAtTheVeryStartIsLeftOut) {
  EXPECT_EQ(view("---\ntitle: Teh recieve\ntags: [a, b]\n---\nThe text.\n"),
            "\n  \n  \n\nThe text.\n");
  EXPECT_EQ(view("---\ntitle: x\n...\nText.\n"), "\n \n\nText.\n");
  EXPECT_EQ(view("+++\ntitle = \"Teh\"\n+++\n\nText.\n"), "\n  \n\n\nText.\n");
  EXPECT_EQ(view("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nText.\r\n"), "\r\n \r\n\r\nText.\r\n");
}

TEST(MarkdownProse, ThematicBreaksAreNotFrontMatter) {
  // Not at the start, followed by a blank line, or never closed: Markdown as usual.
  EXPECT_EQ(view("Intro.\n\n---\ntitle: x\n---\n"), "Intro.\n\n\ntitle: x\n\n");
  EXPECT_EQ(view("---\n\nText one.\n\n---\n"), "\n\nText one.\n\n\n");
  EXPECT_EQ(view("---\ntitle: x\n"), "\ntitle: x\n");
  EXPECT_EQ(view("+++\ntitle: x\n---\nText.\n"), "+++\ntitle: x\n\nText.\n");
}

TEST(MarkdownProse, HeadingMarkersAreLeftOutAndHeadingsStartBlocks) {
  const std::string_view atx = "# The title #\n## Second level\nText.\n";
  EXPECT_EQ(view(atx), " The title \n Second level\nText.\n");
  EXPECT_EQ(starts(atx), (Strings{"heading@1", "heading@13", "block@26"}));
  const std::string_view setext = "The title\n=========\nA subtitle\n---\ntext.\n";
  EXPECT_EQ(view(setext), "The title\n\nA subtitle\n\ntext.\n");
  EXPECT_EQ(starts(setext), (Strings{"heading@0", "heading@11", "block@23"}));
}

TEST(MarkdownProse, AParagraphThatOpensWithEmphasisStartsLikeAListItem) {
  // "**version:** must...", "*async* is...": a term, as in a list; emphasis later on does not
  // count, nor does a heading's.
  EXPECT_EQ(
      starts("Intro.\n\n**version:** must be set.\n\n*async* works.\n\nA *b* c.\n\n# *why*\n"),
      (Strings{"block@0", "list-item@8", "list-item@31", "block@45", "heading@54"}));
}

TEST(MarkdownProse, NestedListItemsStartBlocksWithoutTheirMarkers) {
  const std::string_view list =
      "- first item\n  - nested one\n* [x] done\n\n1. numbered\n2) other\n";
  EXPECT_EQ(view(list), " first item\n   nested one\n  done\n\n numbered\n other\n");
  EXPECT_EQ(starts(list), (Strings{"list-item@1", "list-item@15", "list-item@28", "list-item@35",
                                   "list-item@45"}));
  // The paragraphs of a loose list item: the first is the item, the next a block of its own.
  EXPECT_EQ(starts("- one\n\n  two\n"), (Strings{"list-item@1", "block@8"}));
}

TEST(MarkdownProse, BlockQuoteMarkersAreLeftOutAndTheirParagraphsStartBlocks) {
  const std::string_view quote = "> Quoted text\n> goes on.\n>\n> > nested quote.\n";
  EXPECT_EQ(view(quote), " Quoted text\n goes on.\n\n  nested quote.\n");
  EXPECT_EQ(starts(quote), (Strings{"block@1", "block@26"}));
}

TEST(MarkdownProse, TableCellsStartBlocksAndAPipeBetweenWordsIsAPlaceholder) {
  const std::string_view table = "| Name | Ready |\n|------|:-----:|\n| the | yes |\n";
  EXPECT_EQ(view(table), " Name  Ready \n\n the  yes \n");
  EXPECT_EQ(starts(table),
            (Strings{"table-cell@1", "table-cell@7", "table-cell@16", "table-cell@21"}));
  EXPECT_EQ(view("| a|b |\n|---|---|\n| the|the |\n"), " a$b \n\n the$the \n");
}

TEST(MarkdownProse, EmphasisStrongAndStrikethroughMarkersAreLeftOut) {
  EXPECT_EQ(view("Some *light*, **strong**, _under_ and ~~gone~~ text."),
            "Some light, strong, under and gone text.");
  // As a reader sees them: the words the issue found missed.
  EXPECT_EQ(view("We saw the **the** cat today."), "We saw the the cat today.");
  EXPECT_EQ(view("The partnership,**examining** risks"), "The partnership,examining risks");
}

TEST(MarkdownProse, HardBreaksAndEscapesKeepTheTextAndLeaveOutTheMarkup) {
  EXPECT_EQ(view("First line  \nsecond\\\nthird \\*not emphasis\\*."),
            "First line  \nsecond\nthird *not emphasis*.");
}

TEST(MarkdownProse, EntitiesStayAsWritten) {
  EXPECT_EQ(view("Fish &amp; chips &#38; peas&nbsp;now."), "Fish &amp; chips &#38; peas&nbsp;now.");
}

TEST(MarkdownProse, CrLfLineEndingsStayInPlace) {
  const std::string_view crlf = "# Title\r\n\r\nSome `code` here.\r\n\r\n```\r\nx\r\n```\r\n";
  EXPECT_EQ(view(crlf), " Title\r\n\r\nSome $ here.\r\n\r\n\r\n\r\n\r\n");
  EXPECT_EQ(starts(crlf), (Strings{"heading@1", "block@10"}));
}

TEST(MarkdownProse, TheMapLeadsEveryByteBackToTheSource) {
  const std::string source = "Café `naïve` 한국어 `코드` ok 🎉 `x` end.";
  const ProseView prose = markdown_prose(source);
  const auto size = static_cast<std::uint32_t>(source.size());
  for (const std::string_view kept : {"Café", "한국어", "ok", "🎉", "end."}) {
    const auto at = static_cast<std::uint32_t>(prose.text.find(kept));
    ASSERT_NE(at, std::string::npos) << kept;
    const Span span =
        prose.map.to_source(Span{at, at + static_cast<std::uint32_t>(kept.size())}, size);
    EXPECT_EQ(span.in(source), kept);
  }
  for (const std::string_view code : {"`naïve`", "`코드`", "`x`"}) {
    const auto at = static_cast<std::uint32_t>(source.find(code));
    const std::uint32_t in_view =
        prose.map.prose_offset(at, static_cast<std::uint32_t>(prose.text.size()));
    EXPECT_EQ(prose.text[in_view], kNonProsePlaceholder) << code;
    EXPECT_EQ(prose.map.source_offset(in_view, size), at) << code;
  }
}

TEST(MarkdownProse, AByteOrderMarkIsLeftOutAndTheFirstLineParsed) {
  EXPECT_EQ(view("\xEF\xBB\xBF# Title\n"), " Title\n");
  EXPECT_EQ(starts("\xEF\xBB\xBF# Title\n"), (Strings{"heading@1"}));
}

TEST(MarkdownProse, ABlockStartsAtItsFirstCharacterThatIsNotBlank) {
  // md4c hands over a NUL as its own replacement character, so the paragraph's first text from
  // the source is " lead"; the NUL itself is left out of the view.
  EXPECT_EQ(starts(std::string_view("A\n\n\0 lead\n", 11)), (Strings{"block@0", "block@4"}));
}

TEST(MarkdownProse, ALinkThatMd4cLeavesWithoutEnteringIsIgnored) {
  // md4c 0.4.8 reports the end of the outer link here but never its start (and its "[" as
  // text).
  EXPECT_EQ(view("[![badge](b.sv[)](http://example.com)."), "[$.");
}

TEST(MarkdownProse, BlocksWithoutProseStartNothing) {
  EXPECT_EQ(starts("- `code`\n-\n- ![img](x.png)\n"), (Strings{"list-item@1", "list-item@5"}));
  EXPECT_EQ(starts("| a |  |\n|---|---|\n"), (Strings{"table-cell@1"}));
}

// What markdown_fuzzer checks of every view: source bytes in order (or placeholders), every
// line break kept, block starts in order at the start of a token.
void expect_view_invariants(const std::string& source, const std::string& name) {
  const ProseView prose = markdown_prose(source);
  const auto size = static_cast<std::uint32_t>(source.size());
  std::uint32_t previous = 0;
  for (std::uint32_t i = 0; i < prose.text.size(); ++i) {
    const std::uint32_t at = prose.map.source_offset(i, size);
    ASSERT_LT(at, size) << name << ": byte " << i;
    EXPECT_TRUE(i == 0 || at > previous) << name << ": byte " << i << " out of order";
    EXPECT_TRUE(prose.text[i] == source[at] || prose.text[i] == kNonProsePlaceholder)
        << name << ": byte " << i << " is not the source's";
    previous = at;
  }
  EXPECT_EQ(std::count(prose.text.begin(), prose.text.end(), '\n'),
            std::count(source.begin(), source.end(), '\n'))
      << name;
  EXPECT_EQ(std::count(prose.text.begin(), prose.text.end(), '\r'),
            std::count(source.begin(), source.end(), '\r'))
      << name;
  std::uint32_t last_start = 0;
  for (const BlockStart& start : prose.block_starts) {
    ASSERT_LT(start.offset, prose.text.size()) << name;
    EXPECT_GE(start.offset, last_start) << name;
    const char at = prose.text[start.offset];
    EXPECT_TRUE(at != ' ' && at != '\t' && at != '\n' && at != '\r')
        << name << ": block start at a blank, offset " << start.offset;
    last_start = start.offset;
  }
}

TEST(MarkdownProse, TheViewKeepsEveryLineBreakAndTheSourceOrder) {
  expect_view_invariants(
      "---\ntitle: x\n---\n# Head\r\n\r\n> - item `c`\n>   more\n\n```\ncode\n```\n"
      "| a | b |\n|---|---|\n| c | d |\n\n<div>\nx\n</div>\n\n[r]: /x\n\nEnd.\r",
      "mixed");
}

// The invariants markdown_fuzzer checks, on the inputs it once broke them with.
TEST(MarkdownProse, FuzzRegressionsKeepTheViewInvariants) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_path("fuzz-regressions"))) {
    if (entry.path().extension() != ".md") continue;
    ++checked;
    expect_view_invariants(read_file(entry.path()), entry.path().string());
  }
  EXPECT_GE(checked, 1);
}

// --- Block starts make sentences --------------------------------------------------------------

std::vector<std::string> sentences_of(std::string_view markdown) {
  ProseView prose = markdown_prose(markdown);
  const Document document("test.md", prose.text, prose.block_starts);
  std::vector<std::string> result;
  for (const Sentence& sentence : document.sentences()) {
    result.push_back(kind_name(sentence.start) + ": " +
                     std::string(document.text_of(sentence.span)));
  }
  return result;
}

TEST(MarkdownSentences, HeadingsListItemsCellsAndQuotesStartSentences) {
  EXPECT_EQ(sentences_of("# the plan\nwe start now. then we stop\n"),
            (Strings{"heading: the plan", "block: we start now.", "after-terminal: then we stop"}));
  EXPECT_EQ(sentences_of("- one thing\n- another thing\n"),
            (Strings{"list-item: one thing", "list-item: another thing"}));
  EXPECT_EQ(sentences_of("| the | the |\n|---|---|\n| a | apple |\n"),
            (Strings{"table-cell: the", "table-cell: the", "table-cell: a", "table-cell: apple"}));
  EXPECT_EQ(sentences_of("Some text\n> quoted text\n"),
            (Strings{"block: Some text", "block: quoted text"}));
}

TEST(MarkdownSentences, WithoutBlockStartsTheSameTextIsOneSentence) {
  // The contrast: the segmenter alone cannot see the cell boundaries in the view.
  const ProseView prose = markdown_prose("| the | the |\n|---|---|\n");
  const Document document("test.md", prose.text);
  EXPECT_EQ(document.sentences().size(), 1u);
}

TEST(MarkdownSentences, BlockBetweenTellsWordsOfTwoBlocksApart) {
  const ProseView prose = markdown_prose("| one | two three |\n|---|---|\n");
  const Document document("test.md", prose.text, prose.block_starts);
  const auto index_of = [&](std::string_view word) {
    for (std::uint32_t i = 0; i < document.tokens().size(); ++i) {
      if (document.text_of(document.tokens()[i]) == word) return i;
    }
    ADD_FAILURE() << word;
    return 0u;
  };
  EXPECT_TRUE(document.block_between(index_of("one"), index_of("two")));
  EXPECT_FALSE(document.block_between(index_of("two"), index_of("three")));
}

// --- Fixes that would touch markup -------------------------------------------------------------

TEST(MarkdownFixes, AFixOverHiddenMarkupIsDroppedAndTheFindingKept) {
  const std::string source = "We saw the **the** end.";
  const ProseView prose = markdown_prose(source);
  ASSERT_EQ(prose.text, "We saw the the end.");
  std::vector<Diagnostic> diagnostics(2);
  diagnostics[0].span = Span{11, 14};                                  // the second "the"
  diagnostics[0].fix = Fix{"Remove", {Edit{Span{10, 14}, ""}}, true};  // " the", " **the" there
  diagnostics[1].span = Span{3, 6};
  diagnostics[1].fix = Fix{"Replace", {Edit{Span{3, 6}, "sees"}}, true};  // "saw"
  map_to_source(diagnostics, prose, source);
  EXPECT_EQ(diagnostics[0].span, (Span{13, 16}));
  EXPECT_FALSE(diagnostics[0].fix.has_value());
  EXPECT_EQ(diagnostics[1].span, (Span{3, 6}));
  ASSERT_TRUE(diagnostics[1].fix.has_value());
  EXPECT_EQ(diagnostics[1].fix->edits[0].replacement, "sees");
}

TEST(MarkdownFixes, AnInsertionNextToMarkupGoesBeforeIt) {
  const std::string source = "The partnership,**examining** risks";
  const ProseView prose = markdown_prose(source);
  ASSERT_EQ(prose.text, "The partnership,examining risks");
  std::vector<Diagnostic> diagnostics(1);
  diagnostics[0].span = Span{15, 16};
  diagnostics[0].fix = Fix{"Add a space", {Edit{Span{16, 16}, " "}}, true};
  map_to_source(diagnostics, prose, source);
  EXPECT_EQ(diagnostics[0].span, (Span{15, 16}));
  ASSERT_TRUE(diagnostics[0].fix.has_value());
  EXPECT_EQ(diagnostics[0].fix->edits[0].span, (Span{16, 16}));  // "partnership, **examining**"
}

// --- Through the engine -----------------------------------------------------------------------

struct Found {
  std::string rule;
  std::uint32_t line = 0, column = 0;
  std::string text;
  friend bool operator==(const Found&, const Found&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Found& f) {
    return out << f.rule << " " << f.line << ":" << f.column << " `" << f.text << "`";
  }
};

std::vector<Found> lint(std::string_view name, std::string_view source) {
  const FileResult result = engine_for("en_US").lint_text(std::string(name), std::string(source));
  EXPECT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.text, source) << "reports show the source, not the prose view";
  const SourceMap map(result.text);
  std::vector<Found> found;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    const Position at = map.position(diagnostic.span.begin);
    found.push_back(
        Found{diagnostic.rule, at.line, at.column, std::string(diagnostic.span.in(result.text))});
  }
  return found;
}

TEST(MarkdownEngine, SyntaxComesFromTheExtension) {
  EXPECT_EQ(syntax_of("notes.md"), Syntax::Markdown);
  EXPECT_EQ(syntax_of("dir/Notes.MARKDOWN"), Syntax::Markdown);
  EXPECT_EQ(syntax_of("notes.txt"), Syntax::Text);
  EXPECT_EQ(syntax_of("notes"), Syntax::Text);
  EXPECT_EQ(syntax_of("<stdin>"), Syntax::Text);
  EXPECT_EQ(syntax_of("notes.md.txt"), Syntax::Text);
}

TEST(MarkdownEngine, NothingOutsideProseIsFlagged) {
  const std::string source =
      "---\ntitle: Teh recieve\n---\n"
      "Run `recieve teh` with an `int` and the `the` flag.\n\n"
      "```\nteh recieve recieve\n```\n\n"
      "    indented teh recieve\n\n"
      "<div>recieve teh</div>\n\n"
      "Some <span title=\"recieve\">text</span> and <!-- teh recieve --> more.\n\n"
      "See [the docs](http://example.com/recieve \"teh\") and <http://example.com/teh>.\n\n"
      "Visit www.example.com/recieve or teh@example.com now.\n\n"
      "An ![recieve teh](teh.png) image.\n\n"
      "[ref]: http://example.com/recieve \"teh recieve\"\n";
  EXPECT_EQ(lint("clean.md", source), std::vector<Found>{});
  // The same bytes as plain text are full of findings.
  EXPECT_GT(lint("clean.txt", source).size(), 5u);
}

TEST(MarkdownEngine, NoWordIsJoinedAcrossCodeOrBlocks) {
  const std::string source =
      "# Plans for a\n\nApple growers met.\n\n"
      "| a | apple |\n|---|---|\n| the | the |\n\n"
      "- a\n- apple\n\n"
      "Use an `int` value and the `the` keyword.\n";
  EXPECT_EQ(lint("joined.md", source), std::vector<Found>{});
}

TEST(MarkdownEngine, FindingsPointIntoTheMarkdownSource) {
  const std::string source =
      "# Café `naïve` report\n\n"
      "The 한국어 `코드` team saw a increase in *the the* sales,but `x` teh 🎉 **recieve**.\n\n"
      "| Cell | Value |\n|---|---|\n| an `x` | a apple |\n";
  // Columns count code points: "한국어" is three, "🎉" one.
  const std::vector<Found> expected = {
      {"wrong-indefinite-article", 3, 23, "a"},        {"repeated-word", 3, 42, "the"},
      {"missing-space-after-punctuation", 3, 52, ","}, {"misspelled-word", 3, 61, "teh"},
      {"misspelled-word", 3, 69, "recieve"},           {"wrong-indefinite-article", 7, 12, "a"},
  };
  EXPECT_EQ(lint("report.md", source), expected);
}

TEST(MarkdownEngine, LowercaseStartsAreJudgedInParagraphsHeadingsAndQuotesOnly) {
  const std::string source =
      "# why we moved.\n\n"
      "## getting started\n\n"
      "this paragraph starts in lowercase.\n\n"
      "> quoted words start here too.\n\n"
      "- item fragment, lowercase.\n\n"
      "| Answer |\n|---|\n| yes, it is. |\n\n"
      "**version:** must be a number.\n\n"
      "### new AxiosHeaders(headers?)\n\n"
      "[abstract-logging](https://www.npmjs.com/package/abstract-logging) logs nothing.\n";
  // The term in bold opens no sentence, the API heading shows a call and the link names its
  // package: none of them is judged.
  const std::vector<Found> expected = {
      {"lowercase-sentence-start", 1, 3, "why"},
      {"lowercase-sentence-start", 5, 1, "this"},
      {"lowercase-sentence-start", 7, 3, "quoted"},
  };
  EXPECT_EQ(lint("starts.md", source), expected);
}

TEST(MarkdownEngine, FixesStayOnlyWhereTheyTouchProseAlone) {
  const FileResult result =
      engine_for("en_US").lint_text("fix.md", "We saw the *the* end and the the start.\n");
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].span, (Span{12, 15}));
  EXPECT_FALSE(result.diagnostics[0].fix.has_value());  // would delete the '*'
  EXPECT_EQ(result.diagnostics[1].span, (Span{29, 32}));
  ASSERT_TRUE(result.diagnostics[1].fix.has_value());
  EXPECT_EQ(result.diagnostics[1].fix->edits[0].span, (Span{28, 32}));
}

// Markup between words hides nothing a reader sees: the rules read "the the" and
// "partnership,examining" (issue #18), and report into the source.
TEST(MarkdownEngine, WordsAroundEmphasisMarkersReadAsRendered) {
  expect_markdown_flags("repeated-word", "We saw the **[[the]]** cat today.");
  expect_markdown_flags("missing-space-after-punctuation",
                        "The partnership[[,]]**examining** risks");
  // The space goes after the comma, before the markup; the repeat's fix would delete markup.
  expect_fix("missing-space-after-punctuation", "The partnership,**examining** risks",
             "The partnership, **examining** risks", "test.md");
  expect_fix("repeated-word", "We saw the **the** cat today.", "We saw the **the** cat today.",
             "test.md");
  // A table's pipe still keeps two cells apart.
  expect_markdown_flags("repeated-word", "| the|the |\n|---|---|\n");
}

TEST(MarkdownEngine, PlainTextIsReadAsBefore) {
  // Under a .txt name, Markdown markup is text: the "#" line does not end a block. As
  // Markdown, the heading ends and a paragraph starts (in lowercase).
  const std::string source = "# Buy a\napple pie here.\n";
  EXPECT_EQ(lint("pie.txt", source), (std::vector<Found>{{"wrong-indefinite-article", 1, 7, "a"}}));
  EXPECT_EQ(lint("pie.md", source),
            (std::vector<Found>{{"lowercase-sentence-start", 2, 1, "apple"}}));
}

TEST(MarkdownEngine, ALongFileIsLintedInPiecesWithItsBlockStarts) {
  // Over 4 MiB: linted a piece at a time. Table cells in every piece keep their block starts
  // (else "the | the" would be a repeated word), and findings keep their offsets.
  const std::string chunk =
      "The council met on Monday.\n\n| the | the |\n|---|---|\n| a | apple |\n\n"
      "```\nteh teh\n```\n\n";
  std::string source;
  std::vector<std::uint32_t> offsets;
  for (int i = 0; source.size() < 5'000'000; ++i) {
    if (i % 15'000 == 0) {
      offsets.push_back(static_cast<std::uint32_t>(source.size() + 4));
      source += "The the council met again.\n\n";
    }
    source += chunk;
  }
  const FileResult result = engine_for("en_US").lint_text("big.md", source);
  ASSERT_FALSE(result.error);
  std::vector<std::uint32_t> found;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    EXPECT_EQ(diagnostic.rule, "repeated-word");
    found.push_back(diagnostic.span.begin);
  }
  EXPECT_EQ(found, offsets);
}

// --- The command line ---------------------------------------------------------------------------

class MarkdownCli : public CliFixture {};

constexpr std::string_view kMarkdown = "Run `recieve` now.\n\nIt is a error.\n";

TEST_F(MarkdownCli, MarkdownFilesAreReadAsMarkdownAndTextFilesAsText) {
  file("notes.md", kMarkdown);
  file("notes.txt", kMarkdown);
  const Outcome run = this->run("--format text notes.md notes.txt");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out.find("notes.md:1:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("notes.md:3:7: error: Use `an` before `error`."), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("notes.txt:1:6: error: `recieve` is not in the dictionary."),
            std::string::npos)
      << run.out;
}

TEST_F(MarkdownCli, StdinFilenameNamesStandardInputAndGivesItsSyntax) {
  const Outcome markdown =
      run("--format text --stdin-filename docs/notes.md -", std::string(kMarkdown));
  EXPECT_EQ(markdown.exit_code, 1) << markdown.err;
  EXPECT_EQ(markdown.out.find("recieve"), std::string::npos) << markdown.out;
  EXPECT_NE(markdown.out.find("docs/notes.md:3:7: error: Use `an`"), std::string::npos)
      << markdown.out;
  // Without it, standard input is plain text called "<stdin>".
  const Outcome text = run("--format text -", std::string(kMarkdown));
  EXPECT_NE(text.out.find("<stdin>:1:6: error: `recieve`"), std::string::npos) << text.out;
  const Outcome named_text =
      run("--format text --stdin-filename notes.txt -", std::string(kMarkdown));
  EXPECT_NE(named_text.out.find("notes.txt:1:6: error: `recieve`"), std::string::npos)
      << named_text.out;
}

}  // namespace
}  // namespace copydesk::testing
