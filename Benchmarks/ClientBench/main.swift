// Drives OktaClient against a running oktasim and prints throughput, client CPU per request and
// resident memory. Run through scripts/bench-client, which starts the simulator.
import Foundation
import OktaAPI

#if canImport(Glibc)
  import Glibc
#endif

struct Arguments {
  var url = ""
  var token = ""
  var path = "/governance/api/v2/request-settings"
  var levels = [5, 32, 75]
  var requestsPerLevel = 5_000
  var memoryRequests = 100_000

  init(_ arguments: [String]) throws {
    var iterator = arguments.makeIterator()
    while let flag = iterator.next() {
      guard let value = iterator.next() else { throw BenchError("missing value for \(flag)") }
      switch flag {
      case "--url": url = value
      case "--token": token = value
      case "--path": path = value
      case "--levels": levels = value.split(separator: ",").compactMap { Int($0) }
      case "--requests": requestsPerLevel = Int(value) ?? requestsPerLevel
      case "--memory-requests": memoryRequests = Int(value) ?? memoryRequests
      default: throw BenchError("unknown flag \(flag)")
      }
    }
    guard !url.isEmpty, !token.isEmpty else {
      throw BenchError("usage: ClientBench --url URL --token TOKEN [...]")
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// User + system CPU time of this process.
func cpuTime() -> Duration {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let micros =
    Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
    + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
  return .microseconds(micros)
}

/// Resident set size in KiB, from /proc/self/status.
func residentKiB() -> Int {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
  return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Sends `total` GETs with `concurrency` in flight; returns (failures, wall time, CPU time).
func run(_ client: OktaClient, path: String, total: Int, concurrency: Int) async -> (Int, Duration, Duration)
{
  let cpuStart = cpuTime()
  let started = ContinuousClock.now
  let failures = await withTaskGroup(of: Int.self) { group in
    let perWorker = total / concurrency
    for worker in 0..<concurrency {
      let share = perWorker + (worker < total % concurrency ? 1 : 0)
      group.addTask {
        var failed = 0
        for _ in 0..<share {
          do { _ = try await client.send(.get, path) } catch { failed += 1 }
        }
        return failed
      }
    }
    return await group.reduce(0, +)
  }
  return (failures, ContinuousClock.now - started, cpuTime() - cpuStart)
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let arguments: Arguments
do {
  arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("ClientBench: \(error)\n".utf8))
  exit(2)
}

let client = try OktaClient(
  orgURL: URL(string: arguments.url)!, authenticator: SSWSAuthenticator(token: Secret(arguments.token)),
  retryPolicy: RetryPolicy(maxRetries: 0))

_ = await run(client, path: arguments.path, total: 500, concurrency: 5)  // warm up connections
print("concurrency  requests  failures  req/s     client CPU/request")
for level in arguments.levels {
  let (failures, wall, cpu) = await run(
    client, path: arguments.path, total: arguments.requestsPerLevel, concurrency: level)
  let rate = Double(arguments.requestsPerLevel) / seconds(wall)
  let cpuPerRequest = seconds(cpu) / Double(arguments.requestsPerLevel) * 1e6
  print(
    String(
      format: "%11d  %8d  %8d  %8.0f  %8.1f µs", level, arguments.requestsPerLevel, failures, rate,
      cpuPerRequest))
}

let before = residentKiB()
let (failures, wall, _) = await run(
  client, path: arguments.path, total: arguments.memoryRequests, concurrency: 32)
let after = residentKiB()
print(
  String(
    format:
      "memory: RSS %d KiB before, %d KiB after %d more requests (%d failed, %.0f req/s): %+.1f bytes/request",
    before, after, arguments.memoryRequests, failures, Double(arguments.memoryRequests) / seconds(wall),
    Double((after - before) * 1024) / Double(arguments.memoryRequests)))
