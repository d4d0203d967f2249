#pragma once

#include <string_view>
#include <vector>

#include "copydesk/document.hpp"
#include "copydesk/token.hpp"

namespace copydesk {

// Splits tokens into sentences. Knows abbreviations ("Dr.", "U.S.", "e.g.", "Jan."), initials,
// decimals (already single Number tokens), ellipses and closing quotes. A sentence also starts
// at each of `block_starts` (sorted by offset), with its kind, whatever the text around says.
std::vector<Sentence> segment_sentences(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<BlockStart>& block_starts = {});

// Groups sentences into paragraphs, which end at blank lines and before a block that is a
// paragraph or heading of its own (Markdown).
std::vector<Paragraph> group_paragraphs(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences);

// True for a word that typically opens a sentence ("The", "However"): after a period, it is
// evidence that the period ended a sentence.
bool is_sentence_opener(std::string_view word);

// True for a word that is a known abbreviation when followed by a period ("Dr", "e.g", "U.S").
bool is_abbreviation(std::string_view word_with_inner_periods);

}  // namespace copydesk
