package calibrate

import (
	"math"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/solution"
)

// Growth the scenario file accepts.
const (
	minGrowth = -0.9
	maxGrowth = 10
)

// Result is what calibrate did to one stream.
type Result struct {
	Stream string   // stream id
	By     string   // how the data was joined: "stream id", "flow id" or "name"
	Files  []string // the files its data came from
	Fit    Fit
	Set    []string // what it set, as the file writes it
	Kept   []string // what it left as it was, and why
}

// Outcome is what calibrate did to a scenario.
type Outcome struct {
	Results   []Result
	NoData    []string // streams without data, left alone
	Unmatched []string // keys of the data that name no stream, with their file
}

// Apply sets the volume, growth and seasonality of every stream the
// tables have data for, and says what it did.
func Apply(s *model.Scenario, tables []*Table) Outcome {
	type gathered struct {
		counts Counts
		by     string
		files  []string
	}
	data := make([]*gathered, len(s.Streams))
	resolved := analysis.Resolve(*s)
	var out Outcome
	for _, t := range tables {
		for _, key := range t.Keys {
			idx, by := match(s.Streams, key, t.Unit)
			if len(idx) == 0 {
				out.Unmatched = append(out.Unmatched, key+" ("+t.File+")")
				continue
			}
			per := 1.0 // requests per record of the flow's streams together
			if t.Unit == Requests {
				per = 0
				for _, i := range idx {
					per += RequestsPerRecord(resolved.Streams[i])
				}
			}
			for _, i := range idx {
				g := data[i]
				if g == nil {
					g = &gathered{counts: Counts{}, by: by}
					data[i] = g
				}
				if !contains(g.files, t.File) {
					g.files = append(g.files, t.File)
				}
				for m, n := range t.Series[key] {
					if per > 0 {
						g.counts[m] += n / per
					}
				}
			}
		}
	}
	for i := range s.Streams {
		st := &s.Streams[i]
		g := data[i]
		if g == nil {
			out.NoData = append(out.NoData, st.ID)
			continue
		}
		r := Result{Stream: st.ID, By: g.by, Files: g.files}
		r.Fit = FitCounts(g.counts, st.Seasonality, resolved.Streams[i].Growth)
		r.apply(st)
		out.Results = append(out.Results, r)
	}
	return out
}

// RequestsPerRecord is what one source record costs a stream's flow in
// Power Platform requests: the handled share times its actions, plus the
// run every event starts when the flow itself filters.
func RequestsPerRecord(st analysis.Stream) float64 {
	r := st.Filter * st.Actions
	if st.Filter < 1 && !st.FilterAtTrigger {
		r++
	}
	return r
}

// match finds the streams a key names: a plain CSV by stream id, then
// flow id, then name; a report by flow id (a stream without one is its
// own flow), then name.
func match(streams []model.Stream, key string, u Unit) (idx []int, by string) {
	find := func(ok func(*model.Stream) bool) []int {
		var out []int
		for i := range streams {
			if ok(&streams[i]) {
				out = append(out, i)
			}
		}
		return out
	}
	id := solution.FlowID(key)
	if u == Records {
		if idx = find(func(st *model.Stream) bool { return st.ID == key }); len(idx) > 0 {
			return idx, "stream id"
		}
	}
	if idx = find(func(st *model.Stream) bool {
		flow := st.Flow
		if flow == "" && u == Requests {
			flow = st.ID
		}
		return flow != "" && solution.FlowID(flow) == id
	}); len(idx) > 0 {
		return idx, "flow id"
	}
	return find(func(st *model.Stream) bool { return strings.EqualFold(strings.TrimSpace(st.Name), key) }), "name"
}

// apply writes a fit into the stream.
func (r *Result) apply(st *model.Stream) {
	f := r.Fit
	if f.Months == 0 {
		return
	}
	st.Volume = model.Volume{Rate: quantity.Rate{Count: quantity.Count(significant(f.Volume, 4)),
		Window: quantity.Period{N: 1, Unit: quantity.Year}}}
	r.Set = append(r.Set, "volume "+st.Volume.Rate.String())
	switch g := f.Growth; {
	case g == nil:
		r.Kept = append(r.Kept, "growth (needs "+itoa(MonthsForGrowth)+" months)")
	case *g < minGrowth || *g > maxGrowth:
		r.Kept = append(r.Kept, "growth (the fit says "+quantity.Share(*g).String()+", outside -90% to 1000%)")
	default:
		v := quantity.Share(math.Round(*g*1e4) / 1e4)
		st.Growth = &v
		r.Set = append(r.Set, "growth "+v.String())
	}
	if f.Season == nil {
		r.Kept = append(r.Kept, "seasonality (needs "+itoa(MonthsForSeasonality)+" months covering every calendar month)")
		return
	}
	st.Seasonality = make([]float64, 12)
	parts := make([]string, 12)
	for m, w := range f.Season {
		st.Seasonality[m] = math.Round(w*1000) / 1000
		parts[m] = quantity.FormatNumber(st.Seasonality[m])
	}
	r.Set = append(r.Set, "seasonality ["+strings.Join(parts, ", ")+"]")
}

// significant rounds v to n significant digits.
func significant(v float64, n int) float64 {
	if v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v))-float64(n-1))
	return math.Round(v/p) * p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string { return quantity.FormatNumber(float64(n)) }
