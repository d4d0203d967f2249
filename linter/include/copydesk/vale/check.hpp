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
