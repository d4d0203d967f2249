#include "copydesk/glob.hpp"

#include <stdexcept>

#include "copydesk/text.hpp"

namespace copydesk {
namespace {

constexpr std::size_t kLongestPattern = 4096;

// Code points of `text`; a string that is not valid UTF-8 (a file name can be anything) is taken
// byte by byte, so that it can still be compared, if only with ASCII patterns.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  if (find_invalid_utf8(text)) {
    for (const char byte : text) out.push_back(static_cast<unsigned char>(byte));
    return out;
  }
  for (std::size_t i = 0; i < text.size();) {
    int length = 0;
    out.push_back(decode_at(text, i, length));
    i += static_cast<std::size_t>(length);
  }
  return out;
}

}  // namespace

Glob::Glob(std::string pattern) : pattern_(std::move(pattern)) {
  const auto invalid = [](const std::string& why) { throw std::invalid_argument(why); };
  if (pattern_.empty()) invalid("the pattern is empty");
  if (pattern_.size() > kLongestPattern) invalid("the pattern is longer than 4096 bytes");
  if (find_invalid_utf8(pattern_)) invalid("the pattern is not valid UTF-8");
  if (pattern_.find('\\') != std::string::npos) {
    invalid("backslashes are not allowed; separate folders with '/'");
  }
  std::string_view rest = pattern_;
  if (rest.starts_with("./")) {
    rest.remove_prefix(2);
    anchored_ = true;
  } else if (rest.starts_with('/')) {
    rest.remove_prefix(1);
    anchored_ = true;
  }
  if (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.empty()) invalid("the pattern names no file or folder");
  anchored_ = anchored_ || rest.find('/') != std::string_view::npos;

  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view name = rest.substr(0, slash);
    if (name.empty()) invalid("the pattern has an empty folder name ('//')");
    if (name == "." || name == "..") {
      invalid("'.' and '..' are not allowed: patterns are relative to the configuration's folder");
    }
    Segment segment;
    if (name == "**") {
      segment.any_folders = true;
    } else if (name.find("**") != std::string_view::npos) {
      invalid("'**' must be a whole folder name, as in 'news/**/*.md'");
    }
    const std::u32string characters = code_points(name);
    for (std::size_t i = 0; !segment.any_folders && i < characters.size(); ++i) {
      Item item;
      const char32_t c = characters[i];
      if (c == '*') {
        item.kind = Item::Kind::AnyRun;
      } else if (c == '?') {
        item.kind = Item::Kind::AnyOne;
      } else if (c == '[') {
        item.kind = Item::Kind::Class;
        std::size_t at = i + 1;
        if (at < characters.size() && (characters[at] == '!' || characters[at] == '^')) {
          item.negated = true;
          ++at;
        }
        const std::size_t close = characters.find(U']', at);
        if (close == std::u32string::npos) invalid("'[' without its closing ']'");
        if (close == at) invalid("'[]' matches nothing");
        for (std::size_t k = at; k < close; ++k) {
          if (k + 2 < close && characters[k + 1] == '-') {
            if (characters[k] > characters[k + 2]) invalid("a range in '[...]' runs backwards");
            item.ranges.emplace_back(characters[k], characters[k + 2]);
            k += 2;
          } else {
            item.ranges.emplace_back(characters[k], characters[k]);
          }
        }
        i = close;
      } else {
        item.literal = c;
      }
      segment.items.push_back(std::move(item));
    }
    segments_.push_back(std::move(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
}

bool Glob::segment_matches(const Segment& segment, const std::u32string& name) {
  const auto& items = segment.items;
  const auto one = [](const Item& item, char32_t c) {
    switch (item.kind) {
      case Item::Kind::Literal:
        return item.literal == c;
      case Item::Kind::AnyOne:
        return true;
      case Item::Kind::Class: {
        bool in = false;
        for (const auto& [low, high] : item.ranges) in = in || (low <= c && c <= high);
        return in != item.negated;
      }
      case Item::Kind::AnyRun:
        break;
    }
    return false;
  };
  // Backtracks only to the last '*': at most items x characters steps.
  std::size_t p = 0, s = 0, star = items.size(), resume = 0;
  while (s < name.size()) {
    if (p < items.size() && items[p].kind == Item::Kind::AnyRun) {
      star = p++;
      resume = s;
    } else if (p < items.size() && one(items[p], name[s])) {
      ++p;
      ++s;
    } else if (star != items.size()) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < items.size() && items[p].kind == Item::Kind::AnyRun) ++p;
  return p == items.size();
}

bool Glob::matches(std::string_view relative_path) const {
  std::vector<std::u32string> names;
  while (!relative_path.empty()) {
    const std::size_t slash = relative_path.find('/');
    const std::string_view name = relative_path.substr(0, slash);
    if (!name.empty()) names.push_back(code_points(name));
    if (slash == std::string_view::npos) break;
    relative_path.remove_prefix(slash + 1);
  }
  if (!anchored_) {
    for (const auto& name : names) {
      if (segments_[0].any_folders || segment_matches(segments_[0], name)) return true;
    }
    return false;
  }
  // reach[s][n]: the first s segments match the first n names. The pattern matches the path when
  // it matches the path or one of its folders, so any n counts.
  const std::size_t segment_count = segments_.size();
  std::vector<std::vector<char>> reach(segment_count + 1, std::vector<char>(names.size() + 1, 0));
  reach[0][0] = 1;
  for (std::size_t s = 0; s < segment_count; ++s) {
    for (std::size_t n = 0; n <= names.size(); ++n) {
      if (!reach[s][n]) continue;
      if (segments_[s].any_folders) {
        reach[s + 1][n] = 1;
        if (n < names.size()) reach[s][n + 1] = 1;
      } else if (n < names.size() && segment_matches(segments_[s], names[n])) {
        reach[s + 1][n + 1] = 1;
      }
    }
  }
  for (std::size_t n = 1; n <= names.size(); ++n) {
    if (reach[segment_count][n]) return true;
  }
  return false;
}

}  // namespace copydesk
