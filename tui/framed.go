package tui

import "strings"

// framed is a pane's box as the screen is joined from it: rows of text,
// each with the spaces that pad it to the box's width and, inside the
// border, the border's sides around it. The screen is written from it
// directly, so no framed row is made as a string of its own: a key that
// redraws the panes would make most of the screen twice.
type framed struct {
	side string
	rows []framedRow
}

type framedRow struct {
	text   string
	pad    int  // spaces after text
	inside bool // between the sides
}

// framed fits content to the inside of a w×h box within the border.
func (b border) framed(content []string, w, h int) framed {
	if w < 2 || h < 2 {
		f := framed{rows: make([]framedRow, max(h, 0))}
		for i := range f.rows {
			f.rows[i].pad = max(w, 0)
		}
		return f
	}
	f := framed{side: b.side, rows: make([]framedRow, h)}
	f.rows[0].text, f.rows[h-1].text = b.top, b.bottom
	for i := 1; i < h-1; i++ {
		line := ""
		if i-1 < len(content) {
			line = content[i-1]
		}
		text, pad := fitted(line, w-2)
		f.rows[i] = framedRow{text: text, pad: pad, inside: true}
	}
	return f
}

// unframed is lines as a box of their own, without a border (the tab row).
func unframed(lines ...string) framed {
	f := framed{rows: make([]framedRow, len(lines))}
	for i, l := range lines {
		f.rows[i].text = l
	}
	return f
}

func (f framed) height() int { return len(f.rows) }

// rowSize is the bytes row i takes on screen.
func (f framed) rowSize(i int) int {
	r := f.rows[i]
	n := len(r.text) + r.pad
	if r.inside {
		n += 2 * len(f.side)
	}
	return n
}

// size is the bytes all the rows take.
func (f framed) size() int {
	n := 0
	for i := range f.rows {
		n += f.rowSize(i)
	}
	return n
}

// write writes row i.
func (f framed) write(b *strings.Builder, i int) {
	r := f.rows[i]
	if r.inside {
		b.WriteString(f.side)
	}
	b.WriteString(r.text)
	writeSpaces(b, r.pad)
	if r.inside {
		b.WriteString(f.side)
	}
}

const spaces = "                                                                " // 64
