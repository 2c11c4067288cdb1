import CLibEdit
import Foundation

/// Lines typed at a terminal, through libedit's native API: emacs key bindings, `~/.editrc`,
/// persistent history, Tab completion, and Ctrl-C that clears the line.
@MainActor
public final class EditLineReader: LineReader {
  private let editLine: OpaquePointer
  private let historyHandle: OpaquePointer
  private let historyPath: String?
  private let policy: HistoryPolicy
  private let complete: (String) -> Completion
  /// Ctrl-C wakes the character reader through this pipe (see `InterruptFlag`).
  private let wakeFD: Int32
  private var lastRemembered: String?
  private var cycle = CompletionCycle()
  /// The prompt as C text; libedit reads it through `promptCallback` each time it redraws.
  /// Only touched on the main actor: libedit calls back synchronously from inside `el_gets`.
  nonisolated(unsafe) private var promptBuffer: UnsafeMutablePointer<CChar>?

  /// `complete` gets the line up to the cursor and answers what to insert or list.
  public init(
    program: String = "oktabulk", historyPath: String?, policy: HistoryPolicy = HistoryPolicy(),
    interrupt: InterruptFlag = .process, complete: @escaping (String) -> Completion
  ) {
    self.historyPath = historyPath
    self.policy = policy
    self.complete = complete
    wakeFD = interrupt.wakeReadFD
    editLine = oktabulk_el_init(program)
    historyHandle = history_init()
    oktabulk_hist_setsize(historyHandle, Int32(policy.capacity))
    oktabulk_hist_setunique(historyHandle, 1)
    if let historyPath { oktabulk_hist_load(historyHandle, historyPath) }
    lastRemembered = history.last

    oktabulk_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    oktabulk_el_set_editor(editLine, "emacs")
    oktabulk_el_set_signal(editLine, 1)
    // Our own character reader, so Ctrl-C ends el_gets whichever thread takes the signal.
    oktabulk_el_set_reader(editLine) { editLine, character in
      guard let editLine, let character, let data = oktabulk_el_get_clientdata(editLine) else { return -1 }
      let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
      return oktabulk_read_char(reader.wakeFD, character)
    }
    oktabulk_el_set_history(editLine, historyHandle)
    oktabulk_el_set_prompt(editLine) { editLine in
      guard let data = oktabulk_el_get_clientdata(editLine) else { return nil }
      let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
      return reader.promptBuffer
    }
    // EL_ADDFN must come before the binding that names it.
    oktabulk_el_addfn(editLine, "oktabulk-complete", "Complete the word before the cursor") { editLine, _ in
      guard let editLine, let data = oktabulk_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
      let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
      return MainActor.assumeIsolated { reader.completeAtCursor() }
    }
    oktabulk_el_bind(editLine, "^I", "oktabulk-complete")
    // Last, so that the user's ~/.editrc can change any of the above.
    el_source(editLine, nil)
  }

  isolated deinit {
    el_end(editLine)
    history_end(historyHandle)
    promptBuffer.map { free($0) }
  }

  public func readLine(prompt: String) -> LineInput {
    promptBuffer.map { free($0) }
    promptBuffer = strdup(prompt)
    var count: Int32 = 0
    oktabulk_drain_wake(wakeFD)
    guard let text = el_gets(editLine, &count) else {
      if count == -1 && oktabulk_errno() == EINTR {
        oktabulk_fputs_output("\n")
        el_reset(editLine)
        return .interrupted
      }
      oktabulk_fputs_output("\n")  // leave the terminal on a fresh line after Ctrl-D
      return .endOfInput
    }
    var line = String(cString: text)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  public func remember(_ line: String) {
    guard policy.shouldRemember(line, after: lastRemembered) else { return }
    lastRemembered = line
    oktabulk_hist_enter(historyHandle, line)
    guard let historyPath else { return }
    // Create the file private before libedit writes it; it also tightens an existing one.
    let descriptor = open(historyPath, O_WRONLY | O_CREAT, 0o600)
    if descriptor >= 0 { close(descriptor) }
    chmod(historyPath, 0o600)
    oktabulk_hist_save(historyHandle, historyPath)
  }

  public var history: [String] {
    var lines: [String] = []
    var entry = oktabulk_hist_step(historyHandle, 1)
    while let text = entry {
      var line = String(cString: text)
      if line.hasSuffix("\n") { line.removeLast() }
      lines.append(line)
      entry = oktabulk_hist_step(historyHandle, 0)
    }
    return lines
  }

  private func completeAtCursor() -> UInt8 {
    guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let length = info.cursor - info.buffer
    let bytes = UnsafeRawBufferPointer(start: info.buffer, count: length)
    let action = cycle.tab(String(decoding: bytes, as: UTF8.self), complete: complete)
    if action.failed { return UInt8(CC_REFRESH_BEEP) }
    if action.delete > 0 { el_deletestr(editLine, Int32(action.delete)) }
    if !action.insert.isEmpty { el_insertstr(editLine, action.insert) }
    guard !action.list.isEmpty else { return UInt8(CC_REFRESH) }
    oktabulk_fputs_output("\n" + CompletionListing(action.list).text(width: 80))
    return UInt8(CC_REDISPLAY)
  }
}
