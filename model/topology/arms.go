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
	for i := 0; i+1 < len(ps); i++ {
		a, b := ps[i], ps[i+1]
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
		for p := a; ; p = (Point{p.X + dx, p.Y + dy}) {
			var arms uint8
			if p != a {
				arms |= toA
			}
			if p != b {
				arms |= toB
			}
			visit(p, arms)
			if p == b {
				break
			}
		}
	}
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
