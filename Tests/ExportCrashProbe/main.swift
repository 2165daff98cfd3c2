// A test-only stand-in for a large export: writes a synthetic set of files through the
// same `ExportDirectory.replace(with:)` that `samverkan export` uses, big enough that
// `ExportKillTests` can land SIGKILLs while files are being written.
//
//     export-crash-probe OUTPUT FILES BYTES GENERATION
//
// The same arguments always write the same bytes; GENERATION changes every file's bytes.

import ExportFiles
import Foundation
import Registry

let arguments = CommandLine.arguments
guard arguments.count == 5, let files = Int(arguments[2]), let size = Int(arguments[3]),
    let generation = Int(arguments[4]), files > 0, size > 0
else {
    FileHandle.standardError.write(Data("usage: export-crash-probe OUTPUT FILES BYTES GENERATION\n".utf8))
    exit(2)
}

var set: [ExportFile] = []
for index in 0..<files {
    // Paths spread over subfolders like the real export's municipalities/ and bodies/.
    let folder = ["", "municipalities/", "bodies/"][index % 3]
    let header = "BEGIN:VCALENDAR\r\nX-PROBE:generation \(generation) file \(index)\r\n"
    var bytes = Array(header.utf8)
    var state = UInt64(truncatingIfNeeded: generation &* 1_000_003 &+ index)
    while bytes.count < size - 15 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(65 + (state >> 59)))
    }
    bytes += Array("\r\nEND:VCALENDAR\r\n".utf8)
    set.append(ExportFile(path: "\(folder)feed-\(index).ics", bytes: bytes, lastModified: Day(2026, 4, 10)))
}
set.append(
    ExportFile(path: "sequences.tsv", text: "# generation \(generation)\n", lastModified: Day(2026, 4, 10)))

do {
    try ExportDirectory(URL(fileURLWithPath: arguments[1])).replace(with: set)
    print("Wrote \(set.count) files to \(arguments[1])/.")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
