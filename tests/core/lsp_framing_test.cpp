#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "copydesk/lsp/framing.hpp"

namespace copydesk::lsp {
namespace {

using Status = MessageReader::Status;

// A reader over a pipe that holds `input` and then ends.
class PipeInput {
 public:
  explicit PipeInput(const std::string& input) {
    int ends[2];
    EXPECT_EQ(::pipe(ends), 0);
    EXPECT_EQ(::write(ends[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
    ::close(ends[1]);
    fd_ = ends[0];
  }
  ~PipeInput() { ::close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

TEST(LspFramingTest, ReadsMessagesWithAnyHeaderCaseAndExtraHeaders) {
  PipeInput input(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
      "Content-Length:3\r\n\r\n[1]");
  MessageReader reader(input.fd());
  EXPECT_EQ(reader.read().body, "{}");
  EXPECT_EQ(reader.read().body, "[1]");
  EXPECT_EQ(reader.read().status, Status::End);
}

TEST(LspFramingTest, BadHeadersAreReportedAndReadingGoesOn) {
  PipeInput input("Content-Length: 12x\r\n\r\nContent-Length: 2\r\n\r\n{}");
  MessageReader reader(input.fd());
  const MessageReader::Result bad = reader.read();
  EXPECT_EQ(bad.status, Status::BadHeader);
  EXPECT_EQ(bad.problem, "an invalid Content-Length");
  EXPECT_EQ(reader.read().body, "{}");
}

TEST(LspFramingTest, ATooLargeBodyIsSkippedNotHeld) {
  const std::string body(100, 'x');
  PipeInput input("Content-Length: 100\r\n\r\n" + body + "Content-Length: 2\r\n\r\n{}");
  MessageReader reader(input.fd(), {.max_header_line = 4096, .max_content_length = 50});
  const MessageReader::Result large = reader.read();
  EXPECT_EQ(large.status, Status::TooLarge);
  EXPECT_EQ(large.problem, "a message of 100 bytes, more than the 50 accepted");
  EXPECT_EQ(reader.read().body, "{}");
}

TEST(LspFramingTest, AnEndlessHeaderLineIsDroppedAsItArrives) {
  PipeInput input(std::string(10000, 'h') + "\r\n\r\nContent-Length: 2\r\n\r\n{}");
  MessageReader reader(input.fd(), {.max_header_line = 100, .max_content_length = 1000});
  EXPECT_EQ(reader.read().status, Status::BadHeader);
  EXPECT_EQ(reader.read().body, "{}");
}

TEST(LspFramingTest, TruncatedInputEnds) {
  PipeInput input("Content-Length: 10\r\n\r\n{\"a\"");
  MessageReader reader(input.fd());
  EXPECT_EQ(reader.read().status, Status::End);
}

}  // namespace
}  // namespace copydesk::lsp
