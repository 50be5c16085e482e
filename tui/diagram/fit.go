package diagram

import (
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model/topology"
)

// Drawing is a graph laid out and drawn in one form.
type Drawing struct {
	Grid   *Grid
	Layout topology.Layout
	Form   Form
	// Pans is true when even the compact form is wider than asked: the
	// viewer pans, the CLI says so.
	Pans bool
	sh   shaped
}

// layoutCache keeps layouts keyed by the shape of their input (ids, sizes,
// label widths, form), so a change of figures that keeps the shape is
// redrawn without a new layout. It belongs to one viewer: no shared state.
type layoutCache struct {
	keys []string
	lays []topology.Layout
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

func (c *layoutCache) layout(sh shaped) topology.Layout {
	if c == nil {
		return topology.Compute(sh.topo, sh.form.layoutOptions())
	}
	k := shapeKey(sh)
	for i, key := range c.keys {
		if key == k {
			return c.lays[i]
		}
	}
	l := topology.Compute(sh.topo, sh.form.layoutOptions())
	if len(c.keys) == cacheSize {
		c.keys, c.lays = c.keys[1:], c.lays[1:]
	}
	c.keys = append(c.keys, k)
	c.lays = append(c.lays, l)
	return l
}

// Draw lays out and draws g to fit width columns: the roomy form when it
// fits, else the compact one (shorter names and labels, tighter spacing),
// else the tight one, else top down; if none fits, the drawing is marked
// as panning. width <= 0 means no limit.
func Draw(g Graph, width int, ascii bool, highlight string) Drawing {
	return g.draw(nil, width, 0, ascii, highlight)
}

// draw picks the first form that fits width×height (a limit <= 0 is no
// limit); when none does, the one that shows the largest share of itself.
func (g Graph) draw(c *layoutCache, width, height int, ascii bool, hl string) Drawing {
	var best Drawing
	bestShown := -1.0
	for level := 0; level < Levels; level++ {
		d := g.layoutIn(c, Form{Level: level, ASCII: ascii})
		fitsW := width <= 0 || d.Layout.Width <= width
		fitsH := height <= 0 || d.Layout.Height <= height
		if fitsW && fitsH {
			best = d
			break
		}
		if shown := share(d.Layout.Width, width) * share(d.Layout.Height, height); shown > bestShown {
			best, bestShown = d, shown
		}
	}
	best.Pans = (width > 0 && best.Layout.Width > width) || (height > 0 && best.Layout.Height > height)
	best.Grid = g.paint(best.sh, best.Layout, hl)
	return best
}

// share is the part of n cells a window of w shows.
func share(n, w int) float64 {
	if w <= 0 || n <= w || n == 0 {
		return 1
	}
	return float64(w) / float64(n)
}

func (g Graph) layoutIn(c *layoutCache, f Form) Drawing {
	d := Drawing{Form: f, sh: g.shape(f)}
	d.Layout = c.layout(d.sh)
	return d
}

// DrawForm lays out and draws g in the given form, whatever its width.
func DrawForm(g Graph, f Form, highlight string) Drawing {
	d := g.layoutIn(nil, f)
	d.Grid = g.paint(d.sh, d.Layout, highlight)
	return d
}

// Labels returns the label text of each arrow in the drawing's form.
func (d Drawing) Labels() []string { return d.sh.labels }

// BoxLines returns the text lines of each box in the drawing's form.
func (d Drawing) BoxLines() [][]string { return d.sh.lines }
