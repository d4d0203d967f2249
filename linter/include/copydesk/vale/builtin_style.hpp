#pragma once

// Vale's built-in style, "Vale", which a .vale.ini names without a folder for it
// (`BasedOnStyles = Vale`, `Vale.Spelling = NO`): its rules written as the YAML they would be.

#include <string_view>
#include <vector>

namespace copydesk::vale {

struct BuiltinRule {
  std::string_view name;  // "Spelling": the rule is "Vale.Spelling"
  std::string_view yaml;
};

inline constexpr std::string_view kValeStyleName = "Vale";

// Spelling (copydesk's en_US dictionary) and Repetition. Vale's Terms and Avoid come from a
// Vocab, which is read apart.
const std::vector<BuiltinRule>& vale_builtin_rules();

}  // namespace copydesk::vale
