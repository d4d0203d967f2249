#include "copydesk/registry.hpp"

#include <algorithm>
#include <stdexcept>

namespace copydesk {

Registry& Registry::builtin() {
  static Registry registry;
  return registry;
}

void Registry::add(RuleEntry entry) {
  std::string id(entry.meta.id);
  if (!entries_.emplace(id, std::move(entry)).second) {
    throw std::invalid_argument("rule id registered twice: " + id);
  }
}

const RuleEntry* Registry::find(std::string_view id) const {
  const auto found = entries_.find(id);
  return found == entries_.end() ? nullptr : &found->second;
}

std::vector<const RuleEntry*> Registry::entries() const {
  std::vector<const RuleEntry*> result;
  result.reserve(entries_.size());
  for (const auto& [id, entry] : entries_) result.push_back(&entry);
  return result;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(3, word.size() / 3) + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  // "lang" for "language": a prefix is as telling as a typo.
  if (best.empty() && word.size() >= 3) {
    for (const std::string_view candidate : candidates) {
      if (candidate.starts_with(word)) return std::string(candidate);
    }
  }
  return std::string(best);
}

std::string Registry::closest(std::string_view id) const {
  std::vector<std::string_view> ids;
  for (const auto& [known, entry] : entries_) ids.push_back(known);
  return closest_name(id, ids);
}

namespace detail {
RuleRegistrar::RuleRegistrar(RuleMeta meta, std::string_view doc_stem, RuleFactory make) {
  Registry::builtin().add(RuleEntry{meta, rule_doc(doc_stem), std::move(make)});
}
}  // namespace detail

}  // namespace copydesk
