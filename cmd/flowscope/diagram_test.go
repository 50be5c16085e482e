package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestDiagramFormats(t *testing.T) {
	code, out, errOut := runCLI(t, "diagram", "case-updates", "--width", "160")
	if code != exitOK || errOut != "" || !strings.Contains(out, "Dataverse") || !strings.Contains(out, "▶") {
		t.Fatalf("unicode: exit %d, stderr %q\n%s", code, errOut, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 160 {
			t.Fatalf("line %d wide:\n%s", w, l)
		}
	}
	code, out, _ = runCLI(t, "diagram", "case-updates", "-f", "ascii", "-w", "100")
	for _, c := range out {
		if c >= 0x80 {
			t.Fatalf("ascii output has %q", c)
		}
	}
	if code != exitOK || !strings.Contains(out, ">") {
		t.Fatalf("ascii: exit %d\n%s", code, out)
	}
	for format, want := range map[string]string{"mermaid": "flowchart LR", "d2": "direction: right", "dot": "digraph "} {
		code, out, _ := runCLI(t, "diagram", "case-updates", "--format", format, "--recommended")
		if code != exitOK || !strings.Contains(out, want) || !strings.Contains(out, "dataverse") {
			t.Fatalf("%s: exit %d\n%s", format, code, out)
		}
	}
}

func TestDiagramTooNarrowSaysSo(t *testing.T) {
	code, out, errOut := runCLI(t, "diagram", "service-landscape", "--width", "30")
	if code != exitOK || out == "" || !strings.Contains(errOut, "columns wide") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestDiagramUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"diagram"},
		{"diagram", "case-updates", "--format", "png"},
		{"diagram", "case-updates", "--width", "-3"},
	} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, _ := runCLI(t, "diagram", "no-such-scenario"); code != exitBadFile {
		t.Errorf("missing scenario: exit %d, want %d", code, exitBadFile)
	}
}

// A landscape wider than --width says so and points to --focus and the
// exports; --focus draws one item's neighbourhood only.
func TestDiagramFocus(t *testing.T) {
	code, out, errOut := runCLI(t, "diagram", "service-landscape", "--width", "30")
	if code != exitOK || out == "" || !strings.Contains(errOut, "--focus") || !strings.Contains(errOut, "dot") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	code, whole, _ := runCLI(t, "diagram", "medical-sync", "-f", "dot")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	code, part, errOut := runCLI(t, "diagram", "medical-sync", "-f", "dot", "--focus", "dv-fr")
	if code != exitOK || errOut != "" {
		t.Fatalf("focus: exit %d, stderr %q", code, errOut)
	}
	// the French instance talks to the flows only, which reach Germany
	// and the Netherlands through other streams
	if !strings.Contains(part, `"dv-fr"`) || !strings.Contains(part, `"flows"`) || strings.Contains(part, `"dv-nl"`) || !strings.Contains(whole, `"dv-nl"`) {
		t.Fatalf("focus on dv-fr:\n%s", part)
	}
	for _, args := range [][]string{
		{"diagram", "medical-sync", "--focus", "no-such-id"},
		{"diagram", "medical-sync", "--focus", "dv-fr", "--depth", "0"},
		{"diagram", "medical-sync", "--depth", "2"},
	} {
		if code, _, errOut := runCLI(t, args...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}
