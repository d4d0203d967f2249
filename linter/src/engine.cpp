#include "copydesk/engine.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "copydesk/document.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

class CollectingSink : public Sink {
 public:
  CollectingSink(const RuleMeta& meta, std::vector<Diagnostic>& out) : meta_(meta), out_(out) {}
  void report(Diagnostic diagnostic) override {
    diagnostic.rule = std::string(meta_.id);
    diagnostic.severity = meta_.default_severity;
    out_.push_back(std::move(diagnostic));
  }

 private:
  const RuleMeta& meta_;
  std::vector<Diagnostic>& out_;
};

std::string read_word_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read the word list");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (const auto bad = find_invalid_utf8(text)) {
    throw ConfigError(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  }
  return text;
}

void check_rule_ids(const std::vector<std::string>& ids, std::string_view option) {
  const Registry& registry = Registry::builtin();
  for (const auto& id : ids) {
    if (registry.find(id) != nullptr) continue;
    std::string message = "unknown rule id '" + id + "' in " + std::string(option);
    if (const std::string close = registry.closest(id); !close.empty()) {
      message += "; did you mean '" + close + "'?";
    }
    throw ConfigError(message + " (see --list-rules)");
  }
}

}  // namespace

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  check_rule_ids(options_.enable, "--enable");
  check_rule_ids(options_.disable, "--disable");
  try {
    spell_ = std::make_unique<SpellChecker>(options_.language, options_.suggestions);
  } catch (const std::runtime_error& error) {
    throw ConfigError(error.what());
  }
  accepted_words_.add_lines(embedded_data("house-words.txt"));
  for (const auto& file : options_.word_files) accepted_words_.add_lines(read_word_file(file));

  const RuleContext context{spell_.get(), &accepted_words_};
  const auto listed = [](const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    const bool on = (entry->meta.enabled_by_default || listed(options_.enable, entry->meta.id)) &&
                    !listed(options_.disable, entry->meta.id);
    if (on) rules_.push_back(entry->make(context));
  }
}

Engine::~Engine() = default;

FileResult Engine::lint_text(std::string path, std::string text) const {
  FileResult result;
  result.path = path;
  if (const auto bad = find_invalid_utf8(text)) {
    result.error = "invalid UTF-8 at byte " + std::to_string(*bad);
    return result;
  }
  Document document(std::move(path), std::move(text));
  for (const auto& rule : rules_) {
    CollectingSink sink(rule->meta(), result.diagnostics);
    rule->check(document, sink);
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  result.text = std::move(document).take_text();
  return result;
}

FileResult Engine::lint(const Input& input) const {
  FileResult failed;
  failed.path = input.display_path;
  if (input.error) {
    failed.error = *input.error;
    return failed;
  }
  std::string text;
  if (input.from_stdin) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code error;
    const auto status = std::filesystem::status(input.path, error);
    if (error || !std::filesystem::exists(status)) {
      failed.error = "no such file or directory";
      return failed;
    }
    if (std::filesystem::is_directory(status)) {
      failed.error = "is a directory";
      return failed;
    }
    std::ifstream in(input.path, std::ios::binary);
    if (!in) {
      failed.error = "cannot open the file (permission denied?)";
      return failed;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      failed.error = "read error";
      return failed;
    }
  }
  if (text.find('\0') != std::string::npos) {
    if (!input.explicit_path) {
      failed.skipped = true;
      failed.error = "binary file (contains NUL bytes), skipped";
      return failed;
    }
    failed.error = "binary file (contains NUL bytes at byte " +
                   std::to_string(text.find('\0')) + ")";
    return failed;
  }
  return lint_text(input.display_path, std::move(text));
}

void Engine::lint_all(const std::vector<Input>& inputs, unsigned jobs,
                      const std::function<void(FileResult&&)>& consume) const {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  if (jobs <= 1) {
    for (const auto& input : inputs) consume(lint(input));
    return;
  }
  std::vector<std::optional<FileResult>> done(inputs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      FileResult result = lint(inputs[i]);
      {
        std::lock_guard lock(mutex);
        done[i] = std::move(result);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return done[i].has_value(); });
    FileResult result = std::move(*done[i]);
    done[i].reset();
    lock.unlock();
    consume(std::move(result));
  }
  for (auto& worker : workers) worker.join();
}

namespace {

bool lintable_extension(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".txt" || extension == ".md" || extension == ".markdown";
}

bool hidden(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const auto& given : paths) {
    if (given == "-") {
      inputs.push_back(Input{"<stdin>", {}, true, true, std::nullopt});
      continue;
    }
    const std::filesystem::path path(given);
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      inputs.push_back(Input{given, path, false, true, std::nullopt});
      continue;
    }
    std::vector<Input> found;
    std::filesystem::recursive_directory_iterator it(path, error), end;
    if (error) {
      inputs.push_back(Input{given, path, false, true, "cannot read the directory: " + error.message()});
      continue;
    }
    for (; it != end; it.increment(error)) {
      if (error) {
        found.push_back(Input{given, path, false, true, "cannot read the directory: " + error.message()});
        break;
      }
      const auto& entry_path = it->path();
      if (hidden(entry_path)) {
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(error) || !lintable_extension(entry_path)) continue;
      found.push_back(Input{entry_path.generic_string(), entry_path, false, false, std::nullopt});
    }
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.display_path < b.display_path; });
    std::move(found.begin(), found.end(), std::back_inserter(inputs));
  }
  return inputs;
}

}  // namespace copydesk
