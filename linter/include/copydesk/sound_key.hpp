#pragma once

#include <string>
#include <string_view>

namespace copydesk {

// A rough key for how an English word sounds, in the manner of Metaphone: consonants by sound
// ("ph" and "v" as "f", soft "c" as "s", "ch" and "sh" alike, silent "gh", "kn", "wr"), doubled
// letters once, and vowels dropped except a leading one. Words written by ear share the key of
// the word meant ("naborhood" and "neighborhood", "deliteful" and "delightful"), which is how
// spelling suggestions find slips too far from the word for letter edits. `word` is lowercase
// ASCII; other characters are skipped.
std::string sound_key(std::string_view word);

}  // namespace copydesk
