// Hostile and unusual inputs through the copydesk binary: broken encodings, odd line endings,
// huge lines and directories, permissions, symbolic links, hostile word lists. Whatever the
// input, copydesk reports what it could not read (naming the file) with exit code 2, lints the
// rest, and never loops or crashes.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

class BadInput : public CliFixture {
 protected:
  // Linting as root ignores file permissions, so tests of them cannot work there.
  static bool running_as_root() { return ::geteuid() == 0; }
};

constexpr std::string_view kFaulty = "The council met on Monday and approved the the budget.\n";

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_F(BadInput, EveryKindOfInvalidUtf8IsReportedWithItsOffsetAndTheRestIsLinted) {
  struct Case {
    const char* name;
    std::string content;
    const char* offset;
  };
  const Case cases[] = {
      {"overlong-2.txt", std::string("ab \xC1\xBF cd\n"), "byte 3"},
      {"overlong-3.txt", std::string("abcd \xE0\x80\xAF\n"), "byte 5"},
      {"overlong-4.txt", std::string("\xF0\x80\x80\xAF\n"), "byte 0"},
      {"surrogate.txt", std::string("Hi \xED\xA0\x80 there\n"), "byte 3"},
      {"truncated-end.txt", std::string("Ends early \xE2\x80"), "byte 11"},
      {"truncated-middle.txt", std::string("a \xE2\x80 b\n"), "byte 2"},
      {"lone-continuation.txt", std::string("x\x80y\n"), "byte 1"},
      {"too-high.txt", std::string("\xF4\x90\x80\x80 z\n"), "byte 0"},
      {"latin1.txt", std::string("caf\xE9 au lait\n"), "byte 3"},
      {"invalid-byte.txt", std::string("ok \xFF\n"), "byte 3"},
  };
  std::string arguments;
  for (const auto& c : cases) {
    file(c.name, c.content);
    arguments += c.name;
    arguments += ' ';
  }
  file("faulty.txt", kFaulty);
  const Outcome run = this->run(arguments + "faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  for (const auto& c : cases) {
    std::string expected = c.name;
    expected += ": invalid UTF-8 at ";
    expected += c.offset;
    EXPECT_TRUE(contains(run.err, expected)) << expected << "\n" << run.err;
  }
  EXPECT_TRUE(contains(run.out, "faulty.txt:1:44")) << run.out;
}

TEST_F(BadInput, InvalidUtf8InADirectoryIsAnErrorToo) {
  file("docs/a.txt", std::string("bad \xC0\x80\n"));
  file("docs/b.txt", kFaulty);
  const Outcome run = this->run("docs");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "error: docs/a.txt: invalid UTF-8 at byte 4")) << run.err;
  EXPECT_TRUE(contains(run.out, "docs/b.txt:1:44")) << run.out;
}

TEST_F(BadInput, BinaryFileNamedAlongsideOthersIsAnErrorWithItsOffset) {
  file("blob.md", std::string("PK\x03\x04\0\0\x14", 7));
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("blob.md faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "error: blob.md: binary file (contains NUL bytes at byte 4)"))
      << run.err;
  EXPECT_TRUE(contains(run.out, "faulty.txt:1:44")) << run.out;
  // Met while walking a directory, it is only a note: the exit code is that of the findings.
  file("dir/blob.md", std::string("\0\0", 2));
  file("dir/clean.txt", "A clean line.\n");
  const Outcome walked = this->run("dir");
  EXPECT_EQ(walked.exit_code, 0) << walked.err;
  EXPECT_TRUE(contains(walked.err, "note: dir/blob.md: binary file")) << walked.err;
}

TEST_F(BadInput, NoFinalNewlineStillReportsTheLastLine) {
  file("tail.txt", "A first line.\nThe council approved the the budget.");
  const Outcome run = this->run("--format jsonl tail.txt");
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;  // one finding
  const auto finding = nlohmann::json::parse(run.out);
  EXPECT_EQ(finding["start"]["line"], 2);
  EXPECT_EQ(finding["start"]["offset"], 39);
}

TEST_F(BadInput, ByteOrderMarkCrlfAndMixedLineEndingsGiveTheRightPositions) {
  file("crlf.txt", "First line here.\r\nThe council approved the the budget.\r\n");
  file("mixed.txt", "One.\nTwo.\r\nThree.\rThe council approved the the budget.\n");
  file("bom.txt", "\xEF\xBB\xBFThe council approved the the budget.\n");
  const Outcome run = this->run("crlf.txt mixed.txt bom.txt");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.out, "crlf.txt:2:26:")) << run.out;
  EXPECT_TRUE(contains(run.out, "bom.txt:1:26:")) << run.out;
  EXPECT_TRUE(contains(run.out, "mixed.txt:")) << run.out;
  const Outcome json = this->run("--format jsonl mixed.txt");
  ASSERT_EQ(std::count(json.out.begin(), json.out.end(), '\n'), 1) << json.out;
  // The offset is exact whatever the line endings; "\r" alone ends a line too.
  const auto finding = nlohmann::json::parse(json.out);
  EXPECT_EQ(finding["start"]["offset"], 43);
  EXPECT_EQ(finding["start"]["line"], 4);
}

TEST_F(BadInput, ALineOfSeveralMegabytesIsLintedCompletely) {
  // About 3 MB without a single newline: the error near the end must still be found, at the
  // right column, in the test's normal running time (a quadratic scan would not finish).
  const std::string sentence = "The council met on Monday and approved a budget. ";
  std::string text;
  while (text.size() < 3'000'000) text += sentence;
  const std::size_t column = text.size() + 5;  // of the second "the", counted from 1
  text += "The the end.";
  file("long.txt", text);
  const Outcome run = this->run("long.txt");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(contains(run.out, "long.txt:1:" + std::to_string(column) + ":")) << run.out.substr(0, 300);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '^'), 1) << run.out.substr(0, 300);
}

TEST_F(BadInput, AFileOfManyParagraphsOverSeveralMegabytesKeepsExactOffsets) {
  // Large files may be linted a piece at a time: findings in every piece keep their offsets
  // in the whole file, and each is reported once.
  const std::string paragraph =
      "The council met on Monday. It approved a budget for the new year.\n\n";
  std::string text;
  std::vector<std::size_t> offsets;
  for (int i = 0; text.size() < 5'000'000; ++i) {
    if (i % 20'000 == 0) {
      offsets.push_back(text.size() + 4);  // of the second "the"
      text += "The the council met again.\n\n";
    }
    text += paragraph;
  }
  file("big.txt", text);
  const Outcome run = this->run("--format jsonl big.txt");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  std::vector<std::size_t> found;
  while (std::getline(lines, line)) {
    const auto finding = nlohmann::json::parse(line);
    EXPECT_EQ(finding["rule"], "repeated-word") << line;
    found.push_back(finding["start"]["offset"].get<std::size_t>());
  }
  EXPECT_EQ(found, offsets);
}

TEST_F(BadInput, TenThousandSmallFilesInADirectory) {
  fs::create_directories(dir_ / "many");
  for (int i = 0; i < 10'000; ++i) {
    std::string name = "many/n";  // appended in steps: g++ 12 warns wrongly on "n" + string
    name += std::to_string(10'000 + i);
    name += ".txt";
    file(name, i == 7'777 ? kFaulty : std::string_view("A short clean note.\n"));
  }
  // Far more jobs than cores or than threads worth starting: capped, same output.
  const Outcome run = this->run("--jobs 100000 --format jsonl many");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // One line per finding: the one faulty file among them.
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out.substr(0, 400);
  EXPECT_TRUE(contains(run.out, "\"path\":\"many/n17777.txt\"")) << run.out.substr(0, 400);
  EXPECT_EQ(run.err, "");
}

TEST_F(BadInput, MissingFilesAreErrorsNamingThem) {
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("gone.txt no/such/dir faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "gone.txt: no such file or directory")) << run.err;
  EXPECT_TRUE(contains(run.err, "no/such/dir: no such file or directory")) << run.err;
  EXPECT_TRUE(contains(run.out, "faulty.txt:1:44")) << run.out;
}

TEST_F(BadInput, UnreadableFileIsAnErrorNamingIt) {
  if (running_as_root()) GTEST_SKIP() << "root reads files whatever their permissions";
  const fs::path locked = file("locked.txt", kFaulty);
  fs::permissions(locked, fs::perms::none);
  file("faulty.txt", kFaulty);
  const Outcome run = this->run("locked.txt faulty.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "locked.txt: cannot open the file: Permission denied")) << run.err;
  EXPECT_TRUE(contains(run.out, "faulty.txt:1:44")) << run.out;
}

TEST_F(BadInput, UnreadableDirectoryIsAnErrorAndTheRestOfTheTreeIsLinted) {
  if (running_as_root()) GTEST_SKIP() << "root reads directories whatever their permissions";
  file("tree/a/locked/inside.txt", kFaulty);
  file("tree/b.txt", kFaulty);
  file("tree/c/d.txt", kFaulty);
  fs::permissions(dir_ / "tree/a/locked", fs::perms::none);
  const Outcome run = this->run("tree");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "tree/a/locked: cannot read the directory")) << run.err;
  EXPECT_TRUE(contains(run.out, "tree/b.txt:1:44")) << run.out;
  EXPECT_TRUE(contains(run.out, "tree/c/d.txt:1:44")) << run.out;
  fs::permissions(dir_ / "tree", fs::perms::none);
  const Outcome top = this->run("tree");
  EXPECT_EQ(top.exit_code, 2);
  EXPECT_TRUE(contains(top.err, "tree: cannot read the directory")) << top.err;
}

TEST_F(BadInput, SymlinkLoopsAreErrorsByNameAndIgnoredInDirectories) {
  fs::create_directories(dir_ / "links");
  fs::create_symlink("b.txt", dir_ / "links/a.txt");
  fs::create_symlink("a.txt", dir_ / "links/b.txt");
  fs::create_symlink("nowhere.txt", dir_ / "links/dangling.txt");
  file("links/real.txt", kFaulty);
  const Outcome walked = run("links");
  EXPECT_EQ(walked.exit_code, 1) << walked.err;
  EXPECT_TRUE(contains(walked.out, "links/real.txt:1:44")) << walked.out;
  const Outcome named = run("links/a.txt links/real.txt");
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_TRUE(contains(named.err, "links/a.txt: Too many levels of symbolic links")) << named.err;
  EXPECT_TRUE(contains(named.out, "links/real.txt:1:44")) << named.out;
}

TEST_F(BadInput, ASymlinkToAParentDirectoryIsNotFollowed) {
  file("top/article.txt", kFaulty);
  file("top/sub/inner.txt", kFaulty);
  fs::create_directory_symlink("..", dir_ / "top/sub/up");
  fs::create_directory_symlink(dir_ / "top", dir_ / "top/self");
  const Outcome run = this->run("--format jsonl top");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // Each file once: the links are neither followed nor looped through.
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2) << run.out;
  EXPECT_TRUE(contains(run.out, "\"path\":\"top/article.txt\"")) << run.out;
  EXPECT_TRUE(contains(run.out, "\"path\":\"top/sub/inner.txt\"")) << run.out;
}

TEST_F(BadInput, HostileWordListsAreClearErrors) {
  file("faulty.txt", kFaulty);
  file("bad-utf8.txt", std::string("Zorblatt\nQu\xE9 bec\n"));
  file("binary.txt", std::string("Zorblatt\n\0\0\0", 12));
  fs::create_directories(dir_ / "a-directory");
  const Outcome invalid = run("--words bad-utf8.txt faulty.txt");
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_TRUE(contains(invalid.err, "bad-utf8.txt: invalid UTF-8 at byte 11")) << invalid.err;
  const Outcome binary = run("--words binary.txt faulty.txt");
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_TRUE(contains(binary.err, "binary.txt: the word list is a binary file")) << binary.err;
  const Outcome directory = run("--words a-directory faulty.txt");
  EXPECT_EQ(directory.exit_code, 2);
  EXPECT_TRUE(contains(directory.err, "a-directory: the word list is a directory"))
      << directory.err;
  const Outcome missing = run("--words missing.txt faulty.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "missing.txt: cannot read the word list: No such file"))
      << missing.err;
  EXPECT_EQ(invalid.out + binary.out + directory.out + missing.out, "");
}

TEST_F(BadInput, AHugeWordListLoads) {
  // About 4 MB of made-up words, one of them the only misspelling of the text.
  std::string words;
  for (int i = 0; i < 400'000; ++i) {
    words += "zqxword";
    words += std::to_string(i);
    words += '\n';
  }
  words += "councel\n";
  file("huge.txt", words);
  file("name.txt", "The councel met on Monday.\n");
  EXPECT_EQ(run("--fail-on info name.txt").exit_code, 1);
  const Outcome accepted = run("--fail-on info --words huge.txt name.txt");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
}

}  // namespace
}  // namespace copydesk::testing
