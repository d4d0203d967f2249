#include "copydesk/diagnostic.hpp"

#include <tuple>

namespace copydesk {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "info") return Severity::Info;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.span.begin, a.span.end, a.rule, a.message) <
         std::tie(b.span.begin, b.span.end, b.rule, b.message);
}

}  // namespace copydesk
