#include "copydesk/baseline.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "copydesk/source_view.hpp"

namespace copydesk {
namespace {

using Json = nlohmann::ordered_json;

// Version 2 keeps paths relative to the baseline's folder; version 1 kept them as given.
constexpr int kBaselineVersion = 2;
constexpr int kCwdPathsVersion = 1;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Appends `text` with each run of whitespace made one space (none at either end).
void append_normalised(std::string& out, std::string_view text) {
  bool space = false;
  for (const char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != ' ') out.push_back(' ');
    space = false;
    out.push_back(c);
  }
}

// The last `count` whitespace-separated words of `text` (a word cut by the span's start counts).
std::string_view last_words(std::string_view text, std::size_t count) {
  std::size_t begin = text.size();
  while (count > 0 && begin > 0) {
    while (begin > 0 && is_space(text[begin - 1])) --begin;
    if (begin == 0) break;
    while (begin > 0 && !is_space(text[begin - 1])) --begin;
    --count;
  }
  return text.substr(begin);
}

std::string_view first_words(std::string_view text, std::size_t count) {
  std::size_t end = 0;
  while (count > 0 && end < text.size()) {
    while (end < text.size() && is_space(text[end])) ++end;
    if (end == text.size()) break;
    while (end < text.size() && !is_space(text[end])) ++end;
    --count;
  }
  return text.substr(0, end);
}

std::string normal_path(std::string_view path) {
  if (path.empty() || path == "-" || path.starts_with('<')) return std::string(path);
  return std::filesystem::path(path).lexically_normal().generic_string();
}

}  // namespace

BaselineKey baseline_key(std::string_view path, std::string_view text,
                         const Diagnostic& diagnostic) {
  const std::size_t begin = std::min<std::size_t>(diagnostic.span.begin, text.size());
  const std::size_t end = std::clamp<std::size_t>(diagnostic.span.end, begin, text.size());
  // The words around the finding are looked for no further than kKeyReach bytes away: a
  // finding on a line of megabytes must not scan all of it, and a streamed file keeps at least
  // that much of a long line around its findings, so its keys are those of the whole text.
  constexpr std::size_t kKeyReach = 2048;
  const std::size_t low = begin > kKeyReach ? begin - kKeyReach : 0;
  std::size_t line_begin = begin;
  while (line_begin > low && !is_line_break(text[line_begin - 1])) --line_begin;
  while (line_begin < begin && (static_cast<unsigned char>(text[line_begin]) & 0xC0) == 0x80) {
    ++line_begin;  // not inside a character
  }
  const std::size_t high = std::min(text.size(), end + kKeyReach);
  std::size_t line_end = end;
  while (line_end < high && !is_line_break(text[line_end])) ++line_end;
  while (line_end > end && line_end < text.size() &&
         (static_cast<unsigned char>(text[line_end]) & 0xC0) == 0x80) {
    --line_end;
  }

  BaselineKey key;
  key.rule = diagnostic.rule;
  key.path = normal_path(path);
  append_normalised(key.text, text.substr(begin, end - begin));
  append_normalised(key.context,
                    last_words(text.substr(line_begin, begin - line_begin), kContextWords));
  // Keep the boundary between the words before and the flagged text as it was (joined or
  // spaced), so "a teh" and "ateh" differ.
  if (begin > line_begin && is_space(text[begin - 1]) && !key.context.empty())
    key.context.push_back(' ');
  append_normalised(key.context, text.substr(begin, end - begin));
  if (end < line_end && is_space(text[end])) key.context.push_back(' ');
  append_normalised(key.context, first_words(text.substr(end, line_end - end), kContextWords));
  while (!key.context.empty() && key.context.back() == ' ') key.context.pop_back();
  return key;
}

namespace {

// What went wrong, without nlohmann's "[json.exception.parse_error.101] " prefix.
std::string json_problem(const nlohmann::json::exception& error) {
  const std::string_view what = error.what();
  const std::size_t prefix = what.starts_with("[json.exception.") ? what.find("] ") : what.npos;
  return std::string(prefix == what.npos ? what : what.substr(prefix + 2));
}

// The baseline file's text. A directory is named as such (reading one fails deep in the
// stream), and a NUL byte ends the reading: no JSON holds one, and /dev/zero never ends.
std::string read_baseline(const std::filesystem::path& file, const std::string& name) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    throw BaselineError("baseline file '" + name + "' is a directory");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw BaselineError("cannot read baseline file '" + name + "': " + std::strerror(errno));
  }
  std::string content;
  std::array<char, 65536> block{};
  try {
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
      const std::string_view got(block.data(), static_cast<std::size_t>(in.gcount()));
      if (const std::size_t nul = got.find('\0'); nul != got.npos) {
        throw BaselineError("baseline file '" + name + "' is not valid JSON: NUL byte at byte " +
                            std::to_string(content.size() + nul));
      }
      content.append(got);
    }
  } catch (const std::ios_base::failure&) {
    in.setstate(std::ios::badbit);
  }
  if (in.bad()) throw BaselineError("cannot read baseline file '" + name + "': read error");
  return content;
}

}  // namespace

Baseline Baseline::load(const std::filesystem::path& file) {
  const std::string name = file.string();
  const std::string content = read_baseline(file, name);
  Json json;
  try {
    json = Json::parse(content);
  } catch (const nlohmann::json::exception& error) {  // a syntax error, or a number too large
    throw BaselineError("baseline file '" + name + "' is not valid JSON: " + json_problem(error));
  }
  Baseline baseline;
  if (json.is_object() && json.value("version", 0) == kBaselineVersion) {
    baseline = Baseline(file.parent_path());
  }
  try {
    const int version = json.is_object() ? json.value("version", 0) : 0;
    if ((version != kBaselineVersion && version != kCwdPathsVersion) ||
        !json.contains("findings") || !json.at("findings").is_array()) {
      throw BaselineError("baseline file '" + name + "' is not a copydesk baseline (version " +
                          std::to_string(kBaselineVersion) +
                          " with a \"findings\" array); write it with 'copydesk baseline write'");
    }
    for (const auto& finding : json.at("findings")) {
      BaselineKey key{finding.at("rule").get<std::string>(), finding.at("path").get<std::string>(),
                      finding.at("text").get<std::string>(),
                      finding.at("context").get<std::string>()};
      key.path = normal_path(key.path);
      std::size_t count = 1;
      if (finding.contains("count")) {
        if (!finding["count"].is_number_unsigned() || finding["count"].get<std::size_t>() == 0) {
          throw BaselineError(
              "baseline file '" + name +
              "' has a malformed finding: \"count\" must be a whole number above 0");
        }
        count = finding["count"].get<std::size_t>();
      }
      baseline.counts_[std::move(key)] += count;
    }
  } catch (const nlohmann::json::exception& error) {
    throw BaselineError("baseline file '" + name +
                        "' has a malformed finding: " + json_problem(error));
  }
  return baseline;
}

namespace {

// The key of a finding from the kept text around it: a file linted as a stream keeps only the
// lines its findings touch, which hold all the context a key takes.
BaselineKey key_in(const std::string& path, const SourceView& source, Diagnostic diagnostic) {
  const SourceView::Chunk& chunk = source.chunk_of(diagnostic.span.begin);
  diagnostic.span.begin -= std::min(diagnostic.span.begin, chunk.offset);
  diagnostic.span.end -= std::min(diagnostic.span.end, chunk.offset);
  return baseline_key(path, chunk.text, diagnostic);
}

}  // namespace

Baseline::Baseline(std::filesystem::path folder)
    : folder_((folder.empty() ? std::filesystem::current_path() : std::filesystem::absolute(folder))
                  .lexically_normal()) {
  if (!folder_.has_filename()) folder_ = folder_.parent_path();  // "a/b/" -> "a/b"
}

std::string Baseline::key_path(const std::string& path) const {
  // Standard input and names in brackets are no files: kept as they are.
  if (folder_.empty() || path.empty() || path == "-" || path.starts_with('<')) return path;
  const std::filesystem::path relative =
      std::filesystem::absolute(path).lexically_normal().lexically_relative(folder_);
  return relative.empty() ? path : relative.generic_string();
}

void Baseline::record(const FileResult& result) {
  if (result.diagnostics.empty()) return;
  const SourceView source(result);
  const std::string path = key_path(result.path);
  for (const auto& diagnostic : result.diagnostics) ++counts_[key_in(path, source, diagnostic)];
}

std::size_t Baseline::suppress(FileResult& result) {
  std::size_t removed = 0;
  std::vector<Diagnostic> kept;
  kept.reserve(result.diagnostics.size());
  if (result.diagnostics.empty()) return 0;
  const SourceView source(result);
  const std::string path = key_path(result.path);
  for (auto& diagnostic : result.diagnostics) {
    const auto it = counts_.find(key_in(path, source, diagnostic));
    if (it != counts_.end() && it->second > 0) {
      --it->second;
      ++removed;
    } else {
      kept.push_back(std::move(diagnostic));
    }
  }
  result.diagnostics = std::move(kept);
  return removed;
}

std::size_t Baseline::findings() const {
  std::size_t total = 0;
  for (const auto& [key, count] : counts_) total += count;
  return total;
}

std::size_t Baseline::files() const {
  std::set<std::string_view> paths;
  for (const auto& [key, count] : counts_) paths.insert(key.path);
  return paths.size();
}

std::string Baseline::to_json() const {
  // Sorted by path first: the map orders by rule first.
  std::vector<std::pair<const BaselineKey*, std::size_t>> sorted;
  for (const auto& [key, count] : counts_) {
    if (count > 0) sorted.emplace_back(&key, count);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first->path < b.first->path; });
  std::string out = "{\"version\": " + std::to_string(kBaselineVersion) + ", \"findings\": [";
  bool first = true;
  for (const auto& [key, count] : sorted) {
    Json finding{
        {"path", key->path}, {"rule", key->rule}, {"text", key->text}, {"context", key->context}};
    if (count > 1) finding["count"] = count;
    out += first ? "\n  " : ",\n  ";
    out += finding.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  }
  out += first ? "]}\n" : "\n]}\n";
  return out;
}

}  // namespace copydesk
