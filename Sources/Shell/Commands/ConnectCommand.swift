/// `connect [URL]`: connect to an org with credentials from the config files or the environment.
public enum ConnectCommand: ShellCommand {
  public static let spec = CommandSpec(
    "connect",
    summary: "Connect to an org (credentials from okta.yaml or OKTA_CLIENT_*, never typed)",
    arguments: [
      ArgumentSpec(
        "url", .text(placeholder: "URL"), summary: "the org URL (default: --org or config)", optional: true)
    ],
    example: "connect https://acme.okta.com",
    discussion:
      "The API token comes from ~/.okta/okta.yaml, ./.okta.yaml or OKTA_CLIENT_TOKEN, never from the line."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
