#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks for a secret on the controlling terminal with echo off, as `ssh` and `sudo` do: the token is
/// never shown, never in history, never an argument.
public enum SecretPrompt {
  /// The line typed after `prompt` on /dev/tty, or nil without a terminal or on Ctrl-D / an empty line.
  public static func ask(_ prompt: String) -> String? {
    let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard tty >= 0 else { return nil }
    defer { close(tty) }
    var saved = termios()
    guard tcgetattr(tty, &saved) == 0 else { return nil }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    quiet.c_lflag |= tcflag_t(ECHONL)
    _ = prompt.withCString { write(tty, $0, strlen($0)) }
    guard tcsetattr(tty, TCSAFLUSH, &quiet) == 0 else { return nil }
    defer { _ = tcsetattr(tty, TCSAFLUSH, &saved) }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    // A token is short; stop reading at 4 kB so a stuck key cannot grow this without bound.
    while bytes.count < 4_096, read(tty, &byte, 1) == 1, byte != 10, byte != 13 { bytes.append(byte) }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.isEmpty ? nil : text
  }
}
