#pragma once

// The interface every Vale rule type implements (existence, substitution, ...). A check is
// built once per process from its YAML file, which it validates and whose patterns it compiles;
// `run` only matches, so one check serves every document and thread at once.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"
#include "copydesk/vale/markdown_scopes.hpp"

namespace copydesk {
class Document;
}

namespace copydesk::vale {

struct DocumentStarts;
class LeadingSet;

// What part of a document a rule reads (Vale's `scope`). A block is one paragraph, heading,
// list item or table cell of the prose view; code, front matter and markup are never in it.
enum class Scope : std::uint8_t {
  Text,       // every block ("text", Vale's default)
  Heading,    // headings only
  Sentence,   // each sentence of every block
  Paragraph,  // paragraphs only
  List,       // list items only
  TableCell,  // table cells, header cells included
};

// A test of where a finding lies, for the scopes Vale names by Markdown element (`heading.h1`,
// `blockquote`, `link`, `strong`, `~heading`): the prose the rules read does not say which
// element a word is in, so the finding is tested in the source once it is placed there
// (ignores.cpp). Plain text has no elements: a finding there is outside every one.
struct ElementTest {
  MarkdownScope element = MarkdownScope::Heading;
  int heading_level = 0;  // for a heading: 1 to 6, or 0 for any
  bool inside = true;     // false: `~element`
};

// A scope as a rule writes it (`heading & ~heading.h1`): the blocks the check reads and the
// element tests its findings must pass, all of them.
struct ScopeSelection {
  Scope blocks = Scope::Text;
  std::vector<ElementTest> elements{};
  // Scoped to a markup copydesk does not read (`paragraph.rst`, `text.adoc`): the rule runs on
  // no file copydesk lints, as Vale runs it on none of them either.
  bool other_format = false;
};

// Reads a scope as written: one term, or terms joined by '&', each negated by a leading '~'.
// Throws std::invalid_argument saying what cannot be read (`alt` and `code`, which are not in
// the prose the rules read; two different block scopes joined).
ScopeSelection parse_scope_selection(std::string_view written);

enum class BlockKind : std::uint8_t { Paragraph, Heading, ListItem, TableCell };

// A piece of the document a scope selects, as a view into the document's text.
struct Block {
  std::string_view text;
  std::uint32_t offset = 0;  // where `text` starts in Document::text()
  BlockKind kind = BlockKind::Paragraph;
  // Where the token lists of all rules may begin in the whole document (see LeadingSet), when
  // the styles worked that out; null otherwise.
  const DocumentStarts* starts = nullptr;
};

// One finding of a check: `span` is relative to the document's text; `message` is final (the
// rule's `message` with its `%s` filled in).
struct Alert {
  Span span;
  std::string message;
};

class RuleFile;

class Check {
 public:
  virtual ~Check() = default;
  // `blocks` are those of the rule's scope, in document order: checks that remember what came
  // before (conditional's definitions) see the whole document in one call.
  virtual void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const = 0;
  // Adds the token lists that say where their matches begin to `set`, which finds those places
  // for all rules in one pass per document; a check without such lists adds nothing.
  virtual void join(LeadingSet& set) { (void)set; }
};

// Builds the check for an `extends:` type from its rule file; throws StyleError (see
// style_error.hpp) naming the file, line and column of a bad option or pattern.
using CheckFactory = std::unique_ptr<Check> (*)(const RuleFile& file);

// The blocks of `document` that `scope` selects, in document order.
std::vector<Block> blocks_in_scope(const Document& document, Scope scope);

}  // namespace copydesk::vale
