#include "copydesk/prose.hpp"

#include <algorithm>

#include "copydesk/text.hpp"

namespace copydesk {

void ProseMap::add(std::uint32_t prose_offset, std::uint32_t source_offset) {
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.prose + last.size == prose_offset && last.source + last.size == source_offset) {
      ++last.size;
      return;
    }
  }
  runs_.push_back(Run{prose_offset, source_offset, 1});
}

template <std::uint32_t ProseMap::Run::*From, std::uint32_t ProseMap::Run::*To>
std::uint32_t ProseMap::convert(std::uint32_t offset, std::uint32_t past_end) const {
  const auto after =
      std::upper_bound(runs_.begin(), runs_.end(), offset,
                       [](std::uint32_t at, const Run& run) { return at < run.*From; });
  if (after == runs_.begin()) return runs_.empty() ? past_end : runs_.front().*To;
  const Run& run = *(after - 1);
  if (offset < run.*From + run.size) return run.*To + (offset - run.*From);
  return after == runs_.end() ? past_end : (*after).*To;
}

// Prose runs follow each other without gaps: a prose offset past a run is past the last one.
std::uint32_t ProseMap::source_offset(std::uint32_t prose_offset, std::uint32_t source_size) const {
  return convert<&Run::prose, &Run::source>(prose_offset, source_size);
}

Span ProseMap::to_source(Span span, std::uint32_t source_size) const {
  const auto end_of = [&](std::uint32_t prose_end) {
    return prose_end == 0 ? source_offset(0, source_size)
                          : source_offset(prose_end - 1, source_size) + 1;
  };
  if (span.empty()) {
    const std::uint32_t at = std::min(end_of(span.begin), source_size);
    return Span{at, at};
  }
  return Span{source_offset(span.begin, source_size), std::min(end_of(span.end), source_size)};
}

std::uint32_t ProseMap::prose_offset(std::uint32_t source_offset, std::uint32_t prose_size) const {
  return convert<&Run::source, &Run::prose>(source_offset, prose_size);
}

void ProseMap::append(const ProseMap& other, std::uint32_t prose_by, std::uint32_t source_by) {
  for (const Run& run : other.runs_) {
    runs_.push_back(Run{run.prose + prose_by, run.source + source_by, run.size});
  }
}

void ProseMap::drop_before(std::uint32_t prose_offset) {
  const auto kept = std::find_if(runs_.begin(), runs_.end(), [&](const Run& run) {
    return run.prose + run.size > prose_offset;
  });
  runs_.erase(runs_.begin(), kept);
}

ProseText hide_spans(std::string_view source, const std::vector<Span>& hidden) {
  ProseText prose;
  prose.text.reserve(source.size());
  std::uint32_t at = 0;
  const auto copy = [&](std::uint32_t end) {
    for (; at < end; ++at) {
      prose.map.add(static_cast<std::uint32_t>(prose.text.size()), at);
      prose.text.push_back(source[at]);
    }
  };
  for (const Span span : hidden) {
    copy(span.begin);
    // Whole lines go with their line break; a comment inside a line may glue two words.
    if (span.end < source.size() && !prose.text.empty() && !is_ascii_blank(prose.text.back()) &&
        !is_ascii_blank(source[span.end]) && !is_ascii_blank(source[span.end - 1])) {
      prose.map.add(static_cast<std::uint32_t>(prose.text.size()), span.begin);
      prose.text.push_back(kNonProsePlaceholder);
    }
    at = std::max(at, span.end);
  }
  copy(static_cast<std::uint32_t>(source.size()));
  return prose;
}

void map_to_source(Diagnostic& diagnostic, const ProseText& prose, std::string_view source) {
  const auto size = static_cast<std::uint32_t>(source.size());
  diagnostic.span = prose.map.to_source(diagnostic.span, size);
  if (!diagnostic.fix) return;
  bool over_markup = false;
  for (Edit& edit : diagnostic.fix->edits) {
    const Span mapped = prose.map.to_source(edit.span, size);
    if (mapped.in(source) != edit.span.in(prose.text)) over_markup = true;
    edit.span = mapped;
  }
  if (over_markup) diagnostic.fix.reset();
}

void map_to_source(std::vector<Diagnostic>& diagnostics, const ProseText& prose,
                   std::string_view source) {
  for (Diagnostic& diagnostic : diagnostics) map_to_source(diagnostic, prose, source);
}

}  // namespace copydesk
