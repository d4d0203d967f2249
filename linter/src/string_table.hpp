#pragma once

// Private to the library: interned strings, for the compact forms of findings (see
// CompactFindings and the junit format).

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace copydesk {

// Strings kept once however often they are added: rule ids, messages, suggestion lists and
// fixes repeat across findings (a million findings may have a few hundred of them).
class StringTable {
 public:
  std::uint32_t intern(std::string text) {
    const auto [it, added] =
        index_.try_emplace(std::move(text), static_cast<std::uint32_t>(strings_.size()));
    if (added) strings_.push_back(&it->first);
    return it->second;
  }
  const std::string& operator[](std::uint32_t id) const { return *strings_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;  // its keys do not move
  std::vector<const std::string*> strings_;
};

}  // namespace copydesk
