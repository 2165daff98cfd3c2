#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CSystemShims.h"

int csystem_exchange_paths(const char *first, const char *second) {
#if defined(__APPLE__)
    // macOS 10.12 and later: the same atomic exchange, under another name.
    return renamex_np(first, second, RENAME_SWAP);
#elif defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#include <string.h>
#include <zlib.h>

size_t csystem_gzip_bound(size_t length) {
    // deflateBound plus the gzip header and trailer (18 bytes), with room to spare.
    return length + length / 1000 + 64 + 18 + 64;
}

size_t csystem_gzip(const uint8_t *input, size_t length, uint8_t *output, size_t capacity) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // windowBits 15 + 16: a gzip wrapper; zlib writes MTIME 0 and no name when no header
    // is set with deflateSetHeader.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        return 0;
    }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = output;
    stream.avail_out = (uInt)capacity;
    int result = deflate(&stream, Z_FINISH);
    size_t written = stream.total_out;
    deflateEnd(&stream);
    return result == Z_STREAM_END ? written : 0;
}

int csystem_gunzip_equals(const uint8_t *compressed, size_t compressedLength, const uint8_t *expected,
                          size_t expectedLength) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // windowBits 15 + 16: gzip only (no zlib or raw streams).
    if (inflateInit2(&stream, 15 + 16) != Z_OK) { return -1; }
    uint8_t chunk[1 << 16];
    size_t compared = 0;
    int result = Z_OK;
    int same = 1;
    stream.next_in = (Bytef *)compressed;
    stream.avail_in = (uInt)compressedLength;
    while (same && result == Z_OK) {
        stream.next_out = chunk;
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) { same = 0; break; }
        size_t produced = sizeof chunk - stream.avail_out;
        if (produced > expectedLength - compared || memcmp(chunk, expected + compared, produced) != 0) {
            same = 0;
            break;
        }
        compared += produced;
    }
    // One member, nothing after it, and every expected byte produced.
    if (same && (result != Z_STREAM_END || stream.avail_in != 0 || compared != expectedLength)) { same = 0; }
    inflateEnd(&stream);
    return same;
}

long csystem_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needleLength) {
    const uint8_t *found = memmem(haystack, length, needle, needleLength);
    return found ? (long)(found - haystack) : -1;
}

int csystem_gzip_trailer_matches(const uint8_t *compressed, size_t compressedLength, const uint8_t *plain,
                                 size_t plainLength) {
    if (compressedLength < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b || compressed[2] != 8) return 0;
    const uint8_t *trailer = compressed + compressedLength - 8;
    uint32_t crc = (uint32_t)trailer[0] | (uint32_t)trailer[1] << 8 | (uint32_t)trailer[2] << 16 |
                   (uint32_t)trailer[3] << 24;
    uint32_t size = (uint32_t)trailer[4] | (uint32_t)trailer[5] << 8 | (uint32_t)trailer[6] << 16 |
                    (uint32_t)trailer[7] << 24;
    if (size != (uint32_t)plainLength) return 0;
    return (uint32_t)crc32_z(0, plain, plainLength) == crc;
}
