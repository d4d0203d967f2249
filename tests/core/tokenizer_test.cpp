#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copydesk/token.hpp"

namespace copydesk {
namespace {

using Pieces = std::vector<std::pair<std::string, TokenKind>>;

// Every token as (text, kind), blanks included.
Pieces pieces(std::string_view text) {
  Pieces result;
  for (const Token& token : tokenize(text)) {
    result.emplace_back(std::string(token.span.in(text)), token.kind);
  }
  return result;
}

// Non-blank tokens only, for tests that care about words.
Pieces solid(std::string_view text) {
  Pieces result;
  for (const Token& token : tokenize(text)) {
    if (!token.is_blank()) result.emplace_back(std::string(token.span.in(text)), token.kind);
  }
  return result;
}

// The kind of the single token whose text is `piece`; fails when there is none.
TokenKind kind_of(std::string_view text, std::string_view piece) {
  for (const Token& token : tokenize(text)) {
    if (token.span.in(text) == piece) return token.kind;
  }
  ADD_FAILURE() << "no token `" << piece << "` in `" << text << "`";
  return TokenKind::Symbol;
}

constexpr auto W = TokenKind::Word;
constexpr auto N = TokenKind::Number;
constexpr auto P = TokenKind::Punctuation;
constexpr auto S = TokenKind::Space;
constexpr auto L = TokenKind::Newline;
constexpr auto U = TokenKind::Url;
constexpr auto E = TokenKind::Email;
constexpr auto F = TokenKind::FileName;
constexpr auto Y = TokenKind::Symbol;

// Coverage: the tokens are views that tile the text.

void expect_tiles(std::string_view text) {
  const auto tokens = tokenize(text);
  std::string joined;
  std::uint32_t expected_begin = 0;
  for (const Token& token : tokens) {
    EXPECT_EQ(token.span.begin, expected_begin) << "gap or overlap in `" << text << "`";
    EXPECT_FALSE(token.span.empty()) << "empty token in `" << text << "`";
    expected_begin = token.span.end;
    joined.append(token.span.in(text));
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(expected_begin, text.size());
}

TEST(Tokenizer, TokensTileTheText) {
  expect_tiles("");
  expect_tiles("The mayor's office said it would reply by 10:30 on Friday.");
  expect_tiles("Caf\xC3\xA9 owners in Bus\xC3\xA1n met \xED\x95\x9C\xEA\xB5\xAD traders \xF0\x9F\x98\x80!");
  expect_tiles("First line\r\nSecond line\r\n\r\nThird\rFourth\n");
  expect_tiles("Ask editor@example.org or see https://example.com/a?b=c (or www.example.org).");
  expect_tiles("\xEF\xBB\xBFStarts with a byte-order mark\xE2\x80\xA6 and ends\xE2\x80\xA6");
  expect_tiles("  \t odd\xC2\xA0spacing  \n\n\n  ");
  expect_tiles("Price: \xC2\xA3" "2.5bn, \xE2\x82\xAC" "30 or $4 (approx.) \xE2\x80\x94 \"quoted\" \xE2\x80\x9C" "again\xE2\x80\x9D");
}

TEST(Tokenizer, TokensAreViewsIntoTheText) {
  const std::string text = "Zero copies here.";
  const auto tokens = tokenize(text);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0].span.in(text).data(), text.data());
}

// Words

TEST(Tokenizer, WordsWithApostrophes) {
  EXPECT_EQ(solid("don't"), (Pieces{{"don't", W}}));
  EXPECT_EQ(solid("Ahn\xE2\x80\x99s"), (Pieces{{"Ahn\xE2\x80\x99s", W}}));
  EXPECT_EQ(solid("o'clock rock'n'roll"), (Pieces{{"o'clock", W}, {"rock'n'roll", W}}));
}

// Rules trust the flag to skip decoding a word: it must never be set on a word with a byte
// outside ASCII, wherever that byte stands.
TEST(Tokenizer, MarksWordsOfAsciiBytesOnly) {
  const std::string text =
      "plain don't co-op caf\xC3\xA9 \xC3\xA9t\xC3\xA9 don\xE2\x80\x99t "
      "na\xC3\xAFve x_1 42";
  std::vector<std::pair<std::string, bool>> words;
  for (const Token& token : tokenize(text)) {
    if (token.kind == TokenKind::Word) {
      words.emplace_back(token.span.in(text), token.ascii_word);
    } else {
      EXPECT_FALSE(token.ascii_word) << token.span.in(text);
    }
  }
  const std::vector<std::pair<std::string, bool>> expected{{"plain", true},
                                                           {"don't", true},
                                                           {"co-op", true},
                                                           {"caf\xC3\xA9", false},
                                                           {"\xC3\xA9t\xC3\xA9", false},
                                                           {"don\xE2\x80\x99t", false},
                                                           {"na\xC3\xAFve", false},
                                                           {"x_1", true}};
  EXPECT_EQ(words, expected);
}

TEST(Tokenizer, ApostrophesAtWordEdgesArePunctuation) {
  EXPECT_EQ(solid("the players' union"),
            (Pieces{{"the", W}, {"players", W}, {"'", P}, {"union", W}}));
  EXPECT_EQ(solid("'Hello'"), (Pieces{{"'", P}, {"Hello", W}, {"'", P}}));
}

TEST(Tokenizer, WordsWithHyphens) {
  EXPECT_EQ(solid("Gyu-back mother-in-law"), (Pieces{{"Gyu-back", W}, {"mother-in-law", W}}));
  EXPECT_EQ(solid("non\xE2\x80\x90stop"), (Pieces{{"non\xE2\x80\x90stop", W}}));  // U+2010
  // A dash between spaced words, a trailing hyphen and a double hyphen do not join.
  EXPECT_EQ(solid("pre- and post-war"),
            (Pieces{{"pre", W}, {"-", P}, {"and", W}, {"post-war", W}}));
  EXPECT_EQ(solid("well--known"), (Pieces{{"well", W}, {"-", P}, {"-", P}, {"known", W}}));
}

TEST(Tokenizer, NonLatinAndAccentedWords) {
  EXPECT_EQ(solid("Bus\xC3\xA1n \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"),
            (Pieces{{"Bus\xC3\xA1n", W}, {"\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4", W}}));
  // A decomposed accent (e + U+0301) stays inside its word.
  EXPECT_EQ(solid("cafe\xCC\x81"), (Pieces{{"cafe\xCC\x81", W}}));
}

TEST(Tokenizer, WordsWithDigits) {
  EXPECT_EQ(solid("COVID-19 MP3"), (Pieces{{"COVID-19", W}, {"MP3", W}}));
}

// Numbers

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(solid("42 1,000 3.5 1970s 21st 10:30 2.5bn 1,250,000"),
            (Pieces{{"42", N},
                    {"1,000", N},
                    {"3.5", N},
                    {"1970s", N},
                    {"21st", N},
                    {"10:30", N},
                    {"2.5bn", N},
                    {"1,250,000", N}}));
}

TEST(Tokenizer, NumberFollowedByPunctuation) {
  EXPECT_EQ(solid("rose 3.5%."), (Pieces{{"rose", W}, {"3.5", N}, {"%", P}, {".", P}}));
  EXPECT_EQ(solid("in 2019, then"), (Pieces{{"in", W}, {"2019", N}, {",", P}, {"then", W}}));
  EXPECT_EQ(solid("at 10:30."), (Pieces{{"at", W}, {"10:30", N}, {".", P}}));
}

TEST(Tokenizer, CommaNotFollowedByThreeDigitsIsPunctuation) {
  EXPECT_EQ(solid("1,2"), (Pieces{{"1", N}, {",", P}, {"2", N}}));
  EXPECT_EQ(solid("1,0000"), (Pieces{{"1", N}, {",", P}, {"0000", N}}));
}

// Punctuation, spaces and newlines

TEST(Tokenizer, PunctuationIsOneCharacterEach) {
  EXPECT_EQ(solid("Wait?! (No.)"),
            (Pieces{{"Wait", W}, {"?", P}, {"!", P}, {"(", P}, {"No", W}, {".", P}, {")", P}}));
}

TEST(Tokenizer, UnicodePunctuation) {
  EXPECT_EQ(solid("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 \xC2\xABnon\xC2\xBB"),
            (Pieces{{"\xE2\x80\x9C", P},
                    {"Yes", W},
                    {"\xE2\x80\x9D", P},
                    {"\xE2\x80\x94", P},
                    {"\xC2\xAB", P},
                    {"non", W},
                    {"\xC2\xBB", P}}));
}

TEST(Tokenizer, Ellipses) {
  EXPECT_EQ(solid("Well... maybe\xE2\x80\xA6"),
            (Pieces{{"Well", W}, {"...", P}, {"maybe", W}, {"\xE2\x80\xA6", P}}));
  EXPECT_EQ(solid("wait...."), (Pieces{{"wait", W}, {"...", P}, {".", P}}));
  EXPECT_EQ(solid("no.."), (Pieces{{"no", W}, {".", P}, {".", P}}));
}

TEST(Tokenizer, SpaceRunsAreOneToken) {
  EXPECT_EQ(pieces("a \t\xC2\xA0 b"), (Pieces{{"a", W}, {" \t\xC2\xA0 ", S}, {"b", W}}));
  // HTML's no-break space entities separate words like the character they stand for.
  EXPECT_EQ(pieces("a&nbsp;owl"), (Pieces{{"a", W}, {"&nbsp;", S}, {"owl", W}}));
  EXPECT_EQ(pieces("a &#160;&#xA0;b"), (Pieces{{"a", W}, {" &#160;&#xA0;", S}, {"b", W}}));
  EXPECT_EQ(solid("Fish &amp; chips"), (Pieces{{"Fish", W}, {"&", P}, {"amp", W}, {";", P}, {"chips", W}}));
}

TEST(Tokenizer, Newlines) {
  EXPECT_EQ(pieces("a\nb\r\nc\rd\r\r\ne"), (Pieces{{"a", W},
                                                  {"\n", L},
                                                  {"b", W},
                                                  {"\r\n", L},
                                                  {"c", W},
                                                  {"\r", L},
                                                  {"d", W},
                                                  {"\r", L},
                                                  {"\r\n", L},
                                                  {"e", W}}));
}

TEST(Tokenizer, ByteOrderMarkIsSpace) {
  EXPECT_EQ(pieces("\xEF\xBB\xBFHi"), (Pieces{{"\xEF\xBB\xBF", S}, {"Hi", W}}));
}

// Symbols

TEST(Tokenizer, EmojiOutsideTheBmpIsOneSymbol) {
  EXPECT_EQ(solid("Great \xF0\x9F\x98\x80!"),
            (Pieces{{"Great", W}, {"\xF0\x9F\x98\x80", Y}, {"!", P}}));
}

TEST(Tokenizer, EmojiSequencesAreOneSymbol) {
  // Heart + variation selector 16: the selector is a mark, but must not become a word.
  EXPECT_EQ(solid("I \xE2\x9D\xA4\xEF\xB8\x8F it"),
            (Pieces{{"I", W}, {"\xE2\x9D\xA4\xEF\xB8\x8F", Y}, {"it", W}}));
  // Thumbs up + skin tone modifier.
  EXPECT_EQ(solid("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok"),
            (Pieces{{"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", Y}, {"ok", W}}));
  // Family joined by zero-width joiners.
  EXPECT_EQ(solid("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 ok"),
            (Pieces{{"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", Y}, {"ok", W}}));
}

TEST(Tokenizer, CurrencyAndMathAreSymbols) {
  EXPECT_EQ(solid("\xC2\xA3" "5 \xE2\x82\xAC" "9 \xE2\x88\x9E"),
            (Pieces{{"\xC2\xA3", Y}, {"5", N}, {"\xE2\x82\xAC", Y}, {"9", N}, {"\xE2\x88\x9E", Y}}));
}

// URLs

TEST(Tokenizer, UrlsWithScheme) {
  EXPECT_EQ(solid("Go to https://example.com/a?b=c now"),
            (Pieces{{"Go", W}, {"to", W}, {"https://example.com/a?b=c", U}, {"now", W}}));
  EXPECT_EQ(kind_of("see http://example.net/x#top", "http://example.net/x#top"), U);
  EXPECT_EQ(kind_of("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM"), U);
}

TEST(Tokenizer, UrlsStartingWithWww) {
  EXPECT_EQ(solid("Visit www.example.org."),
            (Pieces{{"Visit", W}, {"www.example.org", U}, {".", P}}));
}

TEST(Tokenizer, UrlsLeaveTrailingPunctuationToTheSentence) {
  EXPECT_EQ(solid("(see https://x.org/a)."),
            (Pieces{{"(", P}, {"see", W}, {"https://x.org/a", U}, {")", P}, {".", P}}));
  EXPECT_EQ(solid("at https://x.org/page, then"),
            (Pieces{{"at", W}, {"https://x.org/page", U}, {",", P}, {"then", W}}));
  EXPECT_EQ(solid("is it https://x.org/faq?"),
            (Pieces{{"is", W}, {"it", W}, {"https://x.org/faq", U}, {"?", P}}));
  EXPECT_EQ(solid("\xE2\x80\x9Chttps://x.org/q\xE2\x80\x9D"),
            (Pieces{{"\xE2\x80\x9C", P}, {"https://x.org/q", U}, {"\xE2\x80\x9D", P}}));
  EXPECT_EQ(solid("try https://x.org/a\xE2\x80\xA6 or https://x.org/b..."),
            (Pieces{{"try", W}, {"https://x.org/a", U}, {"\xE2\x80\xA6", P}, {"or", W},
                    {"https://x.org/b", U}, {"...", P}}));
  EXPECT_EQ(solid("[https://x.org/list]"),
            (Pieces{{"[", P}, {"https://x.org/list", U}, {"]", P}}));
}

TEST(Tokenizer, UrlsKeepBalancedParentheses) {
  EXPECT_EQ(kind_of("See https://en.example.org/wiki/Jeju_(island) today",
                    "https://en.example.org/wiki/Jeju_(island)"),
            U);
}

TEST(Tokenizer, SchemeWithoutBodyIsNotAUrl) {
  EXPECT_EQ(solid("http:// alone"),
            (Pieces{{"http", W}, {":", P}, {"/", P}, {"/", P}, {"alone", W}}));
}

// E-mail addresses

TEST(Tokenizer, EmailAddresses) {
  EXPECT_EQ(solid("Write to news.desk+tips@example.co.uk."),
            (Pieces{{"Write", W}, {"to", W}, {"news.desk+tips@example.co.uk", E}, {".", P}}));
  EXPECT_EQ(kind_of("mail editor@example.org today", "editor@example.org"), E);
}

TEST(Tokenizer, AtSignWithoutDomainIsNotAnEmail) {
  EXPECT_EQ(solid("meet me@home"), (Pieces{{"meet", W}, {"me", W}, {"@", P}, {"home", W}}));
  EXPECT_EQ(solid("@newsdesk"), (Pieces{{"@", P}, {"newsdesk", W}}));
}

// Domain and file names

TEST(Tokenizer, DomainAndFileNames) {
  EXPECT_EQ(solid("example.com bbc.co.uk README.md Node.js report_v2.tar.gz"),
            (Pieces{{"example.com", F},
                    {"bbc.co.uk", F},
                    {"README.md", F},
                    {"Node.js", F},
                    {"report_v2.tar.gz", F}}));
}

TEST(Tokenizer, FileNameAtSentenceEndLeavesThePeriod) {
  EXPECT_EQ(solid("Open notes.txt."), (Pieces{{"Open", W}, {"notes.txt", F}, {".", P}}));
}

TEST(Tokenizer, DomainWithPath) {
  EXPECT_EQ(kind_of("on example.com/news/politics today", "example.com/news/politics"), F);
}

TEST(Tokenizer, WordsGluedByAPeriodAreNotFileNames) {
  EXPECT_EQ(solid("noteworthy.Korea\xE2\x80\x99s"),
            (Pieces{{"noteworthy", W}, {".", P}, {"Korea\xE2\x80\x99s", W}}));
  EXPECT_EQ(solid("end.the"), (Pieces{{"end", W}, {".", P}, {"the", W}}));
  // Country codes that are English words are left out on purpose.
  EXPECT_EQ(solid("ends.it"), (Pieces{{"ends", W}, {".", P}, {"it", W}}));
  EXPECT_EQ(solid("tired.so"), (Pieces{{"tired", W}, {".", P}, {"so", W}}));
}

TEST(Tokenizer, AbbreviationsAreNotFileNames) {
  EXPECT_EQ(solid("e.g."), (Pieces{{"e", W}, {".", P}, {"g", W}, {".", P}}));
  EXPECT_EQ(solid("U.S."), (Pieces{{"U", W}, {".", P}, {"S", W}, {".", P}}));
  EXPECT_EQ(solid("i.e. a.m."),
            (Pieces{{"i", W}, {".", P}, {"e", W}, {".", P}, {"a", W}, {".", P}, {"m", W},
                    {".", P}}));
}

TEST(Tokenizer, SuffixesAreCaseSensitive) {
  EXPECT_EQ(solid("closed.Com"), (Pieces{{"closed", W}, {".", P}, {"Com", W}}));
}

TEST(Tokenizer, KindNames) {
  EXPECT_EQ(to_string(TokenKind::Word), "word");
  EXPECT_EQ(to_string(TokenKind::FileName), "file-name");
  EXPECT_EQ(to_string(TokenKind::Newline), "newline");
}

// Long inputs stay linear (correctness only; speed is measured with the binary).

TEST(Tokenizer, LongDottedRunTilesTheText) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "ab.";
  text += "@";
  expect_tiles(text);
}

}  // namespace
}  // namespace copydesk
