// Which styles govern each folder, found as copydesk.toml is, each settings file loaded once.

#include "copydesk/vale/styles.hpp"

namespace copydesk::vale {

namespace fs = std::filesystem;

const StyleSet* StyleCatalog::load(std::optional<StyleSettings> settings) {
  if (!settings) return nullptr;
  auto& loaded = by_source_[settings->source];
  if (!loaded) loaded = std::make_unique<StyleSet>(*settings, builtin_);
  return loaded.get();
}

const StyleSet* StyleCatalog::for_settings_file(const fs::path& file) {
  const auto known = by_source_.find(file);
  if (known != by_source_.end()) return known->second.get();
  return load(read_style_settings(file));
}

const StyleSet* StyleCatalog::for_directory(const fs::path& directory) {
  std::error_code error;
  fs::path at = fs::absolute(directory, error).lexically_normal();
  // "/a/b/" (from "/a/b/.") names the same folder as "/a/b", whose parent is "/a".
  if (at.has_parent_path() && !at.has_filename()) at = at.parent_path();
  std::vector<fs::path> visited;
  const StyleSet* found = nullptr;
  for (;; at = at.parent_path()) {
    if (const auto known = by_directory_.find(at); known != by_directory_.end()) {
      found = known->second;
      break;
    }
    visited.push_back(at);
    if (auto settings = style_settings_in(at)) {
      found = load(std::move(settings));
      break;
    }
    if (at == at.parent_path()) break;
  }
  for (const fs::path& path : visited) by_directory_[path] = found;
  return found;
}

}  // namespace copydesk::vale
