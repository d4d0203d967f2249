// misspelled-word: words the language's Hunspell dictionary does not know ("recieve").

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/segmenter.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

constexpr std::size_t kSuggestionLimit = 5;
// typo_evidence() scores (log frequency less weighed slips) for calling a capitalized unknown
// word a misspelling: alone, the extra asked beside another capitalized word (names), and in a
// headline, where capitals say nothing. Chosen on EWT dev and MASC, not on the measured texts.
constexpr double kTypoEvidence = 2.0;
constexpr double kRunEvidence = 1.5;
constexpr double kHeadlineEvidence = -1.0;
// At a sentence start the capital says nothing of names; four letters are one edit from many
// words, names and abbreviations ("Opec") among them.
constexpr double kOpenerEvidence = -1.0;
constexpr double kShortEvidence = 1.0;
// Below this, an unknown lowercase word is no likely slip for a common word: evidence that its
// sentence is in another language ("nicht", "rauchen").
constexpr double kForeignEvidence = -1.0;

// Byte length of the hyphen starting at `at` ("-", U+2010, U+2011), or 0.
std::size_t hyphen_length(std::string_view word, std::size_t at) {
  if (word[at] == '-') return 1;
  if (word.compare(at, 3, "\xE2\x80\x90") == 0 || word.compare(at, 3, "\xE2\x80\x91") == 0)
    return 3;
  return 0;
}

// "Ahn's" -> "Ahn", "Ahn’s" -> "Ahn"; other words unchanged.
std::string_view without_possessive(std::string_view word) {
  if (word.size() > 2 && word.ends_with("'s")) return word.substr(0, word.size() - 2);
  if (word.size() > 4 && word.ends_with("\xE2\x80\x99s")) return word.substr(0, word.size() - 4);
  return word;
}

// "NATO", "MPs", "NGOs", "CEO's": capitals, perhaps with a plural or possessive ending.
bool is_acronym(std::string_view word) {
  word = without_possessive(word);
  if (word.size() > 2 && word.back() == 's') word.remove_suffix(1);
  return is_all_upper(word);
}

// A word split at its last apostrophe (straight or curly) when what follows is a contraction's
// ending in any case: "We'Re" -> "We", "'", "Re"; "don’T" -> "don", "’", "T".
struct ContractionParts {
  std::string_view stem, apostrophe, ending;
};

std::optional<ContractionParts> contraction_parts(std::string_view word) {
  std::size_t apostrophe = word.rfind('\'');
  std::size_t length = 1;
  if (const std::size_t curly = word.rfind("\xE2\x80\x99");
      curly != std::string_view::npos &&
      (apostrophe == std::string_view::npos || curly > apostrophe)) {
    apostrophe = curly;
    length = 3;
  }
  if (apostrophe == std::string_view::npos) return std::nullopt;
  const std::string_view ending = word.substr(apostrophe + length);
  for (const std::string_view suffix : {"s", "t", "re", "ll", "ve", "d", "m"}) {
    if (equals_ignoring_ascii_case(ending, suffix)) {
      return ContractionParts{word.substr(0, apostrophe), word.substr(apostrophe, length), ending};
    }
  }
  return std::nullopt;
}

// "iPhone", "McDonald", "eBay": an inner capital marks a brand or a name. A capital in a
// contraction's ending ("We'Re", "don'T") is a typing slip instead.
bool is_brand(std::string_view word) {
  if (!has_inner_upper(word)) return false;
  // "O'Brien" is a name; "McDonald's" keeps its inner capital before the ending.
  const auto parts = contraction_parts(word);
  return !parts || has_inner_upper(parts->stem);
}

// "I'l", "I’ve": "I" with an apostrophe and lowercase letters is the pronoun contracted, never a
// name, although it starts with a capital.
bool is_pronoun_contraction(std::string_view word) {
  std::string_view rest;
  if (word.starts_with("I'")) {
    rest = word.substr(2);
  } else if (word.starts_with("I\xE2\x80\x99")) {
    rest = word.substr(4);
  } else {
    return false;
  }
  if (rest.empty()) return false;
  for (const char c : rest) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// "your's", "their's": pronouns whose possessive never takes an apostrophe.
bool is_possessive_pronoun_base(std::string_view word) {
  for (const std::string_view pronoun :
       {"your", "our", "their", "her", "his", "its", "yours", "ours", "theirs", "hers", "whose"}) {
    if (equals_ignoring_ascii_case(word, pronoun)) return true;
  }
  return false;
}

// Letters a spelling dictionary for English cannot judge: digits, underscores (identifiers),
// and letters outside ASCII (foreign words and names: "café", "Zürich", "Москва").
bool outside_dictionary_alphabet(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const char byte = word[i];
    if (static_cast<unsigned char>(byte) < 0x80) {  // most letters: no decoding
      if (byte == '_' || (byte >= '0' && byte <= '9')) return true;
      ++i;
      continue;
    }
    int length = 0;
    const char32_t c = decode_at(word, i, length);
    if (c == '_' || is_digit(c) || (c >= 0x80 && is_letter(c))) return true;
    i += static_cast<std::size_t>(length);
  }
  return false;
}

// What check_word needs to know of a word's bytes, OR-ed together.
constexpr std::uint8_t kNonAscii = 1, kCapital = 2, kDigit = 4;  // kDigit: also '_'
constexpr auto kByteKinds = [] {
  std::array<std::uint8_t, 256> kinds{};
  for (int c = 0x80; c < 256; ++c) kinds[static_cast<std::size_t>(c)] = kNonAscii;
  for (int c = 'A'; c <= 'Z'; ++c) kinds[static_cast<std::size_t>(c)] = kCapital;
  for (int c = '0'; c <= '9'; ++c) kinds[static_cast<std::size_t>(c)] = kDigit;
  kinds['_'] = kDigit;
  return kinds;
}();

class MisspelledWord final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "misspelled-word",
      .category = RuleCategory::Spelling,
      .default_severity = Severity::Error,
      .summary = "A word the dictionary does not know: \"recieve\".",
      .has_fix = true,
  };

  explicit MisspelledWord(const RuleContext& context)
      : spell_(context.spell),
        accepted_(context.accepted_words),
        rejected_(context.rejected_words),
        prefixes_(context.lists->words("hyphen-prefixes.txt")),
        singulars_in_s_(context.lists->words("singular-nouns-in-s.txt")),
        verbs_without_noun_use_(context.lists->words("verbs-without-noun-use.txt")) {}

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    if (spell_ == nullptr) return;
    Scratch scratch;
    BufferSink found;
    const auto& tokens = document.tokens();
    for (const Sentence& sentence : document.sentences()) {
      bool initial = true;  // no word or number yet in this sentence
      found.items.clear();
      scratch.sentence = &sentence;
      scratch.headline = -1;
      for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
        const Token& token = tokens[i];
        if (token.is_blank() || token.kind == TokenKind::Punctuation) continue;
        const bool at_start = initial;
        initial = false;
        if (token.kind == TokenKind::Word) check_word(document, i, at_start, scratch, found);
      }
      if (found.items.empty() || foreign(document, sentence, scratch)) continue;
      for (auto& diagnostic : found.items) sink.report(std::move(diagnostic));
    }
  }

 private:
  struct BufferSink : Sink {
    std::vector<Diagnostic> items;
    void report(Diagnostic diagnostic) override { items.push_back(std::move(diagnostic)); }
  };

  // Per-call buffers, so that the loop over tokens does not allocate.
  struct Scratch {
    std::string straight, lower, dotted;
    std::vector<std::string_view> unknown;  // unknown lowercase words of a sentence
    // Capitalized words seen inside sentences (names), with their counts, built on first need.
    std::unordered_map<std::string_view, int> names;
    // Capitalized words that open sentences, with their counts.
    std::unordered_map<std::string_view, int> openers;
    bool names_built = false;
    // The sentence being checked, and whether it is a headline in title case or capitals
    // (-1: not yet known).
    const Sentence* sentence = nullptr;
    int headline = -1;
  };

  // "Stylish and Contemporary, No Matter Your Size", "SAVE MONEY AND GO": most of the longer
  // words after the first are capitalized, and most of those are common words (not a list of
  // names), so capitals say nothing of names here.
  bool headline(const Document& document, Scratch& scratch) const {
    if (scratch.headline >= 0) return scratch.headline == 1;
    int words = 0, capitalized = 0, common = 0;
    bool first = true;
    std::string lower;
    for (std::uint32_t i = scratch.sentence->first; i < scratch.sentence->last; ++i) {
      const Token& token = document.tokens()[i];
      if (token.kind != TokenKind::Word) continue;
      const std::string_view word = document.text_of(token);
      if (std::exchange(first, false) || title_case_small_word(word)) continue;
      if (word.size() < 3) {
        // "Where Do We Vote": title case capitalizes short verbs and pronouns, which prose
        // writes in lowercase inside a sentence. Written in lowercase they say nothing: some
        // writers of titles leave "is" and "it" so.
        if (starts_upper(word) && title_case_short_word(word)) ++words, ++capitalized, ++common;
        continue;
      }
      ++words;
      if (!starts_upper(word)) continue;
      ++capitalized;
      to_lower(word, lower);
      common += spell_->correct(lower);
    }
    scratch.headline =
        words >= 2 && capitalized * 6 >= words * 5 && common * 2 >= capitalized ? 1 : 0;
    return scratch.headline == 1;
  }

  // Title case leaves articles, conjunctions and short prepositions in lowercase ("Pushing for
  // Promotion"): they say nothing either way.
  static bool title_case_small_word(std::string_view word) {
    for (const std::string_view small :
         {"the", "and", "but", "for", "nor", "yet", "from", "into", "onto", "off", "out", "over",
          "per", "than", "upon", "via", "with"}) {
      if (word == small) return true;
    }
    return false;
  }

  // Two-letter words that title case capitalizes ("Is", "We", "My"), unlike prepositions;
  // none of them is a common name or abbreviation ("US" is).
  static bool title_case_short_word(std::string_view word) {
    std::string lower(word);
    for (char& c : lower) c = to_ascii_lower(c);
    for (const std::string_view short_word :
         {"am", "be", "do", "go", "he", "if", "is", "it", "me", "my", "no", "so", "up", "we"}) {
      if (lower == short_word) return true;
    }
    return false;
  }

  // A sentence in another language ("Staatszerfall im südlichen Afrika"): most of its
  // lowercase words are unknown, and most of those are not near any English word. Its words are
  // not English misspellings. A sentence whose unknown words are all close to English words
  // ("It is definately seperate.") is a typo-dense English one.
  bool foreign(const Document& document, const Sentence& sentence, Scratch& scratch) const {
    int lowercase = 0, unknown = 0, outside = 0;
    scratch.unknown.clear();
    for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
      const Token& token = document.tokens()[i];
      if (token.kind != TokenKind::Word) continue;
      const std::string_view word = document.text_of(token);
      if (!starts_lower(word)) continue;
      ++lowercase;
      // Letters outside ASCII ("südlichen") count as foreign without asking: the precompiled
      // tables cannot answer for them, and loading Hunspell for one word costs 60 ms.
      if (!token.ascii_word && outside_dictionary_alphabet(word)) {
        ++unknown;
        ++outside;
      } else if (!known(word, scratch)) {
        ++unknown;
        // Two letters are near some English word whatever the language ("im", "el").
        if (word.size() > 2) scratch.unknown.push_back(word);
      }
    }
    if (lowercase < 2 || unknown * 2 <= lowercase) return false;
    int far = outside;
    for (const std::string_view word : scratch.unknown) {
      far +=
          spell_->typo_evidence(straighten_apostrophes(word, scratch.straight)) < kForeignEvidence;
    }
    // Letters outside ASCII are evidence of another language whatever the rest says; so are
    // three unknown words. Of two, one far from English ("ipad reiew") is a name or a coinage.
    const int far_needed = outside > 0 || unknown >= 3 ? 1 : 2;
    return far >= far_needed && far * 2 >= static_cast<int>(scratch.unknown.size());
  }

  void check_word(const Document& document, std::uint32_t index, bool at_start, Scratch& scratch,
                  Sink& sink) const {
    const Token& token = document.tokens()[index];
    const std::string_view word = document.text_of(token);
    if (word.size() <= 1) return;
    // Most words are ASCII without capitals: one look at their bytes settles the questions
    // about capitals below, which are all "no" for them.
    std::uint8_t kinds = 0;
    for (const char c : word) kinds |= kByteKinds[static_cast<unsigned char>(c)];
    const bool ascii = (kinds & kNonAscii) == 0;
    if (ascii && (kinds & kDigit) != 0) {
      // "lo9nger": a digit struck with the letters around it, where the word without it is one.
      const std::string fixed = without_stray_digit(word, scratch);
      if (!fixed.empty() && !glued_to_non_prose(document, index) &&
          !in_path_or_code(document, index)) {
        report(token.span.begin, word, {fixed}, sink);
      }
      return;
    }
    if (!ascii && outside_dictionary_alphabet(word)) return;
    if (glued_to_non_prose(document, index)) return;
    if (report_rejected(token.span.begin, word, at_start, scratch, sink)) return;
    const bool may_have_capitals = (kinds & (kCapital | kNonAscii)) != 0;
    const bool upper_start = may_have_capitals && starts_upper(word);
    // "Im", "Ive", "DONT": a contraction without its apostrophe is no name or acronym.
    if (upper_start) {
      if (const std::string fixed = missing_apostrophe(word, scratch); !fixed.empty()) {
        // "Im" and "Ive" are also names (Im Kwon-taek, Jony Ive): no fix for "I" contractions.
        if (fixed.starts_with("I'")) {
          report(token.span.begin, word, {fixed}, sink);
        } else {
          report_certain(token.span.begin, word, fixed, sink);
        }
        return;
      }
    }
    // "We'RE", "Example'S": a contraction's ending typed in capitals, whatever comes before. (A
    // word with capitals but without an apostrophe, ASCII, is most of them: one look settles it.)
    if (may_have_capitals && (!ascii || word.find('\'') != std::string_view::npos)) {
      if (const std::string fixed = miscased_contraction(word, scratch); !fixed.empty()) {
        report_certain(token.span.begin, word, fixed, sink,
                       "has capitals in its contraction, which is written in lowercase.");
        return;
      }
    }
    const bool pronoun_contraction = upper_start && is_pronoun_contraction(word);
    const bool is_known = ascii ? known_ascii(word, scratch) : known(word, scratch);
    if (is_known || known_abbreviation(document, index, word, scratch)) return;
    const bool capitals = may_have_capitals && is_acronym(word);
    if (capitals && quiet_acronym(document, word, headline(document, scratch))) return;
    // "iPhone", "McDonald", "eBay" are brands and names.
    if (may_have_capitals && !capitals && is_brand(word)) return;
    if (name_particle(document, index, word) || in_path_or_code(document, index)) return;
    // A capitalized unknown word is a name unless the evidence says misspelling.
    const bool capitalized = upper_start && !pronoun_contraction;
    if (capitalized && !looks_misspelled(document, index, word, at_start, capitals, scratch)) {
      return;
    }

    // Compounds are judged part by part so that the finding names the part that is wrong and
    // so that names inside compounds ("pro-Kremlin") pass.
    bool first_part = true;
    for_each_part(word, [&](std::string_view part, std::size_t part_begin, bool last_part) {
      const bool first = first_part;
      first_part = false;
      if (const std::string fixed = plural_possessive_fix(part, scratch); !fixed.empty()) {
        report_certain(token.span.begin + static_cast<std::uint32_t>(part_begin), part, fixed,
                       sink, "is the possessive of a plural, which takes the apostrophe alone.");
        return true;
      }
      if (const auto verb = verb_with_apostrophe(part)) {
        std::vector<std::string> suggestions;
        if (spell_->correct(*verb)) suggestions.push_back(*verb);
        report(token.span.begin + static_cast<std::uint32_t>(part_begin), part,
               std::move(suggestions), sink, "is a verb, whose \"s\" takes no apostrophe.");
        return true;
      }
      if (part_ok(document, part, first, at_start, last_part, capitalized, scratch)) return true;
      const std::string_view straight = straighten_apostrophes(part, scratch.straight);
      // Known to the other region's dictionary: its spelling of a word this one knows
      // ("color"), or vocabulary this one lacks ("freeway"), which is no typo.
      if (const auto counterpart = spell_->regional_counterpart(straight)) {
        if (counterpart->empty()) return true;
        report(token.span.begin + static_cast<std::uint32_t>(part_begin), part, {*counterpart},
               sink,
               "is the " + std::string(spell_->other_region()) + " spelling of `" + *counterpart +
                   "`.");
        return true;
      }
      // "friday", "swiss", "bbc's": a name or an abbreviation written in lowercase.
      const std::string cased = capitalized_form(part, straight, scratch);
      if (!cased.empty()) {
        // "dvd": in capitals a known abbreviation, but also one letter from a word ("did"), so
        // it only leads the suggestions.
        if (is_all_upper(cased) && spell_->has_single_edit_neighbour(straight)) {
          std::vector<std::string> suggestions = spell_->suggest(straight, kSuggestionLimit);
          std::erase(suggestions, cased);
          suggestions.insert(suggestions.begin(), cased);
          if (suggestions.size() > kSuggestionLimit) suggestions.resize(kSuggestionLimit);
          report(token.span.begin + static_cast<std::uint32_t>(part_begin), part,
                 std::move(suggestions), sink);
          return true;
        }
        report(token.span.begin + static_cast<std::uint32_t>(part_begin), part, {cased}, sink,
               "is written with capitals: `" + cased + "`.");
        return true;
      }
      report(token.span.begin + static_cast<std::uint32_t>(part_begin), part,
             spell_->suggest_in_context(straight, context_of(document, index, *scratch.sentence),
                                        kSuggestionLimit),
             sink);
      return false;
    });
  }

  // Up to two words on each side of token `index` in `sentence`, for ranking suggestions by
  // how well they fit. Punctuation is passed over (the model learnt from text without it);
  // anything else that is not a word (a number, an address) ends the context.
  static WordContext context_of(const Document& document, std::uint32_t index,
                                const Sentence& sentence) {
    WordContext context;
    std::string scratch;
    const auto add = [&](std::uint32_t i, std::vector<std::string>& words) {
      const Token& token = document.tokens()[i];
      if (token.is_blank() || token.kind == TokenKind::Punctuation) return true;
      if (token.kind != TokenKind::Word) return false;
      std::string lower;
      to_lower(straighten_apostrophes(document.text_of(token), scratch), lower);
      words.push_back(std::move(lower));
      return words.size() < 2;
    };
    for (std::uint32_t i = index; i > sentence.first && add(i - 1, context.before);) --i;
    std::reverse(context.before.begin(), context.before.end());
    for (std::uint32_t i = index + 1; i < sentence.last && add(i, context.after);) ++i;
    return context;
  }

  // Flags the parts of `word` that the house style rejects ("alot", "judgement"), although the
  // dictionary knows them. A lowercase entry also matches the capitalized word at a sentence
  // start; inside a sentence a capitalized word is a name or a title ("Judgement Day").
  bool report_rejected(std::uint32_t begin, std::string_view word, bool at_start, Scratch& scratch,
                       Sink& sink) const {
    if (rejected_ == nullptr || rejected_->size() == 0) return false;
    bool found = false;
    bool first_part = true;
    for_each_part(word, [&](std::string_view part, std::size_t part_begin, bool) {
      const bool first = first_part;
      first_part = false;
      const std::string straight(straighten_apostrophes(part, scratch.straight));
      bool rejected = rejected_->contains_exact(straight);
      if (!rejected && first && at_start && starts_upper(straight) && !is_all_upper(straight)) {
        to_lower(straight, scratch.lower);
        rejected = rejected_->contains_exact(scratch.lower);
      }
      if (!rejected) return true;
      std::vector<std::string> suggestions;
      for (auto& suggestion : spell_->suggest(straight, kSuggestionLimit)) {
        if (suggestion != straight && !rejected_->contains(suggestion)) {
          suggestions.push_back(std::move(suggestion));
        }
      }
      report(begin + static_cast<std::uint32_t>(part_begin), part, std::move(suggestions), sink,
             "is a word the house style rejects.");
      found = true;
      return true;
    });
    return found;
  }

  // Calls visit(part, offset, last) for each hyphen-separated part of `word` until it returns
  // false.
  template <typename Visit>
  static void for_each_part(std::string_view word, Visit visit) {
    std::size_t part_begin = 0;
    for (std::size_t at = 0; at <= word.size();) {
      // The end of the word closes the last part. Bytes that start no hyphen go by unexamined.
      std::size_t hyphen = 1;
      if (at < word.size()) {
        hyphen = word[at] == '-' || word[at] == '\xE2' ? hyphen_length(word, at) : 0;
      }
      if (hyphen == 0) {
        ++at;
        continue;
      }
      if (!visit(word.substr(part_begin, at - part_begin), part_begin, at >= word.size())) return;
      at += hyphen;
      part_begin = at;
    }
  }

  // `judged`: the whole word was capitalized and looks_misspelled() found it a misspelling, so
  // its capitals are no evidence of a name or an acronym here.
  bool part_ok(const Document& document, std::string_view part, bool first_part, bool at_start,
               bool last_part, bool judged, Scratch& scratch) const {
    if (part.size() <= 1) return true;
    if (!judged && (is_acronym(part) || is_brand(part))) return true;
    if (is_roman_numeral(part)) return true;  // capitals are acronyms already
    if (known(part, scratch)) return true;
    // Hunspell lacks the possessives of many nouns ("exchange's", "racing's"); pronouns have
    // their own possessive forms, so "your's" stays wrong.
    const std::string_view base = without_possessive(part);
    if (base.size() != part.size() && !is_possessive_pronoun_base(base) && known(base, scratch)) {
      return true;
    }
    if (!last_part && prefixes_.contains(part)) return true;
    // "sell-offs", "year-olds": the plural of a compound ending in a particle.
    if (!first_part && last_part && part.size() > 2 && part.back() == 's' &&
        known(part.substr(0, part.size() - 1), scratch)) {
      return true;
    }
    if (judged || !starts_upper(part) || is_pronoun_contraction(part)) return false;
    if (!first_part || !at_start) return true;
    // A capital at a sentence start proves nothing: the word is a name only if the document
    // also capitalizes it inside a sentence.
    return is_name(document, base, scratch);
  }

  // The names model: whether a capitalized (or all-capital) unknown word is a misspelling
  // rather than a name. For a name: the document capitalizes it elsewhere or opens two
  // sentences with it, a title or a proper noun stands before it ("Mr", "Tony"), it starts a
  // list of capitalized words, it has a hyphenated name's shape ("Gyu-back"), or no common word
  // is near it. For a misspelling: a common word is one or two likely slips away
  // (SpellChecker::typo_evidence). A run of capitalized words (a name, or a title-case
  // headline) asks for stronger evidence.
  bool looks_misspelled(const Document& document, std::uint32_t index, std::string_view word,
                        bool at_start, bool capitals, Scratch& scratch) const {
    const std::string_view base = without_possessive(word);
    if (base.find('-') != std::string_view::npos ||
        base.find("\xE2\x80") != std::string_view::npos) {
      return false;
    }
    // In a headline every word is capitalized, so a name beside the word ("British Maet Pies")
    // is weaker evidence: it asks for a likelier slip instead of settling it.
    const bool in_headline = headline(document, scratch);
    bool beside_name = !capitals && after_title_or_name(document, index, scratch);
    if (beside_name && !in_headline) return false;
    // Beside a name ("Hayriye Evren", "Howard, Bellion", "van Gaal", "Stade de France") it is
    // one; beside a capitalized common word ("Basalt Rock Compnay", a title-case headline) it
    // may be either.
    bool in_run = false;
    // A list of names ("Subs Not Used: Howard, Bellion") looks like a headline too.
    const bool listed = in_headline && beside_list_mark(document, index);
    for (const int step : {-1, 1}) {
      const auto neighbour = name_neighbour(document, index, step);
      if (neighbour == Neighbour::Name && (!in_headline || listed)) return false;
      beside_name = beside_name || neighbour == Neighbour::Name;
      in_run = in_run || neighbour == Neighbour::Capitalized;
    }
    const SlipPlace place{.at_start = at_start, .capitals = capitals, .in_run = in_run,
                          .beside_name = beside_name};
    if (capitals) return slip_evidence(document, base, place, scratch);
    // The document's other capitals take a pass over the whole document, and the slip evidence
    // for a sentence's first word a search of Hunspell's words: the cheaper first.
    if (at_start && (starts_name_list(document, index) || is_name(document, base, scratch))) {
      return false;
    }
    if (!slip_evidence(document, base, place, scratch)) return false;
    return at_start || !is_name(document, base, scratch, true);
  }

  // Where a capitalized unknown word stands, for slip_evidence().
  struct SlipPlace {
    bool at_start = false;     // opens its sentence
    bool capitals = false;     // written all in capitals
    bool in_run = false;       // beside a capitalized common word
    bool beside_name = false;  // beside a name (counted only in a headline)
  };

  // Whether a common word is near enough `base` for its position to call it a slip.
  bool slip_evidence(const Document& document, std::string_view base, const SlipPlace& place,
                     Scratch& scratch) const {
    const auto [at_start, capitals, in_run, beside_name] = place;
    const std::string_view straight = straighten_apostrophes(base, scratch.straight);
    // In a headline every word is capitalized: the capital is no evidence of a name, so any
    // unknown word near a common one is taken for a slip ("No Matetr Your Size").
    if (headline(document, scratch)) {
      // Beside a name, the other region's spelling is part of a name too ("Korea-Iraq Defence
      // Cooperation").
      if (beside_name) {
        return base.size() >= 3 && !spell_->other_region_knows(straight) &&
               spell_->typo_evidence(straight) >= kTypoEvidence;
      }
      return base.size() >= 3 && spell_->typo_evidence(straight) >= kHeadlineEvidence;
    }
    // Short capitalized words are names and abbreviations far more often than slips, and one
    // edit from many words; only a sentence start makes them suspect.
    if (base.size() < 4) {
      return at_start && !in_run && !capitals && spell_->has_single_edit_neighbour(straight);
    }
    // A capital at a sentence start says nothing of names, only the words around it do.
    const double threshold = (at_start ? kOpenerEvidence : kTypoEvidence) +
                             (in_run ? kRunEvidence : 0.0) +
                             (base.size() == 4 ? kShortEvidence : 0.0);
    // Inside a sentence only a common word is near enough (the threshold asks for one), and
    // most runs meet names there: the rarer words' index is not built for them.
    if (spell_->typo_evidence(straight, !at_start) >= threshold) return true;
    // A rarer word misspelled at a sentence start, alone: one edit from a dictionary word.
    return at_start && !in_run && !capitals && spell_->has_single_edit_neighbour(straight);
  }

  // "Mr Smiht", "Dr. Jonsen", "J Thion", "Tony Blaire": a title, an initial, or a word the
  // dictionary knows only as a proper noun, before the word.
  bool after_title_or_name(const Document& document, std::uint32_t index, Scratch& scratch) const {
    const auto& tokens = document.tokens();
    std::int64_t at = static_cast<std::int64_t>(index) - 1;
    if (at < 1 || tokens[static_cast<std::size_t>(at)].kind != TokenKind::Space) return false;
    --at;
    if (document.text_of(tokens[static_cast<std::size_t>(at)]) == "." && at >= 1) --at;
    const Token& before = tokens[static_cast<std::size_t>(at)];
    if (before.kind != TokenKind::Word) return false;
    const std::string_view text = document.text_of(before);
    // An initial: "J Thion", "S. Young"; not the pronoun "I" nor the article "A" ("A Vey Good").
    if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z') return text != "I" && text != "A";
    if (!starts_upper(text) || is_all_upper(text)) return false;
    for (const std::string_view title :
         {"Mr",   "Mrs",       "Ms",   "Dr",    "Prof",   "Sir",      "Dame",    "Lady",
          "Lord", "Rev",       "St",   "Mt",    "Capt",   "Col",      "Gen",     "Sgt",
          "Lt",   "President", "King", "Queen", "Prince", "Princess", "Senator", "Sen",
          "Rep",  "Judge",     "Miss", "Madam", "Saint",  "Pope",     "Fr"}) {
      if (text == title) return true;
    }
    if (!spell_->correct(text)) return false;
    to_lower(text, scratch.lower);
    return !spell_->correct(scratch.lower);
  }

  // Capitals that stay quiet: short ("NATO", "UNHCR"), without vowels ("HTML"), with a lowercase
  // plural ("MPs"), or defined in the text in brackets ("(UNESCO)"). Longer capitals are
  // checked as words ("ADRESS"). In a line written all in capitals, only words of one to three
  // letters are taken for acronyms without a definition ("THE FOOD IS FRSH").
  static bool quiet_acronym(const Document& document, std::string_view word, bool headline) {
    std::string_view base = without_possessive(word);
    if (base.size() > 2 && base.back() == 's') return true;
    if (base.size() <= (headline ? 3u : 5u)) return true;
    if (!headline && base.find_first_of("AEIOU") == std::string_view::npos) return true;
    const std::string_view text = document.text();
    for (std::size_t at = text.find(base); at != std::string_view::npos;
         at = text.find(base, at + 1)) {
      if (at > 0 && text[at - 1] == '(') return true;
    }
    return false;
  }

  // A capitalized word is a name when the document capitalizes it again, inside a sentence or
  // opening one: a typo is rarely repeated exactly. `inside`: the word itself stands inside a
  // sentence, so that one of the counted occurrences is its own.
  static bool is_name(const Document& document, std::string_view word, Scratch& scratch,
                      bool inside = false) {
    const auto& names = known_names(document, scratch);
    const auto name = names.find(word);
    const auto opener = scratch.openers.find(word);
    const int openers = opener == scratch.openers.end() ? 0 : opener->second;
    const int insides = name == names.end() ? 0 : name->second;
    return openers + insides > 1 || (!inside && insides > 0);
  }

  // The dictionary first: it knows most words and answers faster than the word lists.
  bool known(std::string_view word, Scratch& scratch) const {
    return spell_->correct(straighten_apostrophes(word, scratch.straight)) ||
           accepted(word, scratch);
  }

  // known() for a word of ASCII bytes, which has no curly apostrophe to straighten: most words
  // are, and the look for one cost more than the cached verdict.
  bool known_ascii(std::string_view word, Scratch& scratch) const {
    return spell_->correct(word) || accepted(word, scratch);
  }

  // In the house list or the user's --words; lowercase entries accept capitalized words.
  bool accepted(std::string_view word, Scratch& scratch) const {
    if (accepted_ == nullptr) return false;
    const std::string_view straight = straighten_apostrophes(word, scratch.straight);
    if (accepted_->contains_exact(straight)) return true;
    if (!starts_upper(straight)) return false;
    to_lower(straight, scratch.lower);
    return accepted_->contains_exact(scratch.lower);
  }

  // "Mr." or "etc." where the dictionary lists the word only with its period.
  bool known_abbreviation(const Document& document, std::uint32_t index, std::string_view word,
                          Scratch& scratch) const {
    const auto& tokens = document.tokens();
    if (index + 1 >= tokens.size() || document.text_of(tokens[index + 1]) != ".") return false;
    if (is_abbreviation(word)) return true;
    scratch.dotted.assign(word);
    scratch.dotted.push_back('.');
    return spell_->correct(scratch.dotted);
  }

  // Words glued to marks that make them part of something other than prose: "@handle",
  // "#hashtag", ".com", "SM:tv", and pieces of words cut by HTML entities ("caf&#233;").
  static bool glued_to_non_prose(const Document& document, std::uint32_t index) {
    const auto& tokens = document.tokens();
    const auto glued = [&](std::uint32_t a, std::uint32_t b) {
      return tokens[a].span.end == tokens[b].span.begin;
    };
    // Each test is of one mark, so a token's text is read as one character: most words have a
    // space on either side, and a string comparison for each of these marks costs more.
    const auto mark = [&](std::uint32_t i) {
      const std::string_view text = document.text_of(tokens[i]);
      return text.size() == 1 ? text[0] : '\0';
    };
    if (index + 1 < tokens.size() && glued(index, index + 1) && mark(index + 1) == '&') {
      return true;
    }
    if (index == 0 || !glued(index - 1, index)) return false;
    const char before = mark(index - 1);
    if (before == '@' || before == '#' || before == '&') return true;
    const bool glued_twice =
        index >= 2 && glued(index - 2, index - 1) && !tokens[index - 2].is_blank();
    if (before == '.') return !glued_twice;  // ".com", ".uk": a suffix, not a word
    return (before == ';' || before == ':') && glued_twice;
  }

  // "cmake/modules/FindGLIB2.cmake", "/usr/share/doc", "AUTHORS.{en,ru}.txt", "$HOME": a word in
  // a run of text without spaces that has two slashes or starts with one, or that holds a
  // character prose does not glue to words, is part of a path or of code. One slash is prose
  // ("and/or", "km/h", "recieve/send"), and so are brackets ("(recieve)") and backticks, which
  // plain text uses for quotes as well as for code ("`update' will").
  static bool in_path_or_code(const Document& document, std::uint32_t index) {
    const std::string_view run = document.glued_run(index);
    if (run.front() == '/' || std::count(run.begin(), run.end(), '/') >= 2) return true;
    if (run.find_first_of("{}%$=\\|<>~^") != std::string_view::npos) return true;
    // "workersList()", "fastify.FastifyError": a call, or a dotted name with an inner capital.
    bool dotted = false, inner_capital = false;
    for (std::size_t i = 1; i < run.size(); ++i) {
      const auto c = static_cast<unsigned char>(run[i]);
      const auto before = static_cast<unsigned char>(run[i - 1]);
      if (c == '(' && (std::isalnum(before) || before == '_')) return true;
      dotted = dotted || (before == '.' && std::isalpha(c));
      inner_capital = inner_capital || (std::isupper(c) && std::islower(before));
    }
    return dotted && inner_capital;
  }

  // "Banque du Caire", "David dal Maso": a short lowercase word between two capitalized words
  // is a particle of a name.
  bool name_particle(const Document& document, std::uint32_t index, std::string_view word) const {
    if (word.size() > 5 || !starts_lower(word)) return false;
    if (!capitalized_neighbour(document, index, -1) || !capitalized_neighbour(document, index, 1)) {
      return false;
    }
    if (is_name_particle(word)) return true;
    // Between two capitalized common words (a title-case line: "Fill It wiht Water") the
    // capitals say nothing of a name, and the word is checked like any other.
    return name_neighbour(document, index, -1) == Neighbour::Name ||
           name_neighbour(document, index, 1) == Neighbour::Name;
  }

  // The word at `index` is followed by ", " or "; " and a capitalized word.
  static bool starts_name_list(const Document& document, std::uint32_t index) {
    const auto& tokens = document.tokens();
    if (index + 1 >= tokens.size()) return false;
    const std::string_view mark = document.text_of(tokens[index + 1]);
    return (mark == "," || mark == ";") && capitalized_neighbour(document, index + 1, 1);
  }

  enum class Neighbour { None, Capitalized, Name };

  // What the word `step` tokens away says of the word at `index`: past one space, past a comma
  // or semicolon and a space (a list), or past " & " ("Moet & Chandon"), a name particle ("de",
  // "van") makes it a name, and so does a capitalized word that is a name itself: unknown, or
  // known only with its capital.
  Neighbour name_neighbour(const Document& document, std::uint32_t index, int step) const {
    const auto& tokens = document.tokens();
    const auto is = [&](std::int64_t i, TokenKind kind) {
      return i >= 0 && i < static_cast<std::int64_t>(tokens.size()) &&
             tokens[static_cast<std::size_t>(i)].kind == kind;
    };
    const auto list_mark = [&](std::int64_t i) {
      if (!is(i, TokenKind::Punctuation)) return false;
      const std::string_view mark = document.text_of(tokens[static_cast<std::size_t>(i)]);
      return mark == "," || mark == ";";
    };
    std::int64_t i = static_cast<std::int64_t>(index) + step;
    if (step > 0 && list_mark(i)) ++i;
    if (!is(i, TokenKind::Space)) return Neighbour::None;
    i += step;
    if (step < 0 && list_mark(i)) --i;
    // "Moet & Chandon": an ampersand between spaces joins names.
    if (i >= 0 && i < static_cast<std::int64_t>(tokens.size()) &&
        document.text_of(tokens[static_cast<std::size_t>(i)]) == "&") {
      i += step;
      if (!is(i, TokenKind::Space)) return Neighbour::None;
      i += step;
    }
    if (!is(i, TokenKind::Word)) return Neighbour::None;
    const std::string_view text = document.text_of(tokens[static_cast<std::size_t>(i)]);
    if (is_name_particle(text)) return Neighbour::Name;
    if (!starts_upper(text) || text == "I" || text.starts_with("I'") ||
        text.starts_with("I\xE2\x80\x99")) {
      return Neighbour::None;
    }
    if (is_all_upper(text)) return Neighbour::Capitalized;
    std::string scratch;
    const std::string_view straight = straighten_apostrophes(without_possessive(text), scratch);
    if (!spell_->correct(straight)) return Neighbour::Name;
    std::string lower;
    to_lower(straight, lower);
    return spell_->correct(lower) ? Neighbour::Capitalized : Neighbour::Name;
  }

  // The word at `index` is followed by "," or ";", or follows one and a space.
  static bool beside_list_mark(const Document& document, std::uint32_t index) {
    const auto& tokens = document.tokens();
    const auto mark = [&](std::size_t i) {
      if (i >= tokens.size() || tokens[i].kind != TokenKind::Punctuation) return false;
      const std::string_view text = document.text_of(tokens[i]);
      return text == "," || text == ";";
    };
    return mark(index + 1) ||
           (index >= 2 && tokens[index - 1].kind == TokenKind::Space && mark(index - 2));
  }

  // The small words inside names: "Stade de France", "Louis van Gaal", "Paolo di Canio".
  static bool is_name_particle(std::string_view word) {
    for (const std::string_view particle :
         {"de", "da", "di",  "du",  "van", "von", "der", "den", "des", "del", "della",
          "le", "la", "dos", "das", "al",  "el",  "bin", "ibn", "ter", "ten", "y"}) {
      if (word == particle) return true;
    }
    return false;
  }

  // Whether the word `step` tokens away, past exactly one space, is capitalized.
  static bool capitalized_neighbour(const Document& document, std::uint32_t index, int step) {
    const auto& tokens = document.tokens();
    const std::int64_t space = static_cast<std::int64_t>(index) + step;
    const std::int64_t word = space + step;
    if (word < 0 || word >= static_cast<std::int64_t>(tokens.size())) return false;
    const Token& gap = tokens[static_cast<std::size_t>(space)];
    if (gap.kind != TokenKind::Space) return false;
    const Token& neighbour = tokens[static_cast<std::size_t>(word)];
    const std::string_view text = document.text_of(neighbour);
    // "I" and "I'm" are capitalized wherever they stand, so they say nothing about names.
    const bool pronoun = text == "I" || text.rfind("I'", 0) == 0 || text.rfind("I\xE2\x80\x99", 0) == 0;
    return neighbour.kind == TokenKind::Word && starts_upper(text) && !pronoun;
  }

  static const std::unordered_map<std::string_view, int>& known_names(const Document& document,
                                                                      Scratch& scratch) {
    if (scratch.names_built) return scratch.names;
    scratch.names_built = true;
    const auto& tokens = document.tokens();
    std::vector<std::string_view> forms;
    for (const Sentence& sentence : document.sentences()) {
      bool initial = true;
      for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
        const Token& token = tokens[i];
        if (token.is_blank() || token.kind == TokenKind::Punctuation) continue;
        const bool at_start = initial;
        initial = false;
        if (token.kind != TokenKind::Word) continue;
        const std::string_view word = document.text_of(token);
        if (at_start) {
          if (starts_upper(word)) ++scratch.openers[without_possessive(word)];
          continue;
        }
        const bool compound = word.find('-') != std::string_view::npos ||
                              word.find("\xE2\x80") != std::string_view::npos;
        if (!compound && !starts_upper(word)) continue;  // nearly every word: no capital part
        forms.clear();
        if (starts_upper(word)) forms.push_back(without_possessive(word));
        add_capitalized_parts(word, forms);
        // Each form counts once for the word that shows it.
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        for (const std::string_view form : forms) ++scratch.names[form];
      }
    }
    return scratch.names;
  }

  static void add_capitalized_parts(std::string_view word, std::vector<std::string_view>& names) {
    for_each_part(word, [&](std::string_view part, std::size_t, bool) {
      if (starts_upper(part)) {
        names.push_back(without_possessive(part));
        // "GlaxoSmithKline" also vouches for the short form "Glaxo".
        if (const std::size_t inner = inner_capital(part); inner != std::string_view::npos) {
          names.push_back(part.substr(0, inner));
        }
      }
      return true;
    });
  }

  // Offset of the first ASCII capital after a lowercase letter ("GlaxoSmithKline" -> 5).
  static std::size_t inner_capital(std::string_view word) {
    for (std::size_t i = 1; i < word.size(); ++i) {
      const bool lower_before = word[i - 1] >= 'a' && word[i - 1] <= 'z';
      if (lower_before && word[i] >= 'A' && word[i] <= 'Z') return i;
    }
    return std::string_view::npos;
  }

  // "friday" -> "Friday", "bbc's" -> "BBC's": the lowercase word (possessive aside) capitalized,
  // or for three to five letters in capitals, when the dictionary knows that form. Not two
  // letters: "ot" and "fo" are slips for "to" and "of" far more often than "OT" and "FO".
  // Not when the other region's dictionary knows the word in lowercase ("grey" under en_US):
  // a word known in lowercase is never told to take capitals.
  std::string capitalized_form(std::string_view part, std::string_view straight,
                               Scratch& scratch) const {
    const std::string_view base = without_possessive(part);
    if (base.size() < 3) return {};
    if (spell_->other_region_knows(straight)) return {};
    for (const char c : base) {
      if (c < 'a' || c > 'z') return {};
    }
    const std::string_view ending = part.substr(base.size());
    std::string cased(base);
    cased[0] = static_cast<char>(cased[0] - 32);
    if (known(cased, scratch)) return cased.append(ending);
    if (base.size() > 5) return {};
    for (char& c : cased) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    if (known(cased, scratch)) return cased.append(ending);
    return {};
  }

  // "We'RE" -> "We're", "don'T" -> "don't": the word with its contraction's ending in lowercase,
  // when that is a known word and the word is not written all in capitals ("WE'RE", "I'M").
  std::string miscased_contraction(std::string_view word, Scratch& scratch) const {
    const auto parts = contraction_parts(word);
    if (!parts || is_all_upper(word)) return {};
    std::string fixed(parts->stem);
    fixed += parts->apostrophe;
    bool changed = false;
    for (const char c : parts->ending) {
      changed = changed || (c >= 'A' && c <= 'Z');
      fixed += static_cast<char>(c | 0x20);
    }
    if (!changed || !known(fixed, scratch)) return {};
    return fixed;
  }

  // "employees's" -> "employees'": the possessive of a regular plural, one whose singular is a
  // known word ("employee", see is_plural_of_known), takes the apostrophe alone. A singular that
  // ends in "s" keeps its "'s": "boss's" and "princess's" ("ss" is no plural ending), "census's",
  // "crisis's", "physics's", and those in dictionaries/singular-nouns-in-s.txt ("species's").
  std::string plural_possessive_fix(std::string_view part, Scratch& scratch) const {
    const std::string_view base = without_possessive(part);
    if (base.size() == part.size() || base.size() < 4 || base.back() != 's') return {};
    for (const char c : base) {
      if (c < 'a' || c > 'z') return {};  // names ("Jones's") and anything unusual pass
    }
    const char before = base[base.size() - 2];
    if (before == 's' || before == 'u' || before == 'i' || base.ends_with("ics")) return {};
    if (singulars_in_s_.contains_exact(base) || is_possessive_pronoun_base(base)) {
      return {};  // "hers's" is flagged as unknown instead
    }
    if (!known(base, scratch) || !is_plural_of_known(base, scratch)) return {};
    // The apostrophe as written: "employees’s" -> "employees’".
    return std::string(part.substr(0, part.size() - 1));
  }

  // "become's" -> "becomes": a verb that is never a noun has no possessive, and its "'s" cannot be
  // "is" either; the writer meant the verb's "s" (dictionaries/verbs-without-noun-use.txt).
  std::optional<std::string> verb_with_apostrophe(std::string_view part) const {
    const std::string_view base = without_possessive(part);
    if (base.size() == part.size() || !verbs_without_noun_use_.contains_exact(base)) {
      return std::nullopt;
    }
    std::string third_person(base);
    const char last = base.back();
    const bool after_consonant =
        base.size() > 1 &&
        std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos;
    if (last == 'y' && after_consonant) {
      third_person.back() = 'i';
      third_person += "es";
    } else if (last == 's' || last == 'x' || last == 'z' || last == 'o' || base.ends_with("ch") ||
               base.ends_with("sh")) {
      third_person += "es";
    } else {
      third_person += 's';
    }
    return third_person;
  }

  // "employees" (employee), "boxes" (box), "companies" (company), "wolves" (wolf), "lives" (life):
  // a plural of a known word by the regular endings.
  bool is_plural_of_known(std::string_view plural, Scratch& scratch) const {
    const std::string_view stem2 = plural.substr(0, plural.size() - 2);
    const std::string_view stem3 = plural.substr(0, plural.size() - 3);
    if (known(plural.substr(0, plural.size() - 1), scratch)) return true;
    if (plural.ends_with("es") && known(stem2, scratch)) return true;
    if (plural.ends_with("ies") && known(std::string(stem3) + "y", scratch)) return true;
    return plural.ends_with("ves") &&
           (known(std::string(stem3) + "f", scratch) || known(std::string(stem3) + "fe", scratch));
  }

  // The word with the apostrophe it lacks, when that makes a contraction Hunspell knows and the
  // word itself is unknown: "Im" -> "I'm", "Youre" -> "You're", "DONT" -> "DON'T".
  std::string missing_apostrophe(std::string_view word, Scratch& scratch) const {
    // "IM", "ID": two or three capitals are an abbreviation, not "I'M".
    if (word.size() < 2 || word.size() > 8 || (word.size() <= 3 && is_all_upper(word))) return {};
    for (const char c : word) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
    }
    if (known(word, scratch)) return {};
    // Not "s": "MPs" and "Johns" are plurals and names far more often than a lost "'s".
    for (const std::string_view ending : {"m", "ve", "re", "ll", "d", "t"}) {
      if (word.size() <= ending.size()) continue;
      const std::string_view tail = word.substr(word.size() - ending.size());
      if (!equals_ignoring_ascii_case(tail, ending)) continue;
      // "dont" -> "don't": the apostrophe of "n't" goes before the t.
      std::string fixed(word.substr(0, word.size() - ending.size()));
      fixed.append("'").append(tail);
      if (spell_->correct(fixed)) return fixed;
    }
    return {};
  }

  // "lo9nger" -> "longer", "Thanksgiv8ing" -> "Thanksgiving": one digit between two lowercase
  // letters, in a word of four letters or more that the dictionary knows without it. Other
  // words with digits ("Driv3r", "mp3", "H5N1") are names and codes.
  std::string without_stray_digit(std::string_view word, Scratch& scratch) const {
    std::size_t digit = std::string_view::npos;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      if (c >= 'a' && c <= 'z') continue;
      if (c >= 'A' && c <= 'Z' && i == 0) continue;
      const bool between_lowercase = i > 0 && i + 1 < word.size() && word[i - 1] >= 'a' &&
                                     word[i - 1] <= 'z' && word[i + 1] >= 'a' && word[i + 1] <= 'z';
      if (c < '0' || c > '9' || !between_lowercase || digit != std::string_view::npos) return {};
      digit = i;
    }
    if (digit == std::string_view::npos || word.size() < 5) return {};
    std::string fixed(word);
    fixed.erase(digit, 1);
    return known(fixed, scratch) ? fixed : std::string();
  }

  static Diagnostic finding(std::uint32_t begin, std::string_view part,
                            std::vector<std::string> suggestions, const std::string& problem) {
    Diagnostic diagnostic;
    diagnostic.span = Span{begin, begin + static_cast<std::uint32_t>(part.size())};
    diagnostic.message.append("`").append(part).append("` ").append(problem);
    diagnostic.suggestions = std::move(suggestions);
    return diagnostic;
  }

  static void report(std::uint32_t begin, std::string_view part,
                     std::vector<std::string> suggestions, Sink& sink,
                     const std::string& problem = "is not in the dictionary.") {
    sink.report(finding(begin, part, std::move(suggestions), problem));
  }

  // A finding whose one correction follows from the word itself (an apostrophe left out or
  // added, a contraction's capitals): it carries a fix, unsafe all the same, since a name or a
  // quotation may be meant as written.
  static void report_certain(std::uint32_t begin, std::string_view part, const std::string& fixed,
                             Sink& sink,
                             const std::string& problem = "is not in the dictionary.") {
    Diagnostic diagnostic = finding(begin, part, {fixed}, problem);
    diagnostic.fix = Fix{"Replace with `" + fixed + "`", {Edit{diagnostic.span, fixed}}, false};
    sink.report(std::move(diagnostic));
  }

  const SpellChecker* spell_;
  const WordSet* accepted_;
  const WordSet* rejected_;  // the house style's forbidden words
  const WordSet& prefixes_;  // "pre", "anti": only ever written before a hyphen
  const WordSet& singulars_in_s_;  // "species", "news": not plurals, though they end in "s"
  const WordSet& verbs_without_noun_use_;  // "become", "seem": no possessive, no "become is"
};

}  // namespace

COPYDESK_REGISTER_RULE(MisspelledWord, "misspelled_word");

}  // namespace copydesk
