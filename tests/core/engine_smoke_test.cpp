#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

TEST(RepeatedWord, FlagsTheSecondCopy) { expect_flags("repeated-word", "He said the [[the]] talks."); }

}  // namespace
}  // namespace copydesk::testing
