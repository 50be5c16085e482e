package serve

import (
	"os"
	"runtime/debug"
)

// serverGCPercent is the garbage collector's target for a server process:
// the heap may grow to four times what is live between collections
// instead of twice. A crowd of sessions allocates fast (every frame is a
// new screen), so with the runtime's default the collector took about a
// tenth of the server's CPU; at 300 it takes about a third of that, for
// about 2 MiB more resident memory per session (docs/benchmarks.md). The
// live heap per session is the same.
const serverGCPercent = 300

// TuneRuntime sets the garbage collector's target for a process that
// serves, unless GOGC is set (the operator's choice wins).
func TuneRuntime() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}
