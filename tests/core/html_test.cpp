// The HTML front end: what of a page the rules read (the prose view), where it says blocks
// begin, and findings on a news page reported at their place in the original HTML.

#include "copydesk/html.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/source_map.hpp"
#include "copydesk/syntax.hpp"
#include "golden.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

// The prose view with its placeholder shown as '$'; sources here contain no '$' of their own.
std::string view(std::string_view html) {
  EXPECT_EQ(html.find('$'), std::string_view::npos) << "'$' stands for the placeholder";
  std::string text = html_prose(html).text;
  std::replace(text.begin(), text.end(), kNonProsePlaceholder, '$');
  return text;
}

// The words of each block start, as "offset:kind-number" would be unreadable: the prose from
// each block start to the next blank.
std::vector<std::string> block_words(std::string_view html) {
  const ProseView prose = html_prose(html);
  std::vector<std::string> words;
  for (const BlockStart& start : prose.block_starts) {
    const std::size_t end = prose.text.find_first_of(" \n$\x1A", start.offset);
    words.push_back(prose.text.substr(start.offset, end - start.offset));
  }
  return words;
}

using Strings = std::vector<std::string>;

TEST(HtmlProse, KeepsTextNodesAndDropsTags) {
  EXPECT_EQ(view("<p>The <em>new</em> ferry</p>"), "The new ferry");
  EXPECT_EQ(view("<p>a</p><p>b</p>"), "a$b");
  EXPECT_EQ(view("<p>a</p>\n<p>b</p>"), "a\nb");
  EXPECT_EQ(view("<p>line one<br>line two</p>"), "line one$line two");
}

TEST(HtmlProse, SkipsScriptStyleCodePreAndTheHead) {
  EXPECT_EQ(view("<head><title>Teh</title><style>p{}</style></head><body>Hi</body>"), "Hi");
  EXPECT_EQ(view("<p>Last words</p></body></html>\n"), "Last words\n");
  EXPECT_EQ(view("<p>A<script>teh()</script>B</p>"), "A$B");
  EXPECT_EQ(view("<p>Use an <code>int</code> value</p>"), "Use an $ value");
  // The whitespace of what is skipped stays, as in Markdown: lines stay where they were.
  EXPECT_EQ(view("<p>Before</p><pre>teh\nrecieve</pre><p>After</p>"), "Before\nAfter");
  EXPECT_EQ(view("<p>One<!--teh-->two <!-- x --> three</p>"), "Onetwo    three");
}

TEST(HtmlProse, ReadsOnlyTheAltAndTitleAttributes) {
  EXPECT_EQ(view("<p><img src=\"teh.png\" alt=\"A ferry\" data-x=\"recieve\"> docks</p>"),
            "  A ferry  docks");
  EXPECT_EQ(view("<abbr title='Harbour Board' class=x>HB</abbr>"), " Harbour Board HB");
  EXPECT_EQ(view("<a href=\"/teh\" rel=\"recieve\">Link</a>"), "  Link");
}

TEST(HtmlProse, LeavesEntitiesAsWrittenSoThatOffsetsAreTheSources) {
  const std::string_view html = "<p>Tom &amp; Jerry &ndash; caf&eacute;s</p>";
  const ProseView prose = html_prose(html);
  EXPECT_EQ(prose.text, "Tom &amp; Jerry &ndash; caf&eacute;s");
  const std::size_t at = prose.text.find("Jerry");
  EXPECT_EQ(prose.map.source_offset(static_cast<std::uint32_t>(at), html.size()),
            html.find("Jerry"));
}

TEST(HtmlProse, BlocksStartSentences) {
  EXPECT_EQ(block_words("<h1>Title</h1><p>first para</p><ul><li>item one</li></ul>"
                        "<figure><img alt=\"the ferry\"><figcaption>caption</figcaption></figure>"),
            (Strings{"Title", "first", "item", "the", "caption"}));
  const ProseView prose =
      html_prose("<h1>T</h1><ul><li>i</li></ul><table><tr><td>c</td></tr></table><p>p</p>");
  ASSERT_EQ(prose.block_starts.size(), 4u);
  EXPECT_EQ(prose.block_starts[0].kind, SentenceStart::Heading);
  EXPECT_EQ(prose.block_starts[1].kind, SentenceStart::ListItem);
  EXPECT_EQ(prose.block_starts[2].kind, SentenceStart::TableCell);
  EXPECT_EQ(prose.block_starts[3].kind, SentenceStart::Block);
}

TEST(HtmlProse, InlineElementsStartNoSentence) {
  EXPECT_EQ(block_words("<p>The <a href=x title=\"Full story\">report</a> is <b>out</b>.</p>"),
            (Strings{"The", "Full"}));
}

TEST(HtmlProse, SurvivesBrokenMarkupAndDeepNesting) {
  EXPECT_EQ(view("<p>Unclosed <b>bold <i>and</p> more"), "Unclosed bold and more");
  EXPECT_EQ(view("<p>a < b and 3<4</p>"), "a < b and 3<4");
  // gumbo's tree building takes time quadratic in the depth (20,000 levels: 24 s), so the
  // test stays at a depth pages reach.
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<span>";
  deep += "deep";
  EXPECT_NE(view(deep).find("deep"), std::string::npos);
  EXPECT_EQ(view(""), "");
}

struct Found {
  std::string rule;
  std::uint32_t line = 0, column = 0, offset = 0;
  std::string text;
  friend bool operator==(const Found&, const Found&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Found& f) {
    return out << f.rule << " " << f.line << ":" << f.column << " @" << f.offset << " `" << f.text
               << "`";
  }
};

std::vector<Found> lint(std::string_view name, const std::string& source) {
  const FileResult result = engine_for("en_GB").lint_text(std::string(name), source);
  EXPECT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.text, source) << "reports show the source, not the prose view";
  const SourceMap map(result.text);
  std::vector<Found> found;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    const Position at = map.position(diagnostic.span.begin);
    found.push_back(Found{diagnostic.rule, at.line, at.column, diagnostic.span.begin,
                          std::string(diagnostic.span.in(result.text))});
  }
  return found;
}

TEST(HtmlEngine, SyntaxComesFromTheExtension) {
  EXPECT_EQ(syntax_of("page.html"), Syntax::Html);
  EXPECT_EQ(syntax_of("dir/PAGE.HTM"), Syntax::Html);
  EXPECT_EQ(syntax_of("page.html.txt"), Syntax::Text);
  EXPECT_EQ(syntax_of("page.xhtml"), Syntax::Text);
}

// A news page as a CMS exports it: navigation, a byline, a figure with alt text and a
// caption, entities, inline code, a script, a style sheet and a comment. Every finding is
// where it is in the HTML; none comes from markup, code, the head or other attributes.
TEST(HtmlEngine, FindingsOnANewsPagePointIntoTheHtml) {
  const std::string page = read_file(corpus_path("documents/news-page.html"));
  ASSERT_FALSE(page.empty());
  const std::vector<Found> expected = {
      {"repeated-word", 16, 55, 677, "the"},
      {"missing-space-after-punctuation", 17, 53, 752, ","},
      {"wrong-indefinite-article", 19, 39, 831, "a"},
      {"lowercase-sentence-start", 20, 48, 963, "residents"},
      {"repeated-word", 20, 90, 1005, "the"},
  };
  EXPECT_EQ(lint("news-page.html", page), expected);
  // The same bytes read as plain text: the script, the head and the code are flagged.
  EXPECT_GT(lint("news-page.txt", page).size(), expected.size() + 3);
}

TEST(HtmlEngine, FixesApplyToTheHtmlSource) {
  const FileResult result =
      engine_for("en_GB").lint_text("fix.html", "<p>She saw a <b>owl</b> at dusk.</p>\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  const Diagnostic& found = result.diagnostics[0];
  EXPECT_EQ(found.rule, "wrong-indefinite-article");
  EXPECT_EQ(found.span.begin, 11u);
  ASSERT_TRUE(found.fix);
  ASSERT_EQ(found.fix->edits.size(), 1u);
  EXPECT_EQ(found.fix->edits[0].span.begin, 11u);
  EXPECT_EQ(found.fix->edits[0].replacement, "an");
}

TEST(HtmlEngine, DirectivesInCommentsSuppress) {
  const std::string page =
      "<p>He wrote teh report.</p>\n<!-- copydesk-disable-next-line misspelled-word -->\n"
      "<p>She wrote teh summary.</p>\n";
  const std::vector<Found> expected = {{"misspelled-word", 1, 13, 12, "teh"}};
  EXPECT_EQ(lint("suppressed.html", page), expected);
}

}  // namespace
}  // namespace copydesk::testing
