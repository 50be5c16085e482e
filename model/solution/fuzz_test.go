package solution

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowscope/flowscope/model/scenariofile"
)

var fuzzLimits = Limits{Files: 50, FileBytes: 1 << 20, Bytes: 4 << 20}

// fixtureFlows are the flow files of the made-up solution, as seeds.
func fixtureFlows(f *testing.F) [][]byte {
	paths, _ := filepath.Glob("testdata/contoso/Workflows/*.json")
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// checkDraft asserts what any accepted input gives: a draft that loads.
func checkDraft(t *testing.T, d *Draft) {
	data, err := d.YAML()
	if err != nil {
		t.Fatalf("YAML: %v", err)
	}
	if _, err := scenariofile.Parse("fuzz.yaml", data); err != nil {
		t.Fatalf("an accepted draft does not load: %v\n%s", err, data)
	}
}

// Whatever the bytes of a zip, the import never panics, and what it
// accepts loads.
func FuzzReadZip(f *testing.F) {
	for _, flow := range fixtureFlows(f) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("Workflows/F-11111111-2222-3333-4444-555555555555.json")
		w.Write(flow)
		zw.Close()
		f.Add(b.Bytes())
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadZip(data, "fuzz", fuzzLimits)
		if err == nil {
			checkDraft(t, d)
		}
	})
}

// Whatever the JSON of a flow file (and of a child flow it may call), the
// import never panics, and what it accepts loads.
func FuzzFlowJSON(f *testing.F) {
	for _, flow := range fixtureFlows(f) {
		f.Add(flow, []byte(`{}`))
	}
	f.Add([]byte(`{"properties": {"definition": {"triggers": {"t": {"type": "Request"}}, "actions": {"c": {"type": "Workflow",
		"inputs": {"host": {"workflowReferenceName": "11111111-2222-3333-4444-000000000002"}}}}}}}`),
		[]byte(`{"properties": {"definition": {"triggers": {"t": {"type": "Request"}}, "actions": {"c": {"type": "Workflow",
		"inputs": {"host": {"workflowReferenceName": "11111111-2222-3333-4444-000000000001"}}}}}}}`))
	// Control characters in an id once reached a comment of the draft.
	f.Add([]byte(`{"properties": {"definition": {"triggers": {"t": {"type": "Request"}}, "actions": {"c": {"type": "Workflow",
		"inputs": {"host": {"workflowReferenceName": "\u0001\u0007"}}}}}}}`), []byte(`{}`))
	f.Fuzz(func(t *testing.T, flow, child []byte) {
		a := "Workflows/A-11111111-2222-3333-4444-000000000001.json"
		b := "Workflows/B-11111111-2222-3333-4444-000000000002.json"
		fs := &files{names: []string{a, b}, data: map[string][]byte{a: flow, b: child}}
		d, err := build(fs, "fuzz")
		if err == nil {
			checkDraft(t, d)
		}
	})
}
