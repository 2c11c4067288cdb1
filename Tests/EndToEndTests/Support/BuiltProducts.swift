import Foundation

/// Where the built binaries and the test fixtures are.
enum BuiltProducts {
  /// The package root, from this file's place in it.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")
  static let expected = packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected")

  /// `OKTABULK_BIN`, else the `oktabulk` next to the test bundle (`.build/<triple>/debug`), else
  /// `.build/debug/oktabulk`. `swift build --build-tests` builds it with the tests.
  static let oktabulk: String = {
    if let path = ProcessInfo.processInfo.environment["OKTABULK_BIN"], !path.isEmpty { return path }
    let testBundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let sibling = testBundle.deletingLastPathComponent().appendingPathComponent("oktabulk").path
    if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    return packageRoot.appendingPathComponent(".build/debug/oktabulk").path
  }()
}

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("oktabulk-e2e-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func write(_ text: String, to name: String) throws {
    try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
