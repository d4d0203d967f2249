// Trains the part-of-speech tagger (copydesk/tagger.hpp) on CoNLL-U treebanks: learns on the
// train file, prints the accuracy on the dev file after each pass, writes the averaged model,
// then reads the written model back and prints its accuracy on the test file.
//
//   copydesk_train_tagger --train T.conllu --dev D.conllu --test E.conllu --out model.bin
//                         [--column upos|xpos] [--passes N] [--min-count N] [--seed N]
//
// A multi-word token ("don't", "it's") is one word, as copydesk's tokenizer sees it, with the
// tag of its first part.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/tagger.hpp"
#include "linear_training.hpp"

namespace {

using copydesk::Tagger;
using copydesk::TaggerWord;

struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  return fields;
}

std::vector<Sentence> read_conllu(const std::string& path, int column) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Sentence> sentences(1);
  std::string line;
  int skip_until = 0;  // the last id of the multi-word token being read
  while (std::getline(in, line)) {
    if (line.empty()) {
      skip_until = 0;
      if (!sentences.back().words.empty()) sentences.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    const std::vector<std::string> fields = split_tabs(line);
    if (fields.size() < 5 || fields[0].find('.') != std::string::npos) continue;
    const std::size_t dash = fields[0].find('-');
    if (dash != std::string::npos) {
      sentences.back().words.push_back(fields[1]);
      sentences.back().tags.emplace_back();  // the first part's tag follows
      skip_until = std::stoi(fields[0].substr(dash + 1));
      continue;
    }
    const int id = std::stoi(fields[0]);
    if (id <= skip_until) {
      if (sentences.back().tags.back().empty()) sentences.back().tags.back() = fields[column];
      continue;
    }
    sentences.back().words.push_back(fields[1]);
    sentences.back().tags.push_back(fields[column]);
  }
  if (sentences.back().words.empty()) sentences.pop_back();
  return sentences;
}

std::vector<TaggerWord> describe(const Sentence& sentence) {
  std::vector<TaggerWord> words;
  std::string scratch;
  for (const std::string& word : sentence.words)
    words.push_back(copydesk::describe_word(word, scratch));
  return words;
}

struct Accuracy {
  std::size_t right = 0;
  std::size_t total = 0;
  double percent() const { return total == 0 ? 0.0 : 100.0 * static_cast<double>(right) / total; }
};

// Tags with the weights being learned (learning when `learn`), and counts the right tags.
Accuracy pass(copydesk::training::AveragedPerceptron& model, const std::vector<Sentence>& sentences,
              const std::map<std::string, std::size_t>& tag_ids, bool learn) {
  Accuracy accuracy;
  Tagger::Features features;
  std::vector<float> scores;
  for (const Sentence& sentence : sentences) {
    const std::vector<TaggerWord> words = describe(sentence);
    std::uint64_t previous = copydesk::kStartTag, before_previous = copydesk::kStartTag;
    for (std::size_t i = 0; i < words.size(); ++i) {
      Tagger::features(words, i, previous, before_previous, features);
      const std::size_t guess = model.predict(features, scores);
      const std::size_t truth = tag_ids.at(sentence.tags[i]);
      if (learn) model.learn(features, truth, guess);
      accuracy.right += guess == truth;
      ++accuracy.total;
      before_previous = previous;
      previous = guess;
    }
  }
  return accuracy;
}

Accuracy evaluate(const Tagger& tagger, const std::vector<Sentence>& sentences) {
  Accuracy accuracy;
  std::vector<std::uint8_t> tags;
  for (const Sentence& sentence : sentences) {
    const std::vector<TaggerWord> words = describe(sentence);
    tags.assign(words.size(), 0);
    tagger.tag(words, 0, words.size(), tags);
    for (std::size_t i = 0; i < words.size(); ++i) {
      accuracy.right += tagger.tag_name(tags[i]) == sentence.tags[i];
      ++accuracy.total;
    }
  }
  return accuracy;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options{
      {"--column", "upos"}, {"--passes", "8"}, {"--min-count", "2"}, {"--seed", "1"}};
  for (int i = 1; i + 1 < argc; i += 2) options[argv[i]] = argv[i + 1];
  for (const char* required : {"--train", "--dev", "--test", "--out"}) {
    if (!options.count(required)) {
      std::cerr << "usage: copydesk_train_tagger --train T --dev D --test E --out MODEL "
                   "[--column upos|xpos] [--passes N] [--min-count N]\n";
      return 2;
    }
  }
  try {
    const int column = options["--column"] == "xpos" ? 4 : 3;
    std::vector<Sentence> train = read_conllu(options["--train"], column);
    const std::vector<Sentence> dev = read_conllu(options["--dev"], column);
    const std::vector<Sentence> test = read_conllu(options["--test"], column);
    std::map<std::string, std::size_t> tag_ids;
    for (const Sentence& sentence : train) {
      for (const std::string& tag : sentence.tags) tag_ids.emplace(tag, 0);
    }
    std::vector<std::string> names;
    for (auto& [tag, id] : tag_ids) {
      id = names.size();
      names.push_back(tag);
    }
    for (const auto* set : {&dev, &test}) {  // a tag unseen in training counts as wrong
      for (const Sentence& sentence : *set) {
        for (const std::string& tag : sentence.tags) tag_ids.emplace(tag, names.size());
      }
    }
    copydesk::training::AveragedPerceptron model(names.size());
    std::mt19937 random(static_cast<unsigned>(std::stoul(options["--seed"])));
    const int passes = std::stoi(options["--passes"]);
    for (int p = 1; p <= passes; ++p) {
      std::shuffle(train.begin(), train.end(), random);
      const Accuracy seen = pass(model, train, tag_ids, true);
      std::cout << "pass " << p << ": train " << seen.percent() << "%\n";
    }
    std::string bytes;
    // Counts grow with every pass: a feature seen `min-count` times in the data.
    model.write(names, static_cast<std::uint32_t>(std::stoul(options["--min-count"]) * passes),
                bytes);
    std::ofstream(options["--out"], std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::span<const std::byte> view(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size());
    const Tagger tagger(copydesk::LinearModel::read(view));
    const Accuracy on_dev = evaluate(tagger, dev), on_test = evaluate(tagger, test);
    std::cout << "features: " << model.feature_count() << ", model " << bytes.size() / 1024
              << " KiB\n"
              << options["--column"] << " accuracy: dev " << on_dev.percent() << "% ("
              << on_dev.total << " words), test " << on_test.percent() << "% (" << on_test.total
              << " words)\n";
  } catch (const std::exception& error) {
    std::cerr << "copydesk_train_tagger: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
