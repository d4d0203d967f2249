// Vale's built-in style: its rules read as the rule files they stand for.

#include "copydesk/vale/builtin_style.hpp"

#include <gtest/gtest.h>

#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/yaml_tree.hpp"

namespace copydesk::vale {
namespace {

TEST(ValeBuiltinStyle, RulesBuildTheirChecks) {
  std::vector<std::string> ids;
  for (const BuiltinRule& rule : vale_builtin_rules()) {
    const std::string id = std::string(kValeStyleName) + "." + std::string(rule.name);
    const RuleFile file("Vale/" + std::string(rule.name) + ".yml", id, parse_yaml(rule.yaml));
    EXPECT_EQ(file.severity(), Severity::Error) << id;
    ASSERT_NE(check_factory(file.extends()), nullptr) << id;
    EXPECT_NE(check_factory(file.extends())(file), nullptr) << id;
    ids.push_back(id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"Vale.Repetition", "Vale.Spelling"}));
}

TEST(ValeBuiltinStyle, RepetitionFlagsARepeatedWord) {
  const BuiltinRule& repetition = vale_builtin_rules().front();
  const RuleFile file("Vale/Repetition.yml", "Vale.Repetition", parse_yaml(repetition.yaml));
  const auto check = check_factory(file.extends())(file);
  const std::string text = "We sent the the draft, 10 10 times.";
  std::vector<Alert> alerts;
  check->run({Block{.text = text, .offset = 100}}, alerts);
  ASSERT_EQ(alerts.size(), 1u);  // "10 10" is not words
  EXPECT_EQ(alerts[0].span.begin, 108u);
  EXPECT_EQ(alerts[0].span.end, 115u);
  EXPECT_EQ(alerts[0].message, "'the' is repeated!");
}

}  // namespace
}  // namespace copydesk::vale
