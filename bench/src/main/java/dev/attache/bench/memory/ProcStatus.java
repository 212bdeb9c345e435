package dev.attache.bench.memory;

/**
 * The resident-set lines of {@code /proc/<pid>/status}.
 *
 * @param residentBytes     VmRSS: resident now
 * @param peakResidentBytes VmHWM: the high-water mark, since the process started or since it was last reset
 *                          through {@code clear_refs}
 */
record ProcStatus(long residentBytes, long peakResidentBytes) {

    static ProcStatus parse(String status) {
        return new ProcStatus(bytes(status, "VmRSS"), bytes(status, "VmHWM"));
    }

    // A zombie or a kernel thread has no Vm lines; saying so beats reporting 0 bytes resident.
    private static long bytes(String status, String field) {
        String prefix = field + ":";
        for (String line : status.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String[] parts = line.substring(prefix.length()).trim().split("\\s+");
            long value = Long.parseLong(parts[0]);
            if (parts.length == 1) {
                return value;
            }
            // The kernel writes "kB" and means KiB.
            if (parts.length == 2 && parts[1].equals("kB")) {
                return value * 1024;
            }
            throw new IllegalArgumentException("unexpected unit in /proc status line: " + line);
        }
        throw new IllegalArgumentException("no " + field + " line in /proc status (has the process exited?)");
    }
}
