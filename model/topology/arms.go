package topology

// Arms of a line cell: the neighbours a line drawn through it joins. A
// drawing picks its glyph from them (─ for ArmL|ArmR, ┌ for ArmR|ArmD ...).
const (
	ArmL uint8 = 1 << iota
	ArmR
	ArmU
	ArmD
)

// Arms of a cell in a gap's raster, by their short names.
const (
	armL      = ArmL
	armR      = ArmR
	armU      = ArmU
	armD      = ArmD
	armsH     = armL | armR
	armsV     = armU | armD
	armsCross = armsH | armsV
)

// TraceArms walks an orthogonal polyline cell by cell and calls visit for
// every cell of every segment with the arms the segment gives it: towards
// the segment's end and back towards its start, the two ends each getting
// only their inner arm. A corner is visited once per segment it joins.
func TraceArms(ps []Point, visit func(p Point, arms uint8)) {
	TraceArmsIn(ps, Rect{X: -1 << 30, Y: -1 << 30, W: 1 << 31, H: 1 << 31}, visit)
}

// TraceArmsIn is TraceArms limited to the cells of win: long segments
// outside it cost nothing.
func TraceArmsIn(ps []Point, win Rect, visit func(p Point, arms uint8)) {
	for i := 0; i+1 < len(ps); i++ {
		a, b := ps[i], ps[i+1]
		if max(a.X, b.X) < win.X || min(a.X, b.X) >= win.X+win.W || max(a.Y, b.Y) < win.Y || min(a.Y, b.Y) >= win.Y+win.H {
			continue
		}
		dx, dy := sign(b.X-a.X), sign(b.Y-a.Y)
		toB, toA := armR, armL
		switch {
		case dx < 0:
			toB, toA = armL, armR
		case dy > 0:
			toB, toA = armD, armU
		case dy < 0:
			toB, toA = armU, armD
		}
		// the part of the segment inside win, as steps from a
		n := max(abs(b.X-a.X), abs(b.Y-a.Y))
		lo, hi := 0, n
		if dx != 0 {
			lo, hi = stepRange(a.X, dx, n, win.X, win.X+win.W-1)
		} else if dy != 0 {
			lo, hi = stepRange(a.Y, dy, n, win.Y, win.Y+win.H-1)
		}
		for k := lo; k <= hi; k++ {
			p := Point{X: a.X + k*dx, Y: a.Y + k*dy}
			var arms uint8
			if k > 0 {
				arms |= toA
			}
			if k < n {
				arms |= toB
			}
			visit(p, arms)
		}
	}
}

// stepRange is the steps k in 0..n for which from + k·d lies in lo..hi.
func stepRange(from, d, n, lo, hi int) (int, int) {
	if d > 0 {
		return max(0, lo-from), min(n, hi-from)
	}
	return max(0, from-hi), min(n, from-lo)
}

func sign(v int) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
