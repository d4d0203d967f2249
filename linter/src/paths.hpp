#pragma once

// Private to the library: paths as the configuration compares and shows them.

#include <filesystem>

namespace copydesk {

// `path` made absolute (as it is, should that fail) and lexically normal.
inline std::filesystem::path absolute_normal(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) absolute = path;
  return absolute.lexically_normal();
}

}  // namespace copydesk
