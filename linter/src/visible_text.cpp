// What the terminal formats (text, github) print of text that came from a document or a file
// name: nothing a terminal would act on.

#include <cstdint>

#include "copydesk/text.hpp"
#include "formatters.hpp"

namespace copydesk {
namespace {

// Controls that reorder text on the screen (the "Trojan Source" characters).
bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
}

}  // namespace

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out.push_back(text[i++]);
      continue;
    }
    int length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    // A file name need not be UTF-8: an invalid byte shows as U+FFFD.
    if (byte >= 0x80 && find_invalid_utf8(text.substr(i, static_cast<std::size_t>(length)))) {
      append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    const char32_t c = byte < 0x80 ? byte : decode_at(text, i, length);
    if (c == '\t') {
      out.push_back('\t');
    } else if (c < 0x20 || c == 0x7F) {
      // The Control Pictures block: U+2400 for NUL on, U+2421 for DEL; one column each.
      append_utf8(out, c == 0x7F ? 0x2421 : 0x2400 + c);
    } else if ((c >= 0x80 && c < 0xA0) || is_bidi_control(c)) {
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text.substr(i, static_cast<std::size_t>(length)));
    }
    i += static_cast<std::size_t>(length);
  }
  return out;
}

}  // namespace copydesk
