// Package diagram draws a scenario's topology: systems as boxes, streams as
// labelled arrows, laid out by model/topology. It renders to a cell grid
// (Unicode or ASCII) whose cells carry a class for colouring, exports
// Mermaid, D2 and DOT, and offers a pannable Viewer for the TUI.
package diagram

import (
	"math"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/catalog"
	"github.com/flowscope/flowscope/model/figure"
)

// State is how loaded a system is in the horizon year.
type State uint8

// States, mildest first. NoData is for components and for systems without
// figures.
const (
	NoData State = iota
	Fine
	Alert
	Over
)

// Box is one system, or one component of the recommendation.
type Box struct {
	ID        string // system id; components: "~" + kind + "-" + index
	Name      string
	Kind      string
	Component bool
	Util      float64 // horizon year, 1.0 = 100%
	State     State
}

// Arrow is one leg of a stream: from → via → to gives two legs, and
// recommended components add more.
type Arrow struct {
	Stream   string // stream id
	From, To string // box ids
	Trigger  model.Trigger
	Rate     float64 // peak records per second in the horizon year
}

// Graph is what the diagram shows, before any geometry.
type Graph struct {
	Title  string
	Boxes  []Box
	Arrows []Arrow
}

// FromReport builds the diagram of a scenario and its report: a box per
// system (its utilisation in the horizon year), an arrow per leg of each of
// the report's streams (from → via → to, with its trigger and peak rate).
// With recommended, the report's components become boxes on the streams
// they serve and the utilisation shown is the one after them.
func FromReport(s model.Scenario, r analysis.Report, recommended bool) Graph {
	g := Graph{Title: s.Name}
	monitor := r.Scenario.MonitorAt
	if monitor <= 0 {
		monitor = float64(model.DefaultMonitorAt)
	}
	util := map[string][]float64{}
	kinds := map[string]string{}
	for _, sr := range r.Systems {
		util[sr.ID] = sr.Utilization
		kinds[sr.ID] = sr.Kind
	}
	if recommended {
		for _, a := range r.After.Systems {
			util[a.ID] = a.Utilization
		}
	}
	for _, sys := range s.Systems {
		b := Box{ID: sys.ID, Name: sys.Name, Kind: sys.Kind}
		if b.Name == "" {
			b.Name = sys.ID
		}
		if k := kinds[sys.ID]; k != "" {
			b.Kind = k
		}
		if u := util[sys.ID]; len(u) > 0 {
			b.Util = finite(u[len(u)-1])
			b.State = stateOf(b.Util, monitor)
		}
		g.Boxes = append(g.Boxes, b)
	}
	comps := map[string][]int{} // stream id → component indices
	if recommended {
		for i, c := range r.Components {
			g.Boxes = append(g.Boxes, Box{ID: componentID(c.Kind, i), Name: c.Name, Kind: c.Kind, Component: true})
			for _, sid := range c.For {
				comps[sid] = append(comps[sid], i)
			}
		}
	}
	known := map[string]bool{}
	for _, b := range g.Boxes {
		known[b.ID] = true
	}
	for _, st := range r.Streams {
		rate := 0.0
		if n := len(st.PeakPerSecond); n > 0 {
			rate = finite(st.PeakPerSecond[n-1])
		}
		path := streamPath(st, r.Components, comps[st.ID])
		for i := 0; i+1 < len(path); i++ {
			if path[i] == path[i+1] && len(path) > 2 {
				continue // a via equal to an end adds no leg
			}
			if !known[path[i]] || !known[path[i+1]] {
				continue
			}
			g.Arrows = append(g.Arrows, Arrow{Stream: st.ID, From: path[i], To: path[i+1], Trigger: st.Trigger, Rate: rate})
		}
	}
	return g
}

func componentID(kind string, i int) string { return "~" + kind + "-" + strconv.Itoa(i) }

// streamPath is the chain of boxes a stream passes: caches and outbound
// gateways next to the source, custom code after the integration layer,
// queues and gateways in front of the target.
func streamPath(st analysis.StreamReport, cs []analysis.Component, idx []int) []string {
	var nearFrom, mid, nearTo []string
	for _, i := range idx {
		c := cs[i]
		id := componentID(c.Kind, i)
		switch {
		case c.Kind == catalog.ComponentCache, c.Kind == catalog.ComponentGateway && c.System != st.To:
			nearFrom = append(nearFrom, id)
		case c.Kind == catalog.ComponentCustomCode:
			mid = append(mid, id)
		default:
			nearTo = append(nearTo, id)
		}
	}
	path := append([]string{st.From}, nearFrom...)
	if st.Via != nil && *st.Via != "" {
		path = append(path, *st.Via)
	}
	path = append(path, mid...)
	path = append(path, nearTo...)
	return append(path, st.To)
}

func stateOf(u, monitor float64) State {
	switch {
	case u > 1:
		return Over
	case u > monitor:
		return Alert
	}
	return Fine
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Label is an arrow's text at a form level: its trigger and peak rate with
// its unit, "event 1.2k/min"; the tighter levels shorten the trigger to
// its initial, "e 1.2k/min", but never drop it.
func (a Arrow) Label(level int) string {
	t := string(a.Trigger)
	if level >= 1 && t != "" {
		t = t[:1]
	}
	if t == "" {
		return RateText(a.Rate)
	}
	return t + " " + RateText(a.Rate)
}

// RateText writes a per-second rate in the unit that reads best in a
// label (the project's one figure formatter).
func RateText(perSec float64) string { return figure.CompactRate(perSec) }

// asciiFigure spells a figure's signs in ASCII.
var asciiFigure = strings.NewReplacer("×", "x", "≥ ", ">=")

// UtilText is a box's utilisation line with its state symbol, so it reads
// without colour: "✓ 42%", "! 85%", "✗ 134%" (ASCII: "o", "!", "X"; not
// "+", which reads as a box corner).
func (b Box) UtilText(ascii bool) string {
	if b.Component || b.State == NoData {
		return ""
	}
	syms := [...]string{"", "✓", "!", "✗"}
	if ascii {
		syms = [...]string{"", "o", "!", "X"}
	}
	u := figure.Util(b.Util)
	if ascii {
		u = asciiFigure.Replace(u)
	}
	return syms[b.State] + " " + u
}
