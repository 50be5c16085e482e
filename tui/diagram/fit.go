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
	b.WriteString(strconv.Itoa(sh.form.level()))
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
// fits, else the compact one (shorter names and labels, tighter spacing);
// if that is still too wide the drawing is marked as panning. width <= 0
// means no limit.
// (The forms, widest first: roomy, compact, tight.)
func Draw(g Graph, width int, ascii bool, highlight string) Drawing {
	return g.draw(nil, width, ascii, highlight)
}

func (g Graph) draw(c *layoutCache, width int, ascii bool, hl string) Drawing {
	var best Drawing
	for level := 0; level <= 2; level++ {
		var d Drawing
		d.Form = Form{Level: level, ASCII: ascii}
		d.sh = g.shape(d.Form)
		d.Layout = c.layout(d.sh)
		if level == 0 || d.Layout.Width < best.Layout.Width {
			best = d
		}
		if width <= 0 || d.Layout.Width <= width {
			best = d
			break
		}
	}
	// none fits: the narrowest form, panned
	best.Pans = width > 0 && best.Layout.Width > width
	best.Grid = g.paint(best.sh, best.Layout, hl)
	return best
}

// Labels returns the label text of each arrow in the drawing's form.
func (d Drawing) Labels() []string { return d.sh.labels }

// BoxLines returns the text lines of each box in the drawing's form.
func (d Drawing) BoxLines() [][]string { return d.sh.lines }
