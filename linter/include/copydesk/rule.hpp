#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/document.hpp"

namespace copydesk {

class SpellChecker;
class WordSet;

struct RuleMeta {
  std::string_view id;        // kebab-case, names the problem; never changes once published
  std::string_view category;  // "spelling", "grammar", "punctuation", "capitalization"
  Severity default_severity = Severity::Warning;
  std::string_view summary;   // one line, for --list-rules
  bool has_fix = false;       // some findings carry a Fix
  bool enabled_by_default = true;
};

// Receives a rule's findings. The engine fills in the rule id and severity.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void report(Diagnostic diagnostic) = 0;
};

// Shared resources a rule may use, injected by the engine and shared by all documents.
struct RuleContext {
  const SpellChecker* spell = nullptr;  // the chosen language's dictionary
  const WordSet* accepted_words = nullptr;  // house list and the user's --words
};

// A check. Stateless after construction: `check` may run on many documents at once.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const Document& document, Sink& sink) const = 0;
};

}  // namespace copydesk
