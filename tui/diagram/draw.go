package diagram

import (
	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model/topology"
)

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

// lit marks a cell of paint's arms as part of the highlighted stream.
const lit uint8 = 1 << 4

// runeWidth is the cells a rune takes; Latin text and line drawing take one
// without asking the Unicode tables.
func runeWidth(r rune) int {
	if r < 0x1100 || (r >= boxDrawingFirst && r <= boxDrawingLast) {
		return 1
	}
	return textwidth.Cells(string(r))
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
