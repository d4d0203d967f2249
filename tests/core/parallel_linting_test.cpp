// lint_all: results in input order whatever the number of threads, nothing handed out when
// finding the inputs fails, and threads stopped cleanly when handing out fails.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/input.hpp"
#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

class ParallelLinting : public CliFixture {
 protected:
  // `count` files, some long (slow) and some with a finding, named in input order.
  std::vector<Input> inputs(int count) {
    std::vector<Input> made;
    for (int i = 0; i < count; ++i) {
      std::string text = i % 3 == 0 ? "It was the the end.\n" : "It was the end.\n";
      if (i % 7 == 0) {
        for (int j = 0; j < 2000; ++j) text += "The council met on Monday to agree a budget.\n";
      }
      std::string name = "f";  // appended in steps: g++ 12 warns wrongly on "f" + string
      name += std::to_string(100 + i);
      name += ".txt";
      made.push_back(Input{name, file(name, text), false, true, std::nullopt});
    }
    return made;
  }

  static InputSource source(const std::vector<Input>& list) {
    return [&list](const InputSink& lint) {
      for (Input input : list) lint(std::move(input), engine_for("en_US"));
    };
  }
};

TEST_F(ParallelLinting, ResultsComeInInputOrderWhateverTheNumberOfThreads) {
  const std::vector<Input> list = inputs(60);
  for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<std::string> order;
    std::size_t findings = 0;
    lint_all(source(list), jobs, [&](FileResult&& result) {
      order.push_back(result.path);
      findings += result.diagnostics.size();
    });
    ASSERT_EQ(order.size(), list.size()) << jobs;
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(order[i], list[i].display_path) << jobs;
    EXPECT_EQ(findings, 20u) << jobs;  // "the the" in every third file
  }
}

TEST_F(ParallelLinting, NothingIsHandedOutWhenFindingTheInputsFails) {
  const std::vector<Input> list = inputs(40);
  for (const unsigned jobs : {1u, 2u, 4u}) {
    int consumed = 0;
    const InputSource failing = [&list](const InputSink& lint) {
      for (const Input& input : list) lint(Input(input), engine_for("en_US"));
      throw ConfigError("copydesk.toml:1:1: broken");
    };
    EXPECT_THROW(lint_all(failing, jobs, [&](FileResult&&) { ++consumed; }), ConfigError) << jobs;
    EXPECT_EQ(consumed, 0) << jobs;
  }
}

TEST_F(ParallelLinting, AFailureWhileHandingOutStopsTheThreadsAndIsPassedOn) {
  const std::vector<Input> list = inputs(40);
  for (const unsigned jobs : {1u, 2u, 4u}) {
    int consumed = 0;
    EXPECT_THROW(lint_all(source(list), jobs,
                          [&](FileResult&&) {
                            if (++consumed == 5) throw std::runtime_error("cannot write");
                          }),
                 std::runtime_error)
        << jobs;
    EXPECT_EQ(consumed, 5) << jobs;
  }
}

}  // namespace
}  // namespace copydesk::testing
