#pragma once

// A YAML document as the style loader reads it: mappings, sequences and scalars, each with the
// line and column it starts at, so that a bad option can be reported where it is written.
// Parsed with libyaml's event API (yaml_tree.cpp): yaml-cpp's scanner cost 1,700 instructions
// a byte, over half of the start-up with the Microsoft and Google packages (bench/README.md).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::vale {

struct YamlMark {
  int line = 1;  // from 1
  int column = 1;
};

// A document libyaml cannot read: the problem and where it was found.
class YamlError : public std::runtime_error {
 public:
  YamlError(YamlMark mark, const std::string& problem) : std::runtime_error(problem), mark_(mark) {}
  YamlMark mark() const { return mark_; }

 private:
  YamlMark mark_;
};

class YamlNode {
 public:
  enum class Kind { Absent, Null, Scalar, Sequence, Map };

  YamlNode() = default;  // Absent: what a lookup of a missing key gives
  static YamlNode null(YamlMark mark = {});
  static YamlNode scalar(std::string text, YamlMark mark = {});
  static YamlNode sequence(YamlMark mark = {});
  static YamlNode map(YamlMark mark = {});
  static YamlNode strings(const std::vector<std::string>& items);

  Kind kind() const { return kind_; }
  explicit operator bool() const { return kind_ != Kind::Absent; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_map() const { return kind_ == Kind::Map; }
  YamlMark mark() const { return mark_; }
  const std::string& text() const { return text_; }  // a scalar's value

  // A sequence's items, or a mapping's keys and values alternating.
  const std::vector<YamlNode>& children() const { return children_; }
  std::size_t entry_count() const { return is_map() ? children_.size() / 2 : 0; }
  const YamlNode& key_at(std::size_t entry) const { return children_[2 * entry]; }
  const YamlNode& value_at(std::size_t entry) const { return children_[2 * entry + 1]; }
  // The value of the first entry whose key is `key`; Absent if none or not a mapping.
  const YamlNode& operator[](std::string_view key) const;

  void append(YamlNode item) { children_.push_back(std::move(item)); }
  // Adds an entry to a mapping (built in code: Vale.Avoid, Vale.Terms), or replaces its value.
  YamlNode& set(std::string_view key, YamlNode value);

  // A scalar read as yaml-cpp's conversions read it: true/false, yes/no, on/off, y/n in lower,
  // upper or capitalised case; a whole number in decimal, 0x hex or 0 octal.
  std::optional<bool> as_bool() const;
  std::optional<std::int64_t> as_integer() const;

 private:
  Kind kind_ = Kind::Absent;
  YamlMark mark_;
  std::string text_;
  std::vector<YamlNode> children_;
};

// The first document of `text` (Null if there is none). Aliases are expanded. Throws YamlError.
YamlNode parse_yaml(std::string_view text);

}  // namespace copydesk::vale
