#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// The spellings of `word` (lowercase) in the other region of English: every word that one or
// two of the changes in dictionaries/regional-spellings.txt make of it, in either direction
// ("color" -> "colour", "manoeuvre" -> "maneuver"). Candidates only: most are no words at all,
// and the caller keeps those a dictionary knows.
std::vector<std::string> regional_variants(std::string_view word);

}  // namespace copydesk
