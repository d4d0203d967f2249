#include "compact_findings.hpp"

#include <algorithm>
#include <cstring>
#include <tuple>

namespace copydesk {
namespace {

void append_offset(std::string& out, std::int64_t offset) {
  const auto value = static_cast<std::int32_t>(offset);
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof value);
}

std::int32_t read_offset(std::string_view& in) {
  std::int32_t value = 0;
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return value;
}

std::string_view read_text(std::string_view& in) {
  const std::size_t end = in.find('\0');
  const std::string_view text = in.substr(0, end);
  in.remove_prefix(end + 1);
  return text;
}

// The fix as bytes: whether safe, the title, then each edit's ends relative to `anchor` (so
// that the same fix at different places is one string) and its replacement.
std::string encode_fix(const Fix& fix, std::uint32_t anchor) {
  std::string out(1, fix.safe ? '1' : '0');
  out += fix.title;
  out += '\0';
  for (const Edit& edit : fix.edits) {
    append_offset(out, std::int64_t{edit.span.begin} - anchor);
    append_offset(out, std::int64_t{edit.span.end} - anchor);
    out += edit.replacement;
    out += '\0';
  }
  return out;
}

Fix decode_fix(std::string_view in, std::uint32_t anchor) {
  Fix fix;
  fix.safe = in.front() == '1';
  in.remove_prefix(1);
  fix.title = std::string(read_text(in));
  while (!in.empty()) {
    Edit edit;
    edit.span.begin = static_cast<std::uint32_t>(anchor + read_offset(in));
    edit.span.end = static_cast<std::uint32_t>(anchor + read_offset(in));
    edit.replacement = std::string(read_text(in));
    fix.edits.push_back(std::move(edit));
  }
  return fix;
}

}  // namespace

void CompactFindings::add(Diagnostic&& diagnostic, std::uint32_t by) {
  Finding finding;
  finding.span = Span{diagnostic.span.begin + by, diagnostic.span.end + by};
  auto rule = std::find(rules_.begin(), rules_.end(), diagnostic.rule);
  if (rule == rules_.end()) rule = rules_.insert(rules_.end(), std::move(diagnostic.rule));
  finding.rule = static_cast<std::uint16_t>(rule - rules_.begin());
  finding.message = strings_.intern(std::move(diagnostic.message));
  std::string suggestions;
  for (const auto& suggestion : diagnostic.suggestions) {
    suggestions += suggestion;
    suggestions += '\0';
  }
  finding.suggestions = strings_.intern(std::move(suggestions));
  finding.fix =
      diagnostic.fix ? strings_.intern(encode_fix(*diagnostic.fix, diagnostic.span.begin)) : kNoFix;
  finding.severity = diagnostic.severity;
  findings_.push_back(finding);
}

Diagnostic CompactFindings::expand(const Finding& finding) const {
  Diagnostic diagnostic;
  diagnostic.rule = rules_[finding.rule];
  diagnostic.severity = finding.severity;
  diagnostic.span = finding.span;
  diagnostic.message = strings_[finding.message];
  std::string_view suggestions = strings_[finding.suggestions];
  while (!suggestions.empty()) diagnostic.suggestions.emplace_back(read_text(suggestions));
  if (finding.fix != kNoFix) diagnostic.fix = decode_fix(strings_[finding.fix], finding.span.begin);
  return diagnostic;
}

void CompactFindings::take_sorted(std::size_t batch,
                                  const std::function<void(std::vector<Diagnostic>&&)>& consume) {
  // The order of diagnostic_less: position, then rule id, then message.
  const auto less = [this](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    if (a.rule != b.rule) return rules_[a.rule] < rules_[b.rule];
    return a.message != b.message && strings_[a.message] < strings_[b.message];
  };
  std::sort(findings_.begin(), findings_.end(), less);
  std::vector<Diagnostic> out;
  for (std::size_t at = 0; at < findings_.size();) {
    const std::size_t end = std::min(findings_.size(), at + batch);
    out.clear();
    out.reserve(end - at);
    for (; at < end; ++at) out.push_back(expand(findings_[at]));
    consume(std::move(out));
    out = {};
  }
  findings_ = {};
}

}  // namespace copydesk
