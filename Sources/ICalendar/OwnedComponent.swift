import CLibical
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serializes every use of libical in the process: its error state, ring buffers and
/// parser are global and unguarded. Held only while libical runs, never while a
/// caller's code does.
///
/// NIO's lock rather than the standard library's `Mutex`, here and in every other module:
/// it is a pthread mutex, which ThreadSanitizer understands, while `Mutex` on Linux waits
/// on a futex that ThreadSanitizer cannot see, so every access it guards is reported as
/// a race (`scripts/sanitize.sh thread`).
let libical = NIOLock()

/// An `icalcomponent` this module owns and frees.
final class OwnedComponent {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer?) {
        guard let pointer else { fatalError("libical could not allocate a component") }
        self.pointer = pointer
    }

    deinit { icalcomponent_free(pointer) }

    /// Adds a property; nil (a property left out) is skipped.
    func add(_ property: OpaquePointer?) {
        guard let property else { return }
        icalcomponent_add_property(pointer, property)
    }

    /// Serializes with the reentrant `_r` variant (the plain one returns ring-buffer
    /// memory) and repairs libical 3.0.16's folding slips. Call with the lock held.
    func serialized() -> [UInt8] {
        guard let text = icalcomponent_as_ical_string_r(pointer) else { return [] }
        defer { icalmemory_free_buffer(text) }
        let length = strlen(text)
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            FoldRepair.repaired(UnsafeBufferPointer(start: start, count: length))
        }
    }
}
