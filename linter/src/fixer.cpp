#include "copydesk/fixer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "copydesk/baseline.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/file_reading.hpp"
#include "copydesk/safe_write.hpp"

namespace copydesk {
namespace {

FileResult lint_for_fixing(const Engine& engine, const std::string& path, const std::string& text,
                           Syntax syntax, const FixRequest& request) {
  FileResult linted = engine.lint_text(path, text, syntax);
  if (request.baseline != nullptr) {
    // A copy per pass: suppressing uses up the baseline's counts.
    Baseline baseline = *request.baseline;
    baseline.suppress(linted);
  }
  return linted;
}

[[noreturn]] void refuse(const std::string& reason) {
  throw FixWriteError(reason + "; not written");
}

}  // namespace

FixOutcome fix_text(const Engine& engine, const std::string& path, std::string text, Syntax syntax,
                    const FixRequest& request) {
  FixOutcome outcome;
  outcome.text = std::move(text);
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    FileResult linted = lint_for_fixing(engine, path, outcome.text, syntax, request);
    const FixSelection chosen =
        linted.error ? FixSelection{} : select_fixes(linted.diagnostics, request.level);
    std::string next = apply_fixes(outcome.text, chosen.edits);
    if (chosen.fixes == 0 || next == outcome.text) {
      outcome.remaining = std::move(linted);
      return outcome;
    }
    outcome.applied += chosen.fixes;
    outcome.text = std::move(next);
  }
  outcome.remaining = lint_for_fixing(engine, path, outcome.text, syntax, request);
  return outcome;
}

void write_fixed_file(const std::filesystem::path& path, std::string_view as_read,
                      std::string_view fixed) {
  // The rename would replace a read-only file as easily as any other (and root may write any
  // file): a mode without write permission is a request not to change it, which we honour.
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0 && (status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
    refuse("the file is read-only");
  }
  if (::access(path.c_str(), W_OK) != 0) {
    const int error = errno;
    refuse(error == EACCES || error == EROFS
               ? "the file is read-only"
               : std::string("cannot write: ") + std::strerror(error));
  }
  // Another program (an editor, a second run) may have saved the file since it was read:
  // writing the fixes of the old text would lose that change.
  std::string now;
  if (read_file(path, now) != FileRead::Read || now != as_read) {
    refuse("the file changed on disk while it was being fixed");
  }
  try {
    write_file_atomically(path, fixed);
  } catch (const std::runtime_error& error) {
    throw FixWriteError(std::string("cannot write: ") + error.what());
  }
}

}  // namespace copydesk
