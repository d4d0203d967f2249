#pragma once

// The pieces of Vale's `spelling` rules: which words of a text are checked, the default
// filters that leave code-like words alone, ignore lists, and a speller over custom Hunspell
// dictionaries (a style's `dicpath` and `dictionaries`) or copydesk's own.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copydesk/span.hpp"

class Hunspell;

namespace copydesk {
class SpellChecker;
}

namespace copydesk::vale {

// The words of `text` a speller checks: runs of anything but blanks and punctuation, without
// apostrophes at either end ("'quoted'" is "quoted"); "doesn't" and "re-use" are one word.
std::vector<Span> spelling_words(std::string_view text);

// Vale's default filters (off with `custom: true`) leave words alone that are not plain
// prose words: with a digit, a hyphen or a character other than an ASCII letter or an
// apostrophe; in capitals ("HTTP"); in camel case ("JavaScript").
bool skipped_by_default_filters(std::string_view word);

// Words to accept whatever the dictionaries say (a rule's `ignore` files, a Vocab), with
// Hunspell's case rule: a lowercase entry also accepts its capitalised and upper-case forms,
// any other entry only itself.
class WordList {
 public:
  void add(std::string_view word);
  // Adds each line of `path`, trimmed, skipping blank lines. Throws std::runtime_error naming
  // the file when it cannot be read.
  void add_file(const std::filesystem::path& path);
  bool accepts(std::string_view word) const;
  bool empty() const { return words_.empty(); }

 private:
  std::unordered_set<std::string> words_;
};

// A dictionary's two files: <dicpath>/<name>.dic and <name>.aff.
struct DictionaryFiles {
  std::filesystem::path aff;
  std::filesystem::path dic;
};

// Checks words against custom dictionaries (any accepting is enough), or copydesk's own for
// `language` when there are none. Hunspell is loaded on first use; verdicts are cached; safe
// to share between threads.
class ValeSpeller {
 public:
  ValeSpeller(std::vector<DictionaryFiles> dictionaries, std::string language);
  ~ValeSpeller();
  ValeSpeller(const ValeSpeller&) = delete;
  ValeSpeller& operator=(const ValeSpeller&) = delete;

  bool correct(std::string_view word) const;

 private:
  void load() const;

  std::vector<DictionaryFiles> files_;
  std::string language_;
  mutable std::once_flag loaded_;
  mutable std::vector<std::unique_ptr<Hunspell>> spellers_;
  mutable std::unique_ptr<SpellChecker> builtin_;
  mutable std::mutex mutex_;  // Hunspell objects are not thread-safe
  mutable std::unordered_map<std::string, bool> cache_;
};

}  // namespace copydesk::vale
