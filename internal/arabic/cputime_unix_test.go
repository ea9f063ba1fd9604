//go:build unix

package arabic

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, user and system. On a
// machine shared with other work it counts what the analysis itself costs,
// where the wall clock also counts the time spent waiting for a core.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
