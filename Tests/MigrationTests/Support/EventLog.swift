import Synchronization

@testable import Migration

/// Collects submission events; can run an action when the n-th submission is reported.
final class EventLog: Sendable {
  private let state = Mutex<(events: [SubmissionEvent], trigger: (Int, @Sendable () -> Void)?)>(([], nil))

  var events: [SubmissionEvent] { state.withLock { $0.events } }

  func onSubmitted(count: Int, _ action: @escaping @Sendable () -> Void) {
    state.withLock { $0.trigger = (count, action) }
  }

  func append(_ event: SubmissionEvent) {
    let action: (@Sendable () -> Void)? = state.withLock { state in
      state.events.append(event)
      let submitted = state.events.filter { if case .submitted = $0 { true } else { false } }.count
      if let trigger = state.trigger, submitted == trigger.0 { return trigger.1 }
      return nil
    }
    action?()
  }
}
