#include <array>
#include <string_view>

#include "copydesk/embedded_data.hpp"
#include "copydesk/text.hpp"
#include "copydesk/token.hpp"
#include "copydesk/word_set.hpp"

namespace copydesk {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::Word: return "word";
    case TokenKind::Number: return "number";
    case TokenKind::Punctuation: return "punctuation";
    case TokenKind::Space: return "space";
    case TokenKind::Newline: return "newline";
    case TokenKind::Url: return "url";
    case TokenKind::Email: return "email";
    case TokenKind::FileName: return "file-name";
    case TokenKind::Symbol: return "symbol";
  }
  return "symbol";
}

namespace {

// Byte classes, one table look-up instead of three range tests per character.
constexpr std::uint8_t kAlnum = 1;  // ASCII letter or digit
constexpr std::uint8_t kWord = 2;   // ASCII letter, digit or '_'
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    table[static_cast<std::size_t>(c)] =
        static_cast<std::uint8_t>((alnum ? kAlnum : 0) | (alnum || c == '_' ? kWord : 0));
  }
  return table;
}();

bool ascii_alnum(char c) { return kByteClass[static_cast<unsigned char>(c)] & kAlnum; }
bool ascii_word(char c) { return kByteClass[static_cast<unsigned char>(c)] & kWord; }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The text.hpp classifications with the ASCII case inline: most characters of English text are
// ASCII, and a call into text.cpp (and utf8proc) per character cost more than the rest of the
// tokenizer together.
bool space_char(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\f' || c == '\v';
  return is_horizontal_space(c);
}
bool letter_char(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return is_letter(c);
}
bool digit_char(char32_t c) { return c >= '0' && c <= '9'; }
bool mark_char(char32_t c) { return c >= 0x300 && is_mark(c); }
bool apostrophe_char(char32_t c) { return c == '\'' || c == 0x2019; }
bool hyphen_char(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool starts_with_icase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (to_ascii_lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// Final labels that make "x.y" a domain or file name rather than two words glued by a period.
// Top-level domains that are also common English words ("it", "in", "to", "me") are left out
// on purpose: "ends.it" is far more likely a missing space than an Italian domain.
const WordSet& name_suffixes() {
  static const WordSet suffixes = [] {
    WordSet set;
    set.add_lines(embedded_data("file-name-suffixes.txt"));
    return set;
  }();
  return suffixes;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    tokens.reserve(text_.size() / 4 + 1);
    std::size_t at = 0;
    while (at < text_.size()) {
      const Token token = next(at);
      tokens.push_back(token);
      at = token.span.end;
    }
    return tokens;
  }

 private:
  Token make(std::size_t begin, std::size_t end, TokenKind kind) const {
    return Token{Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, kind};
  }

  char32_t at_char(std::size_t at, int& length) const {
    const auto byte = static_cast<unsigned char>(text_[at]);
    if (byte < 0x80) {
      length = 1;
      return byte;
    }
    return decode_at(text_, at, length);
  }

  bool word_char_at(std::size_t at) const {
    if (at >= text_.size()) return false;
    const char c = text_[at];
    if (static_cast<unsigned char>(c) < 0x80) return ascii_alnum(c) || c == '_';
    int length = 0;
    const char32_t cp = at_char(at, length);
    return letter_char(cp);
  }

  bool letter_before(std::size_t at) const {
    if (at == 0) return false;
    if (const auto byte = static_cast<unsigned char>(text_[at - 1]); byte < 0x80) {
      return ascii_alnum(static_cast<char>(byte));
    }
    int length = 0;
    const char32_t c = decode_before(text_, at, length);
    return letter_char(c) || digit_char(c);
  }

  Token next(std::size_t at) const {
    const char c = text_[at];
    if (c == '\n') return make(at, at + 1, TokenKind::Newline);
    if (c == '\r') {
      const std::size_t end = at + 1 < text_.size() && text_[at + 1] == '\n' ? at + 2 : at + 1;
      return make(at, end, TokenKind::Newline);
    }
    int length = 0;
    const char32_t cp = at_char(at, length);
    if (space_char(cp) || (c == '&' && space_entity_length(at) > 0)) return space(at);
    if (digit_char(cp) || (letter_char(cp) && !mark_char(cp))) {
      // The ASCII letters, digits and '_' that start here. When the character after them is
      // ASCII and none of ".@%+-", this cannot be an address or a file name (both need one
      // of those next), so the scans for them are skipped and the word goes on from there.
      std::size_t run = at;
      while (run < text_.size() && ascii_word(text_[run])) ++run;
      const char stop = run < text_.size() ? text_[run] : ' ';
      // Only an ASCII letter starts a URL, and its scheme ("http:", "mailto:") or "www." ends
      // the run of letters: most words need no look at the schemes.
      const bool url_start = (stop == ':' && run - at <= 6) || (stop == '.' && run - at == 3);
      if (url_start && !letter_before(at)) {
        if (const std::size_t end = url_end(at); end > at) return make(at, end, TokenKind::Url);
      }
      const bool plain = static_cast<unsigned char>(stop) < 0x80 && stop != '.' && stop != '@' &&
                         stop != '%' && stop != '+' && stop != '-';
      if (!plain) {
        if (const std::size_t end = email_end(at); end > at) return make(at, end, TokenKind::Email);
        if (const std::size_t end = file_name_end(at); end > at) {
          return make(at, end, TokenKind::FileName);
        }
      }
      if (digit_char(cp)) return number(at);
      return word(at, plain ? run : at);
    }
    if (c == '.' && text_.substr(at, 3) == "...") return make(at, at + 3, TokenKind::Punctuation);
    if (static_cast<unsigned char>(c) < 0x80) {
      const bool punctuation = (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
                               (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
      return make(at, at + 1, punctuation ? TokenKind::Punctuation : TokenKind::Symbol);
    }
    return make(at, cluster_end(cp, at + static_cast<std::size_t>(length)),
                is_unicode_punctuation(cp) ? TokenKind::Punctuation : TokenKind::Symbol);
  }

  static bool is_emoji_modifier(char32_t c) {
    return c == 0xFE0E || c == 0xFE0F || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0020 && c <= 0xE007F);
  }
  static bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

  // An emoji and what modifies it is one token: variation selectors and skin tones are marks
  // that would otherwise start a word of their own. Also joins emoji linked by U+200D and the
  // two regional indicators of a flag.
  std::size_t cluster_end(char32_t first, std::size_t end) const {
    int length = 0;
    if (is_regional_indicator(first) && end < text_.size() &&
        is_regional_indicator(at_char(end, length))) {
      end += static_cast<std::size_t>(length);
    }
    while (end < text_.size()) {
      const char32_t cp = at_char(end, length);
      if (is_emoji_modifier(cp)) {
        end += static_cast<std::size_t>(length);
        continue;
      }
      const std::size_t after = end + static_cast<std::size_t>(length);
      int joined_length = 0;
      if (cp != 0x200D || after >= text_.size()) break;
      const char32_t joined = at_char(after, joined_length);
      if (joined < 0x80 || is_letter(joined) || is_horizontal_space(joined) ||
          is_unicode_punctuation(joined) || joined == 0x200D) {
        break;
      }
      end = after + static_cast<std::size_t>(joined_length);
    }
    return end;
  }

  static bool is_unicode_punctuation(char32_t c) {
    // General punctuation (dashes, quotes, ellipsis) and the Latin-1 marks used in prose.
    return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0xAB ||
           c == 0xBB || c == 0xA1 || c == 0xBF || c == 0xB7 || (c >= 0x3001 && c <= 0x3003);
  }

  Token space(std::size_t at) const {
    std::size_t end = at;
    while (end < text_.size() && text_[end] == ' ') ++end;  // most runs: one plain space
    while (end < text_.size()) {
      if (const std::size_t entity = space_entity_length(end); entity > 0) {
        end += entity;
        continue;
      }
      int length = 0;
      const char32_t cp = at_char(end, length);
      if (!space_char(cp)) break;
      end += static_cast<std::size_t>(length);
    }
    return make(at, end, TokenKind::Space);
  }

  // A no-break or other space written as an HTML entity ("a&nbsp;owl"): entities stay as
  // written so that positions are the page's bytes, but this one separates words like a space.
  std::size_t space_entity_length(std::size_t at) const {
    if (text_[at] != '&') return 0;
    for (const std::string_view entity :
         {"&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&ensp;", "&emsp;", "&thinsp;"}) {
      if (text_.compare(at, entity.size(), entity) == 0) return entity.size();
    }
    return 0;
  }

  // "https://...", "ftp://...", "www.example.com/...": up to whitespace, without trailing
  // punctuation that belongs to the sentence.
  std::size_t url_end(std::size_t at) const {
    // Every scheme and "www." starts with one of these letters: most words stop here.
    if (const char first = static_cast<char>(text_[at] | 0x20);
        first != 'h' && first != 'f' && first != 'm' && first != 'w') {
      return at;
    }
    static constexpr std::string_view kSchemes[] = {"https://", "http://", "ftp://", "mailto:"};
    std::size_t body = 0;
    for (std::string_view scheme : kSchemes) {
      if (starts_with_icase(text_, at, scheme)) body = at + scheme.size();
    }
    if (body == 0 && starts_with_icase(text_, at, "www.") && word_char_at(at + 4)) body = at + 4;
    if (body == 0 || !(body < text_.size() && !is_space_or_quote(text_[body]))) return at;
    std::size_t end = body;
    while (end < text_.size() && !is_space_or_quote(text_[end])) {
      int length = 0;
      const char32_t cp = at_char(end, length);
      if (space_char(cp) || cp == 0x201D || cp == 0x201C) break;
      end += static_cast<std::size_t>(length);
    }
    return trim_trailing_punctuation(body, end);
  }

  static bool is_space_or_quote(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '<' || c == '>';
  }

  std::size_t trim_trailing_punctuation(std::size_t body, std::size_t end) const {
    int open_parens = 0;
    int open_brackets = 0;
    for (std::size_t i = body; i < end; ++i) {
      if (text_[i] == '(') ++open_parens;
      if (text_[i] == ')') --open_parens;
      if (text_[i] == '[') ++open_brackets;
      if (text_[i] == ']') --open_brackets;
    }
    while (end > body) {
      const char last = text_[end - 1];
      if (last == ')' && open_parens < 0) {
        ++open_parens;
        --end;
      } else if (last == ']' && open_brackets < 0) {
        ++open_brackets;
        --end;
      } else if (end - body >= 3 && text_.substr(end - 3, 3) == "\xE2\x80\xA6") {
        end -= 3;
      } else if (std::string_view(".,;:!?'").find(last) != std::string_view::npos) {
        --end;
      } else if (end - body >= 3 && text_.substr(end - 3, 3) == "\xE2\x80\x99") {
        end -= 3;
      } else {
        break;
      }
    }
    return end;
  }

  // One label of a domain or file name: letters, digits, '-' and '_'.
  std::size_t label_end(std::size_t at) const {
    std::size_t end = at;
    while (end < text_.size()) {
      const char c = text_[end];
      if (ascii_alnum(c) || c == '_' || (c == '-' && end > at)) {
        ++end;
      } else if (static_cast<unsigned char>(c) >= 0x80 && word_char_at(end)) {
        int length = 0;
        at_char(end, length);
        end += static_cast<std::size_t>(length);
      } else {
        break;
      }
    }
    while (end > at && text_[end - 1] == '-') --end;
    return end;
  }

  // Look-ahead is bounded (the longest local part an address may have) so that a long run of
  // "a.b.c..." does not make tokenizing quadratic: every token start would rescan it.
  std::size_t email_end(std::size_t at) const {
    static constexpr std::size_t kMaxLocalPart = 64;
    std::size_t end = at;
    while (end < text_.size() && end - at <= kMaxLocalPart &&
           (ascii_alnum(text_[end]) ||
            std::string_view("._%+-").find(text_[end]) != std::string_view::npos)) {
      ++end;
    }
    if (end == at || end >= text_.size() || text_[end] != '@') return at;
    const std::size_t domain = domain_end(end + 1, /*need_suffix=*/false);
    return domain > end + 1 ? domain : at;
  }

  // labels joined by '.', at least two; with `need_suffix`, the last must be a known top-level
  // domain or file extension. Returns `at` when there is no such name.
  // At most kMaxLabels labels are read, for the same reason as in email_end.
  std::size_t domain_end(std::size_t at, bool need_suffix) const {
    static constexpr int kMaxLabels = 10;
    std::size_t end = label_end(at);
    if (end == at) return at;
    std::size_t best = at;  // the longest name so far that qualifies
    for (int labels = 1; labels < kMaxLabels && end + 1 < text_.size() && text_[end] == '.';
         ++labels) {
      const std::size_t next = label_end(end + 1);
      if (next == end + 1) break;
      const std::string_view label = text_.substr(end + 1, next - end - 1);
      end = next;
      if (!need_suffix || name_suffixes().contains_exact(label)) best = end;
    }
    return best;
  }

  std::size_t file_name_end(std::size_t at) const {
    std::size_t end = domain_end(at, /*need_suffix=*/true);
    if (end == at) return at;
    // A path after a domain: "bbc.co.uk/news".
    while (end + 1 < text_.size() && text_[end] == '/' && label_end(end + 1) > end + 1) {
      end = label_end(end + 1);
    }
    return end;
  }

  Token number(std::size_t at) const {
    std::size_t end = at;
    while (end < text_.size() && ascii_digit(text_[end])) ++end;
    // Thousands groups, decimals and times: "1,000", "3.5", "10:30", "1.2.3".
    while (end + 1 < text_.size()) {
      const char sep = text_[end];
      if (sep == ',' && digits_exactly(end + 1, 3)) {
        end += 4;
      } else if ((sep == '.' || sep == ':') && ascii_digit(text_[end + 1])) {
        end += 1;
        while (end < text_.size() && ascii_digit(text_[end])) ++end;
      } else {
        break;
      }
    }
    // Suffixes: "1970s", "21st", "5km", "3D".
    while (end < text_.size() && word_char_at(end)) {
      int length = 0;
      at_char(end, length);
      end += static_cast<std::size_t>(length);
    }
    return make(at, end, TokenKind::Number);
  }

  bool digits_exactly(std::size_t at, std::size_t count) const {
    for (std::size_t i = 0; i < count; ++i) {
      if (at + i >= text_.size() || !ascii_digit(text_[at + i])) return false;
    }
    return at + count >= text_.size() || !ascii_digit(text_[at + count]);
  }

  // Letters and digits, joined by apostrophes and hyphens when a letter or digit follows.
  // `from`: where to go on scanning (the bytes from `at` up to it are known to be ASCII letters,
  // digits or '_').
  Token word(std::size_t at, std::size_t from) const {
    std::size_t end = from;
    bool ascii = true;
    while (end < text_.size()) {
      const char c = text_[end];
      if (ascii_word(c)) {
        ++end;
        continue;
      }
      // Any other ASCII byte but an apostrophe or a hyphen ends the word: the common case.
      if (static_cast<unsigned char>(c) < 0x80 && c != '\'' && c != '-') break;
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;  // consumed below, or the end
      if (word_char_at(end)) {
        int length = 0;
        at_char(end, length);
        end += static_cast<std::size_t>(length);
        continue;
      }
      int length = 0;
      const char32_t cp = at_char(end, length);
      if ((apostrophe_char(cp) || hyphen_char(cp)) &&
          word_char_at(end + static_cast<std::size_t>(length))) {
        end += static_cast<std::size_t>(length);
        continue;
      }
      break;
    }
    Token token = make(at, end, TokenKind::Word);
    token.ascii_word = ascii;
    return token;
  }

  std::string_view text_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace copydesk
