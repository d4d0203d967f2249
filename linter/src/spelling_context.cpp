#include "copydesk/spelling_context.hpp"

#include <algorithm>

#include "copydesk/ngram_model.hpp"
#include "embedded_model.hpp"

namespace copydesk {
namespace {

const NgramModel& spelling_model() {
  static const NgramModel model = [] {
    const std::span<const std::byte> bytes = embedded_model("spelling-ngrams.bin");
    return bytes.empty() ? NgramModel() : NgramModel::read(bytes);
  }();
  return model;
}

}  // namespace

bool has_spelling_model() { return !spelling_model().empty(); }

double context_log10(const WordContext& context, std::string_view phrase) {
  const NgramModel& model = spelling_model();
  if (model.empty()) return 0.0;
  std::vector<std::string_view> words(context.before.begin(), context.before.end());
  const std::size_t first = words.size();
  for (std::size_t start = 0; start <= phrase.size();) {
    const std::size_t space = std::min(phrase.find(' ', start), phrase.size());
    if (space > start) words.push_back(phrase.substr(start, space - start));
    start = space + 1;
  }
  words.insert(words.end(), context.after.begin(), context.after.end());
  // Each window scores three positions: stepping by three from the phrase scores every word
  // after it once, and the sentence end. The words before the phrase score the same whatever
  // the phrase, so they are left out.
  double total = 0.0;
  for (std::size_t target = first; target <= words.size(); target += 3) {
    total += model.window_log10(words, target);
  }
  return total;
}

}  // namespace copydesk
