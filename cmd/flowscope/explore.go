package main

import (
	"context"
	"os"
	"strings"

	"github.com/flowscope/flowscope/scenarios"
	"github.com/flowscope/flowscope/tui"
)

// explore opens the interactive explorer on target: an existing path is
// a scenario file, anything else a built-in name, "" the default
// built-in. The explorer itself offers to restore unsaved edits left in
// a recovery file by an earlier session.
func explore(ctx context.Context, target string) error {
	opts, err := exploreOptions(target)
	if err != nil {
		return err
	}
	opts.ASCII = asciiTerminal(os.Getenv)
	return tui.Run(ctx, opts)
}

// exploreOptions resolves FILE|NAME into what the explorer opens.
func exploreOptions(target string) (tui.Options, error) {
	if target == "" {
		target = scenarios.Default
	}
	s, path, err := loadScenario(target)
	if err != nil {
		return tui.Options{}, err
	}
	opts := tui.Options{Scenario: s, Name: path}
	if path == "" {
		opts.Name, opts.Builtin = target, true
	}
	return opts, nil
}

// asciiTerminals are terminals known to lack Unicode line drawing.
var asciiTerminals = []string{"linux", "vt52", "vt100", "vt102", "vt220", "dumb", "cons25", "ansi"}

// asciiTerminal says whether the environment asks for plain ASCII: a
// terminal without line drawing (TERM, also with a suffix such as
// vt100-am), or a locale that is set but not UTF-8 (the first of LC_ALL,
// LC_CTYPE and LANG that is set decides, as in C). No locale at all is
// taken as UTF-8, which most terminals are today.
func asciiTerminal(getenv func(string) string) bool {
	term := strings.ToLower(getenv("TERM"))
	for _, t := range asciiTerminals {
		if term == t || strings.HasPrefix(term, t+"-") {
			return true
		}
	}
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if loc := getenv(v); loc != "" {
			l := strings.ToLower(loc)
			return !strings.Contains(l, "utf-8") && !strings.Contains(l, "utf8")
		}
	}
	return false
}
