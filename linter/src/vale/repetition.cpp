#include "copydesk/vale/repetition.hpp"

#include <algorithm>

#include "copydesk/text.hpp"

namespace copydesk::vale {
namespace {

std::string_view trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n\f\v");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n\f\v");
  return text.substr(begin, end - begin + 1);
}

// Letters only, as Vale's `alpha` reads it; non-ASCII bytes are taken for letters, since
// they are almost always part of one in prose.
bool all_letters(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || byte >= 0x80;
  });
}

}  // namespace

std::vector<Repetition> find_repetitions(std::string_view text, std::span<const Span> matches,
                                         const RepetitionOptions& options) {
  std::vector<Repetition> found;
  std::string_view previous;
  Span previous_span{};
  int count = 0;
  for (const Span match : matches) {
    const std::string_view current = trimmed(text.substr(match.begin, match.end - match.begin));
    bool repeated =
        !current.empty() &&
        (options.ignore_case ? equals_ignoring_ascii_case(current, previous) : current == previous);
    repeated = repeated && (!options.alpha || all_letters(current));
    if (repeated && ++count > options.max) {
      found.push_back(Repetition{Span{previous_span.begin, match.end}, current});
      count = 0;
      previous = {};  // a reported repeat pairs with nothing after it
      continue;
    }
    if (!repeated) count = 0;
    previous = current;
    previous_span = match;
  }
  return found;
}

std::optional<Span> inconsistency_in_block(std::span<const AlternativeMatch> matches,
                                           ConsistencyState& state) {
  if (matches.empty()) return std::nullopt;
  for (const AlternativeMatch& match : matches) state.seen[match.alternative != 0] = true;
  if (!state.seen[0] || !state.seen[1]) return std::nullopt;
  return matches.back().span;
}

}  // namespace copydesk::vale
