#pragma once

// How a front end (Markdown, HTML) builds its prose view: it marks what each source byte is,
// then compact_prose() writes the view from the marks, so that both keep the same rules for
// whitespace, placeholders and block starts.

#include <cstdint>
#include <string_view>
#include <vector>

#include "copydesk/markdown.hpp"

namespace copydesk {

// What a source byte is to the prose view.
enum class ByteKind : std::uint8_t {
  Hidden,       // markup, code...: left out unless whitespace
  Separating,   // hidden, and between two pieces of prose that it keeps apart (a block boundary,
                // a tag, a code span): leaves a placeholder should no whitespace stay there
  Prose,        // copied
  Placeholder,  // kNonProsePlaceholder in the view
};

// Writes view.text and view.map from `kinds` (one per byte of `source`): prose and
// placeholders, the whitespace of what is hidden, a placeholder for separating markup between
// two non-blanks; moves view.block_starts from source offsets to the view's.
void compact_prose(std::string_view source, const std::vector<ByteKind>& kinds, ProseView& view);

}  // namespace copydesk
