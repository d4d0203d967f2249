#pragma once

// The matching logic of Vale's `sequence` rules, apart from regexes and the tagger: a list of
// tokens, each a word pattern and/or a Penn tag pattern, possibly negated, matched against
// the tagged words of one sentence. The first token with a pattern (not negated) is the
// anchor: each word it matches is extended leftwards and rightwards through the other tokens.
// A token's `skip` lets up to that many words stand between it and its neighbour on the
// anchor's side.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"

namespace copydesk::vale {

struct SequenceWord {
  std::string_view text;
  std::string_view tag;  // Penn Treebank
};

struct SequenceToken {
  // Whole-word and whole-tag tests; an empty one accepts anything.
  std::function<bool(std::string_view)> word = {};
  std::function<bool(std::string_view)> tag = {};
  bool negate = false;
  int skip = 0;
};

// One match: for each token the index of the word it matched (kNoWord for a negated token,
// which matches no word), and the first and last words of the match.
struct SequenceMatch {
  static constexpr std::size_t kNoWord = static_cast<std::size_t>(-1);
  std::vector<std::size_t> words;
  std::size_t first = 0;
  std::size_t last = 0;
};

// The index of the anchor token, or tokens.size() when no token can anchor.
std::size_t sequence_anchor(std::span<const SequenceToken> tokens);

// The matches in one sentence, in order; matches do not overlap.
std::vector<SequenceMatch> find_sequences(std::span<const SequenceWord> words,
                                          std::span<const SequenceToken> tokens);

// The words of a sentence as the tagger reads them (the English Web Treebank's way): runs of
// letters and digits with inner hyphens and apostrophes, clitics apart ("endpoint's" is
// "endpoint" and "'s", "don't" is "do" and "n't"), each other non-blank character alone.
std::vector<Span> sequence_words(std::string_view sentence);

// `format` with "%[n]s" replaced by the word of token n (from 1) and "%s" by the whole match.
std::string format_sequence_message(std::string_view format,
                                    std::span<const std::string_view> token_words,
                                    std::string_view whole);

}  // namespace copydesk::vale
