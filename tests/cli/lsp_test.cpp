// `copydesk lsp` end to end: a JSON-RPC client runs the server as a child process and checks
// every message it gets back (lifecycle, both position encodings, incremental sync, pull
// diagnostics, code actions, configuration, malformed input, a long session).

#include <gtest/gtest.h>

#include <string>

#include "cli_fixture.hpp"
#include "lsp_client.hpp"

namespace copydesk::testing {
namespace {

constexpr const char* kEmoji = "\xF0\x9F\x9A\xA2";  // U+1F6A2, two UTF-16 units, four bytes

class LspTest : public CliFixture {
 protected:
  std::string uri(const std::string& name) const { return "file://" + (dir_ / name).string(); }

  static Json position(int line, int character) {
    return {{"line", line}, {"character", character}};
  }
  static Json range(int line, int start, int end) {
    return {{"start", position(line, start)}, {"end", position(line, end)}};
  }
  // The rule ids and ranges of published or pulled diagnostics, in order.
  static Json codes_and_ranges(const Json& diagnostics) {
    Json out = Json::array();
    for (const Json& item : diagnostics) out.push_back({item["code"], item["range"]});
    return out;
  }
  // A didChange of `name` to `version`: `text` over `at`, or the whole text when `at` is null.
  Json did_change(const std::string& name, int version, const Json& at, const Json& text) const {
    Json change = {{"text", text}};
    if (!at.is_null()) change["range"] = at;
    return {{"jsonrpc", "2.0"},
            {"method", "textDocument/didChange"},
            {"params",
             {{"textDocument", {{"uri", uri(name)}, {"version", version}}},
              {"contentChanges", Json::array({change})}}}};
  }
  Json code_actions(LspClient& client, const std::string& name, const Json& at) {
    return client.request("textDocument/codeAction",
                          {{"textDocument", {{"uri", uri(name)}}},
                           {"range", at},
                           {"context", {{"diagnostics", Json::array()}}}})["result"];
  }
};

TEST_F(LspTest, InitializeAnswersCapabilitiesAndServerInfo) {
  LspClient client(dir_);
  const Json result = client.initialize();
  EXPECT_EQ(result["serverInfo"]["name"], "copydesk");
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(result["capabilities"]["textDocumentSync"],
            Json::parse(R"({"openClose": true, "change": 2, "save": true})"));
  EXPECT_EQ(result["capabilities"]["codeActionProvider"]["codeActionKinds"],
            Json::array({"quickfix"}));
  EXPECT_EQ(result["capabilities"]["diagnosticProvider"]["interFileDependencies"], false);
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, ExitWithoutShutdownEndsWithOne) {
  LspClient client(dir_);
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.exit_code(), 1);
}

TEST_F(LspTest, EndOfInputWithoutExitEndsWithOne) {
  LspClient client(dir_);
  client.initialize();
  client.close_input();
  EXPECT_EQ(client.exit_code(), 1);
}

TEST_F(LspTest, RequestBeforeInitializeIsRefused) {
  LspClient client(dir_);
  const Json reply =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("a.txt")}}}});
  EXPECT_EQ(reply["error"]["code"], -32002);
  client.initialize();
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, RequestAfterShutdownIsInvalidAndSecondInitializeTooIsRejected) {
  LspClient client(dir_);
  client.initialize();
  EXPECT_EQ(client.request("initialize", {{"capabilities", Json::object()}})["error"]["code"],
            -32600);
  EXPECT_EQ(client.request("shutdown", nullptr)["result"], nullptr);
  EXPECT_EQ(client.request("textDocument/codeAction", Json::object())["error"]["code"], -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.exit_code(), 0);
}

TEST_F(LspTest, UnknownRequestIsMethodNotFoundAndUnknownNotificationIsIgnored) {
  LspClient client(dir_);
  client.initialize();
  client.notify("$/setTrace", {{"value", "off"}});
  client.notify("workspace/somethingNew", Json::object());
  const Json reply = client.request("textDocument/hover", Json::object());
  EXPECT_EQ(reply["error"]["code"], -32601);
  EXPECT_TRUE(client.kept().empty());  // nothing answered the two notifications
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, PublishesUtf16RangesOnALineWithAnEmoji) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"),
              std::string("The ferry ") + kEmoji + " leaves at noon,once it docks.\n");
  const Json published = client.published(uri("a.txt"));
  EXPECT_EQ(published["version"], 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u);
  const Json& finding = published["diagnostics"][0];
  EXPECT_EQ(finding["range"], range(0, 27, 28));
  EXPECT_EQ(finding["code"], "missing-space-after-punctuation");
  EXPECT_EQ(finding["source"], "copydesk");
  EXPECT_EQ(finding["severity"], 1);
  EXPECT_EQ(finding["message"], "Add a space after `,`.");
  EXPECT_EQ(finding["codeDescription"]["href"],
            "https://github.com/copydesk/copydesk/blob/main/rules/"
            "missing_space_after_punctuation.md");
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, NegotiatesUtf8WhenTheClientOffersIt) {
  LspClient client(dir_);
  const Json result =
      client.initialize({{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}});
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-8");
  client.open(uri("a.txt"),
              std::string("The ferry ") + kEmoji + " leaves at noon,once it docks.\n");
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"][0]["range"], range(0, 29, 30));
  // Incoming positions are bytes too: insert the missing space at byte 30.
  client.send(did_change("a.txt", 2, range(0, 30, 30), " "));
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"], Json::array());
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, RangesAreExactWithCombiningMarksAndCrlf) {
  LspClient client(dir_);
  client.initialize();
  // "Cafe" + U+0301 (one UTF-16 unit, two bytes) then CRLF line ends.
  client.open(uri("a.txt"), "The Cafe\xCC\x81 opened,at last.\r\nIt was a intentional delay.\r\n");
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.txt"))["diagnostics"]),
            Json::array({{"missing-space-after-punctuation", range(0, 16, 17)},
                         {"wrong-indefinite-article", range(1, 7, 8)}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, IncrementalEditsPublishOnlyTheLatestVersion) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.md"), "# Notes\n\nIt was a intentional delay.\n", "markdown");
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.md"))["diagnostics"]),
            Json::array({{"wrong-indefinite-article", range(2, 7, 8)}}));
  // Three edits in one burst: "a" -> "an", then a new line with a missing space, then its fix
  // undone by typing the comma again.
  const auto change = [&](int version, const Json& at, const std::string& text) {
    return LspClient::frame(did_change("a.md", version, at, text));
  };
  client.send_raw(change(2, range(2, 7, 8), "an") + change(3, range(2, 28, 28), "\nThen,it left.") +
                  change(4, range(3, 4, 5), ", "));
  const Json published = client.published(uri("a.md"));
  EXPECT_EQ(published["version"], 4);
  EXPECT_EQ(published["diagnostics"], Json::array());
  const Json pulled =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("a.md")}}}});
  EXPECT_EQ(pulled["result"]["kind"], "full");
  EXPECT_EQ(pulled["result"]["items"], Json::array());
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, FullSyncReplacesTheText) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "It was a intentional delay.\n");
  client.published(uri("a.txt"));
  client.send(did_change("a.txt", 2, nullptr, "Calm.\nThe the end.\n"));
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.txt"))["diagnostics"]),
            Json::array({{"repeated-word", range(1, 4, 7)}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, PullDiagnosticsMatchWhatIsPublished) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "It was a intentional delay,then more.\n");
  const Json published = client.published(uri("a.txt"));
  const Json pulled =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("a.txt")}}}});
  EXPECT_EQ(pulled["result"]["items"], published["diagnostics"]);
  EXPECT_EQ(published["diagnostics"].size(), 2u);
  const Json unknown =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("b.txt")}}}});
  EXPECT_EQ(unknown["error"]["code"], -32602);
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, QuickFixIsPreferredWhenSafeAndIgnoreInsertsADirective) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "Notes.\nIt was a intentional delay.\n");
  client.published(uri("a.txt"));
  const Json actions = code_actions(client, "a.txt", range(1, 7, 7));
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0]["title"], "Replace with `an`");
  EXPECT_EQ(actions[0]["kind"], "quickfix");
  EXPECT_EQ(actions[0]["isPreferred"], true);
  EXPECT_EQ(actions[0]["diagnostics"][0]["code"], "wrong-indefinite-article");
  EXPECT_EQ(actions[0]["edit"]["changes"][uri("a.txt")],
            Json::array({{{"range", range(1, 7, 8)}, {"newText", "an"}}}));
  EXPECT_EQ(actions[1]["title"], "Ignore `wrong-indefinite-article` in this document");
  EXPECT_EQ(actions[1]["edit"]["changes"][uri("a.txt")],
            Json::array({{{"range", range(0, 0, 0)},
                          {"newText", "copydesk-disable wrong-indefinite-article\n"}}}));
  // The directive applied: the finding is gone.
  client.send(
      did_change("a.txt", 2, range(0, 0, 0), "copydesk-disable wrong-indefinite-article\n"));
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"], Json::array());
  EXPECT_EQ(code_actions(client, "a.txt", range(0, 0, 1)), Json::array());
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, CodeActionsOfOtherKindsThanQuickFixAreNone) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "It was a intentional delay.\n");
  client.published(uri("a.txt"));
  const auto actions_of_kind = [&](const Json& only) {
    return client.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", uri("a.txt")}}},
         {"range", range(0, 7, 8)},
         {"context", {{"diagnostics", Json::array()}, {"only", only}}}})["result"];
  };
  EXPECT_EQ(actions_of_kind({"refactor"}), Json::array());
  EXPECT_EQ(actions_of_kind({"quickfix"}).size(), 2u);
  EXPECT_EQ(actions_of_kind({""}).size(), 2u);
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, IgnoreInMarkdownIsAnHtmlCommentAfterTheFrontMatter) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.md"), "---\ntitle: x\n---\nIt was a intentional delay.\n", "markdown");
  client.published(uri("a.md"));
  const Json actions = code_actions(client, "a.md", range(3, 7, 8));
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[1]["edit"]["changes"][uri("a.md")],
            Json::array({{{"range", range(3, 0, 0)},
                          {"newText", "<!-- copydesk-disable wrong-indefinite-article -->\n"}}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, MisspellingOffersSuggestionsAndAddsTheWordToTheConfiguration) {
  file("copydesk.toml", "language = \"en_US\"\n\n[words]\naccept = [\"Brexiteer\"]\n");
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "The zorblat sailed.\n");
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.txt"))["diagnostics"]),
            Json::array({{"misspelled-word", range(0, 4, 11)}}));
  const Json actions = code_actions(client, "a.txt", range(0, 5, 5));
  const Json& add = actions[actions.size() - 2];
  EXPECT_EQ(add["title"], "Add `zorblat` to the project's words");
  EXPECT_EQ(add["edit"]["changes"]["file://" + (dir_ / "copydesk.toml").string()],
            Json::array({{{"range", range(3, 10, 10)}, {"newText", "\"zorblat\", "}}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, AddingAWordWithoutConfigurationCreatesOneWhenTheClientCan) {
  const Json can_create = {
      {"workspace",
       {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create"}}}}}}};
  LspClient client(dir_);
  client.initialize(can_create);
  client.open(uri("a.txt"), "The zorblat sailed.\n");
  client.published(uri("a.txt"));
  const Json actions = code_actions(client, "a.txt", range(0, 5, 5));
  const Json& add = actions[actions.size() - 2];
  EXPECT_EQ(add["title"], "Add `zorblat` to the project's words (creates copydesk.toml)");
  const std::string config = "file://" + (dir_ / "copydesk.toml").string();
  EXPECT_EQ(add["edit"]["documentChanges"], Json::parse(R"([{"kind": "create", "uri": ")" + config +
                                                        R"(", "options": {"ignoreIfExists": true}},
              {"textDocument": {"uri": ")" + config + R"(", "version": null},
               "edits": [{"range": {"start": {"line": 0, "character": 0},
                                    "end": {"line": 0, "character": 0}},
                          "newText": "[words]\naccept = [\"zorblat\"]\n"}]}])"));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, ANewConfigurationGoesToTheWorkspaceRootOverTheDocument) {
  const Json can_create = {
      {"workspace",
       {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create"}}}}}}};
  std::filesystem::create_directories(dir_ / "news");
  LspClient client(dir_);
  client.initialize(can_create, nullptr, "file://" + dir_.string());
  client.open(uri("news/a.txt"), "The zorblat sailed.\n");
  client.published(uri("news/a.txt"));
  const Json actions = code_actions(client, "news/a.txt", range(0, 5, 5));
  const Json& add = actions[actions.size() - 2];
  EXPECT_EQ(add["edit"]["documentChanges"][0]["uri"],
            "file://" + (dir_ / "copydesk.toml").string());
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, NoConfigurationAndNoCreateMeansNoAddAction) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "The zorblat sailed.\n");
  client.published(uri("a.txt"));
  for (const Json& action : code_actions(client, "a.txt", range(0, 5, 5))) {
    EXPECT_EQ(action["title"].get<std::string>().find("Add `"), std::string::npos);
  }
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, ReloadsTheConfigurationWhenItChanges) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "The zorblat sailed.\n");
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"].size(), 1u);
  file("copydesk.toml", "[words]\naccept = [\"zorblat\"]\n");
  client.notify(
      "workspace/didChangeWatchedFiles",
      {{"changes", {{{"uri", "file://" + (dir_ / "copydesk.toml").string()}, {"type", 1}}}}});
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"], Json::array());
  // Saved from the editor: reloaded without a watched-files notification.
  file("copydesk.toml", "[words]\naccept = []\n");
  client.notify("textDocument/didSave",
                {{"textDocument", {{"uri", "file://" + (dir_ / "copydesk.toml").string()}}}});
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"].size(), 1u);
  // A broken file is shown on the document, not a crash.
  file("copydesk.toml", "[words\n");
  client.notify(
      "workspace/didChangeWatchedFiles",
      {{"changes", {{{"uri", "file://" + (dir_ / "copydesk.toml").string()}, {"type", 2}}}}});
  const Json broken = client.published(uri("a.txt"))["diagnostics"];
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0]["range"], range(0, 0, 0));
  EXPECT_NE(broken[0]["message"].get<std::string>().find("copydesk.toml:1:"), std::string::npos);
  EXPECT_EQ(client.stop(), 0);
}

// The house styles that govern each document's folder, as on the command line: the nearest
// settings file (here a .vale.ini in a subfolder) wins.
TEST_F(LspTest, RunsTheHouseStylesThatGovernTheDocumentsFolder) {
  file("styles/House/Utilize.yml",
       "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
       "swap:\n  utilize: use\n");
  file("styles/House/Very.yml",
       "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: error\ntokens:\n  - very\n");
  file("desk/.vale.ini", "StylesPath = ../styles\n[*]\nBasedOnStyles = House\n");
  file("desk/sub/.vale.ini", "StylesPath = ../../styles\n[*.md]\nHouse.Very = YES\n");
  LspClient client(dir_);
  client.initialize();
  const std::string text = "We utilize a very old ferry.\n";
  client.open(uri("desk/a.md"), text);
  const Json desk = client.published(uri("desk/a.md"))["diagnostics"];
  EXPECT_EQ(codes_and_ranges(desk), Json::array({Json::array({"House.Utilize", range(0, 3, 10)}),
                                                 Json::array({"House.Very", range(0, 13, 17)})}));
  ASSERT_EQ(desk.size(), 2u);
  EXPECT_EQ(desk[0]["message"], "Use 'use' instead of 'utilize'.");
  EXPECT_EQ(desk[0]["severity"], 2);
  EXPECT_EQ(desk[1]["severity"], 1);
  client.open(uri("desk/sub/b.md"), text);
  EXPECT_EQ(codes_and_ranges(client.published(uri("desk/sub/b.md"))["diagnostics"]),
            Json::array({Json::array({"House.Very", range(0, 13, 17)})}));
  // Outside both, no styles: copydesk's own rules only, which find nothing here.
  client.open(uri("c.md"), text);
  EXPECT_EQ(client.published(uri("c.md"))["diagnostics"], Json::array());
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, ReloadsAStyleRuleSavedFromTheEditor) {
  file("styles/House/Very.yml",
       "extends: existence\nmessage: \"Remove '%s'.\"\ntokens:\n  - very\n");
  file(".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n");
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.md"), "A very old ferry.\n");
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.md"))["diagnostics"]),
            Json::array({Json::array({"House.Very", range(0, 2, 6)})}));
  file("styles/House/Very.yml",
       "extends: existence\nmessage: \"Remove '%s'.\"\ntokens:\n  - old\n");
  client.notify(
      "textDocument/didSave",
      {{"textDocument", {{"uri", "file://" + (dir_ / "styles/House/Very.yml").string()}}}});
  EXPECT_EQ(codes_and_ranges(client.published(uri("a.md"))["diagnostics"]),
            Json::array({Json::array({"House.Very", range(0, 7, 10)})}));
  // A broken rule is shown on the document with its file, line and column.
  file("styles/House/Very.yml", "extends: existence\ntokens: [\n");
  client.notify(
      "textDocument/didSave",
      {{"textDocument", {{"uri", "file://" + (dir_ / "styles/House/Very.yml").string()}}}});
  const Json broken = client.published(uri("a.md"))["diagnostics"];
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_NE(broken[0]["message"].get<std::string>().find("Very.yml:3:1:"), std::string::npos)
      << broken[0]["message"];
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, AsksTheClientToWatchConfigurationFiles) {
  LspClient client(dir_);
  client.initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const Json asked = client.take([](const Json& message) { return message.contains("method"); });
  EXPECT_EQ(asked["method"], "client/registerCapability");
  EXPECT_EQ(asked["params"]["registrations"][0]["registerOptions"]["watchers"],
            Json::parse(R"([{"globPattern": "**/copydesk.toml"},
                            {"globPattern": "**/{.vale.ini,.vale,_vale,vale.ini,_vale.ini}"},
                            {"globPattern": "**/*.{yml,yaml}"}])"));
  client.send({{"jsonrpc", "2.0"}, {"id", asked["id"]}, {"result", nullptr}});
  EXPECT_EQ(client.stop(), 0);
  EXPECT_TRUE(client.kept().empty());  // our reply to its request was not answered
}

TEST_F(LspTest, LanguageComesFromInitializationOptionsAndConfigurationChanges) {
  LspClient client(dir_);
  client.initialize(Json::object(), {{"language", "en_GB"}});
  client.open(uri("a.txt"), "The colour of the harbour.\n");
  EXPECT_EQ(client.published(uri("a.txt"))["diagnostics"], Json::array());
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"copydesk", {{"language", "en_US"}}}}}});
  EXPECT_EQ(
      codes_and_ranges(client.published(uri("a.txt"))["diagnostics"]),
      Json::array({{"misspelled-word", range(0, 4, 10)}, {"misspelled-word", range(0, 18, 25)}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, CancelledRequestIsAnsweredAsCancelled) {
  LspClient client(dir_);
  client.initialize();
  client.open(uri("a.txt"), "Calm.\n");
  const Json ask = {{"jsonrpc", "2.0"},
                    {"id", 77},
                    {"method", "textDocument/diagnostic"},
                    {"params", {{"textDocument", {{"uri", uri("a.txt")}}}}}};
  const Json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 77}}}};
  client.send_raw(LspClient::frame(ask) + LspClient::frame(cancel));
  EXPECT_EQ(client.response(77)["error"]["code"], -32800);
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, InvalidJsonIsAParseErrorAndTheSessionGoesOn) {
  LspClient client(dir_);
  client.send_raw("Content-Length: 9\r\n\r\n{\"broken\"");
  const Json reply = client.take([](const Json&) { return true; });
  EXPECT_EQ(reply["id"], nullptr);
  EXPECT_EQ(reply["error"]["code"], -32700);
  client.initialize();
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, WrongTypesAreInvalidParamsOrIgnored) {
  LspClient client(dir_);
  client.initialize();
  client.send({{"jsonrpc", "2.0"}, {"id", {{"an", "object"}}}, {"method", "shutdown"}});
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.send(Json::array({1, 2}));
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", 5}, {"text", 7}}}});
  EXPECT_EQ(client.take([](const Json&) { return true; })["method"], "window/logMessage");
  client.open(uri("a.txt"), "It was a intentional delay.\n");
  client.published(uri("a.txt"));
  const Json bad_range = client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", uri("a.txt")}}}, {"range", "everything"}, {"context", {}}});
  EXPECT_EQ(bad_range["error"]["code"], -32602);
  client.send(did_change("a.txt", 2, range(0, 0, 0), 3));
  EXPECT_EQ(client.take([](const Json&) { return true; })["method"], "window/logMessage");
  // The text is as before the broken change.
  const Json pulled =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("a.txt")}}}});
  EXPECT_EQ(codes_and_ranges(pulled["result"]["items"]),
            Json::array({{"wrong-indefinite-article", range(0, 7, 8)}}));
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, DeeplyNestedJsonIsAnInvalidRequestNotAStackOverflow) {
  LspClient client(dir_);
  const std::size_t depth = 200000;
  const std::string body = std::string(depth, '[') + std::string(depth, ']');
  client.send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.initialize();
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, BadHeadersAreAnsweredAndSkipped) {
  LspClient client(dir_);
  client.send_raw("Content-Type: application/json\r\n\r\n");
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.send_raw("Content-Length: 99999999999999999999999999\r\n\r\n");
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.send_raw("Content-Length: -4\r\n\r\n");
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.send_raw("no colon here\r\n\r\n");
  EXPECT_EQ(client.take([](const Json&) { return true; })["error"]["code"], -32600);
  client.initialize();
  EXPECT_EQ(client.stop(), 0);
}

TEST_F(LspTest, HugeContentLengthIsNeitherAllocatedNorFatal) {
  LspClient client(dir_);
  client.initialize();
  client.send_raw("Content-Length: 999999999999\r\n\r\n{\"jsonrpc\": \"2.0\"}");
  client.close_input();
  const Json reply = client.take([](const Json&) { return true; });
  EXPECT_EQ(reply["error"]["code"], -32600);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("999999999999 bytes"),
            std::string::npos);
  EXPECT_EQ(client.exit_code(), 1);  // the input ended without shutdown: an orderly 1
}

TEST_F(LspTest, TruncatedHeaderOrBodyEndsTheSessionCleanly) {
  {
    LspClient client(dir_);
    client.initialize();
    client.send_raw("Content-Len");
    client.close_input();
    EXPECT_EQ(client.exit_code(), 1);
  }
  LspClient client(dir_);
  client.initialize();
  client.send_raw("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
  client.close_input();
  EXPECT_EQ(client.exit_code(), 1);
}

TEST_F(LspTest, LongSessionOfSmallEditsKeepsTheTextExact) {
  LspClient client(dir_, {"--debounce", "0"});
  client.initialize();
  client.open(uri("a.txt"), std::string("A ") + kEmoji + " note.\nIt was a intentional delay.\n");
  client.published(uri("a.txt"));
  // Type and delete a word at the emoji line's end, a character at a time, two thousand times.
  for (int round = 0; round < 500; ++round) {
    std::string burst;
    for (int i = 0; i < 2; ++i) {
      const int version = 2 + round * 4 + i * 2;
      const auto edit = [&](int v, const Json& at, const std::string& text) {
        return LspClient::frame(did_change("a.txt", v, at, text));
      };
      burst += edit(version, range(0, 10, 10), "x") + edit(version + 1, range(0, 10, 11), "");
    }
    client.send_raw(burst);
  }
  const Json pulled =
      client.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri("a.txt")}}}});
  EXPECT_EQ(codes_and_ranges(pulled["result"]["items"]),
            Json::array({{"wrong-indefinite-article", range(1, 7, 8)}}));
  EXPECT_EQ(client.stop(), 0);
}

}  // namespace
}  // namespace copydesk::testing
