// Fuzzes the word-list loader (WordSet::add_lines, as used for --words files and the embedded
// lists) and its lookups. The configuration file has its own target (config_fuzzer.cpp).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "copydesk/dictionary.hpp"
#include "copydesk/text.hpp"
#include "fuzz_support.hpp"

using copydesk::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The engine refuses word lists that are not valid UTF-8 before they reach a WordSet.
  if (copydesk::find_invalid_utf8(bytes)) return -1;
  copydesk::WordSet words;
  words.add_lines(bytes);
  require(words.size() <= size, "no more words than bytes");
  // Every listed word is then accepted, as written.
  std::string_view rest = bytes;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    require(words.contains(line), "a listed word is accepted");
    std::string lower;
    copydesk::to_lower(line, lower);
    (void)words.contains(lower);
    (void)copydesk::starts_upper(line);
    (void)copydesk::is_all_upper(line);
    (void)copydesk::has_inner_upper(line);
  }
  return 0;
}
