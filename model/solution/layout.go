package solution

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// flowSource is one flow file of an export with what the export says of it.
type flowSource struct {
	id, name, file string
	category       string // "5" is a cloud flow; "" when the export does not say
	json           *flowJSON
	skip           string // why it is not imported ("" = imported)
}

// export is what an import found: the solution's name and its flows.
type export struct {
	name, version string
	legacy        bool
	flows         []*flowSource // by file path
}

// xmlWorkflow is a <Workflow> element of customizations.xml or of a
// flow's .data.xml.
type xmlWorkflow struct {
	ID       string `xml:"WorkflowId,attr"`
	Name     string `xml:"Name,attr"`
	JSONFile string `xml:"JsonFileName"`
	Category string `xml:"Category"`
}

type xmlCustomizations struct {
	Workflows []xmlWorkflow `xml:"Workflows>Workflow"`
}

type xmlSolution struct {
	UniqueName string `xml:"SolutionManifest>UniqueName"`
	Version    string `xml:"SolutionManifest>Version"`
	Names      []struct {
		Description string `xml:"description,attr"`
	} `xml:"SolutionManifest>LocalizedNames>LocalizedName"`
}

// categories names the process categories that are not cloud flows.
var categories = map[string]string{
	"0": "classic workflow", "1": "dialog", "2": "business rule", "3": "action",
	"4": "business process flow", "6": "desktop flow",
}

var (
	guidPattern = `[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}`
	flowFile    = regexp.MustCompile(`^(.*)-(` + guidPattern + `)\.json$`)
	anyGUID     = regexp.MustCompile(guidPattern)
)

// errNoFlows is the error of an export without a flow file.
var errNoFlows = errors.New("no cloud flows: expected Workflows/*.json (a solution export or its unpacked folder) " +
	"or Microsoft.Flow/flows/*/definition.json (a legacy package)")

// readExport finds the flows of a solution (export zip or unpacked) or of
// a legacy package, and decodes each.
func readExport(f *files) (*export, error) {
	ex := &export{}
	meta := map[string]xmlWorkflow{} // by lower-case JSON path
	var jsons []string
	for _, name := range f.names {
		lower := strings.ToLower(name)
		dir := strings.ToLower(path.Base(path.Dir(name)))
		switch {
		case dir == "workflows" && strings.HasSuffix(lower, ".json"):
			jsons = append(jsons, name)
		case isLegacyDefinition(lower):
			jsons = append(jsons, name)
			ex.legacy = true
		case path.Base(lower) == "customizations.xml":
			var c xmlCustomizations
			if err := decodeXML(f.data[name], &c); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			for _, w := range c.Workflows {
				meta[strings.ToLower(strings.TrimPrefix(w.JSONFile, "/"))] = w
			}
		case path.Base(lower) == "solution.xml":
			var s xmlSolution
			if err := decodeXML(f.data[name], &s); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			ex.name, ex.version = s.UniqueName, s.Version
			if len(s.Names) > 0 && s.Names[0].Description != "" {
				ex.name = s.Names[0].Description
			}
		case strings.HasSuffix(lower, ".json.data.xml"):
			var w xmlWorkflow
			if err := decodeXML(f.data[name], &w); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			meta[strings.TrimSuffix(lower, ".data.xml")] = w
		}
	}
	if len(jsons) == 0 {
		return nil, errNoFlows
	}
	sort.Strings(jsons)
	for _, name := range jsons {
		fs, err := readFlow(name, f.data[name], meta, ex.legacy)
		if err != nil {
			return nil, err
		}
		ex.flows = append(ex.flows, fs)
	}
	return ex, nil
}

// isLegacyDefinition matches Microsoft.Flow/flows/<folder>/definition.json.
func isLegacyDefinition(lower string) bool {
	parts := strings.Split(lower, "/")
	n := len(parts)
	return n >= 4 && parts[n-1] == "definition.json" && parts[n-3] == "flows" && parts[n-4] == "microsoft.flow"
}

// metaFor finds a flow file's <Workflow> element: by the JSON path the
// export records (whatever folder the export sits in), else none.
func metaFor(name string, meta map[string]xmlWorkflow) (xmlWorkflow, bool) {
	lower := strings.ToLower(name)
	for {
		if w, ok := meta[lower]; ok {
			return w, true
		}
		i := strings.Index(lower, "/")
		if i < 0 {
			return xmlWorkflow{}, false
		}
		lower = lower[i+1:]
	}
}

// readFlow decodes one flow file and names it: the export's metadata
// first, then the file itself, then its file name.
func readFlow(name string, data []byte, meta map[string]xmlWorkflow, legacy bool) (*flowSource, error) {
	fs := &flowSource{file: name}
	if w, ok := metaFor(name, meta); ok {
		fs.id, fs.name, fs.category = FlowID(w.ID), w.Name, strings.TrimSpace(w.Category)
	}
	if m := flowFile.FindStringSubmatch(path.Base(name)); m != nil {
		fs.id = or(fs.id, FlowID(m[2]))
		fs.name = or(fs.name, m[1])
	}
	j, err := parseFlow(name, data)
	if err != nil {
		if errors.Is(err, errNotJSON) {
			return nil, err
		}
		fs.skip = err.Error()
		fs.name = or(fs.name, path.Base(name))
		return fs, nil
	}
	fs.json = j
	if legacy {
		fs.id = or(fs.id, FlowID(lastSegment(j.ID)), FlowID(j.Name), FlowID(path.Base(path.Dir(name))))
	}
	fs.name = or(fs.name, j.Properties.DisplayName, j.Name, strings.TrimSuffix(path.Base(name), ".json"))
	switch {
	case fs.category != "" && fs.category != "5":
		fs.skip = or(categories[fs.category], "category "+fs.category) + ", not a cloud flow"
	case len(j.Properties.Definition.Triggers) == 0:
		fs.skip = "no trigger: not a cloud flow definition"
	case len(j.Properties.Definition.Triggers) > 1:
		fs.skip = "more than one trigger"
	}
	return fs, nil
}

// FlowID is a flow id as the draft records it and calibrate joins on it:
// the GUID in lower case, without braces; other ids in lower case.
func FlowID(id string) string {
	id = strings.TrimSpace(id)
	if g := anyGUID.FindString(id); g != "" {
		return strings.ToLower(g)
	}
	return strings.ToLower(strings.Trim(id, "{}"))
}

// decodeXML reads an XML file that may start with a byte order mark.
func decodeXML(data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d.Decode(v)
}

// or is the first non-empty string.
func or(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
