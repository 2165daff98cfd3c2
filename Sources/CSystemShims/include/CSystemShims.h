#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

#include <stddef.h>
#include <stdint.h>

/// Atomically swaps two paths: Linux renameat2 with RENAME_EXCHANGE (which Swift's Glibc
/// module does not import), macOS renamex_np with RENAME_SWAP. Returns 0, or -1 with
/// errno set.
int csystem_exchange_paths(const char *first, const char *second);

/// The offset of the first occurrence of `needle` in `haystack`, or -1: glibc's and
/// macOS's memmem, which Swift's Glibc module does not import (it is a GNU extension).
long csystem_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needleLength);

/// Hands the memory the allocator holds freed back to the system, when the allocator is
/// jemalloc (found at run time: the executables link it, the test bundle does not). Reading
/// an export back frees about as much as the server keeps, which jemalloc would otherwise
/// keep resident for a while after the server listens.
void csystem_release_freed_memory(void);

#endif
