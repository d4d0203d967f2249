#pragma once

// The input layer: what is linted (files, directories walked, standard input), how each is read
// (whole, or streamed a piece at a time when large) and in which syntax, and the run that lints
// the inputs on threads. The engine below it sees only texts.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "copydesk/errors.hpp"
#include "copydesk/result.hpp"
#include "copydesk/syntax.hpp"

namespace copydesk {

class Engine;

// The text of a word list (`--words`, `accept-files`...): throws ConfigError naming the file
// when it is not a readable regular file of valid UTF-8 text.
std::string read_word_list(const std::filesystem::path& path);

// Whether a file found while walking a directory is linted when no configuration says which:
// .txt, .md and .markdown, in any case ("README.MD").
bool lintable_by_default(const std::filesystem::path& path);

// One input to lint: a file, or standard input when `from_stdin`.
struct Input {
  std::string display_path;    // as the user should see it
  std::filesystem::path path;  // for standard input, the name it was given (or empty): its syntax
  bool from_stdin = false;
  bool explicit_path = true;         // named on the command line rather than found in a directory
  std::optional<std::string> error;  // found unusable while collecting (e.g. no permission)
};

// Call first thing in main: a closed standard input would let the next file opened take
// descriptor 0 and be read as standard input. It is held with /dev/null, and reading '-' then
// reports that standard input is closed.
void guard_standard_input();

using ResultSink = std::function<void(FileResult&&)>;

// Reads `input` and lints it with `engine`. An input over kWholeBytes (256 KiB) is linted a
// piece at a time, keeping only the lines around its findings and handing them to `consume` in
// parts as they are found (see FilePart), so that memory does not grow with them: a plain-text
// file is read a window at a time, and so is standard input, copied first into an unnamed
// temporary file (it cannot be read twice); a Markdown or HTML input is read and parsed whole
// (its parser needs all of it), and only its findings come in parts. Smaller inputs, and large
// ones with suppression directives (which may act on the whole), are one result. An input that
// cannot be read, is binary or is not UTF-8 gives a result with an error (a large file is
// checked for those first, so that it has no findings then).
void lint_input(const Engine& engine, const Input& input, const ResultSink& consume);
// The same, with the parts of a large file joined into one result.
FileResult lint_input(const Engine& engine, const Input& input);

// Whether lint_input may hand `input` out in parts (a file over kWholeBytes by its size now, or
// standard input, whose size is not known before it is read): lint_all lints such an input when
// its turn comes, rather than ahead.
bool streams_in_parts(const Input& input);

// Reads the whole of `input` (a file however large, or standard input) into `text`, for a run
// that rewrites it. When it cannot be used (unreadable, a directory, binary), returns a result
// with the error, as lint_input would report it.
std::optional<FileResult> read_input_whole(const Input& input, std::string& text);

// Where lint_all's inputs come from: a function called once, on the calling thread, with a
// function to give each input to, in the order of the report, with the engine that lints it.
using InputSink = std::function<void(Input&&, const Engine&)>;
using InputSource = std::function<void(const InputSink&)>;

// Lints the inputs `produce` gives on `jobs` threads (0: all cores; at most twice the cores),
// starting while `produce` is still finding them, and hands each result to `consume` in input
// order, as soon as it and all before it are done; a large file's parts (see lint_input) as
// they are found, once all inputs before it are handed out. Nothing is handed out before `produce`
// returns: if it throws (a broken configuration met on the way), linting stops, `consume` has
// seen nothing, and the exception is passed on.
void lint_all(const InputSource& produce, unsigned jobs, const ResultSink& consume);

// Expands directories (recursing, skipping hidden entries) into inputs, giving each to `found`
// as soon as it is found, in the order of a sorted list: each directory's files in the byte
// order of their paths. Files found in a directory are kept when `wanted` says so (by default:
// *.txt, *.md and *.markdown). "-" is standard input, shown as `stdin_name` (which also gives
// its syntax) or "<stdin>". Paths that do not exist are kept so that linting reports them.
void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<bool(const std::filesystem::path&)>& wanted,
                 const std::string& stdin_name, const std::function<void(Input&&)>& found);

// walk_inputs' inputs as a list.
std::vector<Input> collect_inputs(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& wanted = {},
    const std::string& stdin_name = {});

}  // namespace copydesk
