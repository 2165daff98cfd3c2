#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

/// Atomically swaps two paths: Linux renameat2 with RENAME_EXCHANGE (which Swift's Glibc
/// module does not import), macOS renamex_np with RENAME_SWAP. Returns 0, or -1 with
/// errno set.
int csystem_exchange_paths(const char *first, const char *second);

#include <stddef.h>
#include <stdint.h>

/// The worst-case gzip size of `length` bytes, for sizing the output of csystem_gzip.
size_t csystem_gzip_bound(size_t length);

/// Compresses `length` bytes as one gzip member (RFC 1952) at the best level, with no
/// file name and a zero modification time in the header, so the same bytes always give
/// the same output. Returns the number of bytes written to `output`, or 0 on failure.
size_t csystem_gzip(const uint8_t *input, size_t length, uint8_t *output, size_t capacity);

/// Whether `compressed` is one gzip member (RFC 1952) that decompresses to exactly the
/// `expectedLength` bytes at `expected`, with nothing after it. Decompresses in small
/// chunks and stops at the first difference, so it holds no copy of either. Returns 1 or
/// 0, or -1 when zlib cannot start.
int csystem_gunzip_equals(const uint8_t *compressed, size_t compressedLength, const uint8_t *expected,
                          size_t expectedLength);

/// Whether `compressed` is a gzip file (RFC 1952) whose trailer names `plain`: the
/// CRC-32 and the length (mod 2^32) of `plainLength` bytes at `plain`. Reads only the
/// header, the trailer and `plain`, so it is far cheaper than decompressing; a stream
/// corrupted between header and trailer is not detected. Returns 1 or 0.
int csystem_gzip_trailer_matches(const uint8_t *compressed, size_t compressedLength, const uint8_t *plain,
                                 size_t plainLength);

/// The offset of the first occurrence of `needle` in `haystack`, or -1: glibc's and
/// macOS's memmem, which Swift's Glibc module does not import (it is a GNU extension).
long csystem_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needleLength);

#endif
