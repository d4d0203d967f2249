#include <algorithm>
#include <filesystem>
#include <fstream>

#include "rule_test_support.hpp"

namespace copydesk {
namespace {

using testing::expect_flags;
using testing::findings;

constexpr std::string_view kRule = "misspelled-word";

// The single finding in `text`: its span, its suggestions and a phrase of its message.
void expect_only_finding(std::string_view text, Span span,
                         const std::vector<std::string>& suggestions, std::string_view phrase) {
  const auto found = findings(kRule, text);
  ASSERT_EQ(found.size(), 1u) << text;
  EXPECT_EQ(found[0].span, span) << text;
  EXPECT_EQ(found[0].suggestions, suggestions) << text;
  EXPECT_NE(found[0].message.find(phrase), std::string::npos) << found[0].message;
}

// --- must fire -------------------------------------------------------------------------------

TEST(MisspelledWordTest, FlagsTypoInsideSentence) {
  expect_flags(kRule, "She will [[recieve]] the award tomorrow.");
}

TEST(MisspelledWordTest, FlagsTwoTyposInOneSentence) {
  expect_flags(kRule, "The [[commitee]] will [[recieve]] the papers.");
}

TEST(MisspelledWordTest, FlagsCapitalizedTypoAtSentenceStart) {
  expect_flags(kRule, "[[Recieved]] the letter this morning.");
}

TEST(MisspelledWordTest, FlagsSentenceStartTypoAfterEarlierSentence) {
  expect_flags(kRule, "The vote was close. [[Teh]] result came late.");
}

TEST(MisspelledWordTest, FlagsSentenceStartTypoAfterOpeningQuote) {
  expect_flags(kRule, "\"[[Definately]] not,\" she said.");
}

TEST(MisspelledWordTest, FlagsOnlyTheBadPartOfACompound) {
  expect_flags(kRule, "They chose a [[recieve]]-based approach.");
  expect_flags(kRule, "It was a long-[[trem]] plan.");
}

TEST(MisspelledWordTest, FlagsTypoWithCurlyApostrophe) {
  expect_flags(kRule, "The [[goverment\xE2\x80\x99s]] plan collapsed.");
}

TEST(MisspelledWordTest, FlagsCapitalInContractionEnding) {
  expect_flags(kRule, "We [[don'T]] agree with the panel.");
  expect_flags(kRule, "[[We'Re]] leaving on Monday.");
  // Two capitals, and a capitalized word inside a sentence: a slip of the shift key, no name.
  expect_flags(kRule, "[[We'RE]] told this [[Example'S]] wrong.");
  const auto found = findings(kRule, "Then It\xE2\x80\x99S late.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions, std::vector<std::string>{"It\xE2\x80\x99s"});
  EXPECT_NE(found[0].message.find("capitals in its contraction"), std::string::npos);
}

TEST(MisspelledWordTest, LeavesContractionsWrittenAllInCapitals) {
  expect_flags(kRule, "The banner read WE'RE READY and I'M HERE, said O'Brien.");
}

TEST(MisspelledWordTest, FlagsApostropheInPossessivePronoun) {
  expect_flags(kRule, "The final decision was [[your's]] to make.");
}

TEST(MisspelledWordTest, FlagsApostropheSAfterAPlural) {
  expect_flags(kRule, "Staff queued at the [[workers's]] entrance and the [[churches's]] doors.");
  expect_flags(kRule, "The [[wolves's]] den lay beyond the [[cities\xE2\x80\x99s]] edge.");
  expect_only_finding("The employees's canteen closed.", Span{4, 15}, {"employees'"},
                      "possessive of a plural");
  // The apostrophe is kept as written.
  expect_only_finding("Both companies\xE2\x80\x99s profits rose.", Span{5, 18},
                      {"companies\xE2\x80\x99"}, "possessive of a plural");
}

TEST(MisspelledWordTest, NamesTheCapitalsOfALowercaseName) {
  const auto found = findings(kRule, "We met on friday with the swiss team and the bbc's editor.");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].suggestions, std::vector<std::string>{"Friday"});
  EXPECT_EQ(found[0].message, "`friday` is written with capitals: `Friday`.");
  EXPECT_EQ(found[1].suggestions, std::vector<std::string>{"Swiss"});
  EXPECT_EQ(found[2].suggestions, std::vector<std::string>{"BBC's"});
  // An abbreviation that is also one letter from a word leads the suggestions instead.
  const auto dvd = findings(kRule, "She bought a dvd yesterday.");
  ASSERT_EQ(dvd.size(), 1u);
  EXPECT_EQ(dvd[0].message, "`dvd` is not in the dictionary.");
  ASSERT_FALSE(dvd[0].suggestions.empty());
  EXPECT_EQ(dvd[0].suggestions[0], "DVD");
  EXPECT_GT(dvd[0].suggestions.size(), 1u);
  // Two letters are too close to other words to be read as an abbreviation.
  const auto two = findings(kRule, "It is ot me.");
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].message, "`ot` is not in the dictionary.");
}

TEST(MisspelledWordTest, FlagsMisspelledContractionOfI) {
  // "I" with a broken contraction is no name, although it starts with a capital.
  expect_flags(kRule,
               "Yes, [[I'l]] call, and he said [[I\xE2\x80\x99"
               "v]] seen it.");
  const auto found = findings(kRule, "Maybe I'l call.");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_FALSE(found[0].suggestions.empty());
  EXPECT_EQ(found[0].suggestions[0], "I'll");
  // The letter a contraction's ending lacks comes first among the suggestions.
  for (const auto& [text, first] :
       std::vector<std::pair<std::string, std::string>>{{"He said I'v seen it.", "I've"},
                                                        {"Maybe they'l call.", "they'll"},
                                                        {"Now we'r late.", "we're"}}) {
    const auto short_ending = findings(kRule, text);
    ASSERT_EQ(short_ending.size(), 1u) << text;
    ASSERT_FALSE(short_ending[0].suggestions.empty()) << text;
    EXPECT_EQ(short_ending[0].suggestions[0], first) << text;
  }
}

TEST(MisspelledWordTest, LeavesContractionsOfI) {
  expect_flags(kRule,
               "I'm sure I'll go, and I've said I\xE2\x80\x99"
               "d go.");
}

TEST(MisspelledWordTest, LeavesTheWordsOfPaths) {
  expect_flags(kRule, "The file cmake/modules/FindGLIB2.cmake and /usr/share/doc/hunspel are old.");
  // One slash is prose: "and/or", "km/h", and a typo beside one.
  expect_flags(kRule, "Use [[recieve]]/send and/or the km/h figure.");
}

TEST(MisspelledWordTest, LeavesTheWordsOfCodeInPlainText) {
  expect_flags(kRule, "Edit AUTHORS.{en,ru}.txt, set $HOMEDIR=/srv and print %(objectsize).");
  expect_flags(kRule, "Call queue.workersList() or catch fastify.FastifyError there.");
  // Brackets are prose too.
  expect_flags(kRule, "The form (see the [[recieved]] copy) is late.");
}

TEST(MisspelledWordTest, FlagsApostropheSOnAVerb) {
  expect_flags(kRule, "If the delay [[become's]] longer, the board [[discuss's]] it again.");
  expect_only_finding("The rule only apply\xE2\x80\x99s to new staff.", Span{14, 23}, {"applies"},
                      "is a verb");
  expect_only_finding("It all seem's fine.", Span{7, 13}, {"seems"}, "is a verb");
}

TEST(MisspelledWordTest, LeavesApostropheSOnVerbsThatAreAlsoNouns) {
  expect_flags(kRule, "The list of do's and don'ts covered the new recruit's first get's rules.");
}

TEST(MisspelledWordTest, LeavesApostropheSAfterASingularEndingInS) {
  expect_flags(kRule,
               "The boss's car passed the princess's carriage, the bus's stop and the census's "
               "office.");
  expect_flags(kRule, "The crisis's cost, the species's range and the economics's syllabus.");
  expect_flags(kRule, "The news's source was the series's writer in the Joneses's house.");
}

TEST(MisspelledWordTest, FlagsMissingApostrophe) {
  expect_flags(kRule, "Officials said they [[wouldnt]] comment.");
}

TEST(MisspelledWordTest, FlagsContractionsWithoutApostropheEvenWhenCapitalized) {
  expect_flags(kRule, "Some say [[Im]] late, but I know [[Ive]] been early.");
  expect_flags(kRule, "The banner read: [[DONT]] PANIC.");
  const auto found = findings(kRule, "He said Ive seen it.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions, std::vector<std::string>{"I've"});
}

TEST(MisspelledWordTest, FlagsRunTogetherWordsAtSentenceStart) {
  expect_flags(kRule, "[[Infact]], the road reopened on Monday.");
  const auto found = findings(kRule, "We waited, but [[alot]] changed.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(std::find(found[0].suggestions.begin(), found[0].suggestions.end(), "a lot"),
            found[0].suggestions.end());
}

TEST(MisspelledWordTest, LeavesSentencesInAnotherLanguage) {
  EXPECT_TRUE(findings(kRule, "The sign said: Bitte nicht rauchen im Zimmer.").empty());
  EXPECT_TRUE(findings(kRule, "He quoted the motto, \"ne quid nimis\", with a smile.").size() <= 3);
  expect_flags(kRule, "The [[commitee]] met in Berlin.");
  // Words outside ASCII count towards a foreign sentence; one of them does not make it one.
  EXPECT_TRUE(findings(kRule, "Der Zug f\xC3\xA4hrt heute nicht \xC3\xBC"
                              "ber die Br\xC3\xBC" "cke nach K\xC3\xB6ln.")
                  .empty());
  expect_flags(kRule, "The caf\xC3\xA9 served [[teh]] best coffee in town.");
  // Of two unknown words, one far from English is no evidence of another language.
  expect_flags(kRule, "[[zorbix]] [[recieved]]", "en_US");
}

TEST(MisspelledWordTest, LeavesNamesMadeOfTwoWordsAtSentenceStart) {
  EXPECT_TRUE(findings(kRule, "Greenbrook won the cup final.").empty());
  EXPECT_TRUE(findings(kRule, "Okonkwo, I think, was right.").empty());
}

TEST(MisspelledWordTest, FlagsAmericanSpellingUnderBritishDictionary) {
  expect_flags(kRule, "The walls were painted a bright [[color]] last week.", "en_GB");
}

TEST(MisspelledWordTest, FlagsBritishSpellingUnderAmericanDictionary) {
  expect_flags(kRule, "The walls were painted a bright [[colour]] last week.");
}

// The other region's spelling is named as such, with this region's word as the suggestion, also
// when it takes two changes ("maneuver": e -> oe and er -> re) or keeps its capital.
TEST(MisspelledWordTest, NamesTheOtherRegionsSpellingAndSuggestsThisRegions) {
  const auto only = [](std::string_view text, const std::string& language) {
    const auto found = findings(kRule, text, language);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? Diagnostic{} : found.front();
  };
  Diagnostic british = only("Officials began to analyze the data.", "en_GB");
  EXPECT_EQ(british.message, "`analyze` is the American spelling of `analyse`.");
  EXPECT_EQ(british.suggestions, std::vector<std::string>{"analyse"});
  EXPECT_EQ(only("The maneuver failed.", "en_GB").suggestions,
            std::vector<std::string>{"manoeuvre"});
  EXPECT_EQ(only("Colors faded in the sun.", "en_GB").suggestions,
            std::vector<std::string>{"Colours"});
  Diagnostic american = only("The town centre was closed.", "en_US");
  EXPECT_EQ(american.message, "`centre` is the British spelling of `center`.");
  EXPECT_EQ(american.suggestions, std::vector<std::string>{"center"});
}

// A word the other region's dictionary knows that is no regional spelling of a word this one
// knows is vocabulary this dictionary lacks, not a typo; a typo is still one.
TEST(MisspelledWordTest, LeavesWordsOnlyTheOtherRegionsDictionaryLists) {
  expect_flags(kRule, "Traffic on the freeway was slow near the beachfront.", "en_GB");
  expect_flags(kRule, "Traffic on the freeway was [[slwo]] near the beachfront.", "en_GB");
  // Not the other way round: en_GB's longer list has doubtful forms that American text
  // should not pass.
  expect_flags(kRule, "Her [[expertises]] cover tax and trade.");
}

TEST(MisspelledWordTest, FlagsTypoNextToNumbers) {
  expect_flags(kRule, "In 1990 the [[goverment]] fell after 21 days.");
}

TEST(MisspelledWordTest, FlagsTypoInListItem) {
  expect_flags(kRule, "Costs rose:\n* [[Acommodation]] costs rose by a third.\n");
}

TEST(MisspelledWordTest, FlagsTypoUnderBritishDictionary) {
  expect_flags(kRule, "The council will [[definately]] review the decision.", "en_GB");
}

TEST(MisspelledWordTest, FlagsTypoInHeadline) {
  expect_flags(kRule, "Ministers [[anounce]] new budget\n\nThe budget was published.");
}

// --- must not fire ---------------------------------------------------------------------------

TEST(MisspelledWordTest, LeavesCapitalizedNamesInsideSentences) {
  expect_flags(kRule, "The talks with Minister Ahn Gyu-back ended in Baghdad.");
  expect_flags(kRule, "Strengthening Korea-Iraq Defence Cooperation for the Century");
}

TEST(MisspelledWordTest, LeavesSentenceStartNameUsedElsewhere) {
  expect_flags(kRule, "Gyu-back met the envoy. Later that day Gyu-back flew home.");
  expect_flags(kRule, "Ahn\xE2\x80\x99s trip was short. The aides of Minister Ahn agreed.");
}

TEST(MisspelledWordTest, LeavesSentenceStartNameBeforeFamilyName) {
  expect_flags(kRule, "Zorvath Kemble won the race easily.");
}

TEST(MisspelledWordTest, LeavesSentenceStartNameFarFromEveryWord) {
  expect_flags(kRule, "Xqueltaro announced the merger on Friday.");
}

TEST(MisspelledWordTest, LeavesListsOfNames) {
  expect_flags(kRule, "Zarkov, Pelling, Quant and Ibsom started the match.");
}

TEST(MisspelledWordTest, LeavesNameOpeningSeveralSentences) {
  expect_flags(kRule, "Blorvex shares rose. Blorvex later fell back.");
}

TEST(MisspelledWordTest, LeavesShortFormOfCamelCaseName) {
  expect_flags(kRule, "Glaxo fell sharply. Investors in GlaxoSmithKline were calm.");
}

TEST(MisspelledWordTest, LeavesBrandsWithInnerCapitals) {
  expect_flags(kRule, "her iPhone, his eBay account and a McDonald franchise");
  expect_flags(kRule, "The envoy met O'Brien at McDonald's on Monday.");
}

TEST(MisspelledWordTest, LeavesAcronymsAndTheirPlurals) {
  expect_flags(kRule, "The KAMD and KSOE projects matter to NATO.");
  expect_flags(kRule, "Several MPs, two NGOs and the CEO's aide attended.");
}

TEST(MisspelledWordTest, LeavesNumbersAndWordsWithDigits) {
  expect_flags(kRule, "In the 1970s, the 21st meeting discussed COVID-19, MP3 players and the G7.");
}

TEST(MisspelledWordTest, LeavesUrlsEmailsAndFileNames) {
  expect_flags(kRule,
               "See https://exampel.org/recieve or write to editr@exampel.org or open notez.txt.");
  expect_flags(kRule, "Shares of .com firms fell.");
}

TEST(MisspelledWordTest, LeavesCurlyApostrophesOfKnownWords) {
  expect_flags(kRule, "His aides said we\xE2\x80\x99ll see, and they don\xE2\x80\x99t mind.");
}

TEST(MisspelledWordTest, LeavesPossessivesOfKnownWords) {
  expect_flags(kRule, "The nation's leaders waved the nations' flags at the exchange's door.");
}

TEST(MisspelledWordTest, LeavesHyphenatedCompounds) {
  expect_flags(kRule, "It was a well-known, long-term decision-making process.");
  expect_flags(kRule, "The sell-offs worried eight-year-olds and their parents.");
}

TEST(MisspelledWordTest, LeavesHyphenPrefixes) {
  expect_flags(kRule, "They debated a pre-war, anti-inflation and socio-economic policy.");
}

TEST(MisspelledWordTest, LeavesHouseWords) {
  expect_flags(kRule, "Cybersecurity staff went online to check the website and the blog.");
  // Software vocabulary for documentation: under en_US too, which lacks most of it.
  expect_flags(kRule,
               "The backend config lives in the codebase; see the changelog, the plugin "
               "namespace and the stdout of each subcommand.");
  expect_flags(kRule, "We have four cyberattacks on record, etc.", "en_GB");
}

TEST(MisspelledWordTest, LeavesSingleLettersAndRomanNumerals) {
  expect_flags(kRule, "Plan B failed, so part ii and chapter xiv of volume iv were cut.");
}

TEST(MisspelledWordTest, LeavesHandlesHashtagsAndIdentifiers) {
  expect_flags(kRule, "Follow @newzdesk and #recieveday; the setting max_valu stays.");
}

TEST(MisspelledWordTest, LeavesAbbreviations) {
  expect_flags(kRule, "Mr Smith met Dr Jones and Mrs Patel.", "en_GB");
}

TEST(MisspelledWordTest, LeavesNameParticles) {
  expect_flags(kRule, "He banked with Banque du Caire and met David dal Maso.");
}

TEST(MisspelledWordTest, LeavesWordsCutByHtmlEntities) {
  expect_flags(kRule, "He visited the caf&#233; again.");
}

TEST(MisspelledWordTest, LeavesForeignLetters) {
  expect_flags(kRule,
               "They sat in a caf\xC3\xA9 in Z\xC3\xBCrich reading "
               "\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8.");
}

TEST(MisspelledWordTest, LeavesBritishSpellingsUnderBritishDictionary) {
  expect_flags(kRule, "The colour of the defence budget was debated.", "en_GB");
}

// --- messages, suggestions and the user's word list -------------------------------------------

TEST(MisspelledWordTest, MessageQuotesTheWordAndSuggestsFixes) {
  const auto found = findings(kRule, "She will recieve it.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "`recieve` is not in the dictionary.");
  EXPECT_LE(found[0].suggestions.size(), 5u);
  EXPECT_NE(std::find(found[0].suggestions.begin(), found[0].suggestions.end(), "receive"),
            found[0].suggestions.end());
  EXPECT_FALSE(found[0].fix.has_value());
  EXPECT_EQ(found[0].severity, Severity::Error);
}

TEST(MisspelledWordTest, MessageNamesOnlyTheBadPart) {
  const auto found = findings(kRule, "A recieve-based plan.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "`recieve` is not in the dictionary.");
}

TEST(MisspelledWordTest, AcceptsWordsFromTheUsersList) {
  const auto path = std::filesystem::temp_directory_path() / "copydesk-misspelled-word-list.txt";
  {
    std::ofstream out(path);
    out << "# house names\nzorblatt\nKwexo\n";
  }
  const std::string text = "The zorblatt team met. Zorblatt staff and kwexo agreed.";
  EngineOptions options;
  options.accepted_lists = {read_word_list(path)};
  const Engine engine(Registry::builtin(), options);
  const FileResult result = engine.lint_text("test.txt", text);
  std::filesystem::remove(path);
  std::vector<std::string> flagged;
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule == kRule)
      flagged.emplace_back(text.substr(diagnostic.span.begin, diagnostic.span.size()));
  }
  // Lowercase entries accept capitals; a capitalized entry does not accept lowercase.
  EXPECT_EQ(flagged, std::vector<std::string>{"kwexo"});
  EXPECT_EQ(findings(kRule, "The zorblatt team met.").size(), 1u);
}

// --- rejected words (copydesk.toml [words] reject) -----------------------------------------

// `text` with the rejected words that misspelled-word flags wrapped in [[ ]].
std::string rejected_marked(std::string_view text, const std::string& rejected,
                            const std::string& language = "en_GB") {
  EngineOptions options;
  options.language = language;
  options.rejected_lists = {rejected};
  const Engine engine(Registry::builtin(), options);
  std::vector<Diagnostic> found;
  for (auto& diagnostic : engine.lint_text("test.txt", std::string(text)).diagnostics) {
    if (diagnostic.rule == kRule) found.push_back(std::move(diagnostic));
  }
  return testing::with_markers(text, found);
}

TEST(MisspelledWordTest, FlagsRejectedWordsTheDictionaryKnows) {
  EXPECT_EQ(
      rejected_marked("The panel used its judgement and learnt a lesson.", "judgement\nlearnt\n"),
      "The panel used its [[judgement]] and [[learnt]] a lesson.");
  // Without the list the dictionary accepts both.
  EXPECT_EQ(rejected_marked("The panel used its judgement and learnt a lesson.", ""),
            "The panel used its judgement and learnt a lesson.");
}

TEST(MisspelledWordTest, RejectedWordsMatchTheCapitalAtASentenceStartOnly) {
  EXPECT_EQ(rejected_marked("Judgement was reserved. They watched Judgement Day.", "judgement"),
            "[[Judgement]] was reserved. They watched Judgement Day.");
  // A capitalized entry matches only as written.
  EXPECT_EQ(rejected_marked("The Colour Council met; the colour was wrong.", "Colour"),
            "The [[Colour]] Council met; the colour was wrong.");
}

TEST(MisspelledWordTest, FlagsOnlyTheRejectedPartOfACompound) {
  EXPECT_EQ(rejected_marked("A judgement-free zone.", "judgement"), "A [[judgement]]-free zone.");
  EXPECT_EQ(rejected_marked("The judgemental tone.", "judgement"), "The judgemental tone.");
}

TEST(MisspelledWordTest, RejectedWordMessageAndSuggestions) {
  EngineOptions options;
  options.language = "en_GB";
  options.rejected_lists = {"judgement\n"};
  const Engine engine(Registry::builtin(), options);
  const FileResult result = engine.lint_text("test.txt", "It was a fair judgement.");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message, "`judgement` is a word the house style rejects.");
  ASSERT_FALSE(result.diagnostics[0].suggestions.empty());
  EXPECT_EQ(result.diagnostics[0].suggestions[0], "judgment");
}

// --- typo-dense sentences, capitals, and suggestions ranked by likelihood --------------------

TEST(MisspelledWordTest, FlagsEveryTypoOfATypoDenseSentence) {
  // Half the lowercase words unknown, but all of them close to English words: no foreign text.
  expect_flags(kRule, "It is [[definately]] [[seperate]].");
  expect_flags(kRule, "We [[recieve]] [[definately]] [[seperate]] things.");
  expect_flags(kRule, "The [[goverment]] [[beleives]] it.");
}

TEST(MisspelledWordTest, FlagsCapitalizedSlipsOfCommonWords) {
  expect_flags(kRule, "We toured the [[Compnay]] offices.");
  expect_flags(kRule, "[[Gouverment]] will try again.");
  // A title-case headline: capitals there are no evidence of a name.
  expect_flags(kRule, "Stylish Shoes, No [[Matetr]] Your Size");
  // Title case leaves articles, conjunctions and short prepositions in lowercase.
  expect_flags(kRule, "Sunderland Are Currently Pushing for [[Promtoion]] in the League.");
  // Title case capitalizes short verbs and pronouns, which prose leaves in lowercase.
  expect_flags(kRule, "Where Is My [[Wallett]]?");
  EXPECT_TRUE(findings(kRule, "I asked where my Wallett was.").empty());
  // A name beside the word weighs less in a headline, but a list of names stays one.
  expect_flags(kRule, "Great Ideas From British [[Compnay]] Owners");
  EXPECT_TRUE(findings(kRule, "Subs Not Used: Howard, Bellion.").empty());
}

TEST(MisspelledWordTest, FlagsShortSlipsBetweenCapitalizedCommonWords) {
  // Between two capitalized common words a short lowercase word is no name particle.
  expect_flags(kRule, "Fill It [[wiht]] Water.");
  expect_flags(kRule, "The Academie des Arts et Techniques du Cinema met.", "en_GB");
}

TEST(MisspelledWordTest, FlagsADigitStruckInsideAWord) {
  const auto found = findings(kRule, "Wait a week lo9nger for the reply.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span, (Span{12, 19}));
  EXPECT_EQ(found[0].suggestions, (std::vector<std::string>{"longer"}));
  expect_flags(kRule, "The best [[Thanksgiv8ing]] dinner.");
  // Names and codes with digits stay quiet, and so do paths.
  for (std::string_view clean : {"They played Driv3r and listened to mp3s.", "The H5N1 virus.",
                                 "Open /srv/lo9nger/data now.", "The b2b market grew."}) {
    EXPECT_TRUE(findings(kRule, clean).empty()) << clean;
  }
}

TEST(MisspelledWordTest, ChecksLongerWordsInCapitals) {
  expect_flags(kRule, "MY [[ADRESS]] IS IN THE ENVELOPE");
  expect_flags(kRule, "THE FOOD WAS [[FRSH]] AND HOT.");
  // Acronyms stay quiet: short, without vowels, or defined in brackets.
  EXPECT_TRUE(findings(kRule, "The NATO and UNHCR staff met the HTML group.").empty());
  EXPECT_TRUE(findings(kRule, "The Ocean Trade Board (OCEANTB) met. OCEANTB voted.").empty());
}

TEST(MisspelledWordTest, LeavesCapitalizedWordsWithEvidenceOfAName) {
  // A title, an initial, a particle, a list of names, a neighbouring name, or the word again.
  EXPECT_TRUE(findings(kRule, "We met Mr Hapton and later J Mottram at the fair.").empty());
  EXPECT_TRUE(findings(kRule, "The coach picked Howard, Belton and Morris.").empty());
  EXPECT_TRUE(findings(kRule, "The shop sold Moet & Chandon champagne.").empty());
  EXPECT_TRUE(findings(kRule, "They scored against Louis van Gaul in the final.").empty());
  EXPECT_TRUE(findings(kRule, "The striker Oday Rasheed scored twice.").empty());
  EXPECT_TRUE(findings(kRule, "The firm Compnay grew. Analysts like Compnay.").empty());
  // Far from every common word: a name ("Okonkwo"), not a slip.
  EXPECT_TRUE(findings(kRule, "Yesterday the board met Okonkwo in Lagos.").empty());
}

TEST(MisspelledWordTest, NeverTellsAWordKnownInLowercaseToTakeCapitals) {
  // "grey" is British; en_US lacks it in lowercase but knows the name "Grey".
  const auto found = findings(kRule, "Some skunks are brown or grey.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span, (Span{25, 29}));
  EXPECT_EQ(found[0].message, "`grey` is not in the dictionary.");
  ASSERT_FALSE(found[0].suggestions.empty());
  EXPECT_EQ(found[0].suggestions[0], "gray");
  // Two capitals are an abbreviation, not "I'M".
  EXPECT_TRUE(findings(kRule, "IM was adopted by the team.").empty());
}

TEST(MisspelledWordTest, RanksSuggestionsByLikelihood) {
  const auto first = [](std::string_view text) {
    const auto found = findings(kRule, text);
    return found.size() == 1 && !found[0].suggestions.empty() ? found[0].suggestions[0]
                                                              : std::string("(none)");
  };
  EXPECT_EQ(first("I know wich one."), "which");
  EXPECT_EQ(first("I have alot of it."), "a lot");
  EXPECT_EQ(first("He said it publically."), "publicly");
  EXPECT_EQ(first("Maybe they'l call."), "they'll");
  EXPECT_EQ(first("She will recieve it."), "receive");
  EXPECT_EQ(first("Gouverment will try again."), "Government");
  // Written by ear, too many letters from the word for edits: found by how they sound.
  EXPECT_EQ(first("The naborhood is quiet."), "neighborhood");
  EXPECT_EQ(first("What a deliteful day."), "delightful");
  // A missing space only where the two words are often written together.
  EXPECT_EQ(first("They help eachother."), "each other");
  EXPECT_EQ(first("I met someon new."), "someone");
}

// The same slip means different words in different sentences: the words around decide.
TEST(MisspelledWordTest, RanksSuggestionsByTheWordsAround) {
  const auto first = [](std::string_view text) {
    const auto found = findings(kRule, text);
    return found.size() == 1 && !found[0].suggestions.empty() ? found[0].suggestions[0]
                                                              : std::string("(none)");
  };
  EXPECT_EQ(first("I think youre right."), "you're");
  EXPECT_EQ(first("Is this youre car?"), "your");
  EXPECT_EQ(first("We want ot go home."), "to");
  EXPECT_EQ(first("It is one ot the best."), "of");
  EXPECT_EQ(first("Put it on teh table."), "the");
}

// Only corrections that follow from the word itself carry a fix, and it is never safe.
TEST(MisspelledWordTest, CertainCorrectionsCarryAnUnsafeFixAndOthersNone) {
  const auto check = [](std::string_view text, Span span, const std::string& fixed) {
    const auto found = findings(kRule, text);
    ASSERT_EQ(found.size(), 1u) << text;
    ASSERT_TRUE(found[0].fix) << text;
    EXPECT_FALSE(found[0].fix->safe);
    EXPECT_EQ(found[0].fix->edits, (std::vector<Edit>{Edit{span, fixed}}));
  };
  check("The banner read: DONT PANIC.", Span{17, 21}, "DON'T");
  check("We'RE leaving.", Span{0, 5}, "We're");
  check("The employees's canteen closed.", Span{4, 15}, "employees'");
  // "Im" and "Ive" are names too (Im Kwon-taek, Jony Ive).
  for (std::string_view text : {"The goverment fell.", "Officials said they wouldnt comment.",
                                "Some say Im late."}) {
    const auto found = findings(kRule, text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_FALSE(found[0].fix) << text;
  }
}

// A line that starts with '|' is a table row, compact or not: each '|' separates cells as a
// space would, so words touching one are prose (issue #22). Elsewhere a '|' is a pipe or code.
TEST(MisspelledWord, ChecksTheCellsOfACompactTableRow) {
  for (std::string_view marked : {
           "|[[goverment]]|the end|",
           "  |[[goverment]]|the end|\n|a|b|",
           "| a |[[goverment]]|",
       }) {
    expect_flags(kRule, marked);
    testing::expect_markdown_flags(kRule, marked);
  }
  for (std::string_view clean : {"Run cat notes.txt|grepp to search.", "Try x|goverment here."}) {
    EXPECT_TRUE(findings(kRule, clean).empty()) << clean;
  }
}

}  // namespace
}  // namespace copydesk
