#include "copydesk/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "copydesk/document.hpp"
#include "copydesk/engine.hpp"

namespace copydesk {
namespace {

// A rule made at run time from data, as rules read from style files will be: it flags the
// words of a list.
class ListedWords final : public Rule {
 public:
  ListedWords(const RuleMeta& meta, std::vector<std::string> words)
      : meta_(meta), words_(std::move(words)) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(const Document& document, Sink& sink) const override {
    for (const Token& token : document.tokens()) {
      if (std::find(words_.begin(), words_.end(), document.text_of(token)) == words_.end()) {
        continue;
      }
      Diagnostic diagnostic;
      diagnostic.span = token.span;
      diagnostic.message = "A word the style file lists.";
      sink.report(std::move(diagnostic));
    }
  }

 private:
  const RuleMeta& meta_;
  std::vector<std::string> words_;
};

TEST(Registry, AnInstanceHoldsRulesMadeAtRunTimeAndTheEngineRunsOnlyThose) {
  static constexpr RuleMeta kMeta{
      .id = "listed-word",
      .category = RuleCategory::Style,
      .default_severity = Severity::Warning,
      .summary = "A word the style file lists.",
  };
  const std::vector<std::string> words = {"utilize", "leverage"};  // as a style file gives them
  Registry registry;
  registry.add(RuleEntry{kMeta, "# listed-word\n", [words](const RuleContext&) {
                           return std::unique_ptr<Rule>(
                               std::make_unique<ListedWords>(kMeta, words));
                         }});
  const Engine engine(registry, EngineOptions{});
  const FileResult result = engine.lint_text("note.txt", "We utilize teh tools.\n");
  // "teh" is not flagged: the built-in rules are not in this registry.
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule, "listed-word");
  EXPECT_EQ(result.diagnostics[0].span, (Span{3, 10}));
  EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
}

TEST(Registry, EveryRuleHasItsDocumentation) {
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    EXPECT_FALSE(entry->doc.empty()) << entry->meta.id << " has no rules/<stem>.md";
    EXPECT_NE(entry->doc.find("# " + std::string(entry->meta.id)), std::string_view::npos)
        << entry->meta.id << ": the doc must start with the rule id as its title";
    for (std::string_view heading : {"## What it does", "## Why is this bad?", "## Example",
                                     "## Use instead", "## Fix safety"}) {
      EXPECT_NE(entry->doc.find(heading), std::string_view::npos)
          << entry->meta.id << " doc lacks " << heading;
    }
  }
}

TEST(Registry, EveryDocumentHasItsRule) {
  const std::filesystem::path rules_dir = std::filesystem::path(COPYDESK_SOURCE_DIR) / "rules";
  std::set<std::string> ids;
  for (const RuleEntry* entry : Registry::builtin().entries()) ids.emplace(entry->meta.id);
  int docs = 0;
  for (const auto& file : std::filesystem::directory_iterator(rules_dir)) {
    if (file.path().extension() != ".md") continue;
    ++docs;
    std::string id = file.path().stem().string();
    std::replace(id.begin(), id.end(), '_', '-');
    EXPECT_TRUE(ids.count(id)) << file.path() << " documents no registered rule";
    const auto source = std::filesystem::path(file.path()).replace_extension(".cpp");
    EXPECT_TRUE(std::filesystem::exists(source)) << source << " is missing";
    const auto test = std::filesystem::path(COPYDESK_SOURCE_DIR) / "tests" / "rules" /
                      (file.path().stem().string() + "_test.cpp");
    EXPECT_TRUE(std::filesystem::exists(test)) << test << " is missing";
  }
  EXPECT_EQ(docs, static_cast<int>(ids.size()));
}

// [a-z]+(-[a-z]+)*, checked by hand: std::regex trips a false -Wmaybe-uninitialized in
// g++ 12's libstdc++ under -fsanitize=address, and the build uses -Werror.
bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (id[i] == '-' ? id[i + 1] == '-' : !(id[i] >= 'a' && id[i] <= 'z')) return false;
  }
  return true;
}

TEST(Registry, IdsAreKebabCaseAndSorted) {
  EXPECT_FALSE(is_kebab_case("Repeated-word"));
  EXPECT_FALSE(is_kebab_case("repeated--word"));
  EXPECT_FALSE(is_kebab_case("repeated-"));
  std::string previous;
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    const std::string id(entry->meta.id);
    EXPECT_TRUE(is_kebab_case(id)) << id;
    EXPECT_LT(previous, id);
    EXPECT_FALSE(entry->meta.summary.empty()) << id;
    previous = id;
  }
}

TEST(Registry, FindsRulesById) {
  const Registry& registry = Registry::builtin();
  ASSERT_NE(registry.find("repeated-word"), nullptr);
  EXPECT_EQ(registry.find("repeated-word")->meta.id, "repeated-word");
  EXPECT_EQ(registry.find("no-such-rule"), nullptr);
}

TEST(Registry, SuggestsTheClosestIdForATypo) {
  EXPECT_EQ(Registry::builtin().closest("repeated-wrod"), "repeated-word");
  EXPECT_EQ(Registry::builtin().closest("repeatedword"), "repeated-word");
  EXPECT_EQ(Registry::builtin().closest("zzzzzzzzzzzzzzzzzzzzzzzzzz"), "");
}

TEST(Registry, RejectsADuplicateId) {
  Registry registry;
  const RuleMeta meta{
      .id = "some-rule",
      .category = RuleCategory::Grammar,
      .default_severity = Severity::Warning,
      .summary = "A rule.",
      .has_fix = false,
  };
  registry.add(RuleEntry{meta, "doc", nullptr});
  EXPECT_THROW(registry.add(RuleEntry{meta, "doc", nullptr}), std::invalid_argument);
  ASSERT_EQ(registry.entries().size(), 1u);
}

}  // namespace
}  // namespace copydesk
