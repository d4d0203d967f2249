# The word-frequency image (see linter/src/word_frequency_format.hpp): the words of
# dictionaries/word-frequencies.txt with their counts and deletion indexes, computed once at
# build time by linter/tools/word_frequency_gen.cpp and embedded with the models, so that a run
# that ranks a suggestion builds no index. Appends the image to COPYDESK_GENERATED_MODELS.

add_executable(copydesk_word_frequency_gen ${PROJECT_SOURCE_DIR}/linter/tools/word_frequency_gen.cpp
                                           ${PROJECT_SOURCE_DIR}/linter/src/sound_key.cpp)
target_include_directories(copydesk_word_frequency_gen PRIVATE ${PROJECT_SOURCE_DIR}/linter/src
                                                               ${PROJECT_SOURCE_DIR}/linter/include)
target_compile_options(copydesk_word_frequency_gen PRIVATE ${COPYDESK_WARNINGS})

set(word_frequency_list ${PROJECT_SOURCE_DIR}/dictionaries/word-frequencies.txt)
set(word_frequency_image ${PROJECT_BINARY_DIR}/generated/word-frequencies.bin)
add_custom_command(
  OUTPUT ${word_frequency_image}
  COMMAND copydesk_word_frequency_gen ${word_frequency_list} ${word_frequency_image}
  DEPENDS copydesk_word_frequency_gen ${word_frequency_list}
  COMMENT "Indexing the word frequencies"
  VERBATIM)
list(APPEND COPYDESK_GENERATED_MODELS ${word_frequency_image})
