package diagram

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/internal/textwidth"
	"github.com/flowscope/flowscope/model/topology"
)

// The grid checker reads a drawing back from its characters and asserts
// what makes it readable: boxes intact and apart, every arrow traced from
// its head back to its source box without touching a box or a label,
// lines meeting only in crossings, labels verbatim on their own edge, and
// nothing wider than asked unless the drawing says it pans.

type dir struct{ dx, dy int }

var (
	left  = dir{-1, 0}
	right = dir{1, 0}
	up    = dir{0, -1}
	down  = dir{0, 1}
)

// arms of the Unicode edge glyphs
var glyphArms = map[rune][]dir{
	'─': {left, right}, '│': {up, down}, '┼': {left, right, up, down},
	'┌': {right, down}, '┐': {left, down}, '└': {right, up}, '┘': {left, up},
}

type trace struct {
	from, to int // box indices
	cells    []topology.Point
}

type checkStats struct{ crossings int }

func checkDrawing(t testing.TB, g Graph, d Drawing, width int) checkStats {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format+"\n%s", append(args, d.Grid.String())...)
	}
	grid, lay := d.Grid, d.Layout
	if width > 0 && grid.W > width && !d.Pans {
		fail("drawing is %d wide, asked %d, and does not say it pans", grid.W, width)
	}
	for y := 0; y < grid.H; y++ {
		if w := textwidth.Cells(grid.Line(y)); w > grid.W {
			fail("line %d is %d cells, grid is %d", y, w, grid.W)
		}
	}
	boxAt := make([]int32, grid.W*grid.H)
	for i := range boxAt {
		boxAt[i] = -1
	}
	lines := d.BoxLines()
	for i, r := range lay.Boxes {
		if r.X < 0 || r.Y < 0 || r.X+r.W > grid.W || r.Y+r.H > grid.H {
			fail("box %s %v outside the grid", g.Boxes[i].ID, r)
		}
		for j := 0; j < i; j++ {
			if r.Overlaps(lay.Boxes[j]) {
				fail("boxes %s and %s overlap", g.Boxes[i].ID, g.Boxes[j].ID)
			}
		}
		for y := r.Y; y < r.Y+r.H; y++ {
			for x := r.X; x < r.X+r.W; x++ {
				boxAt[y*grid.W+x] = int32(i)
				c := grid.At(x, y).R
				var want rune
				switch {
				case y == r.Y && x == r.X:
					want = '╭'
				case y == r.Y && x == r.X+r.W-1:
					want = '╮'
				case y == r.Y+r.H-1 && x == r.X:
					want = '╰'
				case y == r.Y+r.H-1 && x == r.X+r.W-1:
					want = '╯'
				case y == r.Y || y == r.Y+r.H-1:
					want = '─'
				case x == r.X || x == r.X+r.W-1:
					want = '│'
				}
				if want != 0 && c != want {
					fail("box %s broken at %d,%d: %q", g.Boxes[i].ID, x, y, c)
				}
			}
		}
		for k, l := range lines[i] {
			if got := strings.TrimSpace(rowText(grid, r.X+1, r.Y+1+k, r.W-2)); got != l {
				fail("box %s line %d reads %q, want %q", g.Boxes[i].ID, k, got, l)
			}
		}
	}
	labelAt := make([]int32, grid.W*grid.H)
	for i := range labelAt {
		labelAt[i] = -1
	}
	labels := d.Labels()
	for i, rt := range lay.Routes {
		if labels[i] == "" {
			continue
		}
		r := rt.Label
		if r.W != textwidth.Cells(labels[i]) || r.H != 1 {
			fail("label %q has rect %v", labels[i], r)
		}
		if got := rowText(grid, r.X, r.Y, r.W); got != labels[i] {
			fail("label of arrow %d reads %q, want %q", i, got, labels[i])
		}
		x0, x1 := r.X, r.X+r.W-1
		if rt.Inline { // a blank on each side, part of the label
			x0, x1 = x0-1, x1+1
			if grid.At(x0, r.Y).R != ' ' || grid.At(x1, r.Y).R != ' ' {
				fail("inline label %q is not set apart by blanks", labels[i])
			}
		}
		for x := x0; x <= x1; x++ {
			c := r.Y*grid.W + x
			if boxAt[c] >= 0 {
				fail("label %q on box %s", labels[i], g.Boxes[boxAt[c]].ID)
			}
			if labelAt[c] >= 0 {
				fail("labels %q and %q overlap", labels[i], labels[labelAt[c]])
			}
			labelAt[c] = int32(i)
		}
	}
	jumped := map[int]int{} // inline label → trace that runs through it
	// trace every arrowhead back to its source
	owner := make([]int32, grid.W*grid.H)
	for i := range owner {
		owner[i] = -1
	}
	var traces []trace
	for y := 0; y < grid.H; y++ {
		for x := 0; x < grid.W; x++ {
			c := grid.At(x, y).R
			ahead, isHead := headDir(c)
			if !isHead || boxAt[y*grid.W+x] >= 0 || labelAt[y*grid.W+x] >= 0 {
				continue
			}
			back := dir{-ahead.dx, -ahead.dy}
			to := sideBox(boxAt, lay.Boxes, grid.W, x+ahead.dx, y+ahead.dy, ahead)
			if to < 0 {
				fail("arrowhead at %d,%d is not beside the side of a box", x, y)
			}
			tr := trace{to: to, cells: []topology.Point{{X: x, Y: y}}}
			px, py, mv := x, y, back
			for steps := 0; ; steps++ {
				if steps > grid.W*grid.H {
					fail("trace from %d,%d loops", x, y)
				}
				nx, ny := px+mv.dx, py+mv.dy
				if nx < 0 || ny < 0 || nx >= grid.W || ny >= grid.H {
					fail("trace from %d,%d leaves the grid at %d,%d", x, y, nx, ny)
				}
				if b := int(boxAt[ny*grid.W+nx]); b >= 0 {
					if sideBox(boxAt, lay.Boxes, grid.W, nx, ny, mv) != b {
						fail("trace from %d,%d runs into box %s at %d,%d", x, y, g.Boxes[b].ID, nx, ny)
					}
					tr.from = b
					break
				}
				if li := int(labelAt[ny*grid.W+nx]); li >= 0 {
					r := lay.Routes[li].Label
					if !lay.Routes[li].Inline || mv.dy != 0 {
						fail("trace from %d,%d runs into a label at %d,%d", x, y, nx, ny)
					}
					// an inline label interrupts its line: go on past it
					if _, seen := jumped[li]; seen {
						fail("two traces run through label %q", labels[li])
					}
					jumped[li] = len(traces)
					if mv.dx < 0 {
						nx = r.X - 2
					} else {
						nx = r.X + r.W + 1
					}
				}
				arms, ok := armsOf(grid.At(nx, ny).R)
				if !ok {
					fail("trace from %d,%d broken at %d,%d (%q)", x, y, nx, ny, grid.At(nx, ny).R)
				}
				in := dir{-mv.dx, -mv.dy}
				if !hasDir(arms, in) {
					fail("trace from %d,%d enters %d,%d against its glyph", x, y, nx, ny)
				}
				if len(arms) == 2 {
					for _, a := range arms {
						if a != in {
							mv = a
						}
					}
				}
				px, py = nx, ny
				tr.cells = append(tr.cells, topology.Point{X: px, Y: py})
			}
			traces = append(traces, tr)
		}
	}
	crossings := 0
	for ti, tr := range traces {
		for _, p := range tr.cells {
			c := p.Y*grid.W + p.X
			if owner[c] >= 0 && int(owner[c]) != ti {
				if grid.At(p.X, p.Y).R != '┼' {
					fail("edges share cell %d,%d without crossing", p.X, p.Y)
				}
				crossings++
			}
			owner[c] = int32(ti)
		}
	}
	for y := 0; y < grid.H; y++ {
		for x := 0; x < grid.W; x++ {
			c := y*grid.W + x
			if _, isLine := armsOf(grid.At(x, y).R); isLine && boxAt[c] < 0 && labelAt[c] < 0 && owner[c] < 0 {
				fail("stray line cell at %d,%d", x, y)
			}
		}
	}
	// the traced edges are exactly the arrows
	want, got := []string{}, []string{}
	for _, a := range g.Arrows {
		want = append(want, a.From+">"+a.To)
	}
	for _, tr := range traces {
		got = append(got, g.Boxes[tr.from].ID+">"+g.Boxes[tr.to].ID)
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(want, " ") != strings.Join(got, " ") {
		fail("traced edges differ from arrows:\n got %v\nwant %v", got, want)
	}
	// each label sits on or right above a line of its own arrow
	for i, rt := range lay.Routes {
		if labels[i] == "" {
			continue
		}
		a := g.Arrows[i]
		if rt.Inline {
			tr, ok := jumped[i]
			if !ok || g.Boxes[traces[tr].from].ID != a.From || g.Boxes[traces[tr].to].ID != a.To {
				fail("inline label %q is not on its arrow %s>%s", labels[i], a.From, a.To)
			}
			continue
		}
		cells := []topology.Point{}
		if d.Form.TopDown() { // beside its line, after a blank
			cells = append(cells, topology.Point{X: rt.Label.X - 2, Y: rt.Label.Y})
			if grid.At(rt.Label.X-1, rt.Label.Y).R != ' ' {
				fail("label %q is not set apart from its line", labels[i])
			}
		} else {
			for x := rt.Label.X; x < rt.Label.X+rt.Label.W; x++ {
				cells = append(cells, topology.Point{X: x, Y: rt.Label.Y + 1})
			}
		}
		for _, p := range cells {
			o := int(owner[p.Y*grid.W+p.X])
			if o < 0 || g.Boxes[traces[o].from].ID != a.From || g.Boxes[traces[o].to].ID != a.To {
				fail("label %q is not by its arrow %s>%s at %d,%d", labels[i], a.From, a.To, p.X, p.Y)
			}
		}
	}
	if crossings != lay.Crossings {
		fail("layout reports %d crossings, the drawing has %d", lay.Crossings, crossings)
	}
	return checkStats{crossings: crossings}
}

func hasDir(ds []dir, d dir) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

var heads = map[rune]dir{'▶': right, '◀': left, '▼': down, '▲': up}

// headDir and armsOf are the two tables as quick look-ups: the checker
// reads every cell of drawings of millions of cells.
func headDir(r rune) (dir, bool) {
	if r < '\u2500' {
		return dir{}, false
	}
	d, ok := heads[r]
	return d, ok
}

func armsOf(r rune) ([]dir, bool) {
	if r < '\u2500' || r > '\u257f' {
		return nil, false
	}
	a, ok := glyphArms[r]
	return a, ok
}

// sideBox is the box whose side, met moving in direction mv, is at x, y
// (a side, not a corner).
func sideBox(boxAt []int32, boxes []topology.Rect, w, x, y int, mv dir) int {
	if x < 0 || y < 0 || x >= w || y*w+x >= len(boxAt) {
		return -1
	}
	b := int(boxAt[y*w+x])
	if b < 0 {
		return -1
	}
	r := boxes[b]
	switch {
	case mv == right && x == r.X, mv == left && x == r.X+r.W-1:
		if y > r.Y && y < r.Y+r.H-1 {
			return b
		}
	case mv == down && y == r.Y, mv == up && y == r.Y+r.H-1:
		if x > r.X && x < r.X+r.W-1 {
			return b
		}
	}
	return -1
}

// rowText reads n cells from x, y as text.
func rowText(g *Grid, x, y, n int) string {
	var b strings.Builder
	for k := 0; k < n; k++ {
		if r := g.At(x+k, y).R; r != 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func describe(g Graph) string {
	return fmt.Sprintf("%d boxes, %d arrows", len(g.Boxes), len(g.Arrows))
}

// fakeTB records a failure instead of stopping the test.
type fakeTB struct {
	testing.TB
	failed string
}

type stop struct{}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	panic(stop{})
}

func checkFails(g Graph, d Drawing, width int) (msg string) {
	f := &fakeTB{}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
			msg = f.failed
		}
	}()
	checkDrawing(f, g, d, width)
	return ""
}
