#if canImport(Glibc)
    import Glibc
#endif

/// Hands the memory start-up has freed back to the system at once. Reading an export back
/// frees about as much as the server keeps (every feed passes through a copy on its way
/// into a response buffer), and the allocator would otherwise keep those pages resident
/// for a while after the server listens.
enum FreedMemory {
    /// jemalloc's control call. The executables link jemalloc; without it (the test bundle)
    /// the system's allocator keeps its pages.
    private typealias Control =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
            UnsafeMutableRawPointer?,
            Int
        ) -> Int32

    static func release() {
        #if canImport(Glibc)
            // RTLD_DEFAULT: the process's own symbols, whichever library holds them.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") else { return }
            // 4096 is MALLCTL_ARENAS_ALL: every arena.
            _ = unsafeBitCast(symbol, to: Control.self)("arena.4096.purge", nil, nil, nil, 0)
        #endif
    }
}
