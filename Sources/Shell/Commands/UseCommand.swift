/// `use <resource>`: select the resource whose access is migrated.
public enum UseCommand: ShellCommand {
  public static let spec = CommandSpec(
    "use",
    summary: "Select the resource (app id 0oa…, ORN, or app label)",
    arguments: [
      ArgumentSpec("resource", .text(placeholder: "RESOURCE"), summary: "app id, ORN or app label")
    ],
    example: "use \"Salesforce Production\""
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
