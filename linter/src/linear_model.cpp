#include "copydesk/linear_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace copydesk {
namespace {

constexpr std::uint32_t kMagic = 0x4D4C4443;  // "CDLM"
constexpr std::uint32_t kVersion = 2;
// Up to this many classes, the weights live in the bucket.
constexpr std::size_t kMostInlineClasses = 6;

std::uint32_t stride_for(std::size_t classes) {
  return classes <= kMostInlineClasses ? 1 + static_cast<std::uint32_t>((classes + 1) / 2) : 2;
}

void need(const std::span<const std::byte>& bytes, std::size_t size) {
  if (bytes.size() < size) throw std::runtime_error("model data is truncated");
}

void pad_to_four(std::string& out) {
  while (out.size() % 4 != 0) out.push_back('\0');
}

}  // namespace

void append_u32(std::string& out, std::uint32_t value) {
  char bytes[4];
  std::memcpy(bytes, &value, 4);
  out.append(bytes, 4);
}

void append_f32(std::string& out, float value) {
  append_u32(out, std::bit_cast<std::uint32_t>(value));
}

void append_name(std::string& out, std::string_view name) {
  append_u32(out, static_cast<std::uint32_t>(name.size()));
  out.append(name);
  pad_to_four(out);
}

std::uint32_t read_u32(std::span<const std::byte>& bytes) {
  need(bytes, 4);
  std::uint32_t value = 0;
  std::memcpy(&value, bytes.data(), 4);
  bytes = bytes.subspan(4);
  return value;
}

float read_f32(std::span<const std::byte>& bytes) { return std::bit_cast<float>(read_u32(bytes)); }

std::string_view read_name(std::span<const std::byte>& bytes) {
  const std::uint32_t size = read_u32(bytes);
  const std::size_t padded = (size + 3u) & ~std::size_t{3};
  need(bytes, padded);
  const std::string_view name(reinterpret_cast<const char*>(bytes.data()), size);
  bytes = bytes.subspan(padded);
  return name;
}

LinearModel LinearModel::read(std::span<const std::byte>& bytes) {
  if (read_u32(bytes) != kMagic) throw std::runtime_error("not a copydesk model");
  if (read_u32(bytes) != kVersion) throw std::runtime_error("model of another version");
  LinearModel model;
  const std::uint32_t classes = read_u32(bytes);
  for (std::uint32_t c = 0; c < classes; ++c) model.class_names_.push_back(read_name(bytes));
  model.scale_ = read_f32(bytes);
  const std::uint32_t bucket_count = read_u32(bytes);
  const std::uint32_t row_count = read_u32(bytes);
  if (bucket_count == 0 || !std::has_single_bit(bucket_count) || row_count >= bucket_count) {
    throw std::runtime_error("model table is malformed");
  }
  const bool inline_weights = classes <= kMostInlineClasses;
  model.stride_ = stride_for(classes);
  const std::size_t bucket_bytes = std::size_t{bucket_count} * model.stride_ * 4;
  const std::size_t row_bytes =
      inline_weights ? 0 : (std::size_t{row_count} * classes * 2 + 3) & ~std::size_t{3};
  need(bytes, bucket_bytes + row_bytes);
  model.buckets_ = reinterpret_cast<const std::uint32_t*>(bytes.data());
  if (!inline_weights)
    model.rows_ = reinterpret_cast<const std::int16_t*>(bytes.data() + bucket_bytes);
  model.bucket_mask_ = bucket_count - 1;
  bytes = bytes.subspan(bucket_bytes + row_bytes);
  return model;
}

void LinearModel::add_all(std::span<const std::uint64_t> features,
                          std::span<std::int32_t> scores) const {
  if (bucket_mask_ == 0) return;
  constexpr std::size_t kBatch = 64;
  std::uint32_t slots[kBatch];
  for (std::size_t begin = 0; begin < features.size(); begin += kBatch) {
    const std::size_t count = std::min(kBatch, features.size() - begin);
    const std::uint64_t* batch = features.data() + begin;
    for (std::size_t f = 0; f < count; ++f) {
      __builtin_prefetch(
          &buckets_[std::size_t{static_cast<std::uint32_t>(batch[f]) & bucket_mask_} * stride_]);
    }
    std::size_t found = 0;
    for (std::size_t f = 0; f < count; ++f) {
      const std::uint32_t key = key_of(batch[f]);
      for (std::uint32_t slot = static_cast<std::uint32_t>(batch[f]) & bucket_mask_;;
           slot = (slot + 1) & bucket_mask_) {
        const std::uint32_t stored = buckets_[std::size_t{slot} * stride_];
        if (stored == key) {
          slots[found++] = slot;
          if (rows_ != nullptr) __builtin_prefetch(weights_in(slot));
          break;
        }
        if (stored == 0) break;
      }
    }
    for (std::size_t r = 0; r < found; ++r) {
      const std::int16_t* weights = weights_in(slots[r]);
      for (std::size_t c = 0; c < scores.size(); ++c) scores[c] += weights[c];
    }
  }
}

int LinearModel::class_index(std::string_view name) const {
  const auto found = std::find(class_names_.begin(), class_names_.end(), name);
  return found == class_names_.end() ? -1 : static_cast<int>(found - class_names_.begin());
}

void LinearModelWriter::set(std::uint64_t feature, std::vector<float> weights) {
  weights_[feature] = std::move(weights);
}

void LinearModelWriter::write(std::string& out) const {
  const std::size_t classes = class_names_.size();
  float largest = 0.0f;
  for (const auto& [feature, weights] : weights_) {
    for (const float w : weights) largest = std::max(largest, std::fabs(w));
  }
  const float scale = largest > 0.0f ? largest / 32767.0f : 1.0f;
  std::uint32_t bucket_count = 16;
  while (bucket_count < weights_.size() * 2) bucket_count *= 2;

  const std::uint32_t stride = stride_for(classes);
  const bool inline_weights = classes <= kMostInlineClasses;
  std::vector<std::uint32_t> buckets(std::size_t{bucket_count} * stride, 0);
  std::vector<std::int16_t> rows;
  std::uint32_t row_count = 0;
  for (const auto& [feature, weights] : weights_) {
    std::uint32_t slot = static_cast<std::uint32_t>(feature) & (bucket_count - 1);
    while (buckets[std::size_t{slot} * stride] != 0) slot = (slot + 1) & (bucket_count - 1);
    std::uint32_t* bucket = &buckets[std::size_t{slot} * stride];
    bucket[0] = LinearModel::key_of(feature);
    std::vector<std::int16_t> quantized;
    for (const float w : weights)
      quantized.push_back(static_cast<std::int16_t>(std::lround(w / scale)));
    if (inline_weights) {
      std::memcpy(bucket + 1, quantized.data(), quantized.size() * 2);
    } else {
      bucket[1] = row_count;
      rows.insert(rows.end(), quantized.begin(), quantized.end());
    }
    ++row_count;
  }

  append_u32(out, kMagic);
  append_u32(out, kVersion);
  append_u32(out, static_cast<std::uint32_t>(classes));
  for (const std::string& name : class_names_) append_name(out, name);
  append_f32(out, scale);
  append_u32(out, bucket_count);
  append_u32(out, row_count);
  out.append(reinterpret_cast<const char*>(buckets.data()), buckets.size() * 4);
  out.append(reinterpret_cast<const char*>(rows.data()), rows.size() * 2);
  pad_to_four(out);
}

}  // namespace copydesk
