#pragma once

// The counts Vale's `metric` rules compute their formulas from, and the readability formulas
// its Readability package writes with them. Counting is English-only, as Vale's is: syllables
// are estimated from spelling (vowel groups, a silent final "e", "-ed" and "-es"), which is
// what the formulas were fitted to.

#include <cstdint>
#include <string_view>

namespace copydesk::vale {

// Syllables in one word, estimated from its spelling; at least 1 for a word with a letter,
// 0 without one.
int count_syllables(std::string_view word);

// Counts over the prose of a document, filled word by word as its tokens are read.
struct TextStatistics {
  std::int64_t words = 0;
  std::int64_t sentences = 0;
  std::int64_t paragraphs = 0;
  std::int64_t syllables = 0;
  std::int64_t characters = 0;          // letters and digits of the words
  std::int64_t long_words = 0;          // more than 6 characters
  std::int64_t polysyllabic_words = 0;  // 3 syllables or more
  std::int64_t complex_words = 0;       // 3 syllables or more without -es, -ed, -ing

  // Counts one word (a token of letters, digits, apostrophes and hyphens).
  void add_word(std::string_view word);
  // Counts one paragraph: its words (runs of letters and digits, with the apostrophes and
  // hyphens inside them) and its sentences (ended by ".", "!" or "?" before a blank or the
  // end; a paragraph without one is one sentence).
  void add_paragraph(std::string_view text);
};

// The classic formulas; each needs words > 0 and sentences > 0 (otherwise it gives 0).
double flesch_kincaid_grade(const TextStatistics& counts);
double flesch_reading_ease(const TextStatistics& counts);
double gunning_fog(const TextStatistics& counts);
double smog_grade(const TextStatistics& counts);
double coleman_liau(const TextStatistics& counts);
double automated_readability(const TextStatistics& counts);
double lix(const TextStatistics& counts);

}  // namespace copydesk::vale
