// Cuts the n-grams the confusion sets need out of a CMU Sphinx trigram model in its binary trie
// format (Debian's pocketsphinx-en-us ships en-us.lm.bin) and writes them in the format of
// copydesk/ngram_model.hpp:
//
//   copydesk_extract_ngrams --lm en-us.lm.bin --sets confusion-sets.txt --out ngrams.bin
//   copydesk_extract_ngrams --lm en-us.lm.bin --spelling BIGRAMS --out spelling-ngrams.bin
//
// Kept: every unigram; every bigram and trigram that holds a member of a set; and the bigrams
// a comparison of two members can reach when one of them backs off (the history of a trigram
// that ends in a member, the tail of one that starts with a member). Everything else cancels
// out when members are compared in the same window.
//
// With --spelling, the model that ranks spelling suggestions in context: every unigram, and the
// BIGRAMS bigrams that tell most beyond the unigrams: by how far the bigram's probability is
// from what backing off to the unigram gives, weighed by how often the pair occurs. No
// trigrams: the bigrams' back-off weights are dropped with them, so that a missing trigram falls
// back on the bigram's own probability.
//
// The trie format, as the model file lays it out: the header "Trie Language Model", the order
// (one byte) and the n-gram counts (32-bit); a 32-bit field; the quantization tables (65,536
// floats each: bigram probabilities, bigram back-offs, trigram probabilities); the unigrams
// (probability, back-off, index of the first bigram) with one sentinel; the bigrams and the
// trigrams as bit-packed arrays; the words, NUL-separated. The trie is keyed by the predicted
// word first: a bigram entry under unigram c holds the word before c, a trigram entry under it
// the word before that. Scores are in units of log base 1.0001.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "copydesk/ngram_model.hpp"

namespace {

const double kToLog10 = std::log10(1.0001);

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Reader {
  const std::string& data;
  std::size_t position = 0;
  template <typename T>
  T next() {
    if (position + sizeof(T) > data.size()) throw std::runtime_error("model file is truncated");
    T value;
    std::memcpy(&value, data.data() + position, sizeof(T));
    position += sizeof(T);
    return value;
  }
};

std::uint32_t required_bits(std::uint32_t max_value) {
  std::uint32_t bits = 0;
  while (bits < 32 && (max_value >> bits) != 0) ++bits;
  return bits;
}

// A bit-packed array of fixed-width entries.
struct BitArray {
  const unsigned char* base = nullptr;
  std::uint32_t entry_bits = 0;
  std::uint64_t read(std::uint64_t entry, std::uint32_t offset, std::uint32_t width) const {
    const std::uint64_t bit = entry * entry_bits + offset;
    std::uint64_t word = 0;
    std::memcpy(&word, base + bit / 8, sizeof(word));
    return (word >> (bit % 8)) & ((width == 64 ? 0 : (1ULL << width)) - 1);
  }
};

struct Unigram {
  float prob, backoff;
  std::uint32_t next;
};

struct TrieModel {
  std::vector<std::string> words;
  std::vector<Unigram> unigrams;
  // (earlier word, later word, log10 prob, log10 back-off)
  std::vector<std::tuple<std::uint32_t, std::uint32_t, float, float>> bigrams;
  // (first, second, third, log10 prob)
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, float>> trigrams;
};

TrieModel read_trie(const std::string& data) {
  static const std::string kHeader = "Trie Language Model";
  if (data.compare(0, kHeader.size(), kHeader) != 0) {
    throw std::runtime_error("not a CMU Sphinx trie language model");
  }
  Reader in{data, kHeader.size()};
  if (in.next<std::uint8_t>() != 3) throw std::runtime_error("only trigram models are read");
  std::uint32_t counts[3];
  for (std::uint32_t& count : counts) count = in.next<std::uint32_t>();
  in.next<std::int32_t>();
  std::vector<float> tables(3 * 65536);
  for (float& value : tables) value = in.next<float>();
  TrieModel model;
  model.unigrams.resize(counts[0] + 1);
  for (Unigram& unigram : model.unigrams) {
    unigram = {in.next<float>(), in.next<float>(), in.next<std::uint32_t>()};
  }
  const std::uint32_t word_bits = required_bits(counts[0]);
  const std::uint32_t next_bits = required_bits(counts[2]);
  const BitArray middle{reinterpret_cast<const unsigned char*>(data.data()) + in.position,
                        word_bits + 32 + next_bits};
  in.position += ((1 + std::uint64_t{counts[1]}) * middle.entry_bits + 7) / 8 + 8;
  const BitArray longest{reinterpret_cast<const unsigned char*>(data.data()) + in.position,
                         word_bits + 16};
  in.position += ((1 + std::uint64_t{counts[2]}) * longest.entry_bits + 7) / 8 + 8;
  const auto text_size = static_cast<std::size_t>(in.next<std::int32_t>());
  if (in.position + text_size != data.size()) throw std::runtime_error("unexpected file size");
  std::istringstream text(data.substr(in.position, text_size));
  for (std::string word; model.words.size() < counts[0] && std::getline(text, word, '\0');) {
    model.words.push_back(word);
  }
  for (std::uint32_t later = 0; later < counts[0]; ++later) {
    for (std::uint64_t b = model.unigrams[later].next; b < model.unigrams[later + 1].next; ++b) {
      const auto earlier = static_cast<std::uint32_t>(middle.read(b, 0, word_bits));
      const float backoff = tables[65536 + middle.read(b, word_bits, 16)];
      const float prob = tables[middle.read(b, word_bits + 16, 16)];
      model.bigrams.emplace_back(earlier, later, prob * kToLog10, backoff * kToLog10);
      const std::uint64_t begin = middle.read(b, word_bits + 32, next_bits);
      const std::uint64_t end = middle.read(b + 1, word_bits + 32, next_bits);
      for (std::uint64_t t = begin; t < end; ++t) {
        const auto first = static_cast<std::uint32_t>(longest.read(t, 0, word_bits));
        const float trigram_prob = tables[2 * 65536 + longest.read(t, word_bits, 16)];
        model.trigrams.emplace_back(first, earlier, later, trigram_prob * kToLog10);
      }
    }
  }
  return model;
}

std::set<std::string> read_members(const std::string& path) {
  std::set<std::string> members;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream parts(line);
    for (std::string member; std::getline(parts, member, '/');) members.insert(member);
  }
  return members;
}

copydesk::NgramTables subset(const TrieModel& model, const std::set<std::string>& members) {
  std::vector<bool> is_member(model.words.size());
  for (std::size_t w = 0; w < model.words.size(); ++w) is_member[w] = members.count(model.words[w]);
  copydesk::NgramTables tables;
  const auto key = [&](std::initializer_list<std::uint32_t> ids) {
    std::vector<std::string_view> words;
    for (const std::uint32_t id : ids) words.push_back(model.words[id]);
    return copydesk::NgramModel::key(words);
  };
  for (std::uint32_t w = 0; w < model.words.size(); ++w) {
    tables.unigrams.push_back({key({w}), static_cast<float>(model.unigrams[w].prob * kToLog10),
                               static_cast<float>(model.unigrams[w].backoff * kToLog10)});
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> reachable;
  for (const auto& [first, second, third, prob] : model.trigrams) {
    if (!is_member[first] && !is_member[second] && !is_member[third]) continue;
    tables.trigrams.push_back({key({first, second, third}), prob, 0.0f});
    if (is_member[third]) reachable.emplace(first, second);
    if (is_member[first]) reachable.emplace(second, third);
  }
  for (const auto& [earlier, later, prob, backoff] : model.bigrams) {
    if (is_member[earlier] || is_member[later] || reachable.count({earlier, later})) {
      tables.bigrams.push_back({key({earlier, later}), prob, backoff});
    }
  }
  return tables;
}

copydesk::NgramTables spelling_subset(const TrieModel& model, std::size_t bigram_budget) {
  copydesk::NgramTables tables;
  const auto key = [&](std::initializer_list<std::uint32_t> ids) {
    std::vector<std::string_view> words;
    for (const std::uint32_t id : ids) words.push_back(model.words[id]);
    return copydesk::NgramModel::key(words);
  };
  const auto unigram_log10 = [&](std::uint32_t w) { return model.unigrams[w].prob * kToLog10; };
  for (std::uint32_t w = 0; w < model.words.size(); ++w) {
    tables.unigrams.push_back({key({w}), static_cast<float>(unigram_log10(w)),
                               static_cast<float>(model.unigrams[w].backoff * kToLog10)});
  }
  // Each bigram by how much it tells beyond backing off, weighed by how often the pair occurs.
  std::vector<std::pair<double, std::size_t>> ranked;
  for (std::size_t b = 0; b < model.bigrams.size(); ++b) {
    const auto& [earlier, later, prob, backoff] = model.bigrams[b];
    const double backed_off = model.unigrams[earlier].backoff * kToLog10 + unigram_log10(later);
    const double joint = std::pow(10.0, unigram_log10(earlier) + prob);
    ranked.emplace_back(joint * std::abs(prob - backed_off), b);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  ranked.resize(std::min(ranked.size(), bigram_budget));
  for (const auto& [weight, b] : ranked) {
    const auto& [earlier, later, prob, backoff] = model.bigrams[b];
    tables.bigrams.push_back({key({earlier, later}), prob, 0.0f});
  }
  return tables;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options;
  for (int i = 1; i + 1 < argc; i += 2) options[argv[i]] = argv[i + 1];
  const bool spelling = options.count("--spelling") > 0;
  if (!options.count("--lm") || (!options.count("--sets") && !spelling) ||
      !options.count("--out")) {
    std::cerr << "usage: copydesk_extract_ngrams --lm en-us.lm.bin"
                 " (--sets FILE | --spelling BIGRAMS) --out FILE\n";
    return 2;
  }
  try {
    const TrieModel model = read_trie(read_file(options["--lm"]));
    copydesk::NgramTables tables = spelling
                                       ? spelling_subset(model, std::stoul(options["--spelling"]))
                                       : subset(model, read_members(options["--sets"]));
    const std::string bytes = tables.write();
    std::ofstream out(options["--out"], std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) throw std::runtime_error("cannot write " + options["--out"]);
    std::cout << model.words.size() << " words, " << model.bigrams.size() << " bigrams, "
              << model.trigrams.size() << " trigrams; kept " << tables.unigrams.size() << ", "
              << tables.bigrams.size() << ", " << tables.trigrams.size() << " ("
              << bytes.size() / 1024 << " KiB)\n";
  } catch (const std::exception& error) {
    std::cerr << "copydesk_extract_ngrams: " << options["--lm"] << ": " << error.what() << '\n';
    return 1;
  }
  return 0;
}
