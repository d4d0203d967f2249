// lint_all: files linted on several threads while the directory walk is still finding them,
// with the results handed out in input order.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#ifdef __GLIBC__
#include <pthread.h>
#include <sched.h>
#endif

#include "copydesk/engine.hpp"
#include "copydesk/input.hpp"

namespace copydesk {
namespace {

// One file's failure (out of memory, a rule's exception) is reported for that file instead of
// ending the process, or, on a worker thread, calling std::terminate.
FileResult lint_guarded(const Engine& engine, const Input& input) {
  try {
    return lint_input(engine, input);
  } catch (const std::exception& error) {
    FileResult failed;
    failed.path = input.display_path;
    failed.error = std::string("internal error: ") + error.what();
    return failed;
  }
}

// The same for a file handed out in parts as it is linted (see lint_input): an exception from
// `consume` (the report cannot be written) is passed on; the linting's own ends the file.
void lint_in_parts_guarded(const Engine& engine, const Input& input, const ResultSink& consume) {
  bool consuming = false;
  bool begun = false;  // a part that does not end the file was handed out
  try {
    lint_input(engine, input, [&](FileResult&& part) {
      consuming = true;
      const bool ends = ends_file(part);
      consume(std::move(part));
      consuming = false;
      begun = !ends;
    });
  } catch (const std::exception& error) {
    if (consuming) throw;
    FileResult failed;
    failed.path = input.display_path;
    failed.error = std::string("internal error: ") + error.what();
    failed.part = begun ? FilePart::Last : FilePart::Whole;
    consume(std::move(failed));
  }
}

// A new thread can start on the CPU of the thread that created it, and wait there, or take that
// CPU from its creator, until the load balancer moves it to an idle one, up to a scheduler tick
// later. In a trace of a --jobs 2 run over the 2,225 news articles (perf sched timehist, Linux
// 6.18), the worker waited 2 ms, then ran 4 ms on its creator's CPU while the creator waited
// and the other core stayed idle: 6 ms of a 110 ms run. Allowing the new thread every CPU but
// this one for a moment moves it at once; the full set is then given back, so that the
// scheduler can still move it later (a thread stays where it is when its set grows). Should
// giving it back fail, the thread only keeps off one CPU.
void move_off_this_cpu(std::thread& thread) {
#ifdef __GLIBC__
  const pthread_t handle = thread.native_handle();
  cpu_set_t allowed;
  if (pthread_getaffinity_np(handle, sizeof allowed, &allowed) != 0) return;
  const int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || !CPU_ISSET(here, &allowed) || CPU_COUNT(&allowed) < 2) {
    return;
  }
  cpu_set_t elsewhere = allowed;
  CPU_CLR(here, &elsewhere);
  if (pthread_setaffinity_np(handle, sizeof elsewhere, &elsewhere) == 0) {
    pthread_setaffinity_np(handle, sizeof allowed, &allowed);
  }
#else
  (void)thread;
#endif
}

// Threads beyond the cores only take turns; a few more than the cores keep the parallel path
// in use (and tested) on a one-core machine. "--jobs 100000" must not start 100,000 threads.
unsigned thread_count(unsigned jobs) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (jobs == 0) return cores;
  return std::min(jobs, 2 * cores);
}

// The inputs found so far, in input order, each with its result once linted. The thread that
// calls lint_all finds the inputs, then hands out the results in order, linting files itself
// whenever the next result is not ready: waiting instead cost a sleep and a wake-up per file.
class LintQueue {
 public:
  explicit LintQueue(unsigned max_workers) : max_workers_(max_workers) {}
  ~LintQueue() { stop(); }

  void add(Input&& input, const Engine& engine) {
    std::size_t added;
    {
      std::lock_guard lock(mutex_);
      items_.push_back(Item{std::move(input), &engine, nullptr});
      added = end();
    }
    // A worker for every input after the first, up to the limit: one file (a pre-commit hook
    // on one article) starts no thread; the calling thread lints it.
    if (workers_.size() < max_workers_ && added > workers_.size() + 1) {
      try {
        workers_.emplace_back([this] { work(); });
        move_off_this_cpu(workers_.back());
        return;
      } catch (const std::system_error&) {
        max_workers_ = workers_.size();  // no more threads to be had: go on with these
      }
    }
    can_lint_.notify_one();
  }

  void finish_adding() {
    {
      std::lock_guard lock(mutex_);
      adding_ = false;
    }
    can_lint_.notify_all();  // idle workers see that nothing more will come
  }

  void hand_out(const ResultSink& consume) {
    std::unique_lock lock(mutex_);
    while (!items_.empty()) {
      Item& front = items_.front();
      while (!front.result && !front.in_parts) {
        if (next_ < end() && has_room()) {
          lint_next(lock);
        } else {
          front_done_.wait(lock);
        }
      }
      if (front.in_parts) {
        const Input input = std::move(front.input);
        const Engine& engine = *front.engine;
        items_.pop_front();
        ++first_;
        lock.unlock();
        can_lint_.notify_one();
        lint_in_parts_guarded(engine, input, consume);
        lock.lock();
        continue;
      }
      FileResult result = std::move(*front.result);
      waiting_bytes_ -= held_bytes(result);
      items_.pop_front();
      ++first_;
      lock.unlock();
      can_lint_.notify_one();  // room for one more file ahead
      consume(std::move(result));
      lock.lock();
    }
  }

  // Workers finish the file they are on and end; results not handed out are dropped.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    can_lint_.notify_all();
    for (auto& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
  }

 private:
  struct Item {
    Input input;
    const Engine* engine;
    // Allocated when the file is linted: an input waiting for its turn (all of them in a
    // large tree with --jobs 1) takes a pointer's room for it, not a FileResult's.
    std::unique_ptr<FileResult> result;
    // A large file, linted by the handing-out thread when its turn comes, its parts handed out
    // as they are found: linted ahead, all its findings would wait in memory.
    bool in_parts = false;
  };

  // Results wait for the ones before them (a slow file, or the walk, which must end before any
  // is handed out): linting stops this far ahead so that they cannot fill the memory. A waiting
  // result takes a few hundred bytes besides its text: the count bounds those (to a few MB),
  // the bytes their texts and findings. Walking a tree of 100,000 files takes a fifth of a
  // second, time the other threads would spend waiting with a smaller count (1,024: 9% slower
  // with --jobs 2).
  static constexpr std::size_t kMaxFilesAhead = 16384;
  static constexpr std::size_t kMaxWaitingBytes = std::size_t{32} << 20;

  // About what a result takes: its text, and a few hundred bytes a finding (a small file of
  // one-letter lines has hundreds of thousands of them).
  static std::size_t held_bytes(const FileResult& result) {
    constexpr std::size_t kBytesPerFinding = 256;
    return result.text.size() + result.diagnostics.size() * kBytesPerFinding;
  }

  std::size_t end() const { return first_ + items_.size(); }
  bool has_room() const {
    return next_ - first_ < kMaxFilesAhead && waiting_bytes_ < kMaxWaitingBytes;
  }

  // Lints the next file with `lock` released (the item stays put: items are only removed from
  // the front once their result is there).
  void lint_next(std::unique_lock<std::mutex>& lock) {
    const std::size_t index = next_++;
    Item& item = items_[index - first_];
    lock.unlock();
    if (streams_in_parts(item.input)) {
      lock.lock();
      item.in_parts = true;
      if (index == first_) front_done_.notify_one();
      return;
    }
    auto result = std::make_unique<FileResult>(lint_guarded(*item.engine, item.input));
    lock.lock();
    waiting_bytes_ += held_bytes(*result);
    item.result = std::move(result);
    if (index == first_) front_done_.notify_one();
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      can_lint_.wait(lock, [&] {
        return stopping_ || (next_ < end() && has_room()) || (!adding_ && next_ >= end());
      });
      if (stopping_ || next_ >= end()) return;
      lint_next(lock);
    }
  }

  std::mutex mutex_;
  std::condition_variable can_lint_;    // workers: a file to lint and room, or the end
  std::condition_variable front_done_;  // the handing-out thread: the next result is there
  std::deque<Item> items_;              // items_[0] is input number first_
  std::size_t first_ = 0;               // inputs handed out
  std::size_t next_ = 0;                // inputs taken to lint
  std::size_t waiting_bytes_ = 0;       // held by results not handed out (see held_bytes)
  bool adding_ = true;
  bool stopping_ = false;
  std::size_t max_workers_;
  std::vector<std::thread> workers_;  // started and joined by the calling thread only
};

}  // namespace

void lint_all(const InputSource& produce, unsigned jobs, const ResultSink& consume) {
  // The calling thread lints too, so there are jobs - 1 workers.
  LintQueue queue(thread_count(jobs) - 1);
  // An exception from `produce` (a broken configuration) or `consume` (the report cannot be
  // written) stops the workers through ~LintQueue before it is passed on.
  produce([&](Input&& input, const Engine& engine) { queue.add(std::move(input), engine); });
  queue.finish_adding();
  queue.hand_out(consume);
}

}  // namespace copydesk
