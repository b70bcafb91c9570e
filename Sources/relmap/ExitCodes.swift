import ArgumentParser

/// Exit statuses after sysexits.h, so scripts can tell bad data from a broken disk.
enum SysExit {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let unavailable = ExitCode(69)
    static let software = ExitCode(70)
    static let osError = ExitCode(71)
    static let cannotCreate = ExitCode(73)
    static let ioError = ExitCode(74)
    static let tryAgain = ExitCode(75)
}
