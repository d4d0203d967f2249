#pragma once

// Patterns that begin with a run of one class, such as the Oxford comma rules'
// `(?:[^,]+,){1,}\s\w+\s(?:and|or)` or Microsoft.Units' `[a-zA-Z]+\s...`, make PCRE2 try again
// from every character of a run after an attempt from its first character failed: each
// attempt eats the same run to its end and goes on from the same place, so it fails the same
// way, and a sentence costs time in the square of its length. A `(*SKIP)` after the run tells
// PCRE2 to go on from the run's end instead. It is added only where that cannot change a match
// (see skip_past_leading_run in run_skip.cpp for the conditions).

#include <string>
#include <string_view>

namespace copydesk::vale {

// `source` with `(*SKIP)` after its leading class run where that keeps every match the same;
// otherwise `source` itself.
std::string skip_past_leading_run(std::string_view source);

}  // namespace copydesk::vale
