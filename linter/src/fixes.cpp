#include "copydesk/fixes.hpp"

#include <algorithm>

namespace copydesk {
namespace {

// Two edits conflict when their spans overlap or when they touch the same point and one of
// them is an insertion: which text would come first is then undefined.
bool conflict(const Edit& a, const Edit& b) {
  if (a.span.overlaps(b.span)) return true;
  if (a.span.empty() && b.span.empty()) return a.span.begin == b.span.begin;
  if (a.span.empty()) return a.span.begin > b.span.begin && a.span.begin < b.span.end;
  if (b.span.empty()) return b.span.begin > a.span.begin && b.span.begin < a.span.end;
  return false;
}

bool position_less(const Edit& a, const Edit& b) {
  return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
}

bool clashes_with(const std::vector<Edit>& edits, const std::vector<Edit>& taken) {
  return std::any_of(edits.begin(), edits.end(), [&](const Edit& edit) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const Edit& other) { return conflict(edit, other); });
  });
}

// A fix whose own edits clash could not be applied whole.
bool clashes_within(const std::vector<Edit>& edits) {
  for (std::size_t i = 0; i < edits.size(); ++i) {
    for (std::size_t j = i + 1; j < edits.size(); ++j) {
      if (conflict(edits[i], edits[j])) return true;
    }
  }
  return false;
}

}  // namespace

std::string apply_fixes(std::string_view text, std::vector<Edit> edits, std::size_t* skipped) {
  std::stable_sort(edits.begin(), edits.end(), position_less);
  std::vector<const Edit*> taken;
  std::size_t left_out = 0;
  for (const Edit& edit : edits) {
    const bool inside = edit.span.begin <= edit.span.end && edit.span.end <= text.size();
    // Sorted by start, so only the last taken edit can overlap this one.
    if (!inside || (!taken.empty() && conflict(*taken.back(), edit))) {
      ++left_out;
      continue;
    }
    taken.push_back(&edit);
  }
  if (skipped != nullptr) *skipped = left_out;
  std::string result(text);
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
    const Edit& edit = **it;
    result.replace(edit.span.begin, edit.span.size(), edit.replacement);
  }
  return result;
}

FixSelection select_fixes(const std::vector<Diagnostic>& diagnostics, FixLevel level) {
  FixSelection chosen;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.fix || (!diagnostic.fix->safe && level == FixLevel::Safe)) continue;
    const auto& edits = diagnostic.fix->edits;
    if (clashes_within(edits) || clashes_with(edits, chosen.edits)) continue;
    chosen.edits.insert(chosen.edits.end(), edits.begin(), edits.end());
    ++chosen.fixes;
  }
  return chosen;
}

std::vector<Edit> safe_fix_edits(const std::vector<Diagnostic>& diagnostics) {
  return select_fixes(diagnostics, FixLevel::Safe).edits;
}

}  // namespace copydesk
