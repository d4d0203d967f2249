#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/document.hpp"
#include "copydesk/segmenter.hpp"

namespace copydesk {
namespace {

using Texts = std::vector<std::string>;

Texts sentence_texts(const Document& document) {
  Texts texts;
  for (const Sentence& sentence : document.sentences()) {
    texts.emplace_back(document.text_of(sentence.span));
  }
  return texts;
}

Texts sentences(std::string text) { return sentence_texts(Document("test.txt", std::move(text))); }

std::vector<SentenceStart> starts(std::string text) {
  const Document document("test.txt", std::move(text));
  std::vector<SentenceStart> result;
  for (const Sentence& sentence : document.sentences()) result.push_back(sentence.start);
  return result;
}

std::vector<bool> terminals(std::string text) {
  const Document document("test.txt", std::move(text));
  std::vector<bool> result;
  for (const Sentence& sentence : document.sentences()) result.push_back(sentence.ends_with_terminal);
  return result;
}

// Each paragraph as the texts of its sentences.
std::vector<Texts> paragraphs(std::string text) {
  const Document document("test.txt", std::move(text));
  std::vector<Texts> result;
  for (const Paragraph& paragraph : document.paragraphs()) {
    Texts texts;
    for (auto s = paragraph.first_sentence; s < paragraph.last_sentence; ++s) {
      texts.emplace_back(document.text_of(document.sentences()[s].span));
    }
    result.push_back(texts);
  }
  return result;
}

using enum SentenceStart;

// Plain boundaries

TEST(Segmenter, SplitsAtTerminalPunctuation) {
  EXPECT_EQ(sentences("The vote passed. Officials left early! Was it fair? Nobody said."),
            (Texts{"The vote passed.", "Officials left early!", "Was it fair?", "Nobody said."}));
  EXPECT_EQ(starts("The vote passed. Officials left early!"), (std::vector{Block, AfterTerminal}));
}

TEST(Segmenter, EmptyAndBlankText) {
  EXPECT_TRUE(sentences("").empty());
  EXPECT_TRUE(sentences("  \n\n \t \r\n").empty());
  EXPECT_TRUE(paragraphs("").empty());
}

TEST(Segmenter, TextWithoutTerminalIsOneSentence) {
  EXPECT_EQ(sentences("  a headline with no full stop  "), (Texts{"a headline with no full stop"}));
  EXPECT_EQ(terminals("a headline with no full stop"), (std::vector{false}));
}

TEST(Segmenter, SentenceFieldsPointAtTokens) {
  const Document document("t.txt", " Rain fell. Roads shut.\n");
  ASSERT_EQ(document.sentences().size(), 2u);
  const Sentence& first = document.sentences()[0];
  const Sentence& second = document.sentences()[1];
  EXPECT_EQ(document.text_of(document.tokens()[first.first]), "Rain");
  EXPECT_EQ(document.text_of(document.tokens()[first.last - 1]), ".");
  EXPECT_EQ(first.span, (Span{1, 11}));
  EXPECT_EQ(document.text_of(document.tokens()[second.first]), "Roads");
  EXPECT_EQ(second.first, 6u);
  EXPECT_EQ(second.last, 10u);  // one past the final ".", before the newline
  EXPECT_EQ(document.text_of(document.tokens()[second.last - 1]), ".");
  EXPECT_TRUE(first.ends_with_terminal);
  EXPECT_TRUE(second.ends_with_terminal);
}

TEST(Segmenter, MissingSpaceIsNotABoundary) {
  // The spacing rule flags "ended.The"; the splitter must not hide it as a boundary.
  EXPECT_EQ(sentences("The match ended.The fans went home."),
            (Texts{"The match ended.The fans went home."}));
}

TEST(Segmenter, LowercaseAfterAFullStopStillSplits) {
  EXPECT_EQ(sentences("The match ended. the fans went home."),
            (Texts{"The match ended.", "the fans went home."}));
}

TEST(Segmenter, DecimalsAndNumbers) {
  EXPECT_EQ(sentences("Output grew 3.5 per cent. Prices fell by 0.2 points in 2019. Then it rose."),
            (Texts{"Output grew 3.5 per cent.", "Prices fell by 0.2 points in 2019.", "Then it rose."}));
}

// Abbreviations

TEST(Segmenter, TitlesNeverEndASentence) {
  EXPECT_EQ(sentences("Dr. Kim met Mr. Park and Mrs. Choi. They talked."),
            (Texts{"Dr. Kim met Mr. Park and Mrs. Choi.", "They talked."}));
  EXPECT_EQ(sentences("Prof. Lee and Gen. Ahn arrived."), (Texts{"Prof. Lee and Gen. Ahn arrived."}));
}

TEST(Segmenter, LatinAbbreviations) {
  EXPECT_EQ(sentences("Pack light, e.g. one bag. Leave early, i.e. before six. Fine."),
            (Texts{"Pack light, e.g. one bag.", "Leave early, i.e. before six.", "Fine."}));
  EXPECT_EQ(sentences("Compare the two (cf. the table) and decide."),
            (Texts{"Compare the two (cf. the table) and decide."}));
}

TEST(Segmenter, MonthAbbreviations) {
  EXPECT_EQ(sentences("The trial opens on Jan. 12 and ends in Feb. next year."),
            (Texts{"The trial opens on Jan. 12 and ends in Feb. next year."}));
}

TEST(Segmenter, NumberAbbreviationOnlyBeforeANumber) {
  EXPECT_EQ(sentences("She lives at No. 10 now."), (Texts{"She lives at No. 10 now."}));
  EXPECT_EQ(sentences("The answer was no. Then we left."),
            (Texts{"The answer was no.", "Then we left."}));
}

TEST(Segmenter, BritishTitles) {
  EXPECT_EQ(sentences("Cllr. Evans and the Rt. Hon. member agreed."),
            (Texts{"Cllr. Evans and the Rt. Hon. member agreed."}));
}

TEST(Segmenter, NounAbbreviationsOnlyBeforeNumbers) {
  EXPECT_EQ(sentences("See Fig. 3 for the trend."), (Texts{"See Fig. 3 for the trend."}));
  EXPECT_EQ(sentences("She ate a fig. Then she left."), (Texts{"She ate a fig.", "Then she left."}));
}

TEST(Segmenter, SuffixesThatOftenEndASentence) {
  EXPECT_EQ(sentences("The film came from Warner Bros. It was a hit."),
            (Texts{"The film came from Warner Bros.", "It was a hit."}));
  EXPECT_EQ(sentences("He praised Martin Luther King Jr. Day events."),
            (Texts{"He praised Martin Luther King Jr. Day events."}));
}

TEST(Segmenter, EtceteraEndsASentenceOnlyBeforeAnOpener) {
  EXPECT_EQ(sentences("They sold pens, paper, etc. The shop closed at six."),
            (Texts{"They sold pens, paper, etc.", "The shop closed at six."}));
  EXPECT_EQ(sentences("Pens, paper, etc. were on sale."), (Texts{"Pens, paper, etc. were on sale."}));
}

TEST(Segmenter, CountryAbbreviationAtSentenceEnd) {
  EXPECT_EQ(sentences("Prices rose in the U.S. The next day they fell."),
            (Texts{"Prices rose in the U.S.", "The next day they fell."}));
  EXPECT_EQ(terminals("Prices rose in the U.S. The next day they fell."),
            (std::vector{true, true}));
}

TEST(Segmenter, CountryAbbreviationInsideASentence) {
  EXPECT_EQ(sentences("A vote in the U.S. Senate is due."), (Texts{"A vote in the U.S. Senate is due."}));
  EXPECT_EQ(sentences("Talks at the U.N. headquarters went on."),
            (Texts{"Talks at the U.N. headquarters went on."}));
}

TEST(Segmenter, TimesOfDay) {
  EXPECT_EQ(sentences("We met at 9 a.m. yesterday."), (Texts{"We met at 9 a.m. yesterday."}));
  EXPECT_EQ(sentences("We met at 9 p.m. It was late."), (Texts{"We met at 9 p.m.", "It was late."}));
}

TEST(Segmenter, Initials) {
  EXPECT_EQ(sentences("J. R. R. Tolkien wrote it. George W. Bush read it."),
            (Texts{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}));
  EXPECT_EQ(sentences("The author J.K. Rowling spoke."), (Texts{"The author J.K. Rowling spoke."}));
}

TEST(Segmenter, SingleLetterBeforeAnOpenerEndsTheSentence) {
  EXPECT_EQ(sentences("She got an A. Then she left."), (Texts{"She got an A.", "Then she left."}));
}

TEST(Segmenter, IsAbbreviation) {
  EXPECT_TRUE(is_abbreviation("Dr"));
  EXPECT_TRUE(is_abbreviation("e.g"));
  EXPECT_TRUE(is_abbreviation("U.S"));
  EXPECT_TRUE(is_abbreviation("Jan"));
  EXPECT_TRUE(is_abbreviation("etc"));
  EXPECT_TRUE(is_abbreviation("No"));
  EXPECT_FALSE(is_abbreviation("dog"));
  EXPECT_FALSE(is_abbreviation("U.S."));  // written without the final period
  EXPECT_FALSE(is_abbreviation("dr"));    // matched exactly
}

// Ellipses and quotes

TEST(Segmenter, EllipsisBeforeLowercaseContinues) {
  EXPECT_EQ(sentences("He paused... then carried on."), (Texts{"He paused... then carried on."}));
  EXPECT_EQ(sentences("He paused\xE2\x80\xA6 then carried on."),
            (Texts{"He paused\xE2\x80\xA6 then carried on."}));
}

TEST(Segmenter, EllipsisBeforeCapitalEnds) {
  EXPECT_EQ(sentences("He paused... Then he left."), (Texts{"He paused...", "Then he left."}));
  EXPECT_EQ(terminals("He paused... Then he left."), (std::vector{true, true}));
}

TEST(Segmenter, QuotedExclamationFollowedBySaid) {
  EXPECT_EQ(sentences("'Stop!' she said."), (Texts{"'Stop!' she said."}));
  EXPECT_EQ(sentences("\"Stop!\" she said."), (Texts{"\"Stop!\" she said."}));
}

TEST(Segmenter, CurlyQuotedQuestionFollowedByLowercase) {
  EXPECT_EQ(sentences("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."),
            (Texts{"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."}));
}

TEST(Segmenter, ClosingQuoteBelongsToTheSentence) {
  EXPECT_EQ(sentences("\xE2\x80\x9CGo home.\xE2\x80\x9D The crowd left."),
            (Texts{"\xE2\x80\x9CGo home.\xE2\x80\x9D", "The crowd left."}));
  EXPECT_EQ(terminals("\xE2\x80\x9CGo home.\xE2\x80\x9D The crowd left."),
            (std::vector{true, true}));
}

TEST(Segmenter, ClosingParenthesisBelongsToTheSentence) {
  EXPECT_EQ(sentences("(He left early.) Then we ate."), (Texts{"(He left early.)", "Then we ate."}));
}

TEST(Segmenter, RepeatedMarks) {
  EXPECT_EQ(sentences("Really?! Yes."), (Texts{"Really?!", "Yes."}));
}

TEST(Segmenter, NamesAndAddressesAtSentenceEnd) {
  EXPECT_EQ(sentences("Open notes.txt. Then close it."), (Texts{"Open notes.txt.", "Then close it."}));
  EXPECT_EQ(sentences("See https://x.org/a. Then reply."), (Texts{"See https://x.org/a.", "Then reply."}));
  EXPECT_EQ(sentences("Mail desk@example.org. We answer."),
            (Texts{"Mail desk@example.org.", "We answer."}));
}

// Lines and paragraphs

TEST(Segmenter, BlankLinesSeparateParagraphs) {
  const std::string text = "Rain fell. Roads shut.\n\nSchools opened late.";
  EXPECT_EQ(paragraphs(text),
            (std::vector<Texts>{{"Rain fell.", "Roads shut."}, {"Schools opened late."}}));
  EXPECT_EQ(starts(text), (std::vector{Block, AfterTerminal, Block}));
}

TEST(Segmenter, BlankLineWithSpacesSeparatesParagraphs) {
  EXPECT_EQ(paragraphs("Rain fell.\n  \t\nRoads shut."),
            (std::vector<Texts>{{"Rain fell."}, {"Roads shut."}}));
}

TEST(Segmenter, BlankLineEndsASentenceWithoutPunctuation) {
  const std::string text = "Storm hits the coast\n\nHeavy rain fell overnight.";
  EXPECT_EQ(sentences(text), (Texts{"Storm hits the coast", "Heavy rain fell overnight."}));
  EXPECT_EQ(starts(text), (std::vector{Block, Block}));
  EXPECT_EQ(terminals(text), (std::vector{false, true}));
  EXPECT_EQ(paragraphs(text).size(), 2u);
}

TEST(Segmenter, CrLfAndLoneCrBlankLines) {
  EXPECT_EQ(paragraphs("Rain fell.\r\n\r\nRoads shut.\r\rSchools shut."),
            (std::vector<Texts>{{"Rain fell."}, {"Roads shut."}, {"Schools shut."}}));
}

TEST(Segmenter, SingleNewlineInsideASentence) {
  EXPECT_EQ(sentences("The storm hit the\ncoast overnight."),
            (Texts{"The storm hit the\ncoast overnight."}));
  EXPECT_EQ(paragraphs("Rain fell.\nRoads shut.").size(), 1u);
}

TEST(Segmenter, HeadingLineFollowedByCapital) {
  const std::string text = "Storm hits the coast\nHeavy rain fell overnight.";
  EXPECT_EQ(sentences(text), (Texts{"Storm hits the coast", "Heavy rain fell overnight."}));
  EXPECT_EQ(starts(text), (std::vector{Block, LineBreak}));
  EXPECT_EQ(terminals(text), (std::vector{false, true}));
}

TEST(Segmenter, HeadingAfterAParagraphLine) {
  const std::string text = "Rain fell.\nFlood warning\nRivers rose.";
  EXPECT_EQ(sentences(text), (Texts{"Rain fell.", "Flood warning", "Rivers rose."}));
  EXPECT_EQ(starts(text), (std::vector{Block, AfterTerminal, LineBreak}));
}

TEST(Segmenter, WrappedLineBeforeACapitalIsNotAHeading) {
  // The sentence crossed a line break already, so its current line is no heading.
  EXPECT_EQ(sentences("The storm hit the coast and\nthe town, then the\nRiver Thames rose."),
            (Texts{"The storm hit the coast and\nthe town, then the\nRiver Thames rose."}));
  // The sentence began in the middle of the line.
  EXPECT_EQ(sentences("Rain fell. The storm hit the\nCoast Road at dawn."),
            (Texts{"Rain fell.", "The storm hit the\nCoast Road at dawn."}));
}

TEST(Segmenter, HeadingWithCrLf) {
  EXPECT_EQ(starts("Storm hits the coast\r\nHeavy rain fell."), (std::vector{Block, LineBreak}));
}

TEST(Segmenter, LineEndingInColon) {
  EXPECT_EQ(sentences("Three things matter:\nprice, speed and trust."),
            (Texts{"Three things matter:", "price, speed and trust."}));
  EXPECT_EQ(starts("Three things matter:\nprice, speed and trust."), (std::vector{Block, LineBreak}));
}

TEST(Segmenter, ListItemsExcludeTheirMarkers) {
  const std::string text = "Bring:\n* a torch\n- some water\n1. a map\n2) a whistle";
  EXPECT_EQ(sentences(text), (Texts{"Bring:", "a torch", "some water", "a map", "a whistle"}));
  EXPECT_EQ(starts(text), (std::vector{Block, ListItem, ListItem, ListItem, ListItem}));
}

TEST(Segmenter, ListItemsWithFullStops) {
  const std::string text = "* Pack a torch.\n* Fill the flask.";
  EXPECT_EQ(sentences(text), (Texts{"Pack a torch.", "Fill the flask."}));
  EXPECT_EQ(starts(text), (std::vector{ListItem, ListItem}));
}

TEST(Segmenter, IndentedListItems) {
  EXPECT_EQ(sentences("Notes\n  - first point\n  - second point"),
            (Texts{"Notes", "first point", "second point"}));
}

TEST(Segmenter, ListAfterABlankLineStartsAParagraph) {
  const std::string text = "We need three things.\n\n* a torch\n* a map";
  EXPECT_EQ(starts(text), (std::vector{Block, ListItem, ListItem}));
  EXPECT_EQ(paragraphs(text),
            (std::vector<Texts>{{"We need three things."}, {"a torch", "a map"}}));
}

TEST(Segmenter, DashInsideALineIsNotAListMarker) {
  EXPECT_EQ(sentences("The result - a draw - pleased nobody."),
            (Texts{"The result - a draw - pleased nobody."}));
}

TEST(Segmenter, YearAtLineStartIsNotAListMarker) {
  EXPECT_EQ(sentences("It began in\n2019. Then it grew."), (Texts{"It began in\n2019.", "Then it grew."}));
}

TEST(Segmenter, ParagraphSpansAndIndices) {
  const Document document("t.txt", "One here. Two here.\n\nThree here.");
  ASSERT_EQ(document.paragraphs().size(), 2u);
  const Paragraph& first = document.paragraphs()[0];
  EXPECT_EQ(document.text_of(first.span), "One here. Two here.");
  EXPECT_EQ(first.first_sentence, 0u);
  EXPECT_EQ(first.last_sentence, 2u);
  EXPECT_EQ(document.paragraphs()[1].first_sentence, 2u);
  EXPECT_EQ(document.paragraphs()[1].last_sentence, 3u);
}

// Document helpers

TEST(Document, SentenceOfAndNeighbours) {
  const Document document("t.txt", "Rain fell. Roads shut.");
  // Tokens: Rain _ fell . _ Roads _ shut .
  ASSERT_EQ(document.tokens().size(), 9u);
  EXPECT_EQ(document.sentence_of(0), 0u);
  EXPECT_EQ(document.sentence_of(3), 0u);
  EXPECT_EQ(document.sentence_of(5), 1u);
  EXPECT_EQ(document.sentence_of(8), 1u);
  EXPECT_EQ(document.previous_non_blank(5), 3);
  EXPECT_EQ(document.next_non_blank(3), 5);
  EXPECT_EQ(document.previous_non_blank(0), -1);
  EXPECT_EQ(document.next_non_blank(8), -1);
}

TEST(Document, KeepsByteOrderMarkAndOffsets) {
  const Document document("t.txt", "\xEF\xBB\xBFRain fell.");
  ASSERT_EQ(document.sentences().size(), 1u);
  EXPECT_EQ(document.sentences()[0].span, (Span{3, 13}));
  EXPECT_EQ(document.sentences()[0].start, Block);
}

TEST(Document, IsCheapToMove) {
  Document original("t.txt", "Rain fell. Roads shut.");
  const Document moved = std::move(original);
  EXPECT_EQ(moved.text_of(moved.sentences()[1].span), "Roads shut.");
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

TEST(SegmenterEllipsis, LongAndSpacedEllipsesBehaveLikeThreeDots) {
  EXPECT_EQ(sentences("The music.... this is the best part."),
            Texts({"The music.... this is the best part."}));
  EXPECT_EQ(sentences("They kept the . . . momentum going."),
            Texts({"They kept the . . . momentum going."}));
  EXPECT_EQ(sentences("They waited . . . Then the doors opened."),
            Texts({"They waited . . .", "Then the doors opened."}));
}

// Block starts (from a front end such as Markdown)

TEST(SegmenterBlockStarts, EachStartsASentenceOfItsKind) {
  // "  Title  \n  yes   no  ": a heading line and two table cells, as a prose view shows them.
  const Document document("t.md", "  Title  \n  yes   no  ",
                          {{2, Heading}, {12, TableCell}, {18, TableCell}});
  EXPECT_EQ(sentence_texts(document), (Texts{"Title", "yes", "no"}));
  std::vector<SentenceStart> kinds;
  for (const Sentence& sentence : document.sentences()) kinds.push_back(sentence.start);
  EXPECT_EQ(kinds, (std::vector<SentenceStart>{Heading, TableCell, TableCell}));
}

TEST(SegmenterBlockStarts, OutrankTerminalsBlankLinesAndListMarkers) {
  const Document document("t.md", "One. two\n\nthree\n- four",
                          {{0, Block}, {5, ListItem}, {10, Heading}, {18, Block}});
  EXPECT_EQ(sentence_texts(document), (Texts{"One.", "two", "three", "four"}));
  std::vector<SentenceStart> kinds;
  for (const Sentence& sentence : document.sentences()) kinds.push_back(sentence.start);
  EXPECT_EQ(kinds, (std::vector<SentenceStart>{Block, ListItem, Heading, Block}));
}

TEST(SegmenterBlockStarts, AStartInsideATokenTakesEffectAtTheNext) {
  const Document document("t.md", "alpha beta gamma", {{2, Heading}});
  EXPECT_EQ(sentence_texts(document), (Texts{"alpha", "beta gamma"}));
  EXPECT_EQ(document.sentences()[1].start, Heading);
}

TEST(SegmenterBlockStarts, HeadingsAndBlocksStartParagraphs) {
  const Document document("t.md", "Title\nBody text.\n- item",
                          {{0, Heading}, {6, Block}, {19, ListItem}});
  ASSERT_EQ(document.paragraphs().size(), 2u);
  EXPECT_EQ(document.text_of(document.paragraphs()[0].span), "Title");
  EXPECT_EQ(document.text_of(document.paragraphs()[1].span), "Body text.\n- item");
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

// The index of the first token whose text is `word`.
std::uint32_t token_index(const Document& document, std::string_view word) {
  for (std::uint32_t i = 0; i < document.tokens().size(); ++i) {
    if (document.text_of(document.tokens()[i]) == word) return i;
  }
  ADD_FAILURE() << "no token " << word;
  return 0;
}

TEST(Document, GluedRunReachesTheSpacesOnEitherSide) {
  const Document document("test.txt", "See cmake/modules/x.cmake now,\nthen run advise() once.");
  EXPECT_EQ(document.glued_run(token_index(document, "modules")), "cmake/modules/x.cmake");
  EXPECT_EQ(document.glued_run(token_index(document, "now")), "now,");
  EXPECT_EQ(document.glued_run(token_index(document, "advise")), "advise()");
  EXPECT_EQ(document.glued_run(token_index(document, "See")), "See");
}

TEST(Document, GluedRunStopsSixtyFourTokensAway) {
  // "a,a,a,...": two tokens a pair, no space anywhere.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "a,";
  const Document document("test.txt", text);
  const std::string_view run = document.glued_run(100);
  EXPECT_EQ(run.size(), 129u);  // 64 tokens each side and the token itself, one byte each
}

}  // namespace
}  // namespace copydesk
