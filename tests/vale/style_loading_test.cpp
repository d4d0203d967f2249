// Loading Vale styles: .vale.ini, rule files and their errors, and the rules they become,
// checked end to end through the engine with exact spans.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/formatter.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"
#include "golden.hpp"

namespace copydesk::vale {
namespace {

namespace fs = std::filesystem;
using testing::write_file;

class ValeStyles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("copydesk-vale-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "styles" / "House");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void rule(const std::string& name, std::string_view yaml) {
    write_file(dir_ / "styles" / "House" / (name + ".yml"), yaml);
  }
  StyleSettings settings(std::string_view sections) {
    const std::string ini =
        "StylesPath = styles\nMinAlertLevel = suggestion\n" + std::string(sections);
    write_file(dir_ / ".vale.ini", ini);
    return parse_vale_ini(ini, dir_ / ".vale.ini");
  }
  // The message loading the styles fails with.
  std::string load_error(std::string_view sections = "[*]\nBasedOnStyles = House\n") {
    try {
      LoadedStyles styles(settings(sections));
    } catch (const StyleError& error) {
      return error.what();
    }
    return "no error";
  }
  std::string path(const std::string& name) const {
    return (dir_ / "styles" / "House" / (name + ".yml")).string();
  }

  // The style findings of linting `text` as `file`: "begin-end rule: message".
  std::vector<std::string> lint(std::string_view text, const std::string& file = "a.md",
                                std::string_view sections = "[*]\nBasedOnStyles = House\n") {
    const LoadedStyles styles(settings(sections));
    const Registry registry = styles.with_style_rules(Registry::builtin());
    const Engine engine(registry, EngineOptions{});
    std::vector<std::string> found;
    for (const Diagnostic& d : engine.lint_text(file, std::string(text)).diagnostics) {
      found.push_back(std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) + " " +
                      d.rule + ": " + d.message);
    }
    return found;
  }

  fs::path dir_;
};

using Found = std::vector<std::string>;

TEST_F(ValeStyles, ExistenceFindsTokensAsWholeWordsOutsideCode) {
  rule("Utilize",
       "extends: existence\nmessage: \"Use 'use' rather than '%s'.\"\n"
       "ignorecase: true\ntokens:\n  - utilize\n  - in order to\n");
  EXPECT_EQ(lint("We Utilize tools in order to win.\n\nNot `utilize` or utilized.\n"),
            (Found{"3-10 House.Utilize: Use 'use' rather than 'Utilize'.",
                   "17-28 House.Utilize: Use 'use' rather than 'in order to'."}));
}

TEST_F(ValeStyles, SubstitutionProposesTheSwapAndSkipsTheRightSpelling) {
  rule("Percent",
       "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
       "level: error\nignorecase: true\naction:\n  name: replace\n"
       "swap:\n  percent: per cent\n  e-mail: email|mail\n");
  EXPECT_EQ(lint("Up 5 percent, not 5 per cent, by e-mail.\n"),
            (Found{"5-12 House.Percent: Use 'per cent' instead of 'percent'.",
                   "33-39 House.Percent: Use 'email' or 'mail' instead of 'e-mail'."}));
}

TEST_F(ValeStyles, SubstitutionFillsInTheKeysGroups) {
  rule("Into",
       "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
       "ignorecase: true\nswap:\n  'change into the (\\w+) (folder|directory)': change to the $1 "
       "$2\n");
  EXPECT_EQ(lint("Change into the home directory, or change to the home folder.\n"),
            (Found{"0-30 House.Into: Use 'change to the home directory' instead of 'Change into "
                   "the home directory'."}));
  rule("Into",
       "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
       "capitalize: true\naction:\n  name: replace\n"
       "swap:\n  'change into the (\\w+) directory': change to the $1 directory|cd to $1\n");
  EXPECT_EQ(lint("Change into the home directory.\n"),
            (Found{"0-30 House.Into: Use 'Change to the home directory' or 'Cd to home' instead "
                   "of 'Change into the home directory'."}));
}

TEST_F(ValeStyles, HeadingsInSentenceCaseWithExceptionsAndIndicators) {
  rule("Headings",
       "extends: capitalization\nmessage: \"'%s' should use sentence case.\"\n"
       "scope: heading\nmatch: $sentence\nindicators:\n  - ':'\n"
       "exceptions:\n  - Linux\n");
  EXPECT_EQ(lint("# Installing on Linux\n\n# Setup: Basic steps\n\n# A Bad Heading\n\n"
                 "Body Text In Title Case is not a heading.\n"),
            (Found{"47-60 House.Headings: 'A Bad Heading' should use sentence case."}));
}

TEST_F(ValeStyles, ConditionalNeedsADefinitionEarlierInTheDocument) {
  rule("Acronyms",
       "extends: conditional\nmessage: \"'%s' has no definition.\"\n"
       "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
       "exceptions:\n  - FAQ\n");
  EXPECT_EQ(lint("The Press Complaints Commission (PCC) met.\n\nThe PCC and the BBC met. FAQ.\n"),
            (Found{"60-63 House.Acronyms: 'BBC' has no definition."}));
}

TEST_F(ValeStyles, OccurrenceFlagsALongSentenceFromItsFirstMatch) {
  rule("Short",
       "extends: occurrence\nmessage: \"Keep sentences short.\"\nscope: sentence\n"
       "max: 3\ntoken: '\\b(\\w+)\\b'\n");
  EXPECT_EQ(lint("One two three. One two three four.\n"),
            (Found{"15-33 House.Short: Keep sentences short."}));
}

TEST_F(ValeStyles, GlobSectionsDecidePerFileAndLaterSectionsWin) {
  rule("Utilize", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - utilize\n");
  const std::string_view sections =
      "[*]\nBasedOnStyles = House\n[*.{txt,text}]\nHouse.Utilize = NO\n";
  EXPECT_EQ(lint("utilize\n", "a.md", sections), (Found{"0-7 House.Utilize: 'utilize'"}));
  EXPECT_EQ(lint("utilize\n", "notes/a.txt", sections), (Found{}));
}

TEST_F(ValeStyles, LevelsMapToSeveritiesAndMinAlertLevelTurnsRulesOff) {
  rule("Quiet", "extends: existence\nmessage: m\nlevel: suggestion\ntokens:\n  - x\n");
  rule("Loud", "extends: existence\nmessage: m\nlevel: warning\ntokens:\n  - x\n");
  StyleSettings configured = settings("[*]\nBasedOnStyles = House\nHouse.Loud = error\n");
  configured.min_level = Severity::Warning;
  const LoadedStyles styles(configured);
  const Registry registry = styles.with_style_rules(Registry::builtin());
  EXPECT_EQ(registry.find("House.Loud")->meta.default_severity, Severity::Error);
  EXPECT_TRUE(registry.find("House.Loud")->meta.enabled_by_default);
  EXPECT_EQ(registry.find("House.Quiet")->meta.default_severity, Severity::Info);
  EXPECT_FALSE(registry.find("House.Quiet")->meta.enabled_by_default);
  // A Vale project gets what Vale gives: copydesk's own rules only when asked for.
  EXPECT_FALSE(registry.find("repeated-word")->meta.enabled_by_default);
  EXPECT_NE(registry.find("House.Loud")->doc.find("Message: m"), std::string_view::npos);
}

TEST_F(ValeStyles, BuiltInRulesRunWhenBasedOnStylesNamesCopydesk) {
  rule("Quiet", "extends: existence\nmessage: m\ntokens:\n  - x\n");
  const LoadedStyles styles(settings("[*]\nBasedOnStyles = House, copydesk\n"));
  EXPECT_TRUE(
      styles.with_style_rules(Registry::builtin()).find("repeated-word")->meta.enabled_by_default);
}

TEST_F(ValeStyles, VocabularyAcceptsExceptionsAndRejectsWithValeAvoid) {
  rule("Caps", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - '[A-Z]{3,}'\n");
  fs::create_directories(dir_ / "styles" / "config" / "vocabularies" / "Desk");
  write_file(dir_ / "styles" / "config" / "vocabularies" / "Desk" / "accept.txt", "NATO\n");
  write_file(dir_ / "styles" / "config" / "vocabularies" / "Desk" / "reject.txt", "alot\n");
  const std::string sections = "Vocab = Desk\n[*]\nBasedOnStyles = House\n";
  EXPECT_EQ(lint("NATO and UNESCO, alot.\n", "a.md", sections),
            (Found{"9-15 House.Caps: 'UNESCO'", "17-21 Vale.Avoid: Avoid using 'alot'."}));
  EXPECT_EQ(load_error("Vocab = Nowhere\n[*]\nBasedOnStyles = House\n"),
            (dir_ / ".vale.ini").string() + ": vocabulary 'Nowhere' not found in " +
                (dir_ / "styles" / "config" / "vocabularies").string());
}

TEST_F(ValeStyles, ValeTermsWritesAcceptedPhrasesAsAccepted) {
  fs::create_directories(dir_ / "styles" / "config" / "vocabularies" / "Desk");
  fs::create_directories(dir_ / "styles" / "config" / "vocabularies" / "Later");
  write_file(dir_ / "styles" / "config" / "vocabularies" / "Desk" / "accept.txt",
             "GitHub\nLog4j\nlog-in\n[pP]y.*\\b\nMyProduct\n");
  write_file(dir_ / "styles" / "config" / "vocabularies" / "Later" / "accept.txt",
             "Log-in\nMyProduct Enterprise\n");
  const std::string sections = "Vocab = Desk, Later\n[*]\nVale.Terms = YES\n";
  EXPECT_EQ(lint("Github and GitHub use log4j; log-in to Myproduct enterprise or pyyaml.\n", "a.md",
                 sections),
            (Found{"0-6 Vale.Terms: Use 'GitHub' instead of 'Github'.",
                   "22-27 Vale.Terms: Use 'Log4j' instead of 'log4j'.",
                   "29-35 Vale.Terms: Use 'Log-in' instead of 'log-in'.",
                   "39-59 Vale.Terms: Use 'MyProduct Enterprise' instead of 'Myproduct "
                   "enterprise'."}));
  // Off unless the Vale style (or the rule) is named, like Vale's other built-in rules.
  EXPECT_EQ(lint("Github.\n", "a.md", "Vocab = Desk\n[*]\nBasedOnStyles = House\n"), Found{});
}

TEST_F(ValeStyles, RepetitionLetsExceptionsAndAcceptedWordsRepeat) {
  rule("Repeat",
       "extends: repetition\nmessage: \"'%s' is repeated.\"\nalpha: true\ntokens:\n"
       "  - '[^\\s]+'\nexceptions:\n  - had\n");
  fs::create_directories(dir_ / "styles" / "config" / "vocabularies" / "Desk");
  write_file(dir_ / "styles" / "config" / "vocabularies" / "Desk" / "accept.txt", "did\n");
  EXPECT_EQ(lint("It did did and had had and the the rest.\n", "a.md",
                 "Vocab = Desk\n[*]\nBasedOnStyles = House\n"),
            (Found{"27-34 House.Repeat: 'the' is repeated."}));
}

TEST_F(ValeStyles, SpellingSkipsWhatStandsForInlineCode) {
  rule("Spell", "extends: spelling\nmessage: \"'%s'?\"\n");
  EXPECT_EQ(lint("Run `ls` to see teh files.\n"), (Found{"16-19 House.Spell: 'teh'?"}));
}

TEST_F(ValeStyles, ReadabilityFlagsTheDocumentWhenTheMeanGradeIsAboveGrade) {
  rule("Grade",
       "extends: readability\nmessage: \"Grade %s.\"\ngrade: 3\nmetrics:\n"
       "  - Flesch-Kincaid\n  - Automated Readability\n");
  const std::string hard =
      "Comprehensive institutional considerations necessitate extraordinarily elaborate "
      "deliberation.\n";
  const Found found = lint(hard);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].starts_with("0-0 House.Grade: Grade ")) << found[0];
  EXPECT_EQ(lint("The cat sat. The dog ran.\n"), Found{});
  rule("Grade", "extends: readability\nmessage: x\ngrade: 3\nmetrics:\n  - Fog\n");
  EXPECT_EQ(load_error(), path("Grade") +
                              ":5:3: unknown metric 'Fog' (Flesch-Kincaid, "
                              "Gunning Fog, Coleman-Liau, SMOG, Automated Readability)");
}

TEST_F(ValeStyles, AScopeOfMarkupCopydeskDoesNotReadRunsOnNothing) {
  rule("Rst", "extends: existence\nmessage: \"'%s'\"\nscope: paragraph.rst\ntokens:\n  - cat\n");
  rule("Html", "extends: existence\nmessage: \"'%s'\"\nscope: text.html\ntokens:\n  - cat\n");
  EXPECT_EQ(lint("The cat.\n"), (Found{"4-7 House.Html: 'cat'"}));
}

TEST_F(ValeStyles, AYamlErrorNamesFileLineAndColumn) {
  rule("Broken", "extends: existence\nmessage: 'unclosed\ntokens: [a\n");
  EXPECT_EQ(load_error().rfind(path("Broken") + ":", 0), 0U) << load_error();
}

TEST_F(ValeStyles, AnUnknownTypeIsRefusedAtItsKey) {
  rule("Odd", "message: m\nextends: oddity\n");
  EXPECT_EQ(load_error(), path("Odd") + ":2:10: unknown rule type 'oddity'");
}

TEST_F(ValeStyles, ScriptRulesAreRefusedNamingTheFile) {
  rule("Tengo", "extends: script\nmessage: m\nscript: |\n  x := 1\n");
  EXPECT_EQ(load_error(), path("Tengo") +
                              ":1:10: 'script' rules (Tengo programs) are not supported; turn "
                              "the rule off or write it as another type");
}

TEST_F(ValeStyles, ABadPatternIsReportedAtItsKey) {
  rule("Bad", "extends: existence\nmessage: m\ntokens:\n  - 'a(b'\n");
  EXPECT_EQ(load_error().rfind(path("Bad") + ":4:3: bad pattern '(?m)\\b(?:a(b)\\b'", 0), 0U)
      << load_error();
}

TEST_F(ValeStyles, ABadOptionIsReportedAtItsKey) {
  rule("Level", "extends: existence\nmessage: m\nlevel: loud\ntokens:\n  - a\n");
  EXPECT_EQ(load_error(),
            path("Level") + ":3:8: level 'loud' is not one of suggestion, warning, error");
}

TEST_F(ValeStyles, AMissingStyleNamesTheIni) {
  EXPECT_EQ(load_error("[*]\nBasedOnStyles = Nowhere\n"), (dir_ / ".vale.ini").string() +
                                                              ": style 'Nowhere' not found in " +
                                                              (dir_ / "styles").string());
}

TEST_F(ValeStyles, IniErrorsNameTheLine) {
  try {
    parse_vale_ini("StylesPath = x\n[*]\nHouse.Rule = maybe\n", "/p/.vale.ini");
    FAIL() << "no error";
  } catch (const StyleError& error) {
    EXPECT_EQ(std::string(error.what()),
              "/p/.vale.ini:3: 'House.Rule' must be YES, NO, suggestion, warning or error");
  }
}

TEST(ValeTomlSettings, TheStylesTableHoldsWhatAValeIniHolds) {
  const auto settings = toml_style_settings(
      "language = \"en_GB\"\n[styles]\npath = \"house\"\nmin-level = \"warning\"\n"
      "based-on = [\"Desk\"]\nrules = { \"Desk.A\" = \"error\", \"Desk.B\" = false }\n"
      "[[styles.sections]]\nfiles = [\"*.md\"]\nrules = { \"Desk.B\" = true }\n",
      "/p/copydesk.toml");
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(settings->styles_path, fs::path("/p/house"));
  EXPECT_EQ(settings->min_level, Severity::Warning);
  EXPECT_TRUE(settings->builtin_rules);
  ASSERT_EQ(settings->sections.size(), 2U);
  EXPECT_EQ(settings->sections[0].based_on, std::vector<std::string>{"Desk"});
  EXPECT_EQ(settings->sections[0].rules,
            (std::map<std::string, std::string>{{"Desk.A", "error"}, {"Desk.B", "NO"}}));
  EXPECT_TRUE(settings->sections[1].files.at(0).matches("news/a.md"));
  EXPECT_FALSE(settings->sections[1].files.at(0).matches("news/a.txt"));
  EXPECT_EQ(settings->sections[1].rules.at("Desk.B"), "YES");
  EXPECT_FALSE(toml_style_settings("language = \"en_GB\"\n", "/p/copydesk.toml").has_value());
}

TEST(ValeTomlSettings, ABadValueNamesTheKeyPosition) {
  try {
    toml_style_settings("[styles]\nrules = { \"Desk.A\" = \"loud\" }\n", "/p/copydesk.toml");
    FAIL() << "no error";
  } catch (const StyleError& error) {
    EXPECT_EQ(std::string(error.what()),
              "/p/copydesk.toml:2:22: 'Desk.A' must be true, false, \"suggestion\", "
              "\"warning\" or \"error\"");
  }
}

TEST(ValeLineFormat, PrintsPathLineColumnRuleMessageOnOneLine) {
  FileResult result;
  result.path = "./docs/a.md";
  result.text = "x\nthe  cat\n";
  Diagnostic diagnostic;
  diagnostic.rule = "House.Spacing";
  diagnostic.span = {3, 8};
  diagnostic.message = "'he  c\nat' has two spaces.";
  result.diagnostics.push_back(diagnostic);
  std::ostringstream out;
  make_formatter(Format::Line, out, FormatOptions{})->file(result);
  EXPECT_EQ(out.str(), "docs/a.md:2:2:House.Spacing:'he c at' has two spaces.\n");
}

}  // namespace
}  // namespace copydesk::vale
