#pragma once

// The matching logic of Vale's `repetition` and `consistency` rules, apart from the regexes
// that find the candidates: given the matches in a block of prose, which of them to report.

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"

namespace copydesk::vale {

struct RepetitionOptions {
  bool ignore_case = false;  // "The the" repeats
  bool alpha = false;        // only words of letters repeat: not "1 1", not "-- --"
  int max = 0;               // repeats allowed before one is reported
};

// A repeated match: `span` runs from the start of the first occurrence to the end of the
// repeat; `text` is the repeated match itself.
struct Repetition {
  Span span;
  std::string_view text;
};

// Vale reports a match equal to the match just before it (blanks around a match ignored), and
// starts counting again after each report: "a a a a" is two repetitions. `matches` are the
// rule's token matches in `text`, in order.
std::vector<Repetition> find_repetitions(std::string_view text, std::span<const Span> matches,
                                         const RepetitionOptions& options);

// One match of a consistency pair: which of its two spellings (0 or 1), and where.
struct AlternativeMatch {
  int alternative = 0;
  Span span;
};

// What a consistency rule has seen of one pair in a document so far.
struct ConsistencyState {
  std::array<bool, 2> seen{};
};

// Vale's consistency: once both spellings of a pair have appeared in the document, each block
// that has a match of the pair is reported once, at its last match. `matches` are the pair's
// matches in one block, in order; `state` carries over from the blocks before it.
std::optional<Span> inconsistency_in_block(std::span<const AlternativeMatch> matches,
                                           ConsistencyState& state);

}  // namespace copydesk::vale
