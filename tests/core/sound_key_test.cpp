#include "copydesk/sound_key.hpp"

#include <gtest/gtest.h>

namespace copydesk {
namespace {

TEST(SoundKey, WordsWrittenByEarShareTheKeyOfTheWordMeant) {
  EXPECT_EQ(sound_key("naborhood"), sound_key("neighborhood"));
  EXPECT_EQ(sound_key("deliteful"), sound_key("delightful"));
  EXPECT_EQ(sound_key("fone"), sound_key("phone"));
  EXPECT_EQ(sound_key("nite"), sound_key("knight"));
  EXPECT_EQ(sound_key("sity"), sound_key("city"));
  EXPECT_EQ(sound_key("riting"), sound_key("writing"));
}

TEST(SoundKey, SpellsOutConsonantsBySound) {
  EXPECT_EQ(sound_key("neighborhood"), "nbrt");
  EXPECT_EQ(sound_key("phone"), "fn");
  EXPECT_EQ(sound_key("city"), "st");
  EXPECT_EQ(sound_key("cat"), "kt");
  EXPECT_EQ(sound_key("ship"), "xp");
  EXPECT_EQ(sound_key("church"), "xrx");
  EXPECT_EQ(sound_key("nation"), "nxn");
  EXPECT_EQ(sound_key("thing"), "0nk");
  EXPECT_EQ(sound_key("apple"), "Apl");  // a leading vowel stays, doubled letters sound once
  EXPECT_EQ(sound_key("climb"), "klm");
  EXPECT_EQ(sound_key("laugh"), "lf");
}

TEST(SoundKey, KeepsApartWordsThatSoundDifferent) {
  EXPECT_NE(sound_key("cat"), sound_key("bat"));
  EXPECT_NE(sound_key("ship"), sound_key("sip"));
  EXPECT_NE(sound_key("thin"), sound_key("tin"));
}

TEST(SoundKey, SkipsWhatIsNotALetter) {
  EXPECT_EQ(sound_key("don't"), sound_key("dont"));
  EXPECT_EQ(sound_key(""), "");
}

}  // namespace
}  // namespace copydesk
