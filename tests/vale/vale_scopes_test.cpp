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

}  // namespace
}  // namespace copydesk::vale
