#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

/// Atomically swaps two paths: Linux renameat2 with RENAME_EXCHANGE (which Swift's Glibc
/// module does not import), macOS renamex_np with RENAME_SWAP. Returns 0, or -1 with
/// errno set.
int csystem_exchange_paths(const char *first, const char *second);

#endif
