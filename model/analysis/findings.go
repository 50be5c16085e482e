package analysis

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Finding codes (part of the JSON contract; docs/analysis.md says when
// each is raised).
const (
	CodeCapacityExceeded   = "capacity-exceeded"
	CodeExpiry             = "expiry"
	CodeEntitlement        = "entitlement"
	CodeReadCache          = "read-cache"
	CodeRowLimits          = "row-limits"
	CodeWriteQueue         = "write-queue"
	CodeCustomCode         = "custom-code"
	CodeBeyondFlows        = "beyond-flows"
	CodeReverseDirection   = "reverse-direction"
	CodeNoEvents           = "no-events"
	CodeFilterRows         = "filter-rows"
	CodeThrottle           = "throttle"
	CodeLoopGuard          = "loop-guard"
	CodeOverlap            = "overlap"
	CodeMinRecurrence      = "min-recurrence"
	CodeSyncTimeout        = "sync-timeout"
	CodeRunMonitoring      = "run-monitoring"
	CodeFieldFilter        = "field-filter"
	CodeLatencyExpectation = "latency-expectation"
	CodeProgressFeedback   = "progress-feedback"
	CodeReadOnceWriteMany  = "read-once-write-many"
)

// Codes lists every finding code, sorted.
func Codes() []string {
	out := []string{CodeCapacityExceeded, CodeExpiry, CodeEntitlement, CodeReadCache, CodeRowLimits,
		CodeWriteQueue, CodeCustomCode, CodeBeyondFlows, CodeReverseDirection, CodeNoEvents, CodeFilterRows,
		CodeThrottle, CodeLoopGuard, CodeOverlap, CodeMinRecurrence, CodeSyncTimeout, CodeRunMonitoring,
		CodeFieldFilter, CodeLatencyExpectation, CodeProgressFeedback, CodeReadOnceWriteMany}
	slices.Sort(out)
	return out
}

// findings collects the findings of one analysis.
type findings struct {
	e   *engine
	out []Finding
	at  [][2]int // per finding: its stream and system indexes (-1 for none)
	// where the findings' ids and years are copied to
	ids   batch[string]
	years batch[int]
}

// add records a finding; stream and system are indexes (-1 for none),
// year -1 when it holds regardless of the year.
func (f *findings) add(code string, sev Severity, stream, system, year int, msg, advice string) *Finding {
	fd := Finding{Code: code, Severity: sev, Message: msg, Advice: advice}
	if stream >= 0 {
		fd.Stream = f.ids.ptr(f.e.r.Streams[stream].ID)
	}
	if system >= 0 {
		fd.System = f.ids.ptr(f.e.r.Systems[system].ID)
	}
	if year >= 0 {
		fd.Year = f.years.ptr(year)
	}
	f.out = append(f.out, fd)
	f.at = append(f.at, [2]int{stream, system})
	return &f.out[len(f.out)-1]
}

func severityRank(s Severity) int {
	switch s {
	case SeverityCritical:
		return 0
	case SeverityWarn:
		return 1
	}
	return 2
}

// codeRanks orders the codes alphabetically for sorting (built once; it
// is never changed).
var codeRanks = func() map[string]int {
	m := map[string]int{}
	for i, c := range Codes() {
		m[c] = i + 1
	}
	return m
}()

// Findings are sorted by severity (critical first), code, stream id and
// system id (none first), keeping generation order on ties. Ids are
// ranked once, so the sort compares integers; the design's findings are
// sorted beside the ladder, and the ladder's merged in after.

// findingKey is a finding's place in the order: severity (2 bits), code
// (6 bits) and stream rank (below 2^56: a slice holds fewer elements) in
// one integer, compared at once, then the system rank and the finding's
// place in generation order.
type findingKey struct {
	first     uint64
	system, i int
	fd        *Finding
}

func (a findingKey) compare(b findingKey) int {
	if c := cmp.Compare(a.first, b.first); c != 0 {
		return c
	}
	if c := cmp.Compare(a.system, b.system); c != 0 {
		return c
	}
	return cmp.Compare(a.i, b.i)
}

// idRanks are the ranks of the stream and the system ids.
type idRanks struct{ streams, systems []int }

func (e *engine) idRanks() idRanks {
	r := e.r
	return idRanks{rankIDs(len(r.Streams), func(i int) string { return r.Streams[i].ID }),
		rankIDs(len(r.Systems), func(i int) string { return r.Systems[i].ID })}
}

// sortedKeys are the keys of f's findings in order; from is the place of
// f's first finding in generation order.
func (f *findings) sortedKeys(ids idRanks, from int) []findingKey {
	keys := make([]findingKey, len(f.out))
	for i := range f.out {
		fd := &f.out[i]
		k := findingKey{first: uint64(severityRank(fd.Severity))<<62 | uint64(codeRanks[fd.Code])<<56, i: from + i, fd: fd}
		if s := f.at[i][0]; s >= 0 {
			k.first |= uint64(ids.streams[s])
		}
		if x := f.at[i][1]; x >= 0 {
			k.system = ids.systems[x]
		}
		keys[i] = k
	}
	slices.SortFunc(keys, findingKey.compare)
	return keys
}

// mergeFindings is the findings of two lists of sorted keys in order.
func mergeFindings(a, b []findingKey) []Finding {
	out := make([]Finding, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].compare(b[0]) < 0 {
			out, a = append(out, *a[0].fd), a[1:]
		} else {
			out, b = append(out, *b[0].fd), b[1:]
		}
	}
	for _, k := range a {
		out = append(out, *k.fd)
	}
	for _, k := range b {
		out = append(out, *k.fd)
	}
	return out
}

// rankIDs ranks n ids alphabetically from 1 (0 is "none"); equal ids share
// the rank of the first of them.
func rankIDs(n int, id func(int) string) []int {
	type entry struct {
		id string
		i  int
	}
	order := make([]entry, n)
	for i := range order {
		order[i] = entry{id(i), i}
	}
	slices.SortFunc(order, func(a, b entry) int { return strings.Compare(a.id, b.id) })
	rank := make([]int, n)
	for i, en := range order {
		rank[en.i] = i + 1
		if i > 0 && en.id == order[i-1].id {
			rank[en.i] = rank[order[i-1].i]
		}
	}
	return rank
}

// yearSeverity is critical when a limit is passed today or next year, else warn.
func yearSeverity(year int) Severity {
	if year <= 1 {
		return SeverityCritical
	}
	return SeverityWarn
}

// name is what messages call a system or a stream.
func (e *engine) sysName(x int) string { return e.r.Systems[x].Name }

func (e *engine) streamName(s int) string {
	st := &e.r.Streams[s]
	if st.Name != st.ID {
		return "“" + st.Name + "”"
	}
	return st.ID
}

// limitPhrase names a limit with its figure and where it comes from:
// “service protection” (6000/5m per identity, catalogue default).
func (e *engine) limitPhrase(x, li int) string {
	l := &e.r.Systems[x].Limits[li]
	src := "from the scenario"
	if l.Source == SourceCatalogue {
		src = "catalogue default"
		if strings.HasPrefix(l.Reference, "assumption") {
			src = "catalogue assumption"
		}
	}
	what := ""
	if l.Counts != "requests" {
		what = " " + string(l.Counts)
	}
	return fill("“%s” (%s%s per %s, %s)", l.Name, rateText(l.Rate), what, string(l.Per), src)
}

// list writes ids as "a, b and c".
func list(ids []string) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

// byHorizon is "by year H" for the last year of the horizon.
func (e *engine) byHorizon() string { return "by year " + strconv.Itoa(e.r.Horizon) }

// fill is fmt.Sprintf for a format whose only verbs are %s, with string
// arguments: each %s takes the next argument as it is.
func fill(format string, args ...string) string {
	size := len(format)
	for _, a := range args {
		size += len(a)
	}
	var b strings.Builder
	b.Grow(size)
	for _, a := range args {
		i := strings.Index(format, "%s")
		if i < 0 {
			break
		}
		b.WriteString(format[:i])
		b.WriteString(a)
		format = format[i+2:]
	}
	b.WriteString(format)
	return b.String()
}
