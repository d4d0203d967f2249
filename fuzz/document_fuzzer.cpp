// Fuzzes the text model: tokenizer, sentence segmenter and paragraph grouping, on any bytes that
// pass find_invalid_utf8, and checks the invariants rules rely on.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "copydesk/document.hpp"
#include "copydesk/text.hpp"

#include "fuzz_support.hpp"

using copydesk::fuzz::require;

namespace {

bool continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (copydesk::find_invalid_utf8(text)) return -1;  // not worth keeping in the corpus
  const copydesk::Document document("fuzz.txt", text);
  require(document.text() == text, "the document keeps the text as given");

  // Tokens cover the text in order, without gaps or empty tokens, on character boundaries.
  const auto& tokens = document.tokens();
  std::uint32_t at = 0;
  for (const auto& token : tokens) {
    require(token.span.begin == at, "tokens leave no gap and do not overlap");
    require(token.span.end > token.span.begin, "tokens are not empty");
    require(token.span.end <= text.size(), "tokens stay inside the text");
    require(!continuation_byte(static_cast<unsigned char>(text[token.span.begin])),
            "tokens start on a character boundary");
    at = token.span.end;
  }
  require(at == text.size(), "tokens reach the end of the text");

  // Sentences are in order, do not overlap, and their spans match their tokens.
  const auto& sentences = document.sentences();
  std::uint32_t previous_last = 0, previous_end = 0;
  for (const auto& sentence : sentences) {
    require(sentence.first < sentence.last, "sentences have tokens");
    require(sentence.last <= tokens.size(), "sentence tokens exist");
    require(sentence.first >= previous_last, "sentences do not share tokens");
    require(sentence.span.begin <= sentence.span.end, "sentence spans are ordered");
    require(sentence.span.end <= text.size(), "sentences stay inside the text");
    require(sentence.span.begin >= previous_end, "sentences do not overlap");
    require(sentence.span.begin >= tokens[sentence.first].span.begin &&
                sentence.span.end <= tokens[sentence.last - 1].span.end,
            "a sentence's span lies within its tokens");
    previous_last = sentence.last;
    previous_end = sentence.span.end;
  }
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const std::uint32_t s = document.sentence_of(i);
    require(sentences.empty() ? s == 0 : s < sentences.size(), "sentence_of is in range");
    const std::int64_t before = document.previous_non_blank(i);
    const std::int64_t after = document.next_non_blank(i);
    require(before < static_cast<std::int64_t>(i), "previous_non_blank looks back");
    require(after == -1 || after > static_cast<std::int64_t>(i), "next_non_blank looks ahead");
  }

  // Paragraphs are in order and refer to existing sentences.
  std::uint32_t previous_sentence = 0;
  for (const auto& paragraph : document.paragraphs()) {
    require(paragraph.first_sentence <= paragraph.last_sentence, "paragraph sentences ordered");
    require(paragraph.last_sentence <= sentences.size(), "paragraph sentences exist");
    require(paragraph.first_sentence >= previous_sentence, "paragraphs do not overlap");
    require(paragraph.span.begin <= paragraph.span.end && paragraph.span.end <= text.size(),
            "paragraphs stay inside the text");
    previous_sentence = paragraph.last_sentence;
  }
  return 0;
}
