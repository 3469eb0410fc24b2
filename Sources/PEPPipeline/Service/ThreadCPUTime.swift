#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time the calling thread has used, in milliseconds: what a publish costs in work, apart
/// from the wall time it took (which a busy machine or a slow disk stretches).
enum ThreadCPUTime {
    static func milliseconds() -> Double {
        var spec = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 else { return 0 }
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }
}
