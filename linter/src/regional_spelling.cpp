#include "copydesk/regional_spelling.hpp"

#include <stdexcept>
#include <unordered_set>

#include "copydesk/dictionary.hpp"
#include "copydesk/embedded_data.hpp"

namespace copydesk {
namespace {

struct Change {
  std::string from, to;
  bool at_end = false;
};

// Both directions of every line of the data file.
const std::vector<Change>& changes() {
  static const std::vector<Change> all = [] {
    std::vector<Change> result;
    std::string_view data = embedded_data("regional-spellings.txt");
    while (!data.empty()) {
      const std::size_t newline = data.find('\n');
      std::string_view line = data.substr(0, newline);
      data = newline == std::string_view::npos ? std::string_view{} : data.substr(newline + 1);
      if (line.empty() || line.front() == '#') continue;
      const std::size_t first = line.find(' ');
      const std::size_t second = line.find(' ', first + 1);
      if (first == std::string_view::npos || second == std::string_view::npos) {
        throw std::logic_error("regional-spellings.txt: a line needs three fields");
      }
      const std::string american(line.substr(0, first));
      const std::string british(line.substr(first + 1, second - first - 1));
      const std::string_view where = line.substr(second + 1);
      if (where != "any" && where != "end") {
        throw std::logic_error("regional-spellings.txt: the third field is `any` or `end`");
      }
      result.push_back(Change{american, british, where == "end"});
      result.push_back(Change{british, american, where == "end"});
    }
    return result;
  }();
  return all;
}

// Every word that one change makes of `word`, appended to `out`.
void one_change(std::string_view word, std::vector<std::string>& out) {
  for (const Change& change : changes()) {
    if (change.at_end) {
      if (word.ends_with(change.from)) {
        std::string changed(word.substr(0, word.size() - change.from.size()));
        out.push_back(changed + change.to);
      }
      continue;
    }
    for (std::size_t at = word.find(change.from); at != std::string_view::npos;
         at = word.find(change.from, at + 1)) {
      std::string changed(word);
      changed.replace(at, change.from.size(), change.to);
      out.push_back(std::move(changed));
    }
  }
}

}  // namespace

std::vector<std::string> regional_variants(std::string_view word) {
  std::vector<std::string> first;
  one_change(word, first);
  std::vector<std::string> all = first;
  // "maneuver" -> "manoeuvre" takes two changes.
  for (const std::string& once : first) one_change(once, all);
  // Each once, those of one change first.
  std::vector<std::string> variants;
  std::unordered_set<std::string> seen{std::string(word)};
  for (std::string& variant : all) {
    if (seen.insert(variant).second) variants.push_back(std::move(variant));
  }
  return variants;
}

}  // namespace copydesk
