package solution_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model/solution"
)

// largeSolution is an export zip's files with n cloud flows, made from the
// fixture's flows in turn (each a new id and name), and the child flow
// that one of them calls.
func largeSolution(tb testing.TB, n int) map[string]string {
	tb.Helper()
	unpacked := folderFiles(tb, fixture)
	var templates []string
	child := ""
	for name, body := range unpacked {
		switch {
		case strings.HasPrefix(name, "Workflows/Writeaudit-") && strings.HasSuffix(name, ".json"):
			child = name
		case strings.HasPrefix(name, "Workflows/Scrapeportal-"):
		case strings.HasSuffix(name, ".json"):
			templates = append(templates, body)
		}
	}
	files := map[string]string{"solution.xml": unpacked["Other/Solution.xml"], child: unpacked[child]}
	var wfs []string
	for i := range n {
		id := fmt.Sprintf("AB000000-0000-4000-8000-%012d", i)
		file := fmt.Sprintf("Workflows/Flow%d-%s.json", i, id)
		files[file] = templates[i%len(templates)]
		wfs = append(wfs, fmt.Sprintf(`<Workflow WorkflowId="{%s}" Name="Flow %d"><JsonFileName>/%s</JsonFileName><Category>5</Category></Workflow>`, id, i, file))
	}
	wfs = append(wfs, `<Workflow WorkflowId="{6A1F4C2E-0B1D-4E8A-9C3F-2D7E5B8A1C06}" Name="Write audit"><JsonFileName>/`+child+`</JsonFileName><Category>5</Category></Workflow>`)
	files["customizations.xml"] = "<ImportExportXml><Workflows>" + strings.Join(wfs, "") + "</Workflows></ImportExportXml>"
	return files
}

// Importing a 200-flow export zip, from its bytes to the draft's YAML.
func BenchmarkImportZip200(b *testing.B) {
	data := zipOf(b, largeSolution(b, 200))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		d, err := solution.ReadZip(data, "large", solution.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		if d.Flows != 200 {
			b.Fatalf("%d flows", d.Flows)
		}
		if _, err := d.YAML(); err != nil {
			b.Fatal(err)
		}
	}
}

// Importing the same export unpacked in a folder.
func BenchmarkImportFolder200(b *testing.B) {
	dir := b.TempDir()
	for name, body := range largeSolution(b, 200) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		d, err := solution.Import(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.YAML(); err != nil {
			b.Fatal(err)
		}
	}
}
