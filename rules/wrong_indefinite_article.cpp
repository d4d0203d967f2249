// wrong-indefinite-article: "a" before a vowel sound or "an" before a consonant sound.
//
// What counts is the sound, not the letter: "an hour", "a university", "an MP", "a NATO base",
// "an 8-year-old". The sound of a word comes from dictionaries/article-sounds.txt (prefix tables
// for the spellings that mislead, acronyms read as words); letters, numbers and acronyms read
// letter by letter are worked out here. When the sound is in doubt the rule stays silent.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/segmenter.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

enum class Sound : std::uint8_t { Vowel, Consonant, Either, Unknown };

using SoundMap = std::unordered_map<std::string, Sound, StringHash, std::equal_to<>>;

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_letter(char c) { return ascii_upper(c) || ascii_lower(c); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool vowel_letter(char c) {
  return std::string_view("aeiou").find(to_ascii_lower(c)) != std::string_view::npos;
}

// The name of a letter: "an F", "an X-ray", "a U-turn", "an MP" (em-pee). H is "aitch" in
// the standard but "haitch" for many British and Irish speakers ("a HD set"): not judged.
Sound letter_name_sound(char c) {
  if (to_ascii_lower(c) == 'h') return Sound::Either;
  return std::string_view("aefilmnorsx").find(to_ascii_lower(c)) != std::string_view::npos
             ? Sound::Vowel
             : Sound::Consonant;
}

// Two consonants that can begin an English syllable, so a word or acronym starting with them can
// be read as a word ("SWAT", "Flynn"); other pairs ("NHS", "Mbappe", "mph") are read letter by
// letter or are not English at all.
bool onset_pair(char first, char second) {
  static constexpr std::array<std::string_view, 37> kPairs{
      "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "fj", "gh", "gl", "gn",
      "gr", "kl", "kn", "kr", "ph", "pl", "pr", "ps", "rh", "sc", "sh", "sk", "sl",
      "sm", "sn", "sp", "sq", "st", "sw", "th", "tr", "tw", "wh", "wr"};
  const char pair[2] = {to_ascii_lower(first), to_ascii_lower(second)};
  return std::find(kPairs.begin(), kPairs.end(), std::string_view(pair, 2)) != kPairs.end();
}

// A misspelt sound name in the data file is a bug in the build, not something to skip quietly.
Sound parse_sound(std::string_view line, std::string_view name) {
  if (name == "vowel") return Sound::Vowel;
  if (name == "consonant") return Sound::Consonant;
  if (name == "either") return Sound::Either;
  if (name == "unknown") return Sound::Unknown;
  throw std::logic_error("article-sounds.txt: bad entry \"" + std::string(line) + "\"");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

class WrongIndefiniteArticle final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "wrong-indefinite-article",
      .category = RuleCategory::Grammar,
      .default_severity = Severity::Error,
      .summary = "\"a\" before a vowel sound or \"an\" before a consonant sound.",
      .has_fix = true,
      .languages = kEnglishOnly,
  };

  explicit WrongIndefiniteArticle(const RuleContext& context)
      : spell_(context.spell), accepted_(context.accepted_words) {
    load(context.lists->text("article-sounds.txt"));
  }

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    const auto& tokens = document.tokens();
    std::string scratch;
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::Word) continue;
      const std::string_view article = document.text_of(tokens[i]);
      if (article != "a" && article != "A" && article != "an" && article != "An") continue;
      if (!stands_alone_before(document, i) || !reads_as_article(document, i, scratch)) continue;
      const std::int64_t next = following_word(document, i);
      if (next < 0 || document.block_between(i, static_cast<std::uint32_t>(next))) continue;
      const auto k = static_cast<std::uint32_t>(next);
      const Sound sound = tokens[k].kind == TokenKind::Number
                              ? number_sound(document.text_of(tokens[k]))
                              : word_sound(document, k, article == "A", scratch);
      if (sound != Sound::Vowel && sound != Sound::Consonant) continue;
      const bool wants_an = sound == Sound::Vowel;
      if (wants_an == (article.size() == 2)) continue;
      report(sink, tokens[i].span, article, wants_an, document.text_of(tokens[k]));
    }
  }

 private:
  void load(std::string_view text) {
    enum class Section {
      None,
      Prefixes,
      Acronyms,
      Labels,
      Foreign,
      NotAfter
    } section = Section::None;
    while (!text.empty()) {
      const std::size_t newline = text.find('\n');
      const std::string_view line = trim(text.substr(0, newline));
      text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
      if (line.empty() || line.front() == '#') continue;
      if (line == "[prefixes]")
        section = Section::Prefixes;
      else if (line == "[acronyms]")
        section = Section::Acronyms;
      else if (line == "[letter-labels]")
        section = Section::Labels;
      else if (line == "[foreign-words]")
        section = Section::Foreign;
      else if (line == "[not-after-article]")
        section = Section::NotAfter;
      else if (section == Section::Labels)
        letter_labels_.add(line);
      else if (section == Section::Foreign)
        foreign_words_.add(line);
      else if (section == Section::NotAfter)
        not_after_article_.add(line);
      else
        add_sound(section == Section::Acronyms, line);
    }
  }

  void add_sound(bool acronym, std::string_view line) {
    const std::size_t space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    const Sound sound =
        parse_sound(line, trim(line.substr(space == std::string_view::npos ? line.size() : space)));
    if (acronym) {
      acronyms_.emplace(std::string(key), sound);
    } else if (key.ends_with('$')) {
      whole_words_.emplace(std::string(key.substr(0, key.size() - 1)), sound);
    } else {
      prefixes_.emplace(std::string(key), sound);
      longest_prefix_ = std::max(longest_prefix_, key.size());
      if (key.size() < 64)
        prefix_lengths_[static_cast<unsigned char>(key.front())] |= 1ull << key.size();
      else
        prefix_lengths_[static_cast<unsigned char>(key.front())] = ~0ull;
    }
  }

  // The article is a word of its own: not glued to a slash, symbol or the like ("a/b", "#a").
  static bool stands_alone_before(const Document& document, std::uint32_t i) {
    if (i == 0) return true;
    const Token& before = document.tokens()[i - 1];
    if (before.is_blank()) return true;
    if (before.kind != TokenKind::Punctuation) return false;
    const std::string_view p = document.text_of(before);
    return p == "\"" || p == "(" || p == "[" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x98" ||
           p == "\xE2\x80\x94" || p == "\xE2\x80\x93";
  }

  // "A" in mid-sentence is a letter or a label ("Plan A", "grade A in"), and so is a lowercase
  // "a" after a labelling noun ("vitamin a").
  bool reads_as_article(const Document& document, std::uint32_t i, std::string& scratch) const {
    const auto& tokens = document.tokens();
    const std::string_view article = document.text_of(tokens[i]);
    if (ascii_upper(article.front())) {
      const Sentence& sentence = document.sentences()[document.sentence_of(i)];
      for (std::uint32_t j = sentence.first; j < i; ++j) {
        if (tokens[j].kind != TokenKind::Punctuation && !tokens[j].is_blank()) return false;
      }
      return true;
    }
    const std::int64_t previous = document.previous_non_blank(i);
    if (previous < 0) return true;
    const Token& before = tokens[static_cast<std::size_t>(previous)];
    if (before.kind != TokenKind::Word) return true;
    to_lower(document.text_of(before), scratch);
    return !letter_labels_.contains_exact(scratch);
  }

  // The word or number the article belongs to: after a space (or one line break), an opening
  // quote ("a \"industry\" party") or a spaced dash; -1 when there is none.
  std::int64_t following_word(const Document& document, std::uint32_t i) const {
    const auto& tokens = document.tokens();
    std::uint32_t k = i + 1;
    if (k >= tokens.size() || !tokens[k].is_blank()) return -1;
    ++k;
    for (int skipped = 0; k < tokens.size() && skipped < 2; ++skipped) {
      if (tokens[k].kind == TokenKind::Word || tokens[k].kind == TokenKind::Number) break;
      const std::string_view p = document.text_of(tokens[k]);
      if (is_currency(p) && k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::Number) {
        return k + 1;  // "an £8m deal": the amount is read before the currency
      }
      if (tokens[k].kind != TokenKind::Punctuation) return -1;
      const bool quote = p == "\"" || p == "'" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x98";
      const bool dash = p == "-" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94";
      if (quote) {
        ++k;
      } else if (dash && k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::Space) {
        k += 2;
      } else {
        return -1;
      }
    }
    if (k >= tokens.size()) return -1;
    if (tokens[k].kind != TokenKind::Word && tokens[k].kind != TokenKind::Number) return -1;
    // "a.m." and other abbreviations, and initials ("a J. Smith"), are read in unknown ways.
    if (k + 1 < tokens.size() && document.text_of(tokens[k + 1]) == ".") {
      const std::string_view word = document.text_of(tokens[k]);
      if (word.size() == 1 || is_abbreviation(word)) return -1;
    }
    return k;
  }

  static bool is_currency(std::string_view p) {
    return p == "$" || p == "\xC2\xA3" || p == "\xE2\x82\xAC";
  }

  // The sound of the number as read aloud: "an 8", "an 11", "an 18th", "an 1800s", "a 100".
  static Sound number_sound(std::string_view number) {
    std::size_t digits = 0;  // digits in the integer part, commas left out
    std::size_t first_group = 0;
    bool grouped = false;
    for (std::size_t at = 0; at < number.size(); ++at) {
      if (ascii_digit(number[at])) {
        ++digits;
        if (!grouped) ++first_group;
      } else if (number[at] == ',' && at + 1 < number.size() && ascii_digit(number[at + 1])) {
        grouped = true;
      } else {
        break;
      }
    }
    if (number.front() == '8') return Sound::Vowel;  // eight, eighty, eight hundred
    // "0.5" is "nought point five" or "zero point five"; "0800" is "oh eight hundred".
    if (number.front() == '0')
      return number.size() > 1 && number[1] == '.' ? Sound::Consonant : Sound::Unknown;
    if (!number.starts_with("11") && !number.starts_with("18")) return Sound::Consonant;
    // Eleven and eighteen lead when they head a group of thousands ("11,000", "18m") or a year
    // ("1840s"); otherwise the number is read "one hundred..." ("110", "1,800").
    if (grouped) return first_group == 2 ? Sound::Vowel : Sound::Consonant;
    return digits == 4 || digits % 3 == 2 ? Sound::Vowel : Sound::Consonant;
  }

  Sound word_sound(const Document& document, std::uint32_t k, bool capital_article,
                   std::string& scratch) const {
    const std::string_view word = document.text_of(document.tokens()[k]);
    std::string_view part = word;  // first part of a compound, without a possessive
    for (std::size_t at = 0; at < word.size(); ++at) {
      int length = 0;
      const char32_t c = decode_at(word, at, length);
      if (is_hyphen(c) || is_apostrophe(c)) {
        part = word.substr(0, at);
        // An elided article or particle ("L'Oreal", "D'Artagnan", "O'Neill") has no set sound.
        if (is_apostrophe(c) && part.size() == 1) return Sound::Unknown;
        break;
      }
      at += static_cast<std::size_t>(length) - 1;
    }
    if (part.empty() || !ascii_letter(part.front())) return Sound::Unknown;
    if (foreign_words_.contains_exact(word)) return Sound::Unknown;
    to_lower(part, scratch);
    // Only a whole word: "a so-called", "an all-time" are fine compounds.
    if (part.size() == word.size() && !is_all_upper(part) &&
        not_after_article_.contains_exact(scratch)) {
      return Sound::Unknown;
    }
    if (part.size() == 1) {
      // "A E Housman", "A B C": a capital "A" before a lone capital is one initial of several.
      if (capital_article && part.size() == word.size() && ascii_upper(part.front())) {
        return Sound::Unknown;
      }
      return letter_name_sound(part.front());
    }
    std::size_t upper_run = 0;
    while (upper_run < part.size() && ascii_upper(part[upper_run])) ++upper_run;
    if (upper_run >= 2) {
      // "A NEW DAWN": in capitals throughout, words look like acronyms.
      if (capital_article && next_word_all_caps(document, k)) return Sound::Unknown;
      return acronym_sound(part.substr(0, upper_run), scratch);
    }
    if (ascii_digit(part[1])) return letter_name_sound(part.front());  // "F1", "M4", "U2"
    if (ascii_lower(part[0]) && ascii_upper(part[1])) return letter_name_sound(part.front());
    // Short mixed-case abbreviations: "MoD", "DfT", "FoI".
    if (part.size() <= 4 && has_inner_upper(part)) return letter_name_sound(part.front());
    if (const auto listed = listed_sound(scratch)) return *listed;
    return default_sound(part, scratch);
  }

  // The listed sound of a lowercase word: whole-word entries first, then the longest prefix.
  std::optional<Sound> listed_sound(std::string_view lowercase) const {
    if (const auto found = whole_words_.find(lowercase); found != whole_words_.end()) {
      return found->second;
    }
    const std::uint64_t lengths = prefix_lengths_[static_cast<unsigned char>(lowercase.front())];
    for (std::size_t n = std::min(longest_prefix_, lowercase.size()); n > 0; --n) {
      if (n < 64 && (lengths >> n & 1) == 0) continue;
      if (const auto found = prefixes_.find(lowercase.substr(0, n)); found != prefixes_.end()) {
        return found->second;
      }
    }
    return std::nullopt;
  }

  // By spelling: vowel letters give a vowel sound, others a consonant sound. Trusted only for
  // names and for words the dictionary knows, so that "a" or "an" in a foreign phrase is left
  // alone ("il a obtenu", "Frankfurt an der Oder").
  Sound default_sound(std::string_view part, std::string_view lowercase) const {
    if (lowercase.find_first_of("aeiouy") == std::string_view::npos) return Sound::Unknown;
    if (!ascii_upper(part.front()) && !known_word(part)) return Sound::Unknown;
    const char first = lowercase[0];
    if (vowel_letter(first)) return Sound::Vowel;
    // A consonant whose name starts with a vowel, before a consonant it cannot cluster with, is
    // often read as its name ("Mbappe", "Nkunku") or is an abbreviation ("mph", "Mr").
    const char second = lowercase[1];
    if (letter_name_sound(first) != Sound::Consonant && !vowel_letter(second) && second != 'y' &&
        first != 's' && !onset_pair(first, second)) {
      return Sound::Unknown;
    }
    return Sound::Consonant;
  }

  bool known_word(std::string_view word) const {
    if (accepted_ != nullptr && accepted_->contains(word)) return true;
    // Identifiers and codes ("en_US", "x86") are no dictionary words, and asking about them
    // would load Hunspell (60 ms) for a word outside the precompiled tables.
    for (const char c : word) {
      if (c == '_' || (c >= '0' && c <= '9')) return false;
    }
    return spell_ != nullptr && spell_->correct(word);
  }

  Sound acronym_sound(std::string_view acronym, std::string& scratch) const {
    if (const auto found = acronyms_.find(acronym); found != acronyms_.end()) return found->second;
    // A short word in capitals for emphasis ("a NEW record", "a NO vote") is read as the word;
    // when its first letter's name has a vowel sound the two readings disagree.
    if (acronym.size() <= 3 && letter_name_sound(acronym.front()) == Sound::Vowel &&
        !vowel_letter(acronym.front()) &&
        acronym.find_first_of("AEIOUY") != std::string_view::npos) {
      to_lower(acronym, scratch);
      if (spell_ != nullptr && spell_->correct(scratch)) return Sound::Unknown;
    }
    if (acronym.size() <= 3 || acronym.find_first_of("AEIOU") == std::string_view::npos ||
        (!vowel_letter(acronym[0]) && !vowel_letter(acronym[1]) &&
         !onset_pair(acronym[0], acronym[1]))) {
      return letter_name_sound(acronym.front());
    }
    // Pronounceable: read as a word or spelt out. Both readings agree for most first letters.
    const char first = acronym.front();
    if (first == 'A' || first == 'E' || first == 'I' || first == 'O') return Sound::Vowel;
    if (first == 'U' || letter_name_sound(first) == Sound::Consonant) return Sound::Consonant;
    return Sound::Unknown;
  }

  static bool next_word_all_caps(const Document& document, std::uint32_t k) {
    const auto& tokens = document.tokens();
    for (std::uint32_t j = k + 1; j < tokens.size() && j < k + 6; ++j) {
      if (tokens[j].kind == TokenKind::Word) return is_all_upper(document.text_of(tokens[j]));
      if (tokens[j].kind == TokenKind::Newline) break;
    }
    return true;
  }

  static void report(Sink& sink, Span span, std::string_view article, bool wants_an,
                     std::string_view word) {
    std::string replacement = wants_an ? "an" : "a";
    if (ascii_upper(article.front())) replacement[0] = 'A';
    Diagnostic diagnostic;
    diagnostic.span = span;
    diagnostic.message = "Use `" + replacement + "` before `" + std::string(word) + "`.";
    diagnostic.suggestions = {replacement};
    diagnostic.fix = Fix{"Replace with `" + replacement + "`", {Edit{span, replacement}}, true};
    sink.report(std::move(diagnostic));
  }

  const SpellChecker* spell_ = nullptr;
  const WordSet* accepted_ = nullptr;
  SoundMap prefixes_;
  SoundMap whole_words_;
  SoundMap acronyms_;
  std::size_t longest_prefix_ = 0;
  // By first byte, the lengths of the prefixes that start with it (bit n: length n; all bits
  // for a prefix of 64 bytes or more), so that an article costs a few hash look-ups, not one
  // for every length up to the longest prefix.
  std::array<std::uint64_t, 256> prefix_lengths_{};
  WordSet letter_labels_;
  WordSet foreign_words_;
  WordSet not_after_article_;
};

}  // namespace

COPYDESK_REGISTER_RULE(WrongIndefiniteArticle, "wrong_indefinite_article");

}  // namespace copydesk
