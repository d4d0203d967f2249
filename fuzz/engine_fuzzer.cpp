// Fuzzes the whole engine (every default rule, en_US) on arbitrary bytes: it must never crash,
// must reject invalid UTF-8 with an error, must report spans inside the text, and applying the
// safe fixes must keep the text valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "copydesk/engine.hpp"
#include "copydesk/fixes.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"
#include "fuzz_support.hpp"

using copydesk::fuzz::builtin_engine;
using copydesk::fuzz::require;

namespace {}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const bool valid = !copydesk::find_invalid_utf8(text);
  const copydesk::FileResult result = builtin_engine().lint_text("fuzz.txt", text);
  if (!valid) {
    require(result.error.has_value(), "invalid UTF-8 is an error");
    require(result.diagnostics.empty(), "invalid UTF-8 is not linted");
    return 0;
  }
  require(!result.error.has_value(), "valid UTF-8 is linted");
  require(result.text == text, "the result keeps the text");
  for (const auto& diagnostic : result.diagnostics) {
    require(diagnostic.span.begin <= diagnostic.span.end && diagnostic.span.end <= size,
            "diagnostic spans stay inside the text");
    require(!diagnostic.message.empty(), "diagnostics have a message");
    require(!diagnostic.rule.empty(), "diagnostics name their rule");
    if (diagnostic.fix) {
      for (const auto& edit : diagnostic.fix->edits) {
        require(edit.span.begin <= edit.span.end && edit.span.end <= size,
                "fix edits stay inside the text");
      }
    }
  }
  const std::string fixed =
      copydesk::apply_fixes(text, copydesk::safe_fix_edits(result.diagnostics));
  require(!copydesk::find_invalid_utf8(fixed), "safe fixes keep the text valid UTF-8");
  return 0;
}
