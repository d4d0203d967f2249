#pragma once

// A linear classifier over hashed features, stored in a flat table that is read in place from
// the bytes the training tools write (embedded in the binary): no parsing or allocation at
// start-up, one or two probes per feature. The part-of-speech tagger and the confusion-set
// model are both made of these.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// --- Feature hashing ---------------------------------------------------------------------

inline constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline constexpr std::uint64_t hash_text(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return mix64(hash);
}

// A feature: a template number and up to two values (word or tag hashes).
inline constexpr std::uint64_t feature_key(std::uint32_t template_id, std::uint64_t a,
                                           std::uint64_t b = 0) {
  return mix64(a * 0x9E3779B97F4A7C15ULL + mix64(b ^ (0xA24BAED4963EE407ULL * (template_id + 1))));
}

// --- The model ---------------------------------------------------------------------------

class LinearModel {
 public:
  LinearModel() = default;
  // Reads one model from `bytes` (which must outlive it) and advances `bytes` past it. Throws
  // std::runtime_error when the bytes are not a model of this version.
  static LinearModel read(std::span<const std::byte>& bytes);

  std::size_t class_count() const { return class_names_.size(); }
  std::string_view class_name(std::size_t index) const { return class_names_[index]; }
  // The class's index, or -1.
  int class_index(std::string_view name) const;

  // Adds the weights of every feature to `scores` (class_count() entries); unknown features
  // add 0. Every table line is asked for before any is read, so the trips to memory overlap
  // (the tables are larger than the caches).
  void add_all(std::span<const std::uint64_t> features, std::span<std::int32_t> scores) const;

  // What one unit of a score is worth in the trained weights.
  float scale() const { return scale_; }

  static std::uint32_t key_of(std::uint64_t feature) {
    return static_cast<std::uint32_t>(feature >> 32) | 1u;
  }

 private:
  // The weights of the feature in `slot`: in the bucket itself for a few classes (one trip to
  // memory), else in a row the bucket names.
  const std::int16_t* weights_in(std::uint32_t slot) const {
    const std::uint32_t* bucket = buckets_ + std::size_t{slot} * stride_;
    if (rows_ == nullptr) return reinterpret_cast<const std::int16_t*>(bucket + 1);
    return rows_ + std::size_t{bucket[1]} * class_names_.size();
  }

  std::vector<std::string_view> class_names_;
  // Buckets of `stride_` words: a key (0: empty), then the weights or a row number.
  const std::uint32_t* buckets_ = nullptr;
  const std::int16_t* rows_ = nullptr;  // null when the weights are in the buckets
  std::uint32_t stride_ = 2;
  std::uint32_t bucket_mask_ = 0;
  float scale_ = 1.0f;
};

// Writes a model in the format LinearModel::read takes: for the training tools.
class LinearModelWriter {
 public:
  explicit LinearModelWriter(std::vector<std::string> class_names)
      : class_names_(std::move(class_names)) {}
  void set(std::uint64_t feature, std::vector<float> weights);
  // Appends the model to `out`.
  void write(std::string& out) const;

 private:
  std::vector<std::string> class_names_;
  std::map<std::uint64_t, std::vector<float>> weights_;
};

// Little helpers for the containers that hold several models.
void append_u32(std::string& out, std::uint32_t value);
void append_f32(std::string& out, float value);
void append_name(std::string& out, std::string_view name);  // length, bytes, padding to 4
std::uint32_t read_u32(std::span<const std::byte>& bytes);
float read_f32(std::span<const std::byte>& bytes);
std::string_view read_name(std::span<const std::byte>& bytes);

}  // namespace copydesk
