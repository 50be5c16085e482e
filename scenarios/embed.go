// Package scenarios holds the built-in scenarios, one per worked example of
// the integration method, embedded so that flowscope needs no files to
// start.
package scenarios

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

//go:embed *.yaml
var files embed.FS

// Default is the scenario flowscope opens when it is given none.
const Default = "case-updates"

// Info describes one built-in scenario for a listing.
type Info struct {
	Name    string // what to pass to Read and Load, e.g. "case-updates"
	Title   string // the scenario's own name
	Summary string // the first sentence of its description
}

// Names returns the built-in names, Default first, the rest sorted.
func Names() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil // cannot happen with a valid embed pattern
	}
	var names []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if ok && name != Default {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return append([]string{Default}, names...)
}

// List describes every built-in scenario, Default first, the rest sorted.
func List() []Info {
	var out []Info
	for _, name := range Names() {
		info := Info{Name: name, Title: name}
		if s, err := Load(name); err == nil {
			info.Title = s.Name
			info.Summary = firstSentence(s.Description)
		}
		out = append(out, info)
	}
	return out
}

// Read returns the file of a built-in scenario. The name may carry the
// .yaml suffix.
func Read(name string) ([]byte, error) {
	base := strings.TrimSuffix(name, ".yaml")
	if base == "" || strings.ContainsAny(base, `/\`) {
		return nil, unknown(name)
	}
	data, err := files.ReadFile(base + ".yaml")
	if err != nil {
		return nil, unknown(name)
	}
	return data, nil
}

// Load parses and validates a built-in scenario; errors name the file.
func Load(name string) (model.Scenario, error) {
	data, err := Read(name)
	if err != nil {
		return model.Scenario{}, err
	}
	return scenariofile.Parse(strings.TrimSuffix(name, ".yaml")+".yaml", data)
}

func unknown(name string) error {
	return fmt.Errorf("no built-in scenario %q (built-in: %s)", name, strings.Join(Names(), ", "))
}

// firstSentence keeps a listing to one line: the text up to the first
// full stop or semicolon, whitespace folded.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.IndexAny(s, ".;"); i >= 0 {
		s = s[:i]
	}
	return s
}
