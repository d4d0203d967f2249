#pragma once

#include <cstdint>
#include <string_view>

namespace copydesk {

// A half-open [begin, end) range of UTF-8 bytes in a document's text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr std::uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  constexpr bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace copydesk
