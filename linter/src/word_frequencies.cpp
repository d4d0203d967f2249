#include "copydesk/word_frequencies.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "copydesk/embedded_data.hpp"
#include "copydesk/sound_key.hpp"
#include "embedded_model.hpp"
#include "word_frequency_format.hpp"

namespace copydesk {
namespace {

namespace format = word_frequency_format;
using format::hash_of;
using format::kLongest;

// The hashes of one word's edits (letters deleted, swapped or inserted), each as hash_of() would
// give for the edited text, in constant time from the polynomial hashes of the word's prefixes.
class EditHashes {
 public:
  explicit EditHashes(std::string_view word) : n_(word.size()) {
    prefix_[0] = 0;
    power_[0] = 1;
    for (std::size_t i = 0; i < n_; ++i) {
      prefix_[i + 1] = prefix_[i] * format::kBase + static_cast<unsigned char>(word[i]);
    }
    for (std::size_t i = 0; i <= n_; ++i) power_[i + 1] = power_[i] * format::kBase;
  }
  std::uint64_t whole() const { return format::mixed(prefix_[n_]); }
  std::uint64_t without(std::size_t i) const { return format::mixed(then_rest(prefix_[i], i + 1)); }
  std::uint64_t without(std::size_t i, std::size_t j) const {  // i < j
    return format::mixed(then_rest(prefix_[i] * power_[j - i - 1] + piece(i + 1, j), j + 1));
  }
  std::uint64_t swapped(std::size_t i) const {  // letters i and i + 1
    const std::uint64_t head = (prefix_[i] * format::kBase + letter(i + 1)) * format::kBase;
    return format::mixed(then_rest(head + letter(i), i + 2));
  }
  std::uint64_t with(std::size_t i, char c) const {  // `c` inserted before letter i
    return format::mixed(then_rest(prefix_[i] * format::kBase + static_cast<unsigned char>(c), i));
  }

 private:
  // The hash of letters [a, b).
  std::uint64_t piece(std::size_t a, std::size_t b) const {
    return prefix_[b] - prefix_[a] * power_[b - a];
  }
  std::uint64_t letter(std::size_t i) const { return piece(i, i + 1); }
  // `head` followed by the letters from `from` to the end.
  std::uint64_t then_rest(std::uint64_t head, std::size_t from) const {
    return head * power_[n_ - from] + piece(from, n_);
  }
  std::size_t n_;
  std::array<std::uint64_t, kLongest + 2> prefix_, power_;
};

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
// its neighbour is a common slip. Worked out at compile time, as a table by letter pair.
constexpr bool keys_touch(char a, char b) {
  constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  constexpr double kOffset[] = {0.0, 0.25, 0.75};
  const auto distance = [](double x, double y) { return x > y ? x - y : y - x; };
  int row_a = -1, row_b = -1;
  double x_a = 0, x_b = 0;
  for (int r = 0; r < 3; ++r) {
    if (const auto at = kRows[r].find(a); at != std::string_view::npos) {
      row_a = r;
      x_a = static_cast<double>(at) + kOffset[r];
    }
    if (const auto at = kRows[r].find(b); at != std::string_view::npos) {
      row_b = r;
      x_b = static_cast<double>(at) + kOffset[r];
    }
  }
  if (row_a < 0 || row_b < 0) return false;
  if (row_a == row_b) return distance(x_a, x_b) == 1.0;
  return (row_a - row_b == 1 || row_b - row_a == 1) && distance(x_a, x_b) < 0.8;
}

constexpr auto kAdjacentKeys = [] {
  std::array<std::array<bool, 26>, 26> table{};
  for (int i = 0; i < 26; ++i) {
    for (int j = 0; j < 26; ++j) {
      table[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
          keys_touch(static_cast<char>('a' + i), static_cast<char>('a' + j));
    }
  }
  return table;
}();

bool adjacent_keys(char a, char b) {
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  return kAdjacentKeys[static_cast<std::size_t>(a - 'a')][static_cast<std::size_t>(b - 'a')];
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

namespace {

template <typename T>
std::span<const T> take(std::span<const std::byte>& bytes, std::size_t count) {
  if (bytes.size() < count * sizeof(T)) throw std::logic_error("word-frequency image truncated");
  const std::span<const T> taken(reinterpret_cast<const T*>(bytes.data()), count);
  bytes = bytes.subspan(count * sizeof(T));
  return taken;
}

}  // namespace

static_assert(WordFrequencies::kCommon == format::kCommon);
static_assert(sizeof(format::Entry) == 8 && alignof(format::Entry) == 4);

// The image is made by the build; a wrong one is a build defect, not a user's problem.
WordFrequencies::WordFrequencies() {
  std::span<const std::byte> bytes = embedded_model("word-frequencies.bin");
  const auto header = take<format::Header>(bytes, 1);
  if (std::memcmp(header[0].magic, format::kMagic, sizeof format::kMagic) != 0) {
    throw std::logic_error("word-frequency image missing or of another version");
  }
  const format::Header& h = header[0];
  counts_ = take<std::uint32_t>(bytes, h.word_count);
  offsets_ = take<std::uint32_t>(bytes, h.word_count + 1);
  common_.buckets = take<std::uint32_t>(bytes, format::kBuckets + 1);
  common_.entries = take<Entry>(bytes, h.common_entries);
  rare_.buckets = take<std::uint32_t>(bytes, format::kBuckets + 1);
  rare_.entries = take<Entry>(bytes, h.rare_entries);
  sounds_ = take<Entry>(bytes, h.word_count);
  text_ = take<char>(bytes, h.text_bytes).data();
}

std::string_view WordFrequencies::word(std::uint32_t id) const {
  return {text_ + offsets_[id], offsets_[id + 1] - offsets_[id]};
}

template <typename Visit>
void WordFrequencies::Index::each_with_key(std::uint64_t key, Visit visit) const {
  const std::size_t bucket = format::bucket_of(key);
  const auto check = static_cast<std::uint32_t>(key);
  for (std::uint32_t i = buckets[bucket]; i < buckets[bucket + 1]; ++i) {
    if (entries[i].check == check) visit(entries[i].id);
  }
}

const WordFrequencies& WordFrequencies::instance() {
  static const WordFrequencies frequencies;
  return frequencies;
}

std::uint32_t WordFrequencies::count(std::string_view lower) const {
  // The words are sorted by count, not by word: the look-up goes through the deletion index,
  // whose entry for the word itself is exact.
  std::uint32_t found = 0;
  const std::uint64_t key = hash_of(lower);
  const auto look = [&](std::uint32_t id) {
    if (word(id) == lower) found = counts_[id];
  };
  common_.each_with_key(key, look);
  if (found == 0) rare_.each_with_key(key, look);
  return found;
}

std::vector<WordFrequencies::Near> WordFrequencies::near(std::string_view lower, int max_distance,
                                                         bool two_dropped, bool common_only) const {
  std::vector<Near> found;
  if (lower.empty() || lower.size() > kLongest) return found;
  // Symmetric deletions: a word within one edit shares the word or a one-letter deletion with
  // it; a word two edits away also shares a two-letter deletion of `lower` with the word or
  // with one of its deletions (all but two letters missing from `lower`, which is rare).
  const EditHashes edits(lower);
  const std::size_t n = lower.size();
  std::vector<std::uint64_t> keys{edits.whole()};
  for (std::size_t i = 0; i < n; ++i) {
    keys.push_back(edits.without(i));
    if (max_distance < 2) continue;
    for (std::size_t j = i + 1; j < n; ++j) keys.push_back(edits.without(i, j));
  }
  // Two letters swapped and one dropped or added ("compeltly"): `lower` with the swap undone
  // is the word, or one of its deletions.
  if (max_distance >= 2) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
      if (lower[i] != lower[i + 1]) keys.push_back(edits.swapped(i));
    }
  }
  // Two letters dropped ("exelent"): `lower` with one letter put back is the word with one
  // deleted. The 27 letters an apostrophe included, at each place.
  if (two_dropped && max_distance >= 2) {
    for (std::size_t i = 0; i <= n; ++i) {
      for (const char c : std::string_view("abcdefghijklmnopqrstuvwxyz'")) {
        keys.push_back(edits.with(i, c));
      }
    }
  }
  // The same key twice (a deletion inside a run of one letter) only finds the same words twice.
  std::vector<std::uint32_t> ids;
  const auto collect = [&](std::uint32_t id) { ids.push_back(id); };
  for (const std::uint64_t key : keys) common_.each_with_key(key, collect);
  if (!common_only) {
    for (const std::uint64_t key : keys) rare_.each_with_key(key, collect);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const std::uint32_t id : ids) {
    const std::string_view candidate = word(id);
    if (candidate == lower) continue;
    if (bounded_distance(lower, candidate, max_distance) <= max_distance) {
      found.push_back({candidate, counts_[id]});
    }
  }
  return found;
}

std::vector<WordFrequencies::Near> WordFrequencies::sounding_like(std::string_view lower) const {
  std::vector<Near> found;
  const auto check = static_cast<std::uint32_t>(hash_of(sound_key(lower)));
  const auto same =
      std::equal_range(sounds_.begin(), sounds_.end(), Entry{check, 0},
                       [](const Entry& a, const Entry& b) { return a.check < b.check; });
  for (auto entry = same.first; entry != same.second; ++entry) {
    // A hash collision only adds a candidate, which the ranking weighs like any other.
    const std::string_view candidate = word(entry->id);
    const std::size_t gap = candidate.size() > lower.size() ? candidate.size() - lower.size()
                                                            : lower.size() - candidate.size();
    if (candidate != lower && gap <= kSoundLengthGap) {
      found.push_back({candidate, counts_[entry->id]});
    }
  }
  return found;
}

std::uint32_t WordFrequencies::pair_count(std::string_view left, std::string_view right) const {
  const auto key_of = [](std::string_view a, std::string_view b) {
    std::string key;
    key.reserve(a.size() + 1 + b.size());
    key.append(a).append(1, ' ').append(b);
    return hash_of(key);
  };
  std::call_once(pairs_once_, [&] {
    // "left right count" lines, '#' lines comments.
    std::string_view text = embedded_data("word-pairs.txt");
    while (!text.empty()) {
      const std::size_t newline = text.find('\n');
      const std::string_view line = text.substr(0, newline);
      text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
      const std::size_t last_space = line.rfind(' ');
      if (line.empty() || line.front() == '#' || last_space == std::string_view::npos) continue;
      std::uint32_t count = 0;
      std::from_chars(line.data() + last_space + 1, line.data() + line.size(), count);
      pairs_.emplace_back(hash_of(line.substr(0, last_space)), count);
    }
    std::sort(pairs_.begin(), pairs_.end());
  });
  const std::uint64_t key = key_of(left, right);
  const auto found = std::lower_bound(pairs_.begin(), pairs_.end(), std::pair{key, 0u});
  // 64-bit hashes of a few thousand pairs: a collision is out of reach.
  return found != pairs_.end() && found->first == key ? found->second : 0;
}

}  // namespace copydesk
