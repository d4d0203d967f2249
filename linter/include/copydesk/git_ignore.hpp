#pragma once

// Files that git ignores (.gitignore, .git/info/exclude, the global excludes file), so that a
// walk of a work tree skips build output and other generated text as ruff and cspell do. git
// itself answers (`git ls-files --others --ignored --exclude-standard --directory`), once per
// directory walked: its rules (negations, anchors, nested files) are not ours to re-implement.

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

namespace copydesk {

class GitIgnored {
 public:
  // Asks git about each directory among `paths` (files and "-" are never filtered: a file
  // named on the command line is linted). Outside a work tree, or without git, nothing is
  // ignored.
  explicit GitIgnored(const std::vector<std::string>& paths);

  // Whether `file`, met while walking, or one of its folders is ignored by git.
  bool ignored(const std::filesystem::path& file) const;

 private:
  std::unordered_set<std::string> ignored_;  // absolute, lexically normal, no trailing '/'
};

}  // namespace copydesk
