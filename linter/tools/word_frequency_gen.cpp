// Build-time generator of the word-frequency image (see linter/src/word_frequency_format.hpp).
//
//   word_frequency_gen <word-frequencies.txt> <output.bin>

#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "word_frequency_format.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: word_frequency_gen <word-frequencies.txt> <output.bin>\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + std::string(argv[1]));
    const std::string list{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string image = copydesk::word_frequency_format::build_image(list);
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << image;
    if (!out.flush()) throw std::runtime_error("cannot write " + std::string(argv[2]));
  } catch (const std::exception& error) {
    std::cerr << "word_frequency_gen: " << argv[1] << ": " << error.what() << '\n';
    return 1;
  }
  return 0;
}
