// LICENSE and NOTICE travel in the Debian package's copyright file: a data file added to the
// tree without its source and licence in NOTICE would ship unattributed, so this test names
// every data file that the binary embeds or the tests carry and looks for it in NOTICE.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "golden.hpp"

namespace copydesk::testing {
namespace {

const std::filesystem::path kSource = COPYDESK_SOURCE_DIR;

TEST(Notice, LicenseIsTheApacheLicenceInFull) {
  const std::string licence = read_file(kSource / "LICENSE");
  EXPECT_NE(licence.find("Apache License\n                           Version 2.0, January 2004"),
            std::string::npos);
  EXPECT_NE(licence.find("END OF TERMS AND CONDITIONS"), std::string::npos);
  EXPECT_NE(licence.find("APPENDIX: How to apply the Apache License to your work."),
            std::string::npos);
}

TEST(Notice, NamesEveryModelSchemaAndDerivedList) {
  const std::string notice = read_file(kSource / "NOTICE");
  ASSERT_NE(notice.find("Apache License, Version 2.0"), std::string::npos);
  std::vector<std::string> names = {"dictionaries/word-frequencies.txt", "cmake/word_tables.cmake",
                                    "WordNet"};
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "dictionaries/models")) {
    names.push_back("dictionaries/models/" + entry.path().filename().string());
  }
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "tests/corpus/schemas")) {
    if (entry.path().extension() == ".json") {
      names.push_back("tests/corpus/schemas/" + entry.path().filename().string());
    }
  }
  EXPECT_GE(names.size(), 6u) << "the models or the SARIF schema went missing";
  for (const auto& name : names) EXPECT_NE(notice.find(name), std::string::npos) << name;
}

}  // namespace
}  // namespace copydesk::testing
