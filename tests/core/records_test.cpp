// Batch records: what a line must hold to be a record, the problems named with their line, long
// lines, and results in input order whatever the number of threads.

#include "copydesk/records.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "copydesk/record_output.hpp"
#include "copydesk/registry.hpp"

namespace copydesk::testing {
namespace {

Record record_of(std::string_view line, const RecordFields& fields = {}) {
  auto parsed = parse_record(line, 7, fields);
  if (auto* problem = std::get_if<RecordProblem>(&parsed)) {
    ADD_FAILURE() << "not a record: " << problem->message;
    return {};
  }
  return std::get<Record>(std::move(parsed));
}

RecordProblem problem_of(std::string_view line, const RecordFields& fields = {}) {
  auto parsed = parse_record(line, 7, fields);
  if (std::holds_alternative<Record>(parsed)) {
    ADD_FAILURE() << "a record: " << line;
    return {};
  }
  return std::get<RecordProblem>(std::move(parsed));
}

TEST(ParseRecord, ReadsIdTextAndTheOptionalFields) {
  const Record record = record_of(
      R"({"id":"a-1","text":"It is.\nNew line","syntax":"md","language":"en_GB","path":"news/x.md"})");
  EXPECT_EQ(record.line, 7u);
  EXPECT_EQ(record.id, R"("a-1")");
  EXPECT_EQ(record.text, "It is.\nNew line");
  EXPECT_EQ(record.syntax, Syntax::Markdown);
  EXPECT_EQ(record.language, "en_GB");
  EXPECT_EQ(record.path, "news/x.md");
}

TEST(ParseRecord, AnIntegerIdIsWrittenBackAsAnInteger) {
  const Record record = record_of(R"({"id":42,"text":"x","syntax":null})");
  EXPECT_EQ(record.id, "42");
  EXPECT_FALSE(record.syntax);
  EXPECT_FALSE(record.language);
  EXPECT_FALSE(record.path);
}

TEST(ParseRecord, FieldNamesAreConfigurable) {
  const RecordFields fields{
      .id = "uuid", .text = "body", .syntax = "format", .language = "lang", .path = "file"};
  const Record record =
      record_of(R"({"uuid":"u","body":"Text.","format":"html","lang":"en_AU","file":"a"})", fields);
  EXPECT_EQ(record.id, R"("u")");
  EXPECT_EQ(record.text, "Text.");
  EXPECT_EQ(record.syntax, Syntax::Html);
  EXPECT_EQ(record.language, "en_AU");
  EXPECT_EQ(record.path, "a");
  EXPECT_EQ(problem_of(R"({"id":"u","text":"x"})", fields).message, "missing field 'uuid'");
}

TEST(ParseRecord, NamesWhatIsWrongWithALine) {
  EXPECT_EQ(problem_of(R"({"id":"a","text":3})").message,
            "field 'text' must be a string, not number");
  EXPECT_EQ(problem_of(R"({"id":"a"})").message, "missing field 'text'");
  EXPECT_EQ(problem_of(R"({"text":"x"})").message, "missing field 'id'");
  EXPECT_EQ(problem_of(R"({"id":1.5,"text":"x"})").message,
            "field 'id' must be a string or an integer, not number");
  EXPECT_EQ(problem_of(R"({"id":"a","text":"x","syntax":"rst"})").message,
            "unknown syntax 'rst' in field 'syntax' (txt, md or html)");
  EXPECT_EQ(problem_of(R"({"id":"a","text":"x","language":"../../etc"})").message,
            "field 'language' is no dictionary name: '../../etc'");
  EXPECT_EQ(problem_of(R"({"id":"a","text":"x","path":7})").message,
            "field 'path' must be a string, not number");
  EXPECT_EQ(problem_of(R"(["a","b"])").message, "a record must be a JSON object, not array");
  EXPECT_EQ(problem_of("{\"id\":\"a\",\"text\":\"caf\xE9\"}").message,
            "invalid UTF-8 at byte 21 of the line");
  EXPECT_TRUE(problem_of(R"({"id":"a","text":)").message.starts_with("not valid JSON: "));
  // A lone surrogate escape is no text either.
  const std::string surrogate = problem_of(R"({"id":"a","text":"x\ud800"})").message;
  EXPECT_TRUE(surrogate.starts_with("not valid JSON: ")) << surrogate;
  EXPECT_NE(surrogate.find("surrogate"), std::string::npos) << surrogate;
}

TEST(ParseRecord, AProblemKeepsTheIdWhenTheLineHasOne) {
  const RecordProblem problem = problem_of(R"({"id":"a","text":null})");
  EXPECT_EQ(problem.line, 7u);
  EXPECT_EQ(problem.id, R"("a")");
  EXPECT_FALSE(problem_of(R"({"id":[1],"text":"x"})").id);
}

TEST(LineReader, SplitsOnNewlinesDropsCarriageReturnsAndSkipsOverlongLines) {
  std::istringstream in("one\r\n" + std::string(20, 'x') + "\n\nlast");
  LineReader reader(in, 10);
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(reader.next(line, too_long));
  EXPECT_EQ(line, "one");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(reader.next(line, too_long));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(line, "");
  EXPECT_EQ(reader.line_number(), 2u);
  ASSERT_TRUE(reader.next(line, too_long));
  EXPECT_EQ(line, "");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(reader.next(line, too_long));
  EXPECT_EQ(line, "last");
  EXPECT_EQ(reader.line_number(), 4u);
  EXPECT_FALSE(reader.next(line, too_long));
}

// Runs lint_records over `input` and writes its record output.
std::string lint_to_output(const std::string& input, unsigned jobs) {
  RecordEngines engines(Registry::builtin(), CommandLineSettings{});
  std::istringstream in(input);
  std::ostringstream out;
  RecordWriter writer(out);
  lint_records(in, RecordRunOptions{.fields = {}, .jobs = jobs}, engines,
               [&](RecordResult&& record) { writer.write(record, "in.jsonl"); });
  return out.str();
}

TEST(LintRecords, WritesFindingsSummariesAndErrorsInInputOrderWhateverTheThreads) {
  std::string input;
  std::string expected;
  for (int i = 0; i < 1500; ++i) {  // three batches
    const std::string id = std::to_string(i);
    const int line = i + 1;
    if (i % 5 == 0) {
      input += R"({"id":)" + id +
               R"(,"text":"It was the the end."})"
               "\n";
      expected +=
          R"({"id":)" + id +
          R"(,"rule":"repeated-word","severity":"error","message":"`the` is repeated.",)"
          R"("start":{"line":1,"column":12,"offset":11,"utf16":11},)"
          R"("end":{"line":1,"column":15,"offset":14,"utf16":14},"text":"the","suggestions":[],)"
          R"("fix":{"title":"Remove the repeated word","safe":true,"edits":[{"start":10,"end":14,"replacement":"",)"
          R"("range":{"start":{"line":1,"column":11,"offset":10,"utf16":10},)"
          R"("end":{"line":1,"column":15,"offset":14,"utf16":14}}}]}})"
          "\n";
      expected += R"({"id":)" + id + R"(,"line":)" + std::to_string(line) +
                  R"(,"summary":{"diagnostics":1,"errors":1,"warnings":0,"infos":0}})"
                  "\n";
    } else if (i % 7 == 0) {
      input += R"({"id":)" + id + "}\n";
      expected += R"({"input":"in.jsonl","line":)" + std::to_string(line) + R"(,"id":)" + id +
                  R"(,"error":"missing field 'text'"})"
                  "\n";
    } else {
      input += R"({"id":)" + id +
               R"(,"text":"It was the end."})"
               "\n";
      expected += R"({"id":)" + id + R"(,"line":)" + std::to_string(line) +
                  R"(,"summary":{"diagnostics":0,"errors":0,"warnings":0,"infos":0}})"
                  "\n";
    }
  }
  for (const unsigned jobs : {1u, 2u, 4u}) {
    EXPECT_EQ(lint_to_output(input, jobs), expected) << "--jobs " << jobs;
  }
}

TEST(LintRecords, BlankLinesAreSkippedButCounted) {
  EXPECT_EQ(lint_to_output("\n  \n{\"id\":\"x\",\"text\":\"Fine.\"}\n\n", 1),
            R"({"id":"x","line":3,"summary":{"diagnostics":0,"errors":0,"warnings":0,"infos":0}})"
            "\n");
}

}  // namespace
}  // namespace copydesk::testing
