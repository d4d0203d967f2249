#include "formatters.hpp"

namespace copydesk {
namespace {

using Json = nlohmann::ordered_json;

Json position_json(const Position& position) {
  return Json{{"line", position.line},
              {"column", position.column},
              {"offset", position.offset},
              {"utf16", position.utf16}};
}

// File names need not be valid UTF-8; JSON strings must be: invalid bytes become U+FFFD
// rather than aborting the report.
std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

class JsonFormatter : public Formatter {
 public:
  explicit JsonFormatter(std::ostream& out) : out_(out) {}
  void begin() override { out_ << "{\"version\": 1, \"files\": ["; }
  void file(const FileResult& result) override {
    Json entry{{"path", result.path}};
    if (result.error) entry["error"] = *result.error;
    if (result.skipped) entry["skipped"] = true;
    Json diagnostics = Json::array();
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) {
      diagnostics.push_back(diagnostic_json(diagnostic, source));
    }
    entry["diagnostics"] = std::move(diagnostics);
    out_ << (first_ ? "\n  " : ",\n  ") << dump(entry);
    first_ = false;
  }
  void end(const Summary& summary) override {
    const Json totals{{"files", summary.files},
                      {"files_with_errors", summary.files_with_errors},
                      {"diagnostics", summary.diagnostics()},
                      {"errors", summary.errors},
                      {"warnings", summary.warnings},
                      {"infos", summary.infos}};
    out_ << (first_ ? "" : "\n") << "], \"summary\": " << dump(totals) << "}\n";
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

class JsonLinesFormatter : public Formatter {
 public:
  explicit JsonLinesFormatter(std::ostream& out) : out_(out) {}
  void file(const FileResult& result) override {
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) {
      Json line{{"path", result.path}};
      line.update(diagnostic_json(diagnostic, source));
      out_ << dump(line) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

Json diagnostic_json(const Diagnostic& diagnostic, const SourceView& source) {
  Json object{{"rule", diagnostic.rule},
              {"severity", std::string(to_string(diagnostic.severity))},
              {"message", diagnostic.message},
              {"start", position_json(source.position(diagnostic.span.begin))},
              {"end", position_json(source.position(diagnostic.span.end))},
              {"text", std::string(source.slice(diagnostic.span))},
              {"suggestions", diagnostic.suggestions}};
  if (diagnostic.fix) {
    Json edits = Json::array();
    for (const auto& edit : diagnostic.fix->edits) {
      edits.push_back(Json{{"start", edit.span.begin},
                           {"end", edit.span.end},
                           {"replacement", edit.replacement}});
    }
    object["fix"] = Json{{"title", diagnostic.fix->title},
                         {"safe", diagnostic.fix->safe},
                         {"edits", std::move(edits)}};
  }
  return object;
}

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out) {
  return std::make_unique<JsonFormatter>(out);
}

std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out) {
  return std::make_unique<JsonLinesFormatter>(out);
}

}  // namespace copydesk
