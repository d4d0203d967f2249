// Files over a few megabytes are read and linted as a stream, keeping only the lines around the
// findings. Every report must be exactly what linting the whole text in memory gives.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "copydesk/baseline.hpp"
#include "copydesk/formatter.hpp"
#include "copydesk/html.hpp"
#include "copydesk/input.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/markup_pieces.hpp"
#include "copydesk/text.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

// About `bytes` of text with findings scattered through it: multi-byte characters before them
// on their lines, CRLF and lone-CR line endings, a byte-order mark, a finding that spans a line
// break, long lines and long runs without a blank line.
std::string large_article(std::size_t bytes) {
  std::string text = "\xEF\xBB\xBF";
  const std::string paragraphs[] = {
      "The council met on Monday. It approved a budget for the new year.\n\n",
      "Caf\xC3\xA9 owners in \xED\x95\x9C\xEA\xB5\xAD \xF0\x9F\x98\x80 said teh prices "
      "rose.\r\n\r\n",
      "The harbor board said the the ferry would run.\rIt will sail at noon.\r\r",
      "Residents asked for a early meeting,and the mayor agreed. this was\nthe\nthe first step.\n",
      "The report runs to many pages without a break and it names a budget for each school and "
      "each road in the county in turn. ",
      // Where files with byte-order marks were joined, U+FEFF starts a line and takes a column.
      "\xEF\xBB\xBFThe joined file said teh ferry was late.\n\n",
  };
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    text += paragraphs[(i * 7 + i / 5) % std::size(paragraphs)];
    if (i % 997 == 0) text += std::string(3000, 'x') + " a long token.\n\n";
  }
  return text;
}

std::string report(Format format, const FileResult& result) {
  std::ostringstream out;
  FormatOptions options;
  options.version = "test";
  const auto formatter = make_formatter(format, out, options);
  Summary summary;
  count_into(summary, result);
  formatter->begin();
  formatter->file(result);
  formatter->end(summary);
  return out.str();
}

class Streaming : public CliFixture {};

TEST_F(Streaming, ReportsWhatLintingTheWholeTextGives) {
  const std::string text = large_article(4'600'000);
  const std::filesystem::path path = file("large.txt", text);
  const Engine& engine = engine_for("en_US");
  Input input;
  input.display_path = "large.txt";
  input.path = path;
  const FileResult streamed = lint_input(engine, input);
  const FileResult whole = engine.lint_text("large.txt", text);
  ASSERT_FALSE(streamed.error) << *streamed.error;
  EXPECT_TRUE(streamed.text.empty());
  EXPECT_FALSE(streamed.excerpts.empty());
  EXPECT_LT(streamed.excerpts.size(), streamed.diagnostics.size());  // lines shared by findings
  ASSERT_GT(whole.diagnostics.size(), 1000u);
  ASSERT_EQ(streamed.diagnostics.size(), whole.diagnostics.size());
  for (const Format format : {Format::Text, Format::Json, Format::Sarif, Format::Github,
                              Format::Junit, Format::Checkstyle}) {
    EXPECT_EQ(report(format, streamed), report(format, whole)) << static_cast<int>(format);
  }
  Baseline from_stream, from_whole;
  from_stream.record(streamed);
  from_whole.record(whole);
  EXPECT_EQ(from_stream.to_json(), from_whole.to_json());
}

// `parts` written by one formatter, as lint_all hands them out: the report of one file.
std::string report_parts(Format format, const std::vector<FileResult>& parts) {
  std::ostringstream out;
  FormatOptions options;
  options.version = "test";
  const auto formatter = make_formatter(format, out, options);
  Summary summary;
  formatter->begin();
  for (const FileResult& part : parts) {
    count_into(summary, part);
    formatter->file(part);
  }
  formatter->end(summary);
  return out.str();
}

TEST_F(Streaming, PartsHandedOutAsFoundGiveTheReportOfTheWholeText) {
  // Findings in every piece: each piece's findings are handed out as a part of the file as soon
  // as the piece is linted, and every format joins the parts into the report of the whole.
  const std::string text = large_article(5'000'000);
  const std::filesystem::path path = file("large.txt", text);
  const Engine& engine = engine_for("en_US");
  Input input;
  input.display_path = "large.txt";
  input.path = path;
  ASSERT_TRUE(streams_in_parts(input));
  std::vector<FileResult> parts;
  lint_input(engine, input, [&](FileResult&& part) { parts.push_back(std::move(part)); });
  ASSERT_GE(parts.size(), 4u);
  EXPECT_EQ(parts.front().part, FilePart::First);
  EXPECT_EQ(parts.back().part, FilePart::Last);
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    EXPECT_EQ(parts[i].part, FilePart::Middle);
    EXPECT_FALSE(parts[i].diagnostics.empty()) << i;
    EXPECT_FALSE(parts[i].excerpts.empty()) << i;
    EXPECT_GT(parts[i].diagnostics.front().span.begin, parts[i - 1].diagnostics.back().span.begin);
  }
  const FileResult whole = engine.lint_text("large.txt", text);
  Summary from_parts, from_whole;
  for (const FileResult& part : parts) count_into(from_parts, part);
  count_into(from_whole, whole);
  EXPECT_EQ(from_parts.files, 1u);
  EXPECT_EQ(from_parts.diagnostics(), from_whole.diagnostics());
  EXPECT_EQ(from_parts.errors, from_whole.errors);
  for (const Format format : {Format::Text, Format::Json, Format::Jsonl, Format::Sarif,
                              Format::Github, Format::Junit, Format::Checkstyle}) {
    EXPECT_EQ(report_parts(format, parts), report(format, whole)) << static_cast<int>(format);
  }
  const auto json = nlohmann::json::parse(report_parts(Format::Json, parts));
  EXPECT_EQ(json["files"].size(), 1u);
  EXPECT_EQ(json["files"][0]["diagnostics"].size(), whole.diagnostics.size());
  Baseline from_stream, from_text;
  for (const FileResult& part : parts) from_stream.record(part);
  from_text.record(whole);
  EXPECT_EQ(from_stream.to_json(), from_text.to_json());
}

TEST_F(Streaming, EveryFormatReportsALargeFileAsStandardInputGivesIt) {
  // The file is streamed and handed out in parts; standard input is read and linted whole.
  // Between two small files, and with several threads, so that the parts wait their turn.
  const std::string text = large_article(2'500'000);
  file("b-large.txt", text);
  file("a.txt", "Teh first file.\n");
  file("c.txt", "The last file has teh end.\n");
  for (const std::string format :
       {"text", "json", "jsonl", "sarif", "github", "junit", "checkstyle"}) {
    const Outcome piped = run("--format " + format + " --stdin-filename b-large.txt -", text);
    const Outcome named = run("--format " + format + " --jobs 3 b-large.txt");
    EXPECT_EQ(piped.exit_code, 1) << piped.err;
    EXPECT_EQ(named.exit_code, 1) << named.err;
    EXPECT_EQ(named.err, "");
    EXPECT_EQ(named.out, piped.out) << format;
    if (format == "json" || format == "sarif") {
      EXPECT_TRUE(nlohmann::json::accept(named.out)) << format;
    }
    // Three files in input order, whatever the threads.
    const Outcome one = run("--format " + format + " --jobs 1 a.txt b-large.txt c.txt");
    const Outcome many = run("--format " + format + " --jobs 4 a.txt b-large.txt c.txt");
    EXPECT_EQ(one.out, many.out) << format;
    const std::size_t first = one.out.find("a.txt");
    const std::size_t large = one.out.find("b-large.txt");
    const std::size_t last = one.out.rfind("c.txt");
    EXPECT_TRUE(first < large && large < last) << format;
    if (format == "json") {
      const auto json = nlohmann::json::parse(many.out);
      ASSERT_EQ(json["files"].size(), 3u);
      EXPECT_EQ(json["files"][1]["path"], "b-large.txt");
      EXPECT_EQ(json["summary"]["files"], 3);
    }
  }
}

// Streamed and whole-text reports of `text` in the JSON Lines format.
std::pair<std::string, std::string> both_reports(const std::filesystem::path& path,
                                                 const std::string& text) {
  const Engine& engine = engine_for("en_US");
  Input input;
  input.display_path = "a.txt";
  input.path = path;
  return {report(Format::Jsonl, lint_input(engine, input)),
          report(Format::Jsonl, engine.lint_text("a.txt", text))};
}

TEST_F(Streaming, PiecesOfTextWithoutBlankLinesDoNotStartSentences) {
  // Old Mac line endings (a blank line is "\r\r") and hard-wrapped text with no blank line at
  // all: pieces end at a line break mid-sentence, and the line after is no sentence start.
  for (const std::string line_break : {"\r", "\n"}) {
    std::string text;
    while (text.size() < 4'600'000) {
      text += "The council met on Monday and" + line_break + "approved a budget for the year." +
              line_break + (line_break == "\r" ? line_break : "");
    }
    const auto path = file("wrapped.txt", text);
    const auto [streamed, whole] = both_reports(path, text);
    EXPECT_EQ(streamed, whole);
    EXPECT_EQ(streamed, "") << streamed.substr(0, 300);
  }
}

TEST_F(Streaming, InvalidUtf8WithoutLeadBytesIsAnErrorNotAHang) {
  for (const std::string start : {"", "a"}) {
    file("bad.txt", start + std::string(5 << 20, '\x80'));
    const Outcome run = this->run("bad.txt");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "copydesk: error: bad.txt: invalid UTF-8 at byte " +
                           std::to_string(start.size()) + "\n");
  }
}

TEST_F(Streaming, ALargeFileFromAPipeWithADirectiveIsLintedWhole) {
  // A pipe cannot be read again when a directive turns up: pipes are never streamed.
  const std::string text =
      "copydesk-disable repeated-word\n" + large_article(4'600'000) + "\ncopydesk-enable\n";
  file("directives.txt", text);
  ASSERT_EQ(std::system(("mkfifo '" + (dir_ / "pipe.txt").string() + "'").c_str()), 0);
  const std::string command = "cd '" + dir_.string() +
                              "' && (cat directives.txt > pipe.txt &) && '" COPYDESK_BINARY
                              "' --format jsonl pipe.txt > .stdout 2> .stderr";
  const int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << read_file(dir_ / ".stderr");
  EXPECT_EQ(read_file(dir_ / ".stderr"), "");
  const std::string out = read_file(dir_ / ".stdout");
  EXPECT_NE(out.find("\"rule\":\"misspelled-word\""), std::string::npos);
  EXPECT_EQ(out.find("\"rule\":\"repeated-word\""), std::string::npos);
}

TEST_F(Streaming, AnInvalidByteLateInTheFileIsAnErrorAtItsOffsetWithNoFindings) {
  std::string text = large_article(4'600'000);
  const std::size_t bad = text.size() - 10;
  text[bad] = '\xFF';
  file("late.txt", text);
  const Outcome run = this->run("late.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("late.txt: invalid UTF-8 at byte " + std::to_string(bad)),
            std::string::npos)
      << run.err;
}

TEST_F(Streaming, ANulByteLateInTheFileMakesItBinary) {
  std::string text = large_article(4'600'000);
  text[text.size() - 100] = '\0';
  file("late-nul.txt", text);
  const Outcome run = this->run("late-nul.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("late-nul.txt: binary file (contains NUL bytes at byte " +
                         std::to_string(text.size() - 100) + ")"),
            std::string::npos)
      << run.err;
}

TEST_F(Streaming, AFileWithDirectivesIsLintedWholeSoTheyActOnAllOfIt) {
  // A directive may cover the whole file, so a file that has one is linted whole, not streamed.
  const std::string text = large_article(4'600'000) + "\n\ncopydesk-enable repeated-word\n";
  file("directives.txt", "copydesk-disable repeated-word\n" + text);
  const Outcome run = this->run("--format jsonl directives.txt");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out.find("\"rule\":\"repeated-word\""), std::string::npos);
  EXPECT_NE(run.out.find("\"rule\":\"misspelled-word\""), std::string::npos);
  EXPECT_EQ(run.out.find("\"rule\":\"unused-suppression\""), std::string::npos);
}

TEST_F(Streaming, StandardInputGivesTheSameReport) {
  const std::string text = large_article(4'600'000);
  file("copy.txt", text);
  const Outcome piped = run("--format jsonl -", text);
  const Outcome named = run("--format jsonl copy.txt");
  EXPECT_EQ(piped.exit_code, 1) << piped.err;
  // Built in one pass: replacing in place moves the rest of the report at every finding.
  std::string expected;
  const std::string_view named_path = "\"copy.txt\"";
  std::size_t copied = 0;
  for (std::size_t at = named.out.find(named_path); at != std::string::npos;
       at = named.out.find(named_path, copied)) {
    expected.append(named.out, copied, at - copied).append("\"<stdin>\"");
    copied = at + named_path.size();
  }
  expected.append(named.out, copied);
  ASSERT_NE(expected, named.out);
  EXPECT_EQ(piped.out, expected);
}

// Lints `text` from the file `path` as a stream and whole, and expects the same reports in
// every format and the same baseline; gives the streamed result.
FileResult expect_same_reports(const std::filesystem::path& path, const std::string& text) {
  const Engine& engine = engine_for("en_US");
  Input input;
  input.display_path = "a.txt";
  input.path = path;
  FileResult streamed = lint_input(engine, input);
  const FileResult whole = engine.lint_text("a.txt", text);
  EXPECT_FALSE(streamed.error) << *streamed.error;
  EXPECT_TRUE(streamed.text.empty());  // it was streamed
  EXPECT_EQ(streamed.diagnostics.size(), whole.diagnostics.size());
  for (const Format format : {Format::Text, Format::Json, Format::Jsonl, Format::Sarif,
                              Format::Github, Format::Junit, Format::Checkstyle}) {
    EXPECT_EQ(report(format, streamed), report(format, whole)) << static_cast<int>(format);
  }
  Baseline from_stream, from_whole;
  from_stream.record(streamed);
  from_whole.record(whole);
  EXPECT_EQ(from_stream.to_json(), from_whole.to_json());
  return streamed;
}

TEST_F(Streaming, ALineLongerThanAPieceHasTheColumnsOfItsLine) {
  // One line of 5 MB, a character outside the BMP at its start (one column, two UTF-16 units).
  std::string text = "\xF0\x9F\x98\x80 ";
  for (int i = 0; i < 220'000; ++i) text += "The cat sat on the mat. ";
  const std::size_t typo = text.size();
  text += "Teh end.";
  const FileResult streamed = expect_same_reports(file("long.txt", text), text);
  ASSERT_EQ(streamed.diagnostics.size(), 1u);
  const std::string json = report(Format::Jsonl, streamed);
  EXPECT_NE(json.find("\"start\":{\"line\":1,\"column\":" + std::to_string(typo - 2) +
                      ",\"offset\":" + std::to_string(typo) +
                      ",\"utf16\":" + std::to_string(typo - 2) + "}"),
            std::string::npos)
      << json;
  // SARIF's column and character offset agree (the line is the file's first).
  const std::string sarif = report(Format::Sarif, streamed);
  EXPECT_NE(sarif.find("\"startColumn\": " + std::to_string(typo - 2)), std::string::npos);
  EXPECT_NE(sarif.find("\"charOffset\": " + std::to_string(typo - 3)), std::string::npos);
}

TEST_F(Streaming, DenseFindingsOnALongLineAreReportedAsWhole) {
  // A minified export: one line of 5 MB with a finding every 500 bytes or so.
  std::string text;
  std::string clean;
  while (clean.size() < 480) clean += "The cat sat on the mat. ";
  const std::string stretch = "A teh cat. " + clean;
  while (text.size() < 5'000'000) text += stretch;
  const FileResult streamed = expect_same_reports(file("dense.txt", text), text);
  EXPECT_EQ(streamed.diagnostics.size(), text.size() / stretch.size());
  // Excerpts of a long line keep a stretch around its findings, not the whole line each.
  std::size_t kept = 0;
  for (const auto& excerpt : streamed.excerpts) kept += excerpt.text.size();
  EXPECT_LE(kept, text.size());
}

TEST_F(Streaming, ARepeatedWordAcrossAPieceBoundaryIsReported) {
  // A paragraph of 4.6 MB without a blank line, lines of 64 bytes: pieces are cut after a line
  // break at 2 MiB (see piece_end), where "the" ends one line and "the" starts the next.
  const auto line = [](std::string words) {
    return words + std::string(63 - words.size(), ' ') + "\n";
  };
  const std::string plain = line("The council met on Monday and approved a budget for the year.");
  constexpr std::size_t kCutLine = (std::size_t{2} << 20) / 64;  // the first line of a piece
  std::string text;
  for (std::size_t i = 0; text.size() < 4'600'000; ++i) {
    text += i == kCutLine - 1 ? line("The council met on Monday and approved a budget and the")
            : i == kCutLine   ? line("the new year, its chair said.")
                              : plain;
  }
  const FileResult streamed = expect_same_reports(file("boundary.txt", text), text);
  ASSERT_EQ(streamed.diagnostics.size(), 1u);
  EXPECT_EQ(streamed.diagnostics[0].rule, "repeated-word");
  EXPECT_EQ(streamed.diagnostics[0].span.begin, kCutLine * 64);
  EXPECT_NE(
      report(Format::Github, streamed).find("line=" + std::to_string(kCutLine + 1) + ",col=1,"),
      std::string::npos);
}

TEST_F(Streaming, RepeatedWordsOnShortLinesAcrossPiecesAreAllReported) {
  // Lines of 64 bytes, and 128 lines of "a" around each multiple of 2 MiB, where pieces are cut
  // (see piece_end): each "a" after the first repeats the word, the ones at the cuts too.
  const std::string plain = "The council met on Monday and approved a budget for the year.  \n";
  constexpr std::size_t kPiece = std::size_t{2} << 20;
  std::string text;
  std::size_t regions = 0;
  while (text.size() < 4'600'000) {
    if (text.size() % kPiece == kPiece - 128) {
      ++regions;
      for (int i = 0; i < 128; ++i) text += "a\n";
    } else {
      text += plain;
    }
  }
  ASSERT_EQ(regions, 2u);
  const FileResult streamed = expect_same_reports(file("a.txt", text), text);
  // Per region, the first "a" starts a sentence (lowercase-sentence-start), the others repeat.
  EXPECT_EQ(streamed.diagnostics.size(), regions * 128);
  EXPECT_EQ(std::count_if(streamed.diagnostics.begin(), streamed.diagnostics.end(),
                          [](const Diagnostic& d) { return d.rule == "repeated-word"; }),
            static_cast<std::ptrdiff_t>(regions * 127));
}

// A large file: every finding reported, at the right line, a piece at a time. (Its peak memory
// is measured by bench/reliability/memory.py, not here: tests assert behaviour.)
TEST_F(Streaming, ALargeFileReportsEveryFindingAtItsLine) {
  const std::string paragraph =
      "The council met on Monday and approved a budget for the new year, its chair said.\n\n";
  const std::string faulty = "Residents welcomed the the decision.\n\n";
  constexpr std::size_t kBytes = 20'000'000;
  std::size_t lines = 0, planted = 0;
  std::size_t last_finding_line = 0;
  {
    std::ofstream out(dir_ / "huge.txt", std::ios::binary);
    std::string block;
    for (std::size_t i = 0, written = 0; written < kBytes; ++i) {
      if (i % 1000 == 0) {
        block += faulty;
        ++planted;
        last_finding_line = lines + 1;
      } else {
        block += paragraph;
      }
      lines += 2;
      if (block.size() > (1 << 20)) {
        written += block.size();
        out << block;
        block.clear();
      }
    }
    out << block;
  }
  const Outcome run = this->run("--format github --fail-on never huge.txt");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(static_cast<std::size_t>(std::count(run.out.begin(), run.out.end(), '\n')), planted);
  EXPECT_NE(run.out.find("file=huge.txt,line=" + std::to_string(last_finding_line) + ",col=24,"),
            std::string::npos)
      << run.out.substr(run.out.size() - std::min<std::size_t>(run.out.size(), 300));
}

// What lint_input hands out for `path` read as standard input (descriptor 0 is the file for
// the call), shown as `name`.
std::vector<FileResult> parts_from_standard_input(const std::filesystem::path& path,
                                                  const std::string& name) {
  const int saved = ::dup(STDIN_FILENO);
  const int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  EXPECT_GE(file, 0);
  ::dup2(file, STDIN_FILENO);
  ::close(file);
  Input input;
  input.display_path = name;
  input.path = name;
  input.from_stdin = true;
  std::vector<FileResult> parts;
  lint_input(engine_for("en_US"), input,
             [&](FileResult&& part) { parts.push_back(std::move(part)); });
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return parts;
}

// `parts` give the reports and the baseline of `whole` in every format.
void expect_reports_of(const std::vector<FileResult>& parts, const FileResult& whole) {
  for (const Format format : {Format::Text, Format::Json, Format::Jsonl, Format::Sarif,
                              Format::Github, Format::Junit, Format::Checkstyle}) {
    EXPECT_EQ(report_parts(format, parts), report(format, whole)) << static_cast<int>(format);
  }
  Baseline from_parts, from_whole;
  for (const FileResult& part : parts) from_parts.record(part);
  from_whole.record(whole);
  EXPECT_EQ(from_parts.to_json(), from_whole.to_json());
}

TEST_F(Streaming, StandardInputIsStreamedInPartsLikeAFile) {
  const std::string text = large_article(5'000'000);
  const auto path = file("large.txt", text);
  const std::vector<FileResult> parts = parts_from_standard_input(path, "<stdin>");
  ASSERT_GE(parts.size(), 4u);
  EXPECT_EQ(parts.front().part, FilePart::First);
  EXPECT_EQ(parts.back().part, FilePart::Last);
  for (const FileResult& part : parts) {
    EXPECT_FALSE(part.error) << *part.error;
    EXPECT_TRUE(part.text.empty());  // only the lines around its findings are kept
  }
  expect_reports_of(parts, engine_for("en_US").lint_text("<stdin>", text));
}

TEST_F(Streaming, StandardInputWithADirectiveIsLintedWhole) {
  // The directive may act on the whole input: the spooled copy is read again, whole.
  const std::string text =
      "copydesk-disable repeated-word\n" + large_article(2'500'000) + "\ncopydesk-enable\n";
  const std::vector<FileResult> parts =
      parts_from_standard_input(file("directives.txt", text), "<stdin>");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].part, FilePart::Whole);
  expect_reports_of(parts, engine_for("en_US").lint_text("<stdin>", text));
  EXPECT_TRUE(std::none_of(parts[0].diagnostics.begin(), parts[0].diagnostics.end(),
                           [](const Diagnostic& d) { return d.rule == "repeated-word"; }));
}

TEST_F(Streaming, ANulByteLateInStandardInputMakesItBinary) {
  std::string text = large_article(2'500'000);
  const std::size_t nul = text.size() - 100;
  text[nul] = '\0';
  file("late-nul.txt", text);
  const Outcome run = this->run_in(dir_, "--format jsonl - < late-nul.txt");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "copydesk: error: <stdin>: binary file (contains NUL bytes at byte " +
                         std::to_string(nul) + ")\n");
}

TEST_F(Streaming, StandardInputThroughAPipeGivesTheFilesReport) {
  const std::string text = large_article(2'500'000);
  file("large.txt", text);
  for (const std::string format : {"json", "sarif", "text"}) {
    const Outcome named = run("--format " + format + " large.txt");
    const std::string command = "cd '" + dir_.string() +
                                "' && cat large.txt | '" COPYDESK_BINARY "' --format " + format +
                                " --stdin-filename large.txt - > .stdout 2> .stderr";
    const int status = std::system(command.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << read_file(dir_ / ".stderr");
    EXPECT_EQ(read_file(dir_ / ".stdout"), named.out) << format;
  }
}

TEST_F(Streaming, StandardInputWithoutATemporaryFolderIsReadWholeWithTheSameReport) {
  // No spool can be made: standard input is read into memory, its findings still in parts.
  const std::string text = large_article(2'500'000);
  file("large.txt", text);
  const Outcome named = run("--format jsonl --stdin-filename large.txt large.txt");
  const std::string command = "cd '" + dir_.string() + "' && TMPDIR=/nonexistent/folder '" +
                              COPYDESK_BINARY +
                              "' --format jsonl --stdin-filename large.txt - < large.txt"
                              " > .stdout 2> .stderr";
  const int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << read_file(dir_ / ".stderr");
  EXPECT_EQ(read_file(dir_ / ".stderr"), "");
  EXPECT_EQ(read_file(dir_ / ".stdout"), named.out);
}

// A large Markdown article: headings, lists, emphasis, links, code, a table and front matter,
// with findings in every paragraph kind, some beside markup.
std::string large_markdown(std::size_t bytes) {
  std::string text = "---\ntitle: Teh council\n---\n\n";
  const std::string blocks[] = {
      "# The council met teh mayor\n\n",
      "The council met on Monday. It approved a budget for the the new year.\n\n",
      "- a early meeting\n- the *harbor* board said the **the** ferry would run\n\n",
      "Residents asked for [a early meeting](https://example.com/teh) and `teh code`.\n\n",
      "```\nteh code the the block\n```\n\n",
      "| goverment | the the end |\n| --- | --- |\n| teh | cell |\n\n",
      "> Caf\xC3\xA9 owners in \xED\x95\x9C\xEA\xB5\xAD said teh prices rose.\n\n",
  };
  for (std::size_t i = 0; text.size() < bytes; ++i) text += blocks[(i * 5 + i / 3) % 7];
  return text;
}

// A large HTML page: paragraphs, inline markup, entities, a script and a list.
std::string large_html(std::size_t bytes) {
  std::string text = "<!DOCTYPE html><html><head><title>Teh page</title></head><body>\n";
  const std::string blocks[] = {
      "<p>The council met on Monday. It approved a budget for the the new year.</p>\n",
      "<p>The <em>harbor</em> board said teh&nbsp;ferry would run &amp; sail.</p>\n",
      "<ul><li>a early meeting</li><li>Caf&eacute; owners said teh prices rose.</li></ul>\n",
      "<script>var teh = 'the the';</script><h2>Teh heading</h2>\n",
  };
  for (std::size_t i = 0; text.size() < bytes; ++i) text += blocks[(i * 3 + i / 2) % 4];
  return text + "</body></html>\n";
}

TEST_F(Streaming, LargeMarkdownAndHtmlFilesAreHandedOutInPartsWithTheWholeTextsReport) {
  // Parsed whole (md4c and gumbo need all of it), linted and handed out a piece at a time, so
  // that their findings never all exist at once.
  for (const auto& [name, text] :
       {std::pair<std::string, std::string>{"large.md", large_markdown(3'000'000)},
        {"large.html", large_html(3'000'000)}}) {
    Input input;
    input.display_path = name;
    input.path = file(name, text);
    ASSERT_TRUE(streams_in_parts(input));
    std::vector<FileResult> parts;
    lint_input(engine_for("en_US"), input,
               [&](FileResult&& part) { parts.push_back(std::move(part)); });
    ASSERT_GE(parts.size(), 3u) << name;
    EXPECT_EQ(parts.front().part, FilePart::First);
    EXPECT_EQ(parts.back().part, FilePart::Last);
    for (const FileResult& part : parts) EXPECT_TRUE(part.text.empty());
    const FileResult whole = engine_for("en_US").lint_text(name, text);
    ASSERT_GT(whole.diagnostics.size(), 10'000u) << name;
    expect_reports_of(parts, whole);
    // Through standard input, the same.
    const std::vector<FileResult> piped = parts_from_standard_input(input.path, name);
    ASSERT_EQ(piped.size(), parts.size());
    expect_reports_of(piped, whole);
  }
}

// Markdown whose blocks reach across any blank line a careless cut would take: long fences
// and HTML blocks with blank lines and unindented lines inside, loose lists with indented
// paragraphs, link reference definitions used pieces before and after they are defined,
// tables, setext and ATX headings, block quotes, indented code, with findings in each.
std::string long_markdown(std::size_t bytes) {
  std::string text = "---\ntitle: Teh council\n---\n\n";
  const auto fence = [](std::size_t lines) {
    std::string code = "```text\n";
    for (std::size_t i = 0; i < lines; ++i) {
      code +=
          i % 3 == 0 ? "\n" : "# not a heading teh\n[r1]: https://example.com/not-a-definition\n";
    }
    return code + "```\n\n";
  };
  const auto html_block = [](std::size_t lines) {
    std::string html = "<!-- a long comment\n";
    for (std::size_t i = 0; i < lines; ++i) html += i % 2 == 0 ? "\n" : "Teh hidden text.\n";
    return html + "-->\n\n";
  };
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 12) {
      case 0:
        text += "# The council met teh mayor " + n + "\n\n";
        break;
      // Definitions d0, d1... come a block of each twelve; references to them 300 cycles on
      // and back, in other pieces.
      case 1:
        text += "See [the report][d" + std::to_string(i / 12 + 300) + "] and [teh notes][d" +
                std::to_string(i / 12 >= 300 ? i / 12 - 300 : 0) + "].\n\n";
        break;
      case 2:
        text +=
            "[d" + std::to_string(i / 12) + "]: https://example.com/" + n + " \"Teh title\"\n\n";
        break;
      case 3:
        text +=
            "- a early meeting\n\n  with a second paragraph,the the end.\n\n- another item\n\n    "
            "indented code teh\n\n";
        break;
      case 4:
        text += i % 6000 == 4 ? fence(20'000) : fence(4);
        break;
      case 5:
        text += "| goverment | the the end |\n| --- | --- |\n| teh | [cell][d" +
                std::to_string(i / 12) + "] |\n\n";
        break;
      case 6:
        text += i % 7000 == 6 ? html_block(20'000) : html_block(3);
        break;
      case 7:
        text +=
            "Setext heading teh\n==================\n\nA paragraph that runs on\nover lines,and "
            "the the words.\n\n";
        break;
      case 8:
        text +=
            "> Caf\xC3\xA9 owners said teh prices rose.\n>\n> A second paragraph in the the "
            "quote.\n\n";
        break;
      case 9:
        text += "    indented code teh\n\n    more of it\n\nThen a early paragraph.\n\n";
        break;
      case 10:
        text +=
            "<div>\nTeh block of HTML.\n</div>\n\n<script>\nvar a = 'teh';\n\nvar b = 'the "
            "the';\n</script>\n\n";
        break;
      default:
        text += "1. first teh\n2. second\n\n3. third, a early one\n\n***\n\n";
        break;
    }
  }
  return text;
}

// HTML with what ends elements implicitly or hides them: paragraphs and items without end
// tags, tables, pre and comments with blank lines, scripts holding tags, nested sections.
// Without a doctype gumbo parses in quirks mode, where a table opens inside a paragraph.
std::string long_html(std::size_t bytes, bool doctype = true) {
  std::string text = doctype ? "<!DOCTYPE html>\n" : "";
  text +=
      "<html><head><title>Teh page</title>\n<style>p { color: red }</style>\n"
      "</head>\n<body>\n";
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    switch (i % 9) {
      case 0:
        text += "<p>The council met teh mayor.\n<p>A early meeting,the the end.\n";
        break;
      case 1:
        text += "<ul>\n<li>teh item\n<li>the the item\n</ul>\n";
        break;
      case 2:
        text +=
            "<p>Before a table,teh words\n<table>\n<tr><td>goverment<td>the the cell\n<tr><td>teh\n"
            "</table>\n";
        break;
      case 3:
        text += "<pre>\nteh code\n\n<p>not a paragraph\n</pre>\n";
        break;
      case 4:
        text +=
            "<!-- a comment\n\n<p>teh\n-->\n<div><section>\n<h2>Teh heading</h2>\n<p>Inside the "
            "the section.</p>\n</section>\n</div>\n";
        break;
      case 5:
        text +=
            "<script>\nvar p = '<p>teh</p>';\n</script>\n<p>Run <code>teh</code> first,then the "
            "the rest.</p>\n";
        break;
      case 6:
        text += "<p><b>Bold teh</b> and <em>the the</em> text.</p>\n";
        break;
      case 7:
        text += "<blockquote>\n<p>Caf&eacute; owners said teh prices rose.\n</blockquote>\n";
        break;
      default:
        text += "<h3 title=\"Teh title\">A heading</h3>\n<hr>\n<dl><dt>teh<dd>the the</dl>\n";
        break;
    }
  }
  return text + "</body>\n</html>\n";
}

// Every Markdown file of the repository, one after another, repeated until `bytes`; those
// with link reference definitions only the first time (a label defined twice is not cut), so
// that the later copies use definitions pieces before; none that mentions a suppression
// directive (which sends a file to the whole-file path) or is not text (fuzzing seeds).
std::string real_shaped_markdown(std::size_t bytes) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(COPYDESK_SOURCE_DIR)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".md" && path.find("/build") == std::string::npos &&
        path.find("/.git") == std::string::npos) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::string text;
  const auto defines_labels = [](const std::string& markdown) {
    std::istringstream lines(markdown);
    for (std::string line; std::getline(lines, line);) {
      const std::size_t at = line.find_first_not_of(' ');
      if (at != std::string::npos && at < 4 && line[at] == '[' &&
          line.find("]:") != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  for (bool first = true; text.size() < bytes; first = false) {
    for (const auto& path : paths) {
      const std::string markdown = read_file(path);
      if (markdown.find('\0') != std::string::npos || find_invalid_utf8(markdown) ||
          markdown.find("copydesk-") != std::string::npos ||
          markdown.find("[sic") != std::string::npos) {
        continue;
      }
      if (first || !defines_labels(markdown)) text += markdown + "\n\n";
    }
  }
  return text;
}

// The corpus news page with its body repeated until `bytes`.
std::string real_shaped_html(std::size_t bytes) {
  const std::string page = read_file(std::filesystem::path(COPYDESK_SOURCE_DIR) /
                                     "tests/corpus/documents/news-page.html");
  const std::size_t body = page.find("<body>\n") + 7;
  const std::size_t end = page.find("</body>");
  std::string text = page.substr(0, body);
  while (text.size() < bytes) text += page.substr(body, end - body);
  return text + page.substr(end);
}

// The plan of cuts for `text`, read a few lines at a time as the input layer reads a file.
MarkupPlan plan_for(std::string_view text, Syntax syntax) {
  const auto finder = make_cut_finder(syntax);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', std::min(text.size(), at + 70'000));
    end = end == std::string_view::npos ? text.size() : end + 1;
    finder->read(text.substr(at, end - at), at);
    at = end;
  }
  return finder->finish();
}

// The prose views of the pieces of `text`, joined, must be the view of the whole.
void expect_pieces_give_the_whole_prose(const std::string& text, Syntax syntax,
                                        const std::string& name) {
  const MarkupPlan plan = plan_for(text, syntax);
  ASSERT_FALSE(plan.whole) << name;
  ASSERT_GE(plan.cuts.size(), 3u) << name;
  const ProseView whole = syntax == Syntax::Html ? html_prose(text) : markdown_prose(text);
  std::string joined;
  std::vector<BlockStart> starts;
  std::vector<std::uint32_t> sources;  // of each prose byte
  for (std::size_t i = 0; i <= plan.cuts.size(); ++i) {
    const std::size_t begin = i == 0 ? 0 : plan.cuts[i - 1];
    const std::size_t end = i == plan.cuts.size() ? text.size() : plan.cuts[i];
    const std::string_view piece = std::string_view(text).substr(begin, end - begin);
    const ProseView view =
        syntax == Syntax::Html
            ? (i == 0 ? html_prose(piece) : html_prose(piece, plan.doctype))
            : markdown_prose(
                  piece, MarkdownPiece{.starts_document = i == 0, .definitions = plan.definitions});
    for (const BlockStart& start : view.block_starts) {
      starts.push_back(
          BlockStart{start.offset + static_cast<std::uint32_t>(joined.size()), start.kind});
    }
    for (std::uint32_t at = 0; at < view.text.size(); ++at) {
      sources.push_back(view.map.source_offset(at, 0) + static_cast<std::uint32_t>(begin));
    }
    joined += view.text;
  }
  ASSERT_EQ(joined.size(), whole.text.size()) << name;
  EXPECT_TRUE(joined == whole.text) << name;
  ASSERT_EQ(starts.size(), whole.block_starts.size()) << name;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    ASSERT_EQ(starts[i].offset, whole.block_starts[i].offset) << name << " start " << i;
    ASSERT_EQ(starts[i].kind, whole.block_starts[i].kind) << name << " start " << i;
  }
  for (std::uint32_t at = 0; at < whole.text.size(); ++at) {
    ASSERT_EQ(sources[at], whole.map.source_offset(at, 0)) << name << " prose byte " << at;
  }
}

TEST_F(Streaming, MarkdownAndHtmlPiecesJoinIntoTheProseOfTheWholeFile) {
  expect_pieces_give_the_whole_prose(long_markdown(6'000'000), Syntax::Markdown, "long.md");
  expect_pieces_give_the_whole_prose(real_shaped_markdown(4'000'000), Syntax::Markdown, "real.md");
  expect_pieces_give_the_whole_prose(long_html(4'000'000), Syntax::Html, "long.html");
  expect_pieces_give_the_whole_prose(long_html(4'500'000, false), Syntax::Html, "quirks.html");
  expect_pieces_give_the_whole_prose(real_shaped_html(4'000'000), Syntax::Html, "real.html");
}

TEST_F(Streaming, MarkdownAndHtmlParsedInPiecesReportWhatTheWholeFileGives) {
  for (const auto& [name, text] :
       {std::pair<std::string, std::string>{"long.md", long_markdown(5'000'000)},
        {"real.md", real_shaped_markdown(4'000'000)},
        {"long.html", long_html(4'000'000)},
        {"quirks.html", long_html(3'000'000, false)},
        {"real.html", real_shaped_html(4'000'000)}}) {
    Input input;
    input.display_path = name;
    input.path = file(name, text);
    std::vector<FileResult> parts;
    lint_input(engine_for("en_US"), input,
               [&](FileResult&& part) { parts.push_back(std::move(part)); });
    ASSERT_FALSE(parts.empty());
    ASSERT_GE(parts.size(), 3u) << name << " " << parts[0].error.value_or("")
                                << parts[0].diagnostics.size();
    const FileResult whole = engine_for("en_US").lint_text(name, text);
    ASSERT_GT(whole.diagnostics.size(), 1'000u) << name;
    expect_reports_of(parts, whole);
  }
}

TEST_F(Streaming, MarkdownThatCannotBeCutSafelyIsParsedWhole) {
  // A label defined twice (the first definition wins wherever the second is), a definition in
  // a block quote (which the scanner does not place): no cuts, the same report.
  for (const std::string& odd : {std::string("[d10]: https://example.com/again\n\n"),
                                 std::string("> [quoted]: https://example.com/q\n\n")}) {
    const std::string text = long_markdown(2'000'000) + odd + "See [quoted] and [d10].\n";
    EXPECT_TRUE(plan_for(text, Syntax::Markdown).whole);
    Input input;
    input.display_path = "odd.md";
    input.path = file("odd.md", text);
    std::vector<FileResult> parts;
    lint_input(engine_for("en_US"), input,
               [&](FileResult&& part) { parts.push_back(std::move(part)); });
    expect_reports_of(parts, engine_for("en_US").lint_text("odd.md", text));
  }
}

TEST_F(Streaming, AFenceLeftOpenAtTheEndKeepsItsDefinitionsOutOfThePieces) {
  // Definitions read after the last piece would be inside its open fence.
  const std::string text = long_markdown(2'000'000) + "```\nteh code to the end\n";
  EXPECT_TRUE(plan_for(text, Syntax::Markdown).whole);
  // Without definitions, the fence may stay open.
  std::string plain;
  while (plain.size() < 3'000'000) plain += "A early paragraph,the the end.\n\n";
  const MarkupPlan open = plan_for(plain + "```\nteh code\n", Syntax::Markdown);
  EXPECT_FALSE(open.whole);
  EXPECT_GE(open.cuts.size(), 2u);
}

TEST_F(Streaming, HtmlIsNotCutWhereAnElementIsOpen) {
  // An unclosed div holds the rest of the page; a bold element closed by a paragraph's end
  // is reopened by gumbo in the paragraphs after it.
  std::string paragraphs;
  while (paragraphs.size() < 3'000'000) paragraphs += "<p>A early paragraph.</p>\n";
  EXPECT_GE(plan_for("<body>\n" + paragraphs, Syntax::Html).cuts.size(), 2u);
  EXPECT_TRUE(plan_for("<body><div>\n" + paragraphs, Syntax::Html).cuts.empty());
  EXPECT_TRUE(plan_for("<body><p><b>bold\n</p>\n" + paragraphs, Syntax::Html).cuts.empty());
  EXPECT_TRUE(plan_for("<body><script>\n" + paragraphs, Syntax::Html).cuts.empty());
  EXPECT_TRUE(plan_for("<body><!--\n" + paragraphs, Syntax::Html).cuts.empty());
}

TEST_F(Streaming, ALargeMarkdownFileWithADirectiveIsLintedWhole) {
  const std::string text = "<!-- copydesk-disable repeated-word -->\n\n" +
                           large_markdown(1'000'000) + "\n<!-- copydesk-enable -->\n";
  Input input;
  input.display_path = "directives.md";
  input.path = file("directives.md", text);
  std::vector<FileResult> parts;
  lint_input(engine_for("en_US"), input,
             [&](FileResult&& part) { parts.push_back(std::move(part)); });
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].part, FilePart::Whole);
  EXPECT_FALSE(parts[0].diagnostics.empty());
  EXPECT_TRUE(std::none_of(parts[0].diagnostics.begin(), parts[0].diagnostics.end(),
                           [](const Diagnostic& d) { return d.rule == "repeated-word"; }));
}

TEST_F(Streaming, AReadErrorAfterSomePartsEndsTheFileWellFormed) {
  // A read error part-way through a streamed file comes with its last part, after findings
  // already handed out: every format still writes well-formed output, json the same object
  // shape as a file that failed whole ("error" after "diagnostics").
  const std::string text = large_article(5'000'000);
  Input input;
  input.display_path = "large.txt";
  input.path = file("large.txt", text);
  std::vector<FileResult> parts;
  lint_input(engine_for("en_US"), input,
             [&](FileResult&& part) { parts.push_back(std::move(part)); });
  ASSERT_GE(parts.size(), 3u);
  parts.resize(2);
  parts[1].part = FilePart::Last;
  parts[1].error = "read error after byte 4194304";
  FileResult failed_whole;
  failed_whole.path = "other.txt";
  failed_whole.error = "read error";
  const auto json = nlohmann::ordered_json::parse(report_parts(Format::Json, parts));
  ASSERT_EQ(json["files"].size(), 1u);
  EXPECT_EQ(json["files"][0]["error"], "read error after byte 4194304");
  EXPECT_EQ(json["files"][0]["diagnostics"].size(),
            parts[0].diagnostics.size() + parts[1].diagnostics.size());
  EXPECT_EQ(json["summary"]["files_with_errors"], 1);
  std::vector<std::string> keys, whole_keys;
  for (const auto& [key, value] : json["files"][0].items()) keys.push_back(key);
  const auto whole_json = nlohmann::ordered_json::parse(report(Format::Json, failed_whole));
  for (const auto& [key, value] : whole_json["files"][0].items()) whole_keys.push_back(key);
  EXPECT_EQ(keys, whole_keys);
  EXPECT_EQ(whole_keys, (std::vector<std::string>{"path", "diagnostics", "error"}));
  EXPECT_TRUE(nlohmann::json::accept(report_parts(Format::Sarif, parts)));
  const std::string jsonl = report_parts(Format::Jsonl, parts);
  EXPECT_TRUE(jsonl.ends_with(
      "{\"path\":\"large.txt\",\"error\":\"read error after byte 4194304\",\"skipped\":false}\n"));
  for (const Format format : {Format::Junit, Format::Checkstyle}) {
    const std::string xml = report_parts(format, parts);
    EXPECT_NE(xml.find("read error after byte 4194304"), std::string::npos) << xml.size();
    EXPECT_EQ(std::count(xml.begin(), xml.end(), '<') - std::count(xml.begin(), xml.end(), '>'), 0);
  }
}

}  // namespace
}  // namespace copydesk::testing
