#pragma once

// A JSON-RPC client for the language server tests: runs `copydesk lsp` as a child process in a
// directory, writes framed messages to it and reads its messages back. A read that gets nothing
// for kPatience fails the test instead of hanging it; that is a guard, not a timing assertion.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace copydesk::testing {

using Json = nlohmann::json;

class LspClient {
 public:
  static constexpr int kPatienceMs = 30000;

  explicit LspClient(const std::filesystem::path& directory,
                     std::vector<std::string> extra_arguments = {}) {
    int to_server[2];
    int from_server[2];
    if (::pipe(to_server) != 0 || ::pipe(from_server) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_server[0], STDIN_FILENO);
      ::dup2(from_server[1], STDOUT_FILENO);
      ::close(to_server[1]);
      ::close(from_server[0]);
      if (::chdir(directory.c_str()) != 0) ::_exit(127);
      std::vector<std::string> arguments = {COPYDESK_BINARY, "lsp"};
      arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
      std::vector<char*> argv;
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      ::execv(COPYDESK_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(to_server[0]);
    ::close(from_server[1]);
    in_ = to_server[1];
    out_ = from_server[0];
    ::signal(SIGPIPE, SIG_IGN);
  }

  ~LspClient() {
    close_input();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Writes `bytes`, reading the server's output meanwhile: a server that writes while we write
  // must not block on a full pipe (nor we on its full input).
  void send_raw(const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
      pollfd both[2] = {{.fd = in_, .events = POLLOUT, .revents = 0},
                        {.fd = out_, .events = POLLIN, .revents = 0}};
      if (::poll(both, 2, kPatienceMs) <= 0) return;
      if ((both[1].revents & (POLLIN | POLLHUP)) != 0 && !fill()) return;
      if ((both[0].revents & (POLLERR | POLLHUP)) != 0) return;  // the server has gone
      if ((both[0].revents & POLLOUT) == 0) continue;
      const std::size_t piece = std::min<std::size_t>(bytes.size() - written, 4096);
      const ssize_t done = ::write(in_, bytes.data() + written, piece);
      if (done <= 0) return;  // the test's checks say what the server's end means
      written += static_cast<std::size_t>(done);
    }
  }

  static std::string frame(const Json& message) {
    const std::string body = message.dump();
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  void send(const Json& message) { send_raw(frame(message)); }

  int request_async(const std::string& method, Json params) {
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return id;
  }

  void notify(const std::string& method, Json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // The whole response (result or error) to request `id`; other messages are kept for later.
  Json response(const Json& id) {
    return take([&](const Json& message) {
      return message.contains("id") && message["id"] == id && !message.contains("method");
    });
  }

  Json request(const std::string& method, Json params) {
    return response(request_async(method, std::move(params)));
  }

  // The next publishDiagnostics for `uri`.
  Json published(const std::string& uri) {
    return take([&](const Json& message) {
      return message.value("method", "") == "textDocument/publishDiagnostics" &&
             message["params"]["uri"] == uri;
    })["params"];
  }

  // The first message (kept or new) that `wanted` accepts; fails the test after kPatienceMs.
  Json take(const std::function<bool(const Json&)>& wanted) {
    for (;;) {
      for (auto it = kept_.begin(); it != kept_.end(); ++it) {
        if (!wanted(*it)) continue;
        Json found = std::move(*it);
        kept_.erase(it);
        return found;
      }
      std::optional<Json> next = read();
      if (!next) {
        ADD_FAILURE() << "no awaited message from the server";
        return Json::object();
      }
      kept_.push_back(std::move(*next));
    }
  }

  const std::deque<Json>& kept() const { return kept_; }

  // The next message from the server, or nullopt when it ends its output or stays silent.
  std::optional<Json> read() {
    for (;;) {
      const std::size_t header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const std::size_t length = std::stoul(buffer_.substr(16, header_end - 16));
        if (buffer_.size() >= header_end + 4 + length) {
          Json message = Json::parse(buffer_.substr(header_end + 4, length));
          buffer_.erase(0, header_end + 4 + length);
          return message;
        }
      }
      if (!fill()) return std::nullopt;
    }
  }

  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }

  // The server's exit code once it has ended (-1: killed by a signal or never ended).
  int exit_code() {
    if (exit_code_) return *exit_code_;
    for (int waited = 0; waited < kPatienceMs; waited += 10) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return *exit_code_;
      }
      ::usleep(10000);
    }
    return -1;
  }

  // initialize and initialized, with `capabilities` and `options`; the initialize result.
  Json initialize(Json capabilities = Json::object(), Json options = nullptr,
                  Json root_uri = nullptr) {
    Json params = {{"processId", nullptr}, {"rootUri", root_uri}, {"capabilities", capabilities}};
    if (!options.is_null()) params["initializationOptions"] = options;
    Json result = request("initialize", params)["result"];
    notify("initialized", Json::object());
    return result;
  }

  void open(const std::string& uri, const std::string& text,
            const std::string& language = "plaintext", int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", language}, {"version", version}, {"text", text}}}});
  }

  // shutdown then exit; the exit code.
  int stop() {
    request("shutdown", nullptr);
    notify("exit", nullptr);
    return exit_code();
  }

 private:
  bool fill() {
    pollfd output{.fd = out_, .events = POLLIN, .revents = 0};
    if (::poll(&output, 1, kPatienceMs) <= 0) return false;
    char chunk[65536];
    const ssize_t got = ::read(out_, chunk, sizeof chunk);
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(got));
    return true;
  }

  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  int next_id_ = 1;
  std::optional<int> exit_code_;
  std::string buffer_;
  std::deque<Json> kept_;
};

}  // namespace copydesk::testing
