#include "copydesk/engine.hpp"

#include <algorithm>
#include <limits>

#include "compact_findings.hpp"
#include "copydesk/data_lists.hpp"
#include "copydesk/document.hpp"
#include "copydesk/html.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/suppression.hpp"
#include "copydesk/text.hpp"
#include "pieces.hpp"

namespace copydesk {
namespace {

class CollectingSink : public Sink {
 public:
  CollectingSink(const RuleMeta& meta, Severity severity, std::vector<Diagnostic>& out)
      : meta_(meta), severity_(severity), out_(out) {}
  void report(Diagnostic diagnostic) override {
    diagnostic.rule = std::string(meta_.id);
    diagnostic.severity = severity_;
    out_.push_back(std::move(diagnostic));
  }

 private:
  const RuleMeta& meta_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

// Keeps the findings of a piece's window that start in the piece, in a compact form, with spans
// into the text the window is in.
class CompactSink : public Sink {
 public:
  CompactSink(const RuleMeta& meta, Severity severity, const Window& window, bool last,
              const std::function<void(Diagnostic&)>& place, CompactFindings& out)
      : meta_(meta), severity_(severity), window_(window), last_(last), place_(place), out_(out) {}
  void report(Diagnostic diagnostic) override {
    if (!in_piece(window_, window_.begin + diagnostic.span.begin, last_)) return;
    diagnostic.rule = std::string(meta_.id);
    diagnostic.severity = severity_;
    if (!place_) {
      out_.add(std::move(diagnostic), static_cast<std::uint32_t>(window_.begin));
      return;
    }
    shift(diagnostic, static_cast<std::uint32_t>(window_.begin));
    place_(diagnostic);
    out_.add(std::move(diagnostic), 0);
  }

 private:
  const RuleMeta& meta_;
  Severity severity_;
  const Window& window_;
  bool last_;
  const std::function<void(Diagnostic&)>& place_;
  CompactFindings& out_;
};

// Calls `check` with the window of each piece of `text` (see piece_end) and the block starts
// that fall in it, relative to the window.
template <typename Check>
void for_each_window(std::string_view text, const std::vector<BlockStart>& block_starts,
                     Check check) {
  std::vector<BlockStart> starts;
  for (std::size_t begin = 0; begin < text.size();) {
    Window window = window_start(text, begin);
    window.core_end = piece_end(text, begin, true);
    window.end = window_end(text, window.core_end, true);
    starts.clear();
    if (window.continued) starts.push_back(kContinuedPiece);
    auto start = std::partition_point(block_starts.begin(), block_starts.end(),
                                      [&](const BlockStart& s) { return s.offset < window.begin; });
    for (; start != block_starts.end() && start->offset < window.end; ++start) {
      starts.push_back(
          BlockStart{start->offset - static_cast<std::uint32_t>(window.begin), start->kind});
    }
    check(window, starts);
    begin = window.core_end;
  }
}

void check_rule_ids(const Registry& registry, const std::vector<std::string>& ids,
                    std::string_view option) {
  for (const auto& id : ids) {
    if (registry.find(id) != nullptr) continue;
    throw ConfigError("unknown rule id '" + id + "' in " + std::string(option) +
                      did_you_mean(registry.closest(id)) + " (see --list-rules)");
  }
}

// Sorts the findings and applies the inline suppressions to them: after all the pieces of a
// long file, so that a directive in one piece covers findings in another. The reports about
// directives come from here rather than a rule's sink: `severity_for` gives them theirs.
template <typename SeverityFor>
void finish(FileResult& result, std::string text, const Suppressions& suppressions,
            const Registry& registry, const std::vector<std::unique_ptr<Rule>>& rules,
            SeverityFor severity_for) {
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  suppressions.apply(text, result.diagnostics, registry, [&](std::string_view id) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](const auto& rule) { return rule->meta().id == id; });
  });
  for (auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule == kUnusedSuppressionMeta.id ||
        diagnostic.rule == kInvalidSuppressionMeta.id) {
      diagnostic.severity = severity_for(diagnostic.rule);
    }
  }
  result.text = std::move(text);
}

}  // namespace

bool rule_knows_language(const RuleMeta& meta, std::string_view language) {
  if (meta.languages.empty()) return true;
  const std::string_view base = language.substr(0, language.find_first_of("_-"));
  return std::find(meta.languages.begin(), meta.languages.end(), base) != meta.languages.end();
}

bool rule_enabled(const RuleMeta& meta, const EngineOptions& options) {
  const auto listed = [&meta](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), meta.id) != ids.end();
  };
  if (listed(options.disable)) return false;
  if (listed(options.enable)) return true;
  return meta.enabled_by_default && rule_knows_language(meta, options.language);
}

Engine::Engine(const Registry& registry, EngineOptions options, std::shared_ptr<SpellChecker> spell)
    : registry_(registry), options_(std::move(options)), spell_(std::move(spell)) {
  check_rule_ids(registry_, options_.enable, "--enable");
  check_rule_ids(registry_, options_.disable, "--disable");
  if (!spell_) {
    try {
      spell_ = std::make_shared<SpellChecker>(options_.language, options_.suggestions);
    } catch (const std::runtime_error& error) {
      throw ConfigError(error.what());
    }
  }
  accepted_words_.add_lines(DataLists::builtin().text("house-words.txt"));
  for (const auto& list : options_.accepted_lists) accepted_words_.add_lines(list);
  for (const auto& list : options_.rejected_lists) rejected_words_.add_lines(list);

  std::vector<const RuleEntry*> enabled;
  for (const RuleEntry* entry : registry_.entries()) {
    if (rule_enabled(entry->meta, options_)) enabled.push_back(entry);
  }
  // Filled before any rule is built: rules keep a pointer to their options.
  rule_options_.reserve(enabled.size());
  for (const RuleEntry* entry : enabled) {
    const auto configured = options_.rule_options.find(entry->meta.id);
    rule_options_.push_back(configured != options_.rule_options.end()
                                ? configured->second
                                : RuleOptions::defaults(entry->meta.options));
  }
  for (std::size_t i = 0; i < enabled.size(); ++i) {
    const RuleContext context{.spell = spell_.get(),
                              .accepted_words = &accepted_words_,
                              .rejected_words = &rejected_words_,
                              .options = &rule_options_[i],
                              .lists = &DataLists::builtin()};
    rules_.push_back(enabled[i]->make(context));
  }
}

Engine::~Engine() = default;

void Engine::run(const Document& document, std::vector<Diagnostic>& out) const {
  for (const auto& rule : rules_) {
    CollectingSink sink(rule->meta(), severity_for(rule->meta().id), out);
    rule->check(document, sink);
  }
}

// A long text is linted a piece at a time (see piece_end), so that only one piece's tokens and
// sentences exist at once.
void Engine::check(const std::string& path, std::string& text,
                   const std::vector<BlockStart>& block_starts,
                   std::vector<Diagnostic>& out) const {
  if (piece_end(text, 0, true) == text.size()) {
    Document document(path, std::move(text), block_starts);
    run(document, out);
    text = std::move(document).take_text();
    return;
  }
  for_each_window(text, block_starts,
                  [&](const Window& window, const std::vector<BlockStart>& starts) {
                    check_piece(path, text, window, starts, out);
                  });
}

void Engine::check_piece(const std::string& path, std::string_view text, const Window& window,
                         const std::vector<BlockStart>& block_starts,
                         std::vector<Diagnostic>& out) const {
  std::vector<Diagnostic> found;
  run(Document(path, std::string(text.substr(window.begin, window.end - window.begin)),
               block_starts),
      found);
  const bool last = window.core_end == text.size();
  for (auto& diagnostic : found) {
    if (!in_piece(window, window.begin + diagnostic.span.begin, last)) continue;
    shift(diagnostic, static_cast<std::uint32_t>(window.begin));
    out.push_back(std::move(diagnostic));
  }
}

void Engine::check_piece_sorted(
    const std::string& path, std::string_view text, const Window& window,
    const std::vector<BlockStart>& block_starts,
    const std::function<void(std::vector<Diagnostic>&&)>& consume) const {
  check_piece_compact(path, text, window, block_starts, {}, consume);
}

void Engine::check_piece_compact(
    const std::string& path, std::string_view text, const Window& window,
    const std::vector<BlockStart>& block_starts, const std::function<void(Diagnostic&)>& place,
    const std::function<void(std::vector<Diagnostic>&&)>& consume) const {
  CompactFindings found;
  {
    const Document document(path, std::string(text.substr(window.begin, window.end - window.begin)),
                            block_starts);
    const bool last = window.core_end == text.size();
    for (const auto& rule : rules_) {
      CompactSink sink(rule->meta(), severity_for(rule->meta().id), window, last, place, found);
      rule->check(document, sink);
    }
  }
  constexpr std::size_t kBatch = 4096;
  found.take_sorted(kBatch, consume);
}

// Findings are moved into the source before they are sorted, so that each piece's come out in
// the order of the whole text's (source order follows prose order: the prose is the source's
// bytes in order, with some left out).
bool Engine::lint_text_sorted(const std::string& path, std::string_view text, Syntax syntax,
                              const std::function<void(std::vector<Diagnostic>&&)>& consume) const {
  const auto check_pieces = [&](std::string_view prose, const std::vector<BlockStart>& starts,
                                const std::function<void(Diagnostic&)>& place) {
    for_each_window(prose, starts, [&](const Window& window, const std::vector<BlockStart>& in) {
      check_piece_compact(path, prose, window, in, place, consume);
    });
  };
  const auto has_any = [](const Suppressions& suppressions) {
    return !suppressions.directives().empty() || !suppressions.sic_marks().empty();
  };
  if (syntax == Syntax::Text) {
    if (has_any(Suppressions(text, DirectiveSyntax::Lines))) return false;
    check_pieces(text, {}, {});
    return true;
  }
  const ProseView prose = syntax == Syntax::Html ? html_prose(text) : markdown_prose(text);
  if (has_any(Suppressions(text, DirectiveSyntax::Comments, prose.code))) return false;
  check_pieces(prose.text, prose.block_starts,
               [&](Diagnostic& diagnostic) { map_to_source(diagnostic, prose, text); });
  return true;
}

Severity Engine::severity_for(std::string_view rule_id) const {
  if (const auto configured = options_.severities.find(rule_id);
      configured != options_.severities.end()) {
    return configured->second;
  }
  const RuleEntry* entry = registry_.find(rule_id);
  return entry != nullptr ? entry->meta.default_severity : Severity::Warning;
}

FileResult Engine::lint_text(std::string path, std::string text) const {
  const Syntax syntax = syntax_of(path);
  return lint_text(std::move(path), std::move(text), syntax);
}

FileResult Engine::lint_text(std::string path, std::string text, Syntax syntax) const {
  FileResult result;
  result.path = path;
  // Spans hold 32-bit offsets.
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    result.error = "the file is too large (4 GiB or more)";
    return result;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    result.error = "invalid UTF-8 at byte " + std::to_string(*bad);
    return result;
  }
  if (syntax != Syntax::Text) {
    // The rules read the prose view (its HTML comments, and so the directives, are left out);
    // findings are moved back into the source, which reports show.
    ProseView prose = syntax == Syntax::Html ? html_prose(text) : markdown_prose(text);
    const Suppressions suppressions(text, DirectiveSyntax::Comments, prose.code);
    check(path, prose.text, prose.block_starts, result.diagnostics);
    map_to_source(result.diagnostics, prose, text);
    if (options_.finding_filter != nullptr) {
      options_.finding_filter->filter(path, text, syntax, result.diagnostics);
    }
    finish(result, std::move(text), suppressions, registry_, rules_,
           [this](std::string_view id) { return severity_for(id); });
    return result;
  }
  const Suppressions suppressions(text, DirectiveSyntax::Lines);
  if (suppressions.directives().empty()) {
    check(path, text, {}, result.diagnostics);
  } else {
    // The rules do not read directive lines; a fix must not delete them either.
    std::vector<Span> hidden;
    for (const Directive& directive : suppressions.directives()) hidden.push_back(directive.hidden);
    ProseText prose = hide_spans(text, hidden);
    check(path, prose.text, {}, result.diagnostics);
    map_to_source(result.diagnostics, prose, text);
  }
  if (options_.finding_filter != nullptr) {
    options_.finding_filter->filter(path, text, syntax, result.diagnostics);
  }
  finish(result, std::move(text), suppressions, registry_, rules_,
         [this](std::string_view id) { return severity_for(id); });
  return result;
}

}  // namespace copydesk
