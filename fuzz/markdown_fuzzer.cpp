// Fuzzes the Markdown front end on any valid UTF-8: the prose view must keep the source's
// length and line breaks and copy only source bytes; block starts must be ordered, inside the
// text and obeyed by the segmenter; and the whole engine must lint the file as Markdown.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "copydesk/document.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/fixes.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"
#include "fuzz_support.hpp"

using copydesk::fuzz::builtin_engine;
using copydesk::fuzz::require;

namespace {

bool line_break(char c) { return c == '\n' || c == '\r'; }
bool blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || line_break(c); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  if (copydesk::find_invalid_utf8(source)) return -1;  // not worth keeping in the corpus
  const copydesk::ProseView prose = copydesk::markdown_prose(source);
  const std::string& view = prose.text;

  const auto source_size = static_cast<std::uint32_t>(source.size());
  std::size_t line_breaks = 0;
  for (std::uint32_t i = 0; i < view.size(); ++i) {
    const std::uint32_t at = prose.map.source_offset(i, source_size);
    require(at < source_size, "every byte of the view comes from the source");
    require(i == 0 || at > prose.map.source_offset(i - 1, source_size),
            "the view keeps the source's order");
    require(view[i] == source[at] || view[i] == copydesk::kNonProsePlaceholder,
            "the view holds source bytes and placeholders only");
    line_breaks += line_break(view[i]) ? 1 : 0;
  }
  require(line_breaks ==
              static_cast<std::size_t>(std::count_if(source.begin(), source.end(), line_break)),
          "every line break stays");
  require(!copydesk::find_invalid_utf8(view), "the view is valid UTF-8");

  std::uint32_t previous = 0;
  for (const auto& start : prose.block_starts) {
    require(start.offset < view.size(), "block starts lie inside the text");
    require(start.offset >= previous, "block starts are in order");
    require(!blank(view[start.offset]), "a block starts at prose or a placeholder");
    require(start.offset == 0 || blank(view[start.offset - 1]) ||
                view[start.offset - 1] == copydesk::kNonProsePlaceholder,
            "a block starts a token");
    require(copydesk::starts_block(start.kind), "block starts have a block kind");
    previous = start.offset;
  }

  const copydesk::Document document("fuzz.md", view, prose.block_starts);
  const auto& sentences = document.sentences();
  std::size_t s = 0;
  for (const auto& start : prose.block_starts) {
    while (s < sentences.size() && sentences[s].span.end <= start.offset) ++s;
    require(s == sentences.size() || sentences[s].span.begin >= start.offset,
            "no sentence runs across a block start");
  }

  const copydesk::FileResult result = builtin_engine().lint_text("fuzz.md", source);
  require(!result.error.has_value(), "valid UTF-8 Markdown is linted");
  require(result.text == source, "the result keeps the source");
  for (const auto& diagnostic : result.diagnostics) {
    require(diagnostic.span.begin <= diagnostic.span.end, "spans are ordered");
    require(diagnostic.span.end <= source.size(), "spans stay inside the text");
  }
  const std::string fixed =
      copydesk::apply_fixes(source, copydesk::safe_fix_edits(result.diagnostics));
  require(!copydesk::find_invalid_utf8(fixed), "safe fixes keep the text valid UTF-8");
  return 0;
}
