// Build-time generator of the word classes that some confused-word patterns need (see
// linter/include/copydesk/word_classes.hpp): nouns that cannot be read as anything else after
// "it's", and words that can be adjectives, derived from WordNet's index files (Debian:
// wordnet-base).
//
//   word_classes_gen <wordnet dir> <closed-class words> <nouns out> <adjectives out>
//                    <dictionary.aff> <dictionary.dic> [<dictionary.aff> <dictionary.dic>...]
//
// A noun here is a word WordNet lists as a noun, or a regular or listed plural of one, that
// cannot also be read as anything a contraction such as "it's" may precede: an adjective or an
// adverb, a participle or past tense of a verb ("building", "done"), or a closed-class word
// (WordNet calls "at" and "or" nouns: astatine, operating room). A noun that is also a verb
// stays one ("captain", "dogs"): "it is" never takes a verb's base or its -s form. An adjective
// is any word with an adjective sense, with the comparative and superlative a dictionary derives
// from it ("reddest") or WordNet lists ("better"). Both lists keep only words that one of the
// given Hunspell dictionaries accepts: WordNet's Latin taxonomy would only take room. Each output
// is sorted (bytewise), one lowercase word a line.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Words = std::set<std::string, std::less<>>;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::vector<std::string>> lines_of(const std::string& path) {
  std::istringstream in(read_file(path));
  std::vector<std::vector<std::string>> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == ' ' || line[0] == '#') continue;  // WordNet's licence header
    std::istringstream fields(line);
    lines.emplace_back();
    for (std::string field; fields >> field;) lines.back().push_back(field);
  }
  return lines;
}

// One plain lowercase word: WordNet's collocations ("ad_hoc"), hyphenated words, names and
// numbers never fill the slots these classes serve.
bool plain(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Lemmas of one part of speech: index.noun, index.verb...
Words lemmas(const std::string& directory, std::string_view part) {
  Words words;
  for (const auto& fields : lines_of(directory + "/index." + std::string(part))) {
    if (!fields.empty() && plain(fields[0])) words.insert(fields[0]);
  }
  return words;
}

// The listed irregular inflections of one part of speech (noun.exc: "mice mouse"), as (form,
// lemma). WordNet also lists words as their own inflection ("owner owner" in adj.exc) so that
// its lemmatiser does not read "owner" as "own" + "-er"; those are no inflections and are left
// out, as are forms of lemmas the part's index does not have.
std::vector<std::pair<std::string, std::string>> exceptions(const std::string& directory,
                                                            std::string_view part,
                                                            const Words& lemmas_of_part) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& fields : lines_of(directory + "/" + std::string(part) + ".exc")) {
    if (fields.size() >= 2 && plain(fields[0]) && fields[0] != fields[1] &&
        lemmas_of_part.contains(fields[1])) {
      pairs.emplace_back(fields[0], fields[1]);
    }
  }
  return pairs;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "stop" -> "stopp-": a final consonant after a single vowel doubles before -ed, -ing, -er.
bool doubles_final(std::string_view w) {
  const std::size_t n = w.size();
  return n >= 3 && !vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
         vowel(w[n - 2]) && !vowel(w[n - 3]);
}

// The plural of a noun, or the third person of a verb, by the regular rules.
std::string with_s(std::string_view w) {
  const std::string word(w);
  if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") ||
      w.ends_with("sh")) {
    return word + "es";
  }
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) {
    return word.substr(0, word.size() - 1) + "ies";
  }
  return word + "s";
}

// Every regular participle and past tense a verb may have; over-generating keeps a few nouns out
// of the list ("ringed"), which costs some recall and no false alarm.
void add_participles(std::string_view w, Words& out) {
  const std::string word(w);
  const bool silent_e =
      w.ends_with("e") && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe");
  const std::string stem = silent_e ? word.substr(0, word.size() - 1) : word;
  for (const char* ending : {"ing", "ed"}) {
    out.insert(stem + ending);
    out.insert(word + ending);
  }
  if (w.ends_with("e")) out.insert(word + "d");  // "freed", which "free" + "ed" misses
  if (doubles_final(w)) {
    out.insert(word + w.back() + "ing");
    out.insert(word + w.back() + "ed");
  }
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) {
    out.insert(word.substr(0, word.size() - 1) + "ied");
  }
  if (w.ends_with("ie")) out.insert(word.substr(0, word.size() - 2) + "ying");
}

// The regular comparatives and superlatives an adjective might have; the caller keeps only those
// a dictionary derives from it ("reddest") and that are no nouns of their own, since most
// adjectives have none and "broker" or "butcher" are no forms of "broke" or "butch".
std::vector<std::string> comparison_forms(std::string_view w) {
  const std::string word(w);
  std::vector<std::string> out;
  for (const char* ending : {"er", "est"}) out.push_back(word + ending);
  if (w.ends_with("e")) {
    out.push_back(word + "r");
    out.push_back(word + "st");
  }
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) {
    out.push_back(word.substr(0, word.size() - 1) + "ier");
    out.push_back(word.substr(0, word.size() - 1) + "iest");
  }
  if (doubles_final(w)) {
    out.push_back(word + w.back() + "er");
    out.push_back(word + w.back() + "est");
  }
  return out;
}

// Written to a temporary file renamed over `path`, so that a failed run leaves no half list for
// the build to embed.
void write_sorted(const std::string& path, const Words& words) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    for (const std::string& word : words) out << word << '\n';  // std::set: bytewise order
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    throw std::runtime_error("cannot rename " + temporary + " to " + path);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7 || (argc - 5) % 2 != 0) {
    std::cerr << "usage: word_classes_gen <wordnet dir> <closed-class words> <nouns out> "
                 "<adjectives out> <dictionary.aff> <dictionary.dic> [<aff> <dic>...]\n";
    return 2;
  }
  try {
    const std::string wordnet = argv[1];
    const Words nouns_wn = lemmas(wordnet, "noun");
    const Words verbs = lemmas(wordnet, "verb");
    const Words adjectives_wn = lemmas(wordnet, "adj");
    const Words adverbs = lemmas(wordnet, "adv");

    Words closed_class;
    for (const auto& fields : lines_of(argv[2])) {
      for (const std::string& word : fields) closed_class.insert(word);
    }

    std::vector<std::unique_ptr<Hunspell>> spellers;
    for (int i = 5; i + 1 < argc; i += 2) {
      spellers.push_back(std::make_unique<Hunspell>(argv[i], argv[i + 1]));
    }
    const auto known = [&](const std::string& word) {
      return std::any_of(spellers.begin(), spellers.end(),
                         [&](const auto& speller) { return speller->spell(word); });
    };
    const auto derived_from = [&](const std::string& form, const std::string& base) {
      return std::any_of(spellers.begin(), spellers.end(), [&](const auto& speller) {
        const auto stems = speller->stem(form);
        return std::find(stems.begin(), stems.end(), base) != stems.end();
      });
    };

    Words adjectives = adjectives_wn;
    for (const std::string& adjective : adjectives_wn) {
      for (const std::string& form : comparison_forms(adjective)) {
        // "customer" and "broker" are nouns of their own, whatever the affix rules allow.
        if (!nouns_wn.contains(form) && derived_from(form, adjective)) adjectives.insert(form);
      }
    }
    for (const auto& [form, lemma] : exceptions(wordnet, "adj", adjectives_wn)) {
      adjectives.insert(form);
    }

    // Everything that may be read as another part of speech after "it's".
    Words other = adverbs;
    other.insert(adjectives.begin(), adjectives.end());
    for (const std::string& verb : verbs) add_participles(verb, other);
    for (const auto& [form, lemma] : exceptions(wordnet, "verb", verbs)) other.insert(form);
    for (const auto& [form, lemma] : exceptions(wordnet, "adv", adverbs)) other.insert(form);

    Words nouns;
    for (const std::string& noun : nouns_wn) {
      if (adjectives_wn.contains(noun) || adverbs.contains(noun)) continue;
      nouns.insert(noun);
      nouns.insert(with_s(noun));
    }
    for (const auto& [form, lemma] : exceptions(wordnet, "noun", nouns_wn)) {
      if (nouns.contains(lemma)) nouns.insert(form);
    }

    const auto keep = [&](Words& words, bool exclude_other) {
      for (auto it = words.begin(); it != words.end();) {
        const bool drop = it->size() < 2 || closed_class.contains(*it) ||
                          (exclude_other && other.contains(*it)) || !known(*it);
        it = drop ? words.erase(it) : std::next(it);
      }
    };
    keep(nouns, true);
    keep(adjectives, false);

    write_sorted(argv[3], nouns);
    write_sorted(argv[4], adjectives);
    std::cerr << "word_classes_gen: " << nouns.size() << " nouns, " << adjectives.size()
              << " adjectives\n";
  } catch (const std::exception& error) {
    std::cerr << "word_classes_gen: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
