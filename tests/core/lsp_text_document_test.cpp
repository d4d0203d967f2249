#include <gtest/gtest.h>

#include "copydesk/lsp/text_document.hpp"

namespace copydesk::lsp {
namespace {

constexpr auto kUtf16 = PositionEncoding::Utf16;
constexpr auto kUtf8 = PositionEncoding::Utf8;

// "a😀b\r\nc\u0301d\re": an emoji (4 bytes, 2 units), CRLF, a combining mark, a lone CR.
const std::string kText =
    "a\xF0\x9F\x98\x80"
    "b\r\nc\xCC\x81"
    "d\re";

TEST(LspTextDocumentTest, PositionsCountUtf16UnitsOrBytes) {
  const TextDocument text(kText);
  EXPECT_EQ(text.position_of(5, kUtf16), (LspPosition{.line = 0, .character = 3}));
  EXPECT_EQ(text.position_of(5, kUtf8), (LspPosition{.line = 0, .character = 5}));
  EXPECT_EQ(text.position_of(11, kUtf16), (LspPosition{.line = 1, .character = 2}));
  EXPECT_EQ(text.position_of(11, kUtf8), (LspPosition{.line = 1, .character = 3}));
  EXPECT_EQ(text.position_of(13, kUtf16), (LspPosition{.line = 2, .character = 0}));
}

TEST(LspTextDocumentTest, OffsetsInvertPositions) {
  const TextDocument text(kText);
  for (std::uint32_t offset : {0u, 1u, 5u, 6u, 8u, 9u, 11u, 12u, 13u, 14u}) {
    EXPECT_EQ(text.offset_of(text.position_of(offset, kUtf16), kUtf16), offset) << offset;
    EXPECT_EQ(text.offset_of(text.position_of(offset, kUtf8), kUtf8), offset) << offset;
  }
}

TEST(LspTextDocumentTest, OutOfRangePositionsClampAsTheProtocolSays) {
  const TextDocument text(kText);
  EXPECT_EQ(text.offset_of({.line = 0, .character = 99}, kUtf16), 6u);  // before the CRLF
  EXPECT_EQ(text.offset_of({.line = 9, .character = 0}, kUtf16), kText.size());
  // Inside the surrogate pair: the emoji's start.
  EXPECT_EQ(text.offset_of({.line = 0, .character = 2}, kUtf16), 1u);
}

TEST(LspTextDocumentTest, ReplaceReindexesLines) {
  TextDocument text("one\ntwo\n");
  text.replace(3, 4, " ");  // join the lines
  EXPECT_EQ(text.text(), "one two\n");
  EXPECT_EQ(text.offset_of({.line = 1, .character = 0}, kUtf16), 8u);
  text.replace(0, 0, "zero\r\n");
  EXPECT_EQ(text.position_of(6, kUtf16), (LspPosition{.line = 1, .character = 0}));
}

}  // namespace
}  // namespace copydesk::lsp
