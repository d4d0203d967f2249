#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "copydesk/text.hpp"

namespace copydesk {
namespace {

using namespace std::string_view_literals;

// Valid text

TEST(TextUtf8, AcceptsAsciiAndEmptyText) {
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("The council met on Tuesday."), std::nullopt);
}

TEST(TextUtf8, AcceptsMultiByteCharacters) {
  EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9 \xED\x95\x9C\xEA\xB5\xAD \xF0\x9F\x98\x80"), std::nullopt);
}

TEST(TextUtf8, AcceptsTheEdgesOfTheValidRanges) {
  EXPECT_EQ(find_invalid_utf8("\xC2\x80"), std::nullopt);          // U+0080
  EXPECT_EQ(find_invalid_utf8("\xDF\xBF"), std::nullopt);          // U+07FF
  EXPECT_EQ(find_invalid_utf8("\xE0\xA0\x80"), std::nullopt);      // U+0800
  EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), std::nullopt);      // U+D7FF, just below surrogates
  EXPECT_EQ(find_invalid_utf8("\xEE\x80\x80"), std::nullopt);      // U+E000, just above them
  EXPECT_EQ(find_invalid_utf8("\xEF\xBF\xBF"), std::nullopt);      // U+FFFF
  EXPECT_EQ(find_invalid_utf8("\xF0\x90\x80\x80"), std::nullopt);  // U+10000
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
}

TEST(TextUtf8, AcceptsAnEmbeddedNulByte) {
  EXPECT_EQ(find_invalid_utf8("a\0b"sv), std::nullopt);
}

// Invalid text: the offset is that of the first byte of the first bad sequence.

TEST(TextUtf8, RejectsOverlongTwoByteForms) {
  EXPECT_EQ(find_invalid_utf8("ab\xC0\x80" "cd"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
}

TEST(TextUtf8, RejectsOverlongThreeByteForms) {
  EXPECT_EQ(find_invalid_utf8("x\xE0\x80\x80"), 1u);
  EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);  // U+07FF in three bytes
}

TEST(TextUtf8, RejectsOverlongFourByteForms) {
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("ok \xF0\x8F\xBF\xBF"), 3u);  // U+FFFF in four bytes
}

TEST(TextUtf8, RejectsSurrogatesEncodedInUtf8) {
  EXPECT_EQ(find_invalid_utf8("ok \xED\xA0\x80"), 3u);  // U+D800
  EXPECT_EQ(find_invalid_utf8("\xED\xBF\xBF"), 0u);     // U+DFFF
  // A surrogate pair written as two three-byte sequences (CESU-8) is still invalid.
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\xBD\xED\xB8\x80"), 0u);
}

TEST(TextUtf8, RejectsCodePointsAboveTheUnicodeRange) {
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("ab\xF5\x80\x80\x80"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xF7\xBF\xBF\xBF"), 0u);
}

TEST(TextUtf8, RejectsBytesThatNeverAppear) {
  EXPECT_EQ(find_invalid_utf8("a\xFE"), 1u);
  EXPECT_EQ(find_invalid_utf8("\xFF rest"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // old five-byte form
}

TEST(TextUtf8, RejectsSequencesTruncatedAtTheEnd) {
  EXPECT_EQ(find_invalid_utf8("abc\xC3"), 3u);
  EXPECT_EQ(find_invalid_utf8("abc\xE2\x80"), 3u);
  EXPECT_EQ(find_invalid_utf8("abc\xF0\x9F\x98"), 3u);
}

TEST(TextUtf8, RejectsSequencesTruncatedInTheMiddle) {
  EXPECT_EQ(find_invalid_utf8("a\xE2\x80" "b"), 1u);
  EXPECT_EQ(find_invalid_utf8("a\xC3 b"), 1u);
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98 then more"), 0u);
  // The lead byte of a new sequence where a continuation was due.
  EXPECT_EQ(find_invalid_utf8("\xE2\x80\xC3\xA9"), 0u);
}

TEST(TextUtf8, RejectsStrayContinuationBytes) {
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xBF"), 0u);
  // One continuation byte too many after a complete "é".
  EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9\xA9"), 5u);
}

TEST(TextUtf8, ReportsTheFirstOfSeveralBadSequences) {
  EXPECT_EQ(find_invalid_utf8("\xC3\xA9 ok \x80 and \xC0\x80"), 6u);
}

// Decoding

TEST(TextDecode, DecodesAtAnOffset) {
  const std::string_view text = "a\xC3\xA9\xED\x95\x9C\xF0\x9F\x98\x80";
  int length = 0;
  EXPECT_EQ(decode_at(text, 0, length), U'a');
  EXPECT_EQ(length, 1);
  EXPECT_EQ(decode_at(text, 1, length), U'\u00E9');
  EXPECT_EQ(length, 2);
  EXPECT_EQ(decode_at(text, 3, length), U'\uD55C');
  EXPECT_EQ(length, 3);
  EXPECT_EQ(decode_at(text, 6, length), U'\U0001F600');
  EXPECT_EQ(length, 4);
}

TEST(TextDecode, DecodesBeforeAnOffset) {
  const std::string_view text = "a\xC3\xA9\xED\x95\x9C\xF0\x9F\x98\x80";
  int length = 0;
  EXPECT_EQ(decode_before(text, 10, length), U'\U0001F600');
  EXPECT_EQ(length, 4);
  EXPECT_EQ(decode_before(text, 6, length), U'\uD55C');
  EXPECT_EQ(length, 3);
  EXPECT_EQ(decode_before(text, 3, length), U'\u00E9');
  EXPECT_EQ(length, 2);
  EXPECT_EQ(decode_before(text, 1, length), U'a');
  EXPECT_EQ(length, 1);
}

TEST(TextDecode, InvalidBytesDecodeAsReplacementCharacter) {
  int length = 0;
  EXPECT_EQ(decode_at("\xC0\x80", 0, length), U'\uFFFD');
  EXPECT_EQ(length, 1);
}

// Classification

TEST(TextClassify, Letters) {
  EXPECT_TRUE(is_letter(U'a'));
  EXPECT_TRUE(is_letter(U'Z'));
  EXPECT_TRUE(is_letter(U'\u00E9'));
  EXPECT_TRUE(is_letter(U'\uD55C'));  // Hangul syllable
  EXPECT_TRUE(is_letter(U'\u0301'));  // combining acute accent continues a word
  EXPECT_FALSE(is_letter(U'1'));
  EXPECT_FALSE(is_letter(U'_'));
  EXPECT_FALSE(is_letter(U'\u2019'));
  EXPECT_FALSE(is_letter(U'\U0001F600'));
}

TEST(TextClassify, Case) {
  EXPECT_TRUE(is_upper(U'Q'));
  EXPECT_TRUE(is_upper(U'\u00C9'));
  EXPECT_TRUE(is_upper(U'\u01C5'));  // titlecase digraph
  EXPECT_FALSE(is_upper(U'q'));
  EXPECT_TRUE(is_lower(U'\u00DF'));
  EXPECT_FALSE(is_lower(U'\uD55C'));  // Hangul has no case
  EXPECT_FALSE(is_upper(U'\uD55C'));
}

TEST(TextClassify, SpacesApostrophesHyphens) {
  EXPECT_TRUE(is_horizontal_space(U' '));
  EXPECT_TRUE(is_horizontal_space(U'\t'));
  EXPECT_TRUE(is_horizontal_space(U'\u00A0'));  // no-break space
  EXPECT_TRUE(is_horizontal_space(U'\u2009'));  // thin space
  EXPECT_TRUE(is_horizontal_space(U'\uFEFF'));
  EXPECT_FALSE(is_horizontal_space(U'\n'));
  EXPECT_FALSE(is_horizontal_space(U'\r'));
  EXPECT_TRUE(is_apostrophe(U'\''));
  EXPECT_TRUE(is_apostrophe(U'\u2019'));
  EXPECT_FALSE(is_apostrophe(U'\u2018'));
  EXPECT_TRUE(is_hyphen(U'-'));
  EXPECT_TRUE(is_hyphen(U'\u2010'));
  EXPECT_FALSE(is_hyphen(U'\u2013'));  // en dash joins ranges, not words
  EXPECT_TRUE(is_digit(U'7'));
  EXPECT_FALSE(is_digit(U'\u0667'));
}

TEST(TextWords, StraightensCurlyApostrophes) {
  std::string scratch;
  const std::string_view plain = "won't";
  EXPECT_EQ(straighten_apostrophes(plain, scratch).data(), plain.data());  // no copy
  EXPECT_EQ(straighten_apostrophes("Kim\xE2\x80\x99s", scratch), "Kim's");
  EXPECT_EQ(straighten_apostrophes("\xE2\x80\x99tis o\xE2\x80\x99" "clock", scratch), "'tis o'clock");
}

TEST(TextWords, LowercasesUnicode) {
  std::string out;
  to_lower("H\xC3\x89LLO World", out);
  EXPECT_EQ(out, "h\xC3\xA9llo world");
  to_lower("\xED\x95\x9C", out);  // no case: unchanged
  EXPECT_EQ(out, "\xED\x95\x9C");
  to_lower("", out);
  EXPECT_EQ(out, "");
}

TEST(TextWords, FirstLetterCase) {
  EXPECT_TRUE(starts_upper("Seoul"));
  EXPECT_TRUE(starts_upper("\xC3\x89mile"));
  EXPECT_TRUE(starts_upper("'Twas"));  // the first letter counts, not the first character
  EXPECT_FALSE(starts_upper("seoul"));
  EXPECT_FALSE(starts_upper("42"));
  EXPECT_FALSE(starts_upper(""));
  EXPECT_TRUE(starts_lower("iPhone"));
  EXPECT_FALSE(starts_lower("\xED\x95\x9C"));
}

TEST(TextWords, AllUpperNeedsTwoLetters) {
  EXPECT_TRUE(is_all_upper("NATO"));
  EXPECT_TRUE(is_all_upper("G7-UK"));
  EXPECT_TRUE(is_all_upper("\xC3\x89U"));
  EXPECT_FALSE(is_all_upper("A"));
  EXPECT_FALSE(is_all_upper("NATo"));
  EXPECT_FALSE(is_all_upper("123"));
}

TEST(TextWords, InnerUpper) {
  EXPECT_TRUE(has_inner_upper("iPhone"));
  EXPECT_TRUE(has_inner_upper("McDonald"));
  EXPECT_FALSE(has_inner_upper("Tuesday"));
  EXPECT_FALSE(has_inner_upper("x"));
}

TEST(TextWords, RomanNumeralsAreCanonicalAndLowercase) {
  for (const char* numeral : {"i", "ii", "iv", "xiv", "xl", "mcmxc"}) {
    EXPECT_TRUE(is_roman_numeral(numeral)) << numeral;
  }
  for (const char* word : {"", "dim", "ic", "civil", "iiii", "vx", "II", "ill"}) {
    EXPECT_FALSE(is_roman_numeral(word)) << word;
  }
}

TEST(TextWords, EqualsIgnoringAsciiCaseFoldsOnlyAsciiLetters) {
  EXPECT_TRUE(equals_ignoring_ascii_case("We'RE", "we're"));
  EXPECT_TRUE(equals_ignoring_ascii_case("", ""));
  EXPECT_FALSE(equals_ignoring_ascii_case("were", "we're"));
  EXPECT_FALSE(equals_ignoring_ascii_case("ab", "abc"));
  EXPECT_FALSE(equals_ignoring_ascii_case("@", "`"));  // one bit apart, but no letters
  EXPECT_FALSE(equals_ignoring_ascii_case("\xC3\x89", "\xC3\xA9"));  // "É", "é": ASCII only
}

}  // namespace
}  // namespace copydesk
