#define _GNU_SOURCE
#include <dlfcn.h>
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

void csystem_release_freed_memory(void) {
    typedef int (*control_t)(const char *, void *, size_t *, void *, size_t);
    // RTLD_DEFAULT: the process's own symbols, whichever library holds them.
    control_t control = (control_t)dlsym(RTLD_DEFAULT, "mallctl");
    // 4096 is MALLCTL_ARENAS_ALL: every arena.
    if (control != NULL) control("arena.4096.purge", NULL, NULL, NULL, 0);
}
