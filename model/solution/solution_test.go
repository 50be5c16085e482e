package solution_test

import (
	"errors"
	"io/fs"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/scenariofile"
	"github.com/flowscope/flowscope/model/solution"
)

// The made-up solution gives exactly the expected draft, which loads back
// to the imported scenario and analyses.
func TestImportGolden(t *testing.T) {
	d, err := solution.Import(fixture)
	if err != nil {
		t.Fatal(err)
	}
	data, err := d.YAML()
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, data)
	back, err := scenariofile.Parse("draft.yaml", data)
	if err != nil {
		t.Fatalf("the draft does not load: %v", err)
	}
	a, _ := scenariofile.Marshal(back)
	b, _ := scenariofile.Marshal(d.Scenario)
	if string(a) != string(b) {
		t.Fatalf("the draft loads back to another scenario:\n%s\nwant\n%s", a, b)
	}
	if r := analysis.Analyze(back); len(r.Streams) != 5 {
		t.Fatalf("analysis has %d streams", len(r.Streams))
	}
	if d.Flows != 5 || len(d.Skipped) != 2 {
		t.Fatalf("flows %d, skipped %+v", d.Flows, d.Skipped)
	}
	reasons := d.Skipped[0].Reason + " | " + d.Skipped[1].Reason
	if !strings.Contains(reasons, "desktop flow") || !strings.Contains(reasons, "child flow: its actions count in Order status changed") {
		t.Errorf("skip reasons: %s", reasons)
	}
}

// The draft records each flow's id (lower case, no braces) and its name
// from the export (XML entities decoded).
func TestImportFlowIdentity(t *testing.T) {
	d, err := solution.Import(fixture)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]model.Stream{}
	for _, st := range d.Scenario.Streams {
		byName[st.Name] = st
	}
	st, ok := byName["Approve expense > app"]
	if !ok {
		t.Fatalf("no stream named from the decoded Name attribute: %v", byName)
	}
	if st.Flow != "6a1f4c2e-0b1d-4e8a-9c3f-2d7e5b8a1c04" {
		t.Errorf("flow id %q", st.Flow)
	}
	if st.To != "dataverse-contoso-hq" {
		t.Errorf("a WithOrganization action should reach the other environment's Dataverse, got to %q", st.To)
	}
	if got := byName["Nightly order sync"].Identity; got != "contoso_dataverse" {
		t.Errorf("identity %q, want the connection reference of its target", got)
	}
	if c := byName["Nightly order sync"].Concurrency; c == nil || *c != 10 {
		t.Errorf("concurrency %v, want the outer loop's 10", c)
	}
}

// The folder, the folder zipped, and the export zip's own layout (flow
// metadata inside customizations.xml) give the same draft.
func TestZipAndFolderGiveTheSameDraft(t *testing.T) {
	want := importYAML(t, fixture)
	unpacked := folderFiles(t, fixture)
	for name, files := range map[string]map[string]string{
		"zipped folder": unpacked,
		"export zip":    exportLayout(t, unpacked),
	} {
		if got := importYAML(t, writeZip(t, zipOf(t, files))); got != want {
			t.Errorf("%s differs from the folder:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

func importYAML(t *testing.T, path string) string {
	t.Helper()
	d, err := solution.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := d.YAML()
	if err != nil {
		t.Fatal(err)
	}
	// The fallback name is the path's base; the solution names itself here.
	return string(data)
}

// A legacy package: definition.json per flow folder, connection references
// by id, ApiConnection steps addressed through $connections.
func TestImportLegacyPackage(t *testing.T) {
	const guid = "0f5c2d7a-9e41-4b6a-8c3d-1a2b3c4d5e6f"
	data := zipOf(t, map[string]string{
		"manifest.json":                      `{"schema": "1.0"}`,
		"Microsoft.Flow/flows/manifest.json": `{"flowAssets": {"assetPaths": ["` + guid + `"]}}`,
		"Microsoft.Flow/flows/" + guid + "/definition.json": `{"name": "` + guid + `", "id": "/providers/Microsoft.Flow/flows/` + guid + `",
		  "properties": {"displayName": "Copy new items",
		    "connectionReferences": {"shared_sharepointonline": {"id": "/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},
		                             "shared_sql": {"apiName": "sql"}},
		    "definition": {"triggers": {"When_an_item_is_created": {"type": "ApiConnection", "recurrence": {"frequency": "Minute", "interval": 3},
		        "splitOn": "@triggerBody()?['value']",
		        "inputs": {"host": {"connection": {"name": "@parameters('$connections')['shared_sharepointonline']['connectionId']"}}, "method": "get", "path": "/datasets/x/tables/y/onnewitems"}}},
		      "actions": {"Insert_row": {"type": "ApiConnection", "runAfter": {},
		        "inputs": {"host": {"connection": {"name": "@parameters('$connections')['shared_sql']['connectionId']"}}, "method": "post", "path": "/datasets/default/tables/orders/items"}}}}}}`,
	})
	d, err := solution.ReadZip(data, "legacy", solution.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	st := d.Scenario.Streams[0]
	if st.Name != "Copy new items" || st.Flow != guid || st.From != "sharepoint" || st.To != "sql" || st.Trigger != model.TriggerEvent {
		t.Errorf("legacy stream: %+v", st)
	}
	if d.Scenario.Name != "legacy" {
		t.Errorf("a package without solution.xml is named by its file: %q", d.Scenario.Name)
	}
}

// Every assumed figure has a comment in the draft, and the summary lists it.
func TestAssumedFiguresAreCommented(t *testing.T) {
	d, err := solution.Import(fixture)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := d.YAML()
	lines := strings.Split(string(data), "\n")
	as := d.Assumptions()
	if len(as) < 5 {
		t.Fatalf("only %d assumptions", len(as))
	}
	for _, st := range d.Scenario.Streams {
		if st.Trigger != model.TriggerSchedule && !hasNote(as, st.ID, "volume") {
			t.Errorf("stream %s: its volume is not marked assumed", st.ID)
		}
	}
	volumes := 0
	for _, l := range lines {
		if strings.Contains(l, "volume:") {
			volumes++
			if !strings.Contains(l, "# ") {
				t.Errorf("volume without a comment: %q", l)
			}
		}
	}
	if volumes != 5 {
		t.Errorf("%d volume lines", volumes)
	}
}

func hasNote(ns []solution.Note, stream, key string) bool {
	for _, n := range ns {
		if n.Stream == stream && n.Key == key {
			return true
		}
	}
	return false
}

// Bad input is refused with a clear message.
func TestImportRefusesBadInput(t *testing.T) {
	small := solution.Limits{Files: 5, FileBytes: 1 << 10, Bytes: 3 << 10}
	flow := `{"properties": {"definition": {"triggers": {"manual": {"type": "Request", "kind": "Button"}}, "actions": {}}}}`
	cases := []struct {
		name  string
		data  []byte
		lim   solution.Limits
		error string
	}{
		{"corrupt zip", []byte("PK\x03\x04 this is not really a zip"), solution.DefaultLimits(), "not a readable zip"},
		{"no flows", zipOf(t, map[string]string{"solution.xml": "<ImportExportXml/>"}), solution.DefaultLimits(), "no cloud flows"},
		{"not JSON", zipOf(t, map[string]string{"Workflows/a.json": "{not json"}), solution.DefaultLimits(), "not JSON"},
		{"one file too large", zipOf(t, map[string]string{"Workflows/a.json": flow + strings.Repeat(" ", 2<<10)}), small, "more than the 1024 bytes"},
		{"all files too large", zipOf(t, map[string]string{
			"Workflows/a.json": flow + strings.Repeat(" ", 900), "Workflows/b.json": flow + strings.Repeat(" ", 900),
			"Workflows/c.json": flow + strings.Repeat(" ", 900), "Workflows/d.json": flow + strings.Repeat(" ", 900)}), small, "add up to more than"},
		{"too many files", zipOf(t, map[string]string{"a": "", "b": "", "c": "", "d": "", "e": "", "f": ""}), small, "6 entries"},
		{"path escapes", zipOf(t, map[string]string{"../Workflows/a.json": flow}), solution.DefaultLimits(), "leaves the archive's folder"},
		{"absolute path", zipOf(t, map[string]string{"/etc/Workflows/a.json": flow}), solution.DefaultLimits(), "leaves the archive's folder"},
		{"only skipped flows", zipOf(t, map[string]string{"Workflows/a.json": `{"properties": {"definition": {"triggers": {}}}}`}), solution.DefaultLimits(), "no cloud flow to import"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := solution.ReadZip(c.data, "x", c.lim)
			if err == nil || !strings.Contains(err.Error(), c.error) {
				t.Fatalf("error %v, want one saying %q", err, c.error)
			}
		})
	}
}

// A zip bomb stops at the per-file cap however small it is compressed.
func TestImportStopsAZipBomb(t *testing.T) {
	bomb := zipOf(t, map[string]string{"Workflows/bomb.json": strings.Repeat("0", 8<<20)})
	if len(bomb) > 64<<10 {
		t.Fatalf("the bomb is %d bytes compressed", len(bomb))
	}
	_, err := solution.ReadZip(bomb, "bomb", solution.Limits{Files: 10, FileBytes: 1 << 20, Bytes: 8 << 20})
	if err == nil || !strings.Contains(err.Error(), "more than the 1048576 bytes") {
		t.Fatalf("error %v", err)
	}
}

func TestImportRefusesAFolderWithoutFlows(t *testing.T) {
	dir := t.TempDir()
	_, err := solution.Import(dir)
	if err == nil || !strings.Contains(err.Error(), "no cloud flows") {
		t.Fatalf("error %v", err)
	}
	if _, err := solution.Import(dir + "/missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a missing path: %v", err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
