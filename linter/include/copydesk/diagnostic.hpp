#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"

namespace copydesk {

enum class Severity : std::uint8_t { Info, Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view name);

// Replace the bytes of `span` with `replacement`.
struct Edit {
  Span span;
  std::string replacement;
  friend bool operator==(const Edit&, const Edit&) = default;
};

struct Fix {
  std::string title;  // names the action: "Insert a space"
  std::vector<Edit> edits;
  bool safe = false;  // may be applied unattended
  friend bool operator==(const Fix&, const Fix&) = default;
};

// One finding. Plain data: formatters turn it into text, JSON and the rest.
struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Warning;
  Span span;
  std::string message;
  std::vector<std::string> suggestions;  // best first
  std::optional<Fix> fix;
};

// Orders by position, then rule id, so output is deterministic.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace copydesk
