#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/result.hpp"
#include "copydesk/source_map.hpp"
#include "copydesk/span.hpp"

namespace copydesk {

// What formatters and baselines read of a linted file's text: the whole text, or for a file
// linted as a stream (too large to keep), the excerpts around its findings. Every offset is the
// file's. Positions are those a SourceMap over the whole text would give.
class SourceView {
 public:
  // A kept stretch of text and where it lies in the file.
  struct Chunk {
    std::uint32_t offset = 0;
    std::uint32_t first_line = 1;
    std::uint64_t chars_before = 0;
    std::string_view text;
    std::uint32_t column_before = 0;
    std::uint32_t utf16_before = 0;
    bool cut_after = false;
  };

  // The kept part of a line: all of it, unless a long line was cut (see SourceExcerpt).
  struct Line {
    std::string_view text;    // without its line ending
    std::uint32_t begin = 0;  // the file offset of text[0]
    bool cut_before = false;
    bool cut_after = false;
  };

  // Views `result`'s text or excerpts; `result` must outlive the view.
  explicit SourceView(const FileResult& result);

  // Precondition for the queries: the offsets lie in kept text, which holds for the spans of
  // the result's diagnostics and their fixes.
  Position position(std::uint32_t offset) const;
  // The kept part of the line that contains `offset`.
  Line line_at(std::uint32_t offset) const;
  std::string_view slice(Span span) const;
  // The kept stretch that contains `offset`.
  const Chunk& chunk_of(std::uint32_t offset) const;

  const std::vector<Chunk>& chunks() const { return chunks_; }

 private:
  std::size_t index_of(std::uint32_t offset) const;
  // The chunk's map, built on first need: most files of a large run have no findings, and
  // mapping their text (a pass over every byte) was a fiftieth of the run's time.
  const SourceMap& map_of(std::size_t index) const;

  std::vector<Chunk> chunks_;
  mutable std::vector<std::optional<SourceMap>> maps_;  // one per chunk
};

}  // namespace copydesk
