// Micro-benchmarks of the hot path: tokenizer, segmenter, each registered rule on its own, and
// the spell check (SpellChecker and its word table). All report MB/s of input text, so they
// compare with the whole-process figures of bench/speed/bench.py. And what start-up pays for
// each rule: the time to build it.
//
// Input: the file named by COPYDESK_BENCH_TEXT (bench.py passes 1 MB of news text), otherwise
// the repository's examples/*.txt.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "copydesk/dictionary.hpp"
#include "copydesk/document.hpp"
#include "copydesk/embedded_data.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/rule.hpp"
#include "copydesk/segmenter.hpp"
#include "copydesk/token.hpp"
#include "copydesk/word_table.hpp"

namespace {

using copydesk::Document;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "copydesk_micro_benchmarks: cannot read " << path << '\n';
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string load_text() {
  if (const char* file = std::getenv("COPYDESK_BENCH_TEXT"); file != nullptr && *file != '\0') {
    return read_file(file);
  }
  std::vector<std::filesystem::path> examples;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(COPYDESK_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() == ".txt") examples.push_back(entry.path());
  }
  std::sort(examples.begin(), examples.end());
  std::string text;
  for (const auto& path : examples) text += read_file(path) + "\n\n";
  return text;
}

// Everything the benchmarks share, built once: the text, its Document, and the rule resources.
struct Fixture {
  std::string text = load_text();
  Document document{"bench.txt", text};
  copydesk::SpellChecker spell{"en_GB"};
  copydesk::WordSet accepted_words;

  Fixture() { accepted_words.add_lines(copydesk::embedded_data("house-words.txt")); }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

// Drops findings: the benchmarks time finding them, not collecting them.
class NullSink : public copydesk::Sink {
 public:
  void report(copydesk::Diagnostic diagnostic) override {
    benchmark::DoNotOptimize(diagnostic);
    ++count;
  }
  std::size_t count = 0;
};

void set_bytes(benchmark::State& state, std::size_t bytes_per_iteration) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_per_iteration));
}

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = fixture().text;
  for (auto _ : state) {
    auto tokens = copydesk::tokenize(text);
    benchmark::DoNotOptimize(tokens.data());
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_SegmentSentences(benchmark::State& state) {
  const std::string& text = fixture().text;
  const auto tokens = copydesk::tokenize(text);
  for (auto _ : state) {
    auto sentences = copydesk::segment_sentences(text, tokens);
    benchmark::DoNotOptimize(sentences.data());
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_SegmentSentences)->Unit(benchmark::kMillisecond);

// The whole front end: copy, tokenize, segment, group paragraphs.
void BM_DocumentConstruction(benchmark::State& state) {
  const std::string& text = fixture().text;
  for (auto _ : state) {
    Document document("bench.txt", text);
    benchmark::DoNotOptimize(document.sentences().data());
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_DocumentConstruction)->Unit(benchmark::kMillisecond);

std::vector<std::string_view> words_of(const Document& document) {
  std::vector<std::string_view> words;
  for (const auto& token : document.tokens()) {
    if (token.is(copydesk::TokenKind::Word)) words.push_back(document.text_of(token));
  }
  return words;
}

// SpellChecker::correct on every word of the text after one untimed pass: what misspelled-word
// pays per word (each thread's recent verdicts, then the precompiled word table).
void BM_SpellCheck(benchmark::State& state) {
  Fixture& f = fixture();
  const auto words = words_of(f.document);
  for (const auto word : words) f.spell.correct(word);
  for (auto _ : state) {
    std::size_t known = 0;
    for (const auto word : words) known += f.spell.correct(word) ? 1 : 0;
    benchmark::DoNotOptimize(known);
  }
  state.counters["words"] = static_cast<double>(words.size());
  set_bytes(state, f.text.size());
}
BENCHMARK(BM_SpellCheck)->Unit(benchmark::kMillisecond);

// The precompiled word table alone, without the recent verdicts in front of it.
void BM_WordTable(benchmark::State& state) {
  Fixture& f = fixture();
  const auto files = copydesk::WordTable::embedded("en_GB", "/usr/share/hunspell/en_GB.aff",
                                                   "/usr/share/hunspell/en_GB.dic");
  if (!files) {
    state.SkipWithError("no en_GB word table (or the dictionary is not in /usr/share/hunspell)");
    return;
  }
  const auto words = words_of(f.document);
  for (auto _ : state) {
    std::size_t known = 0;
    for (const auto word : words) known += files->accepts(word).value_or(false) ? 1 : 0;
    benchmark::DoNotOptimize(known);
  }
  state.counters["words"] = static_cast<double>(words.size());
  set_bytes(state, f.text.size());
}
BENCHMARK(BM_WordTable)->Unit(benchmark::kMillisecond);

// One rule's check() on the prebuilt Document. One untimed run first, so that caches the rule
// fills (spelling results, suggestions) are warm, as they are for all but the first document.
void run_rule(benchmark::State& state, const copydesk::RuleEntry* entry) {
  Fixture& f = fixture();
  const copydesk::WordSet rejected;
  const auto options = copydesk::RuleOptions::defaults(entry->meta.options);
  const copydesk::RuleContext context{.spell = &f.spell,
                                      .accepted_words = &f.accepted_words,
                                      .rejected_words = &rejected,
                                      .options = &options};
  const auto rule = entry->make(context);
  NullSink warm_up;
  rule->check(f.document, warm_up);
  for (auto _ : state) {
    NullSink sink;
    rule->check(f.document, sink);
    benchmark::DoNotOptimize(sink.count);
  }
  state.counters["findings"] = static_cast<double>(warm_up.count);
  set_bytes(state, f.text.size());
}

// Building a rule: paid once per engine, so once by every run (the start-up of a pre-commit
// hook on one article, and the time before a parallel run's threads have files to lint).
void make_rule(benchmark::State& state, const copydesk::RuleEntry* entry) {
  Fixture& f = fixture();
  const copydesk::WordSet rejected;
  const auto options = copydesk::RuleOptions::defaults(entry->meta.options);
  const copydesk::RuleContext context{.spell = &f.spell,
                                      .accepted_words = &f.accepted_words,
                                      .rejected_words = &rejected,
                                      .options = &options};
  for (auto _ : state) {
    auto rule = entry->make(context);
    benchmark::DoNotOptimize(rule);
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (const copydesk::RuleEntry* entry : copydesk::Registry::builtin().entries()) {
    // The suppression rules are reported by the engine; their check() does nothing to time.
    if (entry->meta.category == copydesk::RuleCategory::Suppression) continue;
    benchmark::RegisterBenchmark(("BM_Rule/" + std::string(entry->meta.id)).c_str(), run_rule,
                                 entry)
        ->Unit(benchmark::kMillisecond);
  }
  for (const copydesk::RuleEntry* entry : copydesk::Registry::builtin().entries()) {
    benchmark::RegisterBenchmark(("BM_MakeRule/" + std::string(entry->meta.id)).c_str(), make_rule,
                                 entry)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
