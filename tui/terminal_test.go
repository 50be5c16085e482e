package tui

import "testing"

func TestASCIITerminalFromEnvironment(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-256color", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"TERM": "xterm-256color"}, false},
		{map[string]string{"TERM": "linux", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"TERM": "vt100"}, true},
		{map[string]string{"TERM": "vt100-am"}, true},
		{map[string]string{"TERM": "dumb"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "C"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "de_DE.ISO-8859-1"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "en_US.utf8"}, false},
		{map[string]string{"TERM": "xterm", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"TERM": "xterm", "LC_CTYPE": "en_US.UTF-8", "LANG": "C"}, false},
	}
	for _, c := range cases {
		if got := ASCIITerminal(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: ascii %v, want %v", c.env, got, c.want)
		}
	}
}
