// Turns the paths on the command line into inputs, walking directories in the order their files
// are reported, so that linting can start on the first file while the walk goes on.

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/input.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

bool hidden(std::string_view name) { return name.size() > 1 && name[0] == '.' && name != ".."; }

// ".MD" -> ".md"; "" when there is none.
std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = to_ascii_lower(c);
  return extension;
}

Input directory_error(const fs::path& directory, const std::string& message) {
  return Input{directory.generic_string(), directory, false, true,
               "cannot read the directory: " + message};
}

struct WalkEntry {
  fs::path path;
  // The name, with a '/' after it for a directory: sorting entries by it puts "a.txt" before
  // everything in "a/" and "a/..." before "a0", just as the paths found under them sort.
  std::string sort_key;
  bool directory = false;
};

class DirectoryWalk {
 public:
  DirectoryWalk(const std::function<bool(const fs::path&)>& wanted,
                const std::function<void(Input&&)>& found)
      : wanted_(wanted), found_(found) {}

  // Reports the files of `directory` and of its subdirectories in the byte order of their paths
  // (what sorting the whole list would give). Directory symlinks are not followed, so a link to
  // a parent cannot loop. A directory that cannot be read is reported and the walk goes on.
  void walk(const fs::path& directory) {
    std::error_code error;
    fs::directory_iterator it(directory, error);
    if (error) {
      found_(directory_error(directory, error.message()));
      return;
    }
    std::vector<WalkEntry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(error)) {
      const fs::directory_entry& entry = *it;
      const std::string& full = entry.path().native();  // the directory, '/', the name
      std::string name = full.substr(full.rfind('/') + 1);
      if (hidden(name)) continue;
      std::error_code entry_error;  // a dangling link or a link loop is simply not a file
      if (entry.is_directory(entry_error) && !entry.is_symlink(entry_error)) {
        name.push_back('/');
        entries.push_back(WalkEntry{entry.path(), std::move(name), true});
      } else if (entry.is_regular_file(entry_error) &&
                 (wanted_ ? wanted_(entry.path()) : lintable_by_default(entry.path()))) {
        entries.push_back(WalkEntry{entry.path(), std::move(name), false});
      }
    }
    // The iterator stops at a read error: what it read is still walked, then the error reported.
    const std::error_code read_error = error;
    std::sort(entries.begin(), entries.end(),
              [](const WalkEntry& a, const WalkEntry& b) { return a.sort_key < b.sort_key; });
    for (WalkEntry& entry : entries) {
      if (entry.directory) {
        walk(entry.path);
      } else {
        found_(
            Input{entry.path.generic_string(), std::move(entry.path), false, false, std::nullopt});
      }
    }
    if (read_error) found_(directory_error(directory, read_error.message()));
  }

 private:
  const std::function<bool(const fs::path&)>& wanted_;
  const std::function<void(Input&&)>& found_;
};

}  // namespace

Syntax syntax_of(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  if (extension == ".html" || extension == ".htm") return Syntax::Html;
  return extension == ".md" || extension == ".markdown" ? Syntax::Markdown : Syntax::Text;
}

bool lintable_by_default(const fs::path& path) {
  const std::string extension = lowercase_extension(path);
  return extension == ".txt" || extension == ".md" || extension == ".markdown" ||
         extension == ".html" || extension == ".htm";
}

void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<bool(const fs::path&)>& wanted, const std::string& stdin_name,
                 const std::function<void(Input&&)>& found) {
  DirectoryWalk walk(wanted, found);
  for (const auto& given : paths) {
    if (given == "-") {
      found(
          Input{stdin_name.empty() ? "<stdin>" : stdin_name, stdin_name, true, true, std::nullopt});
      continue;
    }
    const fs::path path(given);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      walk.walk(path);
    } else {
      found(Input{given, path, false, true, std::nullopt});
    }
  }
}

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::function<bool(const fs::path&)>& wanted,
                                  const std::string& stdin_name) {
  std::vector<Input> inputs;
  walk_inputs(paths, wanted, stdin_name,
              [&](Input&& input) { inputs.push_back(std::move(input)); });
  return inputs;
}

}  // namespace copydesk
