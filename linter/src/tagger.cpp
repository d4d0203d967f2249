#include "copydesk/tagger.hpp"

#include <algorithm>
#include <vector>

#include "copydesk/text.hpp"
#include "embedded_model.hpp"

namespace copydesk {
namespace {

// Feature templates; the numbers are part of the trained model's format.
enum Template : std::uint32_t {
  kBias,
  kWord,
  kCased,
  kPrefix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kShape,
  kPrevious,
  kBeforePrevious,
  kPreviousTwo,
  kPreviousAndWord,
  kWordBefore,
  kSuffixBefore,
  kWordTwoBefore,
  kWordAfter,
  kSuffixAfter,
  kWordTwoAfter,
  kShapeAfter,
  kShapeBefore,
  kWordAndAfter,
  kWordAndBefore,
  kPreviousAndAfter,
  kStartShape,
  kPrefix3,
  kSuffix1,
  kPreviousAndSuffix,
  kCasedAfter,
  kCasedBefore,
  kAfterTwo,
  kBeforeTwo,
  kSuffix4After,
};

const TaggerWord kEdge{
    .lower = hash_text("<edge>"), .cased = hash_text("<edge>"), .shape = hash_text("<edge>")};

bool has_digit_only(std::string_view text) {
  bool digit = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return digit;
}

char shape_of(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

std::uint64_t shape_hash(std::string_view text) {
  char shape[8];
  std::size_t size = 0;
  for (const char c : text) {
    const char s = shape_of(static_cast<unsigned char>(c));
    if (size > 0 && shape[size - 1] == s) continue;
    if (size == sizeof shape) break;
    shape[size++] = s;
  }
  return hash_text(std::string_view(shape, size));
}

// The last `count` code points' bytes (whole characters, so suffixes of "café" stay UTF-8).
std::string_view last_characters(std::string_view word, std::size_t count) {
  std::size_t begin = word.size();
  for (std::size_t seen = 0; begin > 0 && seen < count; ++seen) {
    do {
      --begin;
    } while (begin > 0 && (static_cast<unsigned char>(word[begin]) & 0xC0) == 0x80);
  }
  return word.substr(begin);
}

}  // namespace

// Lowercases `text` into `out`: bytes for ASCII (most words), Unicode folding otherwise, with
// curly apostrophes made straight either way.
void fold_for_tagging(std::string_view text, std::string& out) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    out.assign(text);
    for (char& c : out) c = to_ascii_lower(c);
    return;
  }
  std::string straight;
  to_lower(straighten_apostrophes(text, straight), out);
}

// describe_word_basics for a word of ASCII bytes, in one pass and without copying: the same
// hashes as folding it first. Most words are ASCII, and the confusion model asks about four
// neighbours of every "to" and "its".
TaggerWord describe_ascii_basics(std::string_view text) {
  constexpr std::uint64_t kBasis = 0xcbf29ce484222325ULL, kPrime = 0x100000001b3ULL;
  std::uint64_t cased = kBasis, lower = kBasis, shape = kBasis;
  char last_shape = 0;
  std::size_t shape_size = 0;
  bool letter = false, digit = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const unsigned char folded = byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
    cased = (cased ^ byte) * kPrime;
    lower = (lower ^ folded) * kPrime;
    const char kind = shape_of(byte);
    letter = letter || kind == 'x' || kind == 'X';
    digit = digit || kind == 'd';
    if (kind != last_shape && shape_size < 8) {
      shape = (shape ^ static_cast<unsigned char>(kind)) * kPrime;
      last_shape = kind;
      ++shape_size;
    }
  }
  TaggerWord word;
  word.cased = mix64(cased);
  word.shape = mix64(shape);
  if (digit && !letter) {
    word.lower = hash_text("<number>");
    return word;
  }
  word.lower = mix64(lower);
  std::uint64_t suffix = kBasis;
  for (std::size_t i = text.size() >= 3 ? text.size() - 3 : 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    suffix = (suffix ^ (byte >= 'A' && byte <= 'Z' ? byte + 32 : byte)) * kPrime;
  }
  word.suffix3 = mix64(suffix);
  return word;
}

TaggerWord describe_word_basics(std::string_view text, std::string& scratch) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    scratch.clear();
    return describe_ascii_basics(text);
  }
  TaggerWord word;
  word.cased = hash_text(text);
  word.shape = shape_hash(text);
  if (has_digit_only(text)) {
    word.lower = hash_text("<number>");
    scratch.clear();
    return word;
  }
  fold_for_tagging(text, scratch);
  word.lower = hash_text(scratch);
  word.suffix3 = hash_text(last_characters(scratch, 3));
  return word;
}

std::uint64_t describe_word_lower(std::string_view text, std::string& scratch) {
  constexpr std::uint64_t kBasis = 0xcbf29ce484222325ULL, kPrime = 0x100000001b3ULL;
  std::uint64_t lower = kBasis;
  bool letter = false, digit = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) return describe_word_basics(text, scratch).lower;
    const bool upper = byte >= 'A' && byte <= 'Z';
    letter = letter || upper || (byte >= 'a' && byte <= 'z');
    digit = digit || (byte >= '0' && byte <= '9');
    lower = (lower ^ (upper ? byte + 32u : byte)) * kPrime;
  }
  return digit && !letter ? hash_text("<number>") : mix64(lower);
}

TaggerWord describe_word(std::string_view text, std::string& scratch) {
  TaggerWord word;
  word.cased = hash_text(text);
  word.shape = shape_hash(text);
  if (has_digit_only(text)) {
    word.lower = hash_text("<number>");
    return word;
  }
  fold_for_tagging(text, scratch);
  const std::string_view lower = scratch;
  word.lower = hash_text(lower);
  word.suffix3 = hash_text(last_characters(lower, 3));
  word.prefix1 = hash_text(lower.substr(0, 1));
  word.prefix3 = hash_text(lower.substr(0, 3));
  word.suffix1 = hash_text(last_characters(lower, 1));
  word.suffix2 = hash_text(last_characters(lower, 2));
  word.suffix4 = hash_text(last_characters(lower, 4));
  return word;
}

Tagger::Tagger(LinearModel model) : model_(std::move(model)) {}

const Tagger& Tagger::builtin() {
  static const Tagger tagger = [] {
    std::span<const std::byte> bytes = embedded_model("pos-tagger.bin");
    return Tagger(LinearModel::read(bytes));
  }();
  return tagger;
}

void Tagger::features(std::span<const TaggerWord> words, std::size_t index, std::uint64_t previous,
                      std::uint64_t before_previous, Features& out) {
  const auto at = [&](std::ptrdiff_t offset) -> const TaggerWord& {
    const std::ptrdiff_t position = static_cast<std::ptrdiff_t>(index) + offset;
    if (position < 0 || position >= static_cast<std::ptrdiff_t>(words.size())) return kEdge;
    return words[static_cast<std::size_t>(position)];
  };
  const TaggerWord& word = words[index];
  const bool start = previous == kStartTag;
  out = {
      feature_key(kBias, 0),
      feature_key(kWord, word.lower),
      feature_key(kCased, word.cased),
      feature_key(kPrefix1, word.prefix1),
      feature_key(kSuffix2, word.suffix2),
      feature_key(kSuffix3, word.suffix3),
      feature_key(kSuffix4, word.suffix4),
      feature_key(kShape, word.shape),
      feature_key(kPrevious, previous),
      feature_key(kBeforePrevious, before_previous),
      feature_key(kPreviousTwo, previous, before_previous),
      feature_key(kPreviousAndWord, previous, word.lower),
      feature_key(kWordBefore, at(-1).lower),
      feature_key(kSuffixBefore, at(-1).suffix3),
      feature_key(kWordTwoBefore, at(-2).lower),
      feature_key(kWordAfter, at(1).lower),
      feature_key(kSuffixAfter, at(1).suffix3),
      feature_key(kWordTwoAfter, at(2).lower),
      feature_key(kShapeAfter, at(1).shape),
      feature_key(kShapeBefore, at(-1).shape),
      feature_key(kWordAndAfter, word.lower, at(1).lower),
      feature_key(kWordAndBefore, word.lower, at(-1).lower),
      feature_key(kPreviousAndAfter, previous, at(1).lower),
      feature_key(kStartShape, start ? 1 : 0, word.shape),
      feature_key(kPrefix3, word.prefix3),
      feature_key(kSuffix1, word.suffix1),
      feature_key(kPreviousAndSuffix, previous, word.suffix3),
      feature_key(kCasedAfter, at(1).cased),
      feature_key(kCasedBefore, at(-1).cased),
      feature_key(kAfterTwo, at(1).lower, at(2).lower),
      feature_key(kBeforeTwo, at(-1).lower, at(-2).lower),
      feature_key(kSuffix4After, at(1).suffix4),
  };
}

void Tagger::tag(std::span<const TaggerWord> words, std::size_t from, std::size_t to,
                 std::span<std::uint8_t> tags) const {
  std::int32_t scores[64];
  const std::size_t classes = std::min<std::size_t>(model_.class_count(), 64);
  Features features;
  std::uint64_t previous = kStartTag;
  std::uint64_t before_previous = kStartTag;
  for (std::size_t i = from; i < to; ++i) {
    Tagger::features(words, i, previous, before_previous, features);
    std::fill_n(scores, classes, 0);
    model_.add_all(features, std::span<std::int32_t>(scores, classes));
    const auto best =
        static_cast<std::uint8_t>(std::max_element(scores, scores + classes) - scores);
    tags[i] = best;
    before_previous = previous;
    previous = best;
  }
}

}  // namespace copydesk
