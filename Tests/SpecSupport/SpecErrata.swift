/// Places where Okta's own examples disagree with Okta's own schemas.
///
/// Each is a real inconsistency in the published files, kept here so that (1) the validator's self-test can
/// demand that every other example conforms, and (2) the client is known to decode what Okta actually sends
/// even where it differs from the schema (the client must be tolerant; the simulator must follow the schema).
public enum SpecErrata {
  /// One known disagreement: a violation whose path ends with `pathSuffix` and whose message contains `message`.
  public struct Erratum: Sendable {
    public let pathSuffix: String
    public let message: String
    public let why: String
  }

  public static let all: [Erratum] = [
    Erratum(
      pathSuffix: ".requested.entryId", message: "length 19 is below minLength 20",
      why: "the placeholder entry id cenb0oADRXTBKOLGLNR in many examples has 19 characters"),
    Erratum(
      pathSuffix: ".decision", message: "is not one of \"APPROVE\", \"DENY\", \"CANCEL\"",
      why: "examples say APPROVED/DENIED where approval-decision-enum says APPROVE/DENY"),
    Erratum(
      pathSuffix: "]", message: "missing required property 'deciderId'",
      why: "decision examples omit deciderId, which request-approval-decision requires"),
    Erratum(
      pathSuffix: "._links.logo", message: "expected array, got object",
      why: "catalog entry examples give a single logo link where the schema declares an array"),
    Erratum(
      pathSuffix: ".requestedBy.externalId", message: "does not match pattern 00u",
      why: "a list example has a requester that is not an Okta user"),
    Erratum(
      pathSuffix: ".requestedBy.type", message: "\"UNKNOWN\" is not one of",
      why: "the same example has requestedBy.type UNKNOWN, not in the enum"),
  ]

  /// The erratum that explains `violation`, if any.
  public static func explaining(_ violation: SchemaViolation) -> Erratum? {
    all.first { violation.path.hasSuffix($0.pathSuffix) && violation.message.contains($0.message) }
  }
}
