#include "copydesk/regional_spelling.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace copydesk {
namespace {

bool has(const std::vector<std::string>& variants, const std::string& word) {
  return std::find(variants.begin(), variants.end(), word) != variants.end();
}

TEST(RegionalVariants, ChangeAmericanSpellingsIntoBritishOnes) {
  EXPECT_TRUE(has(regional_variants("color"), "colour"));
  EXPECT_TRUE(has(regional_variants("organization"), "organisation"));
  EXPECT_TRUE(has(regional_variants("analyze"), "analyse"));
  EXPECT_TRUE(has(regional_variants("centers"), "centres"));
  EXPECT_TRUE(has(regional_variants("defense"), "defence"));
  EXPECT_TRUE(has(regional_variants("traveled"), "travelled"));
  EXPECT_TRUE(has(regional_variants("catalog"), "catalogue"));
  EXPECT_TRUE(has(regional_variants("maneuver"), "manoeuvre"));  // two changes
  EXPECT_TRUE(has(regional_variants("program"), "programme"));
}

TEST(RegionalVariants, ChangeBritishSpellingsIntoAmericanOnes) {
  EXPECT_TRUE(has(regional_variants("colour"), "color"));
  EXPECT_TRUE(has(regional_variants("ageing"), "aging"));
  EXPECT_TRUE(has(regional_variants("judgement"), "judgment"));
  EXPECT_TRUE(has(regional_variants("fuelled"), "fueled"));
  EXPECT_TRUE(has(regional_variants("oestrogen"), "estrogen"));
}

TEST(RegionalVariants, ListEachVariantOnceWithoutTheWordItself) {
  const auto variants = regional_variants("color");
  EXPECT_FALSE(has(variants, "color"));
  std::vector<std::string> sorted = variants;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  // One change comes before two: the nearest spelling is the one a caller meets first.
  const auto variants_of_maneuver = regional_variants("maneuver");
  const auto one = std::find(variants_of_maneuver.begin(), variants_of_maneuver.end(), "maneuvre");
  const auto two = std::find(variants_of_maneuver.begin(), variants_of_maneuver.end(), "manoeuvre");
  ASSERT_NE(one, variants_of_maneuver.end());
  ASSERT_NE(two, variants_of_maneuver.end());
  EXPECT_LT(one, two);
}

}  // namespace
}  // namespace copydesk
