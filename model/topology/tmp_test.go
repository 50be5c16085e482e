package topology

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func dumpL(g Graph, out Layout) string {
	W, H := out.Width, out.Height
	c := make([][]rune, H)
	for y := range c {
		c[y] = []rune(fmt.Sprintf("%*s", W, ""))
	}
	for _, rt := range out.Routes {
		for k := 0; k+1 < len(rt.Points); k++ {
			a, b := rt.Points[k], rt.Points[k+1]
			for p := a; ; {
				ch := '-'
				if a.X == b.X {
					ch = '|'
				}
				if c[p.Y][p.X] != ' ' && c[p.Y][p.X] != ch {
					ch = '+'
				}
				c[p.Y][p.X] = ch
				if p == b {
					break
				}
				p = Point{p.X + sign(b.X-a.X), p.Y + sign(b.Y-a.Y)}
			}
		}
		if n := len(rt.Points); n > 0 {
			c[rt.Points[n-1].Y][rt.Points[n-1].X] = '>'
		}
		if rt.Label.W > 0 {
			for x := rt.Label.X; x < rt.Label.X+rt.Label.W; x++ {
				c[rt.Label.Y][x] = 'L'
			}
		}
	}
	for i, r := range out.Boxes {
		for y := r.Y; y < r.Y+r.H; y++ {
			for x := r.X; x < r.X+r.W; x++ {
				c[y][x] = '#'
			}
		}
		id := []rune(g.Nodes[i].ID)
		for k := 0; k < len(id) && k < r.W-2; k++ {
			c[r.Y+1][r.X+1+k] = id[k]
		}
	}
	s := ""
	for _, row := range c {
		s += string(row) + "\n"
	}
	return s
}

func TestTmpK33(t *testing.T) {
	g := graph("abcdef", "ad", "ae", "af", "bd", "be", "bf", "cd", "ce", "cf")
	l := Compute(g, Options{NodeGap: 1})
	fmt.Print(dumpL(g, l), l.Crossings, "\n")
	var g2 Graph
	b, _ := os.ReadFile("/tmp/dtry/g20.json")
	json.Unmarshal(b, &g2)
	fmt.Println("g20", Compute(g2, Options{NodeGap: 1}).Crossings)
}

func TestTmpK33b(t *testing.T) {
	g := graph("abcdef", "ad", "ae", "af", "bd", "be", "bf", "cd", "ce", "cf")
	l := newLayered(g)
	l.breakCycles()
	l.assignLayers()
	l.buildRanks()
	l.order(6)
	l.assignPorts()
	for r, rk := range l.ranks {
		for _, v := range rk {
			nd := l.vs[v]
			fmt.Println(r, v, l.pos[v], nd.kind, nd.node, "l", nd.lsegs, "r", nd.rsegs)
		}
	}
	for i, s := range l.segs {
		fmt.Println("seg", i, s)
	}
}

func TestTmpK33c(t *testing.T) {
	g := graph("abcdef", "ad", "ae", "af", "bd", "be", "bf", "cd", "ce", "cf")
	l := newLayered(g)
	l.breakCycles()
	l.assignLayers()
	l.buildRanks()
	l.order(6)
	l.assignPorts()
	l.assignY(1)
	h := 100
	for r := 0; r < 2; r++ {
		gr := l.routeGap(r, &h)
		fmt.Println("gap", r, "w", gr.w, "cross", gr.cross)
		for s, ln := range gr.lines {
			fmt.Println("  seg", s, "edge", l.segs[s].edge, "L", ln.L, "R", ln.R, "t", ln.t)
		}
	}
}
