import Migration

/// The one shared state of a shell run: settings, variables, output, and whatever the migration adds
/// (client, journal, resource, roster, jobs) through stored fields here or `SessionKey` slots.
///
/// Commands run one at a time on the main actor, so a command may read and change the session freely.
@MainActor
public final class Session {
  public var settings: SessionSettings
  /// Variables set with `set NAME VALUE`, expanded as `$NAME` in later lines.
  public var variables: [String: String] = [:]
  /// Where results and diagnostics go.
  public let output: any OutputSink
  /// True when a person is typing at a terminal (prompt, completion, history).
  public let isInteractive: Bool
  /// The process environment (config: `OKTA_CLIENT_*`; never printed).
  public var environment: [String: String]
  /// The commands this shell knows.
  public let registry: CommandRegistry
  /// What the prompt shows once known.
  public var context = PromptContext()
  /// The line reader, for `history`; nil when lines come from scripts only.
  public var lineReader: (any LineReader)?
  /// How deep `source` is nested right now.
  public internal(set) var sourceDepth = 0
  /// Set by `exit`: the loop stops after the current line.
  public internal(set) var exitRequested = false
  /// Raised by Ctrl-C; the running command's Task is cancelled when it is.
  public var interrupt: InterruptFlag = .process
  /// Asks for the API token with echo off when `connect` finds none configured; replaceable in tests.
  public var readSecret: (String) -> String? = SecretPrompt.ask
  /// Reads files for `source` and friends; replaceable in tests.
  public var readFile: @Sendable (String) throws -> String = FileAccess.readText

  private var slots: [ObjectIdentifier: Any] = [:]

  public init(
    settings: SessionSettings = SessionSettings(), output: any OutputSink, isInteractive: Bool = false,
    environment: [String: String] = [:], registry: CommandRegistry = .standard
  ) {
    self.settings = settings
    self.output = output
    self.isInteractive = isInteractive
    self.environment = environment
    self.registry = registry
  }

  /// The value in `key`'s slot, or its default.
  public subscript<Key: SessionKey>(key: Key.Type) -> Key.Value {
    get { slots[ObjectIdentifier(key)] as? Key.Value ?? Key.defaultValue }
    set { slots[ObjectIdentifier(key)] = newValue }
  }

  /// Asks the shell to stop after the current line.
  public func requestExit() {
    exitRequested = true
  }
}

extension Session {
  /// Prints a result in the current output mode (table or JSON) to stdout.
  public func emit(_ table: Table) {
    output.write(Renderer(mode: settings.output).render(table), to: .standardOutput)
  }

  /// Prints a single record (`show config`) in the current output mode.
  public func emit(_ record: Record) {
    output.write(Renderer(mode: settings.output).render(record), to: .standardOutput)
  }

  /// Prints a plain line of text to stdout (messages meant as results).
  public func say(_ line: String) {
    output.write(line + "\n", to: .standardOutput)
  }

  /// Prints a diagnostic or progress line to stderr, with secrets removed.
  public func note(_ line: String) {
    output.write(
      Redaction.redact(line).escapingControlCharacters(keepingLineBreaks: true) + "\n", to: .standardError)
  }

  /// Reports progress on stderr: at a terminal one line rewritten in place; elsewhere a plain line every
  /// `interval` items and at the end, so logs stay readable.
  public func progress(_ line: ProgressLine, elapsed: Double? = nil, every interval: Int = 100) {
    if isInteractive {
      let end = line.done >= line.total ? "\n" : ""
      output.write("\r\u{1B}[K" + Redaction.redact(line.text(elapsed: elapsed)) + end, to: .standardError)
    } else if line.isDue(every: interval) {
      note(line.text(elapsed: elapsed))
    }
  }

  /// Prints only when `verbose` is on.
  public func trace(_ line: String) {
    if settings.verbose { note(line) }
  }
}
