package serve

import (
	"sync"
	"time"

	"charm.land/log/v2"
)

// maxLoggedAddrs bounds the addresses whose refusals are counted apart;
// the rest share one count.
const maxLoggedAddrs = 1024

// otherAddrs names the shared count in the log.
const otherAddrs = "(other addresses)"

// refusalLog keeps a flood of refused connections from flooding the log:
// the first refusal from an address is logged at once, later ones are
// counted and summed up in one line per address per interval.
type refusalLog struct {
	log          *log.Logger
	one, counted string // the message of the first line, and of the sums

	mu    sync.Mutex
	addrs map[string]*refusalCount
}

type refusalCount struct {
	n      int
	reason string
}

func newRefusalLog(logger *log.Logger, one, counted string) *refusalLog {
	return &refusalLog{log: logger, one: one, counted: counted, addrs: map[string]*refusalCount{}}
}

// refused records one refused connection from host.
func (r *refusalLog) refused(host, reason string) {
	r.mu.Lock()
	e := r.addrs[host]
	if e == nil && len(r.addrs) >= maxLoggedAddrs {
		host = otherAddrs
		e = r.addrs[host]
	}
	if e != nil {
		e.n++
		e.reason = reason
		r.mu.Unlock()
		return
	}
	r.addrs[host] = &refusalCount{}
	r.mu.Unlock()
	r.log.Warn(r.one, "addr", host, "reason", reason)
}

// flush logs what was counted since the last flush and forgets addresses
// that were quiet, so that their next refusal is logged at once.
func (r *refusalLog) flush(interval time.Duration) {
	r.mu.Lock()
	type line struct {
		host string
		refusalCount
	}
	var lines []line
	for h, e := range r.addrs {
		if e.n == 0 {
			delete(r.addrs, h)
			continue
		}
		lines = append(lines, line{h, *e})
		e.n = 0
	}
	r.mu.Unlock()
	for _, l := range lines {
		r.log.Warn(r.counted, "addr", l.host, "count", l.n, "reason", l.reason, "during", interval.String())
	}
}

// run flushes every interval until stop is closed, then once more.
func (r *refusalLog) run(interval time.Duration, stop <-chan struct{}) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			r.flush(interval)
		case <-stop:
			r.flush(interval)
			return
		}
	}
}
