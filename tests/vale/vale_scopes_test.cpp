// The blocks Vale's scopes select from a Markdown document's prose view.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/document.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/vale/check.hpp"

namespace copydesk::vale {
namespace {

std::vector<std::string> blocks(std::string_view markdown, Scope scope) {
  const ProseView view = markdown_prose(markdown);
  const Document document("test.md", view.text, view.block_starts);
  std::vector<std::string> texts;
  for (const Block& block : blocks_in_scope(document, scope)) {
    EXPECT_EQ(document.text().substr(block.offset, block.text.size()), block.text);
    texts.emplace_back(block.text);
  }
  return texts;
}

using Strings = std::vector<std::string>;

constexpr std::string_view kSample =
    "# Desk notes\n\nA first paragraph. It has two sentences.\n\n- an item\n- another item\n\n"
    "| Name | Role |\n| --- | --- |\n| Ana | chief |\n";

TEST(ValeScopes, ParagraphsOnly) {
  EXPECT_EQ(blocks(kSample, Scope::Paragraph), Strings{"A first paragraph. It has two sentences."});
}

TEST(ValeScopes, ListItemsOnly) {
  EXPECT_EQ(blocks(kSample, Scope::List), (Strings{"an item", "another item"}));
}

TEST(ValeScopes, TableCellsOnly) {
  EXPECT_EQ(blocks(kSample, Scope::TableCell), (Strings{"Name", "Role", "Ana", "chief"}));
}

TEST(ValeScopes, HeadingsAndText) {
  EXPECT_EQ(blocks(kSample, Scope::Heading), Strings{"Desk notes"});
  EXPECT_EQ(blocks(kSample, Scope::Text).size(), 8u);
}

TEST(ValeScopeSelection, ElementScopesReadTheirBlocksAndTestTheElement) {
  const ScopeSelection h2 = parse_scope_selection("heading.h2");
  EXPECT_EQ(h2.blocks, Scope::Heading);
  ASSERT_EQ(h2.elements.size(), 1u);
  EXPECT_EQ(h2.elements[0].element, MarkdownScope::Heading);
  EXPECT_EQ(h2.elements[0].heading_level, 2);
  EXPECT_TRUE(h2.elements[0].inside);
  EXPECT_TRUE(parse_scope_selection("heading").elements.empty());
  EXPECT_EQ(parse_scope_selection("text.html").blocks, Scope::Text);
  EXPECT_EQ(parse_scope_selection("paragraph.md").blocks, Scope::Paragraph);
  EXPECT_FALSE(parse_scope_selection("paragraph.md").other_format);
  const ScopeSelection rst = parse_scope_selection("paragraph.rst");
  EXPECT_EQ(rst.blocks, Scope::Paragraph);
  EXPECT_TRUE(rst.other_format);
  const ScopeSelection quote = parse_scope_selection("blockquote");
  EXPECT_EQ(quote.blocks, Scope::Text);
  ASSERT_EQ(quote.elements.size(), 1u);
  EXPECT_EQ(quote.elements[0].element, MarkdownScope::Blockquote);
}

TEST(ValeScopeSelection, NegatedAndJoinedTerms) {
  const ScopeSelection selection = parse_scope_selection("heading & ~heading.h1");
  EXPECT_EQ(selection.blocks, Scope::Heading);
  ASSERT_EQ(selection.elements.size(), 1u);
  EXPECT_EQ(selection.elements[0].heading_level, 1);
  EXPECT_FALSE(selection.elements[0].inside);
  const ScopeSelection outside = parse_scope_selection("~blockquote");
  EXPECT_EQ(outside.blocks, Scope::Text);
  ASSERT_EQ(outside.elements.size(), 1u);
  EXPECT_FALSE(outside.elements[0].inside);
}

TEST(ValeScopeSelection, WhatCannotBeReadIsRefusedSayingWhy) {
  const auto refusal = [](std::string_view written) -> std::string {
    try {
      parse_scope_selection(written);
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "accepted";
  };
  EXPECT_EQ(refusal("alt"),
            "scope 'alt' is not supported: that text is not in the prose copydesk's rules read");
  EXPECT_EQ(refusal("heading & list"), "scope 'heading & list' joins two kinds of block");
  EXPECT_EQ(refusal("~sentence"), "scope '~sentence' cannot be negated");
  EXPECT_TRUE(refusal("title").starts_with("scope 'title' is not supported (text, heading,"));
}

}  // namespace
}  // namespace copydesk::vale
