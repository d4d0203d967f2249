// Which matches Vale's `repetition` and `consistency` rules report, given the candidates
// their patterns found.

#include "copydesk/vale/repetition.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace copydesk::vale {
namespace {

// The runs of non-blank bytes of `text`: what the pattern `[^\s]+` matches.
std::vector<Span> words_of(std::string_view text) {
  std::vector<Span> spans;
  std::size_t at = 0;
  while ((at = text.find_first_not_of(' ', at)) != std::string_view::npos) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    spans.push_back(Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
    at = end;
  }
  return spans;
}

// Each repetition as the text it spans.
std::vector<std::string> repeated(std::string_view text, const RepetitionOptions& options = {}) {
  std::vector<std::string> found;
  for (const Repetition& repetition : find_repetitions(text, words_of(text), options)) {
    found.emplace_back(text.substr(repetition.span.begin, repetition.span.size()));
  }
  return found;
}

using Strings = std::vector<std::string>;

TEST(Repetition, SpansBothOccurrences) {
  const std::string_view text = "we sent the the draft back";
  const auto found = find_repetitions(text, words_of(text), {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.begin, 8u);
  EXPECT_EQ(found[0].span.end, 15u);
  EXPECT_EQ(found[0].text, "the");
}

TEST(Repetition, RespectsCase) {
  EXPECT_EQ(repeated("The the desk"), Strings{});
  EXPECT_EQ(repeated("The the desk", {.ignore_case = true}), Strings{"The the"});
}

TEST(Repetition, AlphaLeavesNumbersAndMarksAlone) {
  EXPECT_EQ(repeated("scores were 10 10 and -- --"), (Strings{"10 10", "-- --"}));
  EXPECT_EQ(repeated("scores were 10 10 and -- --", {.alpha = true}), Strings{});
  EXPECT_EQ(repeated("très très bien", {.alpha = true}), Strings{"très très"});
}

TEST(Repetition, CountsAgainAfterEachReport) {
  EXPECT_EQ(repeated("no no no no"), (Strings{"no no", "no no"}));
  EXPECT_EQ(repeated("no no no"), Strings{"no no"});
}

TEST(Repetition, MaxAllowsSomeRepeats) {
  EXPECT_EQ(repeated("go go stop", {.max = 1}), Strings{});
  EXPECT_EQ(repeated("go go go stop", {.max = 1}), Strings{"go go"});
}

TEST(Repetition, DifferentNeighboursDoNotRepeat) {
  EXPECT_EQ(repeated("that that's it"), Strings{});
  EXPECT_EQ(repeated("it is, is it"), Strings{});
  EXPECT_EQ(repeated(""), Strings{});
}

TEST(Consistency, ReportsOnceBothSpellingsHaveAppeared) {
  ConsistencyState state;
  const std::vector<AlternativeMatch> first{{0, Span{0, 6}}, {0, Span{20, 26}}};
  EXPECT_FALSE(inconsistency_in_block(first, state).has_value());
  const std::vector<AlternativeMatch> second{
      {0, Span{40, 46}}, {1, Span{60, 66}}, {0, Span{70, 76}}};
  const std::optional<Span> reported = inconsistency_in_block(second, state);
  ASSERT_TRUE(reported.has_value());
  EXPECT_EQ(reported->begin, 70u);
  // Later blocks with a match are reported too, and blocks without one are not.
  EXPECT_FALSE(inconsistency_in_block({}, state).has_value());
  const std::vector<AlternativeMatch> third{{0, Span{90, 96}}};
  EXPECT_EQ(inconsistency_in_block(third, state)->begin, 90u);
}

TEST(Consistency, OneSpellingAloneIsConsistent) {
  ConsistencyState state;
  const std::vector<AlternativeMatch> matches{{1, Span{0, 6}}, {1, Span{10, 16}}};
  EXPECT_FALSE(inconsistency_in_block(matches, state).has_value());
  EXPECT_FALSE(inconsistency_in_block(matches, state).has_value());
}

}  // namespace
}  // namespace copydesk::vale
