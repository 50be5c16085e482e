package diagram

import (
	"github.com/flowscope/flowscope/internal/shared"
	"github.com/flowscope/flowscope/model/topology"
)

// Viewers of one process that show the same analysis (SetSharedAnalysis)
// share what a drawing starts from: the graph built from the report, and
// for each pane size the form chosen and its layout. Each viewer keeps
// its own window, highlight and scene (whose scratch it paints into).
// What is kept is only read.
var sharedViews = shared.New(16 << 20)

// graphKey names the graph of an analysis, with or without the
// recommended components.
type graphKey struct {
	analysis    any
	recommended bool
}

// choiceKey names the form chosen for a pane: the graph (and the focus
// that cut it down), the pane's size and the characters.
type choiceKey struct {
	analysis    any
	recommended bool
	focus       string
	w, h        int
	ascii, tall bool
}

// choice is a chosen form's shape and layout.
type choice struct {
	sh  shaped
	lay topology.Layout
}

// graphSize is roughly what a graph holds, in bytes.
func graphSize(g Graph) int {
	n := 0
	for _, b := range g.Boxes {
		n += 160 + len(b.ID) + len(b.Name) + len(b.Kind)
	}
	return n + 160*len(g.Arrows)
}

// choiceSize is roughly what a choice holds, in bytes.
func choiceSize(c choice) int {
	n := 64 * (len(c.sh.topo.Nodes) + len(c.sh.topo.Edges) + len(c.lay.Boxes))
	for _, ls := range c.sh.lines {
		n += shared.LinesSize(ls)
	}
	n += shared.LinesSize(c.sh.labels)
	for _, r := range c.lay.Routes {
		n += 64 + 16*len(r.Points)
	}
	return n
}

// fromReport is the graph of the viewer's analysis, shared when it is.
func (v *Viewer) fromReport() Graph {
	build := func() Graph { return FromReport(v.s, v.r, v.recommended) }
	if v.share == nil {
		return build()
	}
	return shared.Get(sharedViews, graphKey{v.share, v.recommended}, graphSize, build)
}

// choose picks the form for the pane and lays it out, or takes what a
// viewer of the same analysis chose at the same size; the scene, which
// painting writes into, is the viewer's own.
func (v *Viewer) choose() *scene {
	tall := 2*v.h > v.w
	if v.share == nil {
		sc, _ := v.graph.choose(&v.cache, v.w, v.h, v.ascii, tall)
		return sc
	}
	var made *scene
	c := shared.Get(sharedViews, choiceKey{v.share, v.recommended, v.focus, v.w, v.h, v.ascii, tall}, choiceSize, func() choice {
		made, _ = v.graph.choose(&v.cache, v.w, v.h, v.ascii, tall)
		return choice{made.sh, made.lay}
	})
	if made != nil {
		return made // laid out here (what a viewer that raced it kept is the same)
	}
	return newScene(v.graph, c.sh, c.lay)
}
