#include "copydesk/formatter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "copydesk/registry.hpp"
#include "copydesk/source_map.hpp"
#include "golden.hpp"

namespace copydesk::testing {
namespace {

// A report with multi-byte text (é, Hangul, an emoji outside the BMP), CRLF line endings,
// a fix, suggestions, a file that could not be read and a clean file.
std::vector<FileResult> sample_results() {
  FileResult article;
  article.path = "news/café.txt";
  article.text =
      "Café owners in 한국 😀 said teh prices rose.\r\nSecond line,here and there there.\n";
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
  repeat.fix = Fix{
      "Remove the repeated word", {Edit{Span{repeat.span.begin - 1, repeat.span.end}, ""}}, true};
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

// A fixed set of rules for the SARIF metadata, so that the golden file does not change whenever
// a built-in rule or its documentation does. "style-note" is deliberately not among them.
const Registry& sample_registry() {
  static const Registry registry = [] {
    Registry rules;
    const auto none = [](const RuleContext&) -> std::unique_ptr<Rule> { return nullptr; };
    rules.add(RuleEntry{RuleMeta{
                            .id = "misspelled-word",
                            .category = RuleCategory::Spelling,
                            .default_severity = Severity::Error,
                            .summary = "A word the dictionary does not know.",
                            .has_fix = false,
                            .enabled_by_default = true,
                        },
                        "# misspelled-word\n\n## What it does\n\nFlags words the dictionary\ndoes "
                        "not know.\n\nMore detail.\n\n## Why is this bad?\n\nTypos.\n",
                        none});
    rules.add(RuleEntry{RuleMeta{
                            .id = "missing-space-after-punctuation",
                            .category = RuleCategory::Punctuation,
                            .default_severity = Severity::Error,
                            .summary = "Punctuation glued to the next word.",
                            .has_fix = true,
                            .enabled_by_default = true,
                        },
                        "# missing-space-after-punctuation\n\n## What it does\n\nFlags "
                        "punctuation glued to the next word.\n",
                        none});
    rules.add(RuleEntry{RuleMeta{
                            .id = "repeated-word",
                            .category = RuleCategory::Grammar,
                            .default_severity = Severity::Warning,
                            .summary = "A word written twice in a row.",
                            .has_fix = true,
                            .enabled_by_default = false,
                        },
                        "# repeated-word\n\nNo sections.\n", none});
    return rules;
  }();
  return registry;
}

// A whole report of `results` in `format`, as a run writes it: begin, each file, the summary.
std::string render_report(Format format, const std::vector<FileResult>& results,
                          const FormatOptions& options = FormatOptions{}) {
  std::ostringstream out;
  const auto formatter = make_formatter(format, out, options);
  Summary summary;
  formatter->begin();
  for (const auto& result : results) {
    count_into(summary, result);
    formatter->file(result);
  }
  formatter->end(summary);
  return out.str();
}

std::string render(Format format, bool colour = false) {
  FormatOptions options;
  options.color = colour;
  options.rules = sample_registry().descriptions();
  options.version = "1.2.3";
  return render_report(format, sample_results(), options);
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
      const std::size_t line_start =
          before.rfind('\n') == std::string::npos ? 0 : before.rfind('\n') + 1;
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
    ++count;
    if (object.contains("error")) {
      // The input that could not be read is a record of its own, after the findings.
      EXPECT_EQ(object["path"], "missing.txt");
      EXPECT_EQ(object["error"], "no such file or directory");
      EXPECT_EQ(count, 5);
      continue;
    }
    EXPECT_EQ(object["path"], "news/café.txt");
  }
  EXPECT_EQ(count, 5);
}

TEST(Formatter, ParsesFormatNames) {
  EXPECT_EQ(parse_format("text"), Format::Text);
  EXPECT_EQ(parse_format("json"), Format::Json);
  EXPECT_EQ(parse_format("jsonl"), Format::Jsonl);
  EXPECT_EQ(parse_format("sarif"), Format::Sarif);
  EXPECT_EQ(parse_format("github"), Format::Github);
  EXPECT_EQ(parse_format("junit"), Format::Junit);
  EXPECT_EQ(parse_format("checkstyle"), Format::Checkstyle);
  for (const auto name : kFormatNames) EXPECT_TRUE(parse_format(name).has_value()) << name;
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

// CI formats: SARIF, GitHub Actions annotations, JUnit XML and checkstyle XML.
namespace copydesk::testing {
namespace {

namespace fs = std::filesystem;

// Runs a python3 snippet on `content` (saved to a temporary file, passed as sys.argv[1]);
// returns the exit status and fills `output` with what it printed.
int run_python(const std::string& script, const std::string& content, std::string& output,
               const std::string& extra_argument = "") {
  const fs::path dir =
      fs::temp_directory_path() /
      ("copydesk-formats-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
       "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::create_directories(dir);
  write_file(dir / "input", content);
  write_file(dir / "check.py", script);
  const std::string command = "python3 '" + (dir / "check.py").string() + "' '" +
                              (dir / "input").string() + "' " + extra_argument + " > '" +
                              (dir / "output").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  output = read_file(dir / "output");
  fs::remove_all(dir);
  return status;
}

constexpr const char* kXmlCheck =
    "import sys, xml.etree.ElementTree as ET\n"
    "ET.parse(sys.argv[1])\n"
    "print('well-formed')\n";

// xml_escape is private to the library: see it through the message attribute of checkstyle.
std::string xml_escape_for_test(const std::string& text) {
  FileResult result;
  result.path = "a.txt";
  result.text = "word\n";
  Diagnostic diagnostic;
  diagnostic.rule = "r";
  diagnostic.span = Span{0, 4};
  diagnostic.message = text;
  result.diagnostics = {diagnostic};
  std::ostringstream out;
  make_formatter(Format::Checkstyle, out, FormatOptions{})->file(result);
  const std::string xml = out.str();
  const std::string open = "message=\"", close = "\" source=";
  const auto begin = xml.find(open) + open.size();
  return xml.substr(begin, xml.find(close, begin) - begin);
}

void expect_well_formed_xml(const std::string& xml) {
  std::string output;
  EXPECT_EQ(run_python(kXmlCheck, xml, output), 0) << output << "\n" << xml;
}

TEST(Formatter, SarifMatchesGolden) {
  expect_golden("formats/report.sarif", render(Format::Sarif));
}

TEST(Formatter, GithubMatchesGolden) {
  expect_golden("formats/report.github.txt", render(Format::Github));
}

TEST(Formatter, JunitMatchesGolden) {
  expect_golden("formats/report.junit.xml", render(Format::Junit));
}

TEST(Formatter, CheckstyleMatchesGolden) {
  expect_golden("formats/report.checkstyle.xml", render(Format::Checkstyle));
}

// The official SARIF 2.1.0 schema (kept in tests/corpus/schemas, see SOURCE.md there) with
// python3's jsonschema (Debian: python3-jsonschema).
TEST(Formatter, SarifIsValidAgainstTheOfficialSchema) {
  const fs::path schema = corpus_path("schemas/sarif-schema-2.1.0.json");
  ASSERT_TRUE(fs::exists(schema)) << schema;
  const std::string script =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[2]))\n"
      "log = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "validator = jsonschema.validators.validator_for(schema)(schema)\n"
      "errors = list(validator.iter_errors(log))\n"
      "for error in errors: print(error.json_path if hasattr(error, 'json_path') else "
      "list(error.path), error.message)\n"
      "print('valid' if not errors else 'invalid')\n"
      "sys.exit(1 if errors else 0)\n";
  std::string output;
  EXPECT_EQ(run_python(script, render(Format::Sarif), output, "'" + schema.string() + "'"), 0)
      << output;
  EXPECT_NE(output.find("valid"), std::string::npos) << output;
  // The schema check must be able to fail: a log with a bad level does.
  auto broken = nlohmann::json::parse(render(Format::Sarif));
  broken["runs"][0]["results"][0]["level"] = "severe";
  EXPECT_NE(run_python(script, broken.dump(), output, "'" + schema.string() + "'"), 0) << output;
}

TEST(Formatter, SarifHasRuleMetadataAndResultsThatPointIntoTheText) {
  const FileResult article = sample_results()[0];
  const auto log = nlohmann::json::parse(render(Format::Sarif));
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const auto& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "copydesk");
  EXPECT_EQ(driver["version"], "1.2.3");
  EXPECT_TRUE(driver.contains("informationUri"));
  ASSERT_EQ(driver["rules"].size(), 3u);
  // Sorted by id: missing-space-after-punctuation, misspelled-word, repeated-word.
  EXPECT_EQ(driver["rules"][0]["id"], "missing-space-after-punctuation");
  EXPECT_EQ(driver["rules"][1]["id"], "misspelled-word");
  EXPECT_EQ(driver["rules"][1]["shortDescription"]["text"], "A word the dictionary does not know.");
  EXPECT_EQ(driver["rules"][1]["fullDescription"]["text"],
            "Flags words the dictionary does not know.");
  EXPECT_NE(driver["rules"][1]["help"]["markdown"].get<std::string>().find("## Why is this bad?"),
            std::string::npos);
  EXPECT_EQ(driver["rules"][2]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(driver["rules"][2]["defaultConfiguration"]["enabled"], false);
  // A doc without "What it does" falls back to the summary.
  EXPECT_EQ(driver["rules"][2]["fullDescription"]["text"], "A word written twice in a row.");

  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_FALSE(results[0].contains("ruleIndex")) << "style-note is not a known rule";
  EXPECT_EQ(results[0]["level"], "note");
  EXPECT_EQ(results[1]["ruleId"], "misspelled-word");
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_EQ(results[2]["ruleId"], "missing-space-after-punctuation");
  EXPECT_EQ(results[2]["ruleIndex"], 0);
  EXPECT_EQ(results[3]["ruleIndex"], 2);
  EXPECT_EQ(results[3]["level"], "warning");
  for (const auto& result : results) {
    const auto& location = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], "news/caf%C3%A9.txt");
    const auto& region = location["region"];
    // charOffset and charLength count code points; byteOffset and byteLength UTF-8 bytes.
    const std::size_t byte_offset = region["byteOffset"], byte_length = region["byteLength"];
    const auto code_points = [](std::string_view bytes) {
      return static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
    };
    EXPECT_EQ(region["charOffset"],
              code_points(std::string_view(article.text).substr(0, byte_offset)));
    EXPECT_EQ(region["charLength"],
              code_points(std::string_view(article.text).substr(byte_offset, byte_length)));
  }
  // "teh" on line 1: "Café owners in 한국 😀 said " is 25 code points (the emoji is one).
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["startColumn"], 26);
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["endColumn"], 29);
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["charOffset"], 25);
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["charLength"], 3);
  // The fix inserts a space after the comma on line 2: an empty deleted region.
  const auto& replacement = results[2]["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["insertedContent"]["text"], " ");
  EXPECT_EQ(replacement["deletedRegion"]["charLength"], 0);
  EXPECT_EQ(replacement["deletedRegion"]["startLine"], 2);
  EXPECT_FALSE(results[1].contains("fixes"));
  // The missing file is a tool execution notification, and the run did not fully succeed.
  const auto& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["message"]["text"],
            "missing.txt: no such file or directory");
}

TEST(Formatter, SarifUrisArePercentEncodedRelativeReferences) {
  FileResult result;
  result.path = "dir with space/50%#1?.txt";
  result.text = "teh\n";
  Diagnostic typo;
  typo.rule = "misspelled-word";
  typo.span = Span{0, 3};
  typo.message = "`teh` is not in the dictionary.";
  result.diagnostics = {typo};
  FileResult absolute = result;
  absolute.path = "/srv/news/a.txt";
  std::ostringstream out;
  FormatOptions options;
  options.rules = sample_registry().descriptions();
  const auto formatter = make_formatter(Format::Sarif, out, options);
  formatter->file(result);
  formatter->file(absolute);
  formatter->end(Summary{});
  const auto log = nlohmann::json::parse(out.str());
  const auto uri = [&](int i) {
    return log["runs"][0]["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"]
              ["uri"];
  };
  EXPECT_EQ(uri(0), "dir%20with%20space/50%25%231%3F.txt");
  EXPECT_EQ(uri(1), "file:///srv/news/a.txt");
}

TEST(Formatter, XmlFormatsAreWellFormed) {
  expect_well_formed_xml(render(Format::Junit));
  expect_well_formed_xml(render(Format::Checkstyle));
}

// Markup characters, quotes, control characters and a file name that is not UTF-8 must all come
// out as well-formed XML.
TEST(Formatter, XmlFormatsEscapeEverything) {
  FileResult result;
  result.path = std::string("a&b <\"c\">'d'\xFF.txt");
  result.text = "x <tag> & \"q\" y\n";
  Diagnostic odd;
  odd.rule = "repeated-word";
  odd.severity = Severity::Warning;
  odd.span = Span{2, 7};
  odd.message = std::string("`<tag>` & \"quotes\" 'here'\x01 ]]> end\r\nnext");
  odd.suggestions = {"<b>&amp;"};
  result.diagnostics = {odd};
  for (const Format format : {Format::Junit, Format::Checkstyle}) {
    const std::string xml = render_report(format, {result});
    expect_well_formed_xml(xml);
    EXPECT_NE(xml.find("`&lt;tag&gt;` &amp; &quot;quotes&quot; &apos;here&apos;\xEF\xBF\xBD ]]&gt; "
                       "end&#13;&#10;next"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("a&amp;b &lt;&quot;c&quot;&gt;&apos;d&apos;\xEF\xBF\xBD.txt"),
              std::string::npos)
        << xml;
    // The attribute round-trips through a real parser.
    std::string output;
    const std::string script =
        "import sys, xml.etree.ElementTree as ET\n"
        "root = ET.parse(sys.argv[1]).getroot()\n"
        "for e in root.iter():\n"
        "  if e.tag in ('failure', 'error'): sys.stdout.write(repr(e.get('message')))\n";
    ASSERT_EQ(run_python(script, xml, output), 0) << output;
    EXPECT_EQ(output, "'`<tag>` & \"quotes\" \\'here\\'\xEF\xBF\xBD ]]> end\\r\\nnext'") << output;
  }
}

// The json formats write plain strings themselves and leave the rest to nlohmann::json: quotes,
// backslashes, control characters, DEL, invalid UTF-8 (as U+FFFD) and valid multi-byte text must
// all come out as the library itself would write them, and parse back.
TEST(Formatter, JsonFormatsEscapeAsTheJsonLibraryDoes) {
  FileResult result;
  result.path = std::string("dir \"q\"/back\\slash\xFF.txt");
  result.text = "caf\xC3\xA9 \xF0\x9F\x98\x80 x\n";
  Diagnostic odd;
  odd.rule = "repeated-word";
  odd.severity = Severity::Warning;
  odd.span = Span{0, 5};
  odd.message = std::string("tab\there \x01 del\x7F \"quoted\" back\\ bad\xC3 end");
  odd.suggestions = {"plain", "new\nline", "\u2019curly"};
  odd.fix = Fix{"Quote \"it\"", {Edit{Span{0, 5}, "\r\n"}, Edit{Span{6, 10}, ""}}, false};
  result.diagnostics = {odd};

  using Json = nlohmann::ordered_json;
  const auto position = [](std::uint32_t line, std::uint32_t column, std::uint32_t offset,
                           std::uint32_t utf16) {
    return Json{{"line", line}, {"column", column}, {"offset", offset}, {"utf16", utf16}};
  };
  const Json members{
      {"rule", odd.rule},
      {"severity", "warning"},
      {"message", odd.message},
      {"start", position(1, 1, 0, 0)},
      {"end", position(1, 5, 5, 4)},
      {"text", "caf\xC3\xA9"},
      {"suggestions", odd.suggestions},
      {"fix",
       {{"title", odd.fix->title},
        {"safe", false},
        {"edits",
         {{{"start", 0},
           {"end", 5},
           {"replacement", "\r\n"},
           {"range", {{"start", position(1, 1, 0, 0)}, {"end", position(1, 5, 5, 4)}}}},
          // An emoji: two UTF-16 units, one column.
          {{"start", 6},
           {"end", 10},
           {"replacement", ""},
           {"range", {{"start", position(1, 6, 6, 5)}, {"end", position(1, 7, 10, 7)}}}}}}}}};
  const auto dump = [](const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  Json line{{"path", result.path}};
  line.update(members);
  EXPECT_EQ(render_report(Format::Jsonl, {result}), dump(line) + "\n");

  Json entry{{"path", result.path}, {"diagnostics", Json::array({members})}};
  const std::string json = render_report(Format::Json, {result});
  EXPECT_NE(json.find(dump(entry)), std::string::npos) << json;
  const Json parsed = Json::parse(json);
  EXPECT_EQ(parsed["files"][0]["path"], "dir \"q\"/back\\slash\xEF\xBF\xBD.txt");
  EXPECT_EQ(parsed["files"][0]["diagnostics"][0]["message"],
            "tab\there \x01 del\x7F \"quoted\" back\\ bad\xEF\xBF\xBD end");
}

TEST(Formatter, JunitCountsTestsFailuresAndErrors) {
  const std::string xml = render(Format::Junit);
  EXPECT_NE(
      xml.find(
          "<testsuites name=\"copydesk\" tests=\"6\" failures=\"4\" errors=\"1\" skipped=\"0\">"),
      std::string::npos)
      << xml;
  // The clean file is one passing test case; the missing file an <error>.
  EXPECT_NE(xml.find("<testcase classname=\"clean.md\" name=\"copydesk\" file=\"clean.md\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<error message=\"no such file or directory\" type=\"input-error\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(
      xml.find("<failure message=\"`teh` is not in the dictionary.\" type=\"misspelled-word\">"),
      std::string::npos)
      << xml;
}

TEST(Formatter, CheckstyleNamesTheRuleAsSource) {
  const std::string xml = render(Format::Checkstyle);
  EXPECT_EQ(
      xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">", 0), 0u);
  EXPECT_NE(xml.find("<error line=\"1\" column=\"26\" severity=\"error\" message=\"`teh` is not in "
                     "the dictionary.\" source=\"copydesk.misspelled-word\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("severity=\"info\""), std::string::npos) << xml;
}

TEST(Formatter, GithubAnnotationsUseWorkflowCommandsBySeverity) {
  const std::string report = render(Format::Github);
  EXPECT_NE(report.find("::error file=news/café.txt,line=1,col=26,endLine=1,endColumn=29,"
                        "title=misspelled-word::`teh` is not in the dictionary.\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("::warning file=news/café.txt,line=2,"), std::string::npos) << report;
  EXPECT_NE(report.find("::notice file=news/café.txt,line=1,col=1,"), std::string::npos) << report;
  EXPECT_NE(report.find("::error file=missing.txt,title=copydesk::no such file or directory\n"),
            std::string::npos)
      << report;
  EXPECT_EQ(report.find("clean.md"), std::string::npos) << report;
}

// Percent, CR and LF are escaped in the message; in properties (file, title) also ':' and ','
// which would end the value. Every command stays on one line.
TEST(Formatter, GithubEscapesMessagesAndProperties) {
  FileResult result;
  result.path = "C:dir,odd%name.txt";
  result.text = "one two\n";
  Diagnostic diagnostic;
  diagnostic.rule = "rule:with,chars";
  diagnostic.severity = Severity::Error;
  diagnostic.span = Span{0, 3};
  diagnostic.message = "100% sure: a, b\r\nnext line\n";
  result.diagnostics = {diagnostic};
  std::ostringstream out;
  make_formatter(Format::Github, out, FormatOptions{})->file(result);
  EXPECT_EQ(out.str(),
            "::error file=C%3Adir%2Codd%25name.txt,line=1,col=1,endLine=1,endColumn=4,"
            "title=rule%3Awith%2Cchars::100%25 sure: a, b%0D%0Anext line%0A\n");
}

TEST(Formatter, XmlEscapeHandlesEveryCharacterClass) {
  EXPECT_EQ(xml_escape_for_test("plain é 한 😀"), "plain é 한 😀");
  EXPECT_EQ(xml_escape_for_test("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;");
  EXPECT_EQ(xml_escape_for_test(std::string("a\tb\x02"
                                            "c",
                                            5)),
            "a&#9;b\xEF\xBF\xBD"
            "c");
  // Invalid UTF-8 (a lone continuation byte, a truncated sequence, an encoded surrogate) and the
  // non-characters U+FFFE/U+FFFF that XML forbids.
  EXPECT_EQ(xml_escape_for_test("x\x80y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(xml_escape_for_test("x\xE2\x82"), "x\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape_for_test("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape_for_test("\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace copydesk::testing
