#include "copydesk/markup_pieces.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "copydesk/text.hpp"

namespace copydesk {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         equals_ignoring_ascii_case(text.substr(0, prefix.size()), prefix);
}

bool contains_ignoring_ascii_case(std::string_view text, std::string_view part) {
  for (std::size_t at = 0; at + part.size() <= text.size(); ++at) {
    if (equals_ignoring_ascii_case(text.substr(at, part.size()), part)) return true;
  }
  return false;
}

// What no piece may hold without the whole file: a suppression directive or a [sic] (either
// may act on findings of other pieces). Looser than suppression.cpp: code is not told apart.
bool may_suppress(std::string_view line) {
  if (line.find("copydesk-") != std::string_view::npos) return true;
  for (std::size_t at = line.find('['); at != std::string_view::npos; at = line.find('[', at + 1)) {
    std::size_t next = at + 1;
    if (next < line.size() && (line[next] == '*' || line[next] == '_')) ++next;
    if (starts_with_ignoring_ascii_case(line.substr(next), "sic")) return true;
  }
  return false;
}

// A line without its line break.
std::string_view without_break(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// Calls `each` with every line of `lines` (with its line break) and its offset in `lines`.
template <typename Each>
void for_each_line(std::string_view lines, Each each) {
  std::size_t begin = 0;
  for (std::size_t at = 0; at < lines.size(); ++at) {
    if (!ends_line_at(lines, at)) continue;
    each(lines.substr(begin, at + 1 - begin), begin);
    begin = at + 1;
  }
  if (begin < lines.size()) each(lines.substr(begin), begin);
}

class MarkdownCuts : public CutFinder {
 public:
  void read(std::string_view lines, std::uint64_t offset) override {
    for_each_line(lines,
                  [&](std::string_view line, std::size_t at) { this->line(line, offset + at); });
  }

  MarkupPlan finish() override {
    // The last piece ends in an open fence or HTML block: definitions read after it would be
    // inside it.
    if (open_ != Open::None && !plan_.definitions.empty()) plan_.whole = true;
    if (plan_.whole) plan_.cuts.clear();
    return std::move(plan_);
  }

 private:
  enum class Open { None, FrontMatter, Fence, Html };
  // What the line before was, for whether a link reference definition may start after it.
  enum class Before { Closed, Paragraph, Unsure };

  void line(std::string_view raw, std::uint64_t offset) {
    if (plan_.whole) return;
    if (may_suppress(raw)) {
      plan_.whole = true;
      return;
    }
    std::string_view line = without_break(raw);
    if (first_line_) {
      first_line_ = false;
      line.remove_prefix(byte_order_mark_size(line));
      const std::string_view trimmed = trim_end(line);
      if (trimmed == "---" || trimmed == "+++") {
        open_ = Open::FrontMatter;
        fence_ = trimmed;
        return;
      }
    }
    if (open_ != Open::None) {
      read_open(line);
      return;
    }
    if (definition_continues_) {
      definition_continues_ = false;
      const std::string_view rest = trim_start(line);
      if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'' || rest[0] == '(' || wants_more_)) {
        plan_.definitions.append(line).push_back('\n');
        before_ = Before::Closed;
        wants_more_ = false;
        return;
      }
      wants_more_ = false;
    }
    if (trim_end(line).empty()) {
      after_blank_ = true;
      before_ = Before::Closed;
      return;
    }
    if (after_blank_ && offset >= piece_start_ + kMarkupPieceBytes && may_start_piece(line)) {
      plan_.cuts.push_back(offset);
      piece_start_ = offset;
    }
    const bool after_blank = after_blank_;
    after_blank_ = false;
    read_block_line(line, after_blank);
  }

  void read_open(std::string_view line) {
    if (open_ == Open::FrontMatter) {
      const std::string_view trimmed = trim_end(line);
      if (trimmed == fence_ || (fence_ == "---" && trimmed == "...")) open_ = Open::None;
    } else if (open_ == Open::Fence) {
      if (closes_fence(line)) open_ = Open::None;
    } else if (html_block_ends(line)) {
      open_ = Open::None;
    }
    before_ = Before::Closed;
  }

  void read_block_line(std::string_view line, bool after_blank) {
    std::size_t at = 0;
    const std::size_t indent = indent_of(line, at);
    if (indent >= 4) {
      // Indented code after a blank line, else the continuation of what came before.
      if (after_blank) before_ = Before::Unsure;
      return;
    }
    const std::string_view rest = line.substr(at);
    if (opens_fence(rest)) {
      open_ = Open::Fence;
      return;
    }
    if (opens_html_block(rest)) {
      const bool closed = html_block_ends(rest.substr(1));
      open_ = closed ? Open::None : Open::Html;
      before_ = closed ? Before::Closed : Before::Paragraph;
      return;
    }
    if (const auto label = definition_label(rest)) {
      read_definition(line, *label);
      return;
    }
    if (contained_definition(rest)) plan_.whole = true;  // "> [a]: /b": not placed by this scanner
    if (rest[0] == '#' || is_break(rest)) {
      before_ = Before::Closed;
    } else if (rest.find('|') != std::string_view::npos || is_underline(rest)) {
      before_ = Before::Unsure;  // a table row or a setext underline
    } else {
      before_ = Before::Paragraph;
    }
  }

  void read_definition(std::string_view line, std::string_view label) {
    if (before_ == Before::Unsure) {
      plan_.whole = true;
      return;
    }
    if (before_ == Before::Paragraph) return;  // the continuation of a paragraph
    std::string key;
    for (const char c : label) {
      if (is_ascii_blank(c)) {
        if (!key.empty() && key.back() != ' ') key.push_back(' ');
      } else {
        key.push_back(to_ascii_lower(c));
      }
    }
    if (!labels_.insert(key).second) {
      plan_.whole = true;  // the first definition wins: a piece holding the second would differ
      return;
    }
    // After a blank line: a definition md4c rejects must not take the next one with it.
    plan_.definitions.append("\n").append(line).push_back('\n');
    const std::string_view after = trim_start(line.substr(line.find("]:") + 2));
    // The destination or a title may follow on the next line.
    definition_continues_ = true;
    wants_more_ = after.empty();
    if (std::count(after.begin(), after.end(), '"') % 2 == 1) plan_.whole = true;
    before_ = Before::Closed;
  }

  // "[label]:" at the start of `rest`: the label.
  static std::optional<std::string_view> definition_label(std::string_view rest) {
    if (rest.empty() || rest[0] != '[') return std::nullopt;
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos || close == 1 || close + 1 >= rest.size() ||
        rest[close + 1] != ':' || rest.substr(1, close - 1).find('[') != std::string_view::npos) {
      return std::nullopt;
    }
    return rest.substr(1, close - 1);
  }

  // A definition in a block quote or a list item.
  static bool contained_definition(std::string_view rest) {
    std::size_t at = 0;
    while (at < rest.size()) {
      const char c = rest[at];
      if (c == '>' || c == ' ' || c == '\t' || c == '-' || c == '+' || c == '*' || c == '.' ||
          c == ')' || is_ascii_digit(c)) {
        ++at;
      } else {
        break;
      }
    }
    return at > 0 && definition_label(rest.substr(at)).has_value();
  }

  // Not indented, printable ASCII first, not a list item (which would continue a list).
  static bool may_start_piece(std::string_view line) {
    const char first = line[0];
    if (first <= ' ' || first > '~') return false;
    const auto marker_end = [&](std::size_t at) {
      return at >= line.size() || line[at] == ' ' || line[at] == '\t';
    };
    if ((first == '-' || first == '+' || first == '*') && marker_end(1)) return false;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 10 && is_ascii_digit(line[digits])) ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        marker_end(digits + 1)) {
      return false;
    }
    return true;
  }

  static std::size_t indent_of(std::string_view line, std::size_t& at) {
    std::size_t columns = 0;
    for (at = 0; at < line.size() && (line[at] == ' ' || line[at] == '\t'); ++at) {
      columns = line[at] == '\t' ? columns + 4 - columns % 4 : columns + 1;
    }
    return columns;
  }

  bool opens_fence(std::string_view rest) {
    const char mark = rest[0];
    if (mark != '`' && mark != '~') return false;
    std::size_t run = 0;
    while (run < rest.size() && rest[run] == mark) ++run;
    if (run < 3) return false;
    if (mark == '`' && rest.find('`', run) != std::string_view::npos) return false;
    fence_ = rest.substr(0, run);
    fence_text_.assign(fence_);
    fence_ = fence_text_;
    return true;
  }

  bool closes_fence(std::string_view line) const {
    std::size_t at = 0;
    if (indent_of(line, at) >= 4) return false;
    std::size_t run = 0;
    while (at + run < line.size() && line[at + run] == fence_[0]) ++run;
    return run >= fence_.size() && trim_end(line.substr(at + run)).empty();
  }

  // HTML blocks of types 1 to 5, which end at a marker rather than a blank line.
  bool opens_html_block(std::string_view rest) {
    if (rest[0] != '<') return false;
    static constexpr std::array<std::string_view, 4> kRawTags = {"script", "pre", "style",
                                                                 "textarea"};
    for (const std::string_view tag : kRawTags) {
      if (!starts_with_ignoring_ascii_case(rest.substr(1), tag)) continue;
      const std::size_t after = 1 + tag.size();
      if (after == rest.size() || rest[after] == ' ' || rest[after] == '\t' || rest[after] == '>') {
        html_end_ = "raw";
        return true;
      }
    }
    if (rest.starts_with("<!--")) {
      html_end_ = "-->";
    } else if (rest.starts_with("<?")) {
      html_end_ = "?>";
    } else if (rest.starts_with("<![CDATA[")) {
      html_end_ = "]]>";
    } else if (rest.size() > 2 && rest[1] == '!' && is_ascii_letter(rest[2])) {
      html_end_ = ">";
    } else {
      return false;
    }
    return true;
  }

  bool html_block_ends(std::string_view line) const {
    if (html_end_ != "raw") return line.find(html_end_) != std::string_view::npos;
    return contains_ignoring_ascii_case(line, "</script>") ||
           contains_ignoring_ascii_case(line, "</pre>") ||
           contains_ignoring_ascii_case(line, "</style>") ||
           contains_ignoring_ascii_case(line, "</textarea>");
  }

  static bool is_break(std::string_view rest) {
    const char mark = rest[0];
    if (mark != '*' && mark != '-' && mark != '_') return false;
    std::size_t marks = 0;
    for (const char c : rest) {
      if (c == mark) {
        ++marks;
      } else if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return marks >= 3;
  }

  static bool is_underline(std::string_view rest) {
    const std::string_view trimmed = trim_end(rest);
    return !trimmed.empty() && (trimmed.find_first_not_of('=') == std::string_view::npos ||
                                trimmed.find_first_not_of('-') == std::string_view::npos);
  }

  static std::string_view trim_end(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
  }
  static std::string_view trim_start(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return text;
  }

  MarkupPlan plan_;
  bool first_line_ = true;
  bool after_blank_ = true;
  Before before_ = Before::Closed;
  Open open_ = Open::None;
  std::string_view fence_;  // of the open fence or front matter
  std::string fence_text_;
  std::string_view html_end_;
  bool definition_continues_ = false;
  bool wants_more_ = false;  // a definition with no destination yet
  std::set<std::string> labels_;
  std::uint64_t piece_start_ = 0;
};

// HTML, a byte at a time: a tokenizer just good enough to know which elements are open.
class HtmlCuts : public CutFinder {
 public:
  void read(std::string_view lines, std::uint64_t offset) override {
    for_each_line(lines, [&](std::string_view line, std::size_t at) {
      if (plan_.whole) return;
      if (may_suppress(line)) {
        plan_.whole = true;
        return;
      }
      maybe_cut(line, offset + at);
      for (const char c : line) step(c);
    });
  }

  MarkupPlan finish() override {
    if (plan_.whole) plan_.cuts.clear();
    return std::move(plan_);
  }

 private:
  enum class State { Data, TagOpen, TagName, InTag, Comment, Bogus, RawText };

  void maybe_cut(std::string_view line, std::uint64_t offset) {
    if (state_ != State::Data || leaked_ || offset < piece_start_ + kMarkupPieceBytes) return;
    if (!(open_.empty() || (open_.size() == 1 && open_[0] == "p"))) return;
    std::size_t at = 0;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at + 1 >= line.size() || line[at] != '<') return;
    std::size_t end = at + 1;
    while (end < line.size() && (is_ascii_letter(line[end]) || is_ascii_digit(line[end]))) ++end;
    const std::string name = lower(line.substr(at + 1, end - at - 1));
    if (end == line.size() ||
        !(line[end] == '>' || line[end] == '/' || is_ascii_blank(line[end])) ||
        !closes_paragraph(name) ||
        (name == "table" && !open_.empty())) {  // in quirks mode a table opens inside a p
      return;
    }
    plan_.cuts.push_back(offset);
    piece_start_ = offset;
    open_.clear();  // the block closes the paragraph
  }

  static bool closes_paragraph(std::string_view name) {
    static const std::set<std::string_view> kBlocks = {
        "address",  "article", "aside",  "blockquote", "details", "div",  "dl",
        "fieldset", "figure",  "footer", "form",       "h1",      "h2",   "h3",
        "h4",       "h5",      "h6",     "header",     "hr",      "main", "nav",
        "ol",       "p",       "pre",    "section",    "table",   "ul"};
    return kBlocks.contains(name);
  }

  void step(char c) {
    switch (state_) {
      case State::Data:
        if (c == '<') {
          state_ = State::TagOpen;
          token_.clear();
        } else if (!is_ascii_blank(c) && !open_.empty() && open_.back() == "head") {
          open_.pop_back();  // text ends the head
        }
        break;
      case State::TagOpen:
        token_.push_back(c);
        if (token_ == "!--") {
          state_ = State::Comment;
          token_.clear();
        } else if (token_.size() == 1 && (is_ascii_letter(c) || c == '/')) {
          state_ = State::TagName;
        } else if (token_.size() == 1 && (c == '!' || c == '?')) {
          // "<!-" may still become a comment
        } else if (token_.size() == 2 && token_ == "!-") {
        } else if (token_[0] == '!' || token_[0] == '?') {
          state_ = State::Bogus;
          bogus_.clear();
          bogus_.push_back('<');
          bogus_.append(token_);
          if (c == '>') end_bogus();
        } else {
          state_ = c == '<' ? State::TagOpen : State::Data;  // "<" in text
          token_.clear();
        }
        break;
      case State::TagName:
        if (is_ascii_blank(c) || c == '>' || c == '/') {
          state_ = State::InTag;
          name_ = lower(token_);
          self_closing_ = c == '/';
          quote_ = 0;
          if (c == '>') end_tag();
        } else {
          token_.push_back(c);
        }
        break;
      case State::InTag:
        if (quote_ != 0) {
          if (c == quote_) quote_ = 0;
        } else if (c == '"' || c == '\'') {
          quote_ = c;
        } else if (c == '>') {
          end_tag();
        } else if (c == '/') {
          self_closing_ = true;
        } else if (!is_ascii_blank(c)) {
          self_closing_ = false;
        }
        break;
      case State::Comment:
        token_.push_back(c);
        if (token_.size() > 3) token_.erase(0, token_.size() - 3);
        if (c == '>' && (token_.ends_with("-->") || token_.ends_with("--!>"))) state_ = State::Data;
        break;
      case State::Bogus:
        if (bogus_.size() < 4096) bogus_.push_back(c);
        if (c == '>') end_bogus();
        break;
      case State::RawText:
        token_.push_back(to_ascii_lower(c));
        if (token_.size() > raw_end_.size() + 1)
          token_.erase(0, token_.size() - raw_end_.size() - 1);
        if (token_.size() == raw_end_.size() + 1 && token_.starts_with(raw_end_) &&
            (is_ascii_blank(c) || c == '>' || c == '/')) {
          state_ = c == '>' ? State::Data : State::InTag;
          name_ = raw_end_.substr(1);  // "/script"
          if (state_ == State::Data) end_tag();
        }
        break;
    }
  }

  // "<!doctype html>" before any element is the page's; it goes before each later piece.
  void end_bogus() {
    state_ = State::Data;
    if (!seen_element_ && plan_.doctype.empty() &&
        starts_with_ignoring_ascii_case(bogus_, "<!doctype")) {
      plan_.doctype = bogus_;
    }
  }

  void end_tag() {
    state_ = State::Data;
    seen_element_ = true;
    if (name_.starts_with("/")) {
      close(name_.substr(1));
    } else {
      open(name_);
    }
  }

  void open(const std::string& name) {
    static const std::set<std::string_view> kVoid = {
        "area", "base",  "basefont", "bgsound", "br",   "col",   "embed",  "frame", "hr",
        "img",  "input", "keygen",   "link",    "meta", "param", "source", "track", "wbr"};
    static const std::set<std::string_view> kRaw = {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};
    static const std::set<std::string_view> kInHead = {"title",    "meta",   "link",     "base",
                                                       "script",   "style",  "noscript", "template",
                                                       "basefont", "bgsound"};
    if (name == "html" || name == "body") {
      if (name == "body" && !open_.empty() && open_.back() == "head") open_.pop_back();
      return;
    }
    if (!open_.empty() && open_.back() == "head" && !kInHead.contains(name)) open_.pop_back();
    if (name == "plaintext") leaked_ = true;  // the rest of the page is its text
    if (kRaw.contains(name)) {
      state_ = State::RawText;
      raw_end_ = "</" + name;
      token_.clear();
      return;
    }
    if (kVoid.contains(name)) return;
    const bool foreign = std::find_if(open_.begin(), open_.end(), [](const std::string& e) {
                           return e == "svg" || e == "math";
                         }) != open_.end();
    if (self_closing_ && (foreign || name == "svg" || name == "math")) return;
    // A tag that implies the end of an open one of its kind.
    if (!open_.empty() &&
        ((closes_paragraph(name) && open_.back() == "p") ||
         (name == "li" && open_.back() == "li") ||
         ((name == "dt" || name == "dd") && (open_.back() == "dt" || open_.back() == "dd")) ||
         (name == "option" && open_.back() == "option"))) {
      open_.pop_back();
    } else if (closes_paragraph(name) &&
               std::find(open_.begin(), open_.end(), "p") != open_.end()) {
      leaked_ = true;  // a paragraph closed under other elements: not modelled
    }
    open_.push_back(name);
  }

  void close(std::string_view name) {
    if (name == "html" || name == "body") return;
    const auto found = std::find(open_.rbegin(), open_.rend(), name);
    if (found == open_.rend()) return;  // a stray end tag: ignored
    const auto from = found.base() - 1;
    static const std::set<std::string_view> kFormatting = {
        "a",    "b", "big",   "code",   "em",     "font", "i",
        "nobr", "s", "small", "strike", "strong", "tt",   "u"};
    static const std::set<std::string_view> kMarkers = {"td",     "th",      "caption", "template",
                                                        "object", "marquee", "applet"};
    // "<b><div>x</b>": gumbo's adoption agency moves the div, which stays open.
    if (kFormatting.contains(name) && from + 1 != open_.end()) leaked_ = true;
    bool marker = kMarkers.contains(name);
    for (auto element = from + 1; element != open_.end(); ++element) {
      if (kMarkers.contains(*element)) marker = true;
      // Closed implicitly: gumbo reopens it in what follows, unless a cell or the like ends it.
      if (kFormatting.contains(*element) && !marker) leaked_ = true;
    }
    open_.erase(from, open_.end());
  }

  static std::string lower(std::string_view text) {
    std::string out;
    for (const char c : text) out.push_back(to_ascii_lower(c));
    return out;
  }

  MarkupPlan plan_;
  State state_ = State::Data;
  std::string token_;
  std::string name_;
  std::string bogus_;
  std::string raw_end_;
  char quote_ = 0;
  bool self_closing_ = false;
  bool seen_element_ = false;
  bool leaked_ = false;
  std::vector<std::string> open_;
  std::uint64_t piece_start_ = 0;
};

}  // namespace

std::unique_ptr<CutFinder> make_cut_finder(Syntax syntax) {
  if (syntax == Syntax::Html) return std::make_unique<HtmlCuts>();
  return std::make_unique<MarkdownCuts>();
}

}  // namespace copydesk
