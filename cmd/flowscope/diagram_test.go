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
