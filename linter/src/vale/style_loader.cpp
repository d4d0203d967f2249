// Loading the styles a configuration names, and the registry entries their rules become.

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "copydesk/document.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/syntax.hpp"
#include "copydesk/vale/builtin_style.hpp"
#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"

namespace copydesk::vale {

// A section's word on one rule: whether it runs on the files the section matches.
struct Decision {
  std::size_t section = 0;  // index into the settings' sections
  bool enabled = false;
};

struct LoadedStyles::LoadedRule {
  std::string id;
  std::string summary;
  std::string doc;
  std::filesystem::path file;
  const StyleSettings* settings = nullptr;  // its sections' globs say where the rule runs
  RuleMeta meta;
  Scope scope = Scope::Text;
  std::vector<ElementTest> element_tests;  // applied in the source (StyleIgnores)
  bool needs_element = false;              // one of them is a test for being inside
  bool other_format = false;               // scoped to markup copydesk does not read
  std::unique_ptr<Check> check;
  // The styles' set of leading literals, when the check has token lists in it.
  const LeadingSet* leading_set = nullptr;
  std::vector<Decision> decisions;  // in section order: the last that matches a file wins

  bool applies_to(std::string_view document_path) const;
};

namespace {

// The path globs are matched against: relative to the settings' directory, '/'-separated.
std::string glob_path(std::string_view document_path, const std::filesystem::path& directory) {
  std::filesystem::path path(document_path);
  if (path.is_absolute()) path = path.lexically_relative(directory);
  std::string normal = path.lexically_normal().generic_string();
  // A file outside the settings' directory ("../news/a.txt") is matched by its name: globs
  // without a folder in them ("*.md") match a name at any depth.
  if (normal.starts_with("../")) normal = std::filesystem::path(normal).filename().string();
  while (normal.starts_with("./")) normal.erase(0, 2);
  return normal;
}

class StyleRule : public Rule {
 public:
  explicit StyleRule(const LoadedStyles::LoadedRule& loaded) : loaded_(loaded) {}
  const RuleMeta& meta() const override { return loaded_.meta; }

  void check(const Document& document, Sink& sink) const override {
    if (!loaded_.applies_to(document.path())) return;
    // Only Markdown has elements: a rule that must find inside one finds nothing elsewhere,
    // which a streamed plain-text file's findings (never filtered in the source) must show too.
    if (loaded_.needs_element && syntax_of(document.path()) != Syntax::Markdown) return;
    if (loaded_.other_format) return;
    std::vector<Alert> alerts;
    std::vector<Block> blocks = blocks_in_scope(document, loaded_.scope);
    if (loaded_.leading_set != nullptr) {
      const DocumentStarts& starts = loaded_.leading_set->starts_in(document.text());
      for (Block& block : blocks) block.starts = &starts;
    }
    loaded_.check->run(blocks, alerts);
    for (Alert& alert : alerts) {
      Diagnostic diagnostic;
      diagnostic.span = alert.span;
      diagnostic.message = std::move(alert.message);
      sink.report(std::move(diagnostic));
    }
  }

 private:
  const LoadedStyles::LoadedRule& loaded_;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StyleError(path.string() + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

YamlNode parse_rule_file(const std::filesystem::path& path) {
  try {
    return parse_yaml(read_file(path));
  } catch (const YamlError& error) {
    throw StyleError(path.string() + ":" + std::to_string(error.mark().line) + ":" +
                     std::to_string(error.mark().column) + ": " + error.what());
  }
}

std::string doc_for(const RuleFile& file) {
  std::string doc = "# " + file.id() + "\n\nA `" + file.extends() + "` rule of the style in `" +
                    file.path().parent_path().string() + "`.\n\n";
  if (!file.description().empty()) doc += file.description() + "\n\n";
  doc += "Message: " + file.message() + "\n";
  if (!file.link().empty()) doc += "\nSee " + file.link() + "\n";
  return doc;
}

// The accepted and rejected words of the vocabularies the settings name: Vale 3 keeps them in
// StylesPath/config/vocabularies/NAME/, Vale 2 in StylesPath/Vocab/NAME/.
struct Vocabulary {
  std::vector<std::string> accept;
  std::vector<std::string> reject;
  std::filesystem::path reject_file;  // the last reject.txt read, named in Vale.Avoid's messages
  std::filesystem::path accept_file;  // the last accept.txt read, Vale.Terms' file
};

void read_words(const std::filesystem::path& file, std::vector<std::string>& words) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') words.push_back(line);
  }
}

Vocabulary read_vocabularies(const StyleSettings& settings) {
  Vocabulary vocabulary;
  for (const std::string& name : settings.vocabularies) {
    std::filesystem::path folder = settings.styles_path / "config" / "vocabularies" / name;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
      folder = settings.styles_path / "Vocab" / name;
    }
    if (!std::filesystem::is_directory(folder, error)) {
      throw StyleError(settings.source.string() + ": vocabulary '" + name + "' not found in " +
                       (settings.styles_path / "config" / "vocabularies").string());
    }
    read_words(folder / "accept.txt", vocabulary.accept);
    vocabulary.accept_file = folder / "accept.txt";
    if (std::filesystem::is_regular_file(folder / "reject.txt", error)) {
      read_words(folder / "reject.txt", vocabulary.reject);
      vocabulary.reject_file = folder / "reject.txt";
    }
  }
  return vocabulary;
}

std::unique_ptr<LoadedStyles::LoadedRule> loaded_rule(const RuleFile& file) {
  if (file.extends() == "script") {
    file.fail("extends",
              "'script' rules (Tengo programs) are not supported; turn the rule off "
              "or write it as another type");
  }
  const CheckFactory factory = check_factory(file.extends());
  if (factory == nullptr) file.fail("extends", "unknown rule type '" + file.extends() + "'");
  auto loaded = std::make_unique<LoadedStyles::LoadedRule>();
  loaded->id = file.id();
  loaded->file = file.path();
  loaded->summary = file.description().empty() ? file.message() : file.description();
  loaded->doc = doc_for(file);
  loaded->scope = file.scope();
  loaded->element_tests = file.scope_selection().elements;
  loaded->other_format = file.scope_selection().other_format;
  loaded->needs_element = std::any_of(loaded->element_tests.begin(), loaded->element_tests.end(),
                                      [](const ElementTest& test) { return test.inside; });
  loaded->check = factory(file);
  loaded->meta = RuleMeta{.id = loaded->id,
                          .category = RuleCategory::Style,
                          .default_severity = file.severity(),
                          .summary = loaded->summary,
                          .enabled_by_default = false};
  return loaded;
}

std::unique_ptr<LoadedStyles::LoadedRule> load_rule(const std::filesystem::path& path,
                                                    const std::string& style,
                                                    const Vocabulary& vocabulary) {
  return loaded_rule(
      RuleFile(path, style + "." + path.stem().string(), parse_rule_file(path), vocabulary.accept));
}

// Vale.Avoid: the rejected words of the vocabularies, flagged wherever they appear, as Vale
// does once `Vocab` names them.
std::unique_ptr<LoadedStyles::LoadedRule> avoid_rule(const Vocabulary& vocabulary) {
  YamlNode root = YamlNode::map();
  root.set("extends", YamlNode::scalar("existence"));
  root.set("message", YamlNode::scalar("Avoid using '%s'."));
  root.set("level", YamlNode::scalar("error"));
  root.set("tokens", YamlNode::strings(vocabulary.reject));
  auto rule = loaded_rule(RuleFile(vocabulary.reject_file, "Vale.Avoid", root));
  rule->meta.enabled_by_default = true;
  return rule;
}

// The styles the settings name, by BasedOnStyles or by a rule setting ("Style.Rule = YES").
std::set<std::string> named_styles(const StyleSettings& settings) {
  std::set<std::string> names;
  for (const StyleSection& section : settings.sections) {
    names.insert(section.based_on.begin(), section.based_on.end());
    for (const auto& [rule, value] : section.rules) names.insert(rule.substr(0, rule.find('.')));
  }
  // copydesk's own rules, and Vale's built-in style, are not folders of YAML rules.
  names.erase(std::string(kBuiltinStyleName));
  names.erase("Vale");
  return names;
}

// Whether a section names `style` (BasedOnStyles or one of its rules).
bool names_style(const StyleSettings& settings, std::string_view style) {
  return std::any_of(settings.sections.begin(), settings.sections.end(), [&](const auto& section) {
    const bool based_on = std::find(section.based_on.begin(), section.based_on.end(), style) !=
                          section.based_on.end();
    return based_on ||
           std::any_of(section.rules.begin(), section.rules.end(), [&](const auto& rule) {
             return std::string_view(rule.first).substr(0, rule.first.find('.')) == style;
           });
  });
}

std::optional<Severity> level_named(std::string_view value) {
  if (value == "suggestion") return Severity::Info;
  if (value == "warning") return Severity::Warning;
  if (value == "error") return Severity::Error;
  return std::nullopt;
}

// What the sections say about `rule` of `style`: where it runs and at what level.
void apply_sections(LoadedStyles::LoadedRule& rule, const std::string& style,
                    const StyleSettings& settings) {
  for (std::size_t index = 0; index < settings.sections.size(); ++index) {
    const StyleSection& section = settings.sections[index];
    const auto setting = section.rules.find(rule.id);
    const bool based_on = std::find(section.based_on.begin(), section.based_on.end(), style) !=
                          section.based_on.end();
    if (setting == section.rules.end() && !based_on) continue;
    bool enabled = true;
    if (setting != section.rules.end()) {
      enabled = setting->second != "NO";
      if (const auto level = level_named(setting->second)) rule.meta.default_severity = *level;
    }
    rule.decisions.push_back(Decision{.section = index, .enabled = enabled});
  }
  const bool anywhere = std::any_of(rule.decisions.begin(), rule.decisions.end(),
                                    [](const Decision& decision) { return decision.enabled; });
  rule.meta.enabled_by_default = anywhere && rule.meta.default_severity >= settings.min_level;
}

// Whether an accepted entry is a phrase (letters, digits, spaces, hyphens, apostrophes) rather
// than a pattern: only phrases say how a term is written, so only they make Vale.Terms swaps.
bool is_phrase(std::string_view entry) {
  return !entry.empty() && std::all_of(entry.begin(), entry.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) != 0 || c == ' ' || c == '-' || c == '\'';
  });
}

// Vale.Terms: each accepted phrase written as accepted, whatever the case it is met in. A
// later vocabulary's spelling of a term wins over an earlier one's, as in Vale.
std::unique_ptr<LoadedStyles::LoadedRule> terms_rule(const Vocabulary& vocabulary,
                                                     const StyleSettings& settings) {
  std::map<std::string, std::string> spelling;  // lowercase -> as accepted
  for (const std::string& entry : vocabulary.accept) {
    if (!is_phrase(entry)) continue;
    std::string lower = entry;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    spelling[lower] = entry;
  }
  if (spelling.empty()) return nullptr;
  YamlNode root = YamlNode::map();
  root.set("extends", YamlNode::scalar("substitution"));
  root.set("message", YamlNode::scalar("Use '%s' instead of '%s'."));
  root.set("level", YamlNode::scalar("error"));
  root.set("ignorecase", YamlNode::scalar("true"));
  YamlNode& swap = root.set("swap", YamlNode::map());
  for (const auto& [lower, accepted] : spelling) swap.set(lower, YamlNode::scalar(accepted));
  // Built without the accepted words: as exceptions (matched ignoring case) they would excuse
  // every term from its own rule.
  auto rule = loaded_rule(RuleFile(vocabulary.accept_file, "Vale.Terms", root));
  rule->settings = &settings;
  apply_sections(*rule, std::string(kValeStyleName), settings);
  return rule;
}

}  // namespace

namespace {

// Which sections match a document, worked out once per document and thread rather than once
// per rule: every style rule of a run asks about the same document in turn.
const std::vector<bool>& sections_matching(const StyleSettings& settings,
                                           std::string_view document_path) {
  thread_local const StyleSettings* cached_settings = nullptr;
  thread_local std::string cached_path;
  thread_local std::vector<bool> matching;
  if (cached_settings == &settings && cached_path == document_path) return matching;
  cached_settings = &settings;
  cached_path = document_path;
  const std::string path = glob_path(document_path, settings.source.parent_path());
  matching.assign(settings.sections.size(), false);
  for (std::size_t i = 0; i < settings.sections.size(); ++i) {
    const auto& files = settings.sections[i].files;
    matching[i] = std::any_of(files.begin(), files.end(),
                              [&](const Glob& glob) { return glob.matches(path); });
  }
  return matching;
}

}  // namespace

std::vector<const StyleSection*> sections_for(const StyleSettings& settings,
                                              std::string_view document_path) {
  const std::vector<bool>& matching = sections_matching(settings, document_path);
  std::vector<const StyleSection*> sections;
  for (std::size_t i = 0; i < matching.size(); ++i) {
    if (matching[i]) sections.push_back(&settings.sections[i]);
  }
  return sections;
}

bool LoadedStyles::LoadedRule::applies_to(std::string_view document_path) const {
  // A rule enabled by name (--enable, copydesk.toml) with no section of its own runs anywhere.
  if (decisions.empty()) return true;
  const std::vector<bool>& matching = sections_matching(*settings, document_path);
  bool enabled = false;
  for (const Decision& decision : decisions) {
    if (matching[decision.section]) enabled = decision.enabled;
  }
  return enabled;
}

LoadedStyles::LoadedStyles(const StyleSettings& settings) : settings_(settings) {
  load_rules();
  join_leading_literals();
}

void LoadedStyles::load_rules() {
  const Vocabulary vocabulary = read_vocabularies(settings_);
  if (!vocabulary.reject.empty()) {
    rules_.push_back(avoid_rule(vocabulary));
    rules_.back()->settings = &settings_;
  }
  for (const std::string& style : named_styles(settings_)) {
    const std::filesystem::path folder = settings_.styles_path / style;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
      throw StyleError(settings_.source.string() + ": style '" + style + "' not found in " +
                       settings_.styles_path.string());
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      const auto extension = entry.path().extension();
      if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml")) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      auto rule = load_rule(path, style, vocabulary);
      rule->settings = &settings_;
      apply_sections(*rule, style, settings_);
      rules_.push_back(std::move(rule));
    }
  }
  if (auto terms = terms_rule(vocabulary, settings_)) rules_.push_back(std::move(terms));
  if (!names_style(settings_, kValeStyleName)) return;
  for (const BuiltinRule& builtin : vale_builtin_rules()) {
    const std::string style(kValeStyleName);
    const std::filesystem::path path =
        settings_.styles_path / style / (std::string(builtin.name) + ".yml");
    auto rule = loaded_rule(RuleFile(path, style + "." + std::string(builtin.name),
                                     parse_yaml(builtin.yaml), vocabulary.accept));
    rule->settings = &settings_;
    apply_sections(*rule, style, settings_);
    rules_.push_back(std::move(rule));
  }
}

void LoadedStyles::join_leading_literals() {
  for (const auto& rule : rules_) {
    const std::size_t before = leading_set_.size();
    rule->check->join(leading_set_);
    if (leading_set_.size() > before) rule->leading_set = &leading_set_;
  }
  leading_set_.build();
}

LoadedStyles::~LoadedStyles() = default;

bool LoadedStyles::runs_on(std::string_view id, std::string_view document_path) const {
  const auto rule = std::find_if(rules_.begin(), rules_.end(),
                                 [&](const auto& loaded) { return loaded->id == id; });
  return rule == rules_.end() || (*rule)->applies_to(document_path);
}

ElementTests LoadedStyles::element_tests() const {
  ElementTests tests;
  for (const auto& rule : rules_) {
    if (!rule->element_tests.empty()) tests.emplace(rule->id, rule->element_tests);
  }
  return tests;
}

Registry LoadedStyles::with_style_rules(const Registry& builtin) const {
  Registry registry;
  for (const RuleEntry* entry : builtin.entries()) {
    RuleEntry copy = *entry;
    copy.meta.enabled_by_default = copy.meta.enabled_by_default && settings_.builtin_rules;
    registry.add(std::move(copy));
  }
  for (const auto& rule : rules_) {
    const LoadedRule* loaded = rule.get();
    registry.add(
        RuleEntry{.meta = loaded->meta, .doc = loaded->doc, .make = [loaded](const RuleContext&) {
                    return std::unique_ptr<Rule>(std::make_unique<StyleRule>(*loaded));
                  }});
  }
  return registry;
}

}  // namespace copydesk::vale
