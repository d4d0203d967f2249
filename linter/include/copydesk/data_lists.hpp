#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "copydesk/word_set.hpp"

namespace copydesk {

// The data files rules read (dictionaries/*.txt, compiled into copydesk), each word list parsed
// once per process on first request and shared by every engine and rule after that: a run
// with several configurations builds several engines, but reads each list once.
class DataLists {
 public:
  // The lists compiled into copydesk.
  static const DataLists& builtin();

  // The words of `file` ("exclamation-names.txt"), one a line. Throws std::logic_error when no
  // such file was compiled in: a rule asking for one is a programming error.
  const WordSet& words(std::string_view file) const;
  // The text of `file`, for a rule that parses a format of its own. Throws as words() does.
  std::string_view text(std::string_view file) const;

 private:
  DataLists() = default;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<WordSet>, std::less<>> words_;
};

}  // namespace copydesk
