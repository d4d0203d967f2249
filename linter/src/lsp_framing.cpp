#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <optional>

#include "copydesk/lsp/framing.hpp"

namespace copydesk::lsp {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of a Content-Length header: digits only, and no overflow.
std::optional<std::size_t> parse_length(std::string_view value) {
  std::size_t length = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (error != std::errc{} || end != value.data() + value.size() || value.empty()) {
    return std::nullopt;
  }
  return length;
}

}  // namespace

bool MessageReader::fill() {
  if (ended_) return false;
  compact();
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadChunk);
  ssize_t got = 0;
  do {
    got = ::read(fd_, buffer_.data() + old_size, kReadChunk);
  } while (got < 0 && errno == EINTR);
  buffer_.resize(old_size + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
  if (got <= 0) ended_ = true;
  return got > 0;
}

void MessageReader::compact() {
  if (start_ == 0) return;
  buffer_.erase(0, start_);
  start_ = 0;
}

bool MessageReader::ready(int timeout_ms) {
  if (start_ < buffer_.size() || ended_) return true;
  pollfd input{.fd = fd_, .events = POLLIN, .revents = 0};
  int polled = 0;
  do {
    polled = ::poll(&input, 1, timeout_ms);
  } while (polled < 0 && errno == EINTR);
  return polled != 0;
}

bool MessageReader::next_line(std::string& line, bool& too_long) {
  too_long = false;
  for (;;) {
    const std::size_t newline = buffer_.find('\n', start_);
    if (newline != std::string::npos) {
      std::size_t end = newline;
      if (end > start_ && buffer_[end - 1] == '\r') --end;
      too_long = too_long || end - start_ > limits_.max_header_line;
      if (!too_long) line.assign(buffer_, start_, end - start_);
      start_ = newline + 1;
      return true;
    }
    // An endless line is dropped as it arrives, so that it never fills the memory.
    if (buffer_.size() - start_ > limits_.max_header_line) {
      too_long = true;
      start_ = buffer_.size();
    }
    if (!fill()) return false;
  }
}

void MessageReader::skip(std::size_t count) {
  for (;;) {
    const std::size_t available = std::min(count, buffer_.size() - start_);
    start_ += available;
    count -= available;
    if (count == 0 || !fill()) return;
  }
}

MessageReader::Result MessageReader::read() {
  std::optional<std::size_t> length;
  std::string problem;
  std::string line;
  bool too_long = false;
  bool any_header = false;
  for (;;) {
    if (!next_line(line, too_long)) return {};
    if (too_long) {
      problem = "a header line longer than " + std::to_string(limits_.max_header_line) + " bytes";
      any_header = true;
      continue;
    }
    if (line.empty()) {
      if (any_header) break;
      continue;  // blank lines between messages are harmless
    }
    any_header = true;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      problem = "a header line without a colon";
      continue;
    }
    if (!iequals(trim(std::string_view(line).substr(0, colon)), "content-length")) continue;
    length = parse_length(trim(std::string_view(line).substr(colon + 1)));
    if (!length) problem = "an invalid Content-Length";
  }
  if (!problem.empty()) return {.status = Status::BadHeader, .body = {}, .problem = problem};
  if (!length) {
    return {.status = Status::BadHeader, .body = {}, .problem = "no Content-Length header"};
  }
  if (*length > limits_.max_content_length) {
    skip(*length);
    return {.status = Status::TooLarge,
            .body = {},
            .problem = "a message of " + std::to_string(*length) + " bytes, more than the " +
                       std::to_string(limits_.max_content_length) + " accepted"};
  }
  while (buffer_.size() - start_ < *length) {
    if (!fill()) return {};
  }
  Result result{.status = Status::Message, .body = buffer_.substr(start_, *length), .problem = {}};
  start_ += *length;
  return result;
}

bool write_message(int fd, std::string_view body) {
  const std::string message =
      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
  std::size_t written = 0;
  while (written < message.size()) {
    const ssize_t done = ::write(fd, message.data() + written, message.size() - written);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    written += static_cast<std::size_t>(done);
  }
  return true;
}

}  // namespace copydesk::lsp
