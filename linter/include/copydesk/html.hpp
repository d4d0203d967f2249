#pragma once

#include <string_view>

#include "copydesk/markdown.hpp"

namespace copydesk {

// What the rules read of an HTML page, built the way markdown_prose builds it: the text of
// the page's text nodes, byte for byte from the source, entities as written ("&amp;", which
// the tokenizer knows from plain text), so that every finding points into the original HTML.
// Left out: the head, script, style, code, pre and the like, tags, comments, and attributes
// other than `alt` and `title` (whose values are read as blocks of their own). Block elements
// (p, li, h1, figcaption, td...) start a sentence; a block boundary, a <br> or an inline
// <code> between two words leaves a kNonProsePlaceholder. `code` holds the skipped elements, so
// that a directive written inside one is an example, not a directive.
// Parsed by gumbo (Debian: libgumbo-dev), as a browser parses it: unclosed tags and stray
// markup are no error. Throws std::runtime_error when the parser fails (out of memory).
ProseView html_prose(std::string_view source);

// A piece of a larger page after its first, parsed on its own (how a large file is linted in
// bounded memory), with the page's `doctype` read before it so that gumbo parses it in the
// page's mode. The view's offsets are into the piece.
ProseView html_prose(std::string_view source, std::string_view doctype);

}  // namespace copydesk
