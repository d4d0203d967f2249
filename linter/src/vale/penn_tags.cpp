#include "copydesk/vale/penn_tags.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "copydesk/tagger.hpp"
#include "copydesk/text.hpp"

namespace copydesk::vale {
namespace {

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view candidate) {
    return equals_ignoring_ascii_case(word, candidate);
  });
}

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() &&
         equals_ignoring_ascii_case(word.substr(word.size() - suffix.size()), suffix);
}

bool plural_form(std::string_view word) {
  return ends_with(word, "s") && !ends_with(word, "ss") && !ends_with(word, "us") &&
         !ends_with(word, "is");
}

std::string_view verb_tag(std::string_view word, std::string_view previous) {
  if (is_one_of(word, {"can", "could", "may", "might", "must", "shall", "should", "will", "would",
                       "ca", "wo"})) {
    return "MD";
  }
  if (ends_with(word, "ing")) return "VBG";
  if (is_one_of(word, {"is", "has", "does", "'s"})) return "VBZ";
  if (is_one_of(word, {"am", "are", "'m", "'re", "have", "'ve", "do"}) && !previous.empty() &&
      !is_one_of(previous, {"to"})) {
    return "VBP";
  }
  if (is_one_of(word, {"was", "were", "had", "did"})) return "VBD";
  const bool after_auxiliary =
      is_one_of(previous, {"has", "have", "had", "'ve", "is", "are", "was", "were", "be", "been",
                           "being", "get", "got", "'s", "'re"});
  if (ends_with(word, "ed") || ends_with(word, "en")) return after_auxiliary ? "VBN" : "VBD";
  if (is_one_of(previous, {"to", "can", "could", "may", "might", "must", "shall", "should", "will",
                           "would", "do", "does", "did", "n't", "not"})) {
    return "VB";
  }
  if (plural_form(word)) return "VBZ";
  // A present form needs a subject before it ("we edit"); otherwise it is the base form
  // ("would be great write").
  const bool after_subject =
      is_one_of(previous, {"i", "you", "we", "they"}) || plural_form(previous);
  return after_subject ? "VBP" : "VB";
}

std::string_view graded(std::string_view word, std::string_view base) {
  const bool adjective = base == "JJ";
  if (ends_with(word, "est") || is_one_of(word, {"most", "least", "best", "worst"})) {
    return adjective ? "JJS" : "RBS";
  }
  if ((ends_with(word, "er") && word.size() > 4) ||
      is_one_of(word, {"more", "less", "better", "worse"})) {
    return adjective ? "JJR" : "RBR";
  }
  return base;
}

}  // namespace

std::string_view penn_tag(std::string_view universal, std::string_view word,
                          std::string_view previous) {
  if (universal == "NOUN") return plural_form(word) ? "NNS" : "NN";
  if (universal == "PROPN") return plural_form(word) ? "NNPS" : "NNP";
  if (universal == "VERB" || universal == "AUX") return verb_tag(word, previous);
  if (universal == "ADJ") return graded(word, "JJ");
  if (universal == "ADV") {
    if (is_one_of(word, {"how", "when", "where", "why"})) return "WRB";
    return graded(word, "RB");
  }
  if (universal == "PRON") {
    if (is_one_of(word, {"my", "your", "his", "her", "its", "our", "their"})) return "PRP$";
    if (is_one_of(word, {"who", "whom", "what"})) return "WP";
    if (is_one_of(word, {"whose"})) return "WP$";
    return "PRP";
  }
  if (universal == "DET") return is_one_of(word, {"which", "whatever"}) ? "WDT" : "DT";
  if (universal == "PART") {
    if (is_one_of(word, {"to"})) return "TO";
    if (is_one_of(word, {"'s", "'"})) return "POS";
    return "RB";  // "not", "n't"
  }
  if (universal == "ADP" || universal == "SCONJ") return is_one_of(word, {"to"}) ? "TO" : "IN";
  if (universal == "CCONJ") return "CC";
  if (universal == "NUM") return "CD";
  if (universal == "INTJ") return "UH";
  if (universal == "X") return "FW";
  if (universal == "SYM") return "SYM";
  return word.size() == 1 ? word : std::string_view("SYM");  // punctuation tags itself
}

std::vector<std::string_view> penn_tags(std::span<const std::string_view> words) {
  const Tagger& tagger = Tagger::builtin();
  std::vector<TaggerWord> described;
  described.reserve(words.size());
  std::string scratch;
  for (const std::string_view word : words) described.push_back(describe_word(word, scratch));
  std::vector<std::uint8_t> tags(words.size());
  tagger.tag(described, 0, words.size(), tags);
  std::vector<std::string_view> penn;
  penn.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    penn.push_back(penn_tag(tagger.tag_name(tags[i]), words[i], i > 0 ? words[i - 1] : ""));
  }
  return penn;
}

}  // namespace copydesk::vale
