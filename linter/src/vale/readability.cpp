#include "copydesk/vale/readability.hpp"

#include <cmath>
#include <string>

namespace copydesk::vale {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The word's ASCII letters, lowercase: "Don't" -> "dont", "e-mail" -> "email".
std::string letters_of(std::string_view word) {
  std::string letters;
  for (const char c : word) {
    if (is_ascii_letter(c)) letters.push_back(static_cast<char>(c | 0x20));
  }
  return letters;
}

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Vowel groups, "y" being a vowel except as the first letter ("you", "yes").
int vowel_groups(std::string_view letters) {
  int groups = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const bool vowel = is_vowel(letters[i]) && !(i == 0 && letters[i] == 'y');
    if (vowel && !in_group) ++groups;
    in_group = vowel;
  }
  return groups;
}

// Whether the last vowel group is an "e" that is not pronounced: "make", "walked", "takes",
// but not "table", "wanted", "boxes".
bool silent_ending(std::string_view letters) {
  if (letters.size() < 3) return false;
  const char before = letters[letters.size() - 2];
  if (letters.back() == 'e') {
    return !is_vowel(before) && !(before == 'l' && !is_vowel(letters[letters.size() - 3]));
  }
  const char stem = letters[letters.size() - 3];
  if (ends_with(letters, "ed")) return !is_vowel(stem) && stem != 't' && stem != 'd';
  if (ends_with(letters, "es")) {
    return !is_vowel(stem) && stem != 's' && stem != 'x' && stem != 'z' && stem != 'c' &&
           stem != 'g' && !ends_with(letters, "ches") && !ends_with(letters, "shes");
  }
  return false;
}

int syllables_of_letters(std::string_view letters) {
  if (letters.empty()) return 0;
  int count = vowel_groups(letters);
  if (count > 1 && silent_ending(letters)) --count;
  return count < 1 ? 1 : count;
}

std::int64_t code_points_of_words(std::string_view word) {
  std::int64_t count = 0;
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    const bool ascii_alnum = is_ascii_letter(c) || (c >= '0' && c <= '9');
    if (ascii_alnum || byte >= 0xC0) ++count;  // a lead byte: one non-ASCII code point
  }
  return count;
}

double ratio(std::int64_t numerator, std::int64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

bool usable(const TextStatistics& counts) { return counts.words > 0 && counts.sentences > 0; }

}  // namespace

int count_syllables(std::string_view word) { return syllables_of_letters(letters_of(word)); }

void TextStatistics::add_word(std::string_view word) {
  const std::string letters = letters_of(word);
  const int syllable_count = syllables_of_letters(letters);
  ++words;
  syllables += syllable_count;
  const std::int64_t length = code_points_of_words(word);
  characters += length;
  if (length > 6) ++long_words;
  if (syllable_count < 3) return;
  ++polysyllabic_words;
  std::string_view stem = letters;
  for (const std::string_view suffix : {"es", "ed", "ing"}) {
    if (ends_with(stem, suffix)) {
      stem.remove_suffix(suffix.size());
      break;
    }
  }
  if (syllables_of_letters(stem) >= 3) ++complex_words;
}

void TextStatistics::add_paragraph(std::string_view text) {
  const auto is_word_byte = [](char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  };
  const std::int64_t words_before = words;
  std::int64_t ended = 0;
  bool open_sentence = false;
  std::size_t at = 0;
  while (at < text.size()) {
    if (!is_word_byte(text[at])) {
      const bool terminal = text[at] == '.' || text[at] == '!' || text[at] == '?';
      const bool at_boundary = at + 1 == text.size() || text[at + 1] == ' ' ||
                               text[at + 1] == '\n' || text[at + 1] == '"' || text[at + 1] == ')';
      if (terminal && at_boundary && open_sentence) {
        ++ended;
        open_sentence = false;
      }
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() &&
           (is_word_byte(text[end]) || ((text[end] == '\'' || text[end] == '-') &&
                                        end + 1 < text.size() && is_word_byte(text[end + 1])))) {
      ++end;
    }
    add_word(text.substr(at, end - at));
    open_sentence = true;
    at = end;
  }
  if (words == words_before) return;
  sentences += ended + (open_sentence ? 1 : 0);
  ++paragraphs;
}

double flesch_kincaid_grade(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 0.39 * ratio(counts.words, counts.sentences) +
         11.8 * ratio(counts.syllables, counts.words) - 15.59;
}

double flesch_reading_ease(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 206.835 - 1.015 * ratio(counts.words, counts.sentences) -
         84.6 * ratio(counts.syllables, counts.words);
}

double gunning_fog(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 0.4 * (ratio(counts.words, counts.sentences) +
                100.0 * ratio(counts.complex_words, counts.words));
}

double smog_grade(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 1.0430 * std::sqrt(30.0 * ratio(counts.polysyllabic_words, counts.sentences)) + 3.1291;
}

double coleman_liau(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 5.88 * ratio(counts.characters, counts.words) -
         29.6 * ratio(counts.sentences, counts.words) - 15.8;
}

double automated_readability(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return 4.71 * ratio(counts.characters, counts.words) +
         0.5 * ratio(counts.words, counts.sentences) - 21.43;
}

double lix(const TextStatistics& counts) {
  if (!usable(counts)) return 0.0;
  return ratio(counts.words, counts.sentences) + 100.0 * ratio(counts.long_words, counts.words);
}

}  // namespace copydesk::vale
