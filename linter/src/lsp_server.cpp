#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "copydesk/lsp/framing.hpp"
#include "copydesk/lsp/server.hpp"
#include "copydesk/lsp/text_document.hpp"
#include "copydesk/vale/styles.hpp"
#include "copydesk/version.hpp"
#include "copydesk/workspace.hpp"
#include "lsp_actions.hpp"

namespace copydesk::lsp {
namespace {

using Json = nlohmann::json;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestCancelled = -32800;

enum class Phase : std::uint8_t { Starting, Running, ShutDown, Exited };

struct OpenDocument {
  std::string uri;
  std::filesystem::path path;  // empty for a document that is not a file ("untitled:")
  Syntax syntax = Syntax::Text;
  Json version;
  TextDocument text{""};
  bool to_publish = false;
  std::optional<FileResult> result;  // the findings on the current text, once linted
};

Syntax syntax_for(const std::string& language_id, const std::filesystem::path& path) {
  if (language_id == "markdown") return Syntax::Markdown;
  if (language_id == "plaintext" || language_id == "text") return Syntax::Text;
  return syntax_of(path);
}

// A request the server cannot answer as asked: the error of its reply.
struct RequestError {
  int code;
  std::string message;
};

std::string rule_doc_url(const std::string& rule) {
  std::string stem = rule;
  std::replace(stem.begin(), stem.end(), '-', '_');
  return std::string(kHomepage) + "/blob/main/rules/" + stem + ".md";
}

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Info:
      return 3;
  }
  return 3;
}

bool contains_string(const Json& array, const std::string& value) {
  return array.is_array() &&
         std::any_of(array.begin(), array.end(), [&](const Json& item) { return item == value; });
}

class Server {
 public:
  Server(int out_fd, const Registry& registry, ServerOptions options)
      : out_fd_(out_fd), registry_(registry), options_(options) {
    rebuild_workspace();
  }

  int run(MessageReader& reader);

 private:
  bool read_some(MessageReader& reader);
  void take(MessageReader::Result&& result);
  void dispatch(const Json& message);
  void request(const Json& id, const std::string& method, const Json& params);
  void notification(const std::string& method, const Json& params);
  Json answer(const std::string& method, const Json& params);

  Json initialize(const Json& params);
  void configure(const Json& settings);
  void register_watchers();
  void open(const Json& params);
  void change(const Json& params);
  void saved(const Json& params);
  Json pull_diagnostics(const Json& params);
  Json code_actions_for(const Json& params);
  std::vector<const Diagnostic*> diagnostics_in(const OpenDocument& open_document,
                                                const Json& range) const;
  void locate_config(const OpenDocument& open_document, ActionContext& context) const;
  // The byte offset of an LSP position object in `text`.
  std::uint32_t offset_in(const TextDocument& text, const Json& position) const {
    return text.offset_of({.line = position.at("line").get<std::uint32_t>(),
                           .character = position.at("character").get<std::uint32_t>()},
                          encoding_);
  }

  OpenDocument& document(const Json& params);
  const FileResult& lint(OpenDocument& document);
  Json to_lsp(const Diagnostic& diagnostic, const OpenDocument& document) const;
  Json diagnostics_of(OpenDocument& document);
  void publish_pending();
  void relint_all();
  void rebuild_workspace();
  Input input_of(const OpenDocument& document) const;

  void send(const Json& message);
  void reply(const Json& id, Json result);
  void reply_error(const Json& id, int code, const std::string& message);
  void notify(const std::string& method, Json params);

  int out_fd_;
  const Registry& registry_;
  ServerOptions options_;
  Phase phase_ = Phase::Starting;
  bool shutdown_requested_ = false;
  bool watch_configs_ = false;  // the client watches files for us when asked to
  bool output_closed_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  ClientAbilities abilities_;
  std::filesystem::path root_;
  CommandLineSettings settings_;
  std::unique_ptr<Workspace> workspace_;
  std::map<std::string, OpenDocument, std::less<>> documents_;  // by URI
  std::deque<Json> queue_;                                      // messages read, not yet handled
  std::set<std::string> cancelled_;  // ids (as JSON text) of queued requests to cancel
};

int Server::run(MessageReader& reader) {
  while (phase_ != Phase::Exited && !output_closed_) {
    if (queue_.empty()) {
      const bool pending = std::any_of(documents_.begin(), documents_.end(),
                                       [](const auto& entry) { return entry.second.to_publish; });
      if (pending && !reader.ready(options_.debounce_ms)) {
        publish_pending();
        continue;
      }
      if (!read_some(reader)) break;
      continue;
    }
    const Json message = std::move(queue_.front());
    queue_.pop_front();
    dispatch(message);
    // A cancellation of a request no longer queued came after its reply: nothing to do.
    if (queue_.empty()) cancelled_.clear();
  }
  return phase_ == Phase::Exited && shutdown_requested_ ? 0 : 1;
}

// Reads one message, waiting for it, then those already waiting; false at the end of input.
bool Server::read_some(MessageReader& reader) {
  do {
    MessageReader::Result result = reader.read();
    if (result.status == MessageReader::Status::End) return !queue_.empty();
    take(std::move(result));
  } while (reader.ready(0));
  return true;
}

void Server::take(MessageReader::Result&& result) {
  if (result.status != MessageReader::Status::Message) {
    reply_error(nullptr, kInvalidRequest, "ignored " + result.problem);
    return;
  }
  Json message = Json::parse(result.body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    reply_error(nullptr, kParseError, "the message is not valid JSON");
    return;
  }
  // Seen before the requests queued ahead of it are handled, so that those can be cancelled.
  if (message.is_object() && message.value("method", Json()) == "$/cancelRequest" &&
      message.contains("params") && message["params"].is_object() &&
      message["params"].contains("id")) {
    cancelled_.insert(message["params"]["id"].dump());
  }
  queue_.push_back(std::move(message));
}

void Server::dispatch(const Json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response to a request of ours (we send none that need one) is not an error.
    if (message.is_object() && message.contains("id") &&
        (message.contains("result") || message.contains("error"))) {
      return;
    }
    reply_error(nullptr, kInvalidRequest, "a message needs a string \"method\"");
    return;
  }
  const std::string method = message["method"];
  const Json params = message.value("params", Json::object());
  if (!message.contains("id")) {
    notification(method, params);
    return;
  }
  const Json& id = message["id"];
  if (!id.is_string() && !id.is_number_integer()) {
    reply_error(nullptr, kInvalidRequest, "a request's id is an integer or a string");
    return;
  }
  request(id, method, params);
}

void Server::request(const Json& id, const std::string& method, const Json& params) {
  if (cancelled_.erase(id.dump()) > 0) {
    reply_error(id, kRequestCancelled, "cancelled by the client");
    return;
  }
  if (phase_ == Phase::Starting && method != "initialize") {
    reply_error(id, kServerNotInitialized, "the server has not been initialized");
    return;
  }
  if (phase_ == Phase::ShutDown) {
    reply_error(id, kInvalidRequest, "the server is shut down");
    return;
  }
  try {
    reply(id, answer(method, params));
  } catch (const RequestError& error) {
    reply_error(id, error.code, error.message);
  } catch (const Json::exception& error) {
    reply_error(id, kInvalidParams, std::string("invalid params: ") + error.what());
  } catch (const std::exception& error) {
    reply_error(id, kInternalError, error.what());
  }
}

Json Server::answer(const std::string& method, const Json& params) {
  if (method == "initialize") {
    if (phase_ != Phase::Starting) throw RequestError{kInvalidRequest, "already initialized"};
    return initialize(params);
  }
  if (method == "shutdown") {
    phase_ = Phase::ShutDown;
    shutdown_requested_ = true;
    return nullptr;
  }
  if (!params.is_object()) throw RequestError{kInvalidParams, "params must be an object"};
  if (method == "textDocument/diagnostic") return pull_diagnostics(params);
  if (method == "textDocument/codeAction") return code_actions_for(params);
  throw RequestError{kMethodNotFound, "unknown method " + method};
}

void Server::notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    phase_ = Phase::Exited;
    return;
  }
  // Before initialize a notification is dropped; after shutdown only exit means anything.
  if (phase_ != Phase::Running) return;
  try {
    if (!params.is_object()) return;
    if (method == "initialized") register_watchers();
    if (method == "textDocument/didOpen") open(params);
    if (method == "textDocument/didChange") change(params);
    if (method == "textDocument/didClose") {
      const std::string uri = params.at("textDocument").at("uri");
      documents_.erase(uri);
      notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
    }
    if (method == "textDocument/didSave") saved(params);
    if (method == "workspace/didChangeWatchedFiles") {
      rebuild_workspace();
      relint_all();
    }
    if (method == "workspace/didChangeConfiguration") configure(params.value("settings", Json()));
  } catch (const std::exception& error) {
    // A notification has no reply: the client's log is the only place to say what went wrong.
    notify("window/logMessage",
           {{"type", 1}, {"message", "copydesk: ignored " + method + ": " + error.what()}});
  }
}

Json Server::initialize(const Json& params) {
  if (!params.is_object()) throw RequestError{kInvalidParams, "params must be an object"};
  const Json capabilities = params.value("capabilities", Json::object());
  const Json general = capabilities.value("general", Json::object());
  if (contains_string(general.value("positionEncodings", Json()), "utf-8")) {
    encoding_ = PositionEncoding::Utf8;
  }
  const Json edit =
      capabilities.value("workspace", Json::object()).value("workspaceEdit", Json::object());
  abilities_.document_changes = edit.value("documentChanges", false);
  abilities_.create_files = contains_string(edit.value("resourceOperations", Json()), "create");
  watch_configs_ = capabilities.value("workspace", Json::object())
                       .value("didChangeWatchedFiles", Json::object())
                       .value("dynamicRegistration", false);
  if (params.contains("rootUri") && params["rootUri"].is_string()) {
    root_ = path_of(params["rootUri"]);
  }
  configure(params.value("initializationOptions", Json()));
  phase_ = Phase::Running;
  return {{"capabilities",
           {{"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", true}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
            {"diagnosticProvider",
             {{"identifier", "copydesk"},
              {"interFileDependencies", false},
              {"workspaceDiagnostics", false}}}}},
          {"serverInfo", {{"name", "copydesk"}, {"version", kVersion}}}};
}

// Clients send didChangeWatchedFiles only for the files a server asked them to watch.
void Server::register_watchers() {
  if (!watch_configs_) return;
  // The house styles are configuration too: Vale's settings files and the YAML rules.
  const Json watcher =
      Json::array({{{"globPattern", "**/copydesk.toml"}},
                   {{"globPattern", "**/{.vale.ini,.vale,_vale,vale.ini,_vale.ini}"}},
                   {{"globPattern", "**/*.{yml,yaml}"}}});
  send({{"jsonrpc", "2.0"},
        {"id", "copydesk-watch-configuration"},
        {"method", "client/registerCapability"},
        {"params",
         {{"registrations",
           {{{"id", "copydesk-configuration"},
             {"method", "workspace/didChangeWatchedFiles"},
             {"registerOptions", {{"watchers", watcher}}}}}}}}});
}

// Settings from initializationOptions or didChangeConfiguration: {"language": "en_GB"}, also
// nested under "copydesk" as clients that share one settings tree send them.
void Server::configure(const Json& settings) {
  if (!settings.is_object()) return;
  const Json& ours = settings.contains("copydesk") ? settings["copydesk"] : settings;
  if (!ours.is_object() || !ours.contains("language")) return;
  if (ours["language"].is_string()) {
    settings_.options.language = ours["language"];
    settings_.language_given = true;
  } else if (ours["language"].is_null()) {
    settings_.options.language = EngineOptions{}.language;
    settings_.language_given = false;
  }
  rebuild_workspace();
  relint_all();
}

void Server::rebuild_workspace() { workspace_ = std::make_unique<Workspace>(registry_, settings_); }

void Server::relint_all() {
  for (auto& [uri, open_document] : documents_) {
    open_document.result.reset();
    open_document.to_publish = true;
  }
}

void Server::open(const Json& params) {
  const Json& item = params.at("textDocument");
  OpenDocument opened;
  opened.uri = item.at("uri").get<std::string>();
  opened.path = path_of(opened.uri);
  opened.syntax = syntax_for(item.value("languageId", ""), opened.path);
  opened.version = item.value("version", Json());
  opened.text.assign(item.at("text").get<std::string>());
  opened.to_publish = true;
  documents_.insert_or_assign(opened.uri, std::move(opened));
}

void Server::change(const Json& params) {
  OpenDocument& changed = document(params);
  // Checked whole before any is applied, so that a bad change leaves the text as it was.
  const Json& changes = params.at("contentChanges");
  if (!changes.is_array()) throw std::invalid_argument("contentChanges must be an array");
  TextDocument text = changed.text;
  for (const Json& change : changes) {
    const std::string replacement = change.at("text");
    if (!change.contains("range")) {
      text.assign(replacement);
      continue;
    }
    const Json& range = change["range"];
    text.replace(offset_in(text, range.at("start")), offset_in(text, range.at("end")), replacement);
  }
  changed.text = std::move(text);
  changed.version = params.at("textDocument").value("version", Json());
  changed.result.reset();
  changed.to_publish = true;
}

// A copydesk.toml, Vale settings file or style rule saved from the editor: reloaded even where
// the client watches no files.
void Server::saved(const Json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const std::filesystem::path path = path_of(uri);
  const bool style_rule = path.extension() == ".yml" || path.extension() == ".yaml";
  if (path.filename() != "copydesk.toml" && !vale::is_vale_config(path) && !style_rule) return;
  rebuild_workspace();
  relint_all();
}

OpenDocument& Server::document(const Json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const auto found = documents_.find(uri);
  if (found == documents_.end()) throw RequestError{kInvalidParams, "no open document " + uri};
  return found->second;
}

Input Server::input_of(const OpenDocument& open_document) const {
  Input input;
  input.display_path = open_document.path.empty() ? open_document.uri : open_document.path.string();
  input.path = open_document.path;
  input.from_stdin = open_document.path.empty();
  return input;
}

const FileResult& Server::lint(OpenDocument& open_document) {
  if (open_document.result) return *open_document.result;
  const Input input = input_of(open_document);
  try {
    const Engine& engine = workspace_->engine_for(input);
    open_document.result =
        engine.lint_text(input.display_path, open_document.text.text(), open_document.syntax);
  } catch (const std::exception& error) {
    // Shown where the writer looks: a broken configuration (or a dictionary that cannot be
    // loaded) is a finding on the document, and the server goes on.
    FileResult failed;
    failed.path = input.display_path;
    failed.error = error.what();
    open_document.result = std::move(failed);
  }
  return *open_document.result;
}

Json Server::to_lsp(const Diagnostic& diagnostic, const OpenDocument& open_document) const {
  Json item = {{"range", range_json(open_document.text, diagnostic.span, encoding_)},
               {"severity", lsp_severity(diagnostic.severity)},
               {"code", diagnostic.rule},
               {"source", "copydesk"},
               {"message", diagnostic.message}};
  // A house-style rule ("Style.Rule") has no page among copydesk's rule docs.
  if (diagnostic.rule.find('.') == std::string::npos) {
    item["codeDescription"] = {{"href", rule_doc_url(diagnostic.rule)}};
  }
  return item;
}

Json Server::diagnostics_of(OpenDocument& open_document) {
  const FileResult& result = lint(open_document);
  Json items = Json::array();
  if (result.error) {
    items.push_back({{"range", range_json(open_document.text, Span{}, encoding_)},
                     {"severity", 1},
                     {"source", "copydesk"},
                     {"message", *result.error}});
  }
  for (const Diagnostic& diagnostic : result.diagnostics) {
    items.push_back(to_lsp(diagnostic, open_document));
  }
  return items;
}

void Server::publish_pending() {
  for (auto& [uri, open_document] : documents_) {
    if (!open_document.to_publish) continue;
    open_document.to_publish = false;
    Json params = {{"uri", uri}, {"diagnostics", diagnostics_of(open_document)}};
    if (!open_document.version.is_null()) params["version"] = open_document.version;
    notify("textDocument/publishDiagnostics", std::move(params));
  }
}

Json Server::pull_diagnostics(const Json& params) {
  return {{"kind", "full"}, {"items", diagnostics_of(document(params))}};
}

// The findings whose span meets `range` (an LSP range; touching counts, as for a cursor).
std::vector<const Diagnostic*> Server::diagnostics_in(const OpenDocument& open_document,
                                                      const Json& range) const {
  const std::uint32_t begin = offset_in(open_document.text, range.at("start"));
  const std::uint32_t end = offset_in(open_document.text, range.at("end"));
  std::vector<const Diagnostic*> touched;
  for (const Diagnostic& diagnostic : open_document.result->diagnostics) {
    if (diagnostic.span.begin <= end && begin <= diagnostic.span.end) {
      touched.push_back(&diagnostic);
    }
  }
  return touched;
}

// The copydesk.toml that governs the document, or where a new one would govern it: the
// workspace root when the document lies under it, else the document's folder.
void Server::locate_config(const OpenDocument& open_document, ActionContext& context) const {
  if (const ProjectConfig* config = workspace_->config_for(input_of(open_document))) {
    context.config_file = std::filesystem::absolute(config->directory / config->path.filename());
    context.config_exists = true;
  } else if (!open_document.path.empty()) {
    const bool under_root =
        !root_.empty() && std::mismatch(root_.begin(), root_.end(), open_document.path.begin(),
                                        open_document.path.end())
                                  .first == root_.end();
    context.config_file = (under_root ? root_ : open_document.path.parent_path()) / "copydesk.toml";
  }
  const auto open_config = documents_.find(uri_of(context.config_file));
  if (open_config != documents_.end()) context.open_config_text = open_config->second.text.text();
}

Json Server::code_actions_for(const Json& params) {
  OpenDocument& open_document = document(params);
  const Json only = params.value("context", Json::object()).value("only", Json());
  const bool quickfix_wanted =
      !only.is_array() || std::any_of(only.begin(), only.end(), [](const Json& kind) {
        // The empty kind asks for every kind.
        return kind == "quickfix" ||
               (kind.is_string() && kind.get_ref<const std::string&>().empty());
      });
  if (!quickfix_wanted || lint(open_document).error) return Json::array();
  const std::vector<const Diagnostic*> touched = diagnostics_in(open_document, params.at("range"));
  ActionContext context{
      .uri = open_document.uri,
      .text = open_document.text,
      .syntax = open_document.syntax,
      .encoding = encoding_,
      .abilities = abilities_,
      .config_file = {},
      .config_exists = false,
      .open_config_text = std::nullopt,
      .to_lsp = [&](const Diagnostic& diagnostic) { return to_lsp(diagnostic, open_document); }};
  locate_config(open_document, context);
  return code_actions(context, touched);
}

void Server::send(const Json& message) {
  if (output_closed_) return;
  output_closed_ = !write_message(
      out_fd_, message.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace));
}

void Server::reply(const Json& id, Json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(const std::string& method, Json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

}  // namespace

int serve(int in_fd, int out_fd, const Registry& registry, ServerOptions options) {
  MessageReader reader(in_fd);
  Server server(out_fd, registry, options);
  return server.run(reader);
}

}  // namespace copydesk::lsp
