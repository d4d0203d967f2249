// The one pass per document over the leading literals of many rules: each member gets exactly
// the places its LeadingWords would let through, and matching a block from the document's
// places gives the same matches as scanning the block alone.

#include "copydesk/vale/leading_set.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "copydesk/vale/check_types.hpp"

namespace copydesk::vale {
namespace {

LeadingWords leading_of(const std::string& source) {
  std::optional<LeadingWords> leading = LeadingWords::of(source);
  if (!leading) throw std::invalid_argument("no leading words in " + source);
  return *leading;
}

std::string word_list(const std::string& alternation) {
  return vale_pattern(alternation, "", {.word_bounded = true});
}

// Sources of the kinds the packages use: word lists, punctuation, and `nonword` alternatives
// that begin at the whitespace before a word.
const std::vector<std::string>& sources() {
  static const std::vector<std::string> kSources = {
      word_list("in order to|utilize|colou?r|(?:previous|prior) to"),
      word_list("in|inside|into"),
      word_list("a\\.k\\.a|aka|[\\.]+apk|\\.NET"),
      vale_pattern("(?:^|\\s)I(?=\\s)|\\bme\\b|\\bmine\\b", "", {.word_bounded = false}),
      "\\b(am|are|is|was)\\b\\s*" + word_list("[\\w]+ed|been"),
      vale_pattern("\\b\\d+(?:B|kB)|\\b\\d+(?:ns|ms)", "", {.word_bounded = false}),
  };
  return kSources;
}

std::vector<std::uint32_t> one_by_one(const LeadingWords& leading, std::string_view text) {
  std::vector<std::uint32_t> places;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (leading.may_start_at(text, at)) places.push_back(static_cast<std::uint32_t>(at));
  }
  return places;
}

const std::vector<std::string_view> kTexts = {
    "In order to utilize the colours, I think me and mine are into it.",
    "Inside: x.apk, a.k.a. .NET; aka\tI\nam i, xme, meme; it was used, it is been.",
    "Caf\xC3\xA9in order \xC2\xA0I said \xE2\x80\x83I know \xE2\x80\x9Cme\xE2\x80\x9D",
    // Digits at word starts and inside words, Arabic-Indic digits (U+0663), after a letter
    // beyond ASCII.
    "5ms x5ms 10 kB 7kB 3\xD9\xA3ms \xD9\xA3kB \xC3\xA9"
    "5ms _5ms",
    "I",
    "",
};

TEST(ValeLeadingSet, EachMemberGetsThePlacesItsWordsLetThrough) {
  std::vector<LeadingWords> leadings;
  for (const std::string& source : sources()) leadings.push_back(leading_of(source));
  LeadingSet set;
  for (const LeadingWords& leading : leadings) set.add(leading);
  set.build();
  for (const std::string_view text : kTexts) {
    DocumentStarts starts;
    set.find_starts(text, starts);
    ASSERT_TRUE(starts.usable);
    ASSERT_EQ(starts.of_member.size(), leadings.size());
    for (std::size_t member = 0; member < leadings.size(); ++member) {
      EXPECT_EQ(starts.of_member[member], one_by_one(leadings[member], text))
          << sources()[member] << " in: " << text;
    }
  }
}

TEST(ValeLeadingSet, PlacesOfAWordListAndOfSpacedWords) {
  LeadingSet set;
  const LeadingWords words = leading_of(sources()[1]);
  const LeadingWords spaced = leading_of(sources()[3]);
  set.add(words);
  set.add(spaced);
  set.build();
  DocumentStarts starts;
  set.find_starts("Inside I, me in tin\tI", starts);
  EXPECT_EQ(starts.of_member[0], (std::vector<std::uint32_t>{0, 13}));  // "Inside", "in"
  // The start of the text, the spaces before "I," and "in", "me", and the tab before "I".
  EXPECT_EQ(starts.of_member[1], (std::vector<std::uint32_t>{0, 6, 10, 12, 19}));
}

TEST(ValeLeadingSet, KelvinSignOrLongSMakeTheDocumentScanAlone) {
  LeadingSet set;
  const LeadingWords words = leading_of(sources()[0]);
  set.add(words);
  set.build();
  DocumentStarts starts;
  set.find_starts("in order \xE2\x84\xAA", starts);
  EXPECT_FALSE(starts.usable);
  set.find_starts("in order \xC5\xBF", starts);
  EXPECT_FALSE(starts.usable);
}

std::vector<Span> matches_of_block(const Pattern& anchored, const LeadingWords& leading,
                                   std::string_view document, std::uint32_t begin,
                                   std::uint32_t end, const DocumentStarts& starts) {
  std::vector<Span> found;
  for_each_match(anchored, leading, document.substr(begin, end - begin), begin, starts.of_member[0],
                 [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

std::vector<Span> scanned(const Pattern& pattern, std::string_view text) {
  std::vector<Span> found;
  for_each_match(pattern, text, [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

// A block may begin inside a word of the document (a sentence cut after "x"): its first byte
// is a word start for the block, though not for the document.
TEST(ValeLeadingSet, BlocksMatchAsTheyWouldAlone) {
  for (const std::string& source : sources()) {
    const LeadingWords leading = leading_of(source);
    LeadingSet set;
    set.add(leading);
    set.build();
    const Pattern pattern(source, {.ignore_case = true, .origin = "test.yml"});
    const Pattern anchored(source, {.ignore_case = true, .origin = "test.yml", .anchored = true});
    for (const std::string_view document : kTexts) {
      DocumentStarts starts;
      set.find_starts(document, starts);
      const auto size = static_cast<std::uint32_t>(document.size());
      // Blocks cut at code point boundaries, as the document's blocks are.
      const auto boundary = [&](std::uint32_t at) {
        while (at < size && (static_cast<unsigned char>(document[at]) & 0xC0) == 0x80) ++at;
        return at;
      };
      for (std::uint32_t begin = 0; begin <= size; begin = boundary(begin + 1)) {
        for (const std::uint32_t end : {begin, boundary(std::min(begin + 9, size)), size}) {
          const std::string_view block = document.substr(begin, end - begin);
          EXPECT_EQ(matches_of_block(anchored, leading, document, begin, end, starts),
                    scanned(pattern, block))
              << source << " in block [" << begin << ", " << end << ") of: " << document;
        }
      }
    }
  }
}

TEST(ValeLeadingSet, ExactMatchesOfABlock) {
  const std::string source = sources()[0];
  const LeadingWords leading = leading_of(source);
  LeadingSet set;
  set.add(leading);
  set.build();
  const Pattern anchored(source, {.ignore_case = true, .origin = "test.yml", .anchored = true});
  const std::string_view document = "Xin order to go. In order to utilize colour.";
  DocumentStarts starts;
  set.find_starts(document, starts);
  // The block "in order to go." begins inside the document's word "Xin".
  EXPECT_EQ(matches_of_block(anchored, leading, document, 1, 16, starts),
            (std::vector<Span>{{0, 11}}));
  EXPECT_EQ(matches_of_block(anchored, leading, document, 17, 44, starts),
            (std::vector<Span>{{0, 11}, {12, 19}, {20, 26}}));
}

}  // namespace
}  // namespace copydesk::vale
