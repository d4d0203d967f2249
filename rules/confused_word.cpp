// confused-word: a real word that is wrong in its context ("flew too Iraq", "more then ten").
//
// Two sources of evidence. The confusion sets' trained model (copydesk/confusion_model.hpp)
// judges every member of a set ("to/too/two", "its/it's") from the words and tags around it.
// Hand-written contexts (dictionaries/confusions.txt, format described at its top) cover the
// pairs the model does not and a few set contexts it misses: each pattern is a short run of
// slots around one target `[wrong->right]`, compiled once and indexed by the lowercase wrong
// word, so check() only looks closer at tokens that are a member of some pair.

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/confusion_model.hpp"
#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"
#include "copydesk/word_classes.hpp"

namespace copydesk {
namespace {

// The numbers (in ConfusedWord::word_ids_) of a class's or a slot's words, perhaps repeated.
using WordNumbers = std::vector<std::int32_t>;

// One position of a pattern: the union of the alternatives written in it.
struct Slot {
  static constexpr std::uint32_t kNoWords = 0xFFFFFFFF;
  std::uint32_t words = kNoWords;  // index into ConfusedWord::tables_ and members_
  bool any_word = false;           // `*`
  bool number = false;             // `@number`
  bool capitalized = false;        // `@capitalized`: a name in mid-sentence
  bool end = false;                // `@end`: punctuation, or the end of the sentence
  bool start = false;              // `@start`: only opening punctuation before, in the sentence
  bool ing = false;                // `@ing`: a lowercase word of 5+ letters ending in "ing"
  bool noun = false;               // `@noun`: a noun, never an adjective, adverb or participle
  bool adjective = false;          // `@adjective`: a lowercase word with an adjective sense
  bool negated = false;            // `!`
};

struct Pattern {
  std::vector<Slot> before;  // nearest to the target first
  std::vector<Slot> after;   // nearest to the target first
  std::string wrong;         // lowercase, straight apostrophes
  std::string right;
  std::uint32_t line = 0;
  // When the nearest slot on a side only lists words, their table: a neighbour outside it
  // rules the pattern out at a glance ("of" and "to" have a dozen patterns each and are a
  // twentieth of all words).
  std::uint32_t next_words = Slot::kNoWords;
  std::uint32_t previous_words = Slot::kNoWords;
};

// A slot that matches exactly the words of its table.
bool only_words(const Slot& slot) {
  return slot.words != Slot::kNoWords && !slot.any_word && !slot.number && !slot.capitalized &&
         !slot.end && !slot.start && !slot.ing && !slot.noun && !slot.adjective && !slot.negated;
}

// Lowercases `word` into `out` and makes curly apostrophes straight, so "It’s" and "it's" meet.
void fold(std::string_view word, std::string& out) {
  to_lower(word, out);
  static constexpr std::string_view kCurly = "\xE2\x80\x99";
  if (out.find(kCurly[0]) == std::string::npos) return;  // the common case: nothing to change
  std::size_t write = 0;
  for (std::size_t read = 0; read < out.size();) {
    if (out.compare(read, kCurly.size(), kCurly) == 0) {
      out[write++] = '\'';
      read += kCurly.size();
    } else {
      out[write++] = out[read++];
    }
  }
  out.resize(write);
}

bool is_opening(std::string_view punctuation) {
  return punctuation == "\"" || punctuation == "'" || punctuation == "(" || punctuation == "[" ||
         punctuation == "\xE2\x80\x9C" /* “ */ || punctuation == "\xE2\x80\x98" /* ‘ */;
}

// Where the matcher stands: a token inside the sentence, or past one of its edges.
struct Cursor {
  const Document& document;
  std::uint32_t first = 0;  // the sentence's token range
  std::uint32_t last = 0;
  bool target_lower = true;  // the target is written in lowercase
  bool target_upper = false;  // the target is written in capitals ("ITS"), as a headline

  // The next non-blank token after (forward) or before `index` in the sentence; -1 when none.
  std::int64_t step(std::int64_t index, bool forward) const {
    const auto& tokens = document.tokens();
    for (std::int64_t i = forward ? index + 1 : index - 1;
         i >= static_cast<std::int64_t>(first) && i < static_cast<std::int64_t>(last);
         i += forward ? 1 : -1) {
      if (!tokens[static_cast<std::size_t>(i)].is_blank()) return i;
    }
    return -1;
  }

  // True when no word or number comes before `index` in the sentence.
  bool at_start(std::int64_t index) const {
    const auto& tokens = document.tokens();
    for (std::int64_t i = index - 1; i >= static_cast<std::int64_t>(first); --i) {
      const Token& token = tokens[static_cast<std::size_t>(i)];
      if (token.is_blank()) continue;
      if (token.kind != TokenKind::Punctuation || !is_opening(document.text_of(token))) return false;
    }
    return true;
  }
};

std::vector<std::string> pair_names();

constexpr OptionSpec kOptions[] = {
    // Corrections of the word list to leave alone, written as in the list: "loose->lose".
    {"skip-pairs", OptionType::StringList, "[]", pair_names}};

// The number of each token's word among all the words the patterns name (its folded text's, or
// its text's for marks and symbols), or -1; looked up on first need, since patterns look at the
// same neighbours again and again.
class TokenWords {
 public:
  using Ids = std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>>;
  TokenWords(const Document& document, const Ids& ids)
      : document_(document), ids_(ids), cache_(document.tokens().size(), kNotLooked) {}

  std::int32_t id(std::uint32_t index) {
    std::int32_t& id = cache_[index];
    if (id != kNotLooked) return id;
    const Token& token = document_.tokens()[index];
    std::string_view text = document_.text_of(token);
    if (token.kind == TokenKind::Word) {
      fold(text, folded_);
      text = folded_;
    }
    const auto found = ids_.find(text);
    id = found == ids_.end() ? -1 : found->second;
    return id;
  }

 private:
  static constexpr std::int32_t kNotLooked = -2;
  const Document& document_;
  const Ids& ids_;
  std::vector<std::int32_t> cache_;
  std::string folded_;
};

class ConfusedWord final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "confused-word",
      .category = RuleCategory::Grammar,
      .default_severity = Severity::Warning,
      .summary = "A real word that is wrong in its context: \"flew too Iraq\".",
      .has_fix = true,
      .enabled_by_default = true,
      .options = kOptions,
      .languages = kEnglishOnly,
  };

  explicit ConfusedWord(const RuleContext& context) : model_(ConfusionModel::builtin()) {
    skipped_ = context.options->strings("skip-pairs");
    parse(context.lists->text("confusions.txt"), skipped_);
    number_words();
    for (const ConfusionSet& set : model_.sets()) {
      for (const std::string_view member : set.members) {
        target_signatures_[signature(member)] = true;
        by_target_[std::string(member)].in_model = model_.find(member);
      }
    }
  }

  // "too->to", "its->it's": the corrections of the word list and the model, each once, sorted.
  std::vector<std::string> pair_names() const {
    std::vector<std::string> names;
    for (const ConfusionSet& set : model_.sets()) {
      for (const std::string_view wrong : set.members) {
        for (const std::string_view right : set.members) {
          if (wrong != right) names.push_back(std::string(wrong) + "->" + std::string(right));
        }
      }
    }
    for (const Pattern& pattern : patterns_) names.push_back(pattern_name(pattern));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    const auto& tokens = document.tokens();
    std::string folded;
    TokenWords words(document, word_ids_);
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::Word) continue;
      const std::string_view text = document.text_of(tokens[i]);
      if (text.size() > kLongestTarget || !may_be_target(tokens[i], text)) continue;
      fold(text, folded);
      const auto found = by_target_.find(folded);
      if (found == by_target_.end()) continue;
      const Target& target = found->second;
      if (!check_patterns(document, i, target.patterns, words, sink) && target.in_model) {
        check_model(document, i, *target.in_model, folded, sink);
      }
    }
  }

 private:
  static constexpr std::size_t kLongestTarget = 32;

  // What the rule knows of a word: the patterns whose target it is, and its confusion set.
  struct Target {
    std::vector<std::uint32_t> patterns;
    std::optional<ConfusionModel::Member> in_model;
  };

  // Asks the trained model about token `i` (folded: `folded`), member `member` of some set.
  void check_model(const Document& document, std::uint32_t i, ConfusionModel::Member member,
                   const std::string& folded, Sink& sink) const {
    const std::string_view text = document.text_of(document.tokens()[i]);
    const Sentence& sentence = document.sentences()[document.sentence_of(i)];
    const Cursor cursor{document, sentence.first, sentence.last, starts_lower(text), false};
    // Capitals mark names and titles ("Lead Belly", "the Peace Corps") and headlines.
    if (is_all_upper(text) || (!cursor.target_lower && !cursor.at_start(i))) return;
    if (part_of_code_name(document, i)) return;
    const auto neighbour = [&](bool forward) {
      const std::int64_t t = cursor.step(i, forward);
      return t < 0 ? std::string_view{}
                   : document.text_of(document.tokens()[static_cast<std::size_t>(t)]);
    };
    // Most uses are settled by the words just beside them: no wider context is gathered.
    if (!model_.may_be_wrong(member, neighbour(false), neighbour(true))) return;
    // The words the model reads: as far as its reach on each side, inside the sentence.
    constexpr std::size_t kReach = ConfusionContext::kReach;
    std::array<std::string_view, kReach> left;
    std::size_t before = 0;
    for (std::int64_t t = cursor.step(i, false); t >= 0 && before < kReach;
         t = cursor.step(t, false)) {
      left[before++] = document.text_of(document.tokens()[static_cast<std::size_t>(t)]);
    }
    std::array<std::string_view, 2 * kReach + 1> around;
    for (std::size_t k = 0; k < before; ++k) around[k] = left[before - 1 - k];
    around[before] = text;
    std::size_t after = 0;
    for (std::int64_t t = cursor.step(i, true); t >= 0 && after < kReach;
         t = cursor.step(t, true)) {
      around[before + 1 + after++] =
          document.text_of(document.tokens()[static_cast<std::size_t>(t)]);
    }
    const std::span<const std::string_view> words(around.data(), before + 1 + after);
    const ConfusionVerdict verdict =
        model_.judge(member, words, before, Tagger::builtin(), NgramModel::builtin());
    if (!verdict.flagged) return;
    const ConfusionSet& set = model_.sets()[member.set];
    const std::string right(set.members[verdict.suggested]);
    if (std::find(skipped_.begin(), skipped_.end(), folded + "->" + right) != skipped_.end()) return;
    report(document, document.tokens()[i], right, sink);
  }

  // Tries the hand-written contexts `patterns` on token `i`; true when one matched and was
  // reported.
  bool check_patterns(const Document& document, std::uint32_t i,
                      const std::vector<std::uint32_t>& patterns, TokenWords& words,
                      Sink& sink) const {
      if (patterns.empty()) return false;
      const auto& tokens = document.tokens();
      const std::string_view text = document.text_of(tokens[i]);
      const Sentence& sentence = document.sentences()[document.sentence_of(i)];
      Cursor cursor{document, sentence.first, sentence.last, starts_lower(text),
                    is_all_upper(text) && text.size() > 1};
      // A capitalized word inside a sentence is a title or a name ("The Weather Channel"),
      // unless it opens a quotation: `he said; "Your the best."`.
      if (!cursor.target_lower && !is_all_upper(text) && !cursor.at_start(i) &&
          !after_opening_quote(document, cursor, i)) {
        return false;
      }
      const std::int64_t next = cursor.step(i, true);
      const std::int64_t previous = cursor.step(i, false);
      for (const std::uint32_t index : patterns) {
        const Pattern& pattern = patterns_[index];
        if (!may_be_in(pattern.next_words, next, words) ||
            !may_be_in(pattern.previous_words, previous, words) ||
            !matches(pattern, cursor, i, words)) {
          continue;
        }
        // Asked only once a pattern matches: targets ("to", "its") are among the commonest words.
        if (part_of_code_name(document, i)) return false;
        report(document, tokens[i], pattern.right, sink);
        return true;
      }
      return false;
  }

  // "the advise() call", "set advise.statusHints", "git.advise": a word glued to "(" after it,
  // or to a period and another word on either side, is a name in code, not a word of the prose.
  static bool part_of_code_name(const Document& document, std::uint32_t i) {
    // Tokens cover the text without gaps, so neighbouring tokens that are not blank touch.
    const auto& tokens = document.tokens();
    const auto is = [&](std::uint32_t at, std::string_view text) {
      return document.text_of(tokens[at]) == text;
    };
    if (i + 1 < tokens.size() && is(i + 1, "(")) return true;
    if (i + 2 < tokens.size() && is(i + 1, ".") && tokens[i + 2].kind == TokenKind::Word) {
      return true;
    }
    return i >= 2 && is(i - 1, ".") && tokens[i - 2].kind == TokenKind::Word;
  }

  // Folding leaves an ASCII word's length, first, second and last bytes but for their case,
  // so a word whose signature of those is no target's cannot be one. Saves the fold and the
  // hash lookup for most words.
  static std::size_t signature(std::string_view word) {
    const std::uint32_t first = static_cast<unsigned char>(to_ascii_lower(word.front()));
    const std::uint32_t second =
        word.size() > 1 ? static_cast<unsigned char>(to_ascii_lower(word[1])) : 0;
    const std::uint32_t last = static_cast<unsigned char>(to_ascii_lower(word.back()));
    const std::uint32_t key =
        static_cast<std::uint32_t>(word.size()) << 24 | first << 16 | second << 8 | last;
    return (key * 0x9E3779B1u) >> 16;
  }

  bool may_be_target(const Token& token, std::string_view word) const {
    if (!token.ascii_word) return true;  // folding may change bytes outside ASCII
    return target_signatures_[signature(word)];
  }

  static bool after_opening_quote(const Document& document, const Cursor& cursor,
                                  std::uint32_t index) {
    const std::int64_t previous = cursor.step(index, false);
    if (previous < 0) return false;
    const Token& token = document.tokens()[static_cast<std::size_t>(previous)];
    const std::string_view text = document.text_of(token);
    const bool quote = text == "\"" || text == "\xE2\x80\x9C" /* “ */;
    if (token.kind != TokenKind::Punctuation || !quote) return false;
    // A quoted title capitalizes its next word too ("Your Song"); a quoted sentence does not.
    const std::int64_t next = cursor.step(index, true);
    if (next < 0) return false;
    const Token& following = document.tokens()[static_cast<std::size_t>(next)];
    return following.kind != TokenKind::Word || starts_lower(document.text_of(following));
  }

  bool matches(const Pattern& pattern, const Cursor& cursor, std::uint32_t target,
               TokenWords& words) const {
    return matches_side(pattern.after, cursor, target, true, words) &&
           matches_side(pattern.before, cursor, target, false, words);
  }

  bool matches_side(const std::vector<Slot>& slots, const Cursor& cursor, std::uint32_t target,
                    bool forward, TokenWords& words) const {
    std::int64_t at = target;  // the last token consumed
    for (const Slot& slot : slots) {
      if (slot.start) {
        // A quoted sentence starts anew: `he said; "Their going to win."`.
        const bool start =
            cursor.at_start(at) ||
            after_opening_quote(cursor.document, cursor, static_cast<std::uint32_t>(at));
        if (start == slot.negated) return false;
        continue;
      }
      const std::int64_t next = cursor.step(at, forward);
      bool ok = false;
      if (next < 0) {
        ok = slot.end;  // only the sentence edge is here
      } else {
        ok = matches_token(slot, cursor, static_cast<std::uint32_t>(next), words);
      }
      if (ok == slot.negated) return false;
      if (next >= 0) at = next;
    }
    return true;
  }

  // False when the token at `index` (-1: none) cannot match a slot that only lists the words
  // of `table`; true when there is no such slot.
  bool may_be_in(std::uint32_t table, std::int64_t index, TokenWords& words) const {
    if (table == Slot::kNoWords) return true;
    return index >= 0 && member(table, static_cast<std::uint32_t>(index), words);
  }

  // Whether the token at `index` is one of the words of table `table`.
  bool member(std::uint32_t table, std::uint32_t index, TokenWords& words) const {
    if (table == Slot::kNoWords) return false;
    const std::int32_t id = words.id(index);
    return id >= 0 && members_[table][static_cast<std::size_t>(id)];
  }

  bool matches_token(const Slot& slot, const Cursor& cursor, std::uint32_t index,
                     TokenWords& words) const {
    const Document& document = cursor.document;
    const Token& token = document.tokens()[index];
    const std::string_view text = document.text_of(token);
    if (token.kind == TokenKind::Number) return slot.number;
    if (token.kind == TokenKind::Symbol) {  // currency signs: "more then $2"
      return member(slot.words, index, words);
    }
    if (token.kind == TokenKind::Punctuation) return slot.end || member(slot.words, index, words);
    if (token.kind != TokenKind::Word) return false;
    if (slot.any_word) return true;  // `*` is any word, a name included
    // Whether the sentence starts here is asked last: it is the dearest question.
    const bool name = starts_upper(text) && text != "I" && !cursor.at_start(index);
    if (slot.capitalized && name && cursor.target_lower) return true;
    // A capitalized neighbour is a name ("its A team", "the month of May", "It's President
    // Bush who"), not the word the pattern means, unless the whole passage is in capitals.
    // A neighbour in capitals ("OK", "TV") is left to the pattern when the target is not
    // lowercase: a sentence-initial "Its OK" is no name.
    if (name && !cursor.target_upper && (cursor.target_lower || !is_all_upper(text))) {
      return false;
    }
    if (slot.ing && is_ing_form(text)) return true;
    if (slot.noun || slot.adjective) {
      // The word lists are lowercase; a passage in capitals ("ITS CHIMNEY WAS REBUILT") is
      // looked up in lowercase, a capitalized word never (it is a name, or opens the sentence).
      std::string lowered;
      if (cursor.target_upper && is_all_upper(text)) to_lower(text, lowered);
      const std::string_view word = lowered.empty() ? text : std::string_view(lowered);
      if (slot.noun && is_plain_noun(word)) return true;
      if (slot.adjective && has_adjective_sense(word)) return true;
    }
    return member(slot.words, index, words);
  }

  // "going", "expecting": the shape of a present participle. Short words ("king", "sing") and
  // the few common nouns of that shape are left out; the patterns that use `@ing` only put it
  // where a noun would be odd anyway ("your not expecting", "were to busy training").
  static bool is_ing_form(std::string_view text) {
    if (text.size() < 5 || !text.ends_with("ing")) return false;
    for (const char c : text) {
      if (c < 'a' || c > 'z') return false;  // hyphenated, capitalized or with an apostrophe
    }
    static constexpr std::string_view kNouns[] = {"thing",   "nothing", "something",
                                                  "anything", "everything", "morning",
                                                  "evening", "during", "spring",
                                                  "string",  "ceiling"};
    for (const std::string_view noun : kNouns) {
      if (text == noun) return false;
    }
    return true;
  }

  static std::string with_case_of(std::string_view original, std::string_view replacement) {
    std::string result(replacement);
    if (is_all_upper(original) && original.size() > 1) {
      for (char& c : result) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    } else if (starts_upper(original) && !result.empty() && result[0] >= 'a' && result[0] <= 'z') {
      result[0] = static_cast<char>(result[0] - 32);
    }
    // Keep the writer's apostrophe style.
    if (original.find("\xE2\x80\x99") != std::string_view::npos) {
      std::string curly;
      for (char c : result) {
        if (c == '\'') curly += "\xE2\x80\x99";
        else curly.push_back(c);
      }
      result = std::move(curly);
    }
    return result;
  }

  static void report(const Document& document, const Token& token, std::string_view right,
                     Sink& sink) {
    const std::string_view original = document.text_of(token);
    std::string replacement = with_case_of(original, right);
    Diagnostic diagnostic;
    diagnostic.span = token.span;
    diagnostic.message.append("`").append(original).append("` should probably be `");
    diagnostic.message.append(replacement).append("` here.");
    diagnostic.suggestions.push_back(replacement);
    diagnostic.fix = Fix{"Replace with `" + replacement + "`", {Edit{token.span, replacement}},
                         false};
    sink.report(std::move(diagnostic));
  }

  // --- Loading dictionaries/confusions.txt -----------------------------------------------

  [[noreturn]] static void fail(std::uint32_t line, const std::string& message) {
    throw std::runtime_error("confusions.txt:" + std::to_string(line) + ": " + message);
  }

  static std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
      const std::size_t at = text.find(separator);
      parts.push_back(text.substr(0, at));
      if (at == std::string_view::npos) break;
      text.remove_prefix(at + 1);
    }
    return parts;
  }

  // The space-separated fields of `line`, without empty ones.
  static std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> result;
    while (!line.empty()) {
      const std::size_t space = line.find(' ');
      std::string_view part = line.substr(0, space);
      line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
      while (!part.empty() && (part.back() == '\t' || part.back() == '\r')) part.remove_suffix(1);
      if (!part.empty()) result.push_back(part);
    }
    return result;
  }

  // "@name = ...": the second field is "=".
  static bool defines_class(std::string_view line) {
    if (line.front() != '@') return false;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return false;
    const std::size_t second = line.find_first_not_of(' ', space);
    return second != std::string_view::npos && line[second] == '=' &&
           (second + 1 == line.size() || line[second + 1] == ' ');
  }

  // "@name = word word ..." defines a class; more lines with the same name add words.
  void parse_class(std::string_view line, std::uint32_t number) {
    const std::size_t equals = line.find('=');
    const auto name = fields(line.substr(1, equals - 1));
    if (name.size() != 1) fail(number, "a class needs one name");
    if (builtin(name[0])) fail(number, "`@" + std::string(name[0]) + "` is a built-in class");
    const auto words = fields(line.substr(equals + 1));
    const auto [entry, added] = classes_.try_emplace(std::string(name[0]), tables_.size());
    if (added) tables_.emplace_back();
    for (std::string_view word : words) tables_[entry->second].push_back(number_of(word));
  }

  static bool builtin(std::string_view name) {
    return name == "end" || name == "start" || name == "capitalized" || name == "number" ||
           name == "ing" || name == "noun" || name == "adjective";
  }

  // One alternative of a slot: a word, a class, a built-in or `*`.
  void add_alternative(Slot& slot, std::string_view text, std::uint32_t number) {
    if (text.empty()) fail(number, "empty alternative");
    if (text == "*") {
      slot.any_word = true;
    } else if (text == "@end") {
      slot.end = true;
    } else if (text == "@start") {
      slot.start = true;
    } else if (text == "@capitalized") {
      slot.capitalized = true;
    } else if (text == "@number") {
      slot.number = true;
    } else if (text == "@ing") {
      slot.ing = true;
    } else if (text == "@noun") {
      slot.noun = true;
    } else if (text == "@adjective") {
      slot.adjective = true;
    } else if (std::any_of(text.begin(), text.end(), [](char c) {
                 // Not find_first_of, which calls memchr for each byte: 7% of building the
                 // rule (BM_MakeRule).
                 return c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '!';
               })) {
      fail(number, "cannot read `" + std::string(text) + "`");
    } else {
      if (slot.words == Slot::kNoWords) {
        slot.words = static_cast<std::uint32_t>(tables_.size());
        tables_.emplace_back();
      }
      WordNumbers& table = tables_[slot.words];
      if (text[0] == '@') {
        const auto found = classes_.find(text.substr(1));
        if (found == classes_.end()) fail(number, "unknown class `" + std::string(text) + "`");
        const WordNumbers& members = tables_[found->second];
        table.insert(table.end(), members.begin(), members.end());
      } else {
        table.push_back(number_of(text));
      }
    }
  }

  Slot parse_slot(std::string_view text, std::uint32_t number) {
    Slot slot;
    if (text.size() > 1 && text[0] == '!') {
      slot.negated = true;
      text.remove_prefix(1);
    }
    if (text.size() > 2 && text.front() == '(' && text.back() == ')') {
      for (std::string_view part : split(text.substr(1, text.size() - 2), '|')) {
        add_alternative(slot, part, number);
      }
    } else {
      add_alternative(slot, text, number);
    }
    if (slot.start && (slot.words != Slot::kNoWords || slot.any_word || slot.number ||
                       slot.capitalized || slot.end || slot.ing)) {
      fail(number, "`@start` stands alone in its slot");
    }
    return slot;
  }

  static std::string pattern_name(const Pattern& pattern) {
    return pattern.wrong + "->" + pattern.right;
  }

  // Patterns whose correction is in `skipped` are read (so the file is checked whole) and
  // dropped.
  void parse_pattern(std::string_view line, std::uint32_t number,
                     const std::vector<std::string>& skipped) {
    Pattern pattern;
    pattern.line = number;
    bool seen_target = false;
    std::vector<Slot> before;
    for (std::string_view field : fields(line)) {
      if (field.front() == '[') {
        const std::size_t arrow = field.find("->");
        if (seen_target) fail(number, "a pattern has exactly one target");
        if (field.back() != ']' || arrow == std::string_view::npos) {
          fail(number, "a target reads `[wrong->right]`");
        }
        fold(field.substr(1, arrow - 1), pattern.wrong);
        pattern.right = std::string(field.substr(arrow + 2, field.size() - arrow - 3));
        // Fields are split at spaces: "_" stands for one in a correction of two words.
        std::replace(pattern.right.begin(), pattern.right.end(), '_', ' ');
        if (pattern.wrong.empty() || pattern.right.empty()) fail(number, "empty target word");
        if (pattern.wrong.size() > kLongestTarget) fail(number, "target word too long");
        seen_target = true;
        continue;
      }
      const Slot slot = parse_slot(field, number);
      if (slot.start && seen_target) {
        fail(number, "`@start` must come before the target");
      }
      (seen_target ? pattern.after : before).push_back(slot);
    }
    if (!seen_target) fail(number, "a pattern needs a target `[wrong->right]`");
    pattern.before.assign(before.rbegin(), before.rend());
    if (!pattern.after.empty() && only_words(pattern.after.front())) {
      pattern.next_words = pattern.after.front().words;
    }
    if (!pattern.before.empty() && only_words(pattern.before.front())) {
      pattern.previous_words = pattern.before.front().words;
    }
    if (!skipped.empty() &&
        std::find(skipped.begin(), skipped.end(), pattern_name(pattern)) != skipped.end()) {
      return;
    }
    by_target_[pattern.wrong].patterns.push_back(static_cast<std::uint32_t>(patterns_.size()));
    // A target with bytes outside ASCII is only ever met through may_be_target's other branch.
    target_signatures_[signature(pattern.wrong)] = true;
    patterns_.push_back(std::move(pattern));
  }

  // The number of `word` (folded) among the words of the patterns, given on first sight.
  // Numbers rather than strings in the tables while parsing: a class named in many slots is
  // copied into each, and copying sets of strings was most of the rule's start-up.
  std::int32_t number_of(std::string_view word) {
    fold(word, folded_);
    if (const auto known = word_ids_.find(folded_); known != word_ids_.end()) return known->second;
    const auto id = static_cast<std::int32_t>(word_ids_.size());
    word_ids_.emplace(folded_, id);
    return id;
  }

  // Gives each table the set of its words' numbers.
  void number_words() {
    for (const WordNumbers& table : tables_) {
      std::vector<bool>& members = members_.emplace_back(word_ids_.size());
      for (const std::int32_t id : table) members[static_cast<std::size_t>(id)] = true;
    }
    tables_.clear();
    tables_.shrink_to_fit();
  }

  void parse(std::string_view data, const std::vector<std::string>& skipped) {
    std::uint32_t number = 0;
    for (std::string_view line : split(data, '\n')) {
      ++number;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (line.empty() || line.front() == '#') continue;
      if (defines_class(line)) {
        parse_class(line, number);
      } else {
        parse_pattern(line, number, skipped);
      }
    }
  }

  std::vector<WordNumbers> tables_;         // until number_words()
  std::string folded_;                      // number_of()'s scratch
  TokenWords::Ids word_ids_;                // every word of the tables, numbered
  std::vector<std::vector<bool>> members_;  // by table, then word number
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> classes_;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, Target, StringHash, std::equal_to<>> by_target_;
  std::vector<bool> target_signatures_ = std::vector<bool>(1 << 16);  // by signature()
  const ConfusionModel& model_;
  std::vector<std::string> skipped_;
};

std::vector<std::string> pair_names() {
  const RuleOptions defaults = RuleOptions::defaults(kOptions);
  return ConfusedWord(RuleContext{.options = &defaults}).pair_names();
}

}  // namespace

COPYDESK_REGISTER_RULE(ConfusedWord, "confused_word");

}  // namespace copydesk
