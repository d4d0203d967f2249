// Fuzzes fixing: the first byte picks plain text or Markdown, the rest is the text. Every fix
// the rules offer (safe and unsafe) is chosen as --fix --unsafe-fixes would and applied; the
// result must be valid UTF-8, every byte outside the edits must be the original's, and the
// fixer's unified diff must name exactly the lines that changed.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "copydesk/engine.hpp"
#include "copydesk/fixes.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"
#include "copydesk/unified_diff.hpp"
#include "fuzz_support.hpp"

using copydesk::fuzz::builtin_engine;
using copydesk::fuzz::require;

namespace {

// Walks the sorted, non-overlapping edits: the text between them must be copied unchanged and
// each replacement must stand where its span stood.
void require_only_edits_changed(std::string_view before, std::string_view after,
                                std::vector<copydesk::Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const copydesk::Edit& a, const copydesk::Edit& b) {
    return a.span.begin < b.span.begin;
  });
  std::size_t from = 0;
  std::size_t to = 0;
  for (const copydesk::Edit& edit : edits) {
    const std::size_t same = edit.span.begin - from;
    require(after.substr(to, same) == before.substr(from, same), "bytes between edits kept");
    to += same;
    require(after.substr(to, edit.replacement.size()) == edit.replacement, "replacement placed");
    to += edit.replacement.size();
    from = edit.span.end;
  }
  require(after.substr(to) == before.substr(from), "bytes after the last edit kept");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool markdown = (data[0] & 1) != 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (copydesk::find_invalid_utf8(text)) return 0;
  const copydesk::FileResult result =
      builtin_engine().lint_text(markdown ? "fuzz.md" : "fuzz.txt", text,
                                 markdown ? copydesk::Syntax::Markdown : copydesk::Syntax::Text);
  require(!result.error.has_value(), "valid UTF-8 is linted");
  const copydesk::FixSelection chosen =
      copydesk::select_fixes(result.diagnostics, copydesk::FixLevel::Unsafe);
  std::size_t skipped = 0;
  const std::string fixed = copydesk::apply_fixes(text, chosen.edits, &skipped);
  require(skipped == 0, "chosen fixes never conflict");
  require(!copydesk::find_invalid_utf8(fixed), "fixes keep the text valid UTF-8");
  require_only_edits_changed(text, fixed, chosen.edits);
  require(copydesk::unified_diff("f", text, fixed).empty() == (fixed == text),
          "a diff exactly when the text changed");
  return 0;
}
