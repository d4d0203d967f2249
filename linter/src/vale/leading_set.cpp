#include "copydesk/vale/leading_set.hpp"

#include <algorithm>
#include <atomic>

namespace copydesk::vale {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Records `place` for `member` once (two kinds of literal may both let it through).
void record(DocumentStarts& starts, std::uint32_t member, std::uint32_t place) {
  std::vector<std::uint32_t>& places = starts.of_member[member];
  if (places.empty() || places.back() != place) places.push_back(place);
}

std::uint64_t next_identity() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

}  // namespace

void LeadingSet::Trie::build(std::vector<Literal> literals) {
  std::sort(literals.begin(), literals.end());
  // At most a node per byte of the literals: reserved once, not grown by copies.
  std::size_t most_nodes = 1;
  for (const Literal& literal : literals) most_nodes += literal.first.size();
  for (auto* array : {&first_edge_, &edge_count_, &first_member_, &member_count_, &edge_child_}) {
    array->clear();
    array->reserve(most_nodes);
  }
  edge_byte_.reserve(most_nodes);
  first_edge_.assign(1, 0);
  edge_count_.assign(1, 0);
  first_member_.assign(1, 0);
  member_count_.assign(1, 0);
  edge_byte_.clear();
  edge_child_.clear();
  members_.clear();
  add_node(0, literals, 0, literals.size(), 0);
  root_children_.fill(0);
  for (std::uint32_t edge = first_edge_[0]; edge < first_edge_[0] + edge_count_[0]; ++edge) {
    root_children_[static_cast<unsigned char>(edge_byte_[edge])] = edge_child_[edge];
  }
}

// Node `node` stands for literals[begin, end), which share their first `depth` bytes.
void LeadingSet::Trie::add_node(std::uint32_t node, const std::vector<Literal>& literals,
                                std::size_t begin, std::size_t end, std::size_t depth) {
  first_member_[node] = static_cast<std::uint32_t>(members_.size());
  for (; begin < end && literals[begin].first.size() == depth; ++begin) {
    members_.push_back(literals[begin].second);
  }
  member_count_[node] = static_cast<std::uint32_t>(members_.size()) - first_member_[node];
  // The node's edges in a row, then its children's subtrees.
  struct Child {
    std::size_t begin, end;
  };
  std::vector<Child> children;
  first_edge_[node] = static_cast<std::uint32_t>(edge_byte_.size());
  for (std::size_t at = begin; at < end;) {
    const char byte = literals[at].first[depth];
    std::size_t last = at;
    while (last < end && literals[last].first[depth] == byte) ++last;
    edge_byte_.push_back(byte);
    edge_child_.push_back(static_cast<std::uint32_t>(first_edge_.size()));
    first_edge_.push_back(0);
    edge_count_.push_back(0);
    first_member_.push_back(0);
    member_count_.push_back(0);
    children.push_back({at, last});
    at = last;
  }
  edge_count_[node] = static_cast<std::uint32_t>(children.size());
  for (std::size_t i = 0; i < children.size(); ++i) {
    add_node(edge_child_[first_edge_[node] + i], literals, children[i].begin, children[i].end,
             depth + 1);
  }
}

std::uint32_t LeadingSet::Trie::child(std::uint32_t node, char c) const {
  if (node == 0) return root_children_[static_cast<unsigned char>(c)];
  const std::uint32_t end = first_edge_[node] + edge_count_[node];
  for (std::uint32_t edge = first_edge_[node]; edge < end; ++edge) {
    if (edge_byte_[edge] == c) return edge_child_[edge];
  }
  return 0;  // the root is nobody's child
}

template <typename Record>
void LeadingSet::Trie::walk(std::string_view text, std::size_t at, Record&& record) const {
  std::uint32_t node = 0;
  for (std::size_t i = at; i < text.size(); ++i) {
    node = child(node, lower(text[i]));
    if (node == 0) return;
    for (std::uint32_t m = 0; m < member_count_[node]; ++m)
      record(members_[first_member_[node] + m]);
  }
}

LeadingSet::LeadingSet() : identity_(next_identity()) {}

std::uint32_t LeadingSet::add(const LeadingWords& leading) {
  const auto member = static_cast<std::uint32_t>(members_.size());
  members_.push_back(&leading);
  if (!leading.spaced().empty()) spaced_members_.push_back(member);
  if (leading.begins_at_digits()) digit_members_.push_back(member);
  for (std::size_t byte = 0; byte < 256; ++byte) {
    if (leading.begins_at_punctuation(static_cast<char>(byte)))
      punctuation_[byte].push_back(member);
  }
  return member;
}

void LeadingSet::build() {
  std::vector<Trie::Literal> words;
  std::vector<Trie::Literal> spaced;
  for (std::uint32_t member = 0; member < members_.size(); ++member) {
    for (const std::string& prefix : members_[member]->prefixes())
      words.emplace_back(prefix, member);
    for (const std::string& prefix : members_[member]->spaced())
      spaced.emplace_back(prefix, member);
  }
  words_.build(std::move(words));
  spaced_.build(std::move(spaced));
}

void LeadingSet::find_starts(std::string_view text, DocumentStarts& starts) const {
  starts.of_member.resize(members_.size());
  for (auto& places : starts.of_member) places.clear();
  starts.usable = LeadingWords::can_filter(text);
  if (!starts.usable) return;
  const bool any_spaced = !spaced_members_.empty();
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    const auto place = static_cast<std::uint32_t>(at);
    const auto record_here = [&](std::uint32_t member) { record(starts, member, place); };
    for (const std::uint32_t member : punctuation_[static_cast<unsigned char>(c)]) {
      record(starts, member, place);
    }
    if (!digit_members_.empty() && LeadingWords::digit_start_at(text, at)) {
      for (const std::uint32_t member : digit_members_) record(starts, member, place);
    }
    if (at == 0 && any_spaced) {  // `^`
      for (const std::uint32_t member : spaced_members_) record(starts, member, place);
    }
    if (LeadingWords::is_word_byte(c)) {
      if (at == 0 || !LeadingWords::is_word_byte(text[at - 1])) words_.walk(text, at, record_here);
    } else if (any_spaced && LeadingWords::may_begin_whitespace(c)) {
      // Beyond ASCII, `\s` is one of a few characters; these bytes begin each of them.
      if (static_cast<unsigned char>(c) >= 0x80) {
        for (const std::uint32_t member : spaced_members_) record(starts, member, place);
      } else {
        spaced_.walk(text, at + 1, record_here);
      }
    }
  }
}

const DocumentStarts& LeadingSet::starts_in(std::string_view document_text) const {
  thread_local std::uint64_t cached_set = 0;
  thread_local std::string cached_text;
  thread_local DocumentStarts cached;
  if (cached_set != identity_ || cached_text != document_text) {
    find_starts(document_text, cached);
    cached_set = identity_;
    cached_text = document_text;
  }
  return cached;
}

}  // namespace copydesk::vale
