package uv

import (
	"image/color"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// TestPenChangesAsUpstream holds the kept changes of style to what
// working each one out afresh writes: two renderers take the same random
// cells, one keeping its changes and one forgetting them before every
// cell, and must write the same bytes and keep the same pen, in every
// colour profile.
func TestPenChangesAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	colors := []color.Color{nil, ansi.Red, ansi.BrightCyan, ansi.IndexedColor(17), ansi.IndexedColor(244),
		color.RGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xff}, color.RGBA{R: 0xfa, G: 0xfa, B: 0xf0, A: 0xff}, color.Gray{Y: 0x80}}
	// A small set of styles, as a frame has, so that changes repeat.
	styles := make([]Style, 24)
	for i := range styles {
		styles[i] = Style{
			Fg: colors[rng.IntN(len(colors))], Bg: colors[rng.IntN(len(colors))],
			UnderlineColor: colors[rng.IntN(len(colors))],
			Underline:      Underline(rng.IntN(3)), Attrs: uint8(rng.IntN(256)),
		}
	}
	styles[0] = Style{}
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii, colorprofile.NoTTY} {
		kept, fresh := NewTerminalRenderer(io.Discard, nil), NewTerminalRenderer(io.Discard, nil)
		kept.SetColorProfile(p)
		fresh.SetColorProfile(p)
		for n := 0; n < 20000; n++ {
			cell := Cell{Content: "x", Width: 1, Style: styles[rng.IntN(len(styles))]}
			kept.updatePen(&cell)
			fresh.penChanges = nil
			fresh.updatePen(&cell)
			if kept.buf.String() != fresh.buf.String() {
				t.Fatalf("profile %v, cell %d: wrote %q, afresh %q", p, n, kept.buf.String(), fresh.buf.String())
			}
			if kept.cur.Style != fresh.cur.Style {
				t.Fatalf("profile %v, cell %d: pen %+v, afresh %+v", p, n, kept.cur.Style, fresh.cur.Style)
			}
			kept.buf.Reset()
			fresh.buf.Reset()
		}
		if len(kept.penChanges) == 0 {
			t.Fatalf("profile %v: no change was kept", p)
		}
	}
}
