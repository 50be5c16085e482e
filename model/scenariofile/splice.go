package scenariofile

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// errCannotSplice says a change cannot be made in the file's own text;
// the document is then written whole (see Document.Render).
var errCannotSplice = errors.New("cannot change this file in place")

// source is a loaded file's text with the positions the YAML node tree
// refers to: nodes give line and column (in characters), edits work on
// byte offsets.
type source struct {
	data  []byte
	lines []int // byte offset of each line's start
	eol   string
}

func newSource(data []byte) *source {
	s := &source{data: data, lines: []int{0}, eol: "\n"}
	for i, c := range data {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		s.eol = "\r\n"
	}
	return s
}

// offset is the byte offset of a node's line and column.
func (s *source) offset(line, col int) int {
	if line < 1 || line > len(s.lines) {
		return len(s.data)
	}
	at := s.lines[line-1]
	for c := 1; c < col && at < len(s.data) && s.data[at] != '\n'; c++ {
		_, size := utf8.DecodeRune(s.data[at:])
		at += size
	}
	return at
}

// lineStart is the offset of the line holding at.
func (s *source) lineStart(at int) int {
	i, found := slices.BinarySearch(s.lines, at)
	if found {
		return at
	}
	return s.lines[i-1]
}

// nextLine is the offset just past the end of the line holding at.
func (s *source) nextLine(at int) int {
	if i := bytes.IndexByte(s.data[at:], '\n'); i >= 0 {
		return at + i + 1
	}
	return len(s.data)
}

// blankLinesAfter skips the blank lines starting at line offset at.
func (s *source) blankLinesAfter(at int) int {
	for at < len(s.data) {
		next := s.nextLine(at)
		if len(bytes.TrimSpace(s.data[at:next])) != 0 {
			break
		}
		at = next
	}
	return at
}

// atLineStart says whether only spaces come before at on its line.
func (s *source) atLineStart(at int) bool {
	return len(bytes.Trim(s.data[s.lineStart(at):at], " \t")) == 0
}

// start is where a node's content starts: past its anchor and tag.
func (s *source) start(n *yaml.Node) int {
	at := s.offset(n.Line, n.Column)
	for at < len(s.data) && (s.data[at] == '&' || s.data[at] == '!') {
		for at < len(s.data) && !isSpaceByte(s.data[at]) {
			at++
		}
		for at < len(s.data) && s.data[at] == ' ' {
			at++
		}
	}
	return at
}

// keyStart is where a mapping key starts (keys carry no anchors here).
func (s *source) keyStart(k *yaml.Node) int { return s.offset(k.Line, k.Column) }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// end is the offset just past a node's text (its last child's, for a
// block collection; trailing comments excluded).
func (s *source) end(n *yaml.Node) (int, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return s.offset(n.Line, n.Column) + 1 + len(n.Value), nil
	case yaml.ScalarNode:
		return s.scalarEnd(n)
	case yaml.MappingNode, yaml.SequenceNode:
		at := s.start(n)
		if n.Style&yaml.FlowStyle != 0 {
			return s.flowEnd(at)
		}
		if len(n.Content) == 0 {
			return at, nil
		}
		return s.end(n.Content[len(n.Content)-1])
	}
	return 0, errCannotSplice
}

func (s *source) scalarEnd(n *yaml.Node) (int, error) {
	at := s.start(n)
	d := s.data
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := at + 1; i < len(d); i++ {
			switch d[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := at + 1; i < len(d); i++ {
			if d[i] == '\'' {
				if i+1 < len(d) && d[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return s.blockEnd(at), nil
	case n.Tag == "!!null" && n.Value == "":
		return at, nil
	default:
		if !strings.Contains(n.Value, "\n") && bytes.HasPrefix(d[at:], []byte(n.Value)) {
			return at + len(n.Value), nil
		}
	}
	return 0, errCannotSplice
}

// blockEnd is the end of a literal or folded scalar starting at its
// indicator: the last line indented deeper than the line it starts on
// (trailing blank lines stay outside).
func (s *source) blockEnd(at int) int {
	indent := s.indentOf(s.lineStart(at))
	end := s.nextLine(at)
	for next := end; next < len(s.data); next = s.nextLine(next) {
		line := bytes.TrimRight(s.data[next:s.nextLine(next)], "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if s.indentOf(next) <= indent {
			break
		}
		end = s.nextLine(next)
	}
	// Up to the end of the last content line, without its line break.
	for end > at && (s.data[end-1] == '\n' || s.data[end-1] == '\r') {
		end--
	}
	return end
}

// indentOf counts the spaces that start the line at offset (a "- " of a
// sequence entry counts as indentation: its keys are indented by it).
func (s *source) indentOf(line int) int {
	i := line
	for i < len(s.data) && (s.data[i] == ' ' || s.data[i] == '-' && i+1 < len(s.data) && s.data[i+1] == ' ') {
		i++
	}
	return i - line
}

// flowEnd is the offset past the bracket closing the one at at.
func (s *source) flowEnd(at int) (int, error) {
	depth := 0
	d := s.data
	for i := at; i < len(d); i++ {
		switch d[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case '"':
			for i++; i < len(d) && d[i] != '"'; i++ {
				if d[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(d); i++ {
				if d[i] == '\'' {
					if i+1 < len(d) && d[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case '#':
			if i > 0 && isSpaceByte(d[i-1]) {
				i = s.nextLine(i) - 1
			}
		}
	}
	return 0, errCannotSplice
}

// textEdit replaces data[start:end] with text.
type textEdit struct {
	start, end int
	text       string
}

// apply makes the edits (in order of position; at one position in the
// order they were added) and refuses overlapping ones.
func (s *source) apply(edits []textEdit) ([]byte, error) {
	// Insertions before replacements at one position: an insertion at
	// the start of a removed line belongs before it.
	slices.SortStableFunc(edits, func(a, b textEdit) int {
		return cmp.Or(a.start-b.start, (a.end-a.start)-(b.end-b.start))
	})
	size := len(s.data)
	for _, e := range edits {
		size += len(e.text) - (e.end - e.start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, e := range edits {
		if e.start < at || e.end < e.start || e.end > len(s.data) {
			return nil, errCannotSplice
		}
		out = append(out, s.data[at:e.start]...)
		out = append(out, s.lineEnds(e.text)...)
		at = e.end
	}
	return append(out, s.data[at:]...), nil
}

// lineEnds writes text's line breaks the way the file does.
func (s *source) lineEnds(text string) string {
	if s.eol == "\n" || !strings.Contains(text, "\n") {
		return text
	}
	return strings.ReplaceAll(text, "\n", s.eol)
}
