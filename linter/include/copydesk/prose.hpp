#pragma once

// The text rules read when a front end hides part of the source (Markdown markup, code): only
// bytes of the source, in order, with what is not prose left out, and a map from each byte
// back to its place in the source. No rule sees a character the writer did not type, except
// kNonProsePlaceholder where something that is not prose (inline code, an image, a table's
// pipe between two cells) stands between words: Harper's "unlintable" token.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/span.hpp"

namespace copydesk {

// Stands for a piece of non-prose that sits inside a sentence: inline code, an image, an
// autolink ("<https://example.com>"), markup that separates two words. It makes a token of its
// own (a Symbol), so that rules which look at the next word do not join the words around it:
// "an `int` value" must not read as "an value". An ASCII control character: no writer types
// one.
inline constexpr char kNonProsePlaceholder = '\x1A';

// Where the bytes of a prose text lie in its source: runs of bytes copied in order.
class ProseMap {
 public:
  // The prose byte at `prose_offset` (the next one: offsets only grow) is the source byte at
  // `source_offset`.
  void add(std::uint32_t prose_offset, std::uint32_t source_offset);

  // The source offset of prose byte `prose_offset`; past the last byte, `source_size`.
  std::uint32_t source_offset(std::uint32_t prose_offset, std::uint32_t source_size) const;
  // The source range that prose `span` covers: from its first byte to just after its last;
  // an empty span sits just after the byte before it.
  Span to_source(Span span, std::uint32_t source_size) const;
  // The prose offset of the first byte kept at or after `source_offset`.
  std::uint32_t prose_offset(std::uint32_t source_offset, std::uint32_t prose_size) const;

  // Adds the runs of `other`, the map of a prose text that follows this one's and whose source
  // follows, moved `prose_by` and `source_by` bytes on.
  void append(const ProseMap& other, std::uint32_t prose_by, std::uint32_t source_by);
  // Forgets the runs that end before prose offset `prose_offset` (a text read a piece at a time).
  void drop_before(std::uint32_t prose_offset);

 private:
  struct Run {
    std::uint32_t prose = 0;   // first prose byte of the run
    std::uint32_t source = 0;  // its source offset
    std::uint32_t size = 0;
  };
  // `offset` counted in the runs' `From` offsets, counted in their `To` offsets; an offset
  // between runs gives the next run's start, one past the last run `past_end`.
  template <std::uint32_t Run::*From, std::uint32_t Run::*To>
  std::uint32_t convert(std::uint32_t offset, std::uint32_t past_end) const;

  std::vector<Run> runs_;
};

// Prose read out of `source`: the text rules read and its map.
struct ProseText {
  std::string text;
  ProseMap map;
};

// `source` without the bytes of `hidden` (sorted, not overlapping), such as plain-text
// suppression directives on their own lines: nothing is left of them but a placeholder where
// they stood between two non-blank characters.
ProseText hide_spans(std::string_view source, const std::vector<Span>& hidden);

// Moves findings made on `prose` into `source` (spans and fix edits), and drops the fixes whose
// edits would change bytes that are not prose: a fix computed on "the **the**" would delete the
// emphasis markers with the word. The findings stay.
void map_to_source(std::vector<Diagnostic>& diagnostics, const ProseText& prose,
                   std::string_view source);
void map_to_source(Diagnostic& diagnostic, const ProseText& prose, std::string_view source);

}  // namespace copydesk
