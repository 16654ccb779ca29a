/* Reference outputs for xoshiro256++ and SplitMix64, written from the published algorithms
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2019, and
 * https://prng.di.unimi.it/xoshiro256plusplus.c / splitmix64.c).
 *
 * Regenerate the fixture:
 *   cc -O2 -o /tmp/refout reference_outputs.c && /tmp/refout > reference_outputs.txt
 *
 * Format: one "name value" per line, values in decimal. */
#include <stdint.h>
#include <stdio.h>

static inline uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t s[4];

static uint64_t xoshiro_next(void) {
  const uint64_t result = rotl(s[0] + s[3], 23) + s[0];
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

static uint64_t sm;
static uint64_t splitmix_next(void) {
  uint64_t z = (sm += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int main(void) {
  /* xoshiro256++ from the state (1, 2, 3, 4). */
  s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
  for (int i = 0; i < 10; i++) printf("xoshiro_state_1234 %llu\n", (unsigned long long)xoshiro_next());
  /* SplitMix64 from state 1234567 (the seed used in the reference examples). */
  sm = 1234567;
  for (int i = 0; i < 10; i++) printf("splitmix_1234567 %llu\n", (unsigned long long)splitmix_next());
  /* xoshiro256++ seeded with four SplitMix64 outputs from state 42 (the recommended seeding). */
  sm = 42;
  for (int i = 0; i < 4; i++) s[i] = splitmix_next();
  for (int i = 0; i < 10; i++) printf("xoshiro_splitmix_42 %llu\n", (unsigned long long)xoshiro_next());
  /* The state after 2^20 steps from (1, 2, 3, 4), to check a long run. */
  s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
  uint64_t last = 0;
  for (int i = 0; i < (1 << 20); i++) last = xoshiro_next();
  printf("xoshiro_state_1234_step_1048576 %llu\n", (unsigned long long)last);
  return 0;
}
