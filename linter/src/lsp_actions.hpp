#pragma once

// Code actions of the language server: the quick fixes of findings, suppressing a rule in a
// document, and adding a word to the project's accepted words.

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "copydesk/lsp/text_document.hpp"
#include "copydesk/result.hpp"
#include "copydesk/syntax.hpp"

namespace copydesk::lsp {

// What the client said it can apply.
struct ClientAbilities {
  bool document_changes = false;  // workspace edits as documentChanges
  bool create_files = false;      // ... including a CreateFile operation
};

nlohmann::json range_json(const TextDocument& text, Span span, PositionEncoding encoding);

// Everything the actions for one document need to know.
struct ActionContext {
  std::string uri;
  const TextDocument& text;
  Syntax syntax;
  PositionEncoding encoding;
  ClientAbilities abilities;
  // The copydesk.toml that governs the document (its absolute path), or where one would be
  // created when none does.
  std::filesystem::path config_file;
  bool config_exists = false;
  // The text of the configuration file as the editor has it, when it is open there.
  std::optional<std::string> open_config_text;
  std::function<nlohmann::json(const Diagnostic&)> to_lsp;
};

// The quick fixes for `diagnostics` (those whose span meets the requested range).
nlohmann::json code_actions(const ActionContext& context,
                            const std::vector<const Diagnostic*>& diagnostics);

std::string uri_of(const std::filesystem::path& path);
std::filesystem::path path_of(const std::string& uri);  // empty when not a file URI

}  // namespace copydesk::lsp
