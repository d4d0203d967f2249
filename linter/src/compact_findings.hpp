#pragma once

// Private to the library: the findings of one piece of a streamed file, kept in a few bytes
// each until they are sorted and handed out, so that a piece with a finding on every line (a
// million of them in 2 MiB) does not hold them all as Diagnostics (hundreds of bytes each).

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "string_table.hpp"

namespace copydesk {

class CompactFindings {
 public:
  // Keeps `diagnostic`, its span and its fix's edits moved `by` bytes on.
  void add(Diagnostic&& diagnostic, std::uint32_t by);
  bool empty() const { return findings_.empty(); }
  // Hands the findings out sorted (diagnostic_less), at most `batch` at a time, and forgets them.
  void take_sorted(std::size_t batch,
                   const std::function<void(std::vector<Diagnostic>&&)>& consume);

 private:
  // 24 bytes: the strings are interned, a fix's edits stored relative to the span.
  struct Finding {
    Span span;
    std::uint32_t message = 0;
    std::uint32_t suggestions = 0;  // each followed by a NUL (no text holds one)
    std::uint32_t fix = 0;          // kNoFix, or the fix encoded (see encode_fix)
    std::uint16_t rule = 0;         // in rules_
    Severity severity = Severity::Warning;
  };
  static constexpr std::uint32_t kNoFix = UINT32_MAX;

  Diagnostic expand(const Finding& finding) const;

  StringTable strings_;
  std::vector<std::string> rules_;  // the ids of the rules that reported (a handful)
  // A deque: growing it never holds the old and the new copy at once, as a vector does.
  std::deque<Finding> findings_;
};

}  // namespace copydesk
