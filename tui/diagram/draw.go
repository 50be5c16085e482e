package diagram

import "github.com/flowscope/flowscope/model/topology"

// paint draws a layout onto a new grid. hl is a system or stream id to
// highlight ("" for none).
func (g Graph) paint(sh shaped, lay topology.Layout, hl string) *Grid {
	gl := unicodeGlyphs
	if sh.form.ASCII {
		gl = asciiGlyphs
	}
	grid := newGrid(lay.Width, lay.Height)
	index := make(map[string]int, len(g.Boxes))
	for i, b := range g.Boxes {
		index[b.ID] = i
	}
	// per cell: the arms of the lines through it, and lit when one of
	// them is highlighted
	arms := make([]uint8, lay.Width*lay.Height)
	for i, rt := range lay.Routes {
		if len(rt.Points) == 0 {
			continue
		}
		on := hl != "" && g.Arrows[i].Stream == hl
		ps := rt.Points
		// open the first cell towards its source box
		src := lay.Boxes[index[g.Arrows[i].From]]
		first := ps[0]
		arms[first.Y*lay.Width+first.X] |= towards(first, src)
		topology.TraceArms(ps, func(p topology.Point, a uint8) {
			c := p.Y*lay.Width + p.X
			arms[c] |= a
			if on {
				arms[c] |= lit
			}
		})
		if on && len(ps) == 1 {
			arms[first.Y*lay.Width+first.X] |= lit
		}
	}
	for _, rt := range lay.Routes {
		if rt.Inline { // the label's cells and a blank each side break the line
			for x := rt.Label.X - 1; x <= rt.Label.X+rt.Label.W; x++ {
				c := rt.Label.Y*lay.Width + x
				arms[c] = 0
			}
		}
	}
	for c, m := range arms {
		if m&^lit != 0 {
			cls := ClassEdge
			if m&lit != 0 {
				cls = ClassHighlight
			}
			grid.Cells[c] = Cell{gl.line(m &^ lit), cls}
		}
	}
	for i, rt := range lay.Routes {
		if len(rt.Points) == 0 {
			continue
		}
		end := rt.Points[len(rt.Points)-1]
		dst := lay.Boxes[index[g.Arrows[i].To]]
		head := gl.head(towards(end, dst))
		cls := ClassArrow
		if hl != "" && g.Arrows[i].Stream == hl {
			cls = ClassHighlight
		}
		grid.set(end.X, end.Y, head, cls)
		if rt.Label.W > 0 {
			lc := ClassLabel
			if cls == ClassHighlight {
				lc = ClassHighlight
			}
			grid.text(rt.Label.X, rt.Label.Y, sh.labels[i], lc)
		}
	}
	for i, b := range g.Boxes {
		cls := boxClass(b)
		if hl != "" && b.ID == hl {
			cls = ClassHighlight
		}
		grid.box(lay.Boxes[i], sh.lines[i], cls, gl, sh.form.Compact())
	}
	return grid
}

func boxClass(b Box) Class {
	switch {
	case b.Component:
		return ClassMuted
	case b.State == Alert:
		return ClassBoxAlert
	case b.State == Over:
		return ClassBoxOver
	case b.State == Fine:
		return ClassBoxFine
	}
	return ClassMuted
}

// text writes s from x on row y; wide runes take their cells.
func (g *Grid) text(x, y int, s string, c Class) {
	for _, r := range s {
		w := runeWidth(r)
		if w <= 0 {
			continue
		}
		g.set(x, y, r, c)
		for k := 1; k < w; k++ {
			g.set(x+k, y, 0, c) // continuation of a wide rune
		}
		x += w
	}
}

func (g *Grid) box(r topology.Rect, lines []string, c Class, gl glyphs, compact bool) {
	x1, y1 := r.X+r.W-1, r.Y+r.H-1
	for x := r.X + 1; x < x1; x++ {
		g.set(x, r.Y, gl.bh, c)
		g.set(x, y1, gl.bh, c)
	}
	for y := r.Y + 1; y < y1; y++ {
		g.set(r.X, y, gl.bv, c)
		g.set(x1, y, gl.bv, c)
	}
	g.set(r.X, r.Y, gl.btl, c)
	g.set(x1, r.Y, gl.btr, c)
	g.set(r.X, y1, gl.bbl, c)
	g.set(x1, y1, gl.bbr, c)
	pad := 2
	if compact {
		pad = 1
	}
	for i, l := range lines {
		if r.Y+1+i < y1 {
			g.text(r.X+pad, r.Y+1+i, l, c)
		}
	}
}

// lit marks a cell of paint's arms as part of the highlighted stream.
const lit uint8 = 1 << 4

// runeWidth is the cells a rune takes; Latin text and line drawing take one
// without asking the Unicode tables.
func runeWidth(r rune) int {
	if r < 0x1100 || (r >= boxDrawingFirst && r <= boxDrawingLast) {
		return 1
	}
	return textWidth(string(r))
}

// The Box Drawing block: the lines and box borders of a drawing.
const boxDrawingFirst, boxDrawingLast = '\u2500', '\u257f'

// head is the arrowhead of a line whose last cell has arm a towards its
// target box.
func (gl glyphs) head(a uint8) rune {
	switch a {
	case armR:
		return gl.right
	case armL:
		return gl.left
	case armD:
		return gl.down
	}
	return gl.up
}

// towards is the arm of cell p that points at the box r beside it.
func towards(p topology.Point, r topology.Rect) uint8 {
	switch {
	case p.X < r.X:
		return armR
	case p.X >= r.X+r.W:
		return armL
	case p.Y < r.Y:
		return armD
	}
	return armU
}
