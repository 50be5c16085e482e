package solution_test

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/solution"
)

// fixture is the made-up solution, unpacked as `pac solution unpack` does.
const fixture = "testdata/contoso"

// zipOf builds a zip of the given files, in name order.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// folderFiles reads every file of a folder by slash path.
func folderFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	xmlDecl  = regexp.MustCompile(`^\x{FEFF}?<\?xml[^>]*\?>\s*`)
	emptyWfs = "<Workflows />"
)

// exportLayout turns the unpacked fixture into the layout of an export
// zip: solution.xml and customizations.xml at the root, the flows' .data.xml
// elements inside customizations.xml, no .data.xml files.
func exportLayout(t testing.TB, unpacked map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{"[Content_Types].xml": `<?xml version="1.0" encoding="utf-8"?><Types/>`}
	var wfs []string
	for n, body := range unpacked {
		switch {
		case strings.HasSuffix(n, ".data.xml"):
			wfs = append(wfs, xmlDecl.ReplaceAllString(body, ""))
		case n == "Other/Solution.xml":
			out["solution.xml"] = body
		case n == "Other/Customizations.xml":
		default:
			out[n] = body
		}
	}
	sort.Strings(wfs)
	cust := unpacked["Other/Customizations.xml"]
	if !strings.Contains(cust, emptyWfs) {
		t.Fatal("fixture customizations.xml has no empty <Workflows />")
	}
	out["customizations.xml"] = strings.Replace(cust, emptyWfs, "<Workflows>"+strings.Join(wfs, "\n")+"</Workflows>", 1)
	return out
}

// writeZip writes data to a file in a temp folder and returns its path.
func writeZip(t testing.TB, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "export.zip")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// oneFlow is a solution zip with one flow of that trigger and actions.
func oneFlow(t testing.TB, trigger, actions string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"Workflows/Probe-11111111-2222-3333-4444-555555555555.json": `{"properties": {"connectionReferences": {
		  "dv": {"connection": {"connectionReferenceLogicalName": "probe_dv"}, "api": {"name": "shared_commondataserviceforapps"}},
		  "sp": {"connection": {"connectionReferenceLogicalName": "probe_sp"}, "api": {"name": "shared_sharepointonline"}},
		  "mail": {"connection": {"connectionReferenceLogicalName": "probe_mail"}, "api": {"name": "shared_office365"}}},
		  "definition": {"triggers": {"T": ` + trigger + `}, "actions": {` + actions + `}}}}`,
	})
}

// probe imports a one-flow solution and returns its one stream.
func probe(t *testing.T, trigger, actions string) (model.Stream, *solution.Draft) {
	t.Helper()
	d, err := solution.ReadZip(oneFlow(t, trigger, actions), "probe", solution.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Scenario.Streams) != 1 {
		t.Fatalf("%d streams", len(d.Scenario.Streams))
	}
	return d.Scenario.Streams[0], d
}

// Steps of the probe flows, by what they do.
const (
	dvRead  = `{"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "dv", "operationId": "ListRecords"}}`
	dvWrite = `{"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "dv", "operationId": "UpdateRecord"}}`
	mail    = `{"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "mail", "operationId": "SendEmailV2"}}`
	compose = `{"type": "Compose", "inputs": "x"`
	button  = `{"type": "Request", "kind": "Button"}`
)

func after(step, prev string, statuses ...string) string {
	if prev == "" {
		return step + `, "runAfter": {}}`
	}
	q := make([]string, len(statuses))
	for i, s := range statuses {
		q[i] = `"` + s + `"`
	}
	return step + `, "runAfter": {"` + prev + `": [` + strings.Join(q, ",") + `]}}`
}

func num(p *float64) float64 {
	if p == nil {
		return -1
	}
	return *p
}

func importProbe(t *testing.T, trigger, actions string) (*solution.Draft, error) {
	t.Helper()
	return solution.ReadZip(oneFlow(t, trigger, actions), "probe", solution.DefaultLimits())
}

func mustZip(t *testing.T, files map[string]string) *solution.Draft {
	t.Helper()
	d, err := solution.ReadZip(zipOf(t, files), "test", solution.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return d
}
