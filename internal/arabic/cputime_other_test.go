//go:build !unix

package arabic

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
