package diagram

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model/topology"
)

// Drawing is a graph laid out in one form.
type Drawing struct {
	// Grid is the whole drawing painted, from Draw and DrawForm; nil from
	// Fit, whose drawing is written row by row by WriteTo.
	Grid   *Grid
	Layout topology.Layout
	Form   Form
	// Pans is true when no form fits what was asked: the viewer pans, the
	// CLI says so.
	Pans bool
	sh   shaped
	sc   *scene
}

// layoutCache keeps scenes keyed by the shape of their input (ids, sizes,
// label widths, form), so a change of figures that keeps the shape is
// redrawn without a new layout. It belongs to one viewer: no shared state.
type layoutCache struct {
	keys   []string
	scenes []*scene
	// the least extents worked out, by shape key
	extentKeys []string
	extents    [][2]int
}

const cacheSize = 8

func shapeKey(sh shaped) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(sh.form.Level))
	for _, n := range sh.topo.Nodes {
		b.WriteString("\x00n")
		b.WriteString(n.ID)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(n.W))
		b.WriteByte('x')
		b.WriteString(strconv.Itoa(n.H))
		b.WriteByte(byte('0' + n.Role))
	}
	for _, e := range sh.topo.Edges {
		b.WriteString("\x00e")
		b.WriteString(e.From)
		b.WriteByte('>')
		b.WriteString(e.To)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(e.LabelW))
	}
	return b.String()
}

// key is the cache key of sh's shape ("" without a cache).
func (c *layoutCache) key(sh shaped) string {
	if c == nil {
		return ""
	}
	return shapeKey(sh)
}

// minExtent is topology.MinExtent of a shape, kept beside the layouts.
func (c *layoutCache) minExtent(key string, sh shaped) (w, h int) {
	if c != nil {
		for i, k := range c.extentKeys {
			if k == key {
				return c.extents[i][0], c.extents[i][1]
			}
		}
	}
	w, h = topology.MinExtent(sh.topo, sh.form.layoutOptions())
	if c != nil {
		if len(c.extentKeys) == 2*cacheSize {
			c.extentKeys, c.extents = c.extentKeys[1:], c.extents[1:]
		}
		c.extentKeys = append(c.extentKeys, key)
		c.extents = append(c.extents, [2]int{w, h})
	}
	return w, h
}

// lookup is the cached layout of a shape key, or false.
func (c *layoutCache) lookup(key string) (topology.Layout, bool) {
	if c == nil {
		return topology.Layout{}, false
	}
	for i, k := range c.keys {
		if k == key {
			return c.scenes[i].lay, true
		}
	}
	return topology.Layout{}, false
}

// scene lays out g in sh's form (or takes the cached layout of key, sh's
// shape) and indexes it for painting. The text comes from sh, so new
// figures of the same shape show at once.
func (c *layoutCache) scene(g Graph, sh shaped, key string) *scene {
	if lay, ok := c.lookup(key); ok {
		return newScene(g, sh, lay)
	}
	sc := newScene(g, sh, topology.Compute(sh.topo, sh.form.layoutOptions()))
	if c != nil {
		if len(c.keys) == cacheSize {
			c.keys, c.scenes = c.keys[1:], c.scenes[1:]
		}
		c.keys = append(c.keys, key)
		c.scenes = append(c.scenes, sc)
	}
	return sc
}

// choose picks the form for a pane of width×height (a limit <= 0 is no
// limit): the first that fits, trying top down first when the pane is
// tall. The roomy form is always laid out (it is the one shown when none
// fits: the most legible); another is laid out only when it could fit,
// judged before any layout from its columns (topology.MinExtent) and, for
// the compact and tight forms, the roomy form's gaps, which the tighter
// forms do not narrow: they hold the same edges' tracks. When none fits,
// the one laid out that shows the largest share of itself.
func (g Graph) choose(c *layoutCache, width, height int, ascii, tall bool) (*scene, bool) {
	levels := []int{0, 1, 2, 3}
	if tall {
		levels = []int{3, 0, 1, 2}
	}
	fits := func(w, h int) bool { return (width <= 0 || w <= width) && (height <= 0 || h <= height) }
	var best, roomy *scene
	bestShown := -1.0
	for _, level := range levels {
		if roomy != nil && level < 3 && width > 0 && roomy.lay.Gaps > width {
			continue // its gaps alone are wider than asked
		}
		if roomy != nil && level == 3 && width > 0 && 2*fullestLayer(roomy.lay.NodeLayer) > width {
			continue // top down, a layer's boxes (two cells each at least) are wider than asked
		}
		sh := g.shape(Form{Level: level, ASCII: ascii})
		key := c.key(sh)
		// The same tests whether or not the form is laid out already, so
		// the form chosen depends only on the graph and the pane, never on
		// what the viewer drew before.
		if roomy != nil && sh.form.TopDown() && width > 0 && widestRow(sh, roomy.lay.NodeLayer) > width {
			continue // top down, one layer's boxes side by side are wider than asked
		}
		if level > 0 {
			w, h := c.minExtent(key, sh)
			if roomy != nil && !sh.form.TopDown() {
				w = max(w, roomy.lay.Gaps)
			}
			if !fits(w, h) {
				continue
			}
		}
		sc := c.scene(g, sh, key)
		if level == 0 {
			roomy = sc
		}
		if fits(sc.Width(), sc.Height()) {
			return sc, false
		}
		if shown := share(sc.Width(), width) * share(sc.Height(), height); shown > bestShown {
			best, bestShown = sc, shown
		}
	}
	return best, true
}

// widestRow is the width of the widest layer's boxes side by side: the
// least width of the top-down form, whose layers (those of any form of
// the graph) are rows.
func widestRow(sh shaped, layer []int) int {
	rows := map[int]int{}
	widest := 0
	for i, n := range sh.topo.Nodes {
		if i < len(layer) {
			rows[layer[i]] += n.W
			widest = max(widest, rows[layer[i]])
		}
	}
	return widest
}

// fullestLayer is the number of boxes in the layer that has most.
func fullestLayer(layer []int) int {
	count := map[int]int{}
	most := 0
	for _, l := range layer {
		count[l]++
		most = max(most, count[l])
	}
	return most
}

// share is the part of n cells a window of w shows.
func share(n, w int) float64 {
	if w <= 0 || n <= w || n == 0 {
		return 1
	}
	return float64(w) / float64(n)
}

// Fit lays out g to fit width columns (<= 0: no limit) without painting
// it: the roomy form when it fits, else the compact one (shorter names and
// labels, tighter spacing), else the tight one, else top down; if none
// fits, the drawing is marked as panning. WriteTo then writes it row by
// row, however large.
func Fit(g Graph, width int, ascii bool) Drawing {
	sc, pans := g.choose(nil, width, 0, ascii, false)
	return sc.drawing(pans)
}

// Draw is Fit with the whole drawing painted into Grid, highlighting a
// system or stream id ("" for none).
func Draw(g Graph, width int, ascii bool, highlight string) Drawing {
	d := Fit(g, width, ascii)
	d.Grid = d.sc.paintAll(highlight)
	return d
}

// DrawForm lays out and draws g in the given form, whatever its width.
func DrawForm(g Graph, f Form, highlight string) Drawing {
	var c *layoutCache
	d := c.scene(g, g.shape(f), "").drawing(false)
	d.Grid = d.sc.paintAll(highlight)
	return d
}

func (sc *scene) drawing(pans bool) Drawing {
	return Drawing{Layout: sc.lay, Form: sc.sh.form, Pans: pans, sh: sc.sh, sc: sc}
}

// paintAll paints the whole drawing into a grid of its own.
func (sc *scene) paintAll(hl string) *Grid {
	g := *sc.paint(topology.Rect{W: sc.Width(), H: sc.Height()}, hl)
	sc.winGrid = Grid{} // the grid is the caller's now
	return &g
}

// Rows painted at a time by WriteTo: memory stays at band × width cells.
const band = 2 * tileH

// WriteTo writes the whole drawing as plain text, one line per row,
// painting a band of rows at a time.
func (d Drawing) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	var n int64
	var line []byte
	for y := 0; y < d.sc.Height(); y += band {
		g := d.sc.paint(topology.Rect{Y: y, W: d.sc.Width(), H: min(band, d.sc.Height()-y)}, "")
		for row := 0; row < g.H; row++ {
			line = append(g.appendLine(line[:0], row), '\n')
			k, err := bw.Write(line)
			n += int64(k)
			if err != nil {
				return n, err
			}
		}
	}
	return n, bw.Flush()
}

// Labels returns the label text of each arrow in the drawing's form.
func (d Drawing) Labels() []string { return d.sh.labels }

// BoxLines returns the text lines of each box in the drawing's form.
func (d Drawing) BoxLines() [][]string { return d.sh.lines }
