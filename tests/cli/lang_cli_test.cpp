// --lang with every English Hunspell dictionary Debian packages (make deps installs them all),
// and a clear message naming the Debian package for one that is missing.

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

using Lang = CliFixture;

TEST_F(Lang, EveryEnglishVariantDebianPackagesWorks) {
  file("story.txt", "The colour of the harbour is grey. It was a error.\n");
  for (const char* language : {"en_US", "en_GB", "en_AU", "en_CA", "en_ZA"}) {
    const Outcome run = this->run(std::string("--lang ") + language + " --format jsonl story.txt");
    EXPECT_EQ(run.exit_code, 1) << language << ": " << run.err;
    EXPECT_EQ(run.err, "") << language;
    EXPECT_NE(run.out.find("\"rule\":\"wrong-indefinite-article\""), std::string::npos)
        << language << ": " << run.out;
  }
  // Under the Commonwealth dictionaries the British spellings are no finding.
  for (const char* language : {"en_GB", "en_AU", "en_CA", "en_ZA"}) {
    const Outcome run = this->run(std::string("--lang ") + language + " --format jsonl story.txt");
    EXPECT_EQ(run.out.find("\"text\":\"colour\""), std::string::npos) << language << run.out;
    EXPECT_EQ(run.out.find("\"text\":\"harbour\""), std::string::npos) << language << run.out;
  }
}

TEST_F(Lang, AMissingDictionaryNamesTheDebianPackage) {
  file("story.txt", "The report is ready.\n");
  const Outcome run = this->run("--lang en_NZ story.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no Hunspell dictionary named 'en_NZ'; available: "), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("en_AU, en_CA, en_GB, en_US, en_ZA"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("; on Debian, if it is packaged: apt-get install hunspell-en-nz"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace copydesk::testing
