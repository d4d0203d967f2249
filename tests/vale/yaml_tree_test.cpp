// Rule files read into YamlNode: shapes, marks, scalars read as yaml-cpp read them, errors.

#include "copydesk/vale/yaml_tree.hpp"

#include <gtest/gtest.h>

namespace copydesk::vale {
namespace {

TEST(ValeYamlTree, ReadsMappingsSequencesAndScalarsWithTheirMarks) {
  const YamlNode root = parse_yaml(
      "extends: existence\nmessage: \"Use '%s'.\"\ntokens:\n  - in order to\n  - 'utilize'\n"
      "swap:\n  percent: per cent\n");
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.entry_count(), 4u);
  EXPECT_EQ(root["extends"].text(), "existence");
  EXPECT_EQ(root["extends"].mark().line, 1);
  EXPECT_EQ(root["extends"].mark().column, 10);
  EXPECT_EQ(root["message"].text(), "Use '%s'.");
  const YamlNode& tokens = root["tokens"];
  ASSERT_TRUE(tokens.is_sequence());
  ASSERT_EQ(tokens.children().size(), 2u);
  EXPECT_EQ(tokens.children()[1].text(), "utilize");
  EXPECT_EQ(tokens.mark().line, 4);
  EXPECT_EQ(tokens.mark().column, 3);
  EXPECT_EQ(root["swap"]["percent"].text(), "per cent");
  EXPECT_FALSE(root["missing"]);
  EXPECT_FALSE(root["extends"]["nested"]);
}

TEST(ValeYamlTree, EmptyPlainValuesAreNullButQuotedOnesAreStrings) {
  const YamlNode root = parse_yaml("a:\nb: ~\nc: null\nd: ''\ne: \"null\"\n");
  EXPECT_TRUE(root["a"].is_null());
  EXPECT_TRUE(root["b"].is_null());
  EXPECT_TRUE(root["c"].is_null());
  ASSERT_TRUE(root["d"].is_scalar());
  EXPECT_EQ(root["d"].text(), "");
  EXPECT_EQ(root["e"].text(), "null");
  EXPECT_TRUE(parse_yaml("").is_null());
}

TEST(ValeYamlTree, BooleansAndNumbersReadAsYamlCppReadThem) {
  EXPECT_EQ(YamlNode::scalar("true").as_bool(), true);
  EXPECT_EQ(YamlNode::scalar("Yes").as_bool(), true);
  EXPECT_EQ(YamlNode::scalar("OFF").as_bool(), false);
  EXPECT_EQ(YamlNode::scalar("n").as_bool(), false);
  EXPECT_EQ(YamlNode::scalar("tRUE").as_bool(), std::nullopt);
  EXPECT_EQ(YamlNode::scalar("1").as_bool(), std::nullopt);
  EXPECT_EQ(YamlNode::scalar("25").as_integer(), 25);
  EXPECT_EQ(YamlNode::scalar("-3").as_integer(), -3);
  EXPECT_EQ(YamlNode::scalar("0x10").as_integer(), 16);
  EXPECT_EQ(YamlNode::scalar("2.5").as_integer(), std::nullopt);
  EXPECT_EQ(YamlNode::scalar(" 4").as_integer(), std::nullopt);
  EXPECT_EQ(YamlNode::null().as_integer(), std::nullopt);
}

TEST(ValeYamlTree, AliasesStandForTheirAnchoredNode) {
  const YamlNode root = parse_yaml("first: &words [a, b]\nsecond: *words\n");
  ASSERT_TRUE(root["second"].is_sequence());
  EXPECT_EQ(root["second"].children()[1].text(), "b");
}

TEST(ValeYamlTree, OnlyTheFirstDocumentIsRead) {
  EXPECT_EQ(parse_yaml("a: 1\n---\nb: [\n")["a"].text(), "1");
}

TEST(ValeYamlTree, AnErrorGivesItsLineAndColumn) {
  try {
    parse_yaml("extends: existence\ntokens: [a\n");
    FAIL() << "an unclosed flow sequence was read";
  } catch (const YamlError& error) {
    EXPECT_EQ(error.mark().line, 3);
    EXPECT_EQ(error.mark().column, 1);
    EXPECT_NE(std::string(error.what()).find("flow sequence"), std::string::npos) << error.what();
  }
}

TEST(ValeYamlTree, AnEscapedQuoteInDoubleQuotesIsTheQuote) {
  // Not YAML, but yaml-cpp read it, and a Joblint rule in Vale's suite has it.
  const YamlNode root = parse_yaml("a: \"you\\'re, \\'ok\\'\"\nb: 'x\\y'\n");
  EXPECT_EQ(root["a"].text(), "you're, 'ok'");
  EXPECT_EQ(root["b"].text(), "x\\y");
  EXPECT_THROW(parse_yaml("a: \"\\q\"\n"), YamlError);
}

TEST(ValeYamlTree, SetAddsOrReplacesAnEntry) {
  YamlNode root = YamlNode::map();
  root.set("level", YamlNode::scalar("warning"));
  root.set("level", YamlNode::scalar("error"));
  root.set("tokens", YamlNode::strings({"a", "b"}));
  EXPECT_EQ(root.entry_count(), 2u);
  EXPECT_EQ(root["level"].text(), "error");
  EXPECT_EQ(root["tokens"].children()[0].text(), "a");
}

}  // namespace
}  // namespace copydesk::vale
