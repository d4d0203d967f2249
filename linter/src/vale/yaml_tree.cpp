#include "copydesk/vale/yaml_tree.hpp"

#include <yaml.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <memory>

namespace copydesk::vale {
namespace {

YamlMark mark_of(const yaml_mark_t& mark) {
  return {.line = static_cast<int>(mark.line) + 1, .column = static_cast<int>(mark.column) + 1};
}

// An untagged plain scalar that YAML reads as null (an empty value among them).
bool is_null_scalar(const yaml_event_t& event) {
  if (event.data.scalar.tag != nullptr || event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
    return false;
  }
  const std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value),
                              event.data.scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Owns libyaml's parser state and turns its events into a tree.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw YamlError({}, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~TreeBuilder() { yaml_parser_delete(&parser_); }
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;

  YamlNode first_document() {
    for (;;) {
      Event event;
      next(event);
      if (event.get().type == YAML_STREAM_END_EVENT) return YamlNode::null();
      if (event.get().type == YAML_DOCUMENT_START_EVENT) break;
    }
    Event root;
    next(root);
    return node_from(root.get());
  }

 private:
  // One event, freed when it goes out of scope.
  class Event {
   public:
    Event() = default;
    ~Event() { yaml_event_delete(&event_); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    yaml_event_t& get() { return event_; }

   private:
    yaml_event_t event_{};
  };

  void next(Event& event) {
    if (!yaml_parser_parse(&parser_, &event.get())) {
      std::string problem = parser_.problem != nullptr ? parser_.problem : "bad YAML";
      if (parser_.context != nullptr) problem += std::string(" ") + parser_.context;
      throw YamlError(mark_of(parser_.problem_mark), problem);
    }
  }

  YamlNode node_from(yaml_event_t& event) {
    const YamlMark mark = mark_of(event.start_mark);
    switch (event.type) {
      case YAML_ALIAS_EVENT: {
        const auto anchored = anchors_.find(reinterpret_cast<const char*>(event.data.alias.anchor));
        if (anchored == anchors_.end()) throw YamlError(mark, "unknown anchor");
        return anchored->second;
      }
      case YAML_SCALAR_EVENT: {
        YamlNode node =
            is_null_scalar(event)
                ? YamlNode::null(mark)
                : YamlNode::scalar(
                      std::string(reinterpret_cast<const char*>(event.data.scalar.value),
                                  event.data.scalar.length),
                      mark);
        remember(event.data.scalar.anchor, node);
        return node;
      }
      case YAML_SEQUENCE_START_EVENT:
        return collection(YamlNode::sequence(mark), event.data.sequence_start.anchor,
                          YAML_SEQUENCE_END_EVENT);
      case YAML_MAPPING_START_EVENT:
        return collection(YamlNode::map(mark), event.data.mapping_start.anchor,
                          YAML_MAPPING_END_EVENT);
      default:
        throw YamlError(mark, "unexpected YAML event");
    }
  }

  YamlNode collection(YamlNode node, const yaml_char_t* anchor, yaml_event_type_t end) {
    const std::string name = anchor != nullptr ? reinterpret_cast<const char*>(anchor) : "";
    for (;;) {
      Event event;
      next(event);
      if (event.get().type == end) break;
      node.append(node_from(event.get()));
    }
    if (!name.empty()) anchors_[name] = node;
    return node;
  }

  void remember(const yaml_char_t* anchor, const YamlNode& node) {
    if (anchor != nullptr) anchors_[reinterpret_cast<const char*>(anchor)] = node;
  }

  yaml_parser_t parser_{};
  std::map<std::string, YamlNode, std::less<>> anchors_;
};

// yaml-cpp accepts "true", "TRUE" and "True", not "tRUE".
bool is_flexible_case(std::string_view text) {
  if (text.empty()) return true;
  const auto lower = [](char c) { return !std::isupper(static_cast<unsigned char>(c)); };
  const auto upper = [](char c) { return !std::islower(static_cast<unsigned char>(c)); };
  bool all_lower = true, all_upper = true, rest_lower = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    all_lower = all_lower && lower(text[i]);
    all_upper = all_upper && upper(text[i]);
    if (i > 0) rest_lower = rest_lower && lower(text[i]);
  }
  return all_lower || all_upper || (upper(text[0]) && rest_lower);
}

}  // namespace

YamlNode YamlNode::null(YamlMark mark) {
  YamlNode node;
  node.kind_ = Kind::Null;
  node.mark_ = mark;
  return node;
}

YamlNode YamlNode::scalar(std::string text, YamlMark mark) {
  YamlNode node;
  node.kind_ = Kind::Scalar;
  node.mark_ = mark;
  node.text_ = std::move(text);
  return node;
}

YamlNode YamlNode::sequence(YamlMark mark) {
  YamlNode node;
  node.kind_ = Kind::Sequence;
  node.mark_ = mark;
  return node;
}

YamlNode YamlNode::map(YamlMark mark) {
  YamlNode node;
  node.kind_ = Kind::Map;
  node.mark_ = mark;
  return node;
}

YamlNode YamlNode::strings(const std::vector<std::string>& items) {
  YamlNode node = sequence();
  for (const std::string& item : items) node.append(scalar(item));
  return node;
}

const YamlNode& YamlNode::operator[](std::string_view key) const {
  static const YamlNode absent;
  for (std::size_t entry = 0; entry < entry_count(); ++entry) {
    const YamlNode& name = key_at(entry);
    if (name.is_scalar() && name.text() == key) return value_at(entry);
  }
  return absent;
}

YamlNode& YamlNode::set(std::string_view key, YamlNode value) {
  for (std::size_t entry = 0; entry < entry_count(); ++entry) {
    if (key_at(entry).is_scalar() && key_at(entry).text() == key) {
      return children_[2 * entry + 1] = std::move(value);
    }
  }
  children_.push_back(scalar(std::string(key)));
  children_.push_back(std::move(value));
  return children_.back();
}

std::optional<bool> YamlNode::as_bool() const {
  if (!is_scalar() || !is_flexible_case(text_)) return std::nullopt;
  std::string lower = text_;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "true" || lower == "yes" || lower == "on" || lower == "y") return true;
  if (lower == "false" || lower == "no" || lower == "off" || lower == "n") return false;
  return std::nullopt;
}

std::optional<std::int64_t> YamlNode::as_integer() const {
  if (!is_scalar() || text_.empty() || std::isspace(static_cast<unsigned char>(text_[0]))) {
    return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text_.c_str(), &end, 0);
  if (errno != 0 || end == text_.c_str()) return std::nullopt;
  while (*end != '\0' && std::isspace(static_cast<unsigned char>(*end))) ++end;
  if (*end != '\0') return std::nullopt;
  return value;
}

namespace {

// The byte where `mark` (line and column in characters, from 1) points in `text`.
std::size_t offset_of(std::string_view text, YamlMark mark) {
  std::size_t at = 0;
  for (int line = 1; line < mark.line && at < text.size(); ++at) {
    if (text[at] == '\n') ++line;
  }
  for (int column = 1; column < mark.column && at < text.size(); ++column) {
    do ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  }
  return at;
}

}  // namespace

YamlNode parse_yaml(std::string_view text) {
  // yaml-cpp read "\'" in a double-quoted string as "'", which YAML does not define and
  // libyaml refuses (Joblint's Hair.yml in Vale's suite has one): each is dropped to its quote
  // and the file read again.
  std::string patched;
  for (;;) {
    try {
      return TreeBuilder(patched.empty() ? text : patched).first_document();
    } catch (const YamlError& error) {
      if (patched.empty()) patched = text;
      const std::size_t at = offset_of(patched, error.mark());
      const bool quote_escape =
          std::string_view(error.what()).starts_with("found unknown escape character") &&
          patched.compare(at, 2, "\\'") == 0;
      if (!quote_escape) throw;
      patched.erase(at, 1);
    }
  }
}

}  // namespace copydesk::vale
