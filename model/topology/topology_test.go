package topology

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

func graph(nodes string, edges ...string) Graph {
	var g Graph
	for _, id := range nodes {
		g.Nodes = append(g.Nodes, Node{ID: string(id), W: 9, H: 5})
	}
	for i, e := range edges {
		g.Edges = append(g.Edges, Edge{ID: fmt.Sprint(i), From: e[:1], To: e[1:], Label: "event 1.2k/min"})
	}
	return g
}

// Graphs whose least number of crossings in a layered drawing is known.
func TestCrossingsAtKnownMinimum(t *testing.T) {
	cases := []struct {
		name string
		g    Graph
		min  int
	}{
		{"chain", graph("abcd", "ab", "bc", "cd"), 0},
		{"tree", graph("abcdefg", "ab", "ac", "bd", "be", "cf", "cg"), 0},
		{"diamond", graph("abcd", "ab", "ac", "bd", "cd"), 0},
		{"twisted pairs", graph("abcd", "ad", "bc"), 0},
		{"twisted ladder", graph("abcdef", "af", "be", "cd", "fx"[:1]+"e"), 0},
		{"K2,2", graph("abcd", "ac", "ad", "bc", "bd"), 1},
		{"K2,3", graph("abcde", "ac", "ad", "ae", "bc", "bd", "be"), 3},
		{"K3,3", graph("abcdef", "ad", "ae", "af", "bd", "be", "bf", "cd", "ce", "cf"), 9},
		{"two parts", graph("abcdwxyz", "ad", "bc", "wz", "xy"), 0},
		{"cycle", graph("abc", "ab", "bc", "ca"), 0},
		{"crossed three layers", graph("abcdef", "ad", "bc", "cf", "de"), 0},
	}
	for _, c := range cases {
		l := Compute(c.g, Options{NodeGap: 1})
		if l.Crossings != c.min {
			t.Errorf("%s: %d crossings, minimum is %d", c.name, l.Crossings, c.min)
		}
	}
}

func randomGraph(r *rand.Rand, n, m int) Graph {
	var g Graph
	for i := 0; i < n; i++ {
		g.Nodes = append(g.Nodes, Node{ID: fmt.Sprint(i), W: 4 + r.IntN(12), H: 3 + r.IntN(3), Role: Role(r.IntN(4))})
	}
	for i := 0; i < m; i++ {
		lb := ""
		if r.IntN(5) > 0 {
			lb = fmt.Sprintf("e %d/s", r.IntN(1000))
		}
		g.Edges = append(g.Edges, Edge{ID: fmt.Sprint(i), From: fmt.Sprint(r.IntN(n)), To: fmt.Sprint(r.IntN(n)), Label: lb})
	}
	return g
}

func TestDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20; i++ {
		g := randomGraph(r, 5+r.IntN(40), r.IntN(80))
		a := Compute(g, Options{NodeGap: 1})
		for k := 0; k < 3; k++ {
			if b := Compute(g, Options{NodeGap: 1}); !reflect.DeepEqual(a, b) {
				t.Fatalf("graph %d: layouts differ between runs", i)
			}
		}
	}
}

// The geometry itself: boxes apart, routes orthogonal, starting beside the
// source box and ending beside the target box, never inside a box.
func TestGeometry(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 100; i++ {
		g := randomGraph(r, 2+r.IntN(60), r.IntN(120))
		g.Edges = append(g.Edges, Edge{From: "nope", To: "0"})
		l := Compute(g, Options{NodeGap: i % 2})
		for a := range l.Boxes {
			for b := 0; b < a; b++ {
				if l.Boxes[a].Overlaps(l.Boxes[b]) {
					t.Fatalf("graph %d: boxes %d and %d overlap", i, a, b)
				}
			}
		}
		for k, e := range g.Edges {
			rt := l.Routes[k]
			if e.From == "nope" {
				if len(rt.Points) != 0 {
					t.Fatalf("graph %d: edge to a missing node was routed", i)
				}
				continue
			}
			src, dst := l.Boxes[index(g, e.From)], l.Boxes[index(g, e.To)]
			ps := rt.Points
			if !beside(src, ps[0]) || !beside(dst, ps[len(ps)-1]) {
				t.Fatalf("graph %d edge %d: ends %v %v not beside %v %v", i, k, ps[0], ps[len(ps)-1], src, dst)
			}
			for j := 0; j+1 < len(ps); j++ {
				a, b := ps[j], ps[j+1]
				if a.X != b.X && a.Y != b.Y {
					t.Fatalf("graph %d edge %d: diagonal step %v %v", i, k, a, b)
				}
				for p := a; ; p = (Point{p.X + sign(b.X-a.X), p.Y + sign(b.Y-a.Y)}) {
					for bi, bx := range l.Boxes {
						if bx.Contains(p) {
							t.Fatalf("graph %d edge %d runs through box %d at %v", i, k, bi, p)
						}
					}
					if p.X < 0 || p.Y < 0 || p.X >= l.Width || p.Y >= l.Height {
						t.Fatalf("graph %d edge %d leaves the layout at %v", i, k, p)
					}
					if p == b {
						break
					}
				}
			}
		}
	}
}

func index(g Graph, id string) int {
	for i, n := range g.Nodes {
		if n.ID == id {
			return i
		}
	}
	return -1
}

// beside: on a left or right side of r, next to it, not at a corner row.
func beside(r Rect, p Point) bool {
	return (p.X == r.X-1 || p.X == r.X+r.W) && p.Y > r.Y && p.Y < r.Y+r.H-1
}

// Sources go left, targets right.
func TestRolesOrderColumns(t *testing.T) {
	g := graph("stmx", "sm", "mt", "xt")
	g.Nodes[0].Role, g.Nodes[1].Role, g.Nodes[2].Role, g.Nodes[3].Role = Source, Target, Middle, Source
	l := Compute(g, Options{})
	s, tg, m, x := l.Boxes[0], l.Boxes[1], l.Boxes[2], l.Boxes[3]
	if !(s.X < m.X && m.X < tg.X && x.X == s.X) {
		t.Fatalf("columns: source %d, middle %d, target %d, other source %d", s.X, m.X, tg.X, x.X)
	}
}

// MinExtent never promises less than a layout takes, in any form, and the
// layers it reports are those the boxes stand in.
func TestMinExtentIsALowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	forms := []Options{{NodeGap: 1}, {InlineLabels: true}, {GapMin: 1, InlineLabels: true}, {NodeGap: 1, GapMin: 1, TopDown: true}}
	for i := 0; i < 60; i++ {
		g := randomGraph(r, 2+r.IntN(60), r.IntN(120))
		var layers []int
		for _, opt := range forms {
			l := Compute(g, opt)
			// the layers come from the edges and roles alone: every form
			// of a graph has the same
			if layers == nil {
				layers = l.NodeLayer
			} else if !reflect.DeepEqual(layers, l.NodeLayer) {
				t.Fatalf("graph %d %+v: layers %v, the roomy form's %v", i, opt, l.NodeLayer, layers)
			}
			w, h := MinExtent(g, opt)
			if w > l.Width || h > l.Height {
				t.Fatalf("graph %d %+v: least extent %d×%d, layout %d×%d", i, opt, w, h, l.Width, l.Height)
			}
			if w*h == 0 && len(g.Nodes) > 0 {
				t.Fatalf("graph %d %+v: least extent %d×%d", i, opt, w, h)
			}
			for v, b := range l.Boxes {
				for u, c := range l.Boxes {
					before := b.X+b.W <= c.X
					if opt.TopDown {
						before = b.Y+b.H <= c.Y
					}
					if l.NodeLayer[v] < l.NodeLayer[u] && !before {
						t.Fatalf("graph %d %+v: node %d in layer %d is not before node %d in layer %d", i, opt, v, l.NodeLayer[v], u, l.NodeLayer[u])
					}
				}
			}
		}
	}
}
