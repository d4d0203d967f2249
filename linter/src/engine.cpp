#include "copydesk/engine.hpp"

#include <algorithm>
#include <limits>

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

void check_rule_ids(const Registry& registry, const std::vector<std::string>& ids,
                    std::string_view option) {
  for (const auto& id : ids) {
    if (registry.find(id) != nullptr) continue;
    throw ConfigError("unknown rule id '" + id + "' in " + std::string(option) +
                      did_you_mean(registry.closest(id)) + " (see --list-rules)");
  }
}

// Sorts the findings and applies the inline suppressions to them: after all the pieces of a
// long file, so that a directive in one piece covers findings in another.
// The reports about directives come from here rather than a rule's sink, so their configured
// severity is applied here too.
void finish(FileResult& result, std::string text, const Suppressions& suppressions,
            const Registry& registry, const std::vector<std::unique_ptr<Rule>>& rules,
            const std::map<std::string, Severity, std::less<>>& severities) {
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  const std::size_t before = result.diagnostics.size();
  suppressions.apply(text, result.diagnostics, registry, [&](std::string_view id) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](const auto& rule) { return rule->meta().id == id; });
  });
  if (result.diagnostics.size() != before || !suppressions.directives().empty()) {
    for (auto& diagnostic : result.diagnostics) {
      if (const auto it = severities.find(diagnostic.rule); it != severities.end()) {
        diagnostic.severity = it->second;
      }
    }
  }
  result.text = std::move(text);
}

}  // namespace

bool rule_enabled(const RuleMeta& meta, const EngineOptions& options) {
  const auto listed = [&meta](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), meta.id) != ids.end();
  };
  return (meta.enabled_by_default || listed(options.enable)) && !listed(options.disable);
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

// A long text is linted a piece at a time (see piece_end), so that only one piece's tokens and
// sentences exist at once.
void Engine::check(const std::string& path, std::string& text,
                   const std::vector<BlockStart>& block_starts,
                   std::vector<Diagnostic>& out) const {
  const auto run = [&](const Document& document, std::uint32_t shift_by) {
    const std::size_t first = out.size();
    for (const auto& rule : rules_) {
      CollectingSink sink(rule->meta(), severity_of(*rule), out);
      rule->check(document, sink);
    }
    for (std::size_t i = first; i < out.size(); ++i) shift(out[i], shift_by);
  };
  if (piece_end(text, 0, true) == text.size()) {
    Document document(path, std::move(text), block_starts);
    run(document, 0);
    text = std::move(document).take_text();
    return;
  }
  std::vector<BlockStart> piece_starts;
  auto next_start = block_starts.begin();
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = piece_end(text, begin, true);
    piece_starts.clear();
    if (begin > 0 && !ends_in_blank_line(std::string_view(text).substr(0, begin))) {
      piece_starts.push_back(kContinuedPiece);
    }
    for (; next_start != block_starts.end() && next_start->offset < end; ++next_start) {
      piece_starts.push_back(
          BlockStart{next_start->offset - static_cast<std::uint32_t>(begin), next_start->kind});
    }
    run(Document(path, text.substr(begin, end - begin), piece_starts),
        static_cast<std::uint32_t>(begin));
    begin = end;
  }
}

Severity Engine::severity_of(const Rule& rule) const {
  const auto configured = options_.severities.find(rule.meta().id);
  return configured != options_.severities.end() ? configured->second
                                                 : rule.meta().default_severity;
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
    finish(result, std::move(text), suppressions, registry_, rules_, options_.severities);
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
  finish(result, std::move(text), suppressions, registry_, rules_, options_.severities);
  return result;
}

}  // namespace copydesk
