#include "copydesk/document.hpp"

#include <algorithm>

#include "copydesk/segmenter.hpp"

namespace copydesk {

bool starts_block(SentenceStart start) {
  switch (start) {
    case SentenceStart::Block:
    case SentenceStart::ListItem:
    case SentenceStart::Heading:
    case SentenceStart::TableCell:
      return true;
    case SentenceStart::AfterTerminal:
    case SentenceStart::LineBreak:
      return false;
  }
  return false;
}

Document::Document(std::string path, std::string text, const std::vector<BlockStart>& block_starts)
    : path_(std::move(path)), text_(std::move(text)) {
  tokens_ = tokenize(text_);
  sentences_ = segment_sentences(text_, tokens_, block_starts);
  paragraphs_ = group_paragraphs(text_, tokens_, sentences_);
  sentence_of_token_.assign(tokens_.size(), 0);
  std::uint32_t sentence = 0;
  for (std::uint32_t i = 0; i < tokens_.size(); ++i) {
    while (sentence + 1 < sentences_.size() && sentences_[sentence + 1].first <= i) ++sentence;
    sentence_of_token_[i] = sentence;
  }
}

std::uint32_t Document::sentence_of(std::uint32_t token_index) const {
  return sentence_of_token_.empty() ? 0 : sentence_of_token_[token_index];
}

std::int64_t Document::previous_non_blank(std::uint32_t index) const {
  for (std::int64_t i = static_cast<std::int64_t>(index) - 1; i >= 0; --i) {
    if (!tokens_[static_cast<std::size_t>(i)].is_blank()) return i;
  }
  return -1;
}

std::string_view Document::glued_run(std::uint32_t index) const {
  // Tokens cover the text without gaps, so the run ends at the first blank token. The bound
  // keeps a megabyte without spaces linear when every word asks.
  constexpr std::uint32_t kLongestRun = 64;
  std::uint32_t first = index, last = index;
  while (first > 0 && index - first < kLongestRun && !tokens_[first - 1].is_blank()) --first;
  while (last + 1 < tokens_.size() && last - index < kLongestRun && !tokens_[last + 1].is_blank()) {
    ++last;
  }
  const std::string_view run = text_of(Span{tokens_[first].span.begin, tokens_[last].span.end});
  const std::string_view word = text_of(tokens_[index]);
  if (word == "|" || run.find('|') == std::string_view::npos ||
      !in_table_row(tokens_[first].span.begin)) {
    return run;
  }
  const auto at = static_cast<std::size_t>(word.data() - run.data());
  const std::size_t pipe_before = run.rfind('|', at);
  const std::size_t begin = pipe_before == std::string_view::npos ? 0 : pipe_before + 1;
  const std::size_t end = std::min(run.find('|', at + word.size()), run.size());
  return run.substr(begin, end - begin);
}

bool Document::in_table_row(std::size_t at) const {
  // A row longer than this is no table a reader keeps on screen.
  constexpr std::size_t kLongestRow = 4096;
  const std::size_t low = at > kLongestRow ? at - kLongestRow : 0;
  while (at > low && text_[at - 1] != '\n' && text_[at - 1] != '\r') --at;
  if (at > 0 && text_[at - 1] != '\n' && text_[at - 1] != '\r') return false;
  while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
  return at < text_.size() && text_[at] == '|';
}

std::int64_t Document::next_non_blank(std::uint32_t index) const {
  for (std::size_t i = index + 1; i < tokens_.size(); ++i) {
    if (!tokens_[i].is_blank()) return static_cast<std::int64_t>(i);
  }
  return -1;
}

bool Document::block_between(std::uint32_t before, std::uint32_t after) const {
  const std::uint32_t sentence = sentence_of(after);
  return sentence != sentence_of(before) && sentence < sentences_.size() &&
         starts_block(sentences_[sentence].start);
}

}  // namespace copydesk
