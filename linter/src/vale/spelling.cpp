#include "copydesk/vale/spelling.hpp"

#include <algorithm>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <stdexcept>

#include "copydesk/dictionary.hpp"

namespace copydesk::vale {
namespace {

bool ends_word(char c) {
  constexpr std::string_view kBreaks = " \t\r\n.,;:!?()[]{}\"/\\<>*`|=+&^%$#~@";
  return kBreaks.find(c) != std::string_view::npos;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "[A-Z][a-z]+[A-Z]+" somewhere in the word, followed by a word character.
bool camel_case(std::string_view word) {
  for (std::size_t at = 0; at + 3 < word.size(); ++at) {
    if (!is_upper(word[at]) || !is_lower(word[at + 1])) continue;
    std::size_t next = at + 1;
    while (next < word.size() && is_lower(word[next])) ++next;
    std::size_t capitals = next;
    while (capitals < word.size() && is_upper(word[capitals])) ++capitals;
    if (capitals > next && capitals < word.size()) return true;
  }
  return false;
}

std::string lowercase_first(std::string_view word) {
  std::string lowered(word);
  if (!lowered.empty() && is_upper(lowered[0])) lowered[0] = static_cast<char>(lowered[0] | 0x20);
  return lowered;
}

std::string lowercase(std::string_view word) {
  std::string lowered(word);
  for (char& c : lowered) {
    if (is_upper(c)) c = static_cast<char>(c | 0x20);
  }
  return lowered;
}

}  // namespace

std::vector<Span> spelling_words(std::string_view text) {
  std::vector<Span> words;
  std::size_t at = 0;
  while (at < text.size()) {
    if (ends_word(text[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && !ends_word(text[end])) ++end;
    std::size_t begin = at;
    while (begin < end && text[begin] == '\'') ++begin;
    std::size_t last = end;
    while (last > begin && text[last - 1] == '\'') --last;
    if (begin < last) {
      words.push_back(Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(last)});
    }
    at = end;
  }
  return words;
}

bool skipped_by_default_filters(std::string_view word) {
  const bool plain = std::all_of(word.begin(), word.end(),
                                 [](char c) { return is_upper(c) || is_lower(c) || c == '\''; });
  if (!plain) return true;
  if (word.size() > 1 && is_upper(word.back()) && is_upper(word[word.size() - 2])) return true;
  if (std::all_of(word.begin(), word.end(), [](char c) { return is_upper(c); })) return true;
  return camel_case(word);
}

void WordList::add(std::string_view word) {
  if (!word.empty()) words_.emplace(word);
}

void WordList::add_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot read this word list");
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t begin = line.find_first_not_of(" \t\r\xEF\xBB\xBF");
    if (begin == std::string::npos) continue;
    const std::size_t end = line.find_last_not_of(" \t\r");
    add(std::string_view(line).substr(begin, end - begin + 1));
  }
}

bool WordList::accepts(std::string_view word) const {
  if (words_.empty() || word.empty()) return false;
  if (words_.count(std::string(word)) > 0) return true;
  // "Nginx" and "NGINX" for the entry "nginx"; "HTTPie" only for "HTTPie".
  const bool capitalised =
      is_upper(word[0]) && std::none_of(word.begin() + 1, word.end(), is_upper);
  const bool capitals = std::all_of(word.begin(), word.end(), [](char c) { return !is_lower(c); });
  if (capitalised) return words_.count(lowercase_first(word)) > 0;
  if (capitals) return words_.count(lowercase(word)) > 0;
  return false;
}

ValeSpeller::ValeSpeller(std::vector<DictionaryFiles> dictionaries, std::string language)
    : files_(std::move(dictionaries)), language_(std::move(language)) {}

ValeSpeller::~ValeSpeller() = default;

void ValeSpeller::load() const {
  std::call_once(loaded_, [this] {
    if (files_.empty()) {
      builtin_ = std::make_unique<SpellChecker>(language_, SuggestionMode::Off);
      return;
    }
    for (const DictionaryFiles& files : files_) {
      spellers_.push_back(
          std::make_unique<Hunspell>(files.aff.string().c_str(), files.dic.string().c_str()));
    }
  });
}

bool ValeSpeller::correct(std::string_view word) const {
  load();
  if (builtin_) return builtin_->correct(word);
  const std::lock_guard lock(mutex_);
  const std::string key(word);
  if (const auto found = cache_.find(key); found != cache_.end()) return found->second;
  const bool verdict = std::any_of(spellers_.begin(), spellers_.end(),
                                   [&](const auto& speller) { return speller->spell(key); });
  cache_.emplace(key, verdict);
  return verdict;
}

}  // namespace copydesk::vale
