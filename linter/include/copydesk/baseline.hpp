#pragma once

#include <compare>
#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "copydesk/result.hpp"

namespace copydesk {

// A baseline file that cannot be read or parsed. The message names the file.
class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What identifies a finding across edits: the rule, the file, the flagged text and the words
// around it on its line. Not the line number, so that text added or removed above a finding
// does not make it new again; a change next to it does.
struct BaselineKey {
  std::string rule;
  std::string path;     // relative to the baseline's folder, '/' separators ("a/../b.txt" ->
                        // "b.txt"), so that a run from any folder matches it
  std::string text;     // the flagged text, runs of whitespace made one space
  std::string context;  // up to kContextWords words either side on the same lines, the flagged
                        // text in the middle, whitespace normalised the same way
  auto operator<=>(const BaselineKey&) const = default;
};

inline constexpr std::size_t kContextWords = 3;

BaselineKey baseline_key(std::string_view path, std::string_view text,
                         const Diagnostic& diagnostic);

// Known findings of a legacy archive: `copydesk baseline write FILE` records them,
// `--baseline FILE` hides them. The same finding twice in a file is counted, so a third copy
// is still reported.
class Baseline {
 public:
  // A baseline whose paths are relative to `folder` (where its file is written); without one,
  // to the current directory.
  Baseline() = default;
  explicit Baseline(std::filesystem::path folder);

  // Throws BaselineError naming the file when it is missing, unreadable or not a baseline.
  // Version 1 files (paths relative to the directory copydesk ran in) are still read as such.
  static Baseline load(const std::filesystem::path& file);

  void record(const FileResult& result);
  // Removes from `result` the findings the baseline accounts for, using up their counts.
  // Returns how many were removed.
  std::size_t suppress(FileResult& result);

  std::size_t findings() const;  // counting duplicates
  std::size_t files() const;
  // The file's content: JSON, sorted by path, rule and text so that it diffs well.
  std::string to_json() const;

 private:
  // `path` (as linted) as keys store it: relative to folder_, or as given without one.
  std::string key_path(const std::string& path) const;
  std::filesystem::path folder_;  // absolute; empty: paths as given (version 1)
  std::map<BaselineKey, std::size_t> counts_;
};

}  // namespace copydesk
