#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/registry.hpp"

namespace copydesk {
namespace {

std::vector<std::string> enabled_for(const std::string& language, EngineOptions options = {}) {
  options.language = language;
  std::vector<std::string> ids;
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    if (rule_enabled(entry->meta, options)) ids.emplace_back(entry->meta.id);
  }
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// English rules (a/an, confused words, English doubles, English sentence starts) stay off for
// another language; spelling and the rules that know no language run.
TEST(RuleLanguages, AnotherLanguageRunsOnlyTheRulesThatApply) {
  for (const std::string language : {"en_US", "en_GB", "en-AU", "en"}) {
    const auto ids = enabled_for(language);
    EXPECT_TRUE(has(ids, "wrong-indefinite-article")) << language;
    EXPECT_TRUE(has(ids, "confused-word")) << language;
  }
  const auto german = enabled_for("de_DE");
  EXPECT_TRUE(has(german, "misspelled-word"));
  EXPECT_TRUE(has(german, "missing-space-after-punctuation"));
  EXPECT_TRUE(has(german, "unused-suppression"));
  for (const std::string id :
       {"wrong-indefinite-article", "confused-word", "repeated-word", "lowercase-sentence-start"}) {
    EXPECT_FALSE(has(german, id)) << id;
  }
  // "enus" is no English: the language is the part before '_' or '-'.
  EXPECT_FALSE(has(enabled_for("enus"), "confused-word"));
}

TEST(RuleLanguages, ARuleEnabledByNameRunsInAnyLanguage) {
  EngineOptions options;
  options.enable = {"repeated-word"};
  EXPECT_TRUE(has(enabled_for("de_DE", options), "repeated-word"));
  options.disable = {"repeated-word"};
  EXPECT_FALSE(has(enabled_for("de_DE", options), "repeated-word"));
}

}  // namespace
}  // namespace copydesk
