// Package solution reads a Power Platform solution export — the zip, its
// unpacked folder or a legacy flow package — into a scenario draft: one
// Power Automate layer, a system per connector, a stream per cloud flow,
// with a note on every figure the export could not give (docs/import.md).
package solution

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// LayerID is the id of the Power Automate layer every stream goes through.
const LayerID = "flows"

// Note explains one figure of the draft; Assumed marks a figure the
// export does not give, which the architect should confirm.
type Note struct {
	Stream  string // stream id; "" for a system note
	System  string // system id, for a system note
	Key     string // the field the note is about
	Text    string
	Assumed bool
}

// Connector is one connector the flows use and the system it became.
type Connector struct {
	ID     string // shared_commondataserviceforapps
	Kind   string // catalogue kind
	System string // system id in the draft; "" when no counted step reaches it
}

// Skipped is a flow file the draft has no stream for, and why.
type Skipped struct {
	Flow, File, Reason string
}

// Draft is an imported scenario and what the import found and assumed.
type Draft struct {
	Scenario   model.Scenario
	Notes      []Note
	Source     string // the solution's name and version, when it says
	Flows      int    // flows turned into streams
	Skipped    []Skipped
	Connectors []Connector
}

// Assumptions are the notes on assumed figures.
func (d *Draft) Assumptions() []Note {
	var out []Note
	for _, n := range d.Notes {
		if n.Assumed {
			out = append(out, n)
		}
	}
	return out
}

// BaseName is a file name for the draft, without extension: the
// solution's name as an id.
func (d *Draft) BaseName() string { return slug(d.Scenario.Name, "imported") }

// Import reads the export at path (a zip file or a folder) with the
// default limits.
func Import(path string) (*Draft, error) { return ImportWith(path, DefaultLimits()) }

// ImportWith reads the export at path within lim.
func ImportWith(path string, lim Limits) (*Draft, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	var f *files
	if info.IsDir() {
		f, err = readFolder(path, lim)
	} else {
		f, err = readZipFile(path, lim)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d, err := build(f, filepath.Base(filepath.Clean(path)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ReadZip reads an export zip held in memory; name names the draft when
// the solution does not.
func ReadZip(data []byte, name string, lim Limits) (*Draft, error) {
	f, err := readZip(data, lim)
	if err != nil {
		return nil, err
	}
	return build(f, name)
}

// readZipFile reads the archive itself, no larger than everything it may
// unpack to.
func readZipFile(path string, lim Limits) (*files, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, lim.Bytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.Bytes {
		return nil, fmt.Errorf("larger than the %d bytes an export may have", lim.Bytes)
	}
	return readZip(data, lim)
}

// build turns the files of an export into a draft.
func build(f *files, fallbackName string) (*Draft, error) {
	ex, err := readExport(f)
	if err != nil {
		return nil, err
	}
	imp := newImporter(ex)
	d := imp.draft(fallbackName)
	if d.Flows == 0 {
		return nil, fmt.Errorf("no cloud flow to import: %s", skippedText(d.Skipped))
	}
	if err := scenariofile.Validate(d.Scenario); err != nil {
		return nil, fmt.Errorf("the draft does not hold together (please report this): %w", err)
	}
	return d, nil
}

func skippedText(sk []Skipped) string {
	if len(sk) == 0 {
		return "none found"
	}
	s := ""
	for i, k := range sk {
		if i > 0 {
			s += "; "
		}
		s += k.Flow + " (" + k.Reason + ")"
	}
	return s
}
