#ifndef KB_INTRINSICS_H
#define KB_INTRINSICS_H

/// A hint that `p` will be read soon: the perceptron's look-ups issue all of a state's table
/// reads before using any, so that their cache misses overlap instead of queueing.
static inline void kb_prefetch(const void *p) { __builtin_prefetch(p, 0, 1); }

#endif
