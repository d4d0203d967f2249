#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copydesk/spelling_context.hpp"
#include "copydesk/word_set.hpp"
#include "copydesk/word_table.hpp"

class Hunspell;

namespace copydesk {

// Names of Hunspell dictionaries found in the standard directories ("en_US", "en_GB", ...).
std::vector<std::string> available_dictionaries();

// How hard to look for spelling suggestions.
enum class SuggestionMode {
  Off,   // none
  Fast,  // dictionary words one edit away, and two letters swapped across one (about 1 ms)
  Full,  // also Hunspell's own wide search when the fast one finds nothing (tens of ms a word)
};

// Hunspell's verdicts, shared by all threads: from the precompiled WordTable for the words it
// covers, else from Hunspell behind a per-word cache. Hunspell is loaded on first need only, so
// runs that never meet a word outside the table (most, in English) do not pay for it.
class SpellChecker {
 public:
  // Throws std::runtime_error naming the available dictionaries when `language` is missing.
  explicit SpellChecker(std::string language, SuggestionMode mode = SuggestionMode::Fast);
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  const std::string& language() const { return language_; }
  bool correct(std::string_view word) const;
  // At most `limit` replacements, best first, as deep as the SuggestionMode allows; computed
  // once per word and cached.
  std::vector<std::string> suggest(std::string_view word, std::size_t limit = 5) const;
  // The same candidates ranked again by how well each fits between the words around `word`
  // (see context_log10), with the slip and the word's frequency: for a flagged word, not
  // cached.
  std::vector<std::string> suggest_in_context(std::string_view word, const WordContext& context,
                                              std::size_t limit = 5) const;
  // Whether a dictionary word is one edit away: cheap evidence that `word` is a typo of it.
  bool has_single_edit_neighbour(std::string_view word) const;

  // How strongly `word` (unknown) looks like a slip for a common word: the best
  // correction_score() among the common words one edit away (two for words of five letters or
  // more), compared in lowercase; a large negative value when there is none. Once per word.
  // `common_only`: among the words seen WordFrequencies::kCommon times or more only, which
  // spares a run the index of the rarer words.
  double typo_evidence(std::string_view word, bool common_only = false) const;

  // For a word this dictionary rejects, what the other region's dictionary of English says
  // (en_GB for en_US and back, when installed): the spelling this dictionary knows when `word`
  // is the other region's spelling of it ("colour" for "color" in en_GB); under en_GB, "" when
  // en_US lists `word` as vocabulary en_GB lacks ("freeway"); else nothing. Once per word.
  std::optional<std::string> regional_counterpart(std::string_view word) const;
  // Whether the other region's dictionary of English (when installed) accepts `word`.
  bool other_region_knows(std::string_view word) const;
  // "American" or "British": whose spellings regional_counterpart() recognises.
  std::string_view other_region() const;

 private:
  // Hunspell objects are not thread-safe: each call borrows one from a pool. A thread that
  // finds every instance busy loads another (about 60 ms), so --jobs N never waits on another
  // thread's suggestions, and a single thread only ever loads one.
  struct Lease;
  class Judge;
  std::unique_ptr<Hunspell> acquire() const;
  void release(std::unique_ptr<Hunspell> speller) const;
  bool correct_shared(std::string_view word) const;
  // The precompiled verdicts for this dictionary, checked against its files on first use; null
  // when there are none. Asked for every word: the settled answer is read inline.
  const WordTable* table() const {
    return table_settled_.load(std::memory_order_acquire) ? settled_table_ : load_table();
  }
  const WordTable* load_table() const;
  // The other region's checker, made on first need; null when its dictionary is missing.
  const SpellChecker* sibling() const;

  std::string language_;
  SuggestionMode mode_;
  std::uint64_t id_;  // tags each thread's private cache (see correct())
  std::filesystem::path aff_, dic_;
  mutable std::once_flag table_once_;
  mutable std::optional<WordTable> table_;
  // Set once table_ is settled: a load per word instead of std::call_once's library call.
  mutable std::atomic<bool> table_settled_{false};
  mutable const WordTable* settled_table_ = nullptr;  // written before table_settled_
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Hunspell>> idle_;  // loaded instances not in use
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, bool, StringHash, std::equal_to<>> spell_cache_;
  mutable std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>
      suggest_cache_;
  mutable std::unordered_map<std::string, bool, StringHash, std::equal_to<>> neighbour_cache_;
  mutable std::unordered_map<std::string, double, StringHash, std::equal_to<>> evidence_cache_,
      common_evidence_cache_;
  mutable std::unordered_map<std::string, std::optional<std::string>, StringHash, std::equal_to<>>
      regional_cache_;
  // The other region's checker, made on first need (null when its dictionary is missing).
  mutable std::once_flag sibling_once_;
  mutable std::unique_ptr<SpellChecker> sibling_;
};

}  // namespace copydesk
