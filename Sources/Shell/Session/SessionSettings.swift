/// How results are printed.
public enum OutputMode: String, Sendable, CaseIterable {
  /// Aligned columns for people.
  case table
  /// One JSON document per result, for programs.
  case json
}

/// What a script does when a line fails.
public enum OnErrorPolicy: String, Sendable, CaseIterable {
  /// Stop at the first failing line (the default, like psql's ON_ERROR_STOP).
  case stop
  /// Run the remaining lines, and still exit 1 at the end.
  case `continue`
}

/// The settings a user can change with launch flags or `set` (see `SetCommand`).
public struct SessionSettings: Equatable, Sendable {
  /// `--org`; overrides the config file and `OKTA_CLIENT_ORGURL`.
  public var orgURL: String?
  /// `--config`; read after `~/.okta/okta.yaml` and `./.okta.yaml`.
  public var configFile: String?
  /// `--journal`; the migration's SQLite file.
  public var journalPath: String = "oktabulk.db"
  public var output: OutputMode = .table
  public var onError: OnErrorPolicy = .stop
  /// `--echo`: print each script line before running it.
  public var echo = false
  public var verbose = false
  /// `set timing on`: print how long each command took.
  public var timing = false
  /// `--yes`: answer yes to confirmations (scripts, CI).
  public var assumeYes = false

  public init() {}
}
