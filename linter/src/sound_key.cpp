#include "copydesk/sound_key.hpp"

namespace copydesk {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool front_vowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

// The word's letters alone, with the silent first letter of "kn", "gn", "wr", "ps" and "wh"
// dropped and a leading "x" read as "s".
std::string letters_as_spoken(std::string_view word) {
  std::string w;
  for (const char c : word) {
    if (c >= 'a' && c <= 'z') w.push_back(c);
  }
  const auto starts = [&](std::string_view head) { return w.starts_with(head); };
  if (starts("kn") || starts("gn") || starts("ps")) {
    w.erase(0, 1);
  } else if (starts("wr")) {
    w.erase(0, 1);
  } else if (starts("wh")) {
    w.erase(1, 1);
  } else if (starts("x")) {
    w[0] = 's';
  }
  return w;
}

// The sound of the consonant at w[i]; `skip` is set to the letters it takes beyond its own.
std::string_view consonant_sound(const std::string& w, std::size_t i, std::size_t& skip) {
  const std::size_t n = w.size();
  const char next = i + 1 < n ? w[i + 1] : '\0';
  const char after = i + 2 < n ? w[i + 2] : '\0';
  const auto from_here = [&](std::string_view text) {
    return w.compare(i, text.size(), text) == 0;
  };
  switch (w[i]) {
    case 'b':  // silent after "m" at the end: "climb"
      return i + 1 == n && i > 0 && w[i - 1] == 'm' ? "" : "b";
    case 'c':
      if (next == 'h') return skip = 1, "x";
      if (next == 'k') return skip = 1, "k";
      return front_vowel(next) ? "s" : "k";
    case 'd':
      if (next == 'g' && front_vowel(after)) return skip = 1, "j";
      return "t";
    case 'g':
      if (next == 'h') {  // "ghost", silent in "night", "f" at the end of "laugh"
        skip = 1;
        if (i == 0) return "k";
        return i + 2 >= n ? "f" : "";
      }
      if (next == 'n' && (i + 2 == n || w.compare(i + 2, std::string::npos, "ed") == 0)) return "";
      return front_vowel(next) ? "j" : "k";
    case 'h':  // sounded only before a vowel, and not after a consonant
      return (i == 0 || is_vowel(w[i - 1])) && is_vowel(next) ? "h" : "";
    case 'p':
      if (next == 'h') return skip = 1, "f";
      return "p";
    case 'q':
      return "k";
    case 's':
      if (next == 'h') return skip = 1, "x";
      return from_here("sio") || from_here("sia") ? "x" : "s";
    case 't':
      if (from_here("tio") || from_here("tia")) return "x";
      if (from_here("tch")) return "";
      if (next == 'h') return skip = 1, "0";
      return "t";
    case 'v':
      return "f";
    case 'w':
      return is_vowel(next) ? "w" : "";
    case 'x':
      return "ks";
    case 'z':
      return "s";
    default:
      return std::string_view(&w[i], 1);
  }
}

}  // namespace

std::string sound_key(std::string_view word) {
  const std::string w = letters_as_spoken(word);
  std::string key;
  std::size_t i = 0;
  while (i < w.size()) {
    const char letter = w[i];
    std::size_t skip = 0;
    const std::string_view sound =
        is_vowel(letter) ? (i == 0 ? "A" : "") : consonant_sound(w, i, skip);
    if (!sound.empty() && !key.ends_with(sound)) key += sound;
    i += 1 + skip;
    // A doubled letter sounds once ("cc" apart: "accent").
    while (i < w.size() && w[i] == letter && letter != 'c') ++i;
  }
  return key;
}

}  // namespace copydesk
