// `extends: spelling`: flags words the rule's dictionaries do not know. `dicpath` and
// `ignore` files are relative to the StylesPath, as in Vale; `dictionaries` names files in
// `dicpath` (without .dic/.aff); without them, copydesk's own en_US dictionary. `filters`
// are patterns of words to leave alone; `custom: true` turns off the default filters. The
// message's `%s` is the word.

#include <memory>
#include <string>

#include "copydesk/prose.hpp"
#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/spelling.hpp"

namespace copydesk::vale {
namespace {

// The StylesPath of a rule file: <StylesPath>/<Style>/<Rule>.yml.
std::filesystem::path styles_path_of(const RuleFile& file) {
  return file.path().parent_path().parent_path();
}

std::vector<DictionaryFiles> dictionaries_of(const RuleFile& file) {
  std::vector<DictionaryFiles> files;
  const std::filesystem::path folder = styles_path_of(file) / file.string("dicpath");
  for (const std::string& name : file.strings("dictionaries")) {
    DictionaryFiles dictionary{folder / (name + ".aff"), folder / (name + ".dic")};
    if (!std::filesystem::is_regular_file(dictionary.aff) ||
        !std::filesystem::is_regular_file(dictionary.dic)) {
      file.fail("dictionaries", "no " + name + ".dic and " + name + ".aff in " + folder.string());
    }
    files.push_back(std::move(dictionary));
  }
  return files;
}

WordList ignored_words(const RuleFile& file) {
  WordList words;
  for (const std::string& name : file.strings("ignore")) {
    try {
      words.add_file(styles_path_of(file) / name);
    } catch (const std::runtime_error& error) {
      file.fail("ignore", error.what());
    }
  }
  return words;
}

class SpellingCheck : public Check {
 public:
  explicit SpellingCheck(const RuleFile& file)
      : speller_(dictionaries_of(file), "en_US"),
        ignored_(ignored_words(file)),
        default_filters_(!file.boolean("custom", false)),
        // The Vocab's accepted entries (and the rule's own exceptions) are words the speller
        // accepts in any case: Vale.Terms, not the speller, says how they are written.
        exceptions_(file.whole_word_list("exceptions", true)),
        message_(file.message()) {
    for (const std::string& filter : file.strings("filters")) {
      filters_.push_back(file.pattern("filters", filter, false));
    }
  }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    for (const Block& block : blocks) {
      for (const Span span : spelling_words(block.text)) {
        const std::string_view word = span.in(block.text);
        // The mark that stands for inline code or an image between words is no word.
        if (word.find(kNonProsePlaceholder) != std::string_view::npos) continue;
        if (accepted(word)) continue;
        out.push_back(Alert{.span = {block.offset + span.begin, block.offset + span.end},
                            .message = format_message(message_, {word})});
      }
    }
  }

 private:
  bool accepted(std::string_view written) const {
    // Vale reads a typographic apostrophe as a straight one: "doesn’t" is "doesn't".
    std::string word;
    for (std::size_t at = 0; at < written.size(); ++at) {
      const bool curly = written.substr(at, 3) == "\u2019";
      word.push_back(curly ? '\'' : written[at]);
      if (curly) at += 2;
    }
    if (default_filters_ && skipped_by_default_filters(word)) return true;
    Groups groups;
    for (const Pattern& filter : filters_) {
      if (filter.find(word, 0, groups)) return true;
    }
    if (exceptions_ && exceptions_->matches_whole(word)) return true;
    return ignored_.accepts(word) || speller_.correct(word);
  }

  ValeSpeller speller_;
  WordList ignored_;
  bool default_filters_;
  std::vector<Pattern> filters_;
  std::unique_ptr<Pattern> exceptions_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_spelling_check(const RuleFile& file) {
  return std::make_unique<SpellingCheck>(file);
}

}  // namespace copydesk::vale
