#include <gtest/gtest.h>

#include <string_view>

#include "copydesk/source_map.hpp"

namespace copydesk {
namespace {

// line, column (code points, 1-based), UTF-16 column (0-based) of `offset`.
struct Where {
  std::uint32_t line, column, utf16;
  friend bool operator==(const Where&, const Where&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Where& w) {
    return out << w.line << ":" << w.column << " (utf16 " << w.utf16 << ")";
  }
};

Where where(const SourceMap& map, std::uint32_t offset) {
  const Position p = map.position(offset);
  EXPECT_EQ(p.offset, offset);
  return Where{p.line, p.column, p.utf16};
}

TEST(SourceMap, AsciiLines) {
  const SourceMap map("one two\nthree\n");
  EXPECT_EQ(where(map, 0), (Where{1, 1, 0}));
  EXPECT_EQ(where(map, 4), (Where{1, 5, 4}));
  EXPECT_EQ(where(map, 7), (Where{1, 8, 7}));  // the newline itself
  EXPECT_EQ(where(map, 8), (Where{2, 1, 0}));
  EXPECT_EQ(where(map, 10), (Where{2, 3, 2}));
  EXPECT_EQ(map.line_count(), 3u);
}

TEST(SourceMap, EndOfFile) {
  const SourceMap with_newline("ab\ncd\n");
  EXPECT_EQ(where(with_newline, 6), (Where{3, 1, 0}));
  const SourceMap without_newline("ab\ncd");
  EXPECT_EQ(where(without_newline, 5), (Where{2, 3, 2}));
}

TEST(SourceMap, OffsetsPastTheEndAreClamped) {
  const SourceMap map("abc");
  const Position p = map.position(99);
  EXPECT_EQ(p.offset, 3u);
  EXPECT_EQ(p.line, 1u);
  EXPECT_EQ(p.column, 4u);
}

TEST(SourceMap, EmptyText) {
  const SourceMap map("");
  EXPECT_EQ(where(map, 0), (Where{1, 1, 0}));
  EXPECT_EQ(map.line_count(), 1u);
  EXPECT_EQ(map.line_text(1), "");
  EXPECT_EQ(map.line_text(2), "");
}

TEST(SourceMap, TwoByteCharacters) {
  // "café au lait": é is two bytes, one code point, one UTF-16 unit.
  const SourceMap map("caf\xC3\xA9 au lait");
  EXPECT_EQ(where(map, 3), (Where{1, 4, 3}));  // é
  EXPECT_EQ(where(map, 5), (Where{1, 5, 4}));  // the space after it
  EXPECT_EQ(where(map, 6), (Where{1, 6, 5}));
}

TEST(SourceMap, HangulIsThreeBytesOneColumn) {
  // "한국 news": each syllable is three bytes.
  const SourceMap map("\xED\x95\x9C\xEA\xB5\xAD news");
  EXPECT_EQ(where(map, 3), (Where{1, 2, 1}));
  EXPECT_EQ(where(map, 6), (Where{1, 3, 2}));
  EXPECT_EQ(where(map, 7), (Where{1, 4, 3}));
}

TEST(SourceMap, EmojiOutsideTheBmpIsTwoUtf16Units) {
  const SourceMap map("ok \xF0\x9F\x98\x80 then");
  EXPECT_EQ(where(map, 3), (Where{1, 4, 3}));
  EXPECT_EQ(where(map, 7), (Where{1, 5, 5}));  // after the emoji: one column, two units
  EXPECT_EQ(where(map, 8), (Where{1, 6, 6}));
}

TEST(SourceMap, OffsetInsideACharacterGivesThatCharactersColumn) {
  const SourceMap map("a\xF0\x9F\x98\x80" "b");
  EXPECT_EQ(where(map, 1), (Where{1, 2, 1}));
  EXPECT_EQ(where(map, 3), (Where{1, 2, 1}));
  EXPECT_EQ(where(map, 5), (Where{1, 3, 3}));
}

TEST(SourceMap, CrLfIsOneLineEnding) {
  const SourceMap map("ab\r\ncd\r\n");
  EXPECT_EQ(where(map, 2), (Where{1, 3, 2}));  // the \r
  EXPECT_EQ(where(map, 4), (Where{2, 1, 0}));
  EXPECT_EQ(where(map, 5), (Where{2, 2, 1}));
  EXPECT_EQ(where(map, 8), (Where{3, 1, 0}));
  EXPECT_EQ(map.line_count(), 3u);
  EXPECT_EQ(map.line_text(1), "ab");
  EXPECT_EQ(map.line_text(2), "cd");
}

TEST(SourceMap, LoneCrIsALineEnding) {
  const SourceMap map("ab\rcd\r\rx");
  EXPECT_EQ(where(map, 3), (Where{2, 1, 0}));
  EXPECT_EQ(where(map, 4), (Where{2, 2, 1}));
  EXPECT_EQ(where(map, 6), (Where{3, 1, 0}));
  EXPECT_EQ(where(map, 7), (Where{4, 1, 0}));
  EXPECT_EQ(map.line_count(), 4u);
  EXPECT_EQ(map.line_text(3), "");
  EXPECT_EQ(map.line_text(4), "x");
}

TEST(SourceMap, MixedLineEndings) {
  const SourceMap map("a\nb\r\nc\rd");
  EXPECT_EQ(where(map, 2), (Where{2, 1, 0}));
  EXPECT_EQ(where(map, 5), (Where{3, 1, 0}));
  EXPECT_EQ(where(map, 7), (Where{4, 1, 0}));
}

TEST(SourceMap, LeadingByteOrderMarkTakesNoColumn) {
  const SourceMap map("\xEF\xBB\xBFHello\nWorld");
  EXPECT_EQ(where(map, 0), (Where{1, 1, 0}));
  EXPECT_EQ(where(map, 3), (Where{1, 1, 0}));  // "H": offsets stay file offsets
  EXPECT_EQ(where(map, 4), (Where{1, 2, 1}));
  EXPECT_EQ(where(map, 8), (Where{1, 6, 5}));  // the newline
  EXPECT_EQ(where(map, 9), (Where{2, 1, 0}));
  EXPECT_EQ(where(map, 11), (Where{2, 3, 2}));
  EXPECT_EQ(map.line_text(1), "Hello");
  EXPECT_EQ(map.line_text(2), "World");
}

TEST(SourceMap, OffsetInsideTheByteOrderMarkIsColumnOne) {
  const SourceMap map("\xEF\xBB\xBFHi");
  EXPECT_EQ(where(map, 1), (Where{1, 1, 0}));
  EXPECT_EQ(where(map, 2), (Where{1, 1, 0}));
}

TEST(SourceMap, ByteOrderMarkLaterInTheTextCounts) {
  // Only a leading mark is a byte-order mark; elsewhere U+FEFF is a character.
  const SourceMap map("a\n\xEF\xBB\xBF" "b");
  EXPECT_EQ(where(map, 5), (Where{2, 2, 1}));
}

TEST(SourceMap, ByteOrderMarkAlone) {
  const SourceMap map("\xEF\xBB\xBF");
  EXPECT_EQ(where(map, 3), (Where{1, 1, 0}));
  EXPECT_EQ(map.line_text(1), "");
}

TEST(SourceMap, LineTextOutOfRange) {
  const SourceMap map("only\n");
  EXPECT_EQ(map.line_text(0), "");
  EXPECT_EQ(map.line_text(1), "only");
  EXPECT_EQ(map.line_text(2), "");
  EXPECT_EQ(map.line_text(3), "");
}

// Long lines use checkpoints; they must agree with counting from the line start.
void expect_matches_naive_count(std::string_view text) {
  const SourceMap map(text);
  std::uint32_t line = 1, column = 1, utf16 = 0;
  std::uint32_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i <= text.size()) {
    const Position p = map.position(i);
    ASSERT_EQ(p.line, line) << "offset " << i;
    ASSERT_EQ(p.column, column) << "offset " << i;
    ASSERT_EQ(p.utf16, utf16) << "offset " << i;
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' || (byte == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
      utf16 = 0;
      ++i;
      continue;
    }
    const std::uint32_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    ++column;
    utf16 += length == 4 ? 2 : 1;
    i += length;
  }
}

TEST(SourceMap, LongLinesAgreeWithCounting) {
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; i < 700; ++i) text += "caf\xC3\xA9 \xED\x95\x9C \xF0\x9F\x98\x80 ok ";
  text += "\r\n";
  for (int i = 0; i < 500; ++i) text += "x\xF0\x9F\x91\x8D";
  text += "\rshort\n\n";
  for (int i = 0; i < 3000; ++i) text += "plain ";
  expect_matches_naive_count(text);
}

TEST(SourceMap, ManyLines) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "line\n";
  const SourceMap map(text);
  EXPECT_EQ(map.line_count(), 1001u);
  EXPECT_EQ(where(map, 5 * 500 + 2), (Where{501, 3, 2}));
}

}  // namespace
}  // namespace copydesk
