// `copydesk check --input jsonl` end to end: records in, findings keyed by id out, summaries,
// error records with their line numbers, exit codes, order with --jobs, configuration by path,
// languages and field names.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace copydesk::testing {
namespace {

using Json = nlohmann::json;

class RecordsCli : public CliFixture {};

std::vector<Json> lines_of(const std::string& output) {
  std::vector<Json> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  return lines;
}

std::string summary_line(const std::string& id, int line, int errors) {
  return R"({"id":)" + id + R"(,"line":)" + std::to_string(line) + R"(,"summary":{"diagnostics":)" +
         std::to_string(errors) + R"(,"errors":)" + std::to_string(errors) +
         R"(,"warnings":0,"infos":0}})"
         "\n";
}

TEST_F(RecordsCli, FindingsAreKeyedByIdWithPositionsInTheRecordText) {
  const Outcome outcome = run("check --input jsonl -",
                              "{\"id\":\"r1\",\"text\":\"Café.\\nIt is a apple.\"}\n"
                              "{\"id\":17,\"text\":\"A clean line.\"}\n");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(outcome.out,
            R"({"id":"r1","rule":"wrong-indefinite-article","severity":"error",)"
            R"("message":"Use `an` before `apple`.",)"
            R"("start":{"line":2,"column":7,"offset":13,"utf16":6},)"
            R"("end":{"line":2,"column":8,"offset":14,"utf16":7},"text":"a","suggestions":["an"],)"
            R"("fix":{"title":"Replace with `an`","safe":true,"edits":[{"start":13,"end":14,)"
            R"("replacement":"an","range":{"start":{"line":2,"column":7,"offset":13,"utf16":6},)"
            R"("end":{"line":2,"column":8,"offset":14,"utf16":7}}}]}})"
            "\n" +
                summary_line(R"("r1")", 1, 1) + summary_line("17", 2, 0));
}

TEST_F(RecordsCli, NoFindingsExitsZeroAndStillWritesASummaryPerRecord) {
  const Outcome outcome = run("check --input jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\n");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, summary_line(R"("a")", 1, 0));
  const Outcome empty = run("check --input jsonl -", "");
  EXPECT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_EQ(empty.out, "");
}

TEST_F(RecordsCli, BadRecordsGiveErrorRecordsWithTheirLineAndTheRunGoesOn) {
  const std::string input =
      "{\"id\":\"ok\",\"text\":\"Fine.\"}\n"
      "not json\n"
      "{\"id\":\"b\"}\n"
      "{\"id\":\"c\",\"text\":5}\n"
      "{\"id\":\"d\",\"text\":\"caf\xE9\"}\n"
      "{\"id\":\"e\",\"text\":\"x\",\"syntax\":\"rst\"}\n"
      "\n"
      "{\"id\":\"last\",\"text\":\"Fine.\"}\n";
  const Outcome outcome = run("check --input jsonl --stdin-filename export.jsonl -", input);
  EXPECT_EQ(outcome.exit_code, 2);
  const std::vector<Json> lines = lines_of(outcome.out);
  ASSERT_EQ(lines.size(), 7u) << outcome.out;
  EXPECT_EQ(lines[0]["id"], "ok");
  EXPECT_EQ(lines[1]["input"], "export.jsonl");
  EXPECT_EQ(lines[1]["line"], 2);
  EXPECT_FALSE(lines[1].contains("id"));
  EXPECT_TRUE(lines[1]["error"].get<std::string>().starts_with("not valid JSON: parse error"));
  EXPECT_EQ(lines[2].dump(),
            R"({"error":"missing field 'text'","id":"b","input":"export.jsonl","line":3})");
  EXPECT_EQ(lines[3]["error"], "field 'text' must be a string, not number");
  EXPECT_EQ(lines[3]["line"], 4);
  EXPECT_EQ(lines[4]["error"], "invalid UTF-8 at byte 21 of the line");
  EXPECT_EQ(lines[4]["line"], 5);
  EXPECT_EQ(lines[5]["error"], "unknown syntax 'rst' in field 'syntax' (txt, md or html)");
  EXPECT_EQ(lines[6].dump(), R"({"id":"last","line":8,"summary":{"diagnostics":0,"errors":0,)"
                             R"("infos":0,"warnings":0}})");
  EXPECT_NE(outcome.err.find("copydesk: error: export.jsonl:3: missing field 'text'\n"),
            std::string::npos)
      << outcome.err;
}

TEST_F(RecordsCli, OutputKeepsInputOrderWithTwoJobs) {
  std::string input;
  for (int i = 0; i < 2000; ++i) {
    // Long records now and then, so that later ones finish first on the other thread.
    std::string text = i % 3 == 0 ? "It was the the end." : "It was the end.";
    if (i % 97 == 0) {
      for (int j = 0; j < 300; ++j) text += " The council met on Monday to agree a budget.";
    }
    input += R"({"id":)" + std::to_string(i) + R"(,"text":")" + text + "\"}\n";
  }
  const Outcome outcome = run("check --input jsonl --jobs 2 -", input);
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  std::vector<int> summaries;
  std::size_t findings = 0;
  for (const Json& line : lines_of(outcome.out)) {
    if (line.contains("summary")) {
      summaries.push_back(line["id"].get<int>());
      EXPECT_EQ(line["line"], summaries.back() + 1);
    } else {
      EXPECT_EQ(line["id"].get<int>() % 3, 0) << line;
      EXPECT_EQ(line["id"].get<int>(), static_cast<int>(summaries.size())) << "out of order";
      ++findings;
    }
  }
  ASSERT_EQ(summaries.size(), 2000u);
  for (int i = 0; i < 2000; ++i) ASSERT_EQ(summaries[i], i);
  EXPECT_EQ(findings, 667u);
}

TEST_F(RecordsCli, APathFindsTheConfigurationThatGovernsItWithItsOverrides) {
  file("copydesk.toml",
       "[rules.repeated-word]\nseverity = \"warning\"\n"
       "[[overrides]]\nfiles = [\"news/**\"]\n"
       "[overrides.rules.repeated-word]\nseverity = \"info\"\n");
  std::filesystem::create_directories(dir_ / "quiet");
  file("quiet/copydesk.toml", "[rules.repeated-word]\nenabled = false\n");
  const std::string text = R"("text":"It was the the end.")";
  const Outcome outcome =
      run("check --input jsonl -", R"({"id":"none",)" + text + "}\n" +
                                       R"({"id":"news","path":"news/a.txt",)" + text + "}\n" +
                                       R"({"id":"quiet","path":"quiet/b.txt",)" + text + "}\n");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;  // a warning and an info: below --fail-on
  std::vector<std::string> findings;
  for (const Json& line : lines_of(outcome.out)) {
    if (line.contains("rule"))
      findings.push_back(line["id"].get<std::string>() + " " + line["severity"].get<std::string>());
  }
  EXPECT_EQ(findings, (std::vector<std::string>{"none warning", "news info"})) << outcome.out;
}

TEST_F(RecordsCli, ARecordsLanguageAndSyntaxAreUsed) {
  const Outcome outcome =
      run("check --input jsonl -",
          "{\"id\":\"us\",\"text\":\"The colour is nice.\"}\n"
          "{\"id\":\"gb\",\"text\":\"The colour is nice.\",\"language\":\"en_GB\"}\n"
          "{\"id\":\"md\",\"text\":\"Use `the the` here.\",\"syntax\":\"md\"}\n"
          "{\"id\":\"txt\",\"text\":\"Use `the the` here.\"}\n"
          "{\"id\":\"xx\",\"text\":\"Text.\",\"language\":\"xx_XX\"}\n");
  EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
  std::vector<std::string> ids;
  for (const Json& line : lines_of(outcome.out)) {
    if (line.contains("rule"))
      ids.push_back(line["id"].get<std::string>() + " " + line["rule"].get<std::string>());
    if (line.contains("error")) {
      EXPECT_EQ(line["id"], "xx");
      EXPECT_NE(line["error"].get<std::string>().find("xx_XX"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"us misspelled-word", "txt repeated-word"}))
      << outcome.out;
}

TEST_F(RecordsCli, FieldNamesAreOptions) {
  const Outcome outcome =
      run("check --input jsonl --id-field uuid --text-field body --syntax-field format "
          "--language-field lang --path-field file -",
          R"({"uuid":"u1","body":"It is a apple.","format":"txt","lang":"en_GB","file":"a.txt"})"
          "\n"
          R"({"id":"u2","text":"x"})"
          "\n");
  EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
  const std::vector<Json> lines = lines_of(outcome.out);
  ASSERT_EQ(lines.size(), 3u) << outcome.out;
  EXPECT_EQ(lines[0]["id"], "u1");
  EXPECT_EQ(lines[0]["rule"], "wrong-indefinite-article");
  EXPECT_EQ(lines[1]["summary"]["diagnostics"], 1);
  EXPECT_EQ(lines[2]["error"], "missing field 'uuid'");
}

TEST_F(RecordsCli, FilesAreReadInTurnAndOneThatCannotBeReadIsAnErrorRecord) {
  file("a.jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\n");
  file("b.jsonl", "{\"id\":\"b\",\"text\":\"Fine.\"}");  // no final newline
  const Outcome outcome = run("check --input jsonl a.jsonl missing.jsonl b.jsonl");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.out, summary_line(R"("a")", 1, 0) +
                             R"({"input":"missing.jsonl","line":0,)"
                             R"("error":"cannot open: No such file or directory"})"
                             "\n" +
                             summary_line(R"("b")", 1, 0));
}

TEST_F(RecordsCli, OptionsForFilesAreRefusedWithRecords) {
  for (const std::string options : {"--fix", "--diff", "--baseline b.json", "--format json"}) {
    const Outcome outcome = run("check --input jsonl " + options + " -", "");
    EXPECT_EQ(outcome.exit_code, 2) << options;
    EXPECT_EQ(outcome.out, "") << options;
    EXPECT_NE(outcome.err.find("copydesk: "), std::string::npos) << options;
  }
}

}  // namespace
}  // namespace copydesk::testing
