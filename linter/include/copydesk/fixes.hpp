#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"

namespace copydesk {

// Applies `edits` to `text`. Edits are taken in order of position; one that overlaps an edit
// already taken (or inserts at the same point), or that lies outside the text, is skipped, so
// the result never depends on applying one edit on top of another. The taken edits are applied
// back to front, so the spans of the others stay valid. `skipped`, when given, receives how many
// edits were left out.
std::string apply_fixes(std::string_view text, std::vector<Edit> edits,
                        std::size_t* skipped = nullptr);

// Which fixes may be applied without a person looking: the safe ones, or the unsafe ones too.
enum class FixLevel : std::uint8_t { Safe, Unsafe };

// Fixes chosen from a file's findings to apply together in one pass.
struct FixSelection {
  std::vector<Edit> edits;  // no two conflict
  std::size_t fixes = 0;    // how many findings' fixes they make up
};

// The fixes of `diagnostics` allowed at `level`, in order, whole fixes only: a fix whose edits
// would conflict with each other or with those of a fix already taken is left out entirely
// (a later pass may take it once the text has changed).
FixSelection select_fixes(const std::vector<Diagnostic>& diagnostics, FixLevel level);

// The edits of every safe fix in `diagnostics` (select_fixes at FixLevel::Safe).
std::vector<Edit> safe_fix_edits(const std::vector<Diagnostic>& diagnostics);

}  // namespace copydesk
