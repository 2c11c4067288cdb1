/// A failure of the test machinery itself (tmux, spawning), not of the code under test.
struct TestSupportError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
