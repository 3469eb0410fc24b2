import Foundation
import PEPTestSupport
import Testing

@testable import PEPFiles

#if canImport(Glibc)
    import Glibc
#endif

@Test func aSecondHolderIsRefusedAtOnceAndToldThePID() throws {
    let folder = try Repository.temporaryFolder("statelock")
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try StateLock.acquire(folder: folder.path)
    // flock locks belong to the open file, so a second open in this same process conflicts
    // exactly as a second pepqa process would.
    #expect(throws: StateLockError.held(folder: folder.path, pid: getpid(), waited: false)) {
        _ = try StateLock.acquire(folder: folder.path)
    }
    withExtendedLifetime(first) {}
}

@Test func theLockIsFreeOnceTheHolderLetsGo() throws {
    let folder = try Repository.temporaryFolder("statelock")
    defer { try? FileManager.default.removeItem(at: folder) }
    var first: StateLock? = try StateLock.acquire(folder: folder.path)
    #expect(first != nil)
    first = nil
    let second = try StateLock.acquire(folder: folder.path)
    withExtendedLifetime(second) {}
}

@Test func waitingGivesUpAfterItsTimeAndSaysItWaited() throws {
    let folder = try Repository.temporaryFolder("statelock")
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try StateLock.acquire(folder: folder.path)
    var announced: [Int32?] = []
    let started = Date()
    #expect(throws: StateLockError.held(folder: folder.path, pid: getpid(), waited: true)) {
        _ = try StateLock.acquire(folder: folder.path, wait: 0.3) { announced.append($0) }
    }
    #expect(Date().timeIntervalSince(started) >= 0.3)
    #expect(announced == [getpid()], "the wait is announced once, naming the holder")
    withExtendedLifetime(first) {}
}

@Test func theLockCreatesItsFolderAndAPrivateLockFile() throws {
    let folder = try Repository.temporaryFolder("statelock").appendingPathComponent("new/state")
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let lock = try StateLock.acquire(folder: folder.path)
    let file = folder.appendingPathComponent(StateLock.fileName).path
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "\(getpid())\n")
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect((mode ?? 0o777) & 0o007 == 0)
    withExtendedLifetime(lock) {}
}
