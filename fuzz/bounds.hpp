#pragma once
// What the fuzz target holds every input to beyond "no crash": the text rule for everything
// estab writes, and (with ESTAB_FUZZ_BOUNDS=1) a cost bound per input byte.
//
// The cost bound is the release rule (a file is checked within 2 s and 300 MB per 10 MB) with
// room for the sanitizers, which slow the code about tenfold but do not change what it
// allocates. Heap is measured with the sanitizer allocator's hooks: bytes asked for and not yet
// given back, at their peak during a stage.
#include <sanitizer/allocator_interface.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estab_fuzz {

/// Fixed time a stage may take on any input, in seconds.
constexpr double kBaseSeconds = 0.5;
/// Time a check (loading and validating, or failing with its messages) may add per input byte.
constexpr double kCheckSecondsPerByte = 2e-6;
/// Time the review and every output format may add per input byte and per output byte.
constexpr double kRenderSecondsPerByte = 2e-6;
/// Heap any check may hold, whatever its input.
constexpr std::size_t kBaseHeapBytes = std::size_t{32} << 20;
/// Heap a check may add per input byte (300 MB per 10 MB).
constexpr std::size_t kHeapBytesPerByte = 30;
/// Time a sensitivity run may take per scaled review, as a multiple of one review's.
constexpr double kSensitivityReviewsSlack = 3.0;

/// Where the text rule is broken ("byte 12: control character 0x1b"), or nothing when `text`
/// is strict UTF-8 (no overlong form, no surrogate, nothing above U+10FFFF) whose only control
/// characters are line feed, a carriage return before one, and tab. `coloured` also allows the SGR
/// colour sequences a table writes (ESC [ digits and semicolons m).
inline std::optional<std::string> text_rule_breach(std::string_view text, bool coloured) {
  const auto at = [](std::size_t offset, const std::string& what) {
    return "byte " + std::to_string(offset) + ": " + what;
  };
  for (std::size_t offset = 0; offset < text.size();) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead == 0x1b && coloured && offset + 1 < text.size() && text[offset + 1] == '[') {
      std::size_t end = offset + 2;
      while (end < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == ';')) {
        ++end;
      }
      if (end < text.size() && text[end] == 'm') {
        offset = end + 1;
        continue;
      }
    }
    if (lead < 0x80) {
      const bool line_end = lead == '\n' || (lead == '\r' && offset + 1 < text.size() &&
                                             text[offset + 1] == '\n');  // CSV ends lines so
      if ((lead < 0x20 && !line_end && lead != '\t') || lead == 0x7f) {
        return at(offset, "control character " + std::to_string(lead));
      }
      ++offset;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      code_point = lead & 0x1fU;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      code_point = lead & 0x0fU;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      code_point = lead & 0x07U;
    } else {
      return at(offset, "a byte that cannot start a UTF-8 character");
    }
    if (offset + length > text.size()) return at(offset, "a UTF-8 character cut short");
    for (std::size_t next = 1; next < length; ++next) {
      const auto byte = static_cast<unsigned char>(text[offset + next]);
      if ((byte & 0xc0U) != 0x80U) return at(offset, "a UTF-8 character cut short");
      code_point = (code_point << 6U) | (byte & 0x3fU);
    }
    const std::uint32_t shortest_from = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (code_point < shortest_from) return at(offset, "an overlong UTF-8 form");
    if (code_point >= 0xd800 && code_point <= 0xdfff) return at(offset, "a UTF-16 surrogate");
    if (code_point > 0x10ffff) return at(offset, "a code point above U+10FFFF");
    if (code_point >= 0x80 && code_point <= 0x9f) {
      return at(offset, "C1 control character " + std::to_string(code_point));
    }
    offset += length;
  }
  return std::nullopt;
}

/// The heap in use, as the sanitizer allocator's hooks see it, and its peak since a reset.
class HeapMeter {
 public:
  /// Starts counting (the hooks are installed once per process).
  static void install() {
    static const bool installed = [] {
      __sanitizer_install_malloc_and_free_hooks(&on_malloc, &on_free);
      return true;
    }();
    (void)installed;
  }
  /// Makes the heap now in use the baseline of the next peak.
  static void reset_peak() {
    const std::int64_t now = live().load();
    baseline() = now;
    peak().store(now);
  }
  /// The most heap in use above the baseline since the last reset, in bytes.
  static std::size_t peak_above_baseline() {
    const std::int64_t grown = peak().load() - baseline();
    return grown > 0 ? static_cast<std::size_t>(grown) : 0;
  }

 private:
  static std::atomic<std::int64_t>& live() {
    static std::atomic<std::int64_t> bytes{0};
    return bytes;
  }
  static std::atomic<std::int64_t>& peak() {
    static std::atomic<std::int64_t> bytes{0};
    return bytes;
  }
  static std::int64_t& baseline() {
    static std::int64_t bytes = 0;
    return bytes;
  }
  static void on_malloc(const volatile void* /*block*/, std::size_t size) {
    const std::int64_t now =
        live().fetch_add(static_cast<std::int64_t>(size)) + static_cast<std::int64_t>(size);
    std::int64_t seen = peak().load();
    while (now > seen && !peak().compare_exchange_weak(seen, now)) {
    }
  }
  static void on_free(const volatile void* block) {
    // Called while the block is still allocated, so its size can be asked.
    const void* plain = const_cast<const void*>(block);
    live().fetch_sub(static_cast<std::int64_t>(__sanitizer_get_allocated_size(plain)));
  }
};

/// Times one stage of an input's run.
class StageClock {
 public:
  StageClock() : started_(std::chrono::steady_clock::now()) {}
  /// Seconds since the clock was made.
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }

 private:
  std::chrono::steady_clock::time_point started_;
};

/// Where a stage broke its bound, in words, or nothing.
inline std::optional<std::string> cost_breach(const std::string& stage, double seconds,
                                              double allowed_seconds, std::size_t heap_bytes,
                                              std::size_t allowed_heap_bytes) {
  if (seconds > allowed_seconds) {
    return stage + " took " + std::to_string(seconds) + " s, bound " +
           std::to_string(allowed_seconds) + " s";
  }
  if (heap_bytes > allowed_heap_bytes) {
    return stage + " held " + std::to_string(heap_bytes) + " bytes of heap, bound " +
           std::to_string(allowed_heap_bytes);
  }
  return std::nullopt;
}

}  // namespace estab_fuzz
