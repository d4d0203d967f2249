#pragma once

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

// The edits of every safe fix in `diagnostics`, whole fixes only: a fix whose edits would
// conflict with those of a fix already taken is left out entirely.
std::vector<Edit> safe_fix_edits(const std::vector<Diagnostic>& diagnostics);

}  // namespace copydesk
