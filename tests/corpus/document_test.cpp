// Whole documents through every default rule, compared with golden JSON; and the user's sample
// article, whose planted errors must be found exactly.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "copydesk/engine.hpp"
#include "copydesk/formatter.hpp"
#include "copydesk/source_map.hpp"
#include "golden.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

// The report in JSON Lines: one finding a line, so that a change to the goldens reviews as a
// diff of the findings it touches.
std::string lint_to_jsonl(const fs::path& path, const std::string& display) {
  FileResult result = engine_for("en_US").lint_text(display, read_file(path));
  std::ostringstream out;
  const auto formatter = make_formatter(Format::Jsonl, out, FormatOptions{});
  Summary summary;
  count_into(summary, result);
  formatter->begin();
  formatter->file(result);
  formatter->end(summary);
  return out.str();
}

TEST(Documents, EachDocumentMatchesItsGoldenReport) {
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(corpus_path("documents"))) {
    if (entry.path().extension() != ".txt" && entry.path().extension() != ".md") continue;
    ++documents;
    const std::string name = entry.path().filename().string();
    expect_golden("documents/" + entry.path().stem().string() + ".jsonl",
                  lint_to_jsonl(entry.path(), name));
  }
  EXPECT_GE(documents, 4);
}

TEST(Documents, SampleArticlesMatchTheirGoldenReports) {
  for (const auto& entry : fs::directory_iterator(fs::path(COPYDESK_SOURCE_DIR) / "examples")) {
    // Folders are example projects (examples/house-style), not articles.
    if (!entry.is_regular_file()) continue;
    const std::string name = "examples/" + entry.path().filename().string();
    expect_golden("examples/" + entry.path().stem().string() + ".jsonl",
                  lint_to_jsonl(entry.path(), name));
  }
}

struct Expected {
  std::string rule;
  std::uint32_t line, column;
  std::string text;
};

// The first user's sample: exactly the five planted errors, nothing else.
TEST(Documents, SeedArticleHasExactlyItsFivePlantedErrors) {
  const fs::path seed = fs::path(COPYDESK_SHARED_DIR) / "samples" / "seed-article.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << seed << " is not beside the repository";
  const std::string text = read_file(seed);
  const FileResult result = engine_for("en_US").lint_text("seed-article.txt", text);
  const SourceMap map(result.text);
  std::vector<Expected> found;
  for (const auto& diagnostic : result.diagnostics) {
    const Position start = map.position(diagnostic.span.begin);
    found.push_back({diagnostic.rule, start.line, start.column,
                     std::string(diagnostic.span.in(result.text))});
  }
  const std::vector<Expected> expected = {
      {"confused-word", 2, 64, "too"},
      {"missing-space-after-punctuation", 2, 550, ","},
      {"lowercase-sentence-start", 4, 181, "this"},
      {"wrong-indefinite-article", 7, 117, "a"},
      {"missing-space-after-punctuation", 14, 76, "."},
  };
  ASSERT_EQ(found.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(found[i].rule, expected[i].rule) << i;
    EXPECT_EQ(found[i].line, expected[i].line) << i;
    EXPECT_EQ(found[i].column, expected[i].column) << i;
    EXPECT_EQ(found[i].text, expected[i].text) << i;
  }
}

}  // namespace
}  // namespace copydesk::testing
