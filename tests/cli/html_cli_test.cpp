// HTML end to end: found by the directory walk, read from standard input by its name, and
// reported at its place in the page.

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

using HtmlCli = CliFixture;

constexpr std::string_view kPage =
    "<!DOCTYPE html>\n<html><head><title>Teh page</title></head>\n"
    "<body><nav><a href=\"/\">home</a></nav>\n"
    "<p>The mayor said it was a error &mdash; then left.</p>\n"
    "<script>var teh = 1;</script></body></html>\n";

TEST_F(HtmlCli, DirectoriesAreSearchedForHtmlAndHtmPages) {
  file("site/index.html", kPage);
  file("site/old/PAGE.HTM", kPage);
  const Outcome run = this->run("site");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out,
            "site/index.html:4:26: error: Use `an` before `error`. [wrong-indefinite-article]\n"
            "  <p>The mayor said it was a error &mdash; then left.</p>\n"
            "                           ^\n"
            "  suggestion: an\n"
            "site/old/PAGE.HTM:4:26: error: Use `an` before `error`. [wrong-indefinite-article]\n"
            "  <p>The mayor said it was a error &mdash; then left.</p>\n"
            "                           ^\n"
            "  suggestion: an\n"
            "2 problems (2 errors, 0 warnings, 0 infos) in 2 files\n");
}

TEST_F(HtmlCli, StandardInputIsHtmlByItsName) {
  const Outcome html = run("--stdin-filename page.html --format jsonl -", std::string(kPage));
  EXPECT_EQ(html.exit_code, 1) << html.err;
  EXPECT_NE(html.out.find("\"path\":\"page.html\",\"rule\":\"wrong-indefinite-article\""),
            std::string::npos)
      << html.out;
  EXPECT_NE(html.out.find("\"start\":{\"line\":4,\"column\":26,\"offset\":122,\"utf16\":25}"),
            std::string::npos)
      << html.out;
  EXPECT_EQ(html.out.find("teh"), std::string::npos) << html.out;
  // Without the name the page is plain text, and its markup is flagged.
  const Outcome text = run("--format jsonl -", std::string(kPage));
  EXPECT_NE(text.out.find("\"text\":\"teh\""), std::string::npos) << text.out;
}

TEST_F(HtmlCli, FixRewritesOnlyTheProseOfThePage) {
  file("page.html", kPage);
  const Outcome run = this->run("--fix page.html");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  std::string fixed(kPage);
  fixed.replace(fixed.find("a error"), 1, "an");
  EXPECT_EQ(read_file(dir_ / "page.html"), fixed);
}

}  // namespace
}  // namespace copydesk::testing
