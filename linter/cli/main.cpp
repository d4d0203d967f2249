// The command line: flags -> Workspace (configuration files) -> Engines -> Formatter -> exit
// code.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "copydesk/baseline.hpp"
#include "copydesk/config.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/formatter.hpp"
#include "copydesk/input.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/safe_write.hpp"
#include "copydesk/version.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

int list_rules() {
  for (const auto* entry : copydesk::Registry::builtin().entries()) {
    std::cout << entry->meta.id << "  (" << copydesk::to_string(entry->meta.default_severity)
              << ", " << entry->meta.category << (entry->meta.has_fix ? ", fixable" : "")
              << (entry->meta.enabled_by_default ? "" : ", off by default") << ")\n    "
              << entry->meta.summary << '\n';
  }
  return kExitClean;
}

int explain(const std::string& id) {
  const auto& registry = copydesk::Registry::builtin();
  if (const auto* entry = registry.find(id)) {
    std::cout << entry->doc;
    return kExitClean;
  }
  std::cerr << "copydesk: unknown rule id '" << id << "'"
            << copydesk::did_you_mean(registry.closest(id)) << " (see --list-rules)\n";
  return kExitUsage;
}

// `copydesk init [--force]`: a commented starter copydesk.toml in the current directory.
int init(const std::vector<std::string>& arguments) {
  const bool force = arguments.size() == 1 && arguments[0] == "--force";
  if (!arguments.empty() && !force) {
    std::cerr << "copydesk: usage: copydesk init [--force]\n";
    return kExitUsage;
  }
  const std::string path(copydesk::kConfigFileName);
  std::error_code error;
  if (!force && std::filesystem::exists(std::filesystem::symlink_status(path, error))) {
    std::cerr << "copydesk: " << path << " already exists; use 'copydesk init --force' to "
              << "overwrite it\n";
    return kExitUsage;
  }
  try {
    copydesk::write_file_atomically(path, copydesk::starter_config());
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

}  // namespace

static int run(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  // `copydesk check PATHS` and `copydesk PATHS` are the same command.
  if (!arguments.empty() && arguments.front() == "check") arguments.erase(arguments.begin());
  if (!arguments.empty() && arguments.front() == "init") {
    return init(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  }
  // `copydesk baseline write FILE [OPTIONS] PATHS` lints like `check` and records the findings
  // in FILE instead of reporting them.
  std::string baseline_out;
  if (!arguments.empty() && arguments.front() == "baseline") {
    if (arguments.size() < 3 || arguments[1] != "write" || arguments[2].starts_with('-')) {
      std::cerr << "copydesk: usage: copydesk baseline write FILE [OPTIONS] PATHS...\n";
      return kExitUsage;
    }
    baseline_out = arguments[2];
    arguments.erase(arguments.begin(), arguments.begin() + 3);
  }
  std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last-first

  CLI::App app{"copydesk: a document-quality linter for editorial pipelines.\n"
               "Lints plain-text and Markdown articles for spelling, confused words, spacing,\n"
               "capitalization and article errors, with exact locations.",
               "copydesk"};
  app.footer(
      "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or "
      "input error.\nDirectories are searched for *.txt, *.md and *.markdown (any case); '-' reads "
      "standard input.\n'copydesk baseline write FILE [OPTIONS] PATHS' records the current "
      "findings in FILE for --baseline.\n'copydesk init' writes a commented starter "
      "copydesk.toml.");

  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  std::string colour = "auto";
  std::string explain_id;
  unsigned jobs = 0;
  bool show_rules = false;
  copydesk::CommandLineSettings settings;
  copydesk::EngineOptions& options = settings.options;

  app.add_option("paths", paths, "Files and directories to lint; '-' for standard input");
  app.add_option("--format", format, "Output format")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(copydesk::kFormatNames),
                                                     std::end(copydesk::kFormatNames))))
      ->capture_default_str();
  const auto* language =
      app.add_option("--lang", options.language,
                     "Hunspell dictionary to spell-check against (en_US, en_GB, ...)")
          ->capture_default_str();
  std::string config_file;
  app.add_option("--config", config_file,
                 "Use this configuration file for every input, instead of the copydesk.toml "
                 "found walking up from each file");
  std::string print_config;
  app.add_option("--print-config", print_config,
                 "Show the effective configuration for this file and exit");
  bool force_exclude = false;
  app.add_flag("--force-exclude", force_exclude,
               "Skip files excluded by the configuration even when named on the command line");
  app.add_option("--words", settings.word_files,
                 "A file of accepted words, one per line (may be repeated)")
      ->allow_extra_args(false)
      ->delimiter(',');
  std::string suggestions = "fast";
  app.add_option("--suggestions", suggestions,
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
  app.add_option("--fail-on", fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"info", "warning", "error", "never"}))
      ->capture_default_str();
  long long max_warnings = -1;
  app.add_option("--max-warnings", max_warnings,
                 "Exit 1 when there are more than N warnings, whatever --fail-on says")
      ->check(
          [](const std::string& value) -> std::string {
            return value.find_first_not_of("0123456789") == std::string::npos
                       ? ""
                       : "must be a whole number, 0 or more";
          },
          "N");
  std::string baseline_in;
  app.add_option("--baseline", baseline_in,
                 "Report only findings not recorded in this file (see 'copydesk baseline write')");
  app.add_option("-j,--jobs", jobs,
                 "Files linted in parallel (0: all cores; at most twice the cores)")
      ->capture_default_str();
  app.add_option("--color", colour, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  std::string stdin_filename;
  app.add_option("--stdin-filename", stdin_filename,
                 "Name for standard input ('-') in reports; its extension gives the syntax "
                 "(.md, .markdown: Markdown; otherwise plain text)");
  app.add_flag("--list-rules", show_rules, "List the rules and exit");
  app.add_option("--explain", explain_id, "Print a rule's documentation and exit");
  app.set_version_flag("--version", std::string("copydesk ") + copydesk::kVersion);

  try {
    app.parse(arguments);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    std::cerr << "copydesk: " << error.what() << "\nRun 'copydesk --help' for usage.\n";
    return kExitUsage;
  }

  options.suggestions = suggestions == "full"  ? copydesk::SuggestionMode::Full
                        : suggestions == "off" ? copydesk::SuggestionMode::Off
                                               : copydesk::SuggestionMode::Fast;

  settings.language_given = language->count() > 0;
  if (!config_file.empty()) settings.config_file = config_file;

  if (show_rules) return list_rules();
  if (!explain_id.empty()) return explain(explain_id);
  copydesk::Workspace workspace(copydesk::Registry::builtin(), settings);
  if (!print_config.empty()) {
    try {
      const copydesk::Input input{print_config, print_config, print_config == "-", true,
                                  std::nullopt};
      std::cout << copydesk::describe(copydesk::Registry::builtin(), workspace.resolve(input),
                                      print_config, workspace.excluded(input));
    } catch (const copydesk::ConfigError& error) {
      std::cerr << "copydesk: " << error.what() << '\n';
      return kExitUsage;
    }
    return kExitClean;
  }
  if (paths.empty()) {
    std::cerr << "copydesk: no paths given (use '-' to read standard input)\n"
                 "Run 'copydesk --help' for usage.\n";
    return kExitUsage;
  }

  if (!baseline_out.empty() && !baseline_in.empty()) {
    std::cerr << "copydesk: --baseline cannot be combined with 'baseline write'\n";
    return kExitUsage;
  }
  std::optional<copydesk::Baseline> baseline;
  if (!baseline_in.empty()) {
    try {
      baseline = copydesk::Baseline::load(baseline_in);
    } catch (const copydesk::BaselineError& error) {
      std::cerr << "copydesk: " << error.what() << '\n';
      return kExitUsage;
    }
  }

  // Files are linted as the walk finds them, each with the engine its configuration gives;
  // lint_all hands out no result before the walk has ended, so a broken configuration met on
  // the way stops the run with nothing reported.
  const copydesk::InputSource inputs = [&](const copydesk::InputSink& lint) {
    copydesk::walk_inputs(
        paths, [&](const std::filesystem::path& file) { return workspace.walks_into(file); },
        stdin_filename,
        [&](copydesk::Input&& input) {
          if (force_exclude && workspace.excluded(input)) return;
          const copydesk::Engine& engine = workspace.engine_for(input);
          lint(std::move(input), engine);
        });
  };
  // Exit code 2 for a broken configuration, nothing reported, whatever else the run would do.
  const auto configuration_broken = [](const copydesk::ConfigError& error) {
    std::cerr << "copydesk: " << error.what() << '\n';
    return kExitUsage;
  };

  if (!baseline_out.empty()) {
    copydesk::Baseline recorded;
    bool input_errors = false;
    try {
      copydesk::lint_all(inputs, jobs, [&](copydesk::FileResult&& result) {
        if (result.error) {
          std::cerr << "copydesk: " << (result.skipped ? "note: " : "error: ") << result.path
                    << ": " << *result.error << '\n';
          input_errors = input_errors || !result.skipped;
        }
        recorded.record(result);
      });
    } catch (const copydesk::ConfigError& error) {
      return configuration_broken(error);
    }
    // A baseline that silently misses a file would resurrect all its findings later.
    if (input_errors) {
      std::cerr << "copydesk: baseline not written: some inputs could not be linted\n";
      return kExitUsage;
    }
    try {
      copydesk::write_file_atomically(baseline_out, recorded.to_json());
    } catch (const std::exception& error) {
      std::cerr << "copydesk: cannot write baseline: " << error.what() << '\n';
      return kExitUsage;
    }
    std::cerr << "copydesk: recorded " << recorded.findings() << " findings in "
              << recorded.files() << " files to " << baseline_out << '\n';
    return kExitClean;
  }

  copydesk::FormatOptions format_options;
  format_options.color = use_colour(colour);
  format_options.rules = copydesk::Registry::builtin().descriptions();
  const auto formatter =
      copydesk::make_formatter(*copydesk::parse_format(format), std::cout, format_options);
  copydesk::Summary summary;
  bool begun = false;
  try {
    copydesk::lint_all(inputs, jobs, [&](copydesk::FileResult&& result) {
      if (!begun) formatter->begin();  // not before the configuration is known to be sound
      begun = true;
      if (baseline) baseline->suppress(result);
      copydesk::count_into(summary, result);
      if (result.error) {
        std::cerr << "copydesk: " << (result.skipped ? "note: " : "error: ") << result.path << ": "
                  << *result.error << '\n';
      }
      formatter->file(result);
    });
  } catch (const copydesk::ConfigError& error) {
    return configuration_broken(error);
  }
  if (!begun) formatter->begin();
  formatter->end(summary);
  std::cout.flush();
  if (!std::cout) {
    // A CI gate must not pass when its report was lost (a full disk, a closed pipe).
    std::cerr << "copydesk: error: cannot write the report to standard output\n";
    return kExitUsage;
  }

  if (summary.files_with_errors > 0) return kExitUsage;
  if (max_warnings >= 0 && summary.warnings > static_cast<std::size_t>(max_warnings)) {
    std::cerr << "copydesk: " << summary.warnings << " warnings, more than --max-warnings "
              << max_warnings << '\n';
    return kExitFindings;
  }
  const auto threshold = copydesk::parse_severity(fail_on);
  if (!threshold) return kExitClean;  // --fail-on never
  const bool failing = (summary.errors > 0) ||
                       (*threshold <= copydesk::Severity::Warning && summary.warnings > 0) ||
                       (*threshold <= copydesk::Severity::Info && summary.infos > 0);
  return failing ? kExitFindings : kExitClean;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "copydesk: internal error: " << error.what() << '\n';
    return kExitUsage;
  }
}
