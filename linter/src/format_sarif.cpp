// SARIF 2.1.0 (OASIS): one run, the tool's rule metadata, one result per finding, fixes as
// replacements, written as the findings come; the invocation comes last.

#include <algorithm>

#include "copydesk/text.hpp"
#include "copydesk/version.hpp"
#include "formatters.hpp"

namespace copydesk {
namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "warning";
}

// A path as a relative URI reference (RFC 3986): unreserved characters and '/' stay, everything
// else (spaces, non-ASCII bytes, '%', '#', '?') is percent-encoded; absolute paths become file
// URIs. Code scanning resolves relative URIs against the checkout, so "news/a.txt" stays as given.
std::string path_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = path.starts_with('/') ? "file://" : "";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                      c == '~' || c == '/';
    if (keep) {
      uri.push_back(c);
    } else {
      uri.push_back('%');
      uri.push_back(kHex[byte >> 4]);
      uri.push_back(kHex[byte & 0xF]);
    }
  }
  return uri;
}

// The first paragraph of the "## What it does" section of a rule's Markdown doc, on one line;
// empty when the doc has no such section.
std::string what_it_does(std::string_view doc) {
  const std::string_view heading = "## What it does";
  const auto at = doc.find(heading);
  if (at == std::string_view::npos) return {};
  std::string_view rest = doc.substr(at + heading.size());
  rest = rest.substr(std::min(rest.find_first_not_of("\r\n"), rest.size()));
  // The first paragraph only: the rest (lists, examples) is in `help`.
  if (const auto next = rest.find("\n\n"); next != std::string_view::npos)
    rest = rest.substr(0, next);
  if (const auto next = rest.find("\r\n\r\n"); next != std::string_view::npos)
    rest = rest.substr(0, next);
  std::string text;
  bool space = false;
  for (const char c : rest) {
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
      space = !text.empty();
    } else {
      if (space) text.push_back(' ');
      space = false;
      text.push_back(c);
    }
  }
  return text;
}

// Turns byte offsets into SARIF character offsets: Unicode code points from the start of the
// file, a leading byte-order mark not counted (as in the columns). Offsets are resolved in one
// sweep over the kept text per file.
class CharOffsets {
 public:
  CharOffsets(const SourceView& source, std::vector<std::uint32_t> offsets) {
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    const SourceView::Chunk* chunk = nullptr;
    std::size_t byte = 0;  // within `chunk`
    std::uint64_t chars = 0;
    for (const std::uint32_t offset : offsets) {
      const SourceView::Chunk& here = source.chunk_of(offset);
      if (&here != chunk) {
        chunk = &here;
        byte = chunk->offset == 0 ? byte_order_mark_size(chunk->text) : 0;
        chars = chunk->chars_before;
      }
      const std::size_t end = std::min<std::size_t>(offset - chunk->offset, chunk->text.size());
      for (; byte < end; ++byte) {
        if ((static_cast<unsigned char>(chunk->text[byte]) & 0xC0) != 0x80) ++chars;
      }
      map_.emplace_back(offset, chars);
    }
  }
  std::uint64_t operator()(std::uint32_t offset) const {
    const auto it = std::lower_bound(map_.begin(), map_.end(), std::pair{offset, std::uint64_t{0}});
    return it == map_.end() ? 0 : it->second;
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint64_t>> map_;
};

Json region_json(Span span, const SourceView& source, const CharOffsets& chars) {
  const Position start = source.position(span.begin);
  const Position end = source.position(span.end);
  return Json{{"startLine", start.line},
              {"startColumn", start.column},
              {"endLine", end.line},
              {"endColumn", end.column},
              {"charOffset", chars(span.begin)},
              {"charLength", chars(span.end) - chars(span.begin)},
              {"byteOffset", span.begin},
              {"byteLength", span.end - span.begin}};
}

// Stands for a value written later in the log's skeleton (see SarifFormatter::begin).
constexpr std::string_view kResultsMark = "\"copydesk:results\"";
constexpr std::string_view kInvocationsMark = "\"copydesk:invocations\"";

// `value` dumped as it would be inside the log, `depth` spaces in: each line after the first
// indented by as much. (JSON strings hold no raw line break, so every line break is layout.)
std::string nested_dump(const Json& value, std::size_t depth) {
  const std::string dumped = value.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string nested;
  nested.reserve(dumped.size() + dumped.size() / 8);
  for (const char c : dumped) {
    nested.push_back(c);
    if (c == '\n') nested.append(depth, ' ');
  }
  return nested;
}

// The results are written as they come, so that a run with millions of findings keeps none of
// them: only the invocation (whether every input was linted, and the notifications of those
// that were not, which are few) waits for the end, after the results.
class SarifFormatter : public Formatter {
 public:
  SarifFormatter(std::ostream& out, const FormatOptions& options)
      : out_(out),
        rules_(options.rules),
        version_(options.version.empty() ? std::string_view(kVersion) : options.version) {
    for (const auto& rule : rules_) {
      rule_index_.emplace(rule.id, rule_index_.size());
    }
  }

  // The log is dumped once with marks where the results and the invocation go; the text
  // between them is written around the results.
  void begin() override {
    if (begun_) return;
    begun_ = true;
    const std::string skeleton =
        skeleton_json().dump(2, ' ', false, Json::error_handler_t::replace);
    const std::size_t results = skeleton.find(kResultsMark);
    const std::size_t invocations = skeleton.find(kInvocationsMark);
    out_ << skeleton.substr(0, results) << '[';
    between_ =
        skeleton.substr(results + kResultsMark.size(), invocations - results - kResultsMark.size());
    after_ = skeleton.substr(invocations + kInvocationsMark.size());
  }

  void file(const FileResult& result) override {
    begin();
    const std::string uri = path_uri(result.path);
    if (result.error) {
      // An input that could not be linted is a tool execution notification, not a result.
      Json notification{
          {"level", result.skipped ? "note" : "error"},
          {"message", {{"text", result.path + ": " + *result.error}}},
          {"locations",
           Json::array({Json{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}}})}};
      notifications_.push_back(std::move(notification));
      if (!result.skipped) execution_successful_ = false;
    }
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    std::vector<std::uint32_t> offsets;
    for (const auto& diagnostic : result.diagnostics) {
      offsets.push_back(diagnostic.span.begin);
      offsets.push_back(diagnostic.span.end);
      if (diagnostic.fix) {
        for (const auto& edit : diagnostic.fix->edits) {
          offsets.push_back(edit.span.begin);
          offsets.push_back(edit.span.end);
        }
      }
    }
    const CharOffsets chars(source, std::move(offsets));
    for (const auto& diagnostic : result.diagnostics) {
      out_ << (any_result_ ? ",\n        " : "\n        ")
           << nested_dump(result_json(diagnostic, uri, source, chars), 8);
      any_result_ = true;
    }
  }

  void end(const Summary& summary) override {
    (void)summary;
    begin();
    Json invocation{{"executionSuccessful", execution_successful_}};
    if (!notifications_.empty())
      invocation["toolExecutionNotifications"] = std::move(notifications_);
    out_ << (any_result_ ? "\n      ]" : "]") << between_
         << nested_dump(Json::array({std::move(invocation)}), 6) << after_ << '\n';
  }

 private:
  // The log without its results and invocation: marks stand for them.
  Json skeleton_json() const {
    Json rules = Json::array();
    for (const auto& rule : rules_) {
      const std::string& doc = rule.doc;
      std::string full = what_it_does(doc);
      if (full.empty()) full = rule.summary;
      rules.push_back(Json{
          {"id", rule.id},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription", {{"text", full}}},
          {"help", {{"text", doc}, {"markdown", doc}}},
          {"defaultConfiguration",
           {{"enabled", rule.enabled_by_default}, {"level", sarif_level(rule.default_severity)}}},
          {"properties", {{"category", rule.category}, {"fixable", rule.has_fix}}}});
    }
    const auto mark = [](std::string_view quoted) {
      return std::string(quoted.substr(1, quoted.size() - 2));
    };
    return Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({Json{{"tool",
                                            {{"driver",
                                              {{"name", "copydesk"},
                                               {"version", version_},
                                               {"semanticVersion", version_},
                                               {"informationUri", kHomepage},
                                               {"rules", std::move(rules)}}}}},
                                           {"columnKind", "unicodeCodePoints"},
                                           {"results", mark(kResultsMark)},
                                           {"invocations", mark(kInvocationsMark)}}})}};
  }

  Json result_json(const Diagnostic& diagnostic, const std::string& uri, const SourceView& source,
                   const CharOffsets& chars) const {
    Json entry{{"ruleId", diagnostic.rule}};
    if (const auto it = rule_index_.find(diagnostic.rule); it != rule_index_.end()) {
      entry["ruleIndex"] = it->second;
    }
    entry["level"] = sarif_level(diagnostic.severity);
    entry["message"] = {{"text", diagnostic.message}};
    entry["locations"] =
        Json::array({Json{{"physicalLocation",
                           {{"artifactLocation", {{"uri", uri}}},
                            {"region", region_json(diagnostic.span, source, chars)}}}}});
    if (diagnostic.fix) {
      Json replacements = Json::array();
      for (const auto& edit : diagnostic.fix->edits) {
        replacements.push_back(Json{{"deletedRegion", region_json(edit.span, source, chars)},
                                    {"insertedContent", {{"text", edit.replacement}}}});
      }
      entry["fixes"] = Json::array({Json{
          {"description", {{"text", diagnostic.fix->title}}},
          {"artifactChanges", Json::array({Json{{"artifactLocation", {{"uri", uri}}},
                                                {"replacements", std::move(replacements)}}})}}});
    }
    if (!diagnostic.suggestions.empty()) {
      entry["properties"] = {{"suggestions", diagnostic.suggestions}};
    }
    return entry;
  }

  std::ostream& out_;
  std::vector<RuleDescription> rules_;
  std::string version_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  std::string between_;  // the log's text between the results and the invocation
  std::string after_;    // and after the invocation
  bool begun_ = false;
  bool any_result_ = false;
  Json notifications_ = Json::array();
  bool execution_successful_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<SarifFormatter>(out, options);
}

}  // namespace copydesk
