// Batch records: JSON Lines read as a stream, checked, and linted a bounded batch at a time on
// threads, with the outcomes handed out in input order.

#include "copydesk/records.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/errors.hpp"
#include "copydesk/text.hpp"
#include "copydesk/vale/styles.hpp"

namespace copydesk {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kReadBlock = std::size_t{64} << 10;

// Records read ahead of the one being handed out stop at this many, or at this many bytes of
// text: enough to keep the threads busy past a slow record, little enough that the window and
// its findings take a few tens of megabytes.
constexpr std::size_t kMaxRecordsAhead = 1024;
constexpr std::size_t kMaxBytesAhead = std::size_t{16} << 20;

std::string type_name(const Json& value) { return value.type_name(); }

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_message(const Json::parse_error& error) {
  std::string_view message = error.what();
  if (const auto bracket = message.find("] ");
      message.starts_with('[') && bracket != message.npos) {
    message.remove_prefix(bracket + 2);
  }
  return "not valid JSON: " + std::string(message);
}

// The id as JSON text, when it is a string or an integer.
std::optional<std::string> id_of(const Json& value) {
  if (!value.is_string() && !value.is_number_integer()) return std::nullopt;
  return value.dump();
}

std::optional<Syntax> parse_syntax(std::string_view name) {
  if (name == "txt" || name == "text") return Syntax::Text;
  if (name == "md" || name == "markdown") return Syntax::Markdown;
  if (name == "html") return Syntax::Html;
  return std::nullopt;
}

// A dictionary name ("en_GB", "de-DE"): letters, digits, '_' and '-', so that a record cannot
// name a file elsewhere.
bool plausible_language(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// An optional string field: absent (or null) is no value; another type is a problem.
std::optional<std::string> optional_string(const Json& object, const std::string& field,
                                           std::string& problem) {
  const auto found = object.find(field);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (!found->is_string()) {
    problem = "field '" + field + "' must be a string, not " + type_name(*found);
    return std::nullopt;
  }
  return found->get<std::string>();
}

// Checks the members of a parsed object into `record`; the problem, or empty.
std::string read_members(const Json& object, const RecordFields& fields, Record& record) {
  const auto id = object.find(fields.id);
  if (id == object.end()) return "missing field '" + fields.id + "'";
  if (auto json_id = id_of(*id)) {
    record.id = std::move(*json_id);
  } else {
    return "field '" + fields.id + "' must be a string or an integer, not " + type_name(*id);
  }
  const auto text = object.find(fields.text);
  if (text == object.end()) return "missing field '" + fields.text + "'";
  if (!text->is_string()) {
    return "field '" + fields.text + "' must be a string, not " + type_name(*text);
  }
  record.text = text->get<std::string>();
  std::string problem;
  const auto syntax = optional_string(object, fields.syntax, problem);
  if (syntax) {
    record.syntax = parse_syntax(*syntax);
    if (!record.syntax) {
      return "unknown syntax '" + *syntax + "' in field '" + fields.syntax + "' (txt, md or html)";
    }
  }
  record.language = optional_string(object, fields.language, problem);
  if (record.language && !plausible_language(*record.language)) {
    return "field '" + fields.language + "' is no dictionary name: '" + *record.language + "'";
  }
  record.path = optional_string(object, fields.path, problem);
  if (record.path && record.path->empty()) return "field '" + fields.path + "' is empty";
  return problem;
}

bool blank(std::string_view line) { return std::all_of(line.begin(), line.end(), is_ascii_blank); }

unsigned thread_count(unsigned jobs) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (jobs == 0) return cores;
  return std::min(jobs, 2 * cores);
}

// A line of the batch: a record and its engine, or the problem already found.
struct Pending {
  Record record;
  const Engine* engine = nullptr;
  RecordResult outcome;
};

RecordResult problem_result(RecordProblem problem) {
  RecordResult outcome;
  outcome.line = problem.line;
  outcome.id = std::move(problem.id);
  outcome.result.error = std::move(problem.message);
  return outcome;
}

// Lints one record; a failure inside the engine (out of memory) is that record's error.
void lint_pending(Pending& pending) {
  if (pending.engine == nullptr) return;
  Record& record = pending.record;
  const Syntax syntax =
      record.syntax.value_or(record.path ? syntax_of(*record.path) : Syntax::Text);
  try {
    pending.outcome.result =
        pending.engine->lint_text(record.path.value_or(record.id), std::move(record.text), syntax);
  } catch (const std::exception& error) {
    pending.outcome.result = FileResult{};
    pending.outcome.result.error = std::string("internal error: ") + error.what();
  }
}

// The window of records read and not yet handed out, in input order. The reading thread adds
// records and hands out the front one once linted, linting records itself whenever the front is
// not ready; the workers lint the others. No batch boundary makes a thread wait for the slowest
// record of a batch.
class RecordWindow {
 public:
  explicit RecordWindow(unsigned threads) {
    for (unsigned i = 1; i < threads; ++i) {
      try {
        workers_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;  // no more threads to be had: go on with these
      }
    }
  }
  ~RecordWindow() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    can_lint_.notify_all();
    for (auto& worker : workers_) worker.join();
  }

  bool has_room() const { return items_.size() < kMaxRecordsAhead && bytes_ < kMaxBytesAhead; }
  bool empty() const { return items_.empty(); }

  void add(Pending&& pending, std::size_t bytes) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(Item{std::move(pending), bytes, false});
      bytes_ += bytes;
    }
    can_lint_.notify_one();
  }

  // Hands out the front record once linted, linting others meanwhile.
  void hand_out_front(const std::function<void(RecordResult&&)>& consume) {
    std::unique_lock lock(mutex_);
    while (!items_.front().done) {
      if (next_ < first_ + items_.size()) {
        lint_next(lock);
      } else {
        front_done_.wait(lock);
      }
    }
    RecordResult outcome = std::move(items_.front().pending.outcome);
    bytes_ -= items_.front().bytes;
    items_.pop_front();
    ++first_;
    lock.unlock();
    consume(std::move(outcome));
  }

 private:
  struct Item {
    Pending pending;
    std::size_t bytes;
    bool done;
  };

  // Lints the next record with `lock` released: items stay put (a deque's ends change, its other
  // elements do not move) and only the front, once done, is removed.
  void lint_next(std::unique_lock<std::mutex>& lock) {
    const std::size_t index = next_++;
    Item& item = items_[index - first_];
    lock.unlock();
    lint_pending(item.pending);
    lock.lock();
    item.done = true;
    if (index == first_) front_done_.notify_one();
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      can_lint_.wait(lock, [&] { return stopping_ || next_ < first_ + items_.size(); });
      if (stopping_) return;
      lint_next(lock);
    }
  }

  std::mutex mutex_;
  std::condition_variable can_lint_;
  std::condition_variable front_done_;
  std::deque<Item> items_;  // items_[0] is record number first_
  std::size_t first_ = 0;   // records handed out
  std::size_t next_ = 0;    // records taken to lint
  std::size_t bytes_ = 0;   // text of the records in the window
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Reads the next line into `pending`: a record with its engine, or a problem. False at the end.
bool read_pending(LineReader& reader, const RecordFields& fields, RecordEngines& engines,
                  std::string& line, Pending& pending) {
  bool too_long = false;
  do {
    if (!reader.next(line, too_long)) return false;
  } while (!too_long && blank(line));
  pending = Pending{};
  pending.outcome.line = reader.line_number();
  if (too_long) {
    pending.outcome = problem_result(
        {.line = reader.line_number(),
         .id = std::nullopt,
         .message = "the line is longer than " + std::to_string(kMaxRecordBytes >> 20) + " MiB"});
    return true;
  }
  auto parsed = parse_record(line, reader.line_number(), fields);
  if (auto* problem = std::get_if<RecordProblem>(&parsed)) {
    pending.outcome = problem_result(std::move(*problem));
    return true;
  }
  pending.record = std::move(std::get<Record>(parsed));
  pending.outcome.id = pending.record.id;
  try {
    pending.engine = &engines.engine_for(pending.record);
  } catch (const ConfigError& error) {
    pending.outcome.result.error = error.what();
  }
  return true;
}

}  // namespace

std::variant<Record, RecordProblem> parse_record(std::string_view line, std::size_t line_number,
                                                 const RecordFields& fields) {
  RecordProblem problem{.line = line_number, .id = std::nullopt, .message = {}};
  // nlohmann rejects invalid UTF-8 too, but says less about where.
  if (const auto bad = find_invalid_utf8(line)) {
    problem.message = "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line";
    return problem;
  }
  Json object;
  try {
    object = Json::parse(line);
  } catch (const Json::parse_error& error) {
    problem.message = parse_message(error);
    return problem;
  }
  if (!object.is_object()) {
    problem.message = "a record must be a JSON object, not " + type_name(object);
    return problem;
  }
  Record record;
  record.line = line_number;
  problem.message = read_members(object, fields, record);
  if (problem.message.empty()) return record;
  if (const auto id = object.find(fields.id); id != object.end()) problem.id = id_of(*id);
  return problem;
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool met_any = false;
  for (;;) {
    if (position_ == buffer_.size() && !refill()) {
      if (!met_any) return false;
      break;
    }
    met_any = true;
    const char* start = buffer_.data() + position_;
    const std::size_t available = buffer_.size() - position_;
    const void* newline = std::memchr(start, '\n', available);
    const std::size_t taken =
        newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - start)
                           : available;
    if (!too_long && line.size() + taken > max_bytes_) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!too_long) line.append(start, taken);
    position_ += taken;
    if (newline != nullptr) {
      ++position_;
      break;
    }
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool LineReader::refill() {
  buffer_.resize(kReadBlock);
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.resize(static_cast<std::size_t>(in_.gcount()));
  position_ = 0;
  return !buffer_.empty();
}

RecordEngines::RecordEngines(const Registry& registry, CommandLineSettings command_line,
                             vale::StyleCatalog* styles)
    : registry_(registry),
      command_line_(std::move(command_line)),
      // One catalog for every language's workspace: styles are loaded once.
      own_styles_(styles != nullptr ? nullptr : std::make_unique<vale::StyleCatalog>(registry)),
      styles_(styles != nullptr ? styles : own_styles_.get()) {}

RecordEngines::~RecordEngines() = default;

const Engine& RecordEngines::engine_for(const Record& record) {
  const std::string language = record.language.value_or("");
  auto found = by_language_.find(language);
  if (found == by_language_.end()) {
    CommandLineSettings settings = command_line_;
    if (record.language) {
      settings.options.language = *record.language;
      settings.language_given = true;
    }
    found =
        by_language_
            .emplace(language, std::make_unique<Workspace>(registry_, std::move(settings), styles_))
            .first;
  }
  // Without a path, the configuration of the current directory, as for standard input.
  const Input input{.display_path = record.path.value_or(record.id),
                    .path = record.path.value_or(""),
                    .from_stdin = !record.path,
                    .explicit_path = true,
                    .error = std::nullopt};
  return found->second->engine_for(input);
}

void lint_records(std::istream& in, const RecordRunOptions& options, RecordEngines& engines,
                  const std::function<void(RecordResult&&)>& consume) {
  LineReader reader(in, kMaxRecordBytes);
  RecordWindow window(thread_count(options.jobs));
  std::string line;
  bool input_left = true;
  while (input_left || !window.empty()) {
    while (input_left && window.has_room()) {
      Pending pending;
      input_left = read_pending(reader, options.fields, engines, line, pending);
      if (input_left) window.add(std::move(pending), line.size());
    }
    // The window is full or the input read: one record out makes room for the next.
    if (!window.empty()) window.hand_out_front(consume);
  }
  if (reader.failed()) {
    consume(problem_result(
        {.line = reader.line_number() + 1, .id = std::nullopt, .message = "read error"}));
  }
}

}  // namespace copydesk
