#include "copydesk/registry.hpp"

#include <stdexcept>

#include "copydesk/text.hpp"

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

std::vector<RuleDescription> Registry::descriptions() const {
  std::vector<RuleDescription> result;
  result.reserve(entries_.size());
  for (const auto& [id, entry] : entries_) {
    const RuleMeta& meta = entry.meta;
    result.push_back(RuleDescription{id, std::string(to_string(meta.category)),
                                     std::string(meta.summary), std::string(entry.doc),
                                     meta.default_severity, meta.has_fix, meta.enabled_by_default});
  }
  return result;
}

std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (const std::string_view close = closest_spelling(word, candidates); !close.empty()) {
    return std::string(close);
  }
  // "lang" for "language": a prefix is as telling as a typo.
  if (word.size() >= 3) {
    for (const std::string_view candidate : candidates) {
      if (candidate.starts_with(word)) return std::string(candidate);
    }
  }
  return {};
}

std::string did_you_mean(std::string_view close) {
  return close.empty() ? std::string() : "; did you mean '" + std::string(close) + "'?";
}

std::string Registry::closest(std::string_view id) const {
  std::vector<std::string_view> known;
  known.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) known.push_back(key);
  return closest_name(id, known);
}

namespace detail {
RuleRegistrar::RuleRegistrar(RuleMeta meta, std::string_view doc_stem, RuleFactory make) {
  Registry::builtin().add(RuleEntry{meta, rule_doc(doc_stem), std::move(make)});
}
}  // namespace detail

}  // namespace copydesk
