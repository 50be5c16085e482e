package diagram

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
)

var triggers = []model.Trigger{model.TriggerEvent, model.TriggerInstant, model.TriggerSchedule}

// randomGraph makes a graph of n boxes and about m arrows with cycles,
// parallel arrows, self-loops, isolated boxes and disconnected parts.
func randomGraph(r *rand.Rand, n, m int) Graph {
	g := Graph{Title: "random"}
	names := []string{"Website", "Dataverse", "Cloud flows", "SAP", "Oracle PLM", "Mailbox", "Lake", "Ünïcode café", "x"}
	kinds := []string{"website", "dataverse", "power-automate", "sap", "oracle", "email", "data-lake", "custom"}
	for i := 0; i < n; i++ {
		b := Box{ID: fmt.Sprintf("s%d", i), Name: names[r.IntN(len(names))] + fmt.Sprint(i), Kind: kinds[r.IntN(len(kinds))],
			Util: r.Float64() * 1.5, State: State(1 + r.IntN(3))}
		if r.IntN(10) == 0 {
			b.Component, b.Kind, b.State = true, []string{"cache", "queue", "gateway", "custom-code"}[r.IntN(4)], NoData
		}
		g.Boxes = append(g.Boxes, b)
	}
	parts := 1 + r.IntN(3) // disconnected parts: arrows stay within a part
	for k := 0; k < m; k++ {
		p := r.IntN(parts)
		pick := func() int {
			for {
				i := r.IntN(n)
				if i%parts == p || n < parts {
					return i
				}
			}
		}
		a, b := pick(), pick()
		if a == b && r.IntN(4) != 0 {
			continue // a few self-loops
		}
		if n > 6 && a == n-1 || b == n-1 {
			continue // keep one box isolated
		}
		ar := Arrow{Stream: fmt.Sprintf("t%d", k), From: g.Boxes[a].ID, To: g.Boxes[b].ID,
			Trigger: triggers[r.IntN(3)], Rate: r.ExpFloat64() * 50}
		g.Arrows = append(g.Arrows, ar)
		if r.IntN(8) == 0 { // a parallel arrow
			ar.Stream += "p"
			g.Arrows = append(g.Arrows, ar)
		}
	}
	return g
}

func TestRandomGraphsHoldTheInvariants(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 300; i++ {
		n := 5 + r.IntN(30)
		if i%25 == 0 {
			n = 60 + r.IntN(141)
		}
		m := r.IntN(2*n + 1)
		g := randomGraph(r, n, m)
		for _, w := range []int{100, 160} {
			d := Draw(g, w, false, "")
			t.Run(fmt.Sprintf("%d-%s-w%d", i, describe(g), w), func(t *testing.T) {
				checkDrawing(t, g, d, w)
			})
		}
		// every form, whether or not a width would pick it
		level := i % Levels
		d := DrawForm(g, Form{Level: level}, "")
		t.Run(fmt.Sprintf("%d-%s-level%d", i, describe(g), level), func(t *testing.T) {
			checkDrawing(t, g, d, 0)
		})
	}
	// a few landscape-sized graphs, in the roomy form the viewer opens
	// them in and in the compact one
	for i, nm := range [][3]int{{1000, 1000, 0}, {600, 1200, 1}} {
		g := randomGraph(r, nm[0], nm[1])
		d := DrawForm(g, Form{Level: nm[2]}, "")
		t.Run(fmt.Sprintf("large-%d-%s-level%d", i, describe(g), nm[2]), func(t *testing.T) {
			checkDrawing(t, g, d, 0)
		})
	}
}

func sample() Graph {
	return Graph{
		Boxes: []Box{
			{ID: "web", Name: "Website", Kind: "website", Util: 0.2, State: Fine},
			{ID: "flows", Name: "Cloud flows", Kind: "power-automate", Util: 0.85, State: Alert},
			{ID: "dv", Name: "Dataverse", Kind: "dataverse", Util: 1.3, State: Over},
			{ID: "app", Name: "App", Kind: "power-app", Util: 0.1, State: Fine},
		},
		Arrows: []Arrow{
			{Stream: "a", From: "web", To: "flows", Trigger: model.TriggerEvent, Rate: 20},
			{Stream: "a", From: "flows", To: "dv", Trigger: model.TriggerEvent, Rate: 20},
			{Stream: "b", From: "dv", To: "flows", Trigger: model.TriggerInstant, Rate: 0.5},
			{Stream: "b", From: "flows", To: "web", Trigger: model.TriggerInstant, Rate: 0.5},
			{Stream: "c", From: "app", To: "dv", Trigger: model.TriggerSchedule, Rate: 200},
		},
	}
}

func TestCheckerCatchesFaults(t *testing.T) {
	g := sample()
	fresh := func() Drawing { return Draw(g, 0, false, "") }
	if msg := checkFails(g, fresh(), 0); msg != "" {
		t.Fatalf("clean drawing fails: %s", msg)
	}
	faults := map[string]func(d *Drawing, g *Graph){
		"blank line cell": func(d *Drawing, _ *Graph) {
			p := d.Layout.Routes[0].Points[0]
			d.Grid.set(p.X, p.Y, ' ', ClassNone)
		},
		"label changed": func(d *Drawing, _ *Graph) {
			r := d.Layout.Routes[2].Label
			d.Grid.set(r.X, r.Y, 'X', ClassLabel)
		},
		"box overlap": func(d *Drawing, _ *Graph) { d.Layout.Boxes[1] = d.Layout.Boxes[0] },
		"arrow dropped": func(_ *Drawing, g *Graph) {
			g.Arrows = append(g.Arrows, Arrow{Stream: "x", From: "web", To: "dv"})
		},
		"stray line": func(d *Drawing, _ *Graph) {
			for i, c := range d.Grid.Cells {
				if c.R == ' ' {
					d.Grid.Cells[i].R = '│'
					return
				}
			}
		},
		"too wide": func(d *Drawing, _ *Graph) { d.Grid.W += 0 },
	}
	for name, f := range faults {
		d, g2 := fresh(), g
		g2.Arrows = append([]Arrow(nil), g.Arrows...)
		f(&d, &g2)
		width := 0
		if name == "too wide" {
			width = d.Grid.W - 1
		}
		if msg := checkFails(g2, d, width); msg == "" {
			t.Errorf("%s: checker passed", name)
		}
	}
}

func rand7() *rand.Rand { return rand.New(rand.NewPCG(7, 7)) }

func TestDegenerateGraphs(t *testing.T) {
	for _, g := range []Graph{
		{},
		{Boxes: []Box{{ID: "a", Name: "A", Kind: "sql", State: Fine}}},
		{Boxes: []Box{{ID: "a", Name: "A", Kind: "sql"}}, Arrows: []Arrow{{Stream: "s", From: "a", To: "a", Trigger: model.TriggerEvent}}},
		{Boxes: []Box{{ID: "a"}, {ID: "b"}}, Arrows: []Arrow{{Stream: "s", From: "a", To: "b"}, {Stream: "t", From: "b", To: "a"}}},
	} {
		for _, w := range []int{0, 10, 100} {
			checkDrawing(t, g, Draw(g, w, false, ""), w)
		}
	}
	v := NewViewer() // nothing set yet
	if v.View(testStyles()) != "" {
		t.Fatal("a viewer without size draws something")
	}
	v.SetSize(20, 3)
	if got := v.View(testStyles()); len(strings.Split(got, "\n")) != 3 {
		t.Fatalf("empty viewer view %q", got)
	}
}
