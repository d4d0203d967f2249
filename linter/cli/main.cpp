// The command line: subcommands and flags -> Workspace (configuration files) -> inputs linted
// by the Workspace's engines -> Formatter (or a baseline file, or the fixer for --fix and
// --diff) -> one exit-code policy.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "copydesk/baseline.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/fixer.hpp"
#include "copydesk/formatter.hpp"
#include "copydesk/git_ignore.hpp"
#include "copydesk/input.hpp"
#include "copydesk/lsp/server.hpp"
#include "copydesk/record_output.hpp"
#include "copydesk/records.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/safe_write.hpp"
#include "copydesk/unified_diff.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"
#include "copydesk/version.hpp"
#include "copydesk/workspace.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
// What a directory walk picks up, for messages.
constexpr const char* kLintableKinds = "*.txt, *.md, *.markdown, *.html or *.htm";

int list_rules(const copydesk::Registry& registry) {
  for (const auto* entry : registry.entries()) {
    std::cout << entry->meta.id << "  (" << copydesk::to_string(entry->meta.default_severity)
              << ", " << copydesk::to_string(entry->meta.category)
              << (entry->meta.has_fix ? ", fixable" : "")
              << (entry->meta.enabled_by_default ? "" : ", off by default");
    if (!entry->meta.languages.empty()) {
      std::cout << ", languages:";
      for (const std::string_view language : entry->meta.languages) std::cout << ' ' << language;
    }
    std::cout << ")\n    " << entry->meta.summary << '\n';
  }
  return kExitClean;
}

int explain(const copydesk::Registry& registry, const std::string& id) {
  if (const auto* entry = registry.find(id)) {
    std::cout << entry->doc;
    return kExitClean;
  }
  std::cerr << "copydesk: unknown rule id '" << id << "'"
            << copydesk::did_you_mean(registry.closest(id)) << " (see --list-rules)\n";
  return kExitUsage;
}

// What `init` and `baseline write` are told besides the check options.
struct WriteArguments {
  bool force = false;  // init: overwrite an existing copydesk.toml
  copydesk::WriteOptions options;
};

// `copydesk init [--force]`: a commented starter copydesk.toml in the current directory.
int init(const WriteArguments& arguments) {
  const std::string path(copydesk::kConfigFileName);
  std::error_code error;
  if (!arguments.force && std::filesystem::exists(std::filesystem::symlink_status(path, error))) {
    std::cerr << "copydesk: " << path << " already exists; use 'copydesk init --force' to "
              << "overwrite it\n";
    return kExitUsage;
  }
  try {
    copydesk::write_file_atomically(path, copydesk::starter_config(), arguments.options);
  } catch (const std::exception& failure) {
    std::cerr << "copydesk: cannot write " << path << ": " << failure.what() << '\n';
    return kExitUsage;
  }
  std::cerr << "copydesk: wrote " << path << '\n';
  return kExitClean;
}

bool use_colour(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

// What `check` (the default command) and `baseline write` are told on the command line.
struct CheckArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  std::string colour = "auto";
  std::string suggestions = "fast";
  std::string config_file;
  std::string print_config;
  std::string baseline_in;
  std::string stdin_filename;
  std::string explain_id;
  long long max_warnings = -1;
  unsigned jobs = 0;
  bool force_exclude = false;
  bool allow_no_files = false;
  bool no_gitignore = false;
  bool show_rules = false;
  bool fix = false;
  bool diff = false;
  bool unsafe_fixes = false;
  std::string input_kind = "files";
  copydesk::RecordFields record_fields;  // --input jsonl: the members read
  copydesk::CommandLineSettings settings;
  std::vector<const CLI::Option*> language_options;  // --lang, on each command that takes it
};

// --input and the field names of records (see README, "Batch records").
void add_record_options(CLI::App& app, CheckArguments& arguments) {
  app.add_option("--input", arguments.input_kind,
                 "What the paths hold: files to lint, or JSON Lines records (one object a line "
                 "with an id and a text) whose findings are written as JSON Lines")
      ->check(CLI::IsMember({"files", "jsonl"}))
      ->capture_default_str();
  copydesk::RecordFields& fields = arguments.record_fields;
  app.add_option("--id-field", fields.id, "With --input jsonl: the member holding the record id")
      ->capture_default_str();
  app.add_option("--text-field", fields.text, "With --input jsonl: the member holding the text")
      ->capture_default_str();
  app.add_option("--syntax-field", fields.syntax,
                 "With --input jsonl: the member holding the syntax (txt, md or html)")
      ->capture_default_str();
  app.add_option("--language-field", fields.language,
                 "With --input jsonl: the member holding the dictionary (en_GB...)")
      ->capture_default_str();
  app.add_option("--path-field", fields.path,
                 "With --input jsonl: the member holding a path whose configuration applies")
      ->capture_default_str();
}

// The options of `check`, on the command itself and on the top level (`copydesk PATHS`).
void add_check_options(CLI::App& app, CheckArguments& arguments) {
  copydesk::EngineOptions& options = arguments.settings.options;
  app.add_option("paths", arguments.paths, "Files and directories to lint; '-' for standard input");
  app.add_option("--format", arguments.format, "Output format")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(copydesk::kFormatNames),
                                                     std::end(copydesk::kFormatNames))))
      ->capture_default_str();
  arguments.language_options.push_back(
      app.add_option("--lang", options.language,
                     "Hunspell dictionary to spell-check against (en_US, en_GB, ...)")
          ->capture_default_str());
  app.add_option("--config", arguments.config_file,
                 "Use this configuration file for every input, instead of the copydesk.toml "
                 "found walking up from each file");
  app.add_option("--print-config", arguments.print_config,
                 "Show the effective configuration for this file and exit");
  app.add_flag("--force-exclude", arguments.force_exclude,
               "Skip files excluded by the configuration even when named on the command line");
  app.add_flag("--allow-no-files", arguments.allow_no_files,
               "Exit 0 when the paths hold nothing to lint (by default: a message and exit 2)");
  app.add_flag("--no-gitignore", arguments.no_gitignore,
               "Also lint files that git ignores when walking a directory of a work tree");
  app.add_option("--words", arguments.settings.word_files,
                 "A file of accepted words, one per line (may be repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--suggestions", arguments.suggestions,
                 "Spelling suggestions: fast (words one edit away), full (also Hunspell's slow "
                 "wide search), off")
      ->check(CLI::IsMember({"fast", "full", "off"}))
      ->capture_default_str();
  app.add_option("--enable", options.enable, "Turn a rule on (may be repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--disable", options.disable, "Turn a rule off (may be repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--fail-on", arguments.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"info", "warning", "error", "never"}))
      ->capture_default_str();
  app.add_option("--max-warnings", arguments.max_warnings,
                 "Exit 1 when there are more than N warnings, whatever --fail-on says")
      ->check(
          [](const std::string& value) -> std::string {
            return value.find_first_not_of("0123456789") == std::string::npos
                       ? ""
                       : "must be a whole number, 0 or more";
          },
          "N");
  app.add_option("--baseline", arguments.baseline_in,
                 "Report only findings not recorded in this file (see 'copydesk baseline write')");
  app.add_option("-j,--jobs", arguments.jobs,
                 "Files linted in parallel (0: all cores; at most twice the cores)")
      ->capture_default_str();
  app.add_option("--color", arguments.colour, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--stdin-filename", arguments.stdin_filename,
                 "Name for standard input ('-') in reports; its extension gives the syntax "
                 "(.md, .markdown: Markdown; .html, .htm: HTML; otherwise plain text)");
  auto* fix = app.add_flag("--fix", arguments.fix,
                           "Apply the safe fixes to the files, then report what remains; with "
                           "'-', print the fixed text");
  app.add_flag("--diff", arguments.diff,
               "Print what --fix would change as a unified diff (apply it with 'patch -p0') and "
               "change nothing; exit 1 when there is something to fix")
      ->excludes(fix);
  app.add_flag("--unsafe-fixes", arguments.unsafe_fixes,
               "With --fix or --diff, also apply the fixes marked unsafe (confused words, "
               "certain spellings, directive clean-ups): review the result");
  add_record_options(app, arguments);
  app.add_flag("--list-rules", arguments.show_rules, "List the rules and exit");
  app.add_option("--explain", arguments.explain_id, "Print a rule's documentation and exit");
}

// The one exit-code policy: 2 when an input could not be linted, else 1 when the findings
// cross --max-warnings or reach --fail-on, else 0.
int exit_code(const copydesk::Summary& summary, const CheckArguments& arguments) {
  if (summary.files_with_errors > 0) return kExitUsage;
  if (arguments.max_warnings >= 0 &&
      summary.warnings > static_cast<std::size_t>(arguments.max_warnings)) {
    std::cerr << "copydesk: " << summary.warnings << " warnings, more than --max-warnings "
              << arguments.max_warnings << '\n';
    return kExitFindings;
  }
  const auto threshold = copydesk::parse_severity(arguments.fail_on);
  if (!threshold) return kExitClean;  // --fail-on never
  const bool failing = (summary.errors > 0) ||
                       (*threshold <= copydesk::Severity::Warning && summary.warnings > 0) ||
                       (*threshold <= copydesk::Severity::Info && summary.infos > 0);
  return failing ? kExitFindings : kExitClean;
}

// The one report of an input that could not be linted (or was skipped, e.g. a binary file).
void report_input_error(const copydesk::FileResult& result) {
  if (!result.error) return;
  // The name (and an error quoting the text) may hold controls: shown, not sent to the terminal.
  std::cerr << "copydesk: " << (result.skipped ? "note: " : "error: ")
            << copydesk::visible(result.path) << ": " << copydesk::visible(*result.error) << '\n';
}

// Why the other options of the run do not go with --input jsonl; null when they do.
const char* record_conflict(const CheckArguments& arguments, bool writing_baseline) {
  if (writing_baseline) return "'baseline write' reads files, not --input jsonl";
  if (arguments.fix || arguments.diff) return "--fix and --diff rewrite files, not records";
  if (!arguments.baseline_in.empty()) return "--baseline matches files, not records";
  if (arguments.format != "jsonl" && arguments.format != "text") {
    return "--input jsonl writes JSON Lines records (--format jsonl) only";
  }
  return nullptr;
}

// Lints the records of one input (a file, or '-': standard input) into `writer`.
void lint_record_input(const std::string& path, const CheckArguments& arguments,
                       copydesk::RecordEngines& engines, copydesk::RecordWriter& writer,
                       copydesk::Summary& summary) {
  const bool from_stdin = path == "-";
  const std::string name = !from_stdin                        ? path
                           : arguments.stdin_filename.empty() ? "<stdin>"
                                                              : arguments.stdin_filename;
  const auto consume = [&](copydesk::RecordResult&& record) {
    copydesk::count_into(summary, record.result);
    if (record.result.error) {
      std::cerr << "copydesk: error: " << copydesk::visible(name) << ':' << record.line << ": "
                << copydesk::visible(*record.result.error) << '\n';
    }
    writer.write(record, name);
  };
  const copydesk::RecordRunOptions options{.fields = arguments.record_fields,
                                           .jobs = arguments.jobs};
  if (from_stdin) return copydesk::lint_records(std::cin, options, engines, consume);
  std::error_code error;
  std::ifstream file;
  if (!std::filesystem::is_directory(path, error)) file.open(path, std::ios::binary);
  if (!file) {
    // Line 0: the input as a whole could not be read.
    copydesk::RecordResult unreadable;
    unreadable.result.error = std::filesystem::is_directory(path, error)
                                  ? "is a directory"
                                  : "cannot open: " + std::string(std::strerror(errno));
    return consume(std::move(unreadable));
  }
  copydesk::lint_records(file, options, engines, consume);
}

// `check --input jsonl`: records in, findings keyed by record id out (see record_output.hpp);
// standard input when no path is given.
int check_records(const CheckArguments& arguments, copydesk::vale::StyleCatalog& styles,
                  bool writing_baseline) {
  if (const char* conflict = record_conflict(arguments, writing_baseline)) {
    std::cerr << "copydesk: " << conflict << '\n';
    return kExitUsage;
  }
  copydesk::RecordEngines engines(copydesk::Registry::builtin(), arguments.settings, &styles);
  copydesk::RecordWriter writer(std::cout);
  copydesk::Summary summary;
  const std::vector<std::string> paths =
      arguments.paths.empty() ? std::vector<std::string>{"-"} : arguments.paths;
  for (const auto& path : paths) lint_record_input(path, arguments, engines, writer, summary);
  return exit_code(summary, arguments);
}

// `copydesk baseline write FILE ...`: lints like `check` and records the findings in FILE.
int write_baseline(const std::string& file, const copydesk::InputSource& inputs, unsigned jobs,
                   const copydesk::WriteOptions& options) {
  // Its paths are relative to its own folder, so that a run from elsewhere still matches them.
  copydesk::Baseline recorded(std::filesystem::path(file).parent_path());
  bool input_errors = false;
  copydesk::lint_all(inputs, jobs, [&](copydesk::FileResult&& result) {
    report_input_error(result);
    input_errors = input_errors || (result.error && !result.skipped);
    recorded.record(result);
  });
  // A baseline that silently misses a file would resurrect all its findings later.
  if (input_errors) {
    std::cerr << "copydesk: baseline not written: some inputs could not be linted\n";
    return kExitUsage;
  }
  try {
    copydesk::write_file_atomically(file, recorded.to_json(), options);
  } catch (const std::exception& error) {
    std::cerr << "copydesk: cannot write baseline: " << error.what() << '\n';
    return kExitUsage;
  }
  std::cerr << "copydesk: recorded " << recorded.findings() << " findings in " << recorded.files()
            << " files to " << file << '\n';
  return kExitClean;
}

// Loads --baseline into `baseline` when it is given; false (having said why) when it cannot.
bool load_baseline(const CheckArguments& arguments, std::optional<copydesk::Baseline>& baseline) {
  if (arguments.baseline_in.empty()) return true;
  try {
    baseline = copydesk::Baseline::load(arguments.baseline_in);
  } catch (const copydesk::BaselineError& error) {
    std::cerr << "copydesk: " << error.what() << '\n';
    return false;
  }
  return true;
}

std::unique_ptr<copydesk::Formatter> make_report_formatter(const CheckArguments& arguments,
                                                           const copydesk::Registry& registry) {
  copydesk::FormatOptions format_options;
  format_options.color = use_colour(arguments.colour);
  format_options.rules = registry.descriptions();
  return copydesk::make_formatter(*copydesk::parse_format(arguments.format), std::cout,
                                  format_options);
}

// `copydesk check ...`: lints and reports in the chosen format.
int report(const CheckArguments& arguments, const copydesk::Registry& registry,
           const copydesk::InputSource& inputs) {
  std::optional<copydesk::Baseline> baseline;
  if (!load_baseline(arguments, baseline)) return kExitUsage;
  const auto formatter = make_report_formatter(arguments, registry);
  copydesk::Summary summary;
  if (baseline) summary.baseline_hidden = 0;
  bool begun = false;
  copydesk::lint_all(inputs, arguments.jobs, [&](copydesk::FileResult&& result) {
    if (!begun) formatter->begin();  // not before the configuration is known to be sound
    begun = true;
    if (baseline) *summary.baseline_hidden += baseline->suppress(result);
    copydesk::count_into(summary, result);
    report_input_error(result);
    formatter->file(result);
  });
  if (!begun) formatter->begin();
  formatter->end(summary);
  return exit_code(summary, arguments);  // main checks that the report was written
}

// What a --fix or --diff run did, for its summary line.
struct FixTotals {
  std::size_t fixes = 0;
  std::size_t files = 0;  // files the fixes changed
};

std::string count_of(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Fixes one input: prints its diff (--diff), or writes it back (--fix; for standard input,
// prints the fixed text). Returns what remains to report, or why the input could not be fixed.
copydesk::FileResult fix_input(const copydesk::Input& input, const copydesk::Engine& engine,
                               const CheckArguments& arguments, const copydesk::Baseline* baseline,
                               FixTotals& totals) {
  std::string text;
  if (auto failed = copydesk::read_input_whole(input, text)) return std::move(*failed);
  const copydesk::FixRequest request{
      .level = arguments.unsafe_fixes ? copydesk::FixLevel::Unsafe : copydesk::FixLevel::Safe,
      .baseline = baseline};
  copydesk::FixOutcome outcome = copydesk::fix_text(engine, input.display_path, text,
                                                    copydesk::syntax_of(input.path), request);
  if (outcome.remaining.error) return std::move(outcome.remaining);
  const bool changed = outcome.text != text;
  if (arguments.diff) {
    std::cout << copydesk::unified_diff(input.display_path, text, outcome.text);
  } else if (input.from_stdin) {
    std::cout << outcome.text;
  } else if (changed) {
    try {
      copydesk::write_fixed_file(input.path, text, outcome.text);
    } catch (const copydesk::FixWriteError& error) {
      copydesk::FileResult failed;
      failed.path = input.display_path;
      failed.error = error.what();
      return failed;
    }
  }
  if (changed) {
    totals.fixes += outcome.applied;
    ++totals.files;
  }
  return std::move(outcome.remaining);
}

// `--fix` and `--diff`: every input is listed first, so that a broken configuration met on the
// way stops the run before any file is changed.
int fix(const CheckArguments& arguments, const copydesk::Registry& registry,
        const copydesk::InputSource& inputs) {
  std::optional<copydesk::Baseline> baseline;
  if (!load_baseline(arguments, baseline)) return kExitUsage;
  std::vector<std::pair<copydesk::Input, const copydesk::Engine*>> listed;
  inputs([&](copydesk::Input&& input, const copydesk::Engine& engine) {
    listed.emplace_back(std::move(input), &engine);
  });
  // The remaining findings are reported where they do not mix with a diff or a fixed text.
  const bool text_on_stdout = std::any_of(listed.begin(), listed.end(),
                                          [](const auto& entry) { return entry.first.from_stdin; });
  const bool reporting = arguments.fix && !text_on_stdout;
  const auto formatter = make_report_formatter(arguments, registry);
  if (reporting) formatter->begin();
  copydesk::Summary summary;
  FixTotals totals;
  for (const auto& [input, engine] : listed) {
    const copydesk::FileResult remaining =
        fix_input(input, *engine, arguments, baseline ? &*baseline : nullptr, totals);
    copydesk::count_into(summary, remaining);
    report_input_error(remaining);
    if (reporting) formatter->file(remaining);
  }
  if (reporting) formatter->end(summary);
  std::cerr << "copydesk: " << (arguments.diff ? "would apply " : "applied ")
            << count_of(totals.fixes, "fix", "fixes") << " in "
            << count_of(totals.files, "file", "files") << "; "
            << count_of(summary.diagnostics(), "finding remains", "findings remain") << '\n';
  if (arguments.diff && summary.files_with_errors == 0) {
    return totals.fixes > 0 ? kExitFindings : kExitClean;
  }
  return exit_code(summary, arguments);
}

// A gate pointed at a folder of files it does not read (HTML, MDX) must not pass forever:
// true, having said so, when the walk found nothing and --allow-no-files was not given.
bool found_nothing(std::size_t found, const CheckArguments& arguments) {
  if (found > 0 || arguments.allow_no_files) return false;
  std::cerr << "copydesk: error: nothing to lint in";
  for (const auto& path : arguments.paths) std::cerr << " '" << path << "'";
  std::cerr << ": no " << kLintableKinds
            << " files there (--allow-no-files exits 0 in this case)\n";
  return true;
}

// The rules a run knows: those it shows (lists, explanations, reports) and where each file's
// house styles are looked up.
struct RunRules {
  const copydesk::Registry& shown;
  copydesk::vale::StyleCatalog& styles;
};

// `check` and `baseline write` (when `baseline_out` is set): flags -> Workspace -> inputs.
int check(CheckArguments& arguments, const RunRules& rules, const std::string& baseline_out,
          const copydesk::WriteOptions& write_options) {
  const copydesk::Registry& registry = rules.shown;
  if (arguments.show_rules) return list_rules(registry);
  if (!arguments.explain_id.empty()) return explain(registry, arguments.explain_id);
  copydesk::CommandLineSettings& settings = arguments.settings;
  settings.options.suggestions = arguments.suggestions == "full"  ? copydesk::SuggestionMode::Full
                                 : arguments.suggestions == "off" ? copydesk::SuggestionMode::Off
                                                                  : copydesk::SuggestionMode::Fast;
  settings.language_given =
      std::any_of(arguments.language_options.begin(), arguments.language_options.end(),
                  [](const CLI::Option* option) { return option->count() > 0; });
  if (!arguments.config_file.empty()) settings.config_file = arguments.config_file;
  copydesk::Workspace workspace(copydesk::Registry::builtin(), settings, &rules.styles);
  try {
    if (!arguments.print_config.empty()) {
      const std::string& path = arguments.print_config;
      const copydesk::Input input{path, path, path == "-", true, std::nullopt};
      std::cout << copydesk::describe(registry, workspace.resolve(input), path,
                                      workspace.excluded(input));
      return kExitClean;
    }
    if (arguments.input_kind == "jsonl") {
      return check_records(arguments, rules.styles, !baseline_out.empty());
    }
    if (arguments.paths.empty()) {
      std::cerr << "copydesk: no paths given (use '-' to read standard input)\n"
                   "Run 'copydesk --help' for usage.\n";
      return kExitUsage;
    }
    if (!baseline_out.empty() && !arguments.baseline_in.empty()) {
      std::cerr << "copydesk: --baseline cannot be combined with 'baseline write'\n";
      return kExitUsage;
    }
    if (!baseline_out.empty() && (arguments.fix || arguments.diff)) {
      std::cerr << "copydesk: --fix and --diff cannot be combined with 'baseline write'\n";
      return kExitUsage;
    }
    if (arguments.unsafe_fixes && !arguments.fix && !arguments.diff) {
      std::cerr << "copydesk: --unsafe-fixes needs --fix or --diff\n";
      return kExitUsage;
    }
    // Files are linted as the walk finds them, each with the engine its configuration gives;
    // lint_all hands out no result before the walk has ended, so a broken configuration met on
    // the way stops the run with nothing reported.
    // `found` counts inputs met, whether linted or deliberately skipped (excluded, word lists).
    std::size_t found = 0;
    const copydesk::GitIgnored git_ignored(arguments.no_gitignore ? std::vector<std::string>{}
                                                                  : arguments.paths);
    const copydesk::InputSource inputs = [&](const copydesk::InputSink& lint) {
      copydesk::walk_inputs(
          arguments.paths,
          [&](const std::filesystem::path& file) {
            return workspace.walks_into(file) && !git_ignored.ignored(file);
          },
          arguments.stdin_filename,
          [&](copydesk::Input&& input) {
            ++found;
            if (workspace.word_list(input)) return;
            if (arguments.force_exclude && workspace.excluded(input)) return;
            lint(std::move(input), workspace.engine_for(input));
          });
    };
    const int status = !baseline_out.empty()
                           ? write_baseline(baseline_out, inputs, arguments.jobs, write_options)
                       : arguments.fix || arguments.diff ? fix(arguments, registry, inputs)
                                                         : report(arguments, registry, inputs);
    // A run that stopped before the walk (a baseline that cannot be read) has said why already.
    if (status == kExitUsage) return status;
    return found_nothing(found, arguments) ? kExitUsage : status;
  } catch (const copydesk::ConfigError& error) {
    // Exit code 2 for a broken configuration, nothing reported, whatever else the run would do.
    std::cerr << "copydesk: " << error.what() << '\n';
    return kExitUsage;
  }
}

}  // namespace

// The subcommands: `check` (also the default: `copydesk PATHS`), `init`, `baseline write`.
// `copydesk lsp`: the client owns both pipes; when it goes away a write must fail, not kill us.
int serve_lsp(const copydesk::lsp::ServerOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);
  return copydesk::lsp::serve(STDIN_FILENO, STDOUT_FILENO, copydesk::Registry::builtin(), options);
}

constexpr const char* kDescription =
    "copydesk: a document-quality linter for editorial pipelines.\n"
    "Lints plain-text, Markdown and HTML articles for spelling, confused words, spacing,\n"
    "capitalization and article errors, with exact locations.";
constexpr const char* kFooter =
    "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or "
    "input error.\nDirectories are searched for *.txt, *.md, *.markdown, *.html and *.htm (any "
    "case); '-' reads standard input.\n'copydesk baseline write FILE [OPTIONS] PATHS' records "
    "the current findings in FILE for --baseline.\n'copydesk init' writes a commented starter "
    "copydesk.toml.\n--fix applies the safe fixes in place; --diff shows them as a diff.";

// What the subcommands other than check parse into, and whether each was given.
struct Subcommands {
  WriteArguments writing;
  std::string baseline_out;
  copydesk::lsp::ServerOptions lsp_options;
  CLI::App* init = nullptr;
  CLI::App* baseline_write = nullptr;
  CLI::App* lsp = nullptr;
};

void add_subcommands(CLI::App& app, CheckArguments& arguments, Subcommands& commands) {
  const std::string follow_help =
      "Write through a symbolic link whose target is outside the link's directory";
  commands.init = app.add_subcommand("init", "Write a commented starter copydesk.toml");
  commands.init->add_flag("--force", commands.writing.force, "Overwrite an existing copydesk.toml");
  commands.init->add_flag("--follow-symlinks", commands.writing.options.follow_symlinks_anywhere,
                          follow_help);
  CLI::App* baseline =
      app.add_subcommand("baseline", "Record findings to accept")->require_subcommand(1);
  commands.baseline_write = baseline->add_subcommand(
      "write", "Lint like check and record the findings in FILE instead of reporting them");
  commands.baseline_write->add_option("file", commands.baseline_out, "The baseline file to write")
      ->required();
  add_check_options(*commands.baseline_write, arguments);
  commands.baseline_write->add_flag("--follow-symlinks",
                                    commands.writing.options.follow_symlinks_anywhere, follow_help);
  commands.lsp = app.add_subcommand(
      "lsp", "Run the language server (LSP) over standard input and output, for editors");
  commands.lsp
      ->add_option("--debounce", commands.lsp_options.debounce_ms,
                   "Milliseconds of quiet after an edit before diagnostics are published")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000));
}

static int run(int argc, char** argv) {
  CLI::App app{kDescription, "copydesk"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("copydesk ") + copydesk::kVersion);
  CheckArguments arguments;
  add_check_options(app, arguments);
  add_check_options(*app.add_subcommand("check", "Lint files (the default command)"), arguments);
  Subcommands commands;
  add_subcommands(app, arguments, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    std::cerr << "copydesk: " << error.what() << "\nRun 'copydesk --help' for usage.\n";
    return kExitUsage;
  }
  if (commands.init->parsed()) return init(commands.writing);
  if (commands.lsp->parsed()) return serve_lsp(commands.lsp_options);
  // The rules --list-rules, --explain and the reports' rule descriptions show: the built-in
  // rules and the styles of --config or of the current directory. Each file's engine runs the
  // styles that govern it (the Workspace looks them up in `styles`, which keeps these loaded).
  copydesk::vale::StyleCatalog styles(copydesk::Registry::builtin());
  const copydesk::Registry* registry = &copydesk::Registry::builtin();
  try {
    const copydesk::vale::StyleSet* here = arguments.config_file.empty()
                                               ? styles.for_directory(".")
                                               : styles.for_settings_file(arguments.config_file);
    if (here != nullptr) registry = &here->registry;
  } catch (const copydesk::vale::StyleError& error) {
    std::cerr << "copydesk: " << error.what() << '\n';
    return kExitUsage;
  }
  return check(arguments, {.shown = *registry, .styles = styles},
               commands.baseline_write->parsed() ? commands.baseline_out : "",
               commands.writing.options);
}

int main(int argc, char** argv) {
  copydesk::guard_standard_input();
  int code = kExitUsage;
  try {
    code = run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "copydesk: internal error: " << error.what() << '\n';
  }
  // Whatever the command (a report, --list-rules, --help), output that was lost (a full disk, a
  // closed pipe) must not pass for success.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "copydesk: error: cannot write to standard output\n";
    return kExitUsage;
  }
  return code;
}
