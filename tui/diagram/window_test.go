package diagram

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/topology"
)

// A window painted on its own equals the same region of the whole drawing,
// cell for cell and class for class, wherever it lies (partly outside the
// drawing included), in every form and with a highlight.
func TestWindowEqualsRegionOfWholeDrawing(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var graphs []Graph
	for name, s := range builtins(t) {
		g := FromReport(s, analysis.Analyze(s), name == "medical-sync")
		graphs = append(graphs, g)
	}
	for i := 0; i < 12; i++ {
		n := 5 + r.IntN(60)
		graphs = append(graphs, randomGraph(r, n, r.IntN(2*n)))
	}
	graphs = append(graphs, randomGraph(r, 400, 700))
	for gi, g := range graphs {
		for level := 0; level < Levels; level++ {
			hl := ""
			if len(g.Arrows) > 0 && level%2 == 0 {
				hl = g.Arrows[r.IntN(len(g.Arrows))].Stream
			} else if len(g.Boxes) > 0 {
				hl = g.Boxes[r.IntN(len(g.Boxes))].ID
			}
			whole := DrawForm(g, Form{Level: level, ASCII: gi%3 == 0}, hl)
			sc := whole.sc
			for k := 0; k < 25; k++ {
				win := topology.Rect{X: r.IntN(sc.Width()+20) - 10, Y: r.IntN(sc.Height()+10) - 5, W: 1 + r.IntN(130), H: 1 + r.IntN(40)}
				part := sc.paint(win, hl)
				if part.W != win.W || part.H != win.H {
					t.Fatalf("graph %d level %d: window %v painted %d×%d", gi, level, win, part.W, part.H)
				}
				for y := 0; y < win.H; y++ {
					for x := 0; x < win.W; x++ {
						if got, want := part.At(x, y), whole.Grid.At(win.X+x, win.Y+y); got != want {
							t.Fatalf("graph %d level %d window %v: cell %d,%d is %q/%d, whole drawing has %q/%d\n%s",
								gi, level, win, x, y, got.R, got.C, want.R, want.C, fmt.Sprint(part.String()))
						}
					}
				}
			}
		}
	}
}
