// write_file_atomically and apply_fixes: what --fix writes with (see fixer_test.cpp).

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "copydesk/fixes.hpp"
#include "copydesk/safe_write.hpp"
#include "golden.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

class SafeWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("copydesk-write-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path dir_;
};

TEST_F(SafeWrite, ReplacesTheContentAndLeavesNoTemporaryFile) {
  const fs::path path = dir_ / "article.txt";
  write_file(path, "The old text, rather longer than the new one.\n");
  write_file_atomically(path, "New text.\n");
  EXPECT_EQ(read_file(path), "New text.\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"article.txt"});
}

TEST_F(SafeWrite, KeepsThePermissions) {
  const fs::path path = dir_ / "article.txt";
  write_file(path, "old\n");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_file_atomically(path, "new\n");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::permissions(path, fs::perms::owner_all | fs::perms::others_exec);
  write_file_atomically(path, "newer\n");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_all | fs::perms::others_exec);
}

TEST_F(SafeWrite, CreatesAMissingFileAndWritesEmptyContent) {
  const fs::path path = dir_ / "fresh.txt";
  write_file_atomically(path, "");
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(read_file(path), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"fresh.txt"});
}

TEST_F(SafeWrite, ASecondIdenticalWriteChangesNothing) {
  const fs::path path = dir_ / "article.txt";
  write_file(path, "old\n");
  write_file_atomically(path, "same\n");
  write_file_atomically(path, "same\n");
  EXPECT_EQ(read_file(path), "same\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"article.txt"});
}

TEST_F(SafeWrite, WritesThroughASymlinkToItsTarget) {
  const fs::path target = dir_ / "target.txt";
  write_file(target, "old\n");
  fs::create_symlink("target.txt", dir_ / "link.txt");
  write_file_atomically(dir_ / "link.txt", "new\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
  EXPECT_EQ(read_file(target), "new\n");
}

TEST_F(SafeWrite, FailsInAReadOnlyDirectoryNamingThePathAndKeepingTheOriginal) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can write into a read-only directory";
  const fs::path path = dir_ / "article.txt";
  write_file(path, "old\n");
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  try {
    write_file_atomically(path, "new\n");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("Permission denied"), std::string::npos)
        << error.what();
  }
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
  EXPECT_EQ(read_file(path), "old\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"article.txt"});
}

TEST_F(SafeWrite, FailsOnAMissingDirectoryAndOnADirectory) {
  EXPECT_THROW(write_file_atomically(dir_ / "no" / "such.txt", "x"), std::runtime_error);
  fs::create_directories(dir_ / "sub");
  EXPECT_THROW(write_file_atomically(dir_ / "sub", "x"), std::runtime_error);
  EXPECT_TRUE(fs::is_directory(dir_ / "sub"));
  EXPECT_EQ(entries(), std::vector<std::string>{"sub"});
}

Edit edit(std::uint32_t begin, std::uint32_t end, std::string replacement) {
  return Edit{Span{begin, end}, std::move(replacement)};
}

TEST(ApplyFixes, AppliesEditsInAnyOrder) {
  //                       0123456789012345678
  const std::string text = "the the cat sat,on";
  std::size_t skipped = 99;
  EXPECT_EQ(apply_fixes(text, {edit(16, 16, " "), edit(0, 4, "")}, &skipped), "the cat sat, on");
  EXPECT_EQ(skipped, 0u);
  EXPECT_EQ(apply_fixes(text, {}), text);
  EXPECT_EQ(apply_fixes(text, {edit(8, 11, "dog"), edit(12, 15, "ran")}), "the the dog ran,on");
}

TEST(ApplyFixes, SkipsOverlappingAndOutOfRangeEdits) {
  const std::string text = "abcdefgh";
  std::size_t skipped = 0;
  EXPECT_EQ(apply_fixes(text, {edit(1, 4, "X"), edit(3, 6, "Y")}, &skipped), "aXefgh");
  EXPECT_EQ(skipped, 1u);
  EXPECT_EQ(apply_fixes(text, {edit(2, 2, "1"), edit(2, 2, "2")}, &skipped), "ab1cdefgh");
  EXPECT_EQ(skipped, 1u);
  EXPECT_EQ(apply_fixes(text, {edit(6, 20, "Z"), edit(5, 3, "Q")}, &skipped), text);
  EXPECT_EQ(skipped, 2u);
  // An insertion inside a replaced span conflicts; one at its edges does not.
  EXPECT_EQ(apply_fixes(text, {edit(1, 4, "X"), edit(2, 2, "I")}, &skipped), "aXefgh");
  EXPECT_EQ(skipped, 1u);
  EXPECT_EQ(apply_fixes(text, {edit(1, 4, "X"), edit(4, 4, "I")}, &skipped), "aXIefgh");
  EXPECT_EQ(skipped, 0u);
}

TEST(ApplyFixes, SafeFixEditsTakesWholeSafeFixesOnly) {
  Diagnostic safe;
  safe.fix = Fix{"Remove", {edit(0, 4, "")}, true};
  Diagnostic unsafe;
  unsafe.fix = Fix{"Guess", {edit(8, 11, "dog")}, false};
  Diagnostic clashing;
  clashing.fix = Fix{"Both", {edit(12, 13, "S"), edit(2, 5, "")}, true};
  Diagnostic none;
  const auto edits = safe_fix_edits({safe, unsafe, clashing, none});
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0], edit(0, 4, ""));
}

// Linting the result of the safe fixes and fixing again changes nothing more.
TEST(ApplyFixes, ApplyingTheSafeFixesOfADocumentTwiceIsIdempotent) {
  const fs::path root(COPYDESK_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const auto* directory : {"examples", "tests/corpus/documents"}) {
    for (const auto& entry : fs::directory_iterator(root / directory)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  files.push_back("");  // and a text written here with several fixable errors
  int fixed_somewhere = 0;
  for (const auto& file : files) {
    const std::string original =
        file.empty() ? "The the council met on Monday.It approved the  budget,and left.\n"
                     : read_file(file);
    const Engine& engine = engine_for("en_US");
    const FileResult first = engine.lint_text("a.txt", original);
    const std::string once = apply_fixes(original, safe_fix_edits(first.diagnostics));
    if (once != original) ++fixed_somewhere;
    const FileResult second = engine.lint_text("a.txt", once);
    ASSERT_FALSE(second.error) << file;
    const std::string twice = apply_fixes(once, safe_fix_edits(second.diagnostics));
    EXPECT_EQ(twice, once) << "fixes of " << file << " are not idempotent";
  }
  EXPECT_GT(fixed_somewhere, 0) << "no safe fix was exercised";
}

}  // namespace
}  // namespace copydesk::testing
