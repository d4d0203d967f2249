#pragma once

// Rule tests write the expected findings inline: "Ahn Gyu-back [[too]] Iraq" means the rule
// must flag exactly the bytes of "too" and nothing else; text without markers must not be
// flagged at all.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/input.hpp"
#include "copydesk/registry.hpp"

namespace copydesk::testing {

inline const Engine& engine_for(const std::string& language) {
  static std::map<std::string, std::unique_ptr<Engine>> engines;
  auto& engine = engines[language];
  if (!engine) {
    EngineOptions options;
    options.language = language;
    engine = std::make_unique<Engine>(Registry::builtin(), options);
  }
  return *engine;
}

// The findings of one rule on `text`.
inline std::vector<Diagnostic> findings(std::string_view rule, std::string_view text,
                                        const std::string& language = "en_US") {
  FileResult result = engine_for(language).lint_text("test.txt", std::string(text));
  std::vector<Diagnostic> matching;
  for (auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule == rule) matching.push_back(std::move(diagnostic));
  }
  return matching;
}

inline std::string strip_markers(std::string_view marked) {
  std::string plain;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.compare(i, 2, "[[") == 0 || marked.compare(i, 2, "]]") == 0) {
      ++i;
      continue;
    }
    plain.push_back(marked[i]);
  }
  return plain;
}

// `text` with each finding's span wrapped in [[ ]].
inline std::string with_markers(std::string_view text, const std::vector<Diagnostic>& found) {
  std::string marked;
  std::size_t at = 0;
  for (const auto& diagnostic : found) {
    if (diagnostic.span.begin < at) continue;  // overlapping findings: shown once
    marked.append(text.substr(at, diagnostic.span.begin - at));
    marked.append("[[");
    marked.append(text.substr(diagnostic.span.begin, diagnostic.span.size()));
    marked.append("]]");
    at = diagnostic.span.end;
  }
  marked.append(text.substr(at));
  return marked;
}

// Expects `rule` to flag exactly the marked spans of `marked`.
inline void expect_flags(std::string_view rule, std::string_view marked,
                         const std::string& language = "en_US") {
  const std::string plain = strip_markers(marked);
  EXPECT_EQ(with_markers(plain, findings(rule, plain, language)), marked) << "rule " << rule;
}

}  // namespace copydesk::testing
