package model

import (
	"cmp"
	"math/bits"
	"slices"
)

// Finding codes (DESIGN §4, normative).
const (
	CodeCapacityExceeded   = "capacity-exceeded"
	CodeExpiry             = "expiry"
	CodeReadCache          = "read-cache"
	CodeWriteQueue         = "write-queue"
	CodeCustomCode         = "custom-code"
	CodeReverseDirection   = "reverse-direction"
	CodeNoEvents           = "no-events"
	CodeFilterRows         = "filter-rows"
	CodeThrottle           = "throttle"
	CodeLoopGuard          = "loop-guard"
	CodeOverlap            = "overlap"
	CodeRunMonitoring      = "run-monitoring"
	CodeFieldFilter        = "field-filter"
	CodeLatencyExpectation = "latency-expectation"
	CodeProgressFeedback   = "progress-feedback"
	CodeReadOnceWriteMany  = "read-once-write-many"
)

// severityRank orders findings: critical first.
func severityRank(s Severity) int {
	switch s {
	case SeverityCritical:
		return 0
	case SeverityWarn:
		return 1
	}
	return 2
}

// finding records one finding; stream and sys are indexes, -1 for none.
func (a *analyzer) finding(code string, sev Severity, stream, sys int, msg, advice string) {
	f := Finding{Code: code, Severity: sev, Message: msg, Advice: advice}
	if stream >= 0 {
		f.Stream = &a.ids[len(a.sys)+stream]
	}
	if sys >= 0 {
		f.System = &a.ids[sys]
	}
	a.fbuf = append(a.fbuf, f)
	a.fmeta = append(a.fmeta, [2]int32{int32(stream), int32(sys)})
}

// findings raises every finding of DESIGN §4 and sorts them by severity,
// code, stream id and system id.
func (a *analyzer) findings(rep *Report) {
	a.peakDurations()
	for i := range a.sys {
		if a.sys[i].firstIdx != i {
			continue // a duplicate id (unvalidated input) carries no load
		}
		a.capacityFindings(i)
	}
	a.loopGuard()
	for i := range a.str {
		si := &a.str[i]
		a.readCache(i, si)
		a.writeQueue(i, si)
		a.throttle(i, si)
		a.customCode(i, si)
		a.reverseDirection(i, si)
		a.noEvents(i, si)
		a.filterRows(i, si)
		a.scheduled(i, si, &rep.Streams[i])
		a.fieldFilter(i, si)
		a.latencyExpectation(i, si)
		a.progressFeedback(i, si)
	}
	a.readOnceWriteMany()
	rep.Findings = a.sortFindings()
}

// codeOrder ranks the codes alphabetically, for sorting.
var codeOrder = func() map[string]uint64 {
	codes := []string{CodeCapacityExceeded, CodeExpiry, CodeReadCache, CodeWriteQueue, CodeCustomCode,
		CodeReverseDirection, CodeNoEvents, CodeFilterRows, CodeThrottle, CodeLoopGuard, CodeOverlap,
		CodeRunMonitoring, CodeFieldFilter, CodeLatencyExpectation, CodeProgressFeedback, CodeReadOnceWriteMany}
	slices.Sort(codes)
	m := make(map[string]uint64, len(codes))
	for i, c := range codes {
		m[c] = uint64(i)
	}
	return m
}()

// packBits is the width of a packed sort key (a variable so tests can
// force the general path).
var packBits = 64

// findingKey packs severity, code, and the ranks of the stream and system
// ids into one integer; i keeps generation order on full ties.
type findingKey struct {
	k uint64
	i int
}

// sortFindings orders findings by severity (critical first), code, stream
// id and system id (no id first). Ids are ranked once, so the sort compares
// integers, then each finding moves once.
func (a *analyzer) sortFindings() []Finding {
	fs := a.fbuf
	nSys := len(a.sys)
	a.idRank = grow(a.idRank, len(a.ids))
	a.idOrder = grow(a.idOrder, len(a.ids))
	rankIDs(a.ids[:nSys], a.idOrder[:nSys], a.idRank[:nSys])
	rankIDs(a.ids[nSys:], a.idOrder[nSys:], a.idRank[nSys:])
	// Pack severity (2 bits), code (5), stream rank, system rank and the
	// finding's index into one integer when they fit, so the sort compares
	// plain integers; otherwise sort keys with the index beside them.
	stBits, syBits, iBits := bits.Len(uint(len(a.ids)-nSys+1)), bits.Len(uint(nSys+1)), bits.Len(uint(len(fs)))
	packed := 7+stBits+syBits+iBits <= packBits
	a.keys = grow(a.keys, len(fs))
	a.packed = grow(a.packed, len(fs))
	for i := range fs {
		meta := a.fmeta[i]
		var st, sy uint64
		if meta[0] >= 0 {
			st = uint64(a.idRank[nSys+int(meta[0])]) + 1
		}
		if meta[1] >= 0 {
			sy = uint64(a.idRank[meta[1]]) + 1
		}
		head := uint64(severityRank(fs[i].Severity))<<5 | codeOrder[fs[i].Code]
		if packed {
			a.packed[i] = ((head<<stBits|st)<<syBits|sy)<<iBits | uint64(i)
			continue
		}
		// 2 bits severity, 5 bits code, 28 bits each for the ranks
		a.keys[i] = findingKey{head<<56 | min(st, 1<<28-1)<<28 | min(sy, 1<<28-1), i}
	}
	if packed {
		slices.Sort(a.packed)
		mask := uint64(1)<<iBits - 1
		for j, k := range a.packed {
			a.keys[j].i = int(k & mask)
		}
	} else {
		slices.SortFunc(a.keys, func(x, y findingKey) int {
			return cmp.Or(cmp.Compare(x.k, y.k), cmp.Compare(x.i, y.i))
		})
	}
	out := make([]Finding, len(fs))
	for j, k := range a.keys {
		out[j] = fs[k.i]
	}
	clear(fs) // the pool must not keep this report's strings alive
	a.fbuf = fs[:0]
	return out
}

// rankIDs writes each id's rank in sorted order (equal ids share a rank).
func rankIDs(ids []string, order, rank []int32) {
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return cmp.Compare(ids[x], ids[y]) })
	r := int32(0)
	for j, i := range order {
		if j > 0 && ids[i] != ids[order[j-1]] {
			r = int32(j)
		}
		rank[i] = r
	}
}

// sysName is what messages call a system.
func (a *analyzer) sysName(i int) string { return a.sys[i].sys.DisplayName() }
