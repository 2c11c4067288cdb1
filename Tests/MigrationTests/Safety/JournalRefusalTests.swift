import Foundation
import TestSupport
import Testing

@testable import Migration

/// A journal serves one migration, one shell at a time, and is trusted only when intact: each refusal says
/// why and what to do.
@Suite struct JournalRefusalTests {
  static let rows = (1...300).map {
    RosterDraft(
      source: "r.csv", line: $0 + 1, userInput: "user\($0)@example.com",
      userID: String(format: "00u%017d", $0),
      entryID: "cen1234567890abcdefg")
  }

  @Test func aJournalOfAnotherOrgIsRefusedNamingBoth() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    let journal = try Journal(path: path)
    defer { journal.close() }
    try journal.bind(orgURL: "https://acme.okta.com")
    // The same org however it is typed.
    try journal.bind(orgURL: "https://ACME.okta.com/")
    #expect {
      try journal.bind(orgURL: "https://acme-sandbox.oktapreview.com")
    } throws: { error in
      let text = "\(error)"
      return text.contains(path) && text.contains("https://acme.okta.com")
        && text.contains("https://acme-sandbox.oktapreview.com") && text.contains("--journal NEW.db")
    }
    #expect(try journal.binding().orgURL == "https://acme.okta.com")
  }

  @Test func aJournalOfAnotherResourceIsRefusedNamingBoth() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    do {
      let journal = try Journal(path: path)
      try journal.bind(resourceID: "0oaSALESFORCE0000001")
      journal.close()
    }
    // Still refused after the shell that made it is gone.
    let reopened = try Journal(path: path)
    defer { reopened.close() }
    #expect {
      try reopened.bind(resourceID: "0oaSLACK000000000001")
    } throws: { error in
      let text = "\(error)"
      return text.contains("0oaSALESFORCE0000001") && text.contains("0oaSLACK000000000001")
        && text.contains("another resource")
    }
  }

  @Test func aSecondShellIsRefusedWithTheHolderPIDUntilTheHolderDies() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    try Journal(path: path).close()
    // Another process holds the lock the way a shell does: flock on PATH.lock with its pid written in it.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = [
      "-n", path + ".lock", "/bin/sh", "-c", "echo $PPID > \"$0\"; echo ready; exec cat", path + ".lock",
    ]
    let ready = Pipe()
    let stdin = Pipe()
    holder.standardOutput = ready
    holder.standardInput = stdin
    try holder.run()
    defer {
      if holder.isRunning { holder.terminate() }
      holder.waitUntilExit()
    }
    #expect(try ready.fileHandleForReading.read(upToCount: 6) == Data("ready\n".utf8))

    #expect(throws: JournalError.locked(path: path, holderPID: holder.processIdentifier)) {
      _ = try Journal(path: path)
    }
    #expect(
      JournalError.locked(path: path, holderPID: holder.processIdentifier).description.contains(
        "in use by process \(holder.processIdentifier)"))

    // The holder dies without releasing anything (its stdin closes): the kernel drops the lock.
    try stdin.fileHandleForWriting.close()
    holder.waitUntilExit()
    let journal = try Journal(path: path)
    journal.close()
  }

  @Test func aCorruptJournalIsRefusedWithTheIntegrityMessage() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    let journal = try Journal(path: path)
    try journal.addRoster(Self.rows)
    try journal.withDatabase { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    journal.close()
    // Flip bytes inside the roster's pages (a disk error or a half-copied file), keeping the header intact.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: size / 2)
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 2048))
    try handle.close()

    #expect {
      _ = try Journal(path: path)
    } throws: { error in
      guard case .corrupt = error as? JournalError else { return false }
      let text = "\(error)"
      return text.contains(path) && text.contains("integrity check") && text.contains("start a new --journal")
    }
    // The refusal left the file as it was, and released the lock for the next attempt.
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == Int(size))
    #expect(throws: JournalError.self) { _ = try Journal(path: path) }
  }
}
