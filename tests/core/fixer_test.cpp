// The fixer: choosing fixes by level, fixing a text until nothing more applies, and writing a
// fixed file back only when that is safe.

#include "copydesk/fixer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <random>
#include <string>

#include "copydesk/baseline.hpp"
#include "copydesk/safe_write.hpp"
#include "golden.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

Edit edit(std::uint32_t begin, std::uint32_t end, std::string replacement) {
  return Edit{Span{begin, end}, std::move(replacement)};
}

Diagnostic with_fix(std::vector<Edit> edits, bool safe) {
  Diagnostic diagnostic;
  diagnostic.fix = Fix{"Change", std::move(edits), safe};
  return diagnostic;
}

FixOutcome fix(std::string text, FixLevel level = FixLevel::Safe,
               const std::string& path = "article.txt") {
  return fix_text(engine_for("en_US"), path, std::move(text), syntax_of(path),
                  FixRequest{.level = level});
}

TEST(SelectFixes, TakesUnsafeFixesOnlyAtTheUnsafeLevel) {
  const std::vector<Diagnostic> found = {with_fix({edit(0, 1, "A")}, true),
                                         with_fix({edit(4, 5, "B")}, false)};
  const FixSelection safe = select_fixes(found, FixLevel::Safe);
  EXPECT_EQ(safe.fixes, 1u);
  EXPECT_EQ(safe.edits, std::vector<Edit>{edit(0, 1, "A")});
  const FixSelection all = select_fixes(found, FixLevel::Unsafe);
  EXPECT_EQ(all.fixes, 2u);
  EXPECT_EQ(all.edits, (std::vector<Edit>{edit(0, 1, "A"), edit(4, 5, "B")}));
}

TEST(SelectFixes, LeavesOutWholeFixesThatOverlapButKeepsAdjacentOnes) {
  const std::vector<Diagnostic> found = {
      with_fix({edit(2, 5, "x")}, true),
      with_fix({edit(4, 6, "y"), edit(9, 9, "z")}, true),  // overlaps the first: all of it out
      with_fix({edit(5, 7, "w")}, true),                   // touches the first's end: fine
      with_fix({edit(0, 2, "v")}, true),                   // touches its start: fine
      with_fix({edit(7, 7, "u")}, true),                   // an insertion where w ends: fine
  };
  const FixSelection chosen = select_fixes(found, FixLevel::Safe);
  EXPECT_EQ(chosen.fixes, 4u);
  EXPECT_EQ(apply_fixes("abcdefghij", chosen.edits), "vxwuhij");
}

TEST(FixText, AppliesEverySafeFixAndReportsWhatRemains) {
  const FixOutcome outcome =
      fix("the council met on Monday.It approved a unusual budget,and the the mayor signed.\n");
  EXPECT_EQ(outcome.text,
            "The council met on Monday. It approved an unusual budget, and the mayor signed.\n");
  EXPECT_EQ(outcome.applied, 5u);
  EXPECT_FALSE(outcome.remaining.error);
  EXPECT_TRUE(outcome.remaining.diagnostics.empty());
  EXPECT_EQ(outcome.remaining.text, outcome.text);
}

TEST(FixText, LeavesUnsafeFixesAloneUnlessAsked) {
  const std::string text = "They want too leave before the storm.\n";
  const FixOutcome safe = fix(text);
  EXPECT_EQ(safe.text, text);
  EXPECT_EQ(safe.applied, 0u);
  ASSERT_EQ(safe.remaining.diagnostics.size(), 1u);
  EXPECT_EQ(safe.remaining.diagnostics[0].rule, "confused-word");
  const FixOutcome unsafe = fix(text, FixLevel::Unsafe);
  EXPECT_EQ(unsafe.text, "They want to leave before the storm.\n");
  EXPECT_EQ(unsafe.applied, 1u);
  EXPECT_TRUE(unsafe.remaining.diagnostics.empty());
}

TEST(FixText, AppliesACertainSpellingCorrectionOnlyAsUnsafe) {
  const std::string text = "The employees's canteen closed, and the goverment agrees.\n";
  EXPECT_EQ(fix(text).text, text);
  const FixOutcome outcome = fix(text, FixLevel::Unsafe);
  EXPECT_EQ(outcome.text, "The employees' canteen closed, and the goverment agrees.\n");
  ASSERT_EQ(outcome.remaining.diagnostics.size(), 1u);  // no guess at "goverment"
  EXPECT_EQ(outcome.remaining.diagnostics[0].rule, "misspelled-word");
}

TEST(FixText, FixesAtTheStartAndEndOfTheText) {
  EXPECT_EQ(fix("The vote was close close").text, "The vote was close");
  EXPECT_EQ(fix("It passed.It was close").text, "It passed. It was close");
  // Removing the first word and capitalizing the second conflict: the second pass capitalizes.
  const FixOutcome outcome = fix("the the vote passed.");
  EXPECT_EQ(outcome.text, "The vote passed.");
  EXPECT_EQ(outcome.applied, 2u);
}

TEST(FixText, KeepsAByteOrderMarkCarriageReturnsAndAMissingFinalNewline) {
  const std::string text =
      "\xEF\xBB\xBFthe board met.\r\nIt was a error.\nthe mayor left,early.\rShe said so";
  EXPECT_EQ(fix(text).text,
            "\xEF\xBB\xBFThe board met.\r\nIt was an error.\nThe mayor left, early.\rShe said so");
}

TEST(FixText, FixingTwiceChangesNothingTheSecondTime) {
  const fs::path root(COPYDESK_SOURCE_DIR);
  int changed = 0;
  for (const auto* directory : {"examples", "tests/corpus/documents"}) {
    for (const auto& entry : fs::directory_iterator(root / directory)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".txt" && entry.path().extension() != ".md") continue;
      for (const FixLevel level : {FixLevel::Safe, FixLevel::Unsafe}) {
        const FixOutcome once = fix(read_file(entry.path()), level, name);
        changed += once.applied > 0 ? 1 : 0;
        const FixOutcome twice = fix(once.text, level, name);
        EXPECT_EQ(twice.text, once.text) << name;
        EXPECT_EQ(twice.applied, 0u) << name;
      }
    }
  }
  EXPECT_GT(changed, 0) << "no fix was exercised";
}

TEST(FixText, DoesNotTouchMarkdownCodeLinkTargetsOrFrontMatter) {
  const std::string text =
      "---\ntitle: a error,here\n---\n\n"
      "the report was a error,the editor said. `a error,here` stays.\n\n"
      "See [the the page](https://example.com/a,b) and <https://example.com/x,y>.\n\n"
      "```\nthe the code,here\n```\n";
  EXPECT_EQ(fix(text, FixLevel::Safe, "article.md").text,
            "---\ntitle: a error,here\n---\n\n"
            "The report was an error, the editor said. `a error,here` stays.\n\n"
            "See [the page](https://example.com/a,b) and <https://example.com/x,y>.\n\n"
            "```\nthe the code,here\n```\n");
}

TEST(FixText, LeavesSuppressedFindingsUnfixed) {
  const std::string text =
      "copydesk-disable-next-line repeated-word\nThey met the the board.\nIt was a error.\n";
  EXPECT_EQ(
      fix(text).text,
      "copydesk-disable-next-line repeated-word\nThey met the the board.\nIt was an error.\n");
}

TEST(FixText, LeavesBaselinedFindingsUnfixed) {
  const std::string old_text = "They met the the board.\n";
  Baseline baseline;
  baseline.record(engine_for("en_US").lint_text("article.txt", old_text));
  const std::string text = "It was a error.\nThey met the the board.\n";
  const FixOutcome outcome = fix_text(engine_for("en_US"), "article.txt", text, Syntax::Text,
                                      FixRequest{.baseline = &baseline});
  EXPECT_EQ(outcome.text, "It was an error.\nThey met the the board.\n");
  EXPECT_TRUE(outcome.remaining.diagnostics.empty());  // the baselined one is not reported
}

TEST(FixText, ReportsInvalidUtf8AndChangesNothing) {
  const FixOutcome outcome = fix("It was a error.\xC3(\n");
  EXPECT_TRUE(outcome.remaining.error);
  EXPECT_EQ(outcome.text, "It was a error.\xC3(\n");
  EXPECT_EQ(outcome.applied, 0u);
}

// For each rule with a fix: an example, where its fix applies alone.
struct RuleExample {
  std::string rule;
  std::string text;
};

std::vector<RuleExample> fixable_examples() {
  return {
      {"confused-word", "The envoy flew too Baghdad on Tuesday.\n"},
      {"lowercase-sentence-start", "The vote was close. the mayor left.\n"},
      {"missing-space-after-punctuation", "The vote was close,the mayor said.\n"},
      {"misspelled-word", "Staff queued at the workers's entrance.\n"},
      {"repeated-word", "They met the the board.\n"},
      {"unused-suppression", "copydesk-disable-next-line repeated-word\nThe report is clean.\n"},
      {"wrong-indefinite-article", "It was a error of judgement.\n"},
  };
}

TEST(RuleFixes, EveryRuleWithAFixHasAnExample) {
  std::vector<std::string> with_fix;
  for (const auto* entry : Registry::builtin().entries()) {
    if (entry->meta.has_fix) with_fix.emplace_back(entry->meta.id);
  }
  std::vector<std::string> covered;
  for (const auto& example : fixable_examples()) covered.push_back(example.rule);
  EXPECT_EQ(covered, with_fix);
}

// The bytes outside the edits are the original's; returns where each edit ended up.
std::vector<Span> expect_only_edits_changed(std::string_view before, std::string_view after,
                                            std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::vector<Span> placed;
  std::size_t from = 0;
  std::size_t to = 0;
  for (const Edit& edit : edits) {
    const std::size_t same = edit.span.begin - from;
    EXPECT_EQ(after.substr(to, same), before.substr(from, same));
    to += same;
    EXPECT_EQ(after.substr(to, edit.replacement.size()), edit.replacement);
    placed.push_back(Span{static_cast<std::uint32_t>(to),
                          static_cast<std::uint32_t>(to + edit.replacement.size())});
    to += edit.replacement.size();
    from = edit.span.end;
  }
  EXPECT_EQ(after.substr(to), before.substr(from));
  return placed;
}

TEST(RuleFixes, EachFixRemovesItsFindingAndChangesNothingElse) {
  const Engine& engine = engine_for("en_US");
  for (const auto& example : fixable_examples()) {
    SCOPED_TRACE(example.rule);
    const FileResult before = engine.lint_text("article.txt", example.text);
    const auto found = std::find_if(before.diagnostics.begin(), before.diagnostics.end(),
                                    [&](const Diagnostic& d) { return d.rule == example.rule; });
    ASSERT_NE(found, before.diagnostics.end());
    ASSERT_TRUE(found->fix);
    const std::string fixed = apply_fixes(example.text, found->fix->edits);
    ASSERT_NE(fixed, example.text);
    const std::vector<Span> placed =
        expect_only_edits_changed(example.text, fixed, found->fix->edits);
    const FileResult after = engine.lint_text("article.txt", fixed);
    for (const Diagnostic& diagnostic : after.diagnostics) {
      if (diagnostic.rule != example.rule) continue;
      for (const Span span : placed) {
        EXPECT_FALSE(diagnostic.span.overlaps(span) || diagnostic.span.begin == span.begin)
            << "still flagged at " << diagnostic.span.begin << " in: " << fixed;
      }
    }
  }
}

class WriteFixedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("copydesk-fixer-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(WriteFixedFile, ReplacesTheFileKeepingItsMode) {
  const fs::path path = dir_ / "a.txt";
  write_file(path, "old\n");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  write_fixed_file(path, "old\n", "new\n");
  EXPECT_EQ(read_file(path), "new\n");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
}

TEST_F(WriteFixedFile, RewritesTheTargetOfASymbolicLinkAndKeepsTheLink) {
  write_file(dir_ / "target.txt", "old\n");
  fs::create_symlink("target.txt", dir_ / "link.txt");
  write_fixed_file(dir_ / "link.txt", "old\n", "new\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
  EXPECT_EQ(fs::read_symlink(dir_ / "link.txt"), "target.txt");
  EXPECT_EQ(read_file(dir_ / "target.txt"), "new\n");
}

TEST_F(WriteFixedFile, RefusesAReadOnlyFile) {
  const fs::path path = dir_ / "a.txt";
  write_file(path, "old\n");
  fs::permissions(path, fs::perms::owner_read);
  try {
    write_fixed_file(path, "old\n", "new\n");
    ADD_FAILURE() << "no error";
  } catch (const FixWriteError& error) {
    EXPECT_STREQ(error.what(), "the file is read-only; not written");
  }
  EXPECT_EQ(read_file(path), "old\n");
}

TEST_F(WriteFixedFile, RefusesAFileChangedSinceItWasRead) {
  const fs::path path = dir_ / "a.txt";
  write_file(path, "saved by an editor meanwhile\n");
  try {
    write_fixed_file(path, "old\n", "new\n");
    ADD_FAILURE() << "no error";
  } catch (const FixWriteError& error) {
    EXPECT_STREQ(error.what(), "the file changed on disk while it was being fixed; not written");
  }
  EXPECT_EQ(read_file(path), "saved by an editor meanwhile\n");
}

// A child replaces the file again and again, alternating two contents; it is killed at a random
// moment, many times. Each time the file must hold one content or the other, whole.
TEST_F(WriteFixedFile, AKillDuringTheWriteLeavesTheOldOrTheNewFile) {
  const fs::path path = dir_ / "article.txt";
  const std::string first(300000, 'a');
  const std::string second = std::string(200000, 'b') + "\n";
  write_file(path, first);
  std::mt19937 random(20261207);
  std::uniform_int_distribution<int> delay_us(0, 3000);
  for (int round = 0; round < 150; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (int i = 0;; ++i) write_file_atomically(path, i % 2 == 0 ? second : first);
    }
    ::usleep(static_cast<useconds_t>(delay_us(random)));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::string now = read_file(path);
    ASSERT_TRUE(now == first || now == second)
        << "round " << round << ": a file of " << now.size() << " bytes";
  }
}

}  // namespace
}  // namespace copydesk::testing
