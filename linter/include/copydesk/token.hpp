#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"

namespace copydesk {

enum class TokenKind : std::uint8_t {
  Word,         // letters, with inner apostrophes and hyphens: "don't", "Gyu-back", "Ahn’s"
  Number,       // "42", "1,000", "3.5", "1970s", "21st", "10:30"
  Punctuation,  // one punctuation character, or an ellipsis "..." as one token
  Space,        // a run of horizontal whitespace
  Newline,      // "\n" or "\r\n"
  Url,          // "https://example.com/x", "www.example.com"
  Email,        // "editor@example.com"
  FileName,     // domain and file names: "example.com", "README.md"
  Symbol,       // anything else: emoji, currency signs, math symbols
};

std::string_view to_string(TokenKind kind);

// A view into the document text: tokens never own or copy characters.
struct Token {
  Span span;
  TokenKind kind = TokenKind::Symbol;
  // A Word of ASCII bytes only (most are): rules that fold or decode words can skip looking.
  bool ascii_word = false;

  bool is(TokenKind k) const { return kind == k; }
  bool is_blank() const { return kind == TokenKind::Space || kind == TokenKind::Newline; }
};

// Splits UTF-8 text (already validated) into tokens that cover it without gaps.
std::vector<Token> tokenize(std::string_view text);

}  // namespace copydesk
