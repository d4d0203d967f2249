#pragma once

// The base protocol of the Language Server Protocol: messages framed by headers
// ("Content-Length: N", a blank line) and a JSON body, read from and written to file
// descriptors. Input comes from a client we do not control, so every header is checked and a
// body is only ever held as far as its bytes have actually arrived.

#include <cstddef>
#include <string>
#include <string_view>

namespace copydesk::lsp {

class MessageReader {
 public:
  struct Limits {
    std::size_t max_header_line = 4096;                 // bytes in one header line
    std::size_t max_content_length = 64 * 1024 * 1024;  // larger bodies are skipped, unread
  };

  enum class Status { Message, End, BadHeader, TooLarge };

  struct Result {
    Status status = Status::End;
    std::string body;     // for Message
    std::string problem;  // for BadHeader and TooLarge: what was wrong, for the error reply
  };

  explicit MessageReader(int fd) : MessageReader(fd, Limits{}) {}
  MessageReader(int fd, Limits limits) : fd_(fd), limits_(limits) {}

  // The next message; End when the input ends (also in the middle of a message).
  Result read();
  // Whether input is waiting (or has ended) within `timeout_ms`: read() then will not wait for
  // its first byte.
  bool ready(int timeout_ms);

 private:
  // Reads what is available into the buffer; false when the input has ended.
  bool fill();
  // The next header line without its line ending; false at the end of input.
  bool next_line(std::string& line, bool& too_long);
  // Drops `count` bytes of input without keeping them.
  void skip(std::size_t count);
  void compact();

  int fd_;
  Limits limits_;
  std::string buffer_;
  std::size_t start_ = 0;  // the first unread byte of buffer_
  bool ended_ = false;
};

// Writes `body` with its header; false when the output is closed.
bool write_message(int fd, std::string_view body);

}  // namespace copydesk::lsp
