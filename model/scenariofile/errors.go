package scenariofile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model"
)

// Error is one problem in a scenario: where it is (file, line and column
// when it came from a file), which field (a path like streams[2].volume)
// and what is wrong.
type Error struct {
	File string
	Line int // 1-based; 0 when the scenario was built in memory
	Col  int
	Path string // streams[2].volume: for programs, whatever the ids
	// Item names the system or stream of Path by its id ("stream
	// web-reads"); "" when the id is missing, invalid or not unique.
	Item string
	Err  error
	// Raw is the text the file holds at the error ("" when none).
	Raw string
	// Syntax says the YAML itself could not be read.
	Syntax bool
}

// Error reads "file:line:col: item: path: message", leaving out what is
// unknown; with an item, the path is the field inside it.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		if e.File != "" {
			b.WriteString(e.File)
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Col)
	} else if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	path := e.Path
	if e.Item != "" {
		b.WriteString(e.Item + ": ")
		path = strings.TrimPrefix(path[strings.IndexByte(path, ']')+1:], ".")
	}
	if path != "" {
		b.WriteString(path + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found, in file order, one per line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find a single *Error or *quantity.Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// orNil avoids returning a typed nil error.
func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// joinPath appends a key to a path: "streams[2]" + "volume".
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// labelItems sets the Item of every error inside a system or stream
// whose id names it alone.
func labelItems(s *model.Scenario, es Errors) {
	if len(es) == 0 {
		return
	}
	ids := map[string]int{}
	for i := range s.Systems {
		ids["system "+s.Systems[i].ID]++
	}
	for i := range s.Streams {
		ids["stream "+s.Streams[i].ID]++
	}
	for _, e := range es {
		section, i, ok := itemOf(e.Path)
		if !ok {
			continue
		}
		var label string
		switch {
		case section == "systems" && i < len(s.Systems) && isID(s.Systems[i].ID):
			label = "system " + s.Systems[i].ID
		case section == "streams" && i < len(s.Streams) && s.Streams[i].ID != "" && checkStreamID(s.Streams[i].ID) == nil:
			label = "stream " + s.Streams[i].ID
		default:
			continue
		}
		if ids[label] == 1 {
			e.Item = quoteLabel(label)
		}
	}
}

// quoteLabel quotes a stream id that would not read as one word.
func quoteLabel(label string) string {
	kind, id, _ := strings.Cut(label, " ")
	if isID(id) {
		return label
	}
	return kind + " " + strconv.Quote(id)
}

// itemOf reads "systems[3]..." as ("systems", 3).
func itemOf(path string) (string, int, bool) {
	for _, section := range []string{"systems", "streams"} {
		rest, ok := strings.CutPrefix(path, section+"[")
		if !ok {
			continue
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", 0, false
		}
		i, err := strconv.Atoi(rest[:j])
		return section, i, err == nil && i >= 0
	}
	return "", 0, false
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
