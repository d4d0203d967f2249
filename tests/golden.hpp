#pragma once

// Golden files: expected output kept in tests/corpus/. Set COPYDESK_UPDATE_GOLDEN=1 to rewrite
// them from the current output (then review the diff before committing).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace copydesk::testing {

inline std::filesystem::path corpus_path(const std::string& relative) {
  return std::filesystem::path(COPYDESK_SOURCE_DIR) / "tests" / "corpus" / relative;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

inline void expect_golden(const std::string& relative, const std::string& actual) {
  const auto path = corpus_path(relative);
  if (const char* update = std::getenv("COPYDESK_UPDATE_GOLDEN"); update && *update == '1') {
    write_file(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run the tests with COPYDESK_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, read_file(path)) << "output differs from " << path;
}

}  // namespace copydesk::testing
