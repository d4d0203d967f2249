// `extends: sequence`: a list of tokens, each a word pattern and/or a Penn part-of-speech tag,
// matched against each sentence's tagged words (sequence.hpp). Tags come from copydesk's
// tagger, mapped to Penn tags (penn_tags.hpp). The message's "%[n]s" is token n's word.

#include <memory>
#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/penn_tags.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/sequence.hpp"

namespace copydesk::vale {
namespace {

// The sentences of a block: each ends after ".", "!" or "?" before a blank, or at the end.
std::vector<Span> sentences_of(std::string_view text) {
  std::vector<Span> sentences;
  std::uint32_t begin = 0;
  for (std::uint32_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    const bool terminal = c == '.' || c == '!' || c == '?';
    const bool before_blank = at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n';
    if (terminal && before_blank) {
      sentences.push_back(Span{begin, at + 1});
      begin = at + 1;
    }
  }
  if (begin < text.size())
    sentences.push_back(Span{begin, static_cast<std::uint32_t>(text.size())});
  return sentences;
}

class SequenceCheck : public Check {
 public:
  explicit SequenceCheck(const RuleFile& file) : message_(file.message()) {
    // RuleFile reads scalar keys and lists of strings; the token maps are read here.
    const YamlNode& tokens = file.node("tokens");
    if (!tokens.is_sequence() || tokens.children().empty()) {
      file.fail("tokens", "a sequence rule needs a list of tokens");
    }
    for (const YamlNode& token : tokens.children()) add_token(file, token);
    if (sequence_anchor(tokens_) == tokens_.size()) {
      file.fail("tokens", "a sequence rule needs a token with a pattern (not negated)");
    }
  }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    std::vector<std::string_view> words;
    std::vector<SequenceWord> tagged;
    for (const Block& block : blocks) {
      for (const Span sentence : sentences_of(block.text)) {
        const std::string_view text = sentence.in(block.text);
        const std::vector<Span> spans = sequence_words(text);
        words.clear();
        for (const Span span : spans) words.push_back(span.in(text));
        const std::vector<std::string_view> tags = penn_tags(words);
        tagged.clear();
        for (std::size_t i = 0; i < words.size(); ++i) tagged.push_back({words[i], tags[i]});
        for (const SequenceMatch& match : find_sequences(tagged, tokens_)) {
          report(block, sentence.begin, spans, words, match, out);
        }
      }
    }
  }

 private:
  void add_token(const RuleFile& file, const YamlNode& node) {
    if (!node.is_map()) file.fail("tokens", "each token is a map of pattern, tag, negate, skip");
    SequenceToken token;
    if (node["pattern"]) {
      patterns_.push_back(std::make_unique<Pattern>(
          file.pattern("tokens", token_string(file, node["pattern"]), file.ignore_case())));
      const Pattern* pattern = patterns_.back().get();
      token.word = [pattern](std::string_view word) { return pattern->matches_whole(word); };
    }
    if (node["tag"]) {
      patterns_.push_back(std::make_unique<Pattern>(
          file.pattern("tokens", token_string(file, node["tag"]), false)));
      const Pattern* tag = patterns_.back().get();
      token.tag = [tag](std::string_view penn) { return tag->matches_whole(penn); };
    }
    if (!token.word && !token.tag) file.fail("tokens", "a token needs a pattern or a tag");
    if (node["negate"]) {
      const std::optional<bool> negate = node["negate"].as_bool();
      if (!negate) file.fail("tokens", "negate must be true or false");
      token.negate = *negate;
    }
    if (node["skip"]) {
      const std::optional<std::int64_t> skip = node["skip"].as_integer();
      if (!skip || *skip < 0 || *skip > 32) file.fail("tokens", "skip must be from 0 to 32");
      token.skip = static_cast<int>(*skip);
    }
    tokens_.push_back(std::move(token));
  }

  static std::string token_string(const RuleFile& file, const YamlNode& value) {
    if (!value.is_scalar()) file.fail("tokens", "a token's pattern and tag must be strings");
    return value.text();
  }

  void report(const Block& block, std::uint32_t sentence_begin, const std::vector<Span>& spans,
              const std::vector<std::string_view>& words, const SequenceMatch& match,
              std::vector<Alert>& out) const {
    std::vector<std::string_view> token_words;
    for (const std::size_t word : match.words) {
      token_words.push_back(word == SequenceMatch::kNoWord ? std::string_view() : words[word]);
    }
    const std::uint32_t begin = block.offset + sentence_begin + spans[match.first].begin;
    const std::uint32_t end = block.offset + sentence_begin + spans[match.last].end;
    const std::string_view whole = block.text.substr(begin - block.offset, end - begin);
    out.push_back(Alert{.span = {begin, end},
                        .message = format_sequence_message(message_, token_words, whole)});
  }

  std::vector<std::unique_ptr<Pattern>> patterns_;  // the tokens' tests point into these
  std::vector<SequenceToken> tokens_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_sequence_check(const RuleFile& file) {
  return std::make_unique<SequenceCheck>(file);
}

}  // namespace copydesk::vale
