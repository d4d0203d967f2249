#pragma once

// The fixer: applies the fixes of a file's findings to its text, linting again after each pass,
// and writes the result back only when it is safe to. Used by `--fix` and `--diff`.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "copydesk/fixes.hpp"
#include "copydesk/result.hpp"
#include "copydesk/syntax.hpp"

namespace copydesk {

class Baseline;
class Engine;

// One fix can make another possible (or a conflicting one applicable), so fixing repeats;
// a bound stops fixes that would undo each other from running for ever.
inline constexpr int kMaxFixPasses = 10;

struct FixRequest {
  FixLevel level = FixLevel::Safe;
  // Findings this baseline accounts for are neither fixed nor reported as remaining.
  const Baseline* baseline = nullptr;
};

struct FixOutcome {
  std::string text;         // the fixed text (the original when nothing applied)
  std::size_t applied = 0;  // fixes applied over all passes
  FileResult remaining;     // the fixed text linted: what is left (or why it could not be)
};

// Lints `text` with `engine`, applies the fixes `request` allows (never two that conflict in
// one pass), and repeats on the new text until no fix applies or kMaxFixPasses have run.
// Suppressed findings have no fixes to apply: the engine has already removed them.
FixOutcome fix_text(const Engine& engine, const std::string& path, std::string text, Syntax syntax,
                    const FixRequest& request);

// A fixed file that could not be written back. The message says why (the caller names the file).
class FixWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Replaces the file at `path` (through a symbolic link, the file it points to) with `fixed`,
// atomically (see write_file_atomically), unless it cannot be done safely: the file is not
// writable to its owner's wishes (read-only), or no longer holds `as_read` because something
// changed it since it was read. Throws FixWriteError then, having written nothing.
void write_fixed_file(const std::filesystem::path& path, std::string_view as_read,
                      std::string_view fixed);

}  // namespace copydesk
