// Baselines: which findings count as "the same" across edits, and the file format.

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "copydesk/baseline.hpp"
#include "golden.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

// A result with one finding of `rule` on each occurrence of `needle` in `text`.
FileResult result_with(std::string path, std::string text, std::string_view needle,
                       const char* rule = "misspelled-word") {
  FileResult result;
  result.path = std::move(path);
  result.text = std::move(text);
  for (auto at = result.text.find(needle); at != std::string::npos;
       at = result.text.find(needle, at + needle.size())) {
    Diagnostic diagnostic;
    diagnostic.rule = rule;
    diagnostic.span = Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
    diagnostic.message = "m";
    result.diagnostics.push_back(diagnostic);
  }
  return result;
}

BaselineKey key_of(const FileResult& result, std::size_t index = 0) {
  return baseline_key(result.path, result.text, result.diagnostics.at(index));
}

TEST(Baseline, KeyHoldsTheTextAndAFewWordsAroundItButNoLineNumber) {
  const auto result = result_with("a.txt", "one two three four teh five six  seven eight\n", "teh");
  const BaselineKey key = key_of(result);
  EXPECT_EQ(key.rule, "misspelled-word");
  EXPECT_EQ(key.path, "a.txt");
  EXPECT_EQ(key.text, "teh");
  EXPECT_EQ(key.context, "two three four teh five six seven");
  const auto moved = result_with("a.txt", "A new first line.\n\nSecond.\none two three four teh five six  seven eight\n", "teh");
  EXPECT_EQ(key_of(moved), key);
}

TEST(Baseline, ContextStopsAtTheLineAndKeepsWhetherTheTextWasJoined) {
  const auto alone = result_with("a.txt", "before\nteh\nafter\n", "teh");
  EXPECT_EQ(key_of(alone).context, "teh");
  const auto joined = result_with("a.txt", "x,y and more\n", ",", "missing-space-after-punctuation");
  EXPECT_EQ(key_of(joined).context, "x,y and more");
  const auto spaced = result_with("a.txt", "x , y and more\n", ",", "missing-space-after-punctuation");
  EXPECT_EQ(key_of(spaced).context, "x , y and more");
  EXPECT_NE(key_of(joined), key_of(spaced));
}

TEST(Baseline, FlaggedTextOverALineBreakIsNormalised) {
  FileResult result;
  result.path = "a.txt";
  result.text = "approved the\r\nthe budget\n";
  Diagnostic diagnostic;
  diagnostic.rule = "repeated-word";
  diagnostic.span = Span{9, 17};
  result.diagnostics = {diagnostic};
  EXPECT_EQ(key_of(result).text, "the the");
  EXPECT_EQ(key_of(result).context, "approved the the budget");
}

TEST(Baseline, PathsAreComparedLexicallyNormalised) {
  EXPECT_EQ(key_of(result_with("./news/../news/a.txt", "teh\n", "teh")).path, "news/a.txt");
  EXPECT_EQ(key_of(result_with("<stdin>", "teh\n", "teh")).path, "<stdin>");
}

TEST(Baseline, SuppressesRecordedFindingsAfterAnEditAboveThem) {
  Baseline baseline;
  baseline.record(result_with("a.txt", "The mayor said teh budget was late.\n", "teh"));
  EXPECT_EQ(baseline.findings(), 1u);
  auto edited = result_with("a.txt", "Breaking: a new paragraph.\n\nThe mayor said teh budget was late.\n", "teh");
  EXPECT_EQ(baseline.suppress(edited), 1u);
  EXPECT_TRUE(edited.diagnostics.empty());
}

TEST(Baseline, ReportsNewFindingsAndFindingsWhoseContextChanged) {
  Baseline baseline;
  baseline.record(result_with("a.txt", "The mayor said teh budget was late.\n", "teh"));
  auto changed = result_with("a.txt", "The mayor said teh plan was late.\nA second teh here.\n", "teh");
  EXPECT_EQ(baseline.suppress(changed), 0u);
  EXPECT_EQ(changed.diagnostics.size(), 2u);
  // The same text in another file is another finding.
  auto other = result_with("b.txt", "The mayor said teh budget was late.\n", "teh");
  EXPECT_EQ(baseline.suppress(other), 0u);
}

TEST(Baseline, CountsDuplicates) {
  Baseline baseline;
  baseline.record(result_with("a.txt", "said teh.\nsaid teh.\n", "teh"));
  EXPECT_EQ(baseline.findings(), 2u);
  EXPECT_NE(baseline.to_json().find("\"count\":2"), std::string::npos) << baseline.to_json();
  auto three = result_with("a.txt", "said teh.\nsaid teh.\nsaid teh.\n", "teh");
  EXPECT_EQ(baseline.suppress(three), 2u);
  ASSERT_EQ(three.diagnostics.size(), 1u);
}

class BaselineFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("copydesk-baseline-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(BaselineFile, RoundTrips) {
  Baseline written(dir_);
  written.record(result_with((dir_ / "news/a.txt").string(), "said teh.\nsaid teh.\n", "teh"));
  written.record(
      result_with((dir_ / "b.txt").string(), "\"Quote\" and tab\there: recieve\n", "recieve"));
  write_file(dir_ / "baseline.json", written.to_json());
  Baseline read = Baseline::load(dir_ / "baseline.json");
  EXPECT_EQ(read.findings(), 3u);
  EXPECT_EQ(read.files(), 2u);
  EXPECT_EQ(read.to_json(), written.to_json());
  auto again =
      result_with((dir_ / "b.txt").string(), "\"Quote\" and tab\there: recieve\n", "recieve");
  EXPECT_EQ(read.suppress(again), 1u);
}

// Paths are kept relative to the baseline's folder: the same file matches however a run from
// elsewhere spells it.
TEST_F(BaselineFile, PathsAreRelativeToTheBaselinesFolder) {
  Baseline written(dir_);
  written.record(result_with((dir_ / "news/a.txt").string(), "said teh.\n", "teh"));
  const std::string json = written.to_json();
  EXPECT_NE(json.find("\"path\":\"news/a.txt\""), std::string::npos) << json;
  write_file(dir_ / "baseline.json", json);
  Baseline read = Baseline::load(dir_ / "baseline.json");
  auto same_file = result_with((dir_ / "other/../news/a.txt").string(), "said teh.\n", "teh");
  EXPECT_EQ(read.suppress(same_file), 1u);
  auto other_file = result_with((dir_ / "a.txt").string(), "said teh.\n", "teh");
  EXPECT_EQ(Baseline::load(dir_ / "baseline.json").suppress(other_file), 0u);
}

// A version 1 file kept paths as given, relative to where copydesk ran: still read that way.
TEST_F(BaselineFile, ReadsVersionOneWithPathsAsGiven) {
  Baseline as_given;
  as_given.record(result_with("news/a.txt", "said teh.\n", "teh"));
  std::string json = as_given.to_json();
  const std::string version_two = "\"version\": 2";
  ASSERT_NE(json.find(version_two), std::string::npos) << json;
  json.replace(json.find(version_two), version_two.size(), "\"version\": 1");
  write_file(dir_ / "old.json", json);
  auto result = result_with("news/a.txt", "said teh.\n", "teh");
  EXPECT_EQ(Baseline::load(dir_ / "old.json").suppress(result), 1u);
}

TEST_F(BaselineFile, ProblemsNameTheFile) {
  const auto message_of = [&](const std::string& name, std::string_view content, bool create = true) {
    if (create) write_file(dir_ / name, content);
    try {
      Baseline::load(dir_ / name);
    } catch (const BaselineError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  const std::string missing = message_of("missing.json", "", false);
  EXPECT_NE(missing.find("missing.json"), std::string::npos) << missing;
  EXPECT_NE(missing.find("No such file"), std::string::npos) << missing;
  const std::string broken = message_of("broken.json", "{\"version\": 1, \"findings\": [");
  EXPECT_NE(broken.find("broken.json' is not valid JSON"), std::string::npos) << broken;
  const std::string wrong = message_of("wrong.json", "[1, 2]");
  EXPECT_NE(wrong.find("wrong.json' is not a copydesk baseline"), std::string::npos) << wrong;
  const std::string field = message_of("field.json", "{\"version\": 1, \"findings\": [{\"rule\": 3}]}");
  EXPECT_NE(field.find("field.json' has a malformed finding"), std::string::npos) << field;
  const std::string count = message_of(
      "count.json",
      "{\"version\": 1, \"findings\": [{\"rule\": \"r\", \"path\": \"a\", \"text\": \"t\", "
      "\"context\": \"t\", \"count\": -1}]}");
  EXPECT_NE(count.find("count.json' has a malformed finding: \"count\""), std::string::npos) << count;
  const std::string version = message_of("v3.json", "{\"version\": 3, \"findings\": []}");
  EXPECT_NE(version.find("v3.json' is not a copydesk baseline"), std::string::npos) << version;
}

}  // namespace
}  // namespace copydesk::testing
