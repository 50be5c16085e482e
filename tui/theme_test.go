package tui

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestThemeContrast checks every text colour of every theme against the
// background it is written on: at least 4.5:1, the WCAG AA ratio.
func TestThemeContrast(t *testing.T) {
	if r := contrast(color.White, color.Black); math.Abs(r-21) > 0.01 {
		t.Fatalf("white on black is %.2f:1, want 21:1", r)
	}
	for _, theme := range themeCycle {
		p := paletteFor(theme)
		for name, c := range p.textColours() {
			if r := contrast(c[0], c[1]); r < 4.5 {
				t.Errorf("%s: %s is %.2f:1", theme, name, r)
			}
		}
	}
}

// TestThemesPaintTheirBackground checks that each theme brings its own
// background, to the terminal and to the styles, whatever the terminal's.
func TestThemesPaintTheirBackground(t *testing.T) {
	for _, theme := range themeCycle {
		for _, dark := range []bool{true, false} {
			st := NewStyles(theme, dark)
			bg := paletteFor(theme).bg
			if st.Background != bg {
				t.Errorf("%s on a dark=%v terminal sets no background", theme, dark)
			}
			for name, s := range map[string]interface{ GetBackground() color.Color }{
				"Label": st.Label, "Muted": st.Muted, "Help key": st.Help.ShortKey, "Help desc": st.Help.ShortDesc, "Over": st.Over,
			} {
				if s.GetBackground() != bg {
					t.Errorf("%s: %s has no background", theme, name)
				}
			}
		}
	}
	opts, _ := testOptions(t)
	opts.Theme = ThemeLight
	m := newSized(opts, 80, 24)
	if v := m.View(); v.BackgroundColor != paletteFor(ThemeLight).bg {
		t.Error("the view does not set the light theme's background")
	}
}

// TestThemeRemembered checks that t writes the theme to the config folder
// and that a new local session starts with it; without a config folder
// (a served session) nothing is written.
func TestThemeRemembered(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "flowscope")
	opts, _ := testOptions(t)
	opts.ConfigDir = dir
	m := newSized(opts, 80, 24)
	m, cmd := send(t, m, keys("t")...)
	m = run(t, m, cmd)
	if got := readTheme(dir); got != m.ctx.styles.Theme || got == "" {
		t.Fatalf("remembered %q, the session shows %q", got, m.ctx.styles.Theme)
	}
	if m.statusErr {
		t.Errorf("status: %q", m.status)
	}
	if err := os.WriteFile(filepath.Join(dir, themeFile), []byte("plaid\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if readTheme(dir) != "" {
		t.Error("an unknown theme was taken")
	}
	served, _ := testOptions(t)
	m = newSized(served, 80, 24)
	if _, cmd := send(t, m, keys("t")...); cmd != nil {
		t.Error("a session without a config folder starts a write")
	}
}
