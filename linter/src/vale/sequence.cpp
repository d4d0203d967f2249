#include "copydesk/vale/sequence.hpp"

#include <array>
#include <optional>

#include "copydesk/text.hpp"

namespace copydesk::vale {
namespace {

bool accepts(const SequenceToken& token, const SequenceWord& word) {
  const bool matches =
      (!token.word || token.word(word.text)) && (!token.tag || token.tag(word.tag));
  return matches != token.negate;
}

// Extends a match from the anchor's word through tokens on one side (`step` +1 rightwards,
// -1 leftwards); returns the outermost word matched, or nothing.
class Extender {
 public:
  Extender(std::span<const SequenceWord> words, std::span<const SequenceToken> tokens,
           std::vector<std::size_t>& matched)
      : words_(words), tokens_(tokens), matched_(matched) {}

  // Matches token `token` and those beyond it, the nearest word being `from`.
  std::optional<std::ptrdiff_t> extend(std::ptrdiff_t token, std::ptrdiff_t from, int step,
                                       std::ptrdiff_t outermost) {
    if (token < 0 || token >= static_cast<std::ptrdiff_t>(tokens_.size())) return outermost;
    const SequenceToken& spec = tokens_[static_cast<std::size_t>(token)];
    if (spec.negate) {
      // A negated token holds where the next word is not what it names, or there is none.
      if (in_range(from) && !accepts(spec, words_[static_cast<std::size_t>(from)])) {
        return std::nullopt;
      }
      matched_[static_cast<std::size_t>(token)] = SequenceMatch::kNoWord;
      return extend(token + step, from + step, step, outermost);
    }
    for (int gap = 0; gap <= spec.skip; ++gap) {
      const std::ptrdiff_t at = from + gap * step;
      if (!in_range(at)) return std::nullopt;
      if (!accepts(spec, words_[static_cast<std::size_t>(at)])) continue;
      matched_[static_cast<std::size_t>(token)] = static_cast<std::size_t>(at);
      if (auto end = extend(token + step, at + step, step, at)) return end;
    }
    return std::nullopt;
  }

 private:
  bool in_range(std::ptrdiff_t at) const {
    return at >= 0 && at < static_cast<std::ptrdiff_t>(words_.size());
  }

  std::span<const SequenceWord> words_;
  std::span<const SequenceToken> tokens_;
  std::vector<std::size_t>& matched_;
};

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || byte >= 0x80;
}

// Where a clitic begins in `word`, or its size when it has none.
std::size_t clitic_start(std::string_view word) {
  if (word.size() > 3 && equals_ignoring_ascii_case(word.substr(word.size() - 3), "n't")) {
    return word.size() - 3;
  }
  constexpr std::array<std::string_view, 6> kClitics{"'s", "'re", "'ve", "'ll", "'d", "'m"};
  for (const std::string_view clitic : kClitics) {
    if (word.size() > clitic.size() &&
        equals_ignoring_ascii_case(word.substr(word.size() - clitic.size()), clitic)) {
      return word.size() - clitic.size();
    }
  }
  return word.size();
}

}  // namespace

std::size_t sequence_anchor(std::span<const SequenceToken> tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].word && !tokens[i].negate) return i;
  }
  return tokens.size();
}

std::vector<SequenceMatch> find_sequences(std::span<const SequenceWord> words,
                                          std::span<const SequenceToken> tokens) {
  std::vector<SequenceMatch> found;
  const std::size_t anchor = sequence_anchor(tokens);
  if (anchor == tokens.size()) return found;
  std::vector<std::size_t> matched(tokens.size(), SequenceMatch::kNoWord);
  Extender extender(words, tokens, matched);
  std::size_t next_free = 0;  // matches do not overlap
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (!accepts(tokens[anchor], words[at])) continue;
    matched[anchor] = at;
    const auto here = static_cast<std::ptrdiff_t>(at);
    const auto anchor_index = static_cast<std::ptrdiff_t>(anchor);
    const auto left = extender.extend(anchor_index - 1, here - 1, -1, here);
    if (!left || static_cast<std::size_t>(*left) < next_free) continue;
    const auto right = extender.extend(anchor_index + 1, here + 1, +1, here);
    if (!right) continue;
    found.push_back(
        SequenceMatch{matched, static_cast<std::size_t>(*left), static_cast<std::size_t>(*right)});
    next_free = static_cast<std::size_t>(*right) + 1;
  }
  return found;
}

std::vector<Span> sequence_words(std::string_view sentence) {
  std::vector<Span> words;
  std::size_t at = 0;
  while (at < sentence.size()) {
    const char c = sentence[at];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++at;
      continue;
    }
    if (!is_word_byte(c)) {
      words.push_back(Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)});
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < sentence.size() &&
           (is_word_byte(sentence[end]) ||
            ((sentence[end] == '\'' || sentence[end] == '-') && end + 1 < sentence.size() &&
             is_word_byte(sentence[end + 1])))) {
      ++end;
    }
    const std::size_t split = at + clitic_start(sentence.substr(at, end - at));
    words.push_back(Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(split)});
    if (split < end) {
      words.push_back(Span{static_cast<std::uint32_t>(split), static_cast<std::uint32_t>(end)});
    }
    at = end;
  }
  return words;
}

std::string format_sequence_message(std::string_view format,
                                    std::span<const std::string_view> token_words,
                                    std::string_view whole) {
  std::string message;
  for (std::size_t at = 0; at < format.size(); ++at) {
    if (format[at] != '%' || at + 1 == format.size()) {
      message.push_back(format[at]);
    } else if (format[at + 1] == 's') {
      message.append(whole);
      ++at;
    } else if (format[at + 1] == '%') {
      message.push_back('%');
      ++at;
    } else if (format[at + 1] == '[') {
      const std::size_t close = format.find("]s", at);
      std::size_t index = 0;
      bool numeric = close != std::string_view::npos && close > at + 2;
      for (std::size_t i = at + 2; numeric && i < close; ++i) {
        numeric = format[i] >= '0' && format[i] <= '9';
        index = index * 10 + static_cast<std::size_t>(format[i] - '0');
      }
      if (!numeric) {
        message.push_back('%');
        continue;
      }
      if (index >= 1 && index <= token_words.size()) message.append(token_words[index - 1]);
      at = close + 1;
    } else {
      message.push_back('%');
    }
  }
  return message;
}

}  // namespace copydesk::vale
