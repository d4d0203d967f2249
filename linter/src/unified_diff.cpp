#include "copydesk/unified_diff.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace copydesk {
namespace {

constexpr std::size_t kContext = 3;

// Lines with their '\n' (the last may lack one); a '\r' before it stays part of the line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t size = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, size));
    text.remove_prefix(size);
  }
  return lines;
}

enum class Op : char { Keep = ' ', Remove = '-', Add = '+' };

struct Step {
  Op op;
  std::size_t before;  // index of the line in `before` (for Keep and Remove)
  std::size_t after;   // index of the line in `after` (for Keep and Add)
};

using Lines = std::vector<std::string_view>;

// Myers' shortest edit script. Each round's frontier is kept (only its 2d+1 diagonals), so
// memory grows with the square of the number of changed lines, which fixes keep small.
class ShortestEdit {
 public:
  ShortestEdit(const Lines& a, const Lines& b) : a_(a), b_(b) {}

  std::vector<Step> steps() {
    const long n = static_cast<long>(a_.size());
    const long m = static_cast<long>(b_.size());
    const long max = n + m;
    std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
    const auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
    for (long d = 0; d <= max; ++d) {
      for (long k = -d; k <= d; k += 2) {
        long x = from_above(d, k, at(k - 1), at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
        long y = x - k;
        while (x < n && y < m && a_[x] == b_[y]) ++x, ++y;
        at(k) = x;
        if (x >= n && y >= m) return backtrack(d);
      }
      frontiers_.emplace_back(&at(-d), &at(d) + 1);
    }
    return {};
  }

 private:
  // Whether the path to diagonal k in round d comes down from diagonal k+1 (an added line)
  // rather than across from k-1 (a removed line).
  static bool from_above(long d, long k, long left, long right) {
    return k == -d || (k != d && left < right);
  }

  // The x reached on diagonal k in round d (kept as diagonals -d..d).
  long reached(long d, long k) const { return frontiers_[static_cast<std::size_t>(d)][k + d]; }

  std::vector<Step> backtrack(long rounds) const {
    std::vector<Step> steps;
    long x = static_cast<long>(a_.size());
    long y = static_cast<long>(b_.size());
    for (long d = rounds; d > 0; --d) {
      const long k = x - y;
      const bool down = k == -d || (k != d && reached(d - 1, k - 1) < reached(d - 1, k + 1));
      const long previous_k = down ? k + 1 : k - 1;
      const long previous_x = reached(d - 1, previous_k);
      const long previous_y = previous_x - previous_k;
      for (; x > previous_x && y > previous_y; --x, --y) steps.push_back(keep(x - 1, y - 1));
      if (down) {
        steps.push_back({Op::Add, 0, static_cast<std::size_t>(previous_y)});
      } else {
        steps.push_back({Op::Remove, static_cast<std::size_t>(previous_x), 0});
      }
      x = previous_x;
      y = previous_y;
    }
    for (; x > 0 && y > 0; --x, --y) steps.push_back(keep(x - 1, y - 1));
    std::reverse(steps.begin(), steps.end());
    return steps;
  }

  static Step keep(long x, long y) {
    return {Op::Keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)};
  }

  const Lines& a_;
  const Lines& b_;
  std::vector<std::vector<long>> frontiers_;
};

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "start,count" of a hunk side that begins after `first` lines; an empty side names the line
// before it, as diff does.
std::string range(std::size_t first, std::size_t count) {
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

// Walks the steps and writes the hunks: each change with up to kContext kept lines around it,
// changes whose contexts would touch in one hunk.
class HunkWriter {
 public:
  HunkWriter(const std::vector<Step>& steps, const Lines& a, const Lines& b)
      : steps_(steps), a_(a), b_(b) {}

  void write(std::string& out) {
    std::size_t i = 0;
    while ((i = next_change(i)) < steps_.size()) {
      const std::size_t begin = i >= kContext ? i - kContext : 0;
      const std::size_t end = std::min(end_of_changes(i) + kContext, steps_.size());
      append_hunk(out, begin, end);
      i = end;
    }
  }

 private:
  std::size_t next_change(std::size_t i) const {
    while (i < steps_.size() && steps_[i].op == Op::Keep) ++i;
    return i;
  }

  // Just past the last change that belongs with the change at `i`.
  std::size_t end_of_changes(std::size_t i) const {
    std::size_t end = i + 1;
    for (std::size_t j = end; j < steps_.size();) {
      const std::size_t change = next_change(j);
      if (change == steps_.size() || change - end > 2 * kContext) break;
      end = change + 1;
      j = end;
    }
    return end;
  }

  void append_hunk(std::string& out, std::size_t begin, std::size_t end) const {
    std::size_t first_a = 0;
    std::size_t first_b = 0;
    for (std::size_t i = 0; i < begin; ++i) count(steps_[i], first_a, first_b);
    std::size_t count_a = 0;
    std::size_t count_b = 0;
    for (std::size_t i = begin; i < end; ++i) count(steps_[i], count_a, count_b);
    out += "@@ -" + range(first_a, count_a) + " +" + range(first_b, count_b) + " @@\n";
    for (std::size_t i = begin; i < end; ++i) {
      const Step& step = steps_[i];
      append_line(out, static_cast<char>(step.op),
                  step.op == Op::Add ? b_[step.after] : a_[step.before]);
    }
  }

  static void count(const Step& step, std::size_t& a_lines, std::size_t& b_lines) {
    if (step.op != Op::Add) ++a_lines;
    if (step.op != Op::Remove) ++b_lines;
  }

  const std::vector<Step>& steps_;
  const Lines& a_;
  const Lines& b_;
};

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const Lines a = split_lines(before);
  const Lines b = split_lines(after);
  const std::vector<Step> steps = ShortestEdit(a, b).steps();
  std::string out;
  out.append("--- ").append(path).append("\n+++ ").append(path).append("\n");
  HunkWriter(steps, a, b).write(out);
  return out;
}

}  // namespace copydesk
