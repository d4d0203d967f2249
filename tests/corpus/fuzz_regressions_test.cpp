// Inputs that once crashed a fuzz target (fuzz/), kept so that the bug stays fixed: each file
// in tests/corpus/fuzz-regressions/ goes through the whole engine and the text model.

#include <gtest/gtest.h>

#include <filesystem>

#include "copydesk/document.hpp"
#include "copydesk/fixes.hpp"
#include "copydesk/text.hpp"
#include "golden.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryKeptInputLintsCleanlyWithinBounds) {
  const fs::path directory = corpus_path("fuzz-regressions");
  ASSERT_TRUE(fs::is_directory(directory));
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    const std::string text = read_file(entry.path());
    const std::string name = entry.path().filename().string();
    for (const char* language : {"en_US", "en_GB"}) {
      const FileResult result = engine_for(language).lint_text(name, text);
      if (find_invalid_utf8(text)) {
        EXPECT_TRUE(result.error) << name;
        continue;
      }
      ASSERT_FALSE(result.error) << name << ": " << *result.error;
      for (const auto& diagnostic : result.diagnostics) {
        EXPECT_LE(diagnostic.span.begin, diagnostic.span.end) << name;
        EXPECT_LE(diagnostic.span.end, text.size()) << name;
      }
      const std::string fixed = apply_fixes(text, safe_fix_edits(result.diagnostics));
      EXPECT_FALSE(find_invalid_utf8(fixed)) << name << ": a safe fix broke the encoding";
    }
    if (!find_invalid_utf8(text)) {
      const Document document(name, text);
      std::uint32_t at = 0;
      for (const auto& token : document.tokens()) {
        EXPECT_EQ(token.span.begin, at) << name;
        at = token.span.end;
      }
      EXPECT_EQ(at, text.size()) << name;
    }
  }
}

}  // namespace
}  // namespace copydesk::testing
