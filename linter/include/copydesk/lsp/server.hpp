#pragma once

// `copydesk lsp`: a Language Server Protocol 3.17 server. It keeps the open documents, lints each
// with the engine its nearest copydesk.toml gives (through a Workspace, as on the command line),
// publishes the findings, answers pull-diagnostic requests and offers code actions.

namespace copydesk {
class Registry;
}

namespace copydesk::lsp {

struct ServerOptions {
  // Diagnostics are published once the client has sent nothing for this long, so that a burst
  // of keystrokes is linted once, at its last version.
  int debounce_ms = 150;
};

// Serves one client over `in_fd` and `out_fd` until it sends `exit` or closes its output.
// Returns the process's exit code: 0 after an orderly shutdown, 1 otherwise (as the protocol
// asks).
int serve(int in_fd, int out_fd, const Registry& registry, ServerOptions options);

}  // namespace copydesk::lsp
