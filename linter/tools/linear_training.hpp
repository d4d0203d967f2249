#pragma once

// The learners of the training tools, both over hashed features and written as LinearModel
// bytes: an averaged perceptron (the tagger) and multinomial logistic regression (the
// confusion sets, whose thresholds need scores that mean the same in every set).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "copydesk/linear_model.hpp"

namespace copydesk::training {

// Weights per hashed feature and class, averaged over every update (lazily, by remembering when
// each weight last changed).
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(std::size_t class_count) : classes_(class_count) {}

  std::size_t class_count() const { return classes_; }

  // Scores with the current (not averaged) weights.
  void score(std::span<const std::uint64_t> features, std::vector<float>& scores) const {
    scores.assign(classes_, 0.0f);
    for (const std::uint64_t feature : features) {
      const auto found = index_.find(feature);
      if (found == index_.end()) continue;
      const float* w = &weights_[std::size_t{found->second} * classes_];
      for (std::size_t c = 0; c < classes_; ++c) scores[c] += w[c];
    }
  }

  std::size_t predict(std::span<const std::uint64_t> features, std::vector<float>& scores) const {
    score(features, scores);
    std::size_t best = 0;
    for (std::size_t c = 1; c < classes_; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    return best;
  }

  // One example seen: counts its features, and moves weight from `guess` to `truth` when they
  // differ.
  void learn(std::span<const std::uint64_t> features, std::size_t truth, std::size_t guess) {
    ++now_;
    for (const std::uint64_t feature : features) {
      const std::uint32_t row = row_of(feature);
      ++counts_[row];
      if (truth == guess) continue;
      nudge(row, truth, 1.0f);
      nudge(row, guess, -1.0f);
    }
  }

  // The averaged weights of features seen at least `min_count` times, as a model.
  void write(std::vector<std::string> class_names, std::uint32_t min_count,
             std::string& out) const {
    LinearModelWriter writer(std::move(class_names));
    for (const auto& [feature, row] : index_) {
      if (counts_[row] < min_count) continue;
      std::vector<float> averaged(classes_);
      bool any = false;
      for (std::size_t c = 0; c < classes_; ++c) {
        const std::size_t i = std::size_t{row} * classes_ + c;
        const double total = totals_[i] + static_cast<double>(now_ - stamps_[i]) * weights_[i];
        averaged[c] =
            static_cast<float>(total / static_cast<double>(std::max<std::uint64_t>(now_, 1)));
        any = any || std::fabs(averaged[c]) > 1e-4f;
      }
      if (any) writer.set(feature, std::move(averaged));
    }
    writer.write(out);
  }

  std::size_t feature_count() const { return index_.size(); }

 private:
  std::uint32_t row_of(std::uint64_t feature) {
    const auto [found, added] =
        index_.try_emplace(feature, static_cast<std::uint32_t>(counts_.size()));
    if (added) {
      counts_.push_back(0);
      weights_.resize(weights_.size() + classes_, 0.0f);
      totals_.resize(totals_.size() + classes_, 0.0);
      stamps_.resize(stamps_.size() + classes_, 0);
    }
    return found->second;
  }

  void nudge(std::uint32_t row, std::size_t c, float by) {
    const std::size_t i = std::size_t{row} * classes_ + c;
    totals_[i] += static_cast<double>(now_ - stamps_[i]) * weights_[i];
    stamps_[i] = now_;
    weights_[i] += by;
  }

  std::size_t classes_;
  std::uint64_t now_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::uint32_t> counts_;
  std::vector<float> weights_;
  std::vector<double> totals_;
  std::vector<std::uint64_t> stamps_;
};

}  // namespace copydesk::training

namespace copydesk::training {

// Multinomial logistic regression trained by AdaGrad with L2 on the weights an example touches:
// its scores are log-odds, so margins mean the same in every set.
class LogisticRegression {
 public:
  LogisticRegression(std::size_t class_count, float rate, float l2, float prune)
      : classes_(class_count), rate_(rate), l2_(l2), prune_(prune) {}

  void learn(std::span<const std::uint64_t> features, std::size_t truth) {
    scores.assign(classes_, 0.0f);
    rows.clear();
    for (const std::uint64_t feature : features) {
      rows.push_back(row_of(feature));
      ++counts_[rows.back()];
      const float* w = &weights_[std::size_t{rows.back()} * classes_];
      for (std::size_t c = 0; c < classes_; ++c) scores[c] += w[c];
    }
    float top = *std::max_element(scores.begin(), scores.end()), total = 0.0f;
    for (float& s : scores) total += (s = std::exp(s - top));
    for (const std::uint32_t row : rows) {
      for (std::size_t c = 0; c < classes_; ++c) {
        const std::size_t i = std::size_t{row} * classes_ + c;
        const float gradient = scores[c] / total - (c == truth ? 1.0f : 0.0f) + l2_ * weights_[i];
        squares_[i] += gradient * gradient;
        weights_[i] -= rate_ * gradient / std::sqrt(squares_[i] + 1e-8f);
      }
    }
  }

  // Writes the weights of features seen at least `min_count` times (over all passes).
  void write(std::vector<std::string> class_names, std::uint32_t min_count,
             std::string& out) const {
    LinearModelWriter writer(std::move(class_names));
    for (const auto& [feature, row] : index_) {
      if (counts_[row] < min_count) continue;
      std::vector<float> w(
          weights_.begin() + static_cast<std::ptrdiff_t>(std::size_t{row} * classes_),
          weights_.begin() + static_cast<std::ptrdiff_t>(std::size_t{row + 1} * classes_));
      if (std::any_of(w.begin(), w.end(), [this](float x) { return std::fabs(x) > prune_; })) {
        writer.set(feature, std::move(w));
      }
    }
    writer.write(out);
  }

 private:
  std::uint32_t row_of(std::uint64_t feature) {
    const auto [found, added] =
        index_.try_emplace(feature, static_cast<std::uint32_t>(index_.size()));
    if (added) {
      counts_.push_back(0);
      weights_.resize(weights_.size() + classes_, 0.0f);
      squares_.resize(squares_.size() + classes_, 0.0f);
    }
    return found->second;
  }

  std::size_t classes_;
  float rate_;
  float l2_;
  float prune_;  // weights no larger than this are left out of the written model
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<float> weights_;
  std::vector<float> squares_;
  std::vector<std::uint32_t> counts_;
  std::vector<float> scores;
  std::vector<std::uint32_t> rows;
};

}  // namespace copydesk::training
