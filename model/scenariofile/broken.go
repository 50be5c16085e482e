package scenariofile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	"github.com/flowscope/flowscope/model"
)

// ParseBroken reads a scenario file that may not validate, as far as it
// can, so that the user can fix it rather than face a dead end. It
// returns the scenario with every value that could be read (a value in
// error is left unset), a document to save the fixed scenario into, and
// the errors (nil when the file is fine). Saving through that document
// keeps the file's text and takes out what stayed in error: a key left
// unset, an unknown key. With a YAML syntax error nothing can be read:
// the document is nil, the scenario empty, and the error, marked
// Syntax, has a position; SourceContext shows the lines around it.
func ParseBroken(filename string, data []byte) (*Document, model.Scenario, Errors) {
	s, root, err := parse(filename, data, true)
	var es Errors
	if err != nil && !errors.As(err, &es) {
		es = Errors{{File: filename, Line: 1, Col: 1, Err: err}}
	}
	if root == nil {
		return nil, model.Scenario{}, es
	}
	d := &Document{data: bytes.Clone(data), root: root, base: s.Clone(), hash: sha256.Sum256(data), loaded: true}
	for _, e := range es {
		item, key := brokenKey(e.Path)
		if key == "" {
			continue
		}
		if d.broken == nil {
			d.broken = map[string]map[string]bool{}
		}
		if d.broken[item] == nil {
			d.broken[item] = map[string]bool{}
		}
		d.broken[item][key] = true
	}
	return d, s, es
}

// brokenKey splits an error's path into its item ("" for the scenario,
// "streams[2]") and the key in it (volume for streams[2].volume.per).
func brokenKey(path string) (item, key string) {
	if _, _, ok := itemOf(path); ok {
		j := strings.IndexByte(path, ']')
		item, path = path[:j+1], strings.TrimPrefix(path[j+1:], ".")
	}
	if i := strings.IndexAny(path, ".["); i >= 0 {
		path = path[:i]
	}
	return item, path
}

// SourceContext is the lines of data around line (around lines before
// and after), numbered, with a caret under column col of that line:
//
//	7 |     to: b
//	8 |     to: [b
//	  |         ^
func SourceContext(data []byte, line, col, around int) []string {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	first, last := max(1, line-around), min(len(lines), line+around)
	width := len(fmt.Sprint(last))
	var out []string
	for n := first; n <= last; n++ {
		out = append(out, fmt.Sprintf("%*d | %s", width, n, lines[n-1]))
		if n == line && col >= 1 {
			out = append(out, fmt.Sprintf("%*s | %s^", width, "", strings.Repeat(" ", col-1)))
		}
	}
	return out
}
