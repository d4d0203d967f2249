// Vale's comments and ignore settings, applied to the style rules' findings in the source.

#include "copydesk/vale/ignores.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"

namespace copydesk::vale {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> items;
  for (std::size_t begin = 0; begin <= text.size();) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    if (const std::string_view item = trimmed(text.substr(begin, end - begin)); !item.empty()) {
      items.emplace_back(item);
    }
    begin = end + 1;
  }
  return items;
}

// The quoted texts of `["a", "b"]` (without its brackets).
std::vector<std::string> quoted_list(std::string_view text) {
  std::vector<std::string> items;
  for (std::string& item : comma_list(text)) {
    if (item.size() >= 2 && item.front() == '"' && item.back() == '"') {
      items.push_back(item.substr(1, item.size() - 2));
    }
  }
  return items;
}

// The body of one comment ("vale Style.Rule = NO"), read; nullopt when it says nothing Vale
// understands.
std::optional<ValeComment> read_comment(std::string_view body, std::uint32_t from) {
  if (!body.starts_with("vale ")) return std::nullopt;
  const std::string_view said = trimmed(body.substr(5));
  ValeComment comment{.from = from};
  if (said == "off" || said == "on") {
    comment.kind = said == "off" ? ValeComment::Kind::Off : ValeComment::Kind::On;
    return comment;
  }
  const std::size_t equals = said.find('=');
  if (equals == npos) return std::nullopt;
  std::string_view name = trimmed(said.substr(0, equals));
  const std::string_view value = trimmed(said.substr(equals + 1));
  if (name == "style" || name == "styles") {
    comment.kind = ValeComment::Kind::Styles;
    comment.styles = comma_list(value);
    return comment;
  }
  if (value != "YES" && value != "NO") return std::nullopt;
  comment.enabled = value == "YES";
  if (const std::size_t open = name.find('['); open != npos && name.back() == ']') {
    comment.matches = quoted_list(name.substr(open + 1, name.size() - open - 2));
    name = name.substr(0, open);
  }
  comment.kind = name.find('.') == npos ? ValeComment::Kind::Style : ValeComment::Kind::Rule;
  comment.name = std::string(name);
  return comment;
}

std::string_view style_of(std::string_view rule_id) { return rule_id.substr(0, rule_id.find('.')); }

// Sorted, overlapping ranges merged, so that one binary search answers whether a span touches
// any.
std::vector<Span> merged(std::vector<Span> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](Span a, Span b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  std::vector<Span> out;
  for (const Span range : ranges) {
    if (!out.empty() && range.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, range.end);
    } else {
      out.push_back(range);
    }
  }
  return out;
}

bool touches(const std::vector<Span>& ranges, Span span) {
  const auto after = std::partition_point(ranges.begin(), ranges.end(),
                                          [&](Span range) { return range.end <= span.begin; });
  return after != ranges.end() && after->begin < std::max(span.end, span.begin + 1);
}

struct ElementName {
  std::string_view name;
  MarkdownScope scope;
  int heading_level;
};

// The HTML names Vale's IgnoredScopes and SkippedScopes use, as the Markdown elements they are.
constexpr ElementName kElementNames[] = {
    {"strong", MarkdownScope::Strong, 0}, {"b", MarkdownScope::Strong, 0},
    {"em", MarkdownScope::Emphasis, 0},   {"i", MarkdownScope::Emphasis, 0},
    {"a", MarkdownScope::Link, 0},        {"blockquote", MarkdownScope::Blockquote, 0},
    {"li", MarkdownScope::ListItem, 0},   {"th", MarkdownScope::TableHeader, 0},
    {"td", MarkdownScope::TableCell, 0},  {"h1", MarkdownScope::Heading, 1},
    {"h2", MarkdownScope::Heading, 2},    {"h3", MarkdownScope::Heading, 3},
    {"h4", MarkdownScope::Heading, 4},    {"h5", MarkdownScope::Heading, 5},
    {"h6", MarkdownScope::Heading, 6},
};

struct PlacedElement {
  MarkdownScope scope;
  int heading_level;
  Span span;  // in the source
};

// The Markdown elements of `source` with their places in it; none for other syntaxes.
std::vector<PlacedElement> placed_elements(std::string_view source, Syntax syntax) {
  std::vector<PlacedElement> placed;
  if (syntax != Syntax::Markdown) return placed;
  const auto size = static_cast<std::uint32_t>(source.size());
  for (const ScopedText& element : markdown_scopes(source)) {
    if (element.text.text.empty()) continue;
    const Span prose{0, static_cast<std::uint32_t>(element.text.text.size())};
    placed.push_back(
        {element.scope, element.heading_level, element.text.map.to_source(prose, size)});
  }
  return placed;
}

bool passes(const std::vector<ElementTest>& tests, const std::vector<PlacedElement>& elements,
            Span span) {
  return std::all_of(tests.begin(), tests.end(), [&](const ElementTest& test) {
    const bool inside =
        std::any_of(elements.begin(), elements.end(), [&](const PlacedElement& element) {
          return element.scope == test.element &&
                 (test.heading_level == 0 || element.heading_level == test.heading_level) &&
                 element.span.begin <= span.begin && span.end <= element.span.end;
        });
    return inside == test.inside;
  });
}

}  // namespace

std::vector<ValeComment> vale_comments(std::string_view source) {
  std::vector<ValeComment> comments;
  for (std::size_t open = source.find("<!--"); open != npos; open = source.find("<!--", open)) {
    const std::size_t close = source.find("-->", open + 4);
    if (close == npos) break;
    const auto end = static_cast<std::uint32_t>(close + 3);
    if (auto comment = read_comment(trimmed(source.substr(open + 4, close - open - 4)), end)) {
      comments.push_back(std::move(*comment));
    }
    open = end;
  }
  return comments;
}

bool turned_off(const std::vector<ValeComment>& comments, std::string_view rule_id,
                std::uint32_t at, std::string_view matched) {
  bool off = false;
  std::optional<bool> rule_off;
  std::optional<bool> style_off;
  const std::string_view style = style_of(rule_id);
  for (const ValeComment& comment : comments) {
    if (comment.from > at) break;
    switch (comment.kind) {
      case ValeComment::Kind::Off:
      case ValeComment::Kind::On:
        off = comment.kind == ValeComment::Kind::Off;
        break;
      case ValeComment::Kind::Rule:
        if (comment.name != rule_id) break;
        if (comment.matches.empty() || std::find(comment.matches.begin(), comment.matches.end(),
                                                 matched) != comment.matches.end()) {
          rule_off = !comment.enabled;
        }
        break;
      case ValeComment::Kind::Style:
        if (comment.name == style) style_off = !comment.enabled;
        break;
      case ValeComment::Kind::Styles:
        style_off =
            std::find(comment.styles.begin(), comment.styles.end(), style) == comment.styles.end();
        break;
    }
  }
  // A rule's own setting wins over its style's, as in the configuration.
  return off || rule_off.value_or(style_off.value_or(false));
}

struct StyleIgnores::SectionPatterns {
  std::vector<Pattern> patterns;  // its BlockIgnores and TokenIgnores
};

namespace {

Pattern compile_ignore(const StyleSettings& settings, const SettingsPattern& written) {
  try {
    return Pattern(written.source,
                   PatternOptions{.origin = settings.source.filename().string(), .jit = true});
  } catch (const PatternError& error) {
    throw StyleError(settings.source.string() + ":" + std::to_string(written.line) +
                     ": bad ignore pattern '" + written.source + "': " + error.what());
  }
}

}  // namespace

StyleIgnores::StyleIgnores(const StyleSettings& settings, ElementTests element_tests)
    : settings_(settings), element_tests_(std::move(element_tests)) {
  for (const StyleSection& section : settings.sections) {
    SectionPatterns& compiled = sections_.emplace_back();
    for (const auto* list : {&section.block_ignores, &section.token_ignores}) {
      for (const SettingsPattern& written : *list) {
        compiled.patterns.push_back(compile_ignore(settings, written));
      }
    }
  }
  for (const std::string& name : settings.ignored_elements) {
    for (const ElementName& known : kElementNames) {
      if (known.name == name) ignored_elements_.push_back({known.scope, known.heading_level});
    }
  }
}

StyleIgnores::~StyleIgnores() = default;

std::vector<Span> StyleIgnores::ignored(std::string_view path, std::string_view source,
                                        Syntax syntax) const {
  std::vector<Span> ranges;
  for (const StyleSection* section : sections_for(settings_, path)) {
    const auto index = static_cast<std::size_t>(section - settings_.sections.data());
    for (const Pattern& pattern : sections_[index].patterns) {
      for_each_match(pattern, source,
                     [&](const Groups& groups) { ranges.push_back(groups.spans[0]); });
    }
  }
  if (!ignored_elements_.empty()) {
    for (const PlacedElement& element : placed_elements(source, syntax)) {
      const bool ignored = std::any_of(
          ignored_elements_.begin(), ignored_elements_.end(), [&](const Element& wanted) {
            return wanted.scope == element.scope &&
                   (wanted.heading_level == 0 || wanted.heading_level == element.heading_level);
          });
      if (ignored) ranges.push_back(element.span);
    }
  }
  return merged(std::move(ranges));
}

void StyleIgnores::filter(std::string_view path, std::string_view source, Syntax syntax,
                          std::vector<Diagnostic>& diagnostics) const {
  const bool style_findings =
      std::any_of(diagnostics.begin(), diagnostics.end(),
                  [](const Diagnostic& d) { return d.rule.find('.') != std::string::npos; });
  if (!style_findings) return;
  const std::vector<ValeComment> comments =
      syntax == Syntax::Text ? std::vector<ValeComment>{} : vale_comments(source);
  const std::vector<Span> ranges = ignored(path, source, syntax);
  std::optional<std::vector<PlacedElement>> elements;  // parsed when a rule needs them
  std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
    if (diagnostic.rule.find('.') == std::string::npos) return false;  // copydesk's own rules
    if (touches(ranges, diagnostic.span) ||
        turned_off(comments, diagnostic.rule, diagnostic.span.begin, diagnostic.span.in(source))) {
      return true;
    }
    const auto tests = element_tests_.find(diagnostic.rule);
    if (tests == element_tests_.end()) return false;
    if (!elements) elements = placed_elements(source, syntax);
    return !passes(tests->second, *elements, diagnostic.span);
  });
}

}  // namespace copydesk::vale
