// Build-time generator of a precompiled word table (see linter/src/word_table_format.hpp).
//
//   word_table_gen <dictionary.aff> <dictionary.dic> <output.bin>
//
// Expands every root of the .dic with the affixes of the .aff into its word forms, keeps those
// in the table's domain, and asks Hunspell itself, loaded from the same two files, whether each
// form and its capitalized variants are correct. The expansion generates at least every form
// that Hunspell's affix check can accept (its conditions are matched exactly, and hidden
// capitalized roots are expanded as well); the answers come from Hunspell alone.
//
// Dictionaries that use features the expansion does not model (affixes on affixes, compounding
// other than by COMPOUNDRULE, ignored characters...) get no table: the output is then an empty
// file, the program says why on stderr, and copydesk asks Hunspell for every word of that
// language.

#include <algorithm>
#include <cstring>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "word_table_format.hpp"

namespace wt = copydesk::word_table;

namespace {

struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  }
  return lines;
}

std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> fields;
  std::istringstream in{std::string(line)};
  for (std::string field; in >> field;) fields.push_back(field);
  return fields;
}

// UTF-8 to code points, so that affix conditions match characters as Hunspell does.
std::u32string decode(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// One position of an affix condition: a character, [class], [^class] or '.'.
struct ConditionSlot {
  std::u32string chars;
  bool negated = false;
  bool any = false;
  bool matches(char32_t c) const {
    if (any) return true;
    const bool listed = chars.find(c) != std::u32string::npos;
    return negated ? !listed : listed;
  }
};

std::vector<ConditionSlot> parse_condition(std::string_view text) {
  std::vector<ConditionSlot> slots;
  const std::u32string chars = decode(text);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    ConditionSlot slot;
    if (chars[i] == U'.') {
      slot.any = true;
    } else if (chars[i] == U'[') {
      const std::size_t close = chars.find(U']', i);
      if (close == std::u32string::npos) throw Unsupported("unclosed [ in a condition");
      std::size_t first = i + 1;
      if (first < close && chars[first] == U'^') {
        slot.negated = true;
        ++first;
      }
      slot.chars = chars.substr(first, close - first);
      i = close;
    } else {
      slot.chars = chars.substr(i, 1);
    }
    slots.push_back(slot);
  }
  return slots;
}

struct AffixRule {
  std::string strip, add;
  std::vector<ConditionSlot> condition;
};

struct Affix {
  bool prefix = false;
  bool cross = false;
  std::vector<AffixRule> rules;
};

// Hunspell tests a suffix's condition against the end of the root and a prefix's against its
// start. A root shorter than the condition is let through: extra forms cost only time, since
// Hunspell judges every form, while a missing one would be a wrong answer.
bool condition_holds(const AffixRule& rule, bool prefix, std::string_view root) {
  const std::u32string chars = decode(root);
  const std::size_t n = rule.condition.size();
  if (chars.size() < n) return true;
  const std::size_t offset = prefix ? 0 : chars.size() - n;
  for (std::size_t i = 0; i < n; ++i) {
    if (!rule.condition[i].matches(chars[offset + i])) return false;
  }
  return true;
}

std::string nullable(const std::string& field) { return field == "0" ? std::string() : field; }

struct Dictionary {
  std::map<char, Affix> affixes;
  std::vector<std::string> compound_rules;  // COMPOUNDRULE patterns: flags, '*' and '?'
  int compound_min = 3;                     // Hunspell's default for COMPOUNDMIN
  bool straightens_apostrophes = false;     // ICONV ’
  std::vector<std::pair<std::string, std::string>> roots;  // word, flags
};

// Directives that only steer suggestions or compounding of words already handled, or that the
// expansion below models.
bool harmless_directive(std::string_view name) {
  static const std::set<std::string_view> kHarmless = {
      "SET",          "TRY",         "REP",         "MAP",       "KEY",          "PHONE",
      "NAME",         "VERSION",     "HOME",        "NOSUGGEST", "MAXNGRAMSUGS", "MAXCPDSUGS",
      "MAXDIFF",      "ONLYMAXDIFF", "NOSPLITSUGS", "WORDCHARS", "COMPOUNDMIN",  "ONLYINCOMPOUND",
      "COMPOUNDRULE", "ICONV",       "OCONV",       "LANG"};
  return kHarmless.contains(name);
}

Dictionary parse(std::string_view aff, std::string_view dic) {
  Dictionary dictionary;
  if (aff.starts_with("\xEF\xBB\xBF")) aff.remove_prefix(3);
  if (dic.starts_with("\xEF\xBB\xBF")) dic.remove_prefix(3);
  const auto aff_lines = split_lines(aff);
  for (std::size_t i = 0; i < aff_lines.size(); ++i) {
    const auto fields = fields_of(aff_lines[i]);
    if (fields.empty() || fields[0].starts_with("#")) continue;
    const std::string& name = fields[0];
    if (name == "PFX" || name == "SFX") {
      if (fields.size() < 4 || fields[1].size() != 1)
        throw Unsupported("an affix header: " + std::string(aff_lines[i]));
      Affix& affix = dictionary.affixes[fields[1][0]];
      affix.prefix = name == "PFX";
      affix.cross = fields[2] == "Y";
      const std::size_t count = std::stoul(fields[3]);
      for (std::size_t k = 0; k < count && i + 1 < aff_lines.size(); ++k) {
        const auto rule = fields_of(aff_lines[++i]);
        if (rule.size() < 5 || rule[0] != name)
          throw Unsupported("an affix rule: " + std::string(aff_lines[i]));
        if (rule[3].find('/') != std::string::npos) throw Unsupported("affixes on affixes");
        affix.rules.push_back({nullable(rule[2]), nullable(rule[3]), parse_condition(rule[4])});
      }
      continue;
    }
    if (!harmless_directive(name)) throw Unsupported("the directive " + name);
    if (name == "SET" && (fields.size() < 2 || fields[1] != "UTF-8"))
      throw Unsupported("an encoding other than UTF-8");
    if (name == "LANG" && fields.size() > 1 &&
        (fields[1].starts_with("hu") || fields[1].starts_with("tr") ||
         fields[1].starts_with("az"))) {
      throw Unsupported("language-specific rules of " + fields[1]);
    }
    // Hunspell converts its input first: WordTable does the same for this one conversion.
    if (name == "ICONV" && fields.size() == 3) {
      if (fields[1] != "\xE2\x80\x99" || fields[2] != "'") {
        throw Unsupported("an input conversion other than of the curly apostrophe");
      }
      dictionary.straightens_apostrophes = true;
    }
    if (name == "COMPOUNDMIN" && fields.size() > 1)
      dictionary.compound_min = std::max(1, std::stoi(fields[1]));
    // The first COMPOUNDRULE line gives the number of rules that follow.
    if (name == "COMPOUNDRULE" && fields.size() > 1 &&
        !std::all_of(fields[1].begin(), fields[1].end(), ::isdigit)) {
      if (fields[1].find('(') != std::string::npos)
        throw Unsupported("compound rules with long flags");
      dictionary.compound_rules.push_back(fields[1]);
    }
  }

  const auto dic_lines = split_lines(dic);
  for (std::size_t i = 1; i < dic_lines.size(); ++i) {
    std::string line(dic_lines[i]);
    // The word ends at a tab or before a morphological field (" xx:"), as in Hunspell's loader.
    std::size_t end = line.find('\t');
    for (std::size_t colon = line.find(':'); colon != std::string::npos;
         colon = line.find(':', colon + 1)) {
      if (colon > 3 && (line[colon - 3] == ' ' || line[colon - 3] == '\t')) {
        end = std::min(end, colon - 3);
        break;
      }
    }
    if (end != std::string::npos) line.resize(end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.empty()) continue;
    std::size_t slash = line.find('/', 1);
    while (slash != std::string::npos && line[slash - 1] == '\\') {
      line.erase(slash - 1, 1);
      slash = line.find('/', slash);
    }
    std::string word = slash == std::string::npos ? line : line.substr(0, slash);
    std::string flags = slash == std::string::npos ? std::string() : line.substr(slash + 1);
    dictionary.roots.emplace_back(std::move(word), std::move(flags));
  }
  return dictionary;
}

std::string lowered(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (wt::is_upper_ascii(c)) c = static_cast<char>(c + 32);
  }
  return out;
}

std::string capitalized(std::string_view word) {
  std::string out = lowered(word);
  if (!out.empty() && wt::is_lower_ascii(out[0])) out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string uppercased(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (wt::is_lower_ascii(c)) c = static_cast<char>(c - 32);
  }
  return out;
}

bool has_upper(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return wt::is_upper_ascii(c); });
}

// Every form of `root` with one suffix, one prefix, or both when both allow it (cross product).
void expand(const Dictionary& dictionary, const std::string& root, const std::string& flags,
            std::vector<std::string>& forms) {
  forms.push_back(root);
  std::vector<std::pair<const Affix*, std::string>> suffixed;
  for (const char flag : flags) {
    const auto found = dictionary.affixes.find(flag);
    if (found == dictionary.affixes.end() || found->second.prefix) continue;
    for (const AffixRule& rule : found->second.rules) {
      // Something of the root must stay (Hunspell's FULLSTRIP, which lifts that, is not used).
      if (!root.ends_with(rule.strip) || rule.strip.size() >= root.size()) continue;
      if (!condition_holds(rule, false, root)) continue;
      std::string form = root.substr(0, root.size() - rule.strip.size()) + rule.add;
      forms.push_back(form);
      suffixed.emplace_back(&found->second, std::move(form));
    }
  }
  for (const char flag : flags) {
    const auto found = dictionary.affixes.find(flag);
    if (found == dictionary.affixes.end() || !found->second.prefix) continue;
    for (const AffixRule& rule : found->second.rules) {
      const auto prefixed = [&](const std::string& base) {
        if (!base.starts_with(rule.strip) || rule.strip.size() >= base.size()) return;
        forms.push_back(rule.add + base.substr(rule.strip.size()));
      };
      if (condition_holds(rule, true, root)) prefixed(root);
      if (!found->second.cross) continue;
      for (const auto& [suffix, form] : suffixed) {
        // Hunspell tests the prefix's condition on the suffixed word; the root is tried too, so
        // that the expansion errs on the side of more forms (Hunspell then judges each).
        if (suffix->cross &&
            (condition_holds(rule, true, form) || condition_holds(rule, true, root))) {
          prefixed(form);
        }
      }
    }
  }
}

std::vector<std::string> domain_forms(const Dictionary& dictionary) {
  std::vector<std::string> forms, all;
  for (const auto& [word, flags] : dictionary.roots) {
    forms.clear();
    expand(dictionary, word, flags, forms);
    // Hunspell adds a hidden capitalized twin of roots such as "iPhone" or "NASA", which its
    // affixes extend in their own way.
    if (has_upper(word)) expand(dictionary, capitalized(word), flags, forms);
    for (auto& form : forms) {
      if (wt::in_domain(form)) all.push_back(std::move(form));
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

// The keys of the table: each form as written when lowercase or mixed case, and each form
// lowercased, which carries the flags of its capitalized and capital variants.
std::vector<std::string> keys_of(const std::vector<std::string>& forms) {
  std::vector<std::string> keys;
  for (const auto& form : forms) {
    const wt::Shape shape = wt::shape_of(form);
    if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) keys.push_back(form);
    if (shape != wt::Shape::Lower) keys.push_back(lowered(form));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// The rules of the dictionary that WordTable applies itself, as text (see
// word_table_format.hpp): the apostrophe conversion, and the roots that COMPOUNDRULE can join
// with the rule flags they carry, and the rules. WordTable tries compounds on lowercase words
// only, so a root with a capital would need more: such dictionaries get no table.
std::string rule_section(const Dictionary& dictionary) {
  std::string section = dictionary.straightens_apostrophes ? "apostrophe '\n" : "";
  if (dictionary.compound_rules.empty()) return section;
  std::set<char> rule_flags;
  for (const std::string& rule : dictionary.compound_rules) {
    for (const char c : rule) {
      if (c != '*' && c != '?') rule_flags.insert(c);
    }
  }
  std::map<std::string, std::set<char>> roots;
  for (const auto& [word, flags] : dictionary.roots) {
    std::set<char> used;
    for (const char flag : flags) {
      if (rule_flags.contains(flag)) used.insert(flag);
    }
    if (used.empty() || !wt::in_domain(word) || word.back() == '.') continue;
    if (has_upper(word)) throw Unsupported("compounds of the capitalized word " + word);
    roots[word].insert(used.begin(), used.end());  // homonyms: any of them may serve
  }
  section += "min " + std::to_string(dictionary.compound_min) + "\n";
  for (const std::string& rule : dictionary.compound_rules) section += "rule " + rule + "\n";
  for (const auto& [word, flags] : roots)
    section += "root " + word + " " + std::string(flags.begin(), flags.end()) + "\n";
  return section;
}

std::uint8_t flags_of(Hunspell& speller, const std::string& key) {
  std::uint8_t flags = 0;
  const wt::Shape shape = wt::shape_of(key);
  if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) {
    if (speller.spell(key)) flags |= wt::kExact;
  }
  if (shape == wt::Shape::Lower) {
    const std::string initial = capitalized(key);
    if (wt::shape_of(initial) == wt::Shape::Initial && speller.spell(initial))
      flags |= wt::kInitial;
    const std::string upper = uppercased(key);
    if (wt::shape_of(upper) == wt::Shape::Upper && speller.spell(upper)) flags |= wt::kUpper;
  }
  return flags;
}

// Hunspell instances are not thread-safe, so each thread asks its own.
std::vector<std::uint8_t> judge(const std::vector<std::string>& keys, const char* aff,
                                const char* dic) {
  std::vector<std::uint8_t> flags(keys.size());
  const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<Hunspell>> spellers;
  for (unsigned t = 0; t < threads; ++t) spellers.push_back(std::make_unique<Hunspell>(aff, dic));
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (std::size_t i = t; i < keys.size(); i += threads)
        flags[i] = flags_of(*spellers[t], keys[i]);
    });
  }
  for (auto& worker : workers) worker.join();
  return flags;
}

std::string build_table(const std::vector<std::string>& keys,
                        const std::vector<std::uint8_t>& flags, const std::string& rules,
                        std::uint64_t aff_fingerprint, std::uint64_t dic_fingerprint,
                        wt::FileStamp aff_stamp, wt::FileStamp dic_stamp) {
  std::size_t kept = 0;
  for (const std::uint8_t f : flags) kept += f != 0;  // an absent key answers "no" too
  // A load factor of 0.6: probes for absent keys stay short.
  const auto slot_count = static_cast<std::uint32_t>(std::max<std::size_t>(1, kept * 5 / 3));
  std::string slots(slot_count * wt::kSlotBytes + wt::kPadding, '\0');
  std::string long_keys(1, '\0');  // offsets start at 1
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (flags[i] == 0) continue;
    const std::string& key = keys[i];
    const std::uint64_t h = wt::hash(key);
    std::uint32_t slot = wt::slot_index(h, slot_count);
    while (slots[slot * wt::kSlotBytes] != 0) slot = slot + 1 == slot_count ? 0 : slot + 1;
    char* at = slots.data() + slot * wt::kSlotBytes;
    at[0] = static_cast<char>(key.size());
    at[1] = static_cast<char>(flags[i]);
    if (key.size() <= wt::kInlineKeyBytes) {
      std::copy(key.begin(), key.end(), at + 2);
    } else {
      const auto offset = static_cast<std::uint32_t>(long_keys.size());
      const auto tag = static_cast<std::uint32_t>(h >> 32);
      std::memcpy(at + 2, &offset, sizeof offset);
      std::memcpy(at + 6, &tag, sizeof tag);
      long_keys += key;
    }
  }
  long_keys.append(wt::kPadding, '\0');
  std::string trigrams(wt::kTrigramBytes, '\0');
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (flags[i] == 0) continue;
    wt::for_each_trigram(keys[i], [&](std::size_t bit) {
      trigrams[bit / 8] = static_cast<char>(trigrams[bit / 8] | (1 << (bit % 8)));
      return true;
    });
  }
  wt::Header header{};
  std::copy(std::begin(wt::kMagic), std::end(wt::kMagic), header.magic);
  header.aff_fingerprint = aff_fingerprint;
  header.dic_fingerprint = dic_fingerprint;
  header.aff_stamp = aff_stamp;
  header.dic_stamp = dic_stamp;
  header.slot_count = slot_count;
  header.key_count = static_cast<std::uint32_t>(kept);
  header.long_key_bytes = static_cast<std::uint32_t>(long_keys.size());
  header.rule_bytes = static_cast<std::uint32_t>(rules.size());
  std::string out(reinterpret_cast<const char*>(&header), sizeof header);
  out += slots;
  out += long_keys;
  out += trigrams;
  out += rules;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: word_table_gen <dictionary.aff> <dictionary.dic> <output.bin>\n";
    return 2;
  }
  std::string table;
  try {
    const std::string aff = read_file(argv[1]);
    const std::string dic = read_file(argv[2]);
    try {
      const Dictionary dictionary = parse(aff, dic);
      const auto forms = domain_forms(dictionary);
      const auto keys = keys_of(forms);
      const auto rules = rule_section(dictionary);
      const auto flags = judge(keys, argv[1], argv[2]);
      const auto aff_stamp = wt::stamp_of(argv[1]);
      const auto dic_stamp = wt::stamp_of(argv[2]);
      if (!aff_stamp || !dic_stamp) throw std::runtime_error("cannot stat the dictionary files");
      table = build_table(keys, flags, rules, wt::content_fingerprint(aff),
                          wt::content_fingerprint(dic), *aff_stamp, *dic_stamp);
      std::cerr << argv[2] << ": " << forms.size() << " word forms, "
                << std::count_if(flags.begin(), flags.end(), [](std::uint8_t f) { return f != 0; })
                << " keys, " << table.size() / 1024 << " KiB\n";
    } catch (const Unsupported& why) {
      std::cerr << argv[2] << ": no word table (the dictionary uses " << why.what()
                << "); copydesk will ask Hunspell for every word\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "word_table_gen: " << error.what() << '\n';
    return 1;
  }
  std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
  out << table;
  return out ? 0 : 1;
}
