#pragma once

// Vale's `sequence` rules name Penn Treebank tags ("NN|NNS", "VBZ", "PRP$"), those of its
// tagger; copydesk's tagger gives Universal Dependencies tags (NOUN, VERB, PRON). The finer
// Penn tag follows from the universal tag and the word's form: number from a final "s",
// comparison from "-er"/"-est", verb form from "-ing", "-ed" and the word before it.

#include <span>
#include <string_view>
#include <vector>

namespace copydesk::vale {

// The Penn tag of `word`, tagged `universal` (a tag name of the built-in tagger), after
// `previous` (empty at a sentence start).
std::string_view penn_tag(std::string_view universal, std::string_view word,
                          std::string_view previous);

// The Penn tags of the words of one sentence, with the built-in tagger.
std::vector<std::string_view> penn_tags(std::span<const std::string_view> words);

}  // namespace copydesk::vale
