#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// A path pattern of copydesk.toml, matched against paths relative to the configuration file's
// directory, with '/' between folders:
//   *        any characters within one folder or file name
//   ?        any one character (a code point) except '/'
//   [abc]    one of these characters; [a-z] a range; [!abc] or [^abc] any other
//   **       a whole path segment: any number of folders, none included ("news/**/*.md")
// A pattern without '/' matches a name at any depth ("*.draft.md", "archive"); a pattern with a
// '/' is anchored to the configuration's directory ("news/*.md"; a leading '/' or "./" anchors
// a single name). A pattern that matches a folder also matches everything in it.
class Glob {
 public:
  // Throws std::invalid_argument saying what is wrong with `pattern`.
  explicit Glob(std::string pattern);

  // `relative_path`: '/'-separated, without "." or ".." segments.
  bool matches(std::string_view relative_path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Item {
    enum class Kind : unsigned char { Literal, AnyOne, AnyRun, Class } kind = Kind::Literal;
    char32_t literal = 0;
    bool negated = false;
    std::vector<std::pair<char32_t, char32_t>> ranges;  // for Class: inclusive ranges
  };
  struct Segment {
    bool any_folders = false;  // "**"
    std::vector<Item> items;
  };

  static bool segment_matches(const Segment& segment, const std::u32string& name);

  std::string pattern_;
  std::vector<Segment> segments_;
  bool anchored_ = false;
};

}  // namespace copydesk
