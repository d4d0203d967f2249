#include "copydesk/engine.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <set>
#include <sstream>
#include <thread>

#include "copydesk/document.hpp"
#include "copydesk/file_reading.hpp"
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
  // A directory opens as a stream that reads nothing: say so rather than accept no words.
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    throw ConfigError(path.string() + ": the word list is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(path.string() + ": cannot read the word list: " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ConfigError(path.string() + ": cannot read the word list: read error");
  if (const auto bad = find_invalid_utf8(text)) {
    throw ConfigError(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    throw ConfigError(path.string() + ": the word list is a binary file (NUL byte at byte " +
                      std::to_string(nul) + ")");
  }
  return text;
}

// The whole stream: one read() of the file's size (the character-by-character iterator cost
// about 40 instructions a byte), then whatever is left if the file grew meanwhile or is not a
// regular file. False on a read error.
bool read_all(std::ifstream& in, std::string& text) {
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return false;
  in.clear();
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  return !in.bad();
}

// Files longer than kWholeBytes are linted in pieces of about kPieceBytes (see piece_end), so
// that memory stays bounded (a Document takes about 7 bytes a byte of text besides the text).
constexpr std::size_t kWholeBytes = std::size_t{4} << 20;
constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

bool blank_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Where the piece that starts at `begin` ends: right after the first blank line at least
// kPieceBytes on, where the next paragraph starts. Sentences, paragraphs and the rules that
// read them stop at a blank line, so the pieces give the findings of the whole, except that
// evidence gathered across a document comes from the piece alone (misspelled-word takes a
// capitalized word seen elsewhere in the document for a name). The rest of the text when
// there is no such line.
std::size_t piece_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= 2 * kPieceBytes) return text.size();
  // A blank line: a line feed, then only spaces, tabs and carriage returns, then a line feed.
  for (std::size_t at = text.find('\n', begin + kPieceBytes); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    std::size_t next = at + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) {
      ++next;
    }
    if (next < text.size() && text[next] == '\n') {
      std::size_t start = next + 1;
      while (start < text.size() && blank_byte(text[start])) ++start;
      if (start < text.size()) return start;
    }
  }
  return text.size();
}

void shift(Diagnostic& diagnostic, std::uint32_t by) {
  diagnostic.span.begin += by;
  diagnostic.span.end += by;
  if (!diagnostic.fix) return;
  for (Edit& edit : diagnostic.fix->edits) {
    edit.span.begin += by;
    edit.span.end += by;
  }
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
  // Spans hold 32-bit offsets.
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    result.error = "the file is too large (4 GiB or more)";
    return result;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    result.error = "invalid UTF-8 at byte " + std::to_string(*bad);
    return result;
  }
  if (text.size() <= kWholeBytes) {
    Document document(std::move(path), std::move(text));
    for (const auto& rule : rules_) {
      CollectingSink sink(rule->meta(), result.diagnostics);
      rule->check(document, sink);
    }
    std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
    result.text = std::move(document).take_text();
    return result;
  }
  // A long file is linted a piece at a time, so that only one piece's tokens and sentences
  // exist at once (they take about 16 bytes per byte of text).
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = piece_end(text, begin);
    const Document document(path, text.substr(begin, end - begin));
    const std::size_t first = result.diagnostics.size();
    for (const auto& rule : rules_) {
      CollectingSink sink(rule->meta(), result.diagnostics);
      rule->check(document, sink);
    }
    for (std::size_t i = first; i < result.diagnostics.size(); ++i) {
      shift(result.diagnostics[i], static_cast<std::uint32_t>(begin));
    }
    begin = end;
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  result.text = std::move(text);
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
  } else if (const FileRead read = read_file(input.path, text); read != FileRead::OpenFailed) {
    if (read != FileRead::Read) {
      failed.error = read == FileRead::Directory ? "is a directory" : "read error";
      return failed;
    }
  } else {  // why it cannot be opened, in the words of the file system
    std::error_code error;
    const auto status = std::filesystem::status(input.path, error);
    if (status.type() == std::filesystem::file_type::not_found) {
      failed.error = "no such file or directory";
      return failed;
    }
    if (error) {  // e.g. a symbolic link loop, or a directory on the way without permission
      failed.error = error.message();
      return failed;
    }
    if (std::filesystem::is_directory(status)) {
      failed.error = "is a directory";
      return failed;
    }
    std::ifstream in(input.path, std::ios::binary);
    if (!in) {
      failed.error = std::string("cannot open the file: ") + std::strerror(errno);
      return failed;
    }
    if (!read_all(in, text)) {
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

namespace {

// One file's failure (out of memory, a rule's exception) is reported for that file instead of
// ending the process, or, on a worker thread, calling std::terminate.
FileResult lint_guarded(const Engine& engine, const Input& input) {
  try {
    return engine.lint(input);
  } catch (const std::exception& error) {
    FileResult failed;
    failed.path = input.display_path;
    failed.error = std::string("internal error: ") + error.what();
    return failed;
  }
}

}  // namespace

void Engine::lint_all(const std::vector<Input>& inputs, unsigned jobs,
                      const std::function<void(FileResult&&)>& consume) const {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  // A thread per job: "--jobs 100000" over a large tree must not try to start 100,000 threads.
  jobs = std::min(jobs, 256u);
  if (jobs <= 1) {
    for (const auto& input : inputs) consume(lint_guarded(*this, input));
    return;
  }
  std::vector<std::optional<FileResult>> done(inputs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  // Workers stay within a window of files ahead of the output, so that one slow file early in a
  // large tree does not let the results of all the files after it pile up in memory.
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  std::size_t handed_out = 0;  // results given to `consume`; guarded by `mutex`
  bool stopping = false;       // guarded by `mutex`
  std::condition_variable room;
  auto work = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stopping || i < handed_out + window; });
        if (stopping) return;
      }
      FileResult result = lint_guarded(*this, inputs[i]);
      {
        std::lock_guard lock(mutex);
        done[i] = std::move(result);
      }
      ready.notify_one();
    }
  };
  // The thread that hands out results lints too, so there are jobs - 1 workers: waiting for
  // each result instead cost a sleep and a wake-up (two context switches) per file.
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  // If `consume` throws (say, the output cannot be written), stop handing out files and join
  // the workers before passing the exception on: joinable threads would call std::terminate.
  try {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      std::unique_lock lock(mutex);
      while (!done[i].has_value()) {
        // A file of its own, within the window, while the one to hand out is not done.
        const std::size_t limit = std::min(inputs.size(), handed_out + window);
        std::size_t mine = next.load();
        while (mine < limit && !next.compare_exchange_weak(mine, mine + 1)) {
        }
        if (mine >= limit) {
          ready.wait(lock, [&] { return done[i].has_value(); });
          break;
        }
        lock.unlock();
        FileResult own = lint_guarded(*this, inputs[mine]);
        lock.lock();
        done[mine] = std::move(own);
      }
      FileResult result = std::move(*done[i]);
      done[i].reset();
      ++handed_out;
      lock.unlock();
      room.notify_all();
      consume(std::move(result));
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    room.notify_all();
    next = inputs.size();
    for (auto& worker : workers) worker.join();
    throw;
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
    // Directory symlinks are not followed (the default), so a link to a parent cannot loop.
    for (; it != end; it.increment(error)) {
      if (error) {  // the iterator cannot go on (it may be reset to the end)
        found.push_back(Input{given, path, false, true,
                              "cannot read the directory: " + error.message()});
        break;
      }
      const auto& entry_path = it->path();
      std::error_code entry_error;  // a dangling link or a link loop is simply not a file
      if (hidden(entry_path)) {
        if (it->is_directory(entry_error)) it.disable_recursion_pending();
        continue;
      }
      // A subdirectory that cannot be read is reported, and the walk goes on past it: checked
      // here because a failure to descend would end the whole walk.
      if (it->is_directory(entry_error) && !it->is_symlink(entry_error) &&
          ::access(entry_path.c_str(), R_OK | X_OK) != 0) {
        found.push_back(Input{entry_path.generic_string(), entry_path, false, true,
                              "cannot read the directory: " + std::string(std::strerror(errno))});
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(entry_error) || !lintable_extension(entry_path)) continue;
      found.push_back(Input{entry_path.generic_string(), entry_path, false, false, std::nullopt});
    }
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.display_path < b.display_path; });
    std::move(found.begin(), found.end(), std::back_inserter(inputs));
  }
  return inputs;
}

}  // namespace copydesk
