package tui

import (
	"strings"

	"github.com/flowscope/flowscope/model"
)

// SetFilter shows only the systems and streams whose id or name contains
// text (any case), and moves the cursor to the first of them.
func (e *editor) SetFilter(text string) {
	if text == e.filter {
		return
	}
	e.filter = text
	e.sysScroll, e.strScroll = scroller{}, scroller{}
	if text != "" && e.mode == modeList {
		rows := e.visibleRows(&e.s)
		if len(rows) > 1 {
			e.cursor = rows[1]
		} else {
			e.cursor = 0
		}
	}
}

// matches says whether a system or stream id or name contains the filter.
func (e *editor) matches(id, name string) bool {
	f := strings.ToLower(e.filter)
	return f == "" || strings.Contains(strings.ToLower(id), f) || strings.Contains(strings.ToLower(name), f)
}

// matching are the indexes of the systems and streams the filter shows.
func (e *editor) matching(s *model.Scenario) (sys, str []int) {
	for i, sy := range s.Systems {
		if e.matches(sy.ID, sy.Name) {
			sys = append(sys, i)
		}
	}
	for i, st := range s.Streams {
		if e.matches(st.ID, st.Name) {
			str = append(str, i)
		}
	}
	return sys, str
}

// visibleRows are the editor rows on show: the scenario, then the
// matching systems and streams.
func (e *editor) visibleRows(s *model.Scenario) []int {
	sys, str := e.matching(s)
	rows := []int{0}
	for _, i := range sys {
		rows = append(rows, 1+i)
	}
	for _, i := range str {
		rows = append(rows, 1+len(s.Systems)+i)
	}
	return rows
}
