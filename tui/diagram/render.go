package diagram

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model/topology"
)

// Class says what a cell belongs to, for colouring.
type Class uint8

// Cell classes.
const (
	ClassNone Class = iota
	ClassBoxFine
	ClassBoxAlert
	ClassBoxOver
	ClassMuted // components and systems without figures
	ClassEdge
	ClassArrow
	ClassLabel
	ClassHighlight
)

// Cell is one character of the drawing.
type Cell struct {
	R rune
	C Class
}

// Grid is a drawing: H rows of W cells.
type Grid struct {
	W, H  int
	Cells []Cell
}

func newGrid(w, h int) *Grid {
	g := &Grid{W: w, H: h, Cells: make([]Cell, w*h)}
	for i := range g.Cells {
		g.Cells[i].R = ' '
	}
	return g
}

// At returns the cell at x, y (a blank one outside the grid).
func (g *Grid) At(x, y int) Cell {
	if x < 0 || y < 0 || x >= g.W || y >= g.H {
		return Cell{R: ' '}
	}
	return g.Cells[y*g.W+x]
}

// reset makes g a blank grid of w×h, reusing its cells.
func (g *Grid) reset(w, h int) {
	g.W, g.H = w, h
	if cap(g.Cells) < w*h {
		g.Cells = make([]Cell, w*h)
	}
	g.Cells = g.Cells[:w*h]
	for i := range g.Cells {
		g.Cells[i] = Cell{R: ' '}
	}
}

func (g *Grid) set(x, y int, r rune, c Class) {
	if x >= 0 && y >= 0 && x < g.W && y < g.H {
		g.Cells[y*g.W+x] = Cell{r, c}
	}
}

// Line is row y as plain text without trailing blanks.
func (g *Grid) Line(y int) string { return string(g.appendLine(nil, y)) }

// appendLine appends row y as plain text without trailing blanks.
func (g *Grid) appendLine(b []byte, y int) []byte {
	row := g.Cells[y*g.W : (y+1)*g.W]
	end := len(row)
	for end > 0 && row[end-1].R == ' ' {
		end--
	}
	for _, c := range row[:end] {
		if c.R != 0 { // 0 continues a wide rune
			b = utf8.AppendRune(b, c.R)
		}
	}
	return b
}

// String is the whole drawing as plain text, one line per row.
func (g *Grid) String() string {
	var b strings.Builder
	for y := 0; y < g.H; y++ {
		b.WriteString(g.Line(y))
		b.WriteByte('\n')
	}
	return b.String()
}

// Form is how a graph is turned into geometry: roomy, compact or tight,
// Unicode or ASCII.
type Form struct {
	Level int // 0 roomy, 1 compact (shorter names and labels), 2 tight (rates only, narrow gaps), 3 tight and top down
	ASCII bool
}

// Compact reports whether the form is any of the narrower ones.
func (f Form) Compact() bool { return f.Level > 0 }

// TopDown reports whether the layers run top to bottom.
func (f Form) TopDown() bool { return f.Level >= 3 }

// Levels is the number of forms, roomy first.
const Levels = 4

// shaped is a graph in one form: the layout input plus the text of each box
// and label.
type shaped struct {
	form   Form
	topo   topology.Graph
	lines  [][]string // per box
	labels []string   // per arrow
}

// truncate shortens s to w cells, marking the cut.
func truncate(s string, w int, ascii bool) string {
	if textwidth.Cells(s) <= w {
		return s
	}
	tail := "…"
	if ascii {
		tail = "~"
	}
	return ansi.Truncate(s, w, tail)
}

func (g Graph) shape(f Form) shaped {
	sh := shaped{form: f}
	maxName, pad := []int{22, 12, 9}[f.level()], []int{4, 2, 2}[f.level()]
	for _, b := range g.Boxes {
		plain := func(s string) string {
			if f.ASCII {
				return asciiOnly(s)
			}
			return s
		}
		var lines []string
		if b.Component {
			lines = []string{truncate(plain(strings.ReplaceAll(b.Kind, "-", " ")), maxName, f.ASCII)}
		} else {
			lines = append(nameLines(plain(b.Name), maxName, f.ASCII), truncate(plain(b.Kind), maxName, f.ASCII))
			if u := b.UtilText(f.ASCII); u != "" {
				lines = append(lines, u)
			}
		}
		w := 0
		for _, l := range lines {
			w = max(w, textwidth.Cells(l))
		}
		role := topology.Auto
		if b.Component {
			role = topology.Middle
		}
		sh.lines = append(sh.lines, lines)
		sh.topo.Nodes = append(sh.topo.Nodes, topology.Node{ID: b.ID, W: w + pad, H: len(lines) + 2, Role: role})
	}
	from, to, via := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i, a := range g.Arrows {
		from[a.From], to[a.To] = true, true
		if i > 0 && g.Arrows[i-1].Stream == a.Stream && g.Arrows[i-1].To == a.From {
			via[a.From] = true
		}
		lb := a.Label(f.level())
		if f.ASCII {
			lb = asciiOnly(lb)
		}
		sh.labels = append(sh.labels, lb)
		sh.topo.Edges = append(sh.topo.Edges, topology.Edge{ID: a.Stream, From: a.From, To: a.To, Label: lb, LabelW: textwidth.Cells(lb)})
	}
	for i := range sh.topo.Nodes {
		id := sh.topo.Nodes[i].ID
		switch {
		case via[id]:
			sh.topo.Nodes[i].Role = topology.Middle
		case from[id] && !to[id]:
			sh.topo.Nodes[i].Role = topology.Source
		case to[id] && !from[id]:
			sh.topo.Nodes[i].Role = topology.Target
		}
	}
	return sh
}

// asciiOnly replaces what plain ASCII terminals cannot show.
func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			b.WriteByte('?')
		}
	}
	return b.String()
}

// layoutOptions are the spacing of a form.
func (f Form) layoutOptions() topology.Options {
	switch {
	case f.Level <= 0:
		return topology.Options{NodeGap: 1}
	case f.Level == 1:
		return topology.Options{NodeGap: 0, InlineLabels: true}
	case f.Level == 2:
		return topology.Options{NodeGap: 0, GapMin: 1, InlineLabels: true}
	}
	return topology.Options{NodeGap: 1, GapMin: 1, TopDown: true}
}

// glyphs of one style.
type glyphs struct {
	h, v, cross, tl, tr, bl, br         rune // edges
	bh, bv, btl, btr, bbl, bbr          rune // boxes
	right, left, down, up               rune // arrowheads
	teeL, teeR, teeU, teeD, end1, blank rune
}

var unicodeGlyphs = glyphs{
	'─', '│', '┼', '┌', '┐', '└', '┘',
	'─', '│', '╭', '╮', '╰', '╯',
	'▶', '◀', '▼', '▲',
	'┤', '├', '┴', '┬', '·', ' ',
}

var asciiGlyphs = glyphs{
	'-', '|', '+', '+', '+', '+', '+',
	'-', '|', '+', '+', '+', '+',
	'>', '<', 'v', '^',
	'+', '+', '+', '+', '.', ' ',
}

// Arms of a line cell, as the layout traces them.
const (
	armL = topology.ArmL
	armR = topology.ArmR
	armU = topology.ArmU
	armD = topology.ArmD
)

func (gl glyphs) line(m uint8) rune {
	switch m {
	case armL | armR, armL, armR:
		return gl.h
	case armU | armD, armU, armD:
		return gl.v
	case armR | armD:
		return gl.tl
	case armL | armD:
		return gl.tr
	case armR | armU:
		return gl.bl
	case armL | armU:
		return gl.br
	case armL | armR | armU | armD:
		return gl.cross
	case armL | armU | armD:
		return gl.teeL
	case armR | armU | armD:
		return gl.teeR
	case armL | armR | armU:
		return gl.teeU
	case armL | armR | armD:
		return gl.teeD
	}
	return gl.end1
}

func (f Form) level() int { return max(0, min(f.Level, 2)) }
