#include "copydesk/vale/pattern.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <optional>
#include <vector>

namespace copydesk::vale {
namespace {

// Generous for prose (a sentence needs a few thousand steps), small enough that a catastrophic
// pattern gives up in milliseconds rather than hours.
constexpr std::uint32_t kMatchLimit = 1'000'000;
constexpr std::uint32_t kDepthLimit = 10'000;

struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

// One match context for the process: the limits never change.
pcre2_match_context* limited_context() {
  static pcre2_match_context* const context = [] {
    pcre2_match_context* made = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(made, kMatchLimit);
    pcre2_set_depth_limit(made, kDepthLimit);
    return made;
  }();
  return context;
}

// Match data big enough for any pattern, one per thread (pcre2_match writes into it).
pcre2_match_data* thread_match_data(std::uint32_t pairs) {
  thread_local std::unique_ptr<pcre2_match_data, MatchDataDeleter> data;
  thread_local std::uint32_t capacity = 0;
  if (pairs > capacity) {
    capacity = std::max<std::uint32_t>(pairs, 64);
    data.reset(pcre2_match_data_create(capacity, nullptr));
  }
  return data.get();
}

std::string error_text(int code) {
  PCRE2_UCHAR buffer[256];
  pcre2_get_error_message(code, buffer, sizeof buffer);
  return reinterpret_cast<const char*>(buffer);
}

}  // namespace

// A lookbehind PCRE2 cannot run (PCRE2 10.42 needs each to be of fixed length; regexp2 does
// not): the pattern keeps a callout in its place, which matches `code`, compiled to end where
// the callout stands, against the text before it.
struct Lookbehind {
  pcre2_code* code = nullptr;
  bool negative = false;
};

struct Pattern::Compiled {
  pcre2_code* code = nullptr;
  std::uint32_t groups = 0;
  std::vector<Lookbehind> lookbehinds;
  pcre2_match_context* context = nullptr;  // its own when there are lookbehind callouts
  std::atomic<bool> warned{false};
  int required = -1;  // an ASCII character without case that every match holds, if any
  // JIT compilation waits for the first match: most patterns of a style never match a short
  // document's few places to try, and compiling them all took a fifth of start-up.
  bool jit = false;
  std::once_flag jitted;
  ~Compiled() {
    pcre2_code_free(code);
    for (const Lookbehind& lookbehind : lookbehinds) pcre2_code_free(lookbehind.code);
    if (context != nullptr) pcre2_match_context_free(context);
  }
};

std::size_t group_end(std::string_view source, std::size_t open) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = open; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::optional<std::vector<std::string_view>> top_level_alternatives(std::string_view source) {
  std::vector<std::string_view> alternatives;
  int depth = 0;
  bool in_class = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth < 0) {
      return std::nullopt;
    } else if (c == '|' && depth == 0) {
      alternatives.push_back(source.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0 || in_class) return std::nullopt;
  alternatives.push_back(source.substr(start));
  return alternatives;
}

namespace {

pcre2_code* compile_code(std::string_view source, std::uint32_t flags, int& error,
                         PCRE2_SIZE& error_offset) {
  return pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), flags, &error,
                       &error_offset, nullptr);
}

// JIT-compiles `compiled` once, before its first match, from whichever thread gets there first
// (the others wait: no match runs while the code changes). The JIT is an optimisation: where it
// is unavailable the interpreter runs the same pattern.
void ready(Pattern::Compiled& compiled) {
  if (!compiled.jit) return;
  std::call_once(compiled.jitted, [&compiled] {
    pcre2_jit_compile(compiled.code, PCRE2_JIT_COMPLETE);
    for (const Lookbehind& lookbehind : compiled.lookbehinds) {
      pcre2_jit_compile(lookbehind.code, PCRE2_JIT_COMPLETE);
    }
  });
}

struct Rewritten {
  std::string source;
  std::vector<std::pair<std::string, bool>> lookbehinds;  // body, negative
};

// `source` with each lookbehind replaced by a numbered callout.
Rewritten lookbehinds_as_callouts(std::string_view source) {
  Rewritten rewritten;
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      rewritten.source += source.substr(i, 2);
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (source.compare(i, 4, "(?<!") == 0 || source.compare(i, 4, "(?<=") == 0) {
      const std::size_t end = group_end(source, i);
      if (end != std::string_view::npos && rewritten.lookbehinds.size() < 255) {
        rewritten.lookbehinds.emplace_back(std::string(source.substr(i + 4, end - i - 4)),
                                           source[i + 3] == '!');
        rewritten.source += "(?C" + std::to_string(rewritten.lookbehinds.size()) + ")";
        i = end;
        continue;
      }
    }
    rewritten.source += c;
  }
  return rewritten;
}

pcre2_match_data* lookbehind_match_data() {
  thread_local std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(
      pcre2_match_data_create(1, nullptr));
  return data.get();
}

// Runs at a lookbehind's callout: 0 lets the match go on, 1 makes it backtrack.
int run_lookbehind(pcre2_callout_block* block, void* data) {
  const auto* compiled = static_cast<const Pattern::Compiled*>(data);
  if (block->callout_number == 0 || block->callout_number > compiled->lookbehinds.size()) {
    return 0;
  }
  const Lookbehind& lookbehind = compiled->lookbehinds[block->callout_number - 1];
  const bool found =
      pcre2_match(lookbehind.code, block->subject, block->current_position, 0, PCRE2_NO_UTF_CHECK,
                  lookbehind_match_data(), limited_context()) >= 0;
  return found == lookbehind.negative ? 1 : 0;
}

// A character PCRE2 found every match must hold (the last literal one it is sure of, or else
// the first): the ',' of OxfordComma's `(?:[^\s,]+,){1,} \w+ (?:and|or) \w+[.?!]`. Only ASCII
// characters without case, whose byte in the text is the character whatever the flags.
int required_character(const pcre2_code* code) {
  const auto ascii_without_case = [](std::uint32_t unit) {
    return unit < 0x80 && !((unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z'));
  };
  for (const auto& [type_info, unit_info] :
       {std::pair{PCRE2_INFO_LASTCODETYPE, PCRE2_INFO_LASTCODEUNIT},
        std::pair{PCRE2_INFO_FIRSTCODETYPE, PCRE2_INFO_FIRSTCODEUNIT}}) {
    std::uint32_t type = 0;
    std::uint32_t unit = 0;
    if (pcre2_pattern_info(code, type_info, &type) != 0 || type != 1) continue;
    if (pcre2_pattern_info(code, unit_info, &unit) == 0 && ascii_without_case(unit)) {
      return static_cast<int>(unit);
    }
  }
  return -1;
}

std::unique_ptr<Pattern::Compiled> compile(std::string_view source, const PatternOptions& options) {
  std::uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
  if (options.ignore_case) flags |= PCRE2_CASELESS;
  // Lookbehinds run as callouts below keep their own anchoring (at their end).
  const std::uint32_t outer_flags = flags | (options.anchored ? PCRE2_ANCHORED : 0);
  auto compiled = std::make_unique<Pattern::Compiled>();
  int error = 0;
  PCRE2_SIZE error_offset = 0;
  compiled->jit = options.jit;
  compiled->code = compile_code(source, outer_flags, error, error_offset);
  if (compiled->code == nullptr && error == PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH) {
    const Rewritten rewritten = lookbehinds_as_callouts(source);
    // An inline (?i) at the start of the pattern covers its lookbehinds too.
    const std::uint32_t inner_flags =
        flags | PCRE2_ENDANCHORED | (source.starts_with("(?i)") ? PCRE2_CASELESS : 0);
    for (const auto& [body, negative] : rewritten.lookbehinds) {
      int inner_error = 0;
      PCRE2_SIZE inner_offset = 0;
      pcre2_code* code = compile_code(body, inner_flags, inner_error, inner_offset);
      if (code == nullptr) throw PatternError(error_text(inner_error), error_offset);
      compiled->lookbehinds.push_back(Lookbehind{.code = code, .negative = negative});
    }
    compiled->code = compile_code(rewritten.source, outer_flags, error, error_offset);
    if (compiled->code != nullptr) {
      compiled->context = pcre2_match_context_copy(limited_context());
      pcre2_set_callout(compiled->context, &run_lookbehind, compiled.get());
    }
  }
  if (compiled->code == nullptr) throw PatternError(error_text(error), error_offset);
  pcre2_pattern_info(compiled->code, PCRE2_INFO_CAPTURECOUNT, &compiled->groups);
  compiled->required = required_character(compiled->code);
  return compiled;
}

}  // namespace

namespace {

pcre2_match_context* context_of(const Pattern::Compiled& compiled) {
  return compiled.context != nullptr ? compiled.context : limited_context();
}

}  // namespace

Pattern::Pattern(std::string_view source, PatternOptions options)
    : source_(source), options_(std::move(options)) {
  compiled_ = compile(source_, options_);
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

std::uint32_t Pattern::group_count() const { return compiled_->groups; }

bool Pattern::may_match(std::string_view text) const {
  return compiled_->required < 0 ||
         text.find(static_cast<char>(compiled_->required)) != std::string_view::npos;
}

bool Pattern::find(std::string_view text, std::size_t from, Groups& groups) const {
  ready(*compiled_);
  pcre2_match_data* data = thread_match_data(compiled_->groups + 1);
  const int result =
      pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from,
                  PCRE2_NO_UTF_CHECK, data, context_of(*compiled_));
  if (result == PCRE2_ERROR_NOMATCH) return false;
  if (result < 0) {
    if (!compiled_->warned.exchange(true)) {
      std::cerr << "copydesk: warning: " << options_.origin << ": pattern gave up ("
                << error_text(result) << "); the rest of the text was not checked by it\n";
    }
    return false;
  }
  const PCRE2_SIZE* vector = pcre2_get_ovector_pointer(data);
  groups.spans.resize(compiled_->groups + 1);
  for (std::uint32_t i = 0; i <= compiled_->groups; ++i) {
    const bool set = i < static_cast<std::uint32_t>(result) && vector[2 * i] != PCRE2_UNSET;
    groups.spans[i] = set ? Span{static_cast<std::uint32_t>(vector[2 * i]),
                                 static_cast<std::uint32_t>(vector[2 * i + 1])}
                          : Span{Groups::kNoOffset, Groups::kNoOffset};
  }
  return true;
}

bool Pattern::matches_whole(std::string_view text) const {
  ready(*compiled_);
  // Anchored at both ends at match time: PCRE2 runs these with its interpreter, which is
  // fine for the short words exceptions are checked against.
  pcre2_match_data* data = thread_match_data(compiled_->groups + 1);
  return pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                     PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED | PCRE2_ENDANCHORED, data,
                     context_of(*compiled_)) >= 0;
}

std::size_t Pattern::next_start(std::string_view text, Span match) {
  if (!match.empty()) return match.end;
  std::size_t next = match.end + 1;
  while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
  return next;
}

}  // namespace copydesk::vale
