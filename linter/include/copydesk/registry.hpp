#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/result.hpp"
#include "copydesk/rule.hpp"

namespace copydesk {

using RuleFactory = std::function<std::unique_ptr<Rule>(const RuleContext&)>;

struct RuleEntry {
  RuleMeta meta;
  std::string_view doc;  // the rule's Markdown documentation (rules/<stem>.md), embedded
  RuleFactory make;
};

// Rule id -> factory, sorted by id. Built-in rules register themselves (see
// COPYDESK_REGISTER_RULE); rules built from data at run time can be added the same way.
class Registry {
 public:
  static Registry& builtin();

  void add(RuleEntry entry);  // throws std::invalid_argument on a duplicate id
  const RuleEntry* find(std::string_view id) const;
  std::vector<const RuleEntry*> entries() const;  // sorted by id
  // The rules as reports describe them (SARIF's rule metadata), sorted by id.
  std::vector<RuleDescription> descriptions() const;
  // The known id closest to `id`, for "did you mean" messages; empty when none is close.
  std::string closest(std::string_view id) const;

 private:
  std::map<std::string, RuleEntry, std::less<>> entries_;
};

// The candidate closest to `word` by edit distance, for "did you mean" messages; empty when none
// is close.
std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates);

// The end of an error message that proposes `close`: "; did you mean 'close'?", or "" when
// `close` is empty. One wording for every "unknown ..." error.
std::string did_you_mean(std::string_view close);

// Embedded rule documentation, keyed by file stem (generated from rules/*.md at build time).
std::string_view rule_doc(std::string_view stem);

namespace detail {
struct RuleRegistrar {
  RuleRegistrar(RuleMeta meta, std::string_view doc_stem, RuleFactory make);
};
}  // namespace detail

}  // namespace copydesk

// Registers RuleClass, constructible from (const RuleContext&) and exposing a static
// `kMeta`, under its id; its documentation is rules/<doc_stem>.md.
#define COPYDESK_REGISTER_RULE(RuleClass, doc_stem)                                   \
  static const ::copydesk::detail::RuleRegistrar copydesk_registrar_##RuleClass {     \
    RuleClass::kMeta, doc_stem, [](const ::copydesk::RuleContext& context) {          \
      return std::unique_ptr<::copydesk::Rule>(std::make_unique<RuleClass>(context)); \
    }                                                                                 \
  }
