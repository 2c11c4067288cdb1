/// Something a running submission reports as it goes.
public enum SubmissionEvent: Equatable, Sendable {
  case started(rows: Int)
  case canarySent(rowID: Int64, requestID: String)
  case canaryPassed(requestID: String)
  case submitted(rowID: Int64, requestID: String)
  case adopted(rowID: Int64, requestID: String)
  case rowFailed(rowID: Int64, reason: String)
  case pressure(BackPressure.Notice)
}
