// copydesk.toml: parsing, errors with their line:column, discovery, globs, overrides,
// include/exclude, precedence against the command line, and options reaching the rules.

#include "copydesk/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "copydesk/registry.hpp"
#include "copydesk/workspace.hpp"
#include "golden.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

// The message a broken configuration gives.
std::string error_of(std::string_view text) {
  try {
    ProjectConfig::parse(text, "copydesk.toml", "/desk", Registry::builtin());
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("copydesk-config-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path file(const std::string& name, std::string_view content) {
    write_file(dir_ / name, content);
    return dir_ / name;
  }
  static Input input(const fs::path& path) {
    return Input{path.string(), path, false, true, std::nullopt};
  }
  // The findings of `rule` when linting `text` as the file `path` under `workspace`.
  static std::vector<Diagnostic> lint(Workspace& workspace, const fs::path& path,
                                      std::string_view text, std::string_view rule) {
    const Engine& engine = workspace.engine_for(input(path));
    std::vector<Diagnostic> found;
    for (auto& diagnostic : engine.lint_text(path.string(), std::string(text)).diagnostics) {
      if (diagnostic.rule == rule) found.push_back(std::move(diagnostic));
    }
    return found;
  }

  fs::path dir_;
};

// --- parsing --------------------------------------------------------------------------------

TEST(Config, ParsesEverySection) {
  const ProjectConfig config = ProjectConfig::parse(R"(
language = "en_GB"
[words]
accept = ["Copydesk", "subeditor"]
reject = ["alot"]
[files]
include = ["*.md"]
exclude = ["drafts/**"]
[rules.repeated-word]
severity = "warning"
[rules.confused-word]
enabled = false
skip-pairs = ["too->to"]
[[overrides]]
files = ["news/**", "*.news.md"]
language = "en_US"
[overrides.rules.confused-word]
enabled = true
)",
                                                    "copydesk.toml", "/desk", Registry::builtin());
  EXPECT_EQ(config.settings.language, "en_GB");
  EXPECT_EQ(config.settings.accept, (std::vector<std::string>{"Copydesk", "subeditor"}));
  EXPECT_EQ(config.settings.reject, (std::vector<std::string>{"alot"}));
  ASSERT_EQ(config.include.size(), 1u);
  EXPECT_EQ(config.exclude.at(0).pattern(), "drafts/**");
  EXPECT_EQ(config.settings.rules.at("repeated-word").severity, Severity::Warning);
  EXPECT_EQ(config.settings.rules.at("confused-word").enabled, false);
  EXPECT_EQ(std::get<std::vector<std::string>>(
                config.settings.rules.at("confused-word").options.at("skip-pairs")),
            (std::vector<std::string>{"too->to"}));
  ASSERT_EQ(config.overrides.size(), 1u);
  EXPECT_EQ(config.overrides[0].line, 14u);
  EXPECT_EQ(config.overrides[0].settings.language, "en_US");
  EXPECT_EQ(config.overrides[0].settings.rules.at("confused-word").enabled, true);
}

TEST(Config, AnEmptyFileIsTheDefaults) {
  const ProjectConfig config =
      ProjectConfig::parse("", "copydesk.toml", "/desk", Registry::builtin());
  EXPECT_FALSE(config.settings.language);
  EXPECT_TRUE(config.settings.rules.empty());
  EXPECT_TRUE(config.overrides.empty());
}

// --- errors: each names the file, line and column -------------------------------------------

TEST(ConfigErrors, SyntaxError) {
  EXPECT_EQ(error_of("language = \"en_GB\n"),
            "copydesk.toml:1:18: Error while parsing string: unescaped control characters other "
            "than TAB (U+0009) are explicitly prohibited");
  EXPECT_EQ(error_of("[rules]\n[rules]\n"),
            "copydesk.toml:2:1: Error while parsing table header: cannot redefine existing table "
            "'rules'");
}

TEST(ConfigErrors, UnknownRuleWithDidYouMean) {
  EXPECT_EQ(error_of("\n[rules.mispelled-word]\nenabled = false\n"),
            "copydesk.toml:2:8: unknown rule 'mispelled-word'; did you mean 'misspelled-word'? "
            "(see copydesk --list-rules)");
  EXPECT_EQ(error_of("[rules.no-such-thing-at-all]\n"),
            "copydesk.toml:1:8: unknown rule 'no-such-thing-at-all' (see copydesk --list-rules)");
}

TEST(ConfigErrors, UnknownKeysWithDidYouMean) {
  EXPECT_EQ(error_of("lang = \"en_GB\"\n"),
            "copydesk.toml:1:1: unknown key 'lang'; did you mean 'language'?");
  EXPECT_EQ(error_of("[rules.repeated-word]\nseverty = \"error\"\n"),
            "copydesk.toml:2:1: unknown key 'severty'; did you mean 'severity'?");
  EXPECT_EQ(error_of("[rules.confused-word]\nskip-pair = []\n"),
            "copydesk.toml:2:1: unknown key 'skip-pair'; did you mean 'skip-pairs'?");
  EXPECT_EQ(error_of("[words]\naccepted = []\n"),
            "copydesk.toml:2:1: unknown key 'accepted'; did you mean 'accept'?");
  EXPECT_EQ(error_of("[files]\n  excludes = []\n"),
            "copydesk.toml:2:3: unknown key 'excludes'; did you mean 'exclude'?");
  EXPECT_EQ(error_of("[[overrides]]\nfiles = [\"a\"]\npath = 1\n"),
            "copydesk.toml:3:1: unknown key 'path'");
  EXPECT_EQ(error_of("colour = true\n"), "copydesk.toml:1:1: unknown key 'colour'");
}

TEST(ConfigErrors, WrongTypes) {
  EXPECT_EQ(error_of("language = 5\n"),
            "copydesk.toml:1:12: 'language' must be a string, not an integer");
  EXPECT_EQ(error_of("words = [\"x\"]\n"),
            "copydesk.toml:1:9: 'words' must be a table, not an array");
  EXPECT_EQ(error_of("[words]\naccept = \"Brexit\"\n"),
            "copydesk.toml:2:10: 'accept' must be an array of strings, not a string");
  EXPECT_EQ(error_of("[words]\naccept = [\"a\", 2.5]\n"),
            "copydesk.toml:2:16: a word must be a string, not a floating-point number");
  EXPECT_EQ(error_of("[rules.repeated-word]\nenabled = \"no\"\n"),
            "copydesk.toml:2:11: 'enabled' must be true or false, not a string");
  EXPECT_EQ(error_of("[rules.confused-word]\nskip-pairs = \"too->to\"\n"),
            "copydesk.toml:2:14: 'skip-pairs' must be an array of strings, not a string");
  EXPECT_EQ(error_of("[rules]\nrepeated-word = false\n"),
            "copydesk.toml:2:17: a rule takes a table of settings: write 'enabled = false' "
            "under [rules.repeated-word]");
  EXPECT_EQ(error_of("overrides = 3\n"),
            "copydesk.toml:1:13: 'overrides' must be an array of tables ([[overrides]]), not an "
            "integer");
}

TEST(ConfigErrors, BadSeverity) {
  EXPECT_EQ(error_of("[rules.repeated-word]\nseverity = \"eror\"\n"),
            "copydesk.toml:2:12: 'severity' must be \"error\", \"warning\" or \"info\", not "
            "'eror'; did you mean 'error'?");
  EXPECT_EQ(error_of("[rules.repeated-word]\nseverity = \"fatal\"\n"),
            "copydesk.toml:2:12: 'severity' must be \"error\", \"warning\" or \"info\", not "
            "'fatal'");
}

TEST(ConfigErrors, UnknownOptionValueWithDidYouMean) {
  EXPECT_EQ(error_of("[rules.confused-word]\nskip-pairs = [\"too->to\", \"loose->loos\"]\n"),
            "copydesk.toml:2:26: 'loose->loos' is not a value of 'skip-pairs'; did you mean "
            "'loose->lose'?");
}

TEST(ConfigErrors, UnknownLanguage) {
  EXPECT_EQ(error_of("language = \"xx_YY\"\n")
                .rfind("copydesk.toml:1:12: no Hunspell dictionary 'xx_YY' (installed: ", 0),
            0u)
      << error_of("language = \"xx_YY\"\n");
}

TEST(ConfigErrors, InvalidGlobs) {
  EXPECT_EQ(error_of("[files]\nexclude = [\"ok/*.md\", \"a/**b\"]\n"),
            "copydesk.toml:2:23: invalid glob 'a/**b': '**' must be a whole folder name, as in "
            "'news/**/*.md'");
  EXPECT_EQ(error_of("[files]\ninclude = [\"news/[a-\"]\n"),
            "copydesk.toml:2:12: invalid glob 'news/[a-': '[' without its closing ']'");
  EXPECT_EQ(error_of("[[overrides]]\nfiles = [\"../other/*.md\"]\n"),
            "copydesk.toml:2:10: invalid glob '../other/*.md': '.' and '..' are not allowed: "
            "patterns are relative to the configuration's folder");
  EXPECT_EQ(error_of("[[overrides]]\nfiles = []\n"),
            "copydesk.toml:2:9: 'files' of an override lists no glob");
  EXPECT_EQ(error_of("[[overrides]]\nlanguage = \"en_GB\"\n"),
            "copydesk.toml:1:1: an override needs 'files', the globs it applies to");
}

TEST_F(ConfigFiles, UnreadableWordFile) {
  const fs::path config = file("copydesk.toml", "[words]\nreject-files = [\"missing.txt\"]\n");
  try {
    ProjectConfig::load(config, Registry::builtin());
    FAIL() << "loaded";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()), config.string() +
                                             ":2:17: " + (dir_ / "missing.txt").string() +
                                             ": cannot read the word list: No such file or "
                                             "directory");
  }
  file("binary.txt", std::string("word\0more", 9));
  file("copydesk.toml", "[words]\naccept-files = [\"binary.txt\"]\n");
  try {
    ProjectConfig::load(config, Registry::builtin());
    FAIL() << "loaded";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              config.string() + ":2:17: " + (dir_ / "binary.txt").string() +
                  ": the word list is a binary file (NUL byte at byte 4)");
  }
}

TEST(ConfigErrors, BadWords) {
  EXPECT_EQ(error_of("[words]\nreject = [\"a lot\"]\n"),
            "copydesk.toml:2:11: a word must be one word without spaces, not 'a lot'");
  EXPECT_EQ(error_of("[words]\naccept = [\"#x\"]\n"),
            "copydesk.toml:2:11: a word cannot start with '#'");
}

// --- hostile configurations: clear errors, never a crash or a hang ------------------------

TEST(ConfigErrors, InvalidUtf8AndBinary) {
  EXPECT_EQ(error_of("language = \"en_GB\"\n# caf\xE9\n"),
            "copydesk.toml:2:6: invalid UTF-8 (byte 24)");
  EXPECT_EQ(error_of(std::string("a\0 = 1\n", 7)),
            "copydesk.toml:1:2: a NUL byte: this is a binary file, not TOML");
}

TEST(ConfigErrors, DeepNesting) {
  const std::string deep = "a = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  EXPECT_EQ(error_of(deep),
            "copydesk.toml:1:261: Error while parsing value: exceeded maximum nested value depth "
            "of 256 (TOML_MAX_NESTED_VALUES)");
  // Each part of a dotted key is a table, and toml++ recurses through them.
  std::string dotted = "a";
  for (int i = 0; i < 100000; ++i) dotted += ".a";
  EXPECT_EQ(error_of(dotted + " = 1\n"),
            "copydesk.toml:1:30: a dotted key of 16 parts or more; copydesk.toml needs four at "
            "most");
  EXPECT_EQ(error_of("# " + dotted + "\n[" + dotted + "]\n"),
            "copydesk.toml:2:31: a dotted key of 16 parts or more; copydesk.toml needs four at "
            "most");
  // Dots inside strings are not keys.
  EXPECT_EQ(error_of("[files]\nexclude = [\"" + dotted.substr(0, 99) + "\"]\n"), "no error");
  std::string tables;
  for (int i = 0; i < 2000; ++i) {
    tables.push_back('[');
    tables.append(static_cast<std::size_t>(i % 50 + 1), 'a');
    tables.append("]\n");
  }
  EXPECT_NE(error_of(tables).find("copydesk.toml:"), std::string::npos);
}

TEST(ConfigErrors, WrongTypesEverywhereAreErrorsNotCrashes) {
  for (const char* text :
       {"rules = 1", "rules = []", "[rules.repeated-word]\nseverity = 1", "files = \"x\"",
        "[files]\ninclude = [[]]", "overrides = [1]", "[[overrides]]\nfiles = \"x\"",
        "[[overrides]]\nfiles = [\"x\"]\nrules = 2", "[words]\nreject-files = [3]",
        "language = 1979-05-27", "[rules.confused-word]\nskip-pairs = [[\"too->to\"]]"}) {
    EXPECT_EQ(error_of(text).rfind("copydesk.toml:", 0), 0u) << text << ": " << error_of(text);
  }
}

TEST_F(ConfigFiles, HugeOrNonRegularConfigurationFiles) {
  const fs::path huge = file("huge/copydesk.toml", "# " + std::string(2 << 20, 'x') + "\n");
  try {
    ProjectConfig::load(huge, Registry::builtin());
    FAIL() << "loaded";
  } catch (const ConfigError& error) {
    EXPECT_EQ(
        std::string(error.what()),
        huge.string() + ": the configuration is too large (2097155 bytes; the limit is 1 MiB)");
  }
  fs::create_directories(dir_ / "folder.toml");
  EXPECT_THROW(ProjectConfig::load(dir_ / "folder.toml", Registry::builtin()), ConfigError);
  EXPECT_THROW(ProjectConfig::load(dir_ / "absent.toml", Registry::builtin()), ConfigError);
  // A device as a word list would never end.
  EXPECT_EQ(error_of("[words]\naccept-files = [\"/dev/zero\"]\n"),
            "copydesk.toml:2:17: /dev/zero: the word list is not a regular file");
}

TEST(Config, FuzzRegressionsLoadOrFailCleanly) {
  const fs::path directory = corpus_path("fuzz-regressions/config");
  ASSERT_TRUE(fs::is_directory(directory));
  for (const auto& entry : fs::directory_iterator(directory)) {
    const std::string text = read_file(entry.path());
    try {
      ProjectConfig::parse(text, "copydesk.toml", "/desk", Registry::builtin());
    } catch (const ConfigError& error) {
      EXPECT_EQ(std::string(error.what()).rfind("copydesk.toml:", 0), 0u) << error.what();
    }
  }
}

// --- globs ------------------------------------------------------------------------------

TEST(Glob, MatchesNamesAtAnyDepthWithoutASlash) {
  const Glob glob("*.md");
  EXPECT_TRUE(glob.matches("a.md"));
  EXPECT_TRUE(glob.matches("news/deep/a.md"));
  EXPECT_FALSE(glob.matches("a.txt"));
  EXPECT_FALSE(glob.matches("a.md.txt"));
  EXPECT_TRUE(Glob("drafts").matches("drafts/2024/a.txt"));
  EXPECT_TRUE(Glob("drafts").matches("news/drafts/a.txt"));
  EXPECT_FALSE(Glob("drafts").matches("news/drafts-old/a.txt"));
}

TEST(Glob, AnchorsPatternsWithASlash) {
  EXPECT_TRUE(Glob("news/*.md").matches("news/a.md"));
  EXPECT_FALSE(Glob("news/*.md").matches("news/deep/a.md"));
  EXPECT_FALSE(Glob("news/*.md").matches("old/news/a.md"));
  EXPECT_TRUE(Glob("/a.md").matches("a.md"));
  EXPECT_FALSE(Glob("/a.md").matches("sub/a.md"));
  EXPECT_TRUE(Glob("./drafts/").matches("drafts/x.txt"));
}

TEST(Glob, DoubleStarSpansFolders) {
  const Glob glob("news/**/*.md");
  EXPECT_TRUE(glob.matches("news/a.md"));
  EXPECT_TRUE(glob.matches("news/2024/05/a.md"));
  EXPECT_FALSE(glob.matches("sport/a.md"));
  EXPECT_TRUE(Glob("news/**").matches("news/a/b/c.txt"));
  EXPECT_TRUE(Glob("**/final/*.txt").matches("a/b/final/x.txt"));
  EXPECT_TRUE(Glob("**/final/*.txt").matches("final/x.txt"));
}

TEST(Glob, QuestionMarksAndClasses) {
  EXPECT_TRUE(Glob("draft-?.md").matches("draft-1.md"));
  EXPECT_TRUE(Glob("draft-?.md").matches("draft-\xC3\xA9.md"));  // one code point
  EXPECT_FALSE(Glob("draft-?.md").matches("draft-12.md"));
  EXPECT_TRUE(Glob("issue-[0-9].md").matches("issue-7.md"));
  EXPECT_FALSE(Glob("issue-[0-9].md").matches("issue-x.md"));
  EXPECT_TRUE(Glob("issue-[!0-9].md").matches("issue-x.md"));
  EXPECT_FALSE(Glob("issue-[^0-9].md").matches("issue-7.md"));
  EXPECT_TRUE(Glob("*a*b*c").matches("xaxxbxxc"));
  EXPECT_FALSE(Glob("*a*b*c").matches("xaxxcxxb"));
}

TEST(Glob, RejectsInvalidPatterns) {
  for (const char* bad : {"", "/", "a//b", "a/../b", "./", "x**", "[", "[]", "[z-a]", "a\\b"}) {
    EXPECT_THROW(Glob{bad}, std::invalid_argument) << bad;
  }
}

// --- discovery ----------------------------------------------------------------------------

TEST_F(ConfigFiles, TheNearestConfigurationWalkingUpWins) {
  file("copydesk.toml", "language = \"en_GB\"\n");
  file("news/copydesk.toml", "language = \"en_US\"\n");
  file("news/deep/a.txt", "x");
  file("sport/a.txt", "x");
  Workspace workspace(Registry::builtin(), {});
  EXPECT_EQ(workspace.resolve(input(dir_ / "news/deep/a.txt")).options.language, "en_US");
  EXPECT_EQ(workspace.resolve(input(dir_ / "sport/a.txt")).options.language, "en_GB");
  EXPECT_EQ(workspace.resolve(input(dir_ / "a.txt")).options.language, "en_GB");
  EXPECT_EQ(workspace.config_for(input(dir_ / "news/a.txt"))->path.filename(), "copydesk.toml");
  EXPECT_EQ(fs::path(workspace.config_for(input(dir_ / "news/a.txt"))->directory),
            (dir_ / "news").lexically_normal());
}

TEST_F(ConfigFiles, ConfigGivenOnTheCommandLineIsUsedForEveryFile) {
  file("news/copydesk.toml", "language = \"en_US\"\n");
  const fs::path chosen = file("elsewhere/desk.toml", "language = \"en_GB\"\n");
  CommandLineSettings settings;
  settings.config_file = chosen;
  Workspace workspace(Registry::builtin(), settings);
  EXPECT_EQ(workspace.resolve(input(dir_ / "news/a.txt")).options.language, "en_GB");
  EXPECT_EQ(workspace.config_for(input(dir_ / "news/a.txt"))->path, chosen);
}

TEST_F(ConfigFiles, NoConfigurationMeansTheDefaults) {
  file("a.txt", "x");
  Workspace workspace(Registry::builtin(), {});
  // The temporary directory's parents hold no copydesk.toml on a test machine.
  const Resolution resolution = workspace.resolve(input(dir_ / "a.txt"));
  EXPECT_EQ(resolution.config, nullptr);
  EXPECT_EQ(resolution.options.language, "en_US");
  EXPECT_TRUE(resolution.options.severities.empty());
}

TEST_F(ConfigFiles, ABrokenConfigurationIsReportedWhenAFileNeedsIt) {
  file("copydesk.toml", "[rules.repeated-wrod]\n");
  Workspace workspace(Registry::builtin(), {});
  try {
    workspace.resolve(input(dir_ / "a.txt"));
    FAIL() << "resolved";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("copydesk.toml:1:8: unknown rule 'repeated-wrod'; "
                        "did you mean 'repeated-word'?"),
              std::string::npos)
        << error.what();
  }
}

// --- overrides, include and exclude ---------------------------------------------------------

TEST_F(ConfigFiles, OverridesApplyInFileOrder) {
  file("copydesk.toml", R"(
[rules.repeated-word]
severity = "warning"
[[overrides]]
files = ["news/**"]
[overrides.rules.repeated-word]
severity = "info"
[[overrides]]
files = ["news/urgent/*.txt"]
[overrides.rules.repeated-word]
severity = "error"
)");
  Workspace workspace(Registry::builtin(), {});
  const auto severity_of = [&](const char* path) {
    return workspace.resolve(input(dir_ / path)).options.severities.at("repeated-word");
  };
  EXPECT_EQ(severity_of("a.txt"), Severity::Warning);
  EXPECT_EQ(severity_of("news/a.txt"), Severity::Info);
  EXPECT_EQ(severity_of("news/urgent/a.txt"), Severity::Error);
  EXPECT_EQ(workspace.resolve(input(dir_ / "news/urgent/a.txt")).overrides,
            (std::vector<std::size_t>{0, 1}));
  // The severity reaches the findings.
  const auto found = lint(workspace, dir_ / "news/a.txt", "It was the the end.\n", "repeated-word");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Info);
}

TEST_F(ConfigFiles, IncludeAndExcludeDecideWhatAWalkLints) {
  file("copydesk.toml",
       "[files]\ninclude = [\"*.md\", \"*.text\"]\nexclude = [\"drafts\", \"news/*.old.md\"]\n");
  Workspace workspace(Registry::builtin(), {});
  EXPECT_TRUE(workspace.walks_into(dir_ / "a.md"));
  EXPECT_TRUE(workspace.walks_into(dir_ / "notes.text"));
  EXPECT_FALSE(workspace.walks_into(dir_ / "a.txt"));
  EXPECT_FALSE(workspace.walks_into(dir_ / "drafts/a.md"));
  EXPECT_FALSE(workspace.walks_into(dir_ / "news/x.old.md"));
  EXPECT_TRUE(workspace.walks_into(dir_ / "news/x.md"));
  EXPECT_TRUE(workspace.excluded(input(dir_ / "drafts/a.md")));
  EXPECT_FALSE(workspace.excluded(input(dir_ / "a.txt")));
}

TEST_F(ConfigFiles, WithoutIncludeAWalkTakesTheDefaultTypes) {
  file("copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
  Workspace workspace(Registry::builtin(), {});
  EXPECT_TRUE(workspace.walks_into(dir_ / "a.txt"));
  EXPECT_TRUE(workspace.walks_into(dir_ / "a.markdown"));
  EXPECT_TRUE(workspace.walks_into(dir_ / "a.HTM"));
  EXPECT_FALSE(workspace.walks_into(dir_ / "a.mdx"));
  EXPECT_FALSE(workspace.walks_into(dir_ / "drafts/a.txt"));
}

TEST_F(ConfigFiles, CollectInputsSkipsExcludedFilesFoundInFolders) {
  file("copydesk.toml", "[files]\nexclude = [\"drafts\"]\n");
  file("a.txt", "x");
  file("drafts/b.txt", "x");
  file("news/c.md", "x");
  Workspace workspace(Registry::builtin(), {});
  const auto inputs = collect_inputs(
      {dir_.string()}, [&](const fs::path& path) { return workspace.walks_into(path); });
  std::vector<std::string> names;
  for (const auto& found : inputs)
    names.push_back(fs::path(found.path).lexically_relative(dir_).generic_string());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "news/c.md"}));
}

// --- precedence: defaults < file < overrides < command line -------------------------------

TEST_F(ConfigFiles, CommandLineFlagsWinOverTheFile) {
  file("copydesk.toml", R"(
language = "en_GB"
[rules.repeated-word]
enabled = false
[rules.confused-word]
enabled = true
[[overrides]]
files = ["*.txt"]
[overrides.rules.wrong-indefinite-article]
enabled = false
)");
  CommandLineSettings settings;
  settings.options.language = "en_US";
  settings.language_given = true;
  settings.options.enable = {"repeated-word"};
  settings.options.disable = {"confused-word"};
  Workspace workspace(Registry::builtin(), settings);
  const EngineOptions options = workspace.resolve(input(dir_ / "a.txt")).options;
  EXPECT_EQ(options.language, "en_US");
  EXPECT_EQ(options.enable, (std::vector<std::string>{"repeated-word"}));
  EXPECT_EQ(options.disable,
            (std::vector<std::string>{"wrong-indefinite-article", "confused-word"}));
  EXPECT_EQ(lint(workspace, dir_ / "a.txt", "It was the the end.\n", "repeated-word").size(), 1u);
}

TEST_F(ConfigFiles, WithoutFlagsTheFileWinsOverTheDefaults) {
  file("copydesk.toml", "language = \"en_GB\"\n[rules.repeated-word]\nenabled = false\n");
  Workspace workspace(Registry::builtin(), {});
  const EngineOptions options = workspace.resolve(input(dir_ / "a.txt")).options;
  EXPECT_EQ(options.language, "en_GB");
  EXPECT_EQ(options.disable, (std::vector<std::string>{"repeated-word"}));
  EXPECT_TRUE(lint(workspace, dir_ / "a.txt", "It was the the end.\n", "repeated-word").empty());
}

TEST_F(ConfigFiles, FilesOfTheSameConfigurationShareAnEngine) {
  file("copydesk.toml", "[[overrides]]\nfiles = [\"news\"]\nlanguage = \"en_GB\"\n");
  Workspace workspace(Registry::builtin(), {});
  const Engine* a = &workspace.engine_for(input(dir_ / "a.txt"));
  const Engine* b = &workspace.engine_for(input(dir_ / "news/b.txt"));
  EXPECT_EQ(&workspace.engine_for(input(dir_ / "c.txt")), a);
  EXPECT_EQ(&workspace.engine_for(input(dir_ / "news/d.txt")), b);
  EXPECT_NE(a, b);
}

// --- words and options reaching the rules ---------------------------------------------------

TEST_F(ConfigFiles, AcceptedAndRejectedWordsReachMisspelledWord) {
  file("house.txt", "# names\nKwesiland\n");
  file("banned.txt", "learnt\n");
  file("copydesk.toml", R"(
language = "en_GB"
[words]
accept = ["zorbified"]
accept-files = ["house.txt"]
reject = ["judgement"]
reject-files = ["banned.txt"]
)");
  Workspace workspace(Registry::builtin(), {});
  const auto found = lint(workspace, dir_ / "a.txt",
                          "Judgement came late. She learnt that zorbified Kwesiland is fine.\n",
                          "misspelled-word");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].span, (Span{0, 9}));
  EXPECT_EQ(found[0].message, "`Judgement` is a word the house style rejects.");
  EXPECT_EQ(found[1].span, (Span{25, 31}));
  EXPECT_EQ(found[1].message, "`learnt` is a word the house style rejects.");
}

TEST_F(ConfigFiles, SkipPairsReachConfusedWord) {
  const std::string text = "They hope to loose weight before the race.\n";
  Workspace plain(Registry::builtin(), {});
  ASSERT_EQ(lint(plain, dir_ / "a.txt", text, "confused-word").size(), 1u);
  file("copydesk.toml", "[rules.confused-word]\nskip-pairs = [\"loose->lose\"]\n");
  Workspace skipping(Registry::builtin(), {});
  EXPECT_TRUE(lint(skipping, dir_ / "a.txt", text, "confused-word").empty());
  EXPECT_EQ(
      lint(skipping, dir_ / "a.txt", "Prices rose more then expected.\n", "confused-word").size(),
      1u);
}

TEST(RuleOptions, DefaultsFollowTheDeclarations) {
  static constexpr OptionSpec kSpecs[] = {
      {"flag", OptionType::Boolean, "true", nullptr},
      {"count", OptionType::Integer, "3", nullptr},
      {"name", OptionType::String, "\"x\"", nullptr},
      {"list", OptionType::StringList, "[\"a\", \"b\"]", nullptr}};
  RuleOptions options = RuleOptions::defaults(kSpecs);
  EXPECT_TRUE(options.boolean("flag"));
  EXPECT_EQ(options.integer("count"), 3);
  EXPECT_EQ(options.string("name"), "x");
  EXPECT_EQ(options.strings("list"), (std::vector<std::string>{"a", "b"}));
  options.set("count", std::int64_t{5});
  EXPECT_EQ(options.integer("count"), 5);
  EXPECT_THROW(options.boolean("count"), std::logic_error);
  EXPECT_THROW(options.boolean("absent"), std::logic_error);
  static constexpr OptionSpec kWrong[] = {{"flag", OptionType::Boolean, "3", nullptr}};
  EXPECT_THROW(RuleOptions::defaults(kWrong), std::logic_error);
}

TEST(RuleOptions, EveryBuiltInRuleDeclaresValidDefaults) {
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    EXPECT_NO_THROW(RuleOptions::defaults(entry->meta.options)) << entry->meta.id;
    for (const OptionSpec& option : entry->meta.options) {
      const std::string quoted = std::string("`").append(option.name).append("`");
      EXPECT_NE(std::string(entry->doc).find(quoted), std::string::npos)
          << entry->meta.id << " does not document its option " << option.name;
    }
  }
}

// --- --print-config -------------------------------------------------------------------------

TEST_F(ConfigFiles, DescribeShowsTheEffectiveSettingsAndTheirSource) {
  file("copydesk.toml", R"(language = "en_GB"
[words]
reject = ["alot"]
[[overrides]]
files = ["news/**"]
[overrides.rules.repeated-word]
severity = "info"
)");
  Workspace workspace(Registry::builtin(), {});
  const std::string text = describe(
      Registry::builtin(), workspace.resolve(input(dir_ / "news/a.txt")), "news/a.txt", false);
  EXPECT_NE(text.find("# Effective configuration for news/a.txt\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# Override applied: "), std::string::npos) << text;
  EXPECT_NE(text.find("copydesk.toml:4 (files = news/**)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("language = 'en_GB'\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[rules.repeated-word]\nenabled = true\nseverity = 'info'\n"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("[rules.confused-word]\nenabled = true\nseverity = 'warning'\nskip-pairs = []\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("reject = [ 'alot' ]"), std::string::npos) << text;
}

TEST(StarterConfig, LoadsAndEveryCommentedSettingLoadsToo) {
  const std::string starter(starter_config());
  EXPECT_NO_THROW(ProjectConfig::parse(starter, "copydesk.toml", "/desk", Registry::builtin()));
  // Uncomment every line that is a commented-out setting ("# key = value", "# [table]").
  std::string uncommented;
  std::size_t settings = 0;
  for (std::size_t at = 0; at < starter.size();) {
    const std::size_t end = starter.find('\n', at);
    std::string line = starter.substr(at, end - at);
    at = end + 1;
    const bool setting = line.starts_with("# [") ||
                         (line.starts_with("# ") && line.find(" = ") != std::string::npos &&
                          line.find(' ', 2) == line.find(" = "));
    if (setting) {
      line.erase(0, 2);
      ++settings;
    }
    uncommented += line + "\n";
  }
  EXPECT_GE(settings, 12u);
  // The examples name word files that do not exist here: leave those out.
  std::string loadable;
  for (std::size_t at = 0; at < uncommented.size();) {
    const std::size_t end = uncommented.find('\n', at);
    const std::string line = uncommented.substr(at, end - at + 1);
    at = end + 1;
    if (line.find("-files = ") == std::string::npos) loadable += line;
  }
  // One language line may stand: the example repeats the key.
  const std::size_t second_language = loadable.find("language = \"en_GB\"\n");
  ASSERT_NE(second_language, std::string::npos);
  loadable.erase(second_language, std::string("language = \"en_GB\"\n").size());
  const ProjectConfig config =
      ProjectConfig::parse(loadable, "copydesk.toml", "/desk", Registry::builtin());
  EXPECT_EQ(config.overrides.size(), 1u);
  EXPECT_EQ(config.settings.reject.size(), 2u);
}

}  // namespace
}  // namespace copydesk::testing
