package tui

import "strings"

// asciiTerminals are terminals known to lack Unicode line drawing.
var asciiTerminals = []string{"linux", "vt52", "vt100", "vt102", "vt220", "dumb", "cons25", "ansi"}

// ASCIITerminal says whether the environment asks for plain ASCII: a
// terminal without line drawing (TERM, also with a suffix such as
// vt100-am), or a locale that is set but not UTF-8 (the first of LC_ALL,
// LC_CTYPE and LANG that is set decides, as in C). No locale at all is
// taken as UTF-8, which most terminals are today.
func ASCIITerminal(getenv func(string) string) bool {
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
