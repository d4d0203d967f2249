#include "copydesk/vale/builtin_style.hpp"

namespace copydesk::vale {

const std::vector<BuiltinRule>& vale_builtin_rules() {
  static const std::vector<BuiltinRule> rules{
      {"Repetition",
       "extends: repetition\n"
       "message: \"'%s' is repeated!\"\n"
       "level: error\n"
       "alpha: true\n"
       "ignorecase: false\n"
       "tokens:\n"
       "  - '[^\\s]+'\n"},
      {"Spelling",
       "extends: spelling\n"
       "message: \"Did you really mean '%s'?\"\n"
       "level: error\n"},
  };
  return rules;
}

}  // namespace copydesk::vale
