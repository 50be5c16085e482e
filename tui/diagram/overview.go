package diagram

import (
	"github.com/flowscope/flowscope/model/figure"
	"slices"
	"strings"

	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model/topology"
)

// overview is the whole landscape at reduced detail, for a pane the full
// drawing does not fit: the layers of the layout side by side, each box a
// line with its state symbol and a short name, and between two layers one
// bundled arrow each way saying how many legs cross there. Short names
// take the room the pane leaves, from 22 cells down to 3; a name cut keeps
// its last word, where instances of one product differ.
type overview struct {
	g      Graph
	w, h   int
	ascii  bool
	items  []topology.Rect // per box: its line
	texts  []string        // per box
	marks  []mark          // the bundles
	grid   Grid
	lit    []bool // scratch: boxes lit by the highlight
	litFor string
}

// mark is a piece of text of a bundle.
type mark struct {
	x, y int
	text string
	cls  Class
}

// Widths in the overview: the gap between layers, and the shortest name.
const overviewGap, shortest = 7, 3

func newOverview(g Graph, sc *scene, paneW, rows int, ascii bool) *overview {
	ov := &overview{g: g, ascii: ascii, items: make([]topology.Rect, len(g.Boxes)), texts: make([]string, len(g.Boxes))}
	layer := sc.lay.NodeLayer
	layers := 0
	for _, l := range layer {
		layers = max(layers, l+1)
	}
	byLayer := make([][]int, layers)
	for i := range g.Boxes {
		byLayer[layer[i]] = append(byLayer[layer[i]], i)
	}
	topDown := sc.sh.form.TopDown()
	for _, ids := range byLayer { // in the order the drawing has them
		slices.SortStableFunc(ids, func(a, b int) int {
			ra, rb := sc.lay.Boxes[a], sc.lay.Boxes[b]
			if topDown {
				ra, rb = topology.Rect{X: ra.Y, Y: ra.X}, topology.Rect{X: rb.Y, Y: rb.X}
			}
			if ra.Y != rb.Y {
				return ra.Y - rb.Y
			}
			return ra.X - rb.X
		})
	}
	rows = max(rows, 1)
	cols := func(n int) int { return (n + rows - 1) / rows }
	for _, ids := range byLayer {
		ov.h = max(ov.h, min(len(ids), rows))
	}
	name := shortest
	for s := 22; s >= shortest; s-- {
		total := (layers - 1) * overviewGap
		for _, ids := range byLayer {
			total += cols(len(ids)) * (s + 3) // symbol, blank, name, blank
		}
		if total <= paneW+1 {
			name = s
			break
		}
	}
	for i, b := range g.Boxes {
		text := b.Name
		if b.Component {
			text = strings.ReplaceAll(b.Kind, "-", " ")
		}
		if ascii {
			text = asciiOnly(text)
		}
		text = shortName(text, name, ascii)
		ov.texts[i] = stateSymbol(b, ascii) + " " + text
	}
	x := 0
	for k, ids := range byLayer {
		for c := 0; c < cols(len(ids)); c++ {
			for r := 0; r < rows && c*rows+r < len(ids); r++ {
				i := ids[c*rows+r]
				ov.items[i] = topology.Rect{X: x, Y: r, W: textwidth.Cells(ov.texts[i]), H: 1}
			}
			x += name + 3
		}
		if k < layers-1 {
			x--
			ov.bundle(g, layer, k, x)
			x += overviewGap + 1
		}
	}
	ov.w = max(x-1, 1)
	for _, m := range ov.marks {
		ov.h = max(ov.h, m.y+1)
	}
	ov.h = max(ov.h, 1)
	return ov
}

// bundle adds the arrows of the gap after layer k, from column x: the
// legs that cross it going right, and those going left.
func (ov *overview) bundle(g Graph, layer []int, k, x int) {
	index := make(map[string]int, len(g.Boxes))
	for i, b := range g.Boxes {
		index[b.ID] = i
	}
	right, left := 0, 0
	for _, a := range g.Arrows {
		f, okf := index[a.From]
		t, okt := index[a.To]
		if !okf || !okt {
			continue
		}
		switch lf, lt := layer[f], layer[t]; {
		case lf <= k && lt > k:
			right++
		case lt <= k && lf > k:
			left++
		}
	}
	h, v := "─", "▶"
	back := "◀"
	if ov.ascii {
		h, v, back = "-", ">", "<"
	}
	line := strings.Repeat(h, overviewGap-3)
	mid := max(ov.h/2, 1)
	if right > 0 {
		ov.marks = append(ov.marks, mark{x + 1, mid - 1, centred(figure.Num(float64(right)), overviewGap-2), ClassLabel},
			mark{x + 1, mid, line + v, ClassEdge})
	}
	if left > 0 {
		ov.marks = append(ov.marks, mark{x + 1, mid + 1, back + line, ClassEdge},
			mark{x + 1, mid + 2, centred(figure.Num(float64(left)), overviewGap-2), ClassLabel})
	}
}

// centred pads s to w cells, centred.
func centred(s string, w int) string {
	pad := max(w-textwidth.Cells(s), 0)
	return strings.Repeat(" ", pad/2) + s + strings.Repeat(" ", pad-pad/2)
}

// stateSymbol is the symbol a box's state reads as without colour.
func stateSymbol(b Box, ascii bool) string {
	syms := [...]string{"·", "✓", "!", "✗"}
	if ascii {
		syms = [...]string{".", "o", "!", "X"}
	}
	if b.Component {
		return syms[NoData]
	}
	return syms[b.State]
}

func (ov *overview) Width() int  { return ov.w }
func (ov *overview) Height() int { return ov.h }

func (ov *overview) paint(win topology.Rect, hl string) *Grid {
	win.W, win.H = max(win.W, 0), max(win.H, 0)
	cv := canvas{g: &ov.grid, ox: win.X, oy: win.Y}
	cv.g.reset(win.W, win.H)
	lit := ov.lights(hl)
	for i, r := range ov.items {
		if r.W == 0 || !r.Overlaps(win) {
			continue
		}
		cls := boxClass(ov.g.Boxes[i])
		if lit[i] {
			cls = ClassHighlight
		}
		cv.text(r.X, r.Y, ov.texts[i], cls)
	}
	for _, m := range ov.marks {
		cv.text(m.x, m.y, m.text, m.cls)
	}
	return cv.g
}

// lights marks the boxes the highlight lights: the box itself, or the
// ends of a stream's legs.
func (ov *overview) lights(hl string) []bool {
	if ov.lit != nil && ov.litFor == hl {
		return ov.lit
	}
	ov.lit = make([]bool, len(ov.g.Boxes))
	ov.litFor = hl
	if hl == "" {
		return ov.lit
	}
	ends := map[string]bool{hl: true}
	for _, a := range ov.g.Arrows {
		if a.Stream == hl {
			ends[a.From], ends[a.To] = true, true
		}
	}
	for i, b := range ov.g.Boxes {
		ov.lit[i] = ends[b.ID]
	}
	return ov.lit
}

func (ov *overview) hit(p topology.Point) (string, bool) {
	for i, r := range ov.items {
		if r.Contains(p) && !ov.g.Boxes[i].Component {
			return ov.g.Boxes[i].ID, true
		}
	}
	return "", false
}

func (ov *overview) reveal(id string) (all, key topology.Rect, ok bool) {
	for i, lit := range ov.lights(id) {
		if lit && ov.items[i].W > 0 {
			all = union(all, ov.items[i], ok)
			if !ok {
				key = ov.items[i]
			}
			ok = true
		}
	}
	return all, key, ok
}
