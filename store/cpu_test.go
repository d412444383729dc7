package store

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used (user + system, all
// threads). Benchmarks report it per operation beside wall time because
// the machine they run on is shared: wall time there measures the
// neighbours as much as the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, n int) {
	if n > 0 {
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(n), "cpu-µs/op")
	}
}
