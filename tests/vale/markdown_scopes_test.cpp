// The Markdown elements Vale rules can be scoped to, with their text mapped to exact source
// bytes.

#include "copydesk/vale/markdown_scopes.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace copydesk::vale {
namespace {

// Each element as "scope: text", or "heading.hN: text" for a heading.
std::vector<std::string> elements(std::string_view markdown) {
  std::vector<std::string> found;
  for (const ScopedText& scoped : markdown_scopes(markdown)) {
    std::string name(scope_name(scoped.scope));
    if (scoped.scope == MarkdownScope::Heading) name += ".h" + std::to_string(scoped.heading_level);
    found.push_back(name + ": " + scoped.text.text);
  }
  return found;
}

using Strings = std::vector<std::string>;

TEST(MarkdownScopes, HeadingsKnowTheirLevel) {
  EXPECT_EQ(elements("# Desk notes\n\nBody text.\n\n### Late edits\n"),
            (Strings{"heading.h1: Desk notes", "paragraph: Body text.", "heading.h3: Late edits"}));
  EXPECT_EQ(elements("Setext title\n============\n"), Strings{"heading.h1: Setext title"});
}

TEST(MarkdownScopes, ListItemsHoldTheirParagraphs) {
  EXPECT_EQ(elements("- first item\n- second *one*\n"),
            (Strings{"list: first item", "list: second one", "emphasis: one"}));
  EXPECT_EQ(
      elements("1. loose item\n\n   more of it\n"),
      (Strings{"list: loose item more of it", "paragraph: loose item", "paragraph: more of it"}));
}

TEST(MarkdownScopes, BlockquotesJoinTheirLines) {
  EXPECT_EQ(
      elements("> quoted words\n> continue here\n"),
      (Strings{"blockquote: quoted words continue here", "paragraph: quoted words continue here"}));
}

TEST(MarkdownScopes, TableCellsAndHeaders) {
  EXPECT_EQ(elements("| Name | Role |\n| --- | --- |\n| Ana | copy chief |\n"),
            (Strings{"table.header: Name", "table.header: Role", "table.cell: Ana",
                     "table.cell: copy chief"}));
}

TEST(MarkdownScopes, LinkTextAltTextAndCodeStandApart) {
  EXPECT_EQ(elements("See [the style guide](https://example.com/guide) and ![a desk "
                     "lamp](lamp.png) or `make test`.\n"),
            (Strings{"paragraph: See the style guide and or .", "link: the style guide",
                     "alt: a desk lamp", "code: make test"}));
}

TEST(MarkdownScopes, StrongAndEmphasis) {
  EXPECT_EQ(
      elements("A **bold claim** and _a hedge_.\n"),
      (Strings{"paragraph: A bold claim and a hedge.", "strong: bold claim", "emphasis: a hedge"}));
}

TEST(MarkdownScopes, CodeBlocksAndFrontMatterAreNoScope) {
  EXPECT_EQ(elements("---\ntitle: Notes\n---\n\n```\nnot prose\n```\n\nProse.\n"),
            Strings{"paragraph: Prose."});
}

TEST(MarkdownScopes, TextMapsToExactSourceBytes) {
  const std::string_view source = "Intro line.\n\n> **Quoted** text\n> on two lines\n";
  for (const ScopedText& scoped : markdown_scopes(source)) {
    const ProseText& prose = scoped.text;
    for (std::uint32_t i = 0; i < prose.text.size(); ++i) {
      const std::uint32_t at =
          prose.map.source_offset(i, static_cast<std::uint32_t>(source.size()));
      if (prose.text[i] != ' ') {
        EXPECT_EQ(source[at], prose.text[i]) << prose.text << " at " << i;
      }
    }
  }
  const auto scopes = markdown_scopes(source);
  ASSERT_EQ(scopes.size(), 4u);
  EXPECT_EQ(scopes[1].scope, MarkdownScope::Blockquote);
  EXPECT_EQ(scopes[1].text.text, "Quoted text on two lines");
  // "on" on the second line of the quote, after "> ".
  const std::uint32_t on = static_cast<std::uint32_t>(scopes[1].text.text.find("on"));
  EXPECT_EQ(scopes[1].text.map.source_offset(on, static_cast<std::uint32_t>(source.size())),
            source.find("on two"));
}

TEST(MarkdownScopes, PlaceElementsInTheTextRulesRead) {
  const std::string_view source =
      "# Style *notes*\n\n- one [linked](x.md) item\n\n> quoted ![alt](a.png) here\n";
  // A tight list item holds no paragraph of its own.
  const ProseView view = markdown_prose(source);
  std::vector<std::string> placed;
  for (const ScopedSpan& scoped : scopes_in_prose(markdown_scopes(source), view, source)) {
    placed.push_back(std::string(scope_name(scoped.scope)) + ": " +
                     std::string(scoped.span.in(view.text)));
  }
  EXPECT_EQ(placed, (Strings{"heading: Style notes", "emphasis: notes", "list: one linked item",
                             "link: linked", "blockquote: quoted \x1A here",
                             "paragraph: quoted \x1A here"}));
}

}  // namespace
}  // namespace copydesk::vale
