// Trains the confusion-set model (copydesk/confusion_model.hpp) on clean text: every
// occurrence of a set member is an example of the context that member fits. Thresholds come
// from held-out predictions (four folds by document): a written member is flagged only when
// the model prefers another by a margin chosen out of fold: the alarm budget (--budget alarms
// per 10,000 words of the training text, all sets together) goes where it catches the largest
// share of a set's planted errors per alarm, each pair of written and right member weighing
// the same.
//
//   copydesk_train_confusions --sets confusion-sets.txt --tagger pos-tagger.bin --out model.bin
//       [--ewt DIR] [--masc DIR] [--addresses DIR] [--wordnet DIR] [--budget F] [--passes N]
//       [--min-margin F] [--min-count N] [--min-count-cheap N] [--prune F] [--ngrams MODEL]
//       [--agree-margin F] [--min-ngram-margin F] [--dump-text FILE]
//
// With --ngrams (copydesk/ngram_model.hpp), each set's final scores may add the n-gram model's
// log10 likelihood of each member in its window, times a weight chosen out of fold with the
// thresholds: the weight that catches most planted errors for the same alarms.
//
// --dump-text writes the training text as read, documents separated by form feeds.
//
// Text sources: EWT's train and dev files (never test; real slips read as corrected), MASC, the
// presidential addresses and WordNet's glosses and examples.

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/confusion_model.hpp"
#include "copydesk/document.hpp"
#include "copydesk/text.hpp"
#include "linear_training.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::uint64_t> ngram_storage;  // the n-gram model's bytes, aligned to 8

constexpr int kFolds = 4;
float g_prune = 0.02f;                // --prune
std::uint32_t g_min_count = 2;        // --min-count
std::uint32_t g_min_count_cheap = 5;  // --min-count-cheap
// --min-margin: no set flags a word whose replacement is less than this many times (in log-odds)
// likelier, however few alarms a lower margin would cost.
float g_min_margin = 5.0f;
// --agree-margin: the full model alone must prefer the flagged member by more than this, so that
// the n-gram model never outvotes it.
float g_agree_margin = 0.0f;
// --min-ngram-margin: a set judged by the n-gram model alone flags a word only when another
// member is at least this much likelier (log10).
float g_min_ngram_margin = 2.0f;
constexpr std::size_t kMinimumExamples = 200;
constexpr std::size_t kMinimumPerMember = 20;
constexpr std::size_t kMaxMembers = 8;
// The n-gram weights tried for each set (trained units per log10 of likelihood).
constexpr float kNgramWeights[] = {0.0f, 0.5f, 1.0f, 1.5f,  2.0f, 3.0f,
                                   4.0f, 6.0f, 8.0f, 12.0f, 16.0f};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// --- Text sources: each returns documents, a document's sentences separated by blank lines --

// A CoNLL-U MISC field's value for `key` ("CorrectForm"), empty when absent.
std::string misc_value(const std::string& misc, std::string_view key) {
  std::istringstream items(misc);
  std::string item;
  while (std::getline(items, item, '|')) {
    if (item.size() > key.size() && item.starts_with(key) && item[key.size()] == '=')
      return item.substr(key.size() + 1);
  }
  return {};
}

// One EWT sentence as its writer meant it: each token its annotated correction where it has
// one (`CorrectForm=`), so that a real slip in the web text ("its a great place") is not taught
// as a correct use of the member written, nor counted as an alarm when the model flags it.
class CorrectedSentence {
 public:
  void add(const std::vector<std::string>& fields) {
    const std::size_t dash = fields[0].find('-');
    if (fields[0].find('.') != std::string::npos) return;  // an empty node
    const bool space = fields[9].find("SpaceAfter=No") == std::string::npos;
    if (dash != std::string::npos) {  // "5-6 its": the surface of the words 5 and 6
      range_end_ = std::stoi(fields[0].substr(dash + 1));
      range_surface_ = fields[1];
      range_text_.clear();
      range_corrected_ = false;
      range_space_ = space;
      return;
    }
    const std::string correct = misc_value(fields[9], "CorrectForm");
    const std::string& form = correct.empty() || correct == "_" ? fields[1] : correct;
    if (range_end_ == 0) return append(form, space);
    range_text_ += form;
    range_corrected_ = range_corrected_ || !correct.empty();
    if (std::stoi(fields[0]) < range_end_) return;
    append(range_corrected_ ? range_text_ : range_surface_, range_space_);
    range_end_ = 0;
  }
  std::string take() {
    std::string done = std::move(text_);
    text_.clear();
    return done;
  }

 private:
  void append(const std::string& surface, bool space) {
    text_ += surface;
    if (space) text_ += ' ';
  }
  std::string text_, range_surface_, range_text_;
  int range_end_ = 0;
  bool range_corrected_ = false, range_space_ = true;
};

void add_ewt(const fs::path& folder, std::vector<std::string>& documents) {
  for (const char* split : {"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu"}) {
    std::istringstream in(read_file(folder / split));
    std::string line;
    CorrectedSentence sentence;
    while (std::getline(in, line)) {
      if (line.starts_with("# newdoc")) documents.emplace_back();
      if (line.empty()) {
        if (documents.empty()) documents.emplace_back();
        documents.back() += sentence.take() + "\n\n";
      }
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields;
      std::istringstream columns(line);
      std::string field;
      while (std::getline(columns, field, '\t')) fields.push_back(field);
      if (fields.size() == 10) sentence.add(fields);
    }
  }
}

// MASC writes `word_TAG` tokens; the words are joined again as a writer would space them.
std::string masc_sentence(const std::string& line) {
  static const std::vector<std::string> kAttachLeft = {",",   ".",   ";",  ":",   "!",   "?",
                                                       ")",   "]",   "'s", "n't", "'re", "'m",
                                                       "'ll", "'ve", "'d", "%",   "''"};
  std::istringstream in(line);
  std::string token, sentence;
  bool glue_next = false;
  while (in >> token) {
    const std::size_t underscore = token.rfind('_');
    const std::string word = underscore == std::string::npos ? token : token.substr(0, underscore);
    if (word.empty()) continue;
    const bool left = std::find(kAttachLeft.begin(), kAttachLeft.end(), word) != kAttachLeft.end();
    if (!sentence.empty() && !left && !glue_next) sentence += ' ';
    sentence += word == "``" || word == "''" ? "\"" : word;
    glue_next = word == "(" || word == "[" || word == "$" || word == "``";
  }
  return sentence;
}

void add_masc(const fs::path& folder, std::vector<std::string>& documents) {
  for (const fs::path& file : files_under(folder)) {
    std::istringstream in(read_file(file));
    std::string line, document;
    while (std::getline(in, line)) {
      const std::string sentence = masc_sentence(line);
      if (!sentence.empty()) document += sentence + "\n\n";
    }
    documents.push_back(std::move(document));
  }
}

void add_addresses(const fs::path& folder, std::vector<std::string>& documents) {
  for (const fs::path& file : files_under(folder)) documents.push_back(read_file(file));
}

// WordNet's glosses: definitions and quoted examples, each a sentence.
void add_wordnet(const fs::path& folder, std::vector<std::string>& documents) {
  for (const char* part : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    std::istringstream in(read_file(folder / part));
    std::string line, document;
    std::size_t lines = 0;
    while (std::getline(in, line)) {
      if (line.starts_with("  ")) continue;  // the licence at the top
      const std::size_t bar = line.find(" | ");
      if (bar == std::string::npos) continue;
      std::string gloss = line.substr(bar + 3);
      std::istringstream pieces(gloss);
      std::string piece;
      while (std::getline(pieces, piece, ';')) {
        std::erase(piece, '"');
        if (piece.find_first_not_of(' ') != std::string::npos) document += piece + "\n\n";
      }
      if (++lines % 2000 == 0) documents.push_back(std::move(document)), document.clear();
    }
    documents.push_back(std::move(document));
  }
}

// --- Examples --------------------------------------------------------------------------------

struct Example {
  std::uint8_t label = 0;
  std::uint8_t fold = 0;
  std::vector<std::uint64_t> gate_features;
  std::vector<std::uint64_t> word_features;
  std::vector<std::uint64_t> all_features;
  std::array<float, kMaxMembers> ngram{};  // each member's log10 likelihood in the window
};

struct SetData {
  std::string name;
  std::vector<std::string> members;
  std::vector<Example> examples;
};

std::vector<SetData> read_sets(const fs::path& path) {
  std::vector<SetData> sets;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    SetData set;
    set.name = line;
    std::istringstream members(line);
    std::string member;
    while (std::getline(members, member, '/')) set.members.push_back(member);
    sets.push_back(std::move(set));
  }
  return sets;
}

std::string fold_word(std::string_view word) {
  std::string straight, lower;
  copydesk::to_lower(copydesk::straighten_apostrophes(word, straight), lower);
  return lower;
}

void collect(const std::vector<std::string>& documents, const copydesk::Tagger& tagger,
             const copydesk::NgramModel& ngrams, std::vector<SetData>& sets,
             std::size_t& word_count) {
  std::map<std::string, std::pair<std::size_t, std::uint8_t>, std::less<>> members;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    for (std::size_t m = 0; m < sets[s].members.size(); ++m) {
      members[sets[s].members[m]] = {s, static_cast<std::uint8_t>(m)};
    }
  }
  copydesk::ConfusionContext context;
  std::vector<std::string_view> words;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const copydesk::Document document("", documents[d]);
    for (const copydesk::Sentence& sentence : document.sentences()) {
      words.clear();
      for (std::uint32_t t = sentence.first; t < sentence.last; ++t) {
        const copydesk::Token& token = document.tokens()[t];
        if (token.is_blank()) continue;
        words.push_back(document.text_of(token));
        word_count +=
            token.kind == copydesk::TokenKind::Word || token.kind == copydesk::TokenKind::Number;
      }
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].size() > 12) continue;
        const auto found = members.find(fold_word(words[i]));
        if (found == members.end()) continue;
        SetData& set = sets[found->second.first];
        Example example;
        example.label = found->second.second;
        example.fold = static_cast<std::uint8_t>(d % kFolds);
        copydesk::build_confusion_context(words, i, set.members[0], context);
        copydesk::confusion_gate_features(context, example.gate_features);
        copydesk::confusion_word_features(context, example.word_features);
        copydesk::tag_confusion_context(tagger, context);
        example.all_features = example.word_features;
        copydesk::confusion_tag_features(context, example.all_features);
        if (!ngrams.empty()) {
          const std::vector<std::string_view> members(set.members.begin(), set.members.end());
          copydesk::ngram_member_scores(ngrams, words, i, members,
                                        std::span(example.ngram.data(), members.size()));
        }
        set.examples.push_back(std::move(example));
      }
    }
  }
}

// --- Training and thresholds ---------------------------------------------------------------

// The three models of a set, in the order they are asked.
enum class Stage { Gate, Cheap, Full };

const std::vector<std::uint64_t>& features_for(const Example& example, Stage stage) {
  switch (stage) {
    case Stage::Gate:
      return example.gate_features;
    case Stage::Cheap:
      return example.word_features;
    case Stage::Full:
      break;
  }
  return example.all_features;
}

// Trains one model of a set on every fold but `skip_fold` (-1: on all), written as model bytes.
std::string train(const SetData& set, int skip_fold, Stage stage, int passes) {
  copydesk::training::LogisticRegression model(set.members.size(), 0.1f, 1e-4f, g_prune);
  std::vector<const Example*> order;
  for (const Example& example : set.examples) {
    if (example.fold != skip_fold) order.push_back(&example);
  }
  std::mt19937 random(7);
  for (int p = 0; p < passes; ++p) {
    std::shuffle(order.begin(), order.end(), random);
    for (const Example* example : order) {
      model.learn(features_for(*example, stage), example->label);
    }
  }
  std::string bytes;
  // The cheap model is asked about every occurrence: kept small, it stays in the cache.
  const std::uint32_t min_count = stage == Stage::Full ? g_min_count : g_min_count_cheap;
  model.write(set.members, min_count * static_cast<std::uint32_t>(passes), bytes);
  return bytes;
}

copydesk::LinearModel to_model(const std::string& storage) {
  std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(storage.data()),
                                   storage.size());
  return copydesk::LinearModel::read(bytes);
}

// Out-of-fold margins: for each example (as written, and as each other member planted in its
// place), how far the best other member outscores the written one, under each model.
struct Margin {
  float gate = 0.0f;
  float cheap = 0.0f;
  // The full model's scores and the n-gram likelihoods of each member, with the member taken
  // as written and the one that is right.
  std::array<float, kMaxMembers> full{};
  std::array<float, kMaxMembers> ngram{};
  std::uint8_t members = 0;
  std::uint8_t written = 0;
  std::uint8_t right = 0;
  // A planted error's share of its set's recall: every pair of written and right member counts
  // the same, however common the right member is, so "two" slips matter as much as "to" ones.
  float weight = 0.0f;
};

// How far the best other member outscores the written one once the n-gram likelihoods count
// `weight`; `best` receives that member.
float final_margin(const Margin& margin, float weight, std::size_t* best = nullptr) {
  float top = -1e30f;
  std::size_t top_member = 0;
  const auto score = [&](std::size_t m) { return margin.full[m] + weight * margin.ngram[m]; };
  for (std::size_t m = 0; m < margin.members; ++m) {
    if (m == margin.written) continue;
    if (score(m) - score(margin.written) > top) {
      top = score(m) - score(margin.written);
      top_member = m;
    }
  }
  if (best) *best = top_member;
  // Below every threshold when the full model alone does not agree.
  if (margin.full[top_member] - margin.full[margin.written] <= g_agree_margin) return -1e30f;
  return top;
}

struct Margins {
  std::vector<Margin> clean;
  std::vector<Margin> planted;
  std::size_t right = 0;  // out-of-fold argmax equals the written member
};

float margin_for(const std::vector<float>& scores, std::size_t written) {
  float top = -1e30f;
  for (std::size_t m = 0; m < scores.size(); ++m) {
    if (m != written) top = std::max(top, scores[m] - scores[written]);
  }
  return top;
}

// Gives each planted error its weight (Margin::weight): a set's weights add up to one.
void weigh_pairs(std::vector<Margin>& planted, std::size_t members) {
  std::vector<std::size_t> per_pair(members * members, 0);
  for (const Margin& margin : planted) ++per_pair[margin.right * members + margin.written];
  const auto pairs = static_cast<double>(
      std::count_if(per_pair.begin(), per_pair.end(), [](std::size_t n) { return n > 0; }));
  for (Margin& margin : planted) {
    const auto count = static_cast<double>(per_pair[margin.right * members + margin.written]);
    margin.weight = static_cast<float>(1.0 / (count * pairs));
  }
}

Margins held_out_margins(const SetData& set, int passes) {
  Margins margins;
  for (int fold = 0; fold < kFolds; ++fold) {
    const std::string gate_bytes = train(set, fold, Stage::Gate, passes);
    const std::string cheap_bytes = train(set, fold, Stage::Cheap, passes);
    const std::string full_bytes = train(set, fold, Stage::Full, passes);
    const copydesk::LinearModel gate = to_model(gate_bytes);
    const copydesk::LinearModel cheap = to_model(cheap_bytes);
    const copydesk::LinearModel full = to_model(full_bytes);
    const std::size_t count = set.members.size();
    std::vector<float> gate_scores(count), cheap_scores(count), full_scores(count);
    for (const Example& example : set.examples) {
      if (example.fold != fold) continue;
      copydesk::score_members(gate, example.gate_features, gate_scores);
      copydesk::score_members(cheap, example.word_features, cheap_scores);
      copydesk::score_members(full, example.all_features, full_scores);
      Margin margin;
      std::copy(full_scores.begin(), full_scores.end(), margin.full.begin());
      margin.ngram = example.ngram;
      margin.members = static_cast<std::uint8_t>(count);
      margin.right = example.label;
      for (std::size_t written = 0; written < count; ++written) {
        margin.gate = margin_for(gate_scores, written);
        margin.cheap = margin_for(cheap_scores, written);
        margin.written = static_cast<std::uint8_t>(written);
        (written == example.label ? margins.clean : margins.planted).push_back(margin);
      }
      margins.right += margin_for(full_scores, example.label) < 0;
    }
  }
  weigh_pairs(margins.planted, set.members.size());
  return margins;
}

struct Thresholds {
  float gate = 0.0f;
  float skip = 0.0f;
  float flag = 1e30f;
  float ngram_weight = 0.0f;
  std::size_t alarms = 0;        // out-of-fold, on correct occurrences
  std::size_t caught = 0;        // out-of-fold, of planted errors
  std::size_t caught_right = 0;  // ... with the right suggestion first
  double recall = 0.0;           // ... weighted (Margin::weight)
};

// The margin below which lie `share` of the planted errors' weight (Margin::weight).
float weighted_quantile(std::vector<std::pair<float, float>> margin_weights, double share) {
  if (margin_weights.empty()) return 0.0f;
  std::sort(margin_weights.begin(), margin_weights.end());
  double total = 0.0, below = 0.0;
  for (const auto& [margin, weight] : margin_weights) total += weight;
  for (const auto& [margin, weight] : margin_weights) {
    below += weight;
    if (below > share * total) return margin;
  }
  return margin_weights.back().first;
}

// The gate lets through all but the lowest 1% of planted errors' margins, the cheap model all
// but the lowest 2% of those the gate lets through, each error counted by its weight.
std::pair<float, float> choose_skips(const Margins& margins) {
  std::vector<std::pair<float, float>> gate, cheap;
  for (const Margin& margin : margins.planted) gate.emplace_back(margin.gate, margin.weight);
  const float gate_skip = weighted_quantile(std::move(gate), 0.01);
  for (const Margin& margin : margins.planted) {
    if (margin.gate > gate_skip) cheap.emplace_back(margin.cheap, margin.weight);
  }
  return {gate_skip, weighted_quantile(std::move(cheap), 0.02)};
}

bool passes_stages(const Margin& margin, const Thresholds& thresholds) {
  return margin.gate > thresholds.gate && margin.cheap > thresholds.skip;
}

Thresholds evaluate(const Margins& margins, std::pair<float, float> skips, float flag,
                    float weight) {
  Thresholds result{skips.first, skips.second, flag, weight, 0, 0, 0};
  for (const Margin& margin : margins.clean) {
    result.alarms += passes_stages(margin, result) && final_margin(margin, weight) > flag;
  }
  for (const Margin& margin : margins.planted) {
    std::size_t suggested = 0;
    const bool caught =
        passes_stages(margin, result) && final_margin(margin, weight, &suggested) > flag;
    result.caught += caught;
    result.recall += caught ? margin.weight : 0.0;
    result.caught_right += caught && suggested == margin.right;
  }
  return result;
}

// A set's possible flag margins, strictest first: each lets one more correct occurrence through.
std::vector<Thresholds> options_for(const Margins& margins, std::size_t most, float weight) {
  const std::pair<float, float> skips = choose_skips(margins);
  std::vector<float> clean;
  for (const Margin& margin : margins.clean) {
    const float final = final_margin(margin, weight);
    if (margin.gate > skips.first && margin.cheap > skips.second && final > g_min_margin) {
      clean.push_back(final);
    }
  }
  std::sort(clean.rbegin(), clean.rend());
  // Never more than 1 in 200 correct occurrences of a set flagged, however rare the set.
  most = std::min(most, margins.clean.size() / 200);
  std::vector<Thresholds> options;
  for (std::size_t k = 0; k <= std::min(most, clean.size()); ++k) {
    options.push_back(evaluate(margins, skips, k < clean.size() ? clean[k] : g_min_margin, weight));
  }
  return options;
}

// The n-gram weight whose options catch the most planted errors over the whole range of alarms
// a set may spend, and those options.
std::vector<Thresholds> best_options_for(const Margins& margins, std::size_t most,
                                         bool have_ngrams) {
  std::vector<Thresholds> best;
  double best_area = 0.0;
  for (const float weight : kNgramWeights) {
    if (weight > 0.0f && !have_ngrams) break;
    std::vector<Thresholds> options = options_for(margins, most, weight);
    double area = 0.0;
    for (const Thresholds& option : options) area += option.recall;
    if (best.empty() || area > best_area) best = std::move(options), best_area = area;
  }
  return best;
}

// Spends the alarm budget where it buys the most recall: each step lowers the one set's
// threshold whose next few alarms catch the largest share of its planted errors per alarm.
std::vector<std::size_t> allocate(const std::vector<std::vector<Thresholds>>& options,
                                  std::size_t budget) {
  std::vector<std::size_t> chosen(options.size(), 0);
  std::size_t spent = 0;
  for (;;) {
    double best_gain = 0.0;
    std::size_t best_set = options.size(), best_step = 0;
    for (std::size_t s = 0; s < options.size(); ++s) {
      if (options[s].empty()) continue;
      const Thresholds& now = options[s][chosen[s]];
      for (std::size_t k = chosen[s] + 1; k < options[s].size() && k <= chosen[s] + 10; ++k) {
        const std::size_t cost = options[s][k].alarms - now.alarms;
        if (cost == 0 || spent + cost > budget) continue;
        const double gain = (options[s][k].recall - now.recall) / static_cast<double>(cost);
        if (gain > best_gain) best_gain = gain, best_set = s, best_step = k;
      }
    }
    if (best_set == options.size()) break;
    spent += options[best_set][best_step].alarms - options[best_set][chosen[best_set]].alarms;
    chosen[best_set] = best_step;
  }
  return chosen;
}

// A set too rare for context models is judged by the n-gram model alone (ConfusionSet::
// ngram_only): its flag margin is the largest by which another member beats the written one at
// a correct occurrence in the training text, and never below --min-ngram-margin.
struct NgramOnlyChoice {
  float flag = 0.0f;
  std::size_t caught = 0, planted = 0;
};

float ngram_margin(const Example& example, std::size_t members, std::size_t written) {
  float top = -1e30f;
  for (std::size_t m = 0; m < members; ++m) {
    if (m != written) top = std::max(top, example.ngram[m] - example.ngram[written]);
  }
  return top;
}

NgramOnlyChoice choose_ngram_only(const SetData& set) {
  const std::size_t members = set.members.size();
  std::vector<float> clean;
  for (const Example& example : set.examples)
    clean.push_back(ngram_margin(example, members, example.label));
  std::sort(clean.rbegin(), clean.rend());
  // As for the trained sets: at most 1 in 100 correct occurrences flagged.
  const std::size_t allowed = clean.size() / 100;
  NgramOnlyChoice choice{g_min_ngram_margin, 0, 0};
  if (allowed < clean.size()) choice.flag = std::max(choice.flag, clean[allowed]);
  for (const Example& example : set.examples) {
    for (std::size_t written = 0; written < members; ++written) {
      if (written == example.label) continue;
      ++choice.planted;
      choice.caught += ngram_margin(example, members, written) > choice.flag;
    }
  }
  return choice;
}

void append_ngram_only(const SetData& set, const NgramOnlyChoice& choice, std::string& out) {
  copydesk::append_name(out, set.name);
  copydesk::append_u32(out, static_cast<std::uint32_t>(set.members.size()));
  for (const std::string& member : set.members) copydesk::append_name(out, member);
  copydesk::append_u32(out, 1);
  copydesk::append_f32(out, choice.flag);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options{{"--budget", "0.35"}, {"--passes", "6"}};
  for (int i = 1; i + 1 < argc; i += 2) options[argv[i]] = argv[i + 1];
  for (const char* required : {"--sets", "--tagger", "--out"}) {
    if (!options.count(required)) {
      std::cerr << "usage: copydesk_train_confusions --sets FILE --tagger MODEL --out MODEL "
                   "[--ewt DIR] [--masc DIR] [--addresses DIR] [--wordnet DIR] [--budget F]\n";
      return 2;
    }
  }
  try {
    const std::string tagger_bytes = read_file(options["--tagger"]);
    std::span<const std::byte> view(reinterpret_cast<const std::byte*>(tagger_bytes.data()),
                                    tagger_bytes.size());
    const copydesk::Tagger tagger(copydesk::LinearModel::read(view));
    std::vector<std::string> documents;
    if (options.count("--ewt")) add_ewt(options["--ewt"], documents);
    if (options.count("--masc")) add_masc(options["--masc"], documents);
    if (options.count("--addresses")) add_addresses(options["--addresses"], documents);
    if (options.count("--wordnet")) add_wordnet(options["--wordnet"], documents);
    if (options.count("--dump-text")) {
      std::ofstream dump(options["--dump-text"], std::ios::binary);
      for (const std::string& document : documents) dump << document << "\f\n";
    }
    std::vector<SetData> sets = read_sets(options["--sets"]);
    std::string ngram_bytes;
    copydesk::NgramModel ngrams;
    if (options.count("--ngrams")) {
      ngram_bytes = read_file(options["--ngrams"]);
      ngram_storage.resize((ngram_bytes.size() + 7) / 8);
      std::memcpy(ngram_storage.data(), ngram_bytes.data(), ngram_bytes.size());
      ngrams = copydesk::NgramModel::read(
          std::span(reinterpret_cast<const std::byte*>(ngram_storage.data()), ngram_bytes.size()));
    }
    std::size_t words = 0;
    collect(documents, tagger, ngrams, sets, words);
    std::cout << documents.size() << " documents, " << words << " words\n";

    const int passes = std::stoi(options["--passes"]);
    if (options.count("--min-margin")) g_min_margin = std::stof(options["--min-margin"]);
    if (options.count("--agree-margin")) g_agree_margin = std::stof(options["--agree-margin"]);
    if (options.count("--min-ngram-margin"))
      g_min_ngram_margin = std::stof(options["--min-ngram-margin"]);
    if (options.count("--min-count-cheap"))
      g_min_count_cheap = static_cast<std::uint32_t>(std::stoul(options["--min-count-cheap"]));
    if (options.count("--prune")) g_prune = std::stof(options["--prune"]);
    if (options.count("--min-count"))
      g_min_count = static_cast<std::uint32_t>(std::stoul(options["--min-count"]));
    std::vector<Margins> margins(sets.size());
    std::vector<bool> trained(sets.size(), false);
    for (std::size_t s = 0; s < sets.size(); ++s) {
      std::vector<std::size_t> per_member(sets[s].members.size(), 0);
      for (const Example& example : sets[s].examples) ++per_member[example.label];
      const bool enough =
          sets[s].examples.size() >= kMinimumExamples &&
          *std::min_element(per_member.begin(), per_member.end()) >= kMinimumPerMember;
      if (!enough) {
        std::cout << sets[s].name << ": " << sets[s].examples.size() << " examples, too few\n";
        continue;
      }
      trained[s] = true;
      margins[s] = held_out_margins(sets[s], passes);
    }
    const auto budget = static_cast<std::size_t>(std::stod(options["--budget"]) *
                                                 static_cast<double>(words) / 10000.0);
    std::vector<std::vector<Thresholds>> choices(sets.size());
    for (std::size_t s = 0; s < sets.size(); ++s) {
      if (!trained[s]) continue;
      choices[s] = best_options_for(margins[s], budget, !ngrams.empty());
    }
    const std::vector<std::size_t> picks = allocate(choices, budget);
    std::string out;
    copydesk::append_u32(out, 0x53434443);
    copydesk::append_u32(out, 4);
    const bool judge_by_ngrams = !ngrams.empty();
    copydesk::append_u32(
        out, static_cast<std::uint32_t>(
                 judge_by_ngrams ? sets.size() : std::count(trained.begin(), trained.end(), true)));
    std::size_t total_alarms = 0, total_caught = 0, total_planted = 0;
    for (std::size_t s = 0; s < sets.size(); ++s) {
      if (!trained[s] && judge_by_ngrams) {
        const NgramOnlyChoice choice = choose_ngram_only(sets[s]);
        std::cout << sets[s].name << ": " << sets[s].examples.size()
                  << " examples, judged by the n-gram model alone: flag " << choice.flag
                  << ", planted caught " << choice.caught << "/" << choice.planted << '\n';
        append_ngram_only(sets[s], choice, out);
      }
      if (!trained[s]) continue;
      const Thresholds& chosen = choices[s][picks[s]];
      total_alarms += chosen.alarms;
      total_caught += chosen.caught;
      total_planted += margins[s].planted.size();
      std::cout << sets[s].name << ": " << sets[s].examples.size()
                << " examples, held-out accuracy "
                << 100.0 * static_cast<double>(margins[s].right) /
                       static_cast<double>(margins[s].clean.size())
                << "%, planted caught " << chosen.caught << "/" << margins[s].planted.size()
                << " (right suggestion " << chosen.caught_right << ", pair-balanced recall "
                << chosen.recall << "), alarms " << chosen.alarms << ", gate " << chosen.gate
                << ", skip " << chosen.skip << ", flag " << chosen.flag << ", n-gram weight "
                << chosen.ngram_weight << '\n';
      copydesk::append_name(out, sets[s].name);
      copydesk::append_u32(out, static_cast<std::uint32_t>(sets[s].members.size()));
      for (const std::string& member : sets[s].members) copydesk::append_name(out, member);
      copydesk::append_u32(out, 0);
      copydesk::append_f32(out, chosen.gate);
      copydesk::append_f32(out, chosen.skip);
      copydesk::append_f32(out, chosen.flag);
      copydesk::append_f32(out, chosen.ngram_weight);
      copydesk::append_f32(out, g_agree_margin);
      for (const Stage stage : {Stage::Gate, Stage::Cheap, Stage::Full}) {
        out += train(sets[s], -1, stage, passes);
      }
    }
    std::ofstream(options["--out"], std::ios::binary)
        .write(out.data(), static_cast<std::streamsize>(out.size()));
    std::cout << "held-out alarms "
              << static_cast<double>(total_alarms) * 10000.0 / static_cast<double>(words)
              << " per 10,000 words; planted caught " << total_caught << "/" << total_planted
              << "; model " << out.size() / 1024 << " KiB\n";
  } catch (const std::exception& error) {
    std::cerr << "copydesk_train_confusions: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
