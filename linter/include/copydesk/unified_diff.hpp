#pragma once

#include <string>
#include <string_view>

namespace copydesk {

// A unified diff (three lines of context) that turns `before` into `after`, naming `path` on
// both header lines so that `patch -p0` run where the path is valid applies it. Lines are
// compared with their line endings, so a carriage return that changes is shown, and a last line
// without a line break is marked as `diff -u` marks it. Empty when the texts are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace copydesk
