#include "copydesk/word_frequencies.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "copydesk/dictionary.hpp"

namespace copydesk {
namespace {

constexpr std::size_t kLongest = 24;  // longer words are not looked for (DP tables stay small)

// A polynomial hash (mod 2^64), so that the hashes of all of a word's one-letter deletions
// come from its prefix and suffix sums without rehashing it each time; mixed at the end so that
// its top bits can pick the bucket.
constexpr std::uint64_t kBase = 0x100000001b3ull;

std::uint64_t mixed(std::uint64_t h) {
  h ^= h >> 31;
  h *= 0x7fb5d329728ea185ull;
  h ^= h >> 27;
  h *= 0x81dadef4bc2dd44dull;
  return h ^ (h >> 33);
}

// The hash of `text` without the bytes at `skip` and `skip2` (npos: none).
std::uint64_t hash_of(std::string_view text, std::size_t skip = std::string_view::npos,
                      std::size_t skip2 = std::string_view::npos) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == skip || i == skip2) continue;
    h = h * kBase + static_cast<unsigned char>(text[i]);
  }
  return mixed(h);
}

// Calls visit(hash) for `word` and for each of its one-letter deletions (one for a run of the
// same letter), each as hash_of() would give it.
template <typename Visit>
void hash_deletions(std::string_view word, Visit visit) {
  const std::size_t n = word.size();
  std::array<std::uint64_t, kLongest + 1> prefix, suffix, power;
  prefix[0] = 0;
  suffix[n] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(word[i]);
    power[i + 1] = power[i] * kBase;
  }
  // suffix[i]: the hash of word[i..], as the tail of a longer text.
  for (std::size_t i = n; i-- > 0;) {
    suffix[i] = suffix[i + 1] + static_cast<unsigned char>(word[i]) * power[n - 1 - i];
  }
  visit(mixed(prefix[n]));
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;  // the same deletion as the one before
    visit(mixed(prefix[i] * power[n - 1 - i] + suffix[i + 1]));
  }
}

// Edit distance with adjacent swaps (optimal string alignment), or max + 1 when it exceeds max.
int bounded_distance(std::string_view a, std::string_view b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  // Three rows (the swap looks two back), not a whole table: this runs for every candidate.
  std::array<std::array<int, kLongest + 3>, 3> d;
  const auto row = [&](int i) -> std::array<int, kLongest + 3>& {
    return d[static_cast<std::size_t>(i % 3)];
  };
  for (int j = 0; j <= m; ++j) row(0)[static_cast<std::size_t>(j)] = j;
  for (int i = 1; i <= n; ++i) {
    auto& now = row(i);
    const auto& up = row(i - 1);
    const auto& up2 = row(i + 1);  // i - 2, modulo 3
    now[0] = i;
    int row_best = i;
    for (int j = 1; j <= m; ++j) {
      const auto J = static_cast<std::size_t>(j);
      const int same = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({up[J] + 1, now[J - 1] + 1, up[J - 1] + same});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, up2[J - 2] + 1);
      }
      now[J] = v;
      row_best = std::min(row_best, v);
    }
    if (row_best > max) return max + 1;
  }
  return row(n)[static_cast<std::size_t>(m)];
}

// Rows of a QWERTY keyboard, each set off to the right of the one above: a letter typed for
// its neighbour is a common slip. Worked out once, as a table by letter pair.
bool keys_touch(char a, char b) {
  constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  constexpr double kOffset[] = {0.0, 0.25, 0.75};
  const auto place = [&](char c, int& row, double& x) {
    for (int r = 0; r < 3; ++r) {
      if (const auto at = kRows[r].find(c); at != std::string_view::npos) {
        row = r;
        x = static_cast<double>(at) + kOffset[r];
        return true;
      }
    }
    return false;
  };
  int row_a = 0, row_b = 0;
  double x_a = 0, x_b = 0;
  if (!place(a, row_a, x_a) || !place(b, row_b, x_b)) return false;
  if (row_a == row_b) return std::abs(x_a - x_b) == 1.0;
  return std::abs(row_a - row_b) == 1 && std::abs(x_a - x_b) < 0.8;
}

bool adjacent_keys(char a, char b) {
  static const auto table = [] {
    std::array<std::array<bool, 26>, 26> t{};
    for (int i = 0; i < 26; ++i) {
      for (int j = 0; j < 26; ++j) {
        t[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
            keys_touch(static_cast<char>('a' + i), static_cast<char>('a' + j));
      }
    }
    return t;
  }();
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  return table[static_cast<std::size_t>(a - 'a')][static_cast<std::size_t>(b - 'a')];
}

bool vowel(char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }

// Letters that stand for the same sound, confused when writing by ear: "cieling", "sensure".
bool sound_alike(char a, char b) {
  const auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  return pair('c', 's') || pair('c', 'k') || pair('s', 'z') || pair('i', 'y') || pair('f', 'v');
}

double substitution_cost(char typed, char intended) {
  if (typed == intended) return 0.0;
  if (vowel(typed) && vowel(intended)) return 0.7;
  if (adjacent_keys(typed, intended) || sound_alike(typed, intended)) return 0.75;
  return 1.0;
}

// `typed` lacks the letter intended[at]; `kept` is what `typed` has where it should be, if
// anything.
double dropped_cost(std::string_view intended, std::size_t at) {
  const char c = intended[at];
  if (c == '\'') return 0.2;
  const bool doubled =
      (at > 0 && intended[at - 1] == c) || (at + 1 < intended.size() && intended[at + 1] == c);
  if (doubled) return 0.45;
  // A silent letter: "h" after a consonant ("wich") and vowels that are not pronounced are
  // dropped when writing by ear.
  if (c == 'h' && at > 0 && !vowel(intended[at - 1])) return 0.55;
  if (vowel(c)) return 0.75;
  return 0.9;
}

// `typed` has the extra letter typed[at] where `intended` has consumed `j` letters: a doubled
// letter is cheap only when the intended word has that letter right there, once.
double extra_cost(std::string_view typed, std::size_t at, std::string_view intended,
                  std::size_t j) {
  const char c = typed[at];
  // A typed apostrophe is meant: "they'l" is "they'll" rather than "they".
  if (c == '\'') return 1.0;
  const bool doubled = (j > 0 && intended[j - 1] == c) || (j < intended.size() && intended[j] == c);
  if (doubled &&
      ((at > 0 && typed[at - 1] == c) || (at + 1 < typed.size() && typed[at + 1] == c))) {
    return 0.45;
  }
  // Extra letters weigh more than dropped ones: "deliverd" is "delivered" more often than
  // "deliver".
  constexpr double extra = 1.3;
  if ((at > 0 && adjacent_keys(typed[at - 1], c)) ||
      (at + 1 < typed.size() && adjacent_keys(typed[at + 1], c))) {
    return 0.7 * extra;
  }
  if (vowel(c)) return 0.75 * extra;
  return 0.9 * extra;
}

constexpr double kSwapCost = 0.6;

}  // namespace

double typo_cost(std::string_view typed, std::string_view intended) {
  // Writers rarely get the first letter wrong: "awsome" is "awesome", not "some".
  constexpr double first_letter = 0.5;
  const std::size_t n = std::min(typed.size(), kLongest), m = std::min(intended.size(), kLongest);
  // Only the rows used are filled: this runs for every candidate.
  std::array<std::array<double, kLongest + 1>, kLongest + 1> d;
  d[0][0] = 0.0;
  for (std::size_t i = 1; i <= n; ++i) {
    d[i][0] = d[i - 1][0] + extra_cost(typed, i - 1, intended, 0) + (i == 1 ? first_letter : 0.0);
  }
  for (std::size_t j = 1; j <= m; ++j) {
    d[0][j] = d[0][j - 1] + dropped_cost(intended, j - 1) + (j == 1 ? first_letter : 0.0);
  }
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const double at_first = i == 1 || j == 1 ? first_letter : 0.0;
      const double substitution = substitution_cost(typed[i - 1], intended[j - 1]);
      double v = std::min(
          {d[i - 1][j] + extra_cost(typed, i - 1, intended, j) + (i == 1 ? first_letter : 0.0),
           d[i][j - 1] + dropped_cost(intended, j - 1) + (j == 1 ? first_letter : 0.0),
           d[i - 1][j - 1] + substitution + (substitution > 0 ? at_first : 0.0)});
      if (i > 1 && j > 1 && typed[i - 1] == intended[j - 2] && typed[i - 2] == intended[j - 1] &&
          typed[i - 1] != typed[i - 2]) {
        v = std::min(v, d[i - 2][j - 2] + kSwapCost);
      }
      d[i][j] = v;
    }
  }
  return d[n][m];
}

double correction_score(std::string_view typed, std::string_view intended, std::uint32_t count,
                        double weight) {
  return std::log1p(static_cast<double>(count)) - weight * typo_cost(typed, intended);
}

WordFrequencies::WordFrequencies() {
  std::string_view text = embedded_data("word-frequencies.txt");
  words_.reserve(text.size() / 10);
  counts_.reserve(text.size() / 10);
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    const std::size_t space = line.find(' ');
    if (line.empty() || line.front() == '#' || space == std::string_view::npos) continue;
    std::uint32_t count = 0;
    std::from_chars(line.data() + space + 1, line.data() + line.size(), count);
    words_.push_back(line.substr(0, space));
    counts_.push_back(count);
  }
  // The list is sorted by count: the common words come first.
  common_end_ = static_cast<std::uint32_t>(
      std::find_if(counts_.begin(), counts_.end(), [](std::uint32_t n) { return n < kCommon; }) -
      counts_.begin());
  common_.build(words_, 0, common_end_);
}

const WordFrequencies::Index& WordFrequencies::rare() const {
  std::call_once(rare_once_, [this] {
    rare_.build(words_, common_end_, static_cast<std::uint32_t>(words_.size()));
  });
  return rare_;
}

// Grouped by bucket with a counting sort: an index is built on first need, within a run.
void WordFrequencies::Index::build(const std::vector<std::string_view>& words,
                                   std::uint32_t first, std::uint32_t last) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  entries.reserve((last - first) * 9);
  for (std::uint32_t id = first; id < last; ++id) {
    const std::string_view word = words[id];
    if (word.size() > kLongest) continue;
    hash_deletions(word, [&](std::uint64_t h) { entries.emplace_back(h, id); });
  }
  buckets.assign(kBuckets + 1, 0);
  for (const auto& entry : entries) ++buckets[bucket_of(entry.first) + 1];
  for (std::size_t b = 1; b <= kBuckets; ++b) buckets[b] += buckets[b - 1];
  deletions.resize(entries.size());
  std::vector<std::uint32_t> next(buckets.begin(), buckets.end() - 1);
  for (const auto& [h, id] : entries) {
    deletions[next[bucket_of(h)]++] = {static_cast<std::uint32_t>(h), id};
  }
}

template <typename Visit>
void WordFrequencies::Index::each_with_key(std::uint64_t key, Visit visit) const {
  const std::size_t bucket = bucket_of(key);
  const auto check = static_cast<std::uint32_t>(key);
  for (std::uint32_t i = buckets[bucket]; i < buckets[bucket + 1]; ++i) {
    if (deletions[i].check == check) visit(deletions[i].id);
  }
}

const WordFrequencies& WordFrequencies::instance() {
  static const WordFrequencies frequencies;
  return frequencies;
}

std::uint32_t WordFrequencies::count(std::string_view lower) const {
  // words_ is sorted by count, not by word: a map would cost start-up for every run, so the
  // lookup goes through the deletion index, whose entry for the word itself is exact.
  std::uint32_t found = 0;
  const std::uint64_t key = hash_of(lower);
  const auto look = [&](std::uint32_t id) {
    if (words_[id] == lower) found = counts_[id];
  };
  common_.each_with_key(key, look);
  if (found == 0) rare().each_with_key(key, look);
  return found;
}

std::vector<WordFrequencies::Near> WordFrequencies::near(std::string_view lower, int max_distance,
                                                         bool two_dropped,
                                                         bool common_only) const {
  std::vector<Near> found;
  if (lower.empty() || lower.size() > kLongest) return found;
  // Symmetric deletions: a word within one edit shares the word or a one-letter deletion with
  // it; a word two edits away also shares a two-letter deletion of `lower` with the word or
  // with one of its deletions (all but two letters missing from `lower`, which is rare).
  std::vector<std::uint64_t> keys{hash_of(lower)};
  for (std::size_t i = 0; i < lower.size(); ++i) {
    keys.push_back(hash_of(lower, i));
    if (max_distance < 2) continue;
    for (std::size_t j = i + 1; j < lower.size(); ++j) keys.push_back(hash_of(lower, i, j));
  }
  // Two letters swapped and one dropped or added ("compeltly"): `lower` with the swap undone
  // is the word, or one of its deletions.
  if (max_distance >= 2) {
    std::string swapped;
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
      if (lower[i] == lower[i + 1]) continue;
      swapped.assign(lower);
      std::swap(swapped[i], swapped[i + 1]);
      keys.push_back(hash_of(swapped));
    }
  }
  // Two letters dropped ("exelent"): `lower` with one letter put back is the word with one
  // deleted. The 27 letters an apostrophe included, at each place.
  if (two_dropped && max_distance >= 2) {
    std::string longer;
    for (std::size_t i = 0; i <= lower.size(); ++i) {
      for (const char c : std::string_view("abcdefghijklmnopqrstuvwxyz'")) {
        longer.assign(lower).insert(i, 1, c);
        keys.push_back(hash_of(longer));
      }
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<std::uint32_t> ids;
  const auto collect = [&](std::uint32_t id) { ids.push_back(id); };
  for (const std::uint64_t key : keys) common_.each_with_key(key, collect);
  if (!common_only) {
    const Index& more = rare();
    for (const std::uint64_t key : keys) more.each_with_key(key, collect);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const std::uint32_t id : ids) {
    const std::string_view word = words_[id];
    if (word == lower) continue;
    if (bounded_distance(lower, word, max_distance) <= max_distance) {
      found.push_back({word, counts_[id]});
    }
  }
  return found;
}

}  // namespace copydesk
