#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "copydesk/formatter.hpp"
#include "copydesk/source_map.hpp"
#include "golden.hpp"

namespace copydesk::testing {
namespace {

// A report with multi-byte text (é, Hangul, an emoji outside the BMP), CRLF line endings,
// a fix, suggestions, a file that could not be read and a clean file.
std::vector<FileResult> sample_results() {
  FileResult article;
  article.path = "news/café.txt";
  article.text = "Café owners in 한국 😀 said teh prices rose.\r\nSecond line,here and there there.\n";
  const auto span_of = [&](std::string_view needle, std::size_t from = 0) {
    const auto begin = static_cast<std::uint32_t>(article.text.find(needle, from));
    return Span{begin, static_cast<std::uint32_t>(begin + needle.size())};
  };
  Diagnostic typo;
  typo.rule = "misspelled-word";
  typo.severity = Severity::Error;
  typo.span = span_of("teh");
  typo.message = "`teh` is not in the dictionary.";
  typo.suggestions = {"the", "tech"};
  Diagnostic comma;
  comma.rule = "missing-space-after-punctuation";
  comma.severity = Severity::Error;
  comma.span = span_of(",");
  comma.message = "Add a space after `,`.";
  comma.suggestions = {", "};
  comma.fix = Fix{"Insert a space", {Edit{Span{comma.span.end, comma.span.end}, " "}}, true};
  Diagnostic repeat;
  repeat.rule = "repeated-word";
  repeat.severity = Severity::Warning;
  repeat.span = span_of("there", article.text.find("there") + 1);
  repeat.message = "`there` is repeated.";
  repeat.fix = Fix{"Remove the repeated word", {Edit{Span{repeat.span.begin - 1, repeat.span.end}, ""}}, true};
  Diagnostic note;
  note.rule = "style-note";
  note.severity = Severity::Info;
  note.span = span_of("Café");
  note.message = "An informational note.";
  article.diagnostics = {note, typo, comma, repeat};

  FileResult missing;
  missing.path = "missing.txt";
  missing.error = "no such file or directory";

  FileResult clean;
  clean.path = "clean.md";
  clean.text = "All good here.\n";
  return {article, missing, clean};
}

std::string render(Format format, bool colour = false) {
  std::ostringstream out;
  const auto formatter = make_formatter(format, out, FormatOptions{colour});
  Summary summary;
  formatter->begin();
  for (const auto& result : sample_results()) {
    count_into(summary, result);
    formatter->file(result);
  }
  formatter->end(summary);
  return out.str();
}

TEST(Formatter, TextMatchesGolden) { expect_golden("formats/report.txt", render(Format::Text)); }

TEST(Formatter, ColouredTextMatchesGolden) {
  expect_golden("formats/report.color.txt", render(Format::Text, true));
}

TEST(Formatter, JsonMatchesGolden) { expect_golden("formats/report.json", render(Format::Json)); }

TEST(Formatter, JsonLinesMatchesGolden) {
  expect_golden("formats/report.jsonl", render(Format::Jsonl));
}

TEST(Formatter, PlainTextHasNoEscapeCodes) {
  EXPECT_EQ(render(Format::Text).find('\x1b'), std::string::npos);
  EXPECT_NE(render(Format::Text, true).find('\x1b'), std::string::npos);
}

TEST(Formatter, JsonIsOneValidDocumentWithTheSchemaFields) {
  const auto report = nlohmann::json::parse(render(Format::Json));
  EXPECT_EQ(report["version"], 1);
  ASSERT_EQ(report["files"].size(), 3u);
  EXPECT_EQ(report["files"][1]["error"], "no such file or directory");
  EXPECT_EQ(report["summary"]["diagnostics"], 4);
  EXPECT_EQ(report["summary"]["errors"], 2);
  EXPECT_EQ(report["summary"]["warnings"], 1);
  EXPECT_EQ(report["summary"]["infos"], 1);
  for (const auto& diagnostic : report["files"][0]["diagnostics"]) {
    for (const char* key : {"rule", "severity", "message", "start", "end", "text", "suggestions"}) {
      EXPECT_TRUE(diagnostic.contains(key)) << key;
    }
  }
}

// The positions in the JSON agree with each other and with the text, computed here
// independently of SourceMap.
TEST(Formatter, JsonPositionsAgreeWithTheText) {
  const FileResult article = sample_results()[0];
  const auto report = nlohmann::json::parse(render(Format::Json));
  for (const auto& diagnostic : report["files"][0]["diagnostics"]) {
    for (const char* end : {"start", "end"}) {
      const auto& position = diagnostic[end];
      const std::size_t offset = position["offset"];
      const std::string before = article.text.substr(0, offset);
      const std::size_t line_start = before.rfind('\n') == std::string::npos ? 0 : before.rfind('\n') + 1;
      const std::string line_prefix = before.substr(line_start);
      std::size_t code_points = 0, utf16 = 0;
      for (std::size_t i = 0; i < line_prefix.size(); ++i) {
        const auto byte = static_cast<unsigned char>(line_prefix[i]);
        if ((byte & 0xC0) == 0x80) continue;
        ++code_points;
        utf16 += byte >= 0xF0 ? 2 : 1;
      }
      EXPECT_EQ(position["line"], 1 + std::count(before.begin(), before.end(), '\n'));
      EXPECT_EQ(position["column"], code_points + 1);
      EXPECT_EQ(position["utf16"], utf16);
    }
    const std::size_t begin = diagnostic["start"]["offset"];
    const std::size_t finish = diagnostic["end"]["offset"];
    EXPECT_EQ(diagnostic["text"], article.text.substr(begin, finish - begin));
  }
}

TEST(Formatter, JsonLinesCarryThePathOnEveryLine) {
  std::istringstream lines(render(Format::Jsonl));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    const auto object = nlohmann::json::parse(line);
    EXPECT_EQ(object["path"], "news/café.txt");
    ++count;
  }
  EXPECT_EQ(count, 4);
}

TEST(Formatter, ParsesFormatNames) {
  EXPECT_EQ(parse_format("text"), Format::Text);
  EXPECT_EQ(parse_format("json"), Format::Json);
  EXPECT_EQ(parse_format("jsonl"), Format::Jsonl);
  EXPECT_FALSE(parse_format("xml").has_value());
}

}  // namespace
}  // namespace copydesk::testing

namespace copydesk::testing {
namespace {

// On a long line, the text format shows an excerpt around the finding, with the caret under it.
TEST(Formatter, TextShowsAnExcerptOfALongLine) {
  FileResult result;
  result.path = "long.txt";
  std::string line;
  for (int i = 0; i < 40; ++i) line += "word ";
  const std::size_t at = line.size();
  line += "teh";
  for (int i = 0; i < 40; ++i) line += " word";
  result.text = line + "\n";
  Diagnostic typo;
  typo.rule = "misspelled-word";
  typo.severity = Severity::Error;
  typo.span = Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 3)};
  typo.message = "`teh` is not in the dictionary.";
  result.diagnostics = {typo};
  std::ostringstream out;
  make_formatter(Format::Text, out, FormatOptions{})->file(result);
  std::istringstream lines(out.str());
  std::string header, source, caret;
  std::getline(lines, header);
  std::getline(lines, source);
  std::getline(lines, caret);
  EXPECT_EQ(header, "long.txt:1:201: error: `teh` is not in the dictionary. [misspelled-word]");
  EXPECT_EQ(source.rfind("  \xE2\x80\xA6", 0), 0u) << source;
  EXPECT_NE(source.find("\xE2\x80\xA6", 5), std::string::npos) << "cut on the right too";
  EXPECT_LT(source.size(), 120u);
  // "  …" takes three columns; the caret stands under the "t" of "teh".
  const std::size_t caret_column = caret.find('^');
  ASSERT_NE(caret_column, std::string::npos);
  EXPECT_EQ(source.substr(caret_column + 2, 3), "teh") << source << "\n" << caret;
  EXPECT_EQ(caret.substr(caret_column), "^~~");
}

}  // namespace
}  // namespace copydesk::testing
