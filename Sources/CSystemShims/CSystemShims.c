#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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

long csystem_find(const uint8_t *haystack, size_t length, const uint8_t *needle, size_t needleLength) {
    const uint8_t *found = memmem(haystack, length, needle, needleLength);
    return found ? (long)(found - haystack) : -1;
}
