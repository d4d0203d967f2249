#include "copydesk/data_lists.hpp"

#include <stdexcept>

#include "copydesk/embedded_data.hpp"

namespace copydesk {

const DataLists& DataLists::builtin() {
  static const DataLists lists;
  return lists;
}

std::string_view DataLists::text(std::string_view file) const {
  const std::string_view text = embedded_data(file);
  if (text.empty()) throw std::logic_error("no data file " + std::string(file) + " in copydesk");
  return text;
}

const WordSet& DataLists::words(std::string_view file) const {
  const std::lock_guard lock(mutex_);
  if (const auto found = words_.find(file); found != words_.end()) return *found->second;
  auto set = std::make_unique<WordSet>();
  set->add_lines(text(file));
  return *words_.emplace(std::string(file), std::move(set)).first->second;
}

}  // namespace copydesk
