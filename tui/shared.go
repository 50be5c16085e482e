package tui

import (
	"weak"

	"github.com/flowscope/flowscope/internal/shared"
)

// Drawings shared between the sessions of one process. Sessions that show
// the same analysis (everyone on a built-in scenario of a server, the
// viewers of a room) at the same size draw the same pane lines; the first
// to draw them keeps them here and the others take them. Only a pane
// whose drawing is a function of its key shares it (docs/architecture.md,
// "Shared drawings").
//
// A key names the analysis by a weak pointer to the caller's report, so
// the cache keeps no report alive, and a report drawn after another was
// freed at the same address never matches the old key. The lines are
// never changed once drawn; a pane only reads or reslices them.

// sharedDrawings holds at most this many bytes of lines, the least
// recently used going first.
const sharedBudget = 8 << 20

var sharedDrawings = shared.New(sharedBudget)

// sharedFrom is what names the caller's report in a key (the zero
// pointer: analysed here, never shared).
type sharedFrom = weak.Pointer[report]

// shares reports whether sh's drawings may be shared: it shows a report
// the caller gave, with no baseline of this session's beside it.
func (sh *shown) shares() bool {
	return sh != nil && sh.from != (sharedFrom{}) && sh.base == nil && !sh.typed
}

// drawShared is draw's value, taken from the other sessions or kept for
// them under key when sh's drawings are shared; size is what the value
// holds, in bytes.
func drawShared[K comparable, V any](sh *shown, key K, size func(V) int, draw func() V) V {
	if !sh.shares() {
		return draw()
	}
	return shared.Get(sharedDrawings, key, size, draw)
}

// limitsKey names a system's limits drawn at a width.
type limitsKey struct {
	from   sharedFrom
	system int
	w      int
	st     *Styles
}

// limitLines is limitLines for system i of sh's report, shared when sh's
// drawings are (the editor and the capability pane both draw them).
func (sh *shown) limitLines(i, w int, st *Styles) []string {
	return drawShared(sh, limitsKey{sh.from, i, w, st}, shared.LinesSize, func() []string {
		return limitLines(&sh.r, &sh.r.Systems[i], w, st)
	})
}
