#include "copydesk/dictionary.hpp"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include "copydesk/text.hpp"

namespace copydesk {

void WordSet::add_lines(std::string_view text) {
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    add(line);
  }
}

void WordSet::add(std::string_view word) {
  std::string scratch;
  words_.emplace(straighten_apostrophes(word, scratch));
}

bool WordSet::contains_exact(std::string_view word) const { return words_.find(word) != words_.end(); }

bool WordSet::contains(std::string_view word) const {
  std::string scratch;
  const std::string_view straight = straighten_apostrophes(word, scratch);
  if (words_.find(straight) != words_.end()) return true;
  if (!starts_upper(straight)) return false;
  std::string lower;
  to_lower(straight, lower);
  return words_.find(lower) != words_.end();
}

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

SpellChecker::SpellChecker(std::string language) : language_(std::move(language)) {
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
  throw std::runtime_error(message);
}

SpellChecker::~SpellChecker() = default;

Hunspell& SpellChecker::hunspell() const {
  std::call_once(loaded_, [this] {
    hunspell_ = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
  });
  return *hunspell_;
}

bool SpellChecker::correct(std::string_view word) const {
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = spell_cache_.find(word); found != spell_cache_.end()) {
      return found->second;
    }
  }
  std::string key(word);
  bool result = false;
  {
    Hunspell& speller = hunspell();
    std::lock_guard lock(hunspell_mutex_);
    result = speller.spell(key);
  }
  std::unique_lock lock(cache_mutex_);
  spell_cache_.emplace(std::move(key), result);
  return result;
}

std::vector<std::string> SpellChecker::suggest(std::string_view word, std::size_t limit) const {
  {
    std::shared_lock lock(cache_mutex_);
    if (const auto found = suggest_cache_.find(word); found != suggest_cache_.end()) {
      return found->second;
    }
  }
  std::string key(word);
  std::vector<std::string> suggestions;
  {
    Hunspell& speller = hunspell();
    std::lock_guard lock(hunspell_mutex_);
    suggestions = speller.suggest(key);
  }
  if (suggestions.size() > limit) suggestions.resize(limit);
  std::unique_lock lock(cache_mutex_);
  suggest_cache_.emplace(std::move(key), suggestions);
  return suggestions;
}

}  // namespace copydesk
