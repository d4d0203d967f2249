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
#include "copydesk/fixes.hpp"
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

// The findings of one rule on `text`, read as the syntax of `file_name` gives (plain text by
// default; "test.md" for Markdown).
inline std::vector<Diagnostic> findings(std::string_view rule, std::string_view text,
                                        const std::string& language = "en_US",
                                        const std::string& file_name = "test.txt") {
  FileResult result = engine_for(language).lint_text(file_name, std::string(text));
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

// The same for `marked` read as Markdown: spans point into the Markdown source.
inline void expect_markdown_flags(std::string_view rule, std::string_view marked,
                                  const std::string& language = "en_US") {
  const std::string plain = strip_markers(marked);
  EXPECT_EQ(with_markers(plain, findings(rule, plain, language, "test.md")), marked)
      << "rule " << rule << " (Markdown)";
}

// Expects the safe fixes of `rule`'s findings on `before` (read as `file_name` says) to turn it
// into `after`.
inline void expect_fix(std::string_view rule, std::string_view before, std::string_view after,
                       const std::string& file_name = "test.txt") {
  const std::vector<Diagnostic> found = findings(rule, before, "en_US", file_name);
  EXPECT_EQ(apply_fixes(before, safe_fix_edits(found)), after) << "rule " << rule;
}

}  // namespace copydesk::testing
