package topology

// gline is one segment's way across a gap: straight, or along a vertical
// track t, or (rarely) a free path found by search.
type gline struct {
	s    int
	L, R int // rows at the left and right side of the gap
	t    int
	path []Point // gap-local corners, when routed by search
}

type gapRoute struct {
	w     int
	lines map[int]*gline // by segment id
	cross int
}

// route places the columns and gaps and turns every edge's chain into a
// polyline.
func (l *layered) route(gapMin int) Layout {
	nr := len(l.ranks)
	l.rankW = make([]int, nr)
	height := 0
	for r, rk := range l.ranks {
		l.rankW[r] = 1
		for _, v := range rk {
			l.rankW[r] = max(l.rankW[r], l.vs[v].w)
			height = max(height, l.vs[v].y+l.vs[v].h)
		}
	}
	gaps := make([]gapRoute, max(nr-1, 0))
	for r := range gaps {
		gaps[r] = l.routeGap(r, &height)
		if gaps[r].w == 2 && gapMin < 2 {
			gaps[r].w = gapMin // no track: the lines need no room to turn
		}
	}
	X := make([]int, nr)
	x := 0
	for r := 0; r < nr; r++ {
		X[r] = x
		x += l.rankW[r]
		if r < nr-1 {
			x += gaps[r].w
		}
	}
	out := Layout{Width: x, Height: height, Layers: l.layers,
		Boxes: make([]Rect, len(l.g.Nodes)), Routes: make([]Route, len(l.g.Edges))}
	boxX := func(v int) int {
		nd := l.vs[v]
		return X[nd.rank] + (l.rankW[nd.rank]-nd.w)/2
	}
	for v, nd := range l.vs {
		if nd.kind == vReal {
			out.Boxes[nd.node] = Rect{boxX(v), nd.y, nd.w, nd.h}
		}
	}
	for _, g := range gaps {
		out.Crossings += g.cross
		out.Gaps += g.w
	}
	gapPts := func(s int) []Point {
		sg := l.segs[s]
		r := l.vs[sg.u].rank
		gx := X[r] + l.rankW[r]
		ln := gaps[r].lines[s]
		switch {
		case ln.path != nil:
			ps := make([]Point, len(ln.path))
			for i, p := range ln.path {
				ps[i] = Point{p.X + gx, p.Y}
			}
			return ps
		case ln.L != ln.R:
			return []Point{{gx + ln.t, ln.L}, {gx + ln.t, ln.R}}
		}
		return nil
	}
	for i, e := range l.edges {
		ch := l.chains[i]
		if !e.ok || len(ch) == 0 {
			continue
		}
		rt := &out.Routes[i]
		rt.Back, rt.Loop, rt.Inline = e.back, e.loop, l.inline && e.labelW > 0
		first, last := l.segs[ch[0]], l.segs[ch[len(ch)-1]]
		u := l.vs[first.u]
		pts := []Point{{boxX(first.u) + u.w, u.y + first.ou}}
		if e.loop {
			lv := l.vs[first.v]
			end := X[lv.rank] + l.rankW[lv.rank] - 1
			pts = append(pts, gapPts(ch[0])...)
			pts = append(pts, Point{end, lv.y + first.ov}, Point{end, lv.y + last.ov})
			back := gapPts(ch[1])
			for k := len(back) - 1; k >= 0; k-- {
				pts = append(pts, back[k])
			}
			pts = append(pts, Point{boxX(first.u) + u.w, u.y + last.ou})
			if e.labelW > 0 {
				rt.Label = l.labelRect(X, lv, e.labelW)
			}
		} else {
			for _, s := range ch {
				pts = append(pts, gapPts(s)...)
				if v := l.vs[l.segs[s].v]; v.kind == vLabel {
					rt.Label = l.labelRect(X, v, e.labelW)
				}
			}
			pts = append(pts, Point{boxX(last.v) - 1, l.vs[last.v].y + last.ov})
			if e.back {
				for a, b := 0, len(pts)-1; a < b; a, b = a+1, b-1 {
					pts[a], pts[b] = pts[b], pts[a]
				}
			}
		}
		rt.Points = simplify(pts)
	}
	return out
}

// labelRect is where a label item's text goes: above its line, or on it
// between two blanks when labels are inline.
func (l *layered) labelRect(X []int, v vnode, w int) Rect {
	x := X[v.rank] + (l.rankW[v.rank]-v.w)/2
	switch {
	case l.topDown: // one column, turned back to a row when transposed
		return Rect{x, v.y + v.h - w, 1, w}
	case l.inline:
		return Rect{x + 1, v.y, w, 1}
	}
	return Rect{x, v.y, w, 1}
}

// simplify drops repeated points and points in the middle of a straight run.
func simplify(ps []Point) []Point {
	out := ps[:0:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if (a.X == b.X && b.X == p.X) || (a.Y == b.Y && b.Y == p.Y) {
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// routeGap gives each segment crossing the gap after rank r its vertical
// track. Tracks are ordered so that edges cross only where their ends force
// them to, and shared by edges whose vertical runs do not overlap.
func (l *layered) routeGap(r int, height *int) gapRoute {
	g := gapRoute{lines: map[int]*gline{}}
	var all []*gline
	var bent []*gline
	for _, u := range l.ranks[r] {
		for _, s := range l.vs[u].rsegs {
			sg := l.segs[s]
			ln := &gline{s: s, L: l.vs[sg.u].y + sg.ou, R: l.vs[sg.v].y + sg.ov}
			g.lines[s] = ln
			all = append(all, ln)
			if ln.L != ln.R {
				bent = append(bent, ln)
			}
		}
	}
	placed, stuck := assignTracks(bent)
	n := 0
	for _, ln := range placed {
		n = max(n, ln.t)
	}
	if len(stuck) == 0 {
		g.w = n + 2
		g.cross = countCross(all, g.w, *height)
		return g
	}
	for k := len(stuck); ; k++ {
		g.w = n + 2 + 2*k
		for _, ln := range placed {
			ln.path = nil
		}
		if ok, h := searchRoutes(all, stuck, k, g.w, *height+k); ok {
			*height = max(*height, h)
			g.cross = countCross(all, g.w, *height)
			return g
		}
	}
}
