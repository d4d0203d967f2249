#include "lsp_actions.hpp"

#include <toml++/toml.h>

#include <cctype>
#include <fstream>
#include <sstream>

namespace copydesk::lsp {
namespace {

using Json = nlohmann::json;

// Suggestions offered as quick fixes: the best few, as an editor's menu can show them.
constexpr std::size_t kMaxSuggestionActions = 5;

Json text_edit(const TextDocument& text, Span span, const std::string& replacement,
               PositionEncoding encoding) {
  return {{"range", range_json(text, span, encoding)}, {"newText", replacement}};
}

Json quick_fix(std::string title, const Json& diagnostic, Json edit) {
  return {{"title", std::move(title)},
          {"kind", "quickfix"},
          {"diagnostics", Json::array({diagnostic})},
          {"edit", std::move(edit)}};
}

Json changes_of(const std::string& uri, Json edits) {
  return {{"changes", {{uri, std::move(edits)}}}};
}

void add_fixes(const ActionContext& context, const Diagnostic& diagnostic, const Json& lsp,
               Json& actions) {
  if (diagnostic.fix) {
    Json edits = Json::array();
    for (const Edit& edit : diagnostic.fix->edits) {
      edits.push_back(text_edit(context.text, edit.span, edit.replacement, context.encoding));
    }
    Json action = quick_fix(diagnostic.fix->title, lsp, changes_of(context.uri, std::move(edits)));
    action["isPreferred"] = diagnostic.fix->safe;
    actions.push_back(std::move(action));
  }
  std::size_t offered = 0;
  for (const std::string& suggestion : diagnostic.suggestions) {
    if (offered == kMaxSuggestionActions) break;
    // The fix usually is the first suggestion: one action for both.
    if (diagnostic.fix && diagnostic.fix->edits.size() == 1 &&
        diagnostic.fix->edits[0].span == diagnostic.span &&
        diagnostic.fix->edits[0].replacement == suggestion) {
      continue;
    }
    ++offered;
    actions.push_back(
        quick_fix("Replace with `" + suggestion + "`", lsp,
                  changes_of(context.uri, Json::array({text_edit(context.text, diagnostic.span,
                                                                 suggestion, context.encoding)}))));
  }
}

// Where a whole-document directive goes: the top, or after Markdown front matter.
std::uint32_t directive_offset(const ActionContext& context) {
  const std::string_view text = context.text.text();
  if (context.syntax != Syntax::Markdown) return 0;
  for (const std::string_view fence : {std::string_view("---"), std::string_view("+++")}) {
    if (!text.starts_with(fence) || text.substr(fence.size(), 1) != "\n") continue;
    for (std::size_t at = text.find(fence, fence.size()); at != std::string_view::npos;
         at = text.find(fence, at + 1)) {
      if (text[at - 1] != '\n') continue;
      const std::size_t line_end = text.find('\n', at);
      return static_cast<std::uint32_t>(line_end == std::string_view::npos ? text.size()
                                                                           : line_end + 1);
    }
    return 0;
  }
  return 0;
}

void add_ignore(const ActionContext& context, const Diagnostic& diagnostic, const Json& lsp,
                Json& actions) {
  // No directive can hide these two (README, Inline suppression).
  if (diagnostic.rule == "unused-suppression" || diagnostic.rule == "invalid-suppression") return;
  const std::string newline = context.text.text().find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const std::string directive = context.syntax == Syntax::Markdown
                                    ? "<!-- copydesk-disable " + diagnostic.rule + " -->"
                                    : "copydesk-disable " + diagnostic.rule;
  const std::uint32_t at = directive_offset(context);
  actions.push_back(quick_fix(
      "Ignore `" + diagnostic.rule + "` in this document", lsp,
      changes_of(context.uri, Json::array({text_edit(context.text, Span{at, at},
                                                     directive + newline, context.encoding)}))));
}

// A TOML basic string: the form the README's examples use.
std::string toml_string(std::string_view word) {
  std::string quoted = "\"";
  for (const char c : word) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The offset in `text` of the start of 1-based `line`.
std::uint32_t line_start(const std::string& text, std::uint32_t line) {
  std::size_t at = 0;
  for (std::uint32_t i = 1; i < line && at != std::string::npos; ++i) at = text.find('\n', at) + 1;
  return static_cast<std::uint32_t>(std::min(at, text.size()));
}

// The edit that adds `word` to [words] accept in the configuration `text`; nullopt when the
// file is not one we can edit safely (a syntax error, an inline or dotted [words]).
std::optional<std::pair<Span, std::string>> word_insertion(const std::string& text,
                                                           std::string_view word) {
  toml::table parsed;
  try {
    parsed = toml::parse(text);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  const std::string quoted = toml_string(word);
  const toml::node* words = parsed.get("words");
  if (words == nullptr) {
    const bool ends_line = text.empty() || text.back() == '\n';
    const auto end = static_cast<std::uint32_t>(text.size());
    return std::pair{Span{end, end},
                     std::string(ends_line ? "" : "\n") + "\n[words]\naccept = [" + quoted + "]\n"};
  }
  const toml::table* table = words->as_table();
  if (table == nullptr || table->is_inline()) return std::nullopt;
  const toml::node* accept = table->get("accept");
  if (accept == nullptr) {
    const std::uint32_t at = line_start(text, table->source().begin.line + 1);
    const bool line_ended = at > 0 && text[at - 1] == '\n';
    return std::pair{Span{at, at},
                     std::string(line_ended ? "" : "\n") + "accept = [" + quoted + "]\n"};
  }
  const toml::array* list = accept->as_array();
  if (list == nullptr) return std::nullopt;
  const std::uint32_t line = line_start(text, list->source().begin.line);
  const std::size_t key = text.find("accept", line);
  const std::size_t bracket = key == std::string::npos ? key : text.find('[', key);
  if (bracket == std::string::npos) return std::nullopt;
  const auto at = static_cast<std::uint32_t>(bracket + 1);
  return std::pair{Span{at, at}, list->empty() ? quoted : quoted + ", "};
}

void add_word(const ActionContext& context, const Diagnostic& diagnostic, const Json& lsp,
              Json& actions) {
  if (diagnostic.rule != "misspelled-word" || context.config_file.empty()) return;
  const std::string word(diagnostic.span.in(context.text.text()));
  const std::string config_uri = uri_of(context.config_file);
  const std::string title = "Add `" + word + "` to the project's words";
  if (!context.config_exists) {
    if (!context.abilities.document_changes || !context.abilities.create_files) return;
    const TextDocument empty("");
    Json changes = Json::array(
        {{{"kind", "create"}, {"uri", config_uri}, {"options", {{"ignoreIfExists", true}}}},
         {{"textDocument", {{"uri", config_uri}, {"version", nullptr}}},
          {"edits",
           Json::array({text_edit(empty, Span{}, "[words]\naccept = [" + toml_string(word) + "]\n",
                                  context.encoding)})}}});
    actions.push_back(quick_fix(title + " (creates copydesk.toml)", lsp,
                                {{"documentChanges", std::move(changes)}}));
    return;
  }
  const std::optional<std::string> text =
      context.open_config_text ? context.open_config_text : read_whole(context.config_file);
  if (!text) return;
  const auto insertion = word_insertion(*text, word);
  if (!insertion) return;
  const TextDocument config(*text);
  actions.push_back(quick_fix(
      title, lsp,
      changes_of(config_uri, Json::array({text_edit(config, insertion->first, insertion->second,
                                                    context.encoding)}))));
}

}  // namespace

Json range_json(const TextDocument& text, Span span, PositionEncoding encoding) {
  const LspPosition start = text.position_of(span.begin, encoding);
  const LspPosition end = text.position_of(span.end, encoding);
  return {{"start", {{"line", start.line}, {"character", start.character}}},
          {"end", {{"line", end.line}, {"character", end.character}}}};
}

Json code_actions(const ActionContext& context, const std::vector<const Diagnostic*>& diagnostics) {
  Json actions = Json::array();
  for (const Diagnostic* diagnostic : diagnostics) {
    const Json lsp = context.to_lsp(*diagnostic);
    add_fixes(context, *diagnostic, lsp, actions);
    add_word(context, *diagnostic, lsp, actions);
    add_ignore(context, *diagnostic, lsp, actions);
  }
  return actions;
}

std::string uri_of(const std::filesystem::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const unsigned char c : path.string()) {
    if (std::isalnum(c) ||
        std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

std::filesystem::path path_of(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.rfind(kScheme, 0) != 0) return {};
  std::string path;
  for (std::size_t i = kScheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      path += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

}  // namespace copydesk::lsp
