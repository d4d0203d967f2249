#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// The words around a misspelling in its sentence, lowercase with straight apostrophes:
// `before` in reading order (its last word is the nearest), `after` likewise (its first word is
// the nearest); up to two each, fewer where the sentence starts or ends.
struct WordContext {
  std::vector<std::string> before, after;
};

// How likely `phrase` (one lowercase word, or two separated by a space) is between the words
// of `context`, as log10 of the probability the spelling model (dictionaries/models/
// spelling-ngrams.bin, cut from CMU Sphinx's US English model) gives the words from the phrase
// to the end of the context. Comparable across phrases put in the same context; 0 when the
// build had no model.
double context_log10(const WordContext& context, std::string_view phrase);

// Whether the spelling model was compiled in.
bool has_spelling_model();

}  // namespace copydesk
