#pragma once

// The leading literals of every style rule, matched in one pass per document. Each rule's
// LeadingWords says where its matches may begin; asking each rule in turn meant one pass over
// the document per rule (70 with the Microsoft and Google packages), each comparing the word
// starts against its own sorted literals. A trie of all the rules' literals, walked once from
// each word start, gives every rule its places at once.

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/vale/leading_words.hpp"

namespace copydesk::vale {

// Where each member of a LeadingSet may begin a match in one document, as byte offsets into the
// document's text in increasing order. A superset: the pattern still decides at each place.
struct DocumentStarts {
  std::vector<std::vector<std::uint32_t>> of_member;
  // False when the document holds a character that makes the ASCII reading unsafe (see
  // LeadingWords::can_filter): the members then scan as they would alone.
  bool usable = true;
};

class LeadingSet {
 public:
  static constexpr std::uint32_t kNoMember = UINT32_MAX;

  LeadingSet();

  // Adds `leading` (which must outlive the set) and gives its member number. Call build()
  // after the last.
  std::uint32_t add(const LeadingWords& leading);
  // Makes the tries of the members' literals.
  void build();
  std::size_t size() const { return members_.size(); }

  // The places of every member in `document_text`, worked out once per document and thread:
  // each rule of a run asks about the same document in turn.
  const DocumentStarts& starts_in(std::string_view document_text) const;

  // The places of every member in `text`, freshly.
  void find_starts(std::string_view text, DocumentStarts& starts) const;

 private:
  // Literals in a trie laid out flat (each node's children and members in one run of shared
  // arrays): a few hundred kilobytes of small allocations, one per node, cost more start-up
  // time in page faults than building this.
  class Trie {
   public:
    using Literal = std::pair<std::string_view, std::uint32_t>;  // text, member
    void build(std::vector<Literal> literals);
    // Calls record(member) for each literal that the text from `at` begins with.
    template <typename Record>
    void walk(std::string_view text, std::size_t at, Record&& record) const;

   private:
    std::uint32_t child(std::uint32_t node, char c) const;
    void add_node(std::uint32_t node, const std::vector<Literal>& literals, std::size_t begin,
                  std::size_t end, std::size_t depth);

    // Node -> its edges (byte, child) and the members whose literal ends there; node 0 is the
    // root.
    std::vector<std::uint32_t> first_edge_{0};
    std::vector<std::uint32_t> edge_count_{0};
    std::vector<char> edge_byte_;
    std::vector<std::uint32_t> edge_child_;
    std::vector<std::uint32_t> first_member_{0};
    std::vector<std::uint32_t> member_count_{0};
    std::vector<std::uint32_t> members_;
    // The root's children by byte: every word start of a document looks there, and the root
    // has dozens.
    std::array<std::uint32_t, 256> root_children_{};
  };

  std::uint64_t identity_;  // tells the sets apart in the per-thread cache of starts_in
  std::vector<const LeadingWords*> members_;
  Trie words_;                                 // literals at word starts
  Trie spaced_;                                // literals after whitespace
  std::vector<std::uint32_t> spaced_members_;  // members with literals after whitespace
  std::vector<std::uint32_t> digit_members_;   // members that may begin with a digit
  std::array<std::vector<std::uint32_t>, 256> punctuation_{};  // members that may begin there
};

// Every match of `pattern` (compiled with `anchored`) in `text`, a block of a document that
// begins at `offset` in the document's text, as for_each_match(pattern, leading, text, visit)
// gives them: tried at the block's start when `leading` lets it through, then at the places of
// `places` (the member's DocumentStarts) that fall inside the block, in order. A place inside
// the block reads the same bytes in the block as in the document, except beyond the block's
// end, where the document's places only let more through.
template <typename Visit>
void for_each_match(const Pattern& pattern, const LeadingWords& leading, std::string_view text,
                    std::uint32_t offset, std::span<const std::uint32_t> places, Visit&& visit) {
  if (!pattern.may_match(text)) return;
  const std::size_t end = offset + text.size();
  auto place = places.begin();
  const auto next = [&](std::size_t from) -> std::size_t {
    if (from == 0 && !text.empty() && leading.may_start_at(text, 0)) return 0;
    const std::size_t target = offset + std::max<std::size_t>(from, 1);
    while (place != places.end() && *place < target) ++place;
    return place != places.end() && *place < end ? *place - offset : std::string_view::npos;
  };
  place = std::lower_bound(places.begin(), places.end(), offset);
  thread_local Groups groups;
  for (std::size_t at = next(0); at != std::string_view::npos;) {
    if (!pattern.find(text, at, groups)) {
      at = next(at + 1);
      continue;
    }
    const Span whole = groups.spans[0];
    visit(static_cast<const Groups&>(groups));
    at = next(Pattern::next_start(text, whole));
  }
}

}  // namespace copydesk::vale
