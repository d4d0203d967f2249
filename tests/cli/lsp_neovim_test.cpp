// The language server in a real editor: Neovim's built-in LSP client (Debian's neovim, run
// headless) starts `copydesk lsp`, shows the findings of an article with an emoji on one line,
// and applies a quick fix. A machine without nvim fails this test: `make deps` installs it.

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

using Json = nlohmann::json;

class LspNeovimTest : public CliFixture {};

TEST_F(LspNeovimTest, ShowsDiagnosticsAndAppliesAQuickFix) {
  ASSERT_EQ(std::system("command -v nvim > /dev/null"), 0)
      << "nvim not found: install Debian's neovim (make deps)";
  const auto article = file("harbour.txt",
                            "The council met on Tuesday.\n"
                            "The ferry \xF0\x9F\x9A\xA2 leaves at noon,once the tide turns.\n"
                            "It was a intentional delay.\n");
  const std::string command =
      "cd '" + dir_.string() + "' && COPYDESK_BIN='" COPYDESK_BINARY "' ARTICLE='" +
      article.string() +
      "' RESULT=result.json FIX_LINE=1 timeout 120 nvim --headless -u NONE "
      "-i NONE -n -c 'luafile " COPYDESK_SOURCE_DIR "/tests/cli/lsp_neovim.lua' > nvim.out 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_file(dir_ / "nvim.out");
  const Json result = Json::parse(read_file(dir_ / "result.json"));

  EXPECT_EQ(result["encoding"], "utf-16");
  // Neovim turns the server's UTF-16 columns into byte columns: the comma after the four-byte
  // emoji is at byte 29 (UTF-16 column 27).
  const Json expected = Json::parse(R"([
    {"lnum": 1, "col": 29, "end_lnum": 1, "end_col": 30, "severity": 1, "source": "copydesk",
     "code": "missing-space-after-punctuation", "message": "Add a space after `,`."},
    {"lnum": 2, "col": 7, "end_lnum": 2, "end_col": 8, "severity": 1, "source": "copydesk",
     "code": "wrong-indefinite-article", "message": "Use `an` before `intentional`."}
  ])");
  EXPECT_EQ(result["diagnostics"], expected);
  EXPECT_EQ(result["applied"], "Insert a space");
  EXPECT_EQ(result["after"], Json::array({expected[1]}));
  EXPECT_EQ(result["lines"][1], "The ferry \xF0\x9F\x9A\xA2 leaves at noon, once the tide turns.");
  EXPECT_EQ(result["lines"][2], "It was a intentional delay.");
}

}  // namespace
}  // namespace copydesk::testing
