#pragma once

#include <string_view>

namespace copydesk {

// What part of speech a word can be, from WordNet, precompiled at build time
// (linter/tools/word_classes_gen.cpp, cmake/word_classes.cmake) for the few patterns that need
// it: "of it's clauses" is wrong because "clauses" can be nothing but a noun after "it's". Both
// take a lowercase ASCII word; any other word (a name, a hyphenated word) is in neither class.
// Both are false for every word when the binary was built without WordNet.

// A noun, or a plural of one, that nothing "it's" may precede could also be: no adjective or
// adverb ("welcome", "home"), no participle ("building", "done"), no closed-class word. A noun
// that is also a verb counts ("captain", "dogs"): "it is" takes no verb's base or -s form.
bool is_plain_noun(std::string_view word);

// A word with an adjective sense, or the comparative or superlative of one ("happy",
// "reddest").
bool has_adjective_sense(std::string_view word);

// Whether the lists were built: false when WordNet was missing at build time.
bool word_classes_available();

// Whether `lines`, lines sorted bytewise and each ending in '\n', include `word` as a whole
// line. A binary search in place: no index to build, nothing allocated.
bool sorted_lines_contain(std::string_view lines, std::string_view word);

}  // namespace copydesk
