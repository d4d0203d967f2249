// Inputs and outputs that are not ordinary files: devices, a closed or unreadable standard
// input, an output that cannot be written, and files that are not what they seem (issue #22).

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

class Reliability : public CliFixture {
 protected:
  // Runs the binary in the temporary directory with `arguments`, redirections included (shell
  // syntax): run() would read standard input from a file of its own.
  // `folder`: where it runs, under the temporary directory.
  Outcome shell(const std::string& arguments, const std::string& folder = ".") {
    return run_in(dir_ / folder, arguments);
  }
};

TEST_F(Reliability, DevicesThatNeverEndAreBinaryInputs) {
  file("clean.txt", "The council met on Monday.\n");
  for (const std::string device : {"/dev/zero", "/dev/urandom"}) {
    ASSERT_TRUE(std::filesystem::exists(device));
    const Outcome named = shell(device + " clean.txt");
    EXPECT_EQ(named.exit_code, 2) << named.err;
    EXPECT_NE(named.err.find("copydesk: error: " + device + ": binary file (contains NUL bytes"),
              std::string::npos)
        << named.err;
    const Outcome piped = shell("- < " + device);
    EXPECT_EQ(piped.exit_code, 2) << piped.err;
    EXPECT_NE(piped.err.find("copydesk: error: <stdin>: binary file"), std::string::npos)
        << piped.err;
    const Outcome baseline = shell("--baseline " + device + " clean.txt");
    EXPECT_EQ(baseline.exit_code, 2) << baseline.err;
    EXPECT_NE(baseline.err.find("baseline file '" + device + "' is not valid JSON: NUL byte"),
              std::string::npos)
        << baseline.err;
  }
  // The other file is still linted when a device is named with it.
  EXPECT_EQ(shell("/dev/zero clean.txt").out, "");
  file("typo.txt", "The council met teh mayor.\n");
  EXPECT_NE(shell("/dev/zero typo.txt").out.find("typo.txt:1:17"), std::string::npos);
}

TEST_F(Reliability, AStandardInputThatCannotBeReadIsAnInputError) {
  const Outcome closed = shell("- <&-");
  EXPECT_EQ(closed.exit_code, 2);
  EXPECT_EQ(closed.err, "copydesk: error: <stdin>: standard input is closed\n");
  std::filesystem::create_directory(dir_ / "folder");
  const Outcome folder = shell("- < folder");
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, "copydesk: error: <stdin>: standard input is a directory\n");
  // A closed standard input does not hand descriptor 0 to a file opened later.
  file("typo.txt", "The council met teh mayor.\n");
  const Outcome with_file = shell("typo.txt - <&-");
  EXPECT_EQ(with_file.exit_code, 2);
  EXPECT_NE(with_file.out.find("typo.txt:1:17"), std::string::npos) << with_file.out;
  EXPECT_EQ(with_file.out.find("<stdin>:"), std::string::npos) << with_file.out;
  // Empty standard input is no error.
  EXPECT_EQ(shell("- < /dev/null").exit_code, 0);
}

TEST_F(Reliability, InfoCommandsWhoseOutputIsLostFail) {
  ASSERT_TRUE(std::filesystem::exists("/dev/full"));
  file("a.txt", "The council met.\n");
  for (const std::string command :
       {"--print-config a.txt", "--list-rules", "--explain repeated-word", "--help", "--version"}) {
    const int status = std::system(("cd '" + dir_.string() + "' && '" COPYDESK_BINARY "' " +
                                    command + " > /dev/full 2> .stderr")
                                       .c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << command;
    EXPECT_EQ(read_file(dir_ / ".stderr"), "copydesk: error: cannot write to standard output\n")
        << command;
    EXPECT_EQ(shell(command).exit_code, 0) << command;
  }
}

TEST_F(Reliability, AByteOrderMarkInAWordListIsNoPartOfItsFirstWord) {
  file("words.txt", "\xEF\xBB\xBFzorblax\nquuxify\n");
  file("a.txt", "The zorblax and quuxify met teh mayor.\n");
  const Outcome words = shell("--format github --words words.txt a.txt");
  EXPECT_EQ(words.exit_code, 1) << words.err;
  EXPECT_EQ(words.out,
            "::error file=a.txt,line=1,col=29,endLine=1,endColumn=32,title=misspelled-word::"
            "`teh` is not in the dictionary.\n");
  file("copydesk.toml", "[words]\naccept-files = [\"words.txt\"]\n");
  const Outcome config = shell("--format github a.txt");
  EXPECT_EQ(config.out, words.out) << config.err;
}

TEST_F(Reliability, BaselineErrorsNameTheFileAndTheProblem) {
  file("a.txt", "The council met.\n");
  std::filesystem::create_directory(dir_ / "folder");
  const Outcome folder = shell("--baseline folder a.txt");
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, "copydesk: baseline file 'folder' is a directory\n");
  file("huge.json",
       "{\"version\": 1, \"findings\": [{\"rule\": \"repeated-word\", \"path\": \"a.txt\", "
       "\"text\": \"the\", \"context\": \"the the\", \"count\": 1e400}]}\n");
  const Outcome huge = shell("--baseline huge.json a.txt");
  EXPECT_EQ(huge.exit_code, 2);
  EXPECT_EQ(huge.err,
            "copydesk: baseline file 'huge.json' is not valid JSON: number overflow parsing "
            "'1e400'\n");
}

// `text` (ASCII) in UTF-16, little- or big-endian.
std::string utf16(std::string_view text, bool little_endian) {
  std::string out;
  for (const char c : text) {
    out += little_endian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

TEST_F(Reliability, Utf16FilesAreInputErrorsThatSayHowToConvert) {
  const std::string text = "The council met teh mayor.\n";
  file("docs/le.txt", "\xFF\xFE" + utf16(text, true));
  file("docs/be.txt", utf16(text, false));  // no byte-order mark
  file("docs/ok.txt", text);
  const Outcome walk = shell("docs");
  EXPECT_EQ(walk.exit_code, 2);
  for (const std::string name : {"le", "be"}) {
    const std::string order = name == "le" ? "little-endian" : "big-endian";
    EXPECT_NE(walk.err.find("copydesk: error: docs/" + name + ".txt: UTF-16 text (" + order +
                            "), not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8\n"),
              std::string::npos)
        << walk.err;
  }
  EXPECT_NE(walk.out.find("docs/ok.txt:1:17"), std::string::npos) << walk.out;
  // Text with NUL bytes that is not UTF-16 is still a binary file, skipped in a walk.
  std::filesystem::remove_all(dir_ / "docs");
  file("docs/data.txt", std::string("\x01\x02\0\0\x05"
                                    "abc",
                                    8));
  file("docs/ok.txt", text);
  const Outcome binary = shell("docs");
  EXPECT_EQ(binary.exit_code, 1) << binary.err;
  EXPECT_EQ(binary.err,
            "copydesk: note: docs/data.txt: binary file (contains NUL bytes), skipped\n");
}

TEST_F(Reliability, ControlsFromTheTextAndFileNamesAreShownNotObeyed) {
  // An ESC sequence that would clear the screen, and a right-to-left override.
  file("esc.txt", "\x1b[2J The council met teh mayor.\xE2\x80\xAE\n");
  const Outcome text = shell("esc.txt");
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_EQ(text.out,
            "esc.txt:1:22: error: `teh` is not in the dictionary. [misspelled-word]\n"
            "  \xE2\x90\x9B[2J The council met teh mayor.\xEF\xBF\xBD\n"
            "                       ^~~\n"
            "  suggestion: the, ten, tech, tea, Th\n"
            "1 problem (1 error, 0 warnings, 0 infos) in 1 file\n");
  file("a\x1b]0;pwned\x07.txt", "The council met teh mayor.\n");
  const Outcome github = shell("--format github a*.txt");
  EXPECT_EQ(github.out,
            "::error file=a\xE2\x90\x9B]0;pwned\xE2\x90\x87.txt,line=1,col=17,endLine=1,"
            "endColumn=20,title=misspelled-word::`teh` is not in the dictionary.\n");
}

TEST_F(Reliability, ControlsInTheNameOfAFileThatCannotBeLintedAreShownNotObeyed) {
  file("b\x1b[2J.txt", std::string("a\0b", 3));
  const Outcome binary = shell("b*.txt");
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_EQ(binary.err,
            "copydesk: error: b\xE2\x90\x9B[2J.txt: binary file (contains NUL bytes at byte 1)\n");
}

TEST_F(Reliability, ASymbolicLinkOutOfTheFolderIsNotWrittenThrough) {
  file("a.txt", "The council met teh mayor.\n");
  file("outside.json", "old\n");
  file("repo/baselines/inside.json", "old\n");
  std::filesystem::create_symlink("../outside.json", dir_ / "repo/out.json");
  std::filesystem::create_symlink("baselines/inside.json", dir_ / "repo/in.json");
  const Outcome refused = shell("baseline write repo/out.json a.txt");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("repo/out.json: a symbolic link to "), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("outside.json, outside "), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("(--follow-symlinks allows it)"), std::string::npos) << refused.err;
  EXPECT_EQ(read_file(dir_ / "outside.json"), "old\n");
  // Inside the folder, the file the link points to is replaced and the link stays.
  const Outcome inside = shell("baseline write repo/in.json a.txt");
  EXPECT_EQ(inside.exit_code, 0) << inside.err;
  EXPECT_TRUE(std::filesystem::is_symlink(dir_ / "repo/in.json"));
  EXPECT_NE(read_file(dir_ / "repo/baselines/inside.json").find("\"teh\""), std::string::npos);
  // The flag allows it.
  const Outcome allowed = shell("baseline write --follow-symlinks repo/out.json a.txt");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(read_file(dir_ / "outside.json").find("\"teh\""), std::string::npos);
  // init --force likewise.
  file("outside.toml", "# mine\n");
  std::filesystem::create_symlink("../outside.toml", dir_ / "repo/copydesk.toml");
  const Outcome init = shell("init --force", "repo");
  EXPECT_EQ(init.exit_code, 2);
  EXPECT_NE(init.err.find("copydesk.toml: a symbolic link to "), std::string::npos) << init.err;
  EXPECT_EQ(read_file(dir_ / "outside.toml"), "# mine\n");
  EXPECT_EQ(shell("init --force --follow-symlinks", "repo").exit_code, 0);
  EXPECT_NE(read_file(dir_ / "outside.toml"), "# mine\n");
}

}  // namespace
}  // namespace copydesk::testing
