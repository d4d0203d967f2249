#include "copydesk/dictionary.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <hunspell/hunspell.hxx>
#include <optional>
#include <set>
#include <stdexcept>

#include "copydesk/regional_spelling.hpp"
#include "copydesk/spelling_context.hpp"
#include "copydesk/text.hpp"
#include "copydesk/word_frequencies.hpp"

namespace copydesk {
namespace {
std::atomic<std::uint64_t> next_checker_id{1};  // SpellChecker ids, never reused

// Hunspell's loader shares static tables between instances (e.g. its UTF-8 case tables), so
// instances are built (and destroyed) one at a time.
std::mutex& load_mutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

namespace {

std::vector<std::filesystem::path> dictionary_directories() {
  std::vector<std::filesystem::path> directories;
  if (const char* extra = std::getenv("DICPATH"); extra != nullptr && *extra != '\0') {
    std::string_view list(extra);
    while (!list.empty()) {
      const std::size_t colon = list.find(':');
      directories.emplace_back(list.substr(0, colon));
      list = colon == std::string_view::npos ? std::string_view{} : list.substr(colon + 1);
    }
  }
  for (const char* fixed : {"/usr/share/hunspell", "/usr/local/share/hunspell",
                            "/usr/share/myspell", "/usr/share/myspell/dicts"}) {
    directories.emplace_back(fixed);
  }
  return directories;
}

}  // namespace

std::vector<std::string> available_dictionaries() {
  std::set<std::string> names;
  for (const auto& directory : dictionary_directories()) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
      const auto& path = entry.path();
      if (path.extension() != ".dic") continue;
      auto aff = path;
      aff.replace_extension(".aff");
      if (std::filesystem::exists(aff, error)) names.insert(path.stem().string());
    }
  }
  return {names.begin(), names.end()};
}

namespace {

// Debian names a language's Hunspell dictionary hunspell-<language>, lowercase, '-' for '_'.
std::string debian_package_hint(std::string_view language) {
  std::string package = "hunspell-";
  for (const char c : language) {
    package.push_back(c == '_' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return "; on Debian, if it is packaged: apt-get install " + package;
}

}  // namespace

SpellChecker::SpellChecker(std::string language, SuggestionMode mode)
    : language_(std::move(language)), mode_(mode), id_(next_checker_id++) {
  for (const auto& directory : dictionary_directories()) {
    std::error_code error;
    const auto dic = directory / (language_ + ".dic");
    const auto aff = directory / (language_ + ".aff");
    if (std::filesystem::exists(dic, error) && std::filesystem::exists(aff, error)) {
      dic_ = dic;
      aff_ = aff;
      return;
    }
  }
  std::string message = "no Hunspell dictionary named '" + language_ + "'; available: ";
  const auto names = available_dictionaries();
  if (names.empty()) message += "none (install hunspell-en-us)";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", " : "") + names[i];
  throw std::runtime_error(message + debian_package_hint(language_));
}

SpellChecker::~SpellChecker() {
  std::lock_guard load(load_mutex());
  idle_.clear();
}

struct SpellChecker::Lease {
  explicit Lease(const SpellChecker& owner) : owner_(owner), speller_(owner.acquire()) {}
  ~Lease() { owner_.release(std::move(speller_)); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Hunspell& operator*() const { return *speller_; }

 private:
  const SpellChecker& owner_;
  std::unique_ptr<Hunspell> speller_;
};

// Judges words with the word table, and borrows a Hunspell instance only for the first word
// outside it.
class SpellChecker::Judge {
 public:
  explicit Judge(const SpellChecker& owner) : owner_(owner), table_(owner.table()) {}
  bool operator()(const std::string& word) {
    if (table_ != nullptr) {
      if (const auto answer = table_->accepts(word)) return *answer;
    }
    return speller().spell(word);
  }
  void prefetch(const std::string& word) const {
    if (table_ != nullptr) table_->prefetch(word);
  }
  Hunspell& speller() {
    if (!lease_) lease_.emplace(owner_);
    return **lease_;
  }

 private:
  const SpellChecker& owner_;
  const WordTable* table_;
  std::optional<Lease> lease_;
};

std::unique_ptr<Hunspell> SpellChecker::acquire() const {
  const auto take_idle = [this]() -> std::unique_ptr<Hunspell> {
    std::lock_guard lock(pool_mutex_);
    if (idle_.empty()) return nullptr;
    auto speller = std::move(idle_.back());
    idle_.pop_back();
    return speller;
  };
  if (auto speller = take_idle()) return speller;
  std::lock_guard load(load_mutex());
  // Another thread may have finished with its instance (or loaded one) while we waited.
  if (auto speller = take_idle()) return speller;
  return std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
}

void SpellChecker::release(std::unique_ptr<Hunspell> speller) const {
  std::lock_guard lock(pool_mutex_);
  idle_.push_back(std::move(speller));
}

namespace {

// Each thread's own copy of the answers it has needed, in front of the shared cache: most words
// repeat, and a lookup here takes no lock (the shared_mutex alone cost more than the hashing
// with two threads). Tagged with the SpellChecker's id so that another checker (another
// language, or a new one at the same address) never sees stale answers.
struct LocalSpellCache {
  std::uint64_t owner = 0;
  std::unordered_map<std::string, bool, StringHash, std::equal_to<>> words;
  void reset(std::uint64_t new_owner) {
    words.clear();
    owner = new_owner;
  }
};

// A thread's cache for `owner` among the two it keeps: a run may ask two checkers by turns (a
// language and its other region for unknown words, or files of two languages), and a single
// cache would be emptied at every switch. The one used less recently makes room for a third.
template <typename Cache>
Cache& thread_cache(std::uint64_t owner) {
  thread_local std::array<std::unique_ptr<Cache>, 2> caches;
  thread_local std::size_t last = 0;
  if (caches[last] && caches[last]->owner == owner) return *caches[last];  // nearly always
  for (std::size_t i = 0; i < caches.size(); ++i) {
    if (caches[i] && caches[i]->owner == owner) {
      last = i;
      return *caches[i];
    }
  }
  last = 1 - last;
  if (!caches[last]) caches[last] = std::make_unique<Cache>();
  caches[last]->reset(owner);
  return *caches[last];
}

LocalSpellCache& local_spell_cache(std::uint64_t owner) {
  return thread_cache<LocalSpellCache>(owner);
}

}  // namespace

const WordTable* SpellChecker::load_table() const {
  std::call_once(table_once_, [this] {
    try {
      table_ = WordTable::embedded(language_, aff_, dic_);
    } catch (const std::runtime_error&) {
      table_.reset();  // a damaged table: Hunspell answers every word
    }
    settled_table_ = table_ ? &*table_ : nullptr;
    table_settled_.store(true, std::memory_order_release);
  });
  return settled_table_;
}

namespace {

// The verdicts on the words a thread asked about lately, by hash, in a table small enough to
// stay in the processor's cache: most words of a text are a few hundred common ones, and each
// look-up in the word table (megabytes) costs cache and TLB misses. Exact: the word itself is
// kept and compared. Tagged with the SpellChecker's id, as LocalSpellCache is.
//
// It starts with kFirstEntries entries, and a thread that has remembered kGrowAfter verdicts (a
// long text, or many) gets kMostEntries, which keep more of the rarer words: over the news
// articles, a fifth of the look-ups miss 4,096 entries and a tenth miss 16,384. A short run
// never pays for zeroing the larger table.
class RecentVerdicts {
 public:
  static constexpr std::size_t kLongest = 22;

  static RecentVerdicts& of_thread(std::uint64_t owner) {
    return thread_cache<RecentVerdicts>(owner);
  }

  void reset(std::uint64_t new_owner) {
    entries_.assign(kFirstEntries, Entry{});
    remembered_ = 0;
    owner = new_owner;
  }

  std::uint64_t owner = 0;

  // FNV-1a: words are short.
  static std::uint32_t hash(std::string_view word) {
    std::uint32_t h = 2166136261u;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  const bool* find(std::string_view word, std::uint32_t h) const {
    const Entry& entry = entries_[h & (entries_.size() - 1)];
    if (entry.size != word.size() || entry.hash != h) return nullptr;
    if (std::memcmp(entry.word, word.data(), word.size()) != 0) return nullptr;
    return &entry.verdict;
  }

  void remember(std::string_view word, std::uint32_t h, bool verdict) {
    if (++remembered_ == kGrowAfter) grow();
    Entry& entry = entries_[h & (entries_.size() - 1)];
    entry.hash = h;
    entry.size = static_cast<std::uint8_t>(word.size());
    entry.verdict = verdict;
    std::memcpy(entry.word, word.data(), word.size());
  }

 private:
  static constexpr std::size_t kFirstEntries = 4096;  // powers of two: the hash is masked
  static constexpr std::size_t kMostEntries = 16384;
  static constexpr std::size_t kGrowAfter = 20000;
  struct Entry {
    std::uint32_t hash = 0;
    std::uint8_t size = 0;  // 0: empty
    bool verdict = false;
    char word[kLongest] = {};
  };

  // Each entry moves to its slot in the larger table; of two that meet there, one stays.
  void grow() {
    std::vector<Entry> larger(kMostEntries);
    for (const Entry& entry : entries_) {
      if (entry.size != 0) larger[entry.hash & (kMostEntries - 1)] = entry;
    }
    entries_ = std::move(larger);
  }

  std::vector<Entry> entries_ = std::vector<Entry>(kFirstEntries);
  std::size_t remembered_ = 0;
};

}  // namespace

bool SpellChecker::correct(std::string_view word) const {
  if (const WordTable* words = table()) {
    const bool short_word = !word.empty() && word.size() <= RecentVerdicts::kLongest;
    RecentVerdicts* recent = short_word ? &RecentVerdicts::of_thread(id_) : nullptr;
    const std::uint32_t h = short_word ? RecentVerdicts::hash(word) : 0;
    if (recent != nullptr) {
      if (const bool* verdict = recent->find(word, h)) return *verdict;
    }
    if (const auto answer = words->accepts(word)) {
      if (recent != nullptr) recent->remember(word, h, *answer);
      return *answer;
    }
  }
  LocalSpellCache& local = local_spell_cache(id_);
  if (const auto found = local.words.find(word); found != local.words.end()) return found->second;
  const bool result = correct_shared(word);
  local.words.emplace(word, result);
  return result;
}

bool SpellChecker::correct_shared(std::string_view word) const {
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = spell_cache_.find(word); found != spell_cache_.end()) {
      return found->second;
    }
  }
  std::string key(word);
  bool result = false;
  {
    const Lease lease(*this);
    Hunspell& speller = *lease;
    result = speller.spell(key);
  }
  std::unique_lock lock(cache_mutex_);
  spell_cache_.emplace(std::move(key), result);
  return result;
}

namespace {

// Words that run together with their neighbour in the usual slips ("afterall", "alot").
bool short_function_word(std::string_view part) {
  static constexpr std::string_view kShort[] = {"a",  "all", "an",  "any", "as",  "at", "be",
                                                "by", "how", "in",  "it",  "lot", "no", "of",
                                                "on", "one", "out", "so",  "the", "to", "up"};
  std::string lower(part);
  for (char& c : lower) c = to_ascii_lower(c);
  for (const std::string_view word : kShort) {
    if (lower == word) return true;
  }
  return false;
}

// Words one edit away from `word` that Hunspell accepts, most likely typo first: a missing
// apostrophe or a letter missing from a contraction's ending, a missed double letter, a swapped
// pair of letters (also across a third letter), an extra letter, a missing space, a wrong vowel,
// then any other substitution or insertion. Hunspell's own suggest() searches far wider and costs
// tens of milliseconds a word; this costs a few hundred spell() calls (about a millisecond) and
// finds the intended word for most real typos. ASCII words only; others go to Hunspell.
// `judge(text)` judges a candidate, and `judge.prefetch(text)` says that it will be asked about
// `text` soon.
template <typename Judge>
std::vector<std::string> single_edit_candidates(const std::string& word, Judge& judge,
                                                std::size_t limit) {
  constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
  constexpr std::string_view kVowels = "aeiou";
  constexpr std::size_t kBatch = 32;
  std::vector<std::string> found;
  std::string candidate;
  // Different edits can give the same candidate ("aab" without either "a"): it counts once.
  const auto listed = [&](const std::string& text) {
    return std::find(found.begin(), found.end(), text) != found.end();
  };
  // Candidates are judged in batches, in the order they were made, after asking for all the
  // memory a batch will read: the table probes of a batch then overlap instead of waiting for
  // memory one after another (most candidates are words never met before).
  std::vector<std::string> batch;
  const auto judge_batch = [&] {
    for (const std::string& text : batch) judge.prefetch(text);
    for (const std::string& text : batch) {
      if (found.size() < limit && judge(text) && !listed(text)) found.push_back(text);
    }
    batch.clear();
  };
  const auto consider = [&](const std::string& text) {
    if (found.size() >= limit) return;
    batch.push_back(text);
    if (batch.size() == kBatch) judge_batch();
  };
  const std::size_t n = word.size();
  for (std::size_t i = 1; i < n; ++i) {  // a missing apostrophe: "dont", "youre"
    candidate = word;
    candidate.insert(i, 1, '\'');
    consider(candidate);
  }
  // A contraction's ending short of a letter: "I'v", "they'l", "we'r".
  if (const std::size_t apostrophe = word.rfind('\'');
      apostrophe != std::string::npos && apostrophe + 2 == n) {
    for (const std::string_view ending : {"ve", "ll", "re"}) {
      if (word[n - 1] == ending[0]) consider(word + ending[1]);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {  // a missed double letter
    candidate = word;
    candidate.insert(i, 1, word[i]);
    consider(candidate);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {  // transposition
    if (word[i] == word[i + 1]) continue;
    candidate = word;
    std::swap(candidate[i], candidate[i + 1]);
    consider(candidate);
  }
  for (std::size_t i = 0; i + 2 < n; ++i) {  // two letters swapped across a third: "tsumani"
    if (word[i] == word[i + 2]) continue;
    candidate = word;
    std::swap(candidate[i], candidate[i + 2]);
    consider(candidate);
  }
  for (std::size_t i = 0; i < n; ++i) {  // an extra letter
    candidate = word;
    candidate.erase(i, 1);
    consider(candidate);
  }
  judge_batch();
  for (std::size_t i = 1; i < n; ++i) {  // a missing space: "afterall", "alot"
    const std::string left = word.substr(0, i), right = word.substr(i);
    const auto word_alone = [&](const std::string& part) {
      return part.size() >= 2 ? judge(part) : part == "a" || part == "I";
    };
    // Run-together words almost always involve a short function word ("afterall", "alot",
    // "infact"); other splits are mostly names ("Blackburn") or nonsense ("nim is").
    const bool allowed = short_function_word(left) || short_function_word(right);
    if (found.size() < limit && allowed && word_alone(left) && word_alone(right)) {
      candidate = left + " " + right;
      if (!listed(candidate)) found.push_back(candidate);
    }
  }
  const auto substitute = [&](bool vowels_only) {
    for (std::size_t i = 0; i < n; ++i) {
      const bool vowel = kVowels.find(word[i]) != std::string_view::npos;
      if (vowels_only != vowel) continue;
      for (char c : vowels_only ? kVowels : kLetters) {
        if (c == word[i]) continue;
        candidate = word;
        candidate[i] = c;
        consider(candidate);
      }
    }
  };
  substitute(true);
  substitute(false);
  for (std::size_t i = 0; i <= n; ++i) {  // a missing letter
    for (char c : kLetters) {
      candidate = word;
      candidate.insert(i, 1, c);
      consider(candidate);
    }
  }
  judge_batch();
  return found;
}

bool is_plain_ascii_word(std::string_view word) {
  for (const char c : word) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
    if (!letter) return false;
  }
  return word.size() >= 2;
}

}  // namespace

bool SpellChecker::has_single_edit_neighbour(std::string_view word) const {
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = neighbour_cache_.find(word); found != neighbour_cache_.end()) {
      return found->second;
    }
  }
  std::string key(word);
  bool found = false;
  {
    Judge judge(*this);
    found = is_plain_ascii_word(key) && !single_edit_candidates(key, judge, 1).empty();
  }
  std::unique_lock lock(cache_mutex_);
  neighbour_cache_.emplace(std::move(key), found);
  return found;
}

double SpellChecker::typo_evidence(std::string_view word, bool common_only) const {
  auto& cache = common_only ? common_evidence_cache_ : evidence_cache_;
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = cache.find(word); found != cache.end()) return found->second;
  }
  std::string lower;
  to_lower(word, lower);
  double best = -1e9;
  auto near =
      WordFrequencies::instance().near(lower, lower.size() <= 4 ? 1 : 2, false, common_only);
  // Most frequent first: a word no slip can make likelier than the best so far is not scored.
  std::sort(near.begin(), near.end(),
            [](const auto& a, const auto& b) { return a.count > b.count; });
  for (const auto& candidate : near) {
    if (std::log1p(static_cast<double>(candidate.count)) <= best) break;
    best =
        std::max(best, correction_score(lower, candidate.word, candidate.count, kEvidenceWeight));
  }
  std::unique_lock lock(cache_mutex_);
  cache.emplace(std::string(word), best);
  return best;
}

namespace {

// en_GB and en_US are each other's other region.
std::string_view sibling_language(std::string_view language) {
  if (language == "en_GB") return "en_US";
  if (language == "en_US") return "en_GB";
  return {};
}

}  // namespace

std::string_view SpellChecker::other_region() const {
  return sibling_language(language_) == "en_US" ? "American" : "British";
}

const SpellChecker* SpellChecker::sibling() const {
  std::call_once(sibling_once_, [this] {
    const std::string_view sibling = sibling_language(language_);
    if (sibling.empty()) return;
    try {
      sibling_ = std::make_unique<SpellChecker>(std::string(sibling), SuggestionMode::Off);
    } catch (const std::runtime_error&) {
      // Not installed: every word is simply unknown.
    }
  });
  return sibling_.get();
}

bool SpellChecker::other_region_knows(std::string_view word) const {
  const SpellChecker* other = sibling();
  return other != nullptr && other->correct(word);
}

std::optional<std::string> SpellChecker::regional_counterpart(std::string_view word) const {
  sibling();
  // Short words ("el", "hrs") are abbreviations and foreign words more often than regional
  // spellings, and one change makes some other short word of nearly anything.
  if (!sibling_ || word.size() < 4) return std::nullopt;
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = regional_cache_.find(word); found != regional_cache_.end()) {
      return found->second;
    }
  }
  std::optional<std::string> result;
  if (sibling_->correct(word)) {
    // en_GB's list is the larger, with rare and doubtful forms ("informations", "gooder"); only
    // en_US's, the more conservative, vouches for words as vocabulary.
    if (sibling_->language() == "en_US") result.emplace();
    // The variants are lowercase; the word's capitals go back on the one this dictionary knows.
    std::string lower;
    to_lower(word, lower);
    const bool initial = starts_upper(word) && !is_all_upper(word);
    const bool capitals = is_all_upper(word);
    for (std::string variant : regional_variants(lower)) {
      if (capitals) {
        for (char& c : variant) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      } else if (initial && variant[0] >= 'a' && variant[0] <= 'z') {
        variant[0] = static_cast<char>(variant[0] - 32);
      }
      if (correct(variant)) {
        result = std::move(variant);
        break;
      }
    }
  }
  std::unique_lock lock(cache_mutex_);
  regional_cache_.emplace(std::string(word), result);
  return result;
}

// The most suggestions suggest() keeps: the best candidates by word and slip alone, which
// suggest_in_context() ranks again in context.
constexpr std::size_t kContextPool = 12;
// In context, the slip and the word's frequency against the model's log probability (natural
// log): chosen on EWT train and dev's typos, where the model weighed alone (the frequency
// already in it) or the slip weighed as without context (6) ranked fewer corrections first.
constexpr double kContextSlipWeight = 8.0;
constexpr double kContextFrequencyWeight = 0.25;

namespace {

// Candidates judged before ranking: every single edit Hunspell accepts, nearly always.
constexpr std::size_t kCandidatePool = 48;
// A missing space, weighed against the pair's frequency (chosen on EWT train and dev's typos,
// where splits such as "some on" for "someon" outranked the word meant when it cost less).
constexpr double kSplitCost = 0.45;
// The most a sound-alike word may cost in slips, per letter typed: "naborhood" for
// "neighborhood" costs 0.32 a letter, "gandula" for "candle" 0.45.
constexpr double kSoundCostPerLetter = 0.35;

// `candidate` written with the capitals of `model`: all capitals, or an initial one.
std::string cased_like(std::string_view model, std::string_view candidate) {
  std::string cased(candidate);
  if (is_all_upper(model)) {
    for (char& c : cased) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  } else if (starts_upper(model) && !cased.empty() && cased[0] >= 'a' && cased[0] <= 'z') {
    cased[0] = static_cast<char>(cased[0] - 32);
  }
  return cased;
}

// `word` split in two words that are often written together, when the space between them is
// missing ("eachother"); `lower` is `word` in lowercase.
template <typename Judge>
void add_listed_splits(const std::string& word, std::string_view lower, Judge& judge,
                       std::vector<std::string>& candidates) {
  const auto alone = [&](const std::string& part) {
    return part.size() >= 2 ? judge(part) : part == "a" || part == "A" || part == "I";
  };
  for (std::size_t i = 1; i < word.size(); ++i) {
    const std::string left = word.substr(0, i), right = word.substr(i);
    std::string split = left + " " + right;
    if (alone(left) && alone(right) &&
        WordFrequencies::instance().pair_count(lower.substr(0, i), lower.substr(i)) > 0 &&
        std::find(candidates.begin(), candidates.end(), split) == candidates.end()) {
      candidates.push_back(std::move(split));
    }
  }
}

// The words Hunspell accepts one edit from `word`, the common words two edits away or sounding
// alike, and listed pairs of words run together, most likely first: by how common the word (or
// the pair) is and how usual the slip (see correction_score).
template <typename Judge>
std::vector<std::string> ranked_candidates(const std::string& word, Judge& judge) {
  std::vector<std::string> candidates = single_edit_candidates(word, judge, kCandidatePool);
  std::string lower;
  to_lower(word, lower);
  const WordFrequencies& frequencies = WordFrequencies::instance();
  const auto add_listed = [&](std::string_view listed) {
    std::string cased = cased_like(word, listed);
    // Names and "I'm" are listed in lowercase but known only with their capital.
    if (!judge(cased) && cased[0] >= 'a' && cased[0] <= 'z')
      cased[0] = static_cast<char>(cased[0] - 32);
    if (std::find(candidates.begin(), candidates.end(), cased) == candidates.end() &&
        judge(cased)) {
      candidates.push_back(std::move(cased));
    }
  };
  for (const auto& near : frequencies.near(lower, lower.size() <= 4 ? 1 : 2, true)) {
    add_listed(near.word);
  }
  // Words written by ear are often further than two edits from the word: they are ranked with
  // the others, by frequency and the cost of their edits. Those that share only a sound with it
  // ("craphouse" and "graves") are left out.
  for (const auto& sounding : frequencies.sounding_like(lower)) {
    if (typo_cost(lower, sounding.word) <= kSoundCostPerLetter * static_cast<double>(lower.size()))
      add_listed(sounding.word);
  }
  add_listed_splits(word, lower, judge, candidates);
  std::vector<std::pair<double, std::string>> scored;
  std::string candidate_lower;
  for (std::string& candidate : candidates) {
    to_lower(candidate, candidate_lower);
    double score = 0;
    if (const std::size_t space = candidate_lower.find(' '); space != std::string::npos) {
      // As likely as the two words are to be written together.
      const std::string_view joined(candidate_lower);
      score = std::log1p(static_cast<double>(
                  frequencies.pair_count(joined.substr(0, space), joined.substr(space + 1)))) -
              kRankingWeight * kSplitCost;
    } else {
      score = correction_score(lower, candidate_lower, frequencies.count(candidate_lower),
                               kRankingWeight);
    }
    scored.emplace_back(score, std::move(candidate));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> ranked;
  for (auto& [score, candidate] : scored) {
    if (ranked.size() == kContextPool) break;
    ranked.push_back(std::move(candidate));
  }
  return ranked;
}

}  // namespace

std::vector<std::string> SpellChecker::suggest(std::string_view word, std::size_t limit) const {
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = suggest_cache_.find(word); found != suggest_cache_.end()) {
      return found->second.size() > limit
                 ? std::vector<std::string>(
                       found->second.begin(),
                       found->second.begin() + static_cast<std::ptrdiff_t>(limit))
                 : found->second;
    }
  }
  std::string key(word);
  std::vector<std::string> suggestions;
  {
    Judge judge(*this);
    // The cache keeps up to kContextPool whatever this caller asked for, so that a later
    // caller asking for more is not served a shorter list.
    if (mode_ != SuggestionMode::Off && is_plain_ascii_word(key)) {
      suggestions = ranked_candidates(key, judge);
    }
    if (suggestions.empty() && mode_ == SuggestionMode::Full) {
      suggestions = judge.speller().suggest(key);
    }
  }
  if (suggestions.size() > std::max(limit, kContextPool)) {
    suggestions.resize(std::max(limit, kContextPool));
  }
  {
    std::unique_lock lock(cache_mutex_);
    suggest_cache_.emplace(key, suggestions);
  }
  if (suggestions.size() > limit) suggestions.resize(limit);
  return suggestions;
}

namespace {

// How likely `candidate` is where `typed` stands: the context model's log probability of it
// among the words around, plus the frequency and slip score the ranking without context uses.
double context_score(std::string_view typed, std::string_view candidate,
                     const WordContext& context) {
  std::string lower;
  to_lower(candidate, lower);
  const double in_context = context_log10(context, lower) * std::log(10.0);
  const WordFrequencies& frequencies = WordFrequencies::instance();
  double slip = 0, frequency = 0;
  if (const std::size_t space = lower.find(' '); space != std::string::npos) {
    slip = kSplitCost;
    frequency = std::log1p(static_cast<double>(frequencies.pair_count(
        std::string_view(lower).substr(0, space), std::string_view(lower).substr(space + 1))));
  } else {
    slip = typo_cost(typed, lower);
    frequency = std::log1p(static_cast<double>(frequencies.count(lower)));
  }
  return in_context - kContextSlipWeight * slip + kContextFrequencyWeight * frequency;
}

}  // namespace

std::vector<std::string> SpellChecker::suggest_in_context(std::string_view word,
                                                          const WordContext& context,
                                                          std::size_t limit) const {
  std::vector<std::string> pool = suggest(word, kContextPool);
  if (pool.size() >= 2 && has_spelling_model()) {
    std::string typed;
    to_lower(word, typed);
    std::vector<std::pair<double, std::size_t>> scored;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      scored.emplace_back(context_score(typed, pool[i], context), i);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> ranked;
    for (const auto& [score, i] : scored) ranked.push_back(std::move(pool[i]));
    pool = std::move(ranked);
  }
  if (pool.size() > limit) pool.resize(limit);
  return pool;
}

}  // namespace copydesk
