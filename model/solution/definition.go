package solution

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// flowJSON is a flow file: a solution's Workflows/*.json or a legacy
// package's definition.json (which adds name, id and displayName).
type flowJSON struct {
	Name       string `json:"name"`
	ID         string `json:"id"`
	Properties struct {
		DisplayName          string             `json:"displayName"`
		ConnectionReferences map[string]connRef `json:"connectionReferences"`
		Definition           struct {
			Triggers map[string]*step `json:"triggers"`
			Actions  map[string]*step `json:"actions"`
		} `json:"definition"`
	} `json:"properties"`
}

// connRef is one connection reference of a flow, by its local name.
type connRef struct {
	Connection struct {
		LogicalName string `json:"connectionReferenceLogicalName"`
		Name        string `json:"name"`
	} `json:"connection"`
	API struct {
		Name string `json:"name"`
	} `json:"api"`
	ID      string `json:"id"`      // legacy: /providers/Microsoft.PowerApps/apis/shared_x
	APIName string `json:"apiName"` // legacy, sometimes without shared_
}

// connector is the connector id a reference points at (shared_x).
func (c connRef) connector() string {
	if c.API.Name != "" {
		return c.API.Name
	}
	if c.ID != "" {
		return lastSegment(c.ID)
	}
	if c.APIName != "" && !strings.HasPrefix(c.APIName, "shared_") {
		return "shared_" + c.APIName
	}
	return c.APIName
}

// account is what names the connection a reference uses: the identity
// its requests run as.
func (c connRef) account(key string) string {
	if c.Connection.LogicalName != "" {
		return c.Connection.LogicalName
	}
	return key
}

// step is a trigger or an action; containers hold more steps.
type step struct {
	Type   string `json:"type"`
	Kind   string `json:"kind"`
	Inputs struct {
		Host struct {
			ConnectionName string `json:"connectionName"`
			OperationID    string `json:"operationId"`
			APIID          string `json:"apiId"`
			Connection     struct {
				Name string `json:"name"`
			} `json:"connection"`
			WorkflowReferenceName string `json:"workflowReferenceName"`
		} `json:"host"`
		Method     string         `json:"method"`
		Parameters map[string]any `json:"parameters"`
	} `json:"inputs"`
	Recurrence *struct {
		Frequency string  `json:"frequency"`
		Interval  flexNum `json:"interval"`
		Schedule  struct {
			Hours    flexList `json:"hours"`
			Minutes  flexList `json:"minutes"`
			WeekDays flexList `json:"weekDays"`
		} `json:"schedule"`
	} `json:"recurrence"`
	Conditions []json.RawMessage   `json:"conditions"`
	SplitOn    any                 `json:"splitOn"`
	Foreach    any                 `json:"foreach"`
	RunAfter   map[string]flexList `json:"runAfter"`
	Runtime    struct {
		Concurrency struct {
			Repetitions flexNum `json:"repetitions"`
			Runs        flexNum `json:"runs"`
		} `json:"concurrency"`
	} `json:"runtimeConfiguration"`
	Actions map[string]*step `json:"actions"`
	Else    *struct {
		Actions map[string]*step `json:"actions"`
	} `json:"else"`
	Cases map[string]*struct {
		Actions map[string]*step `json:"actions"`
	} `json:"cases"`
	Default *struct {
		Actions map[string]*step `json:"actions"`
	} `json:"default"`
}

// flexNum is a number that may be written as a number or a numeric
// string; anything else (an expression) leaves it unset.
type flexNum struct {
	V  float64
	OK bool
}

func (n *flexNum) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	switch x := v.(type) {
	case float64:
		n.V, n.OK = x, true
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
			n.V, n.OK = f, true
		}
	}
	return nil
}

// flexList is a list of strings that may also be written as numbers or as
// one comma-separated string.
type flexList []string

func (l *flexList) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	switch x := v.(type) {
	case string:
		for _, p := range strings.Split(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				*l = append(*l, p)
			}
		}
	case []any:
		for _, e := range x {
			switch y := e.(type) {
			case string:
				*l = append(*l, y)
			case float64:
				*l = append(*l, strconv.FormatFloat(y, 'f', -1, 64))
			}
		}
	}
	return nil
}

// errNotJSON marks a file that is not JSON at all (an error of the whole
// import), as opposed to JSON of an unexpected shape (a skipped flow).
var errNotJSON = errors.New("not JSON")

// parseFlow decodes one flow file.
func parseFlow(name string, data []byte) (*flowJSON, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		return nil, fmt.Errorf("%s: %w: %v", name, errNotJSON, err)
	}
	// A value of another type than expected (an expression where a number
	// goes, text where an object goes) leaves that field unset: the rest
	// of the flow still counts.
	var f flowJSON
	var typeErr *json.UnmarshalTypeError
	if err := json.Unmarshal(data, &f); err != nil && !errors.As(err, &typeErr) {
		return nil, fmt.Errorf("unexpected shape: %v", err)
	}
	return &f, nil
}

// ordered lists the steps of a map in run order: a step after the steps
// it runs after, ties by name, so counting is stable.
func ordered(steps map[string]*step) []string {
	names := make([]string, 0, len(steps))
	for n := range steps {
		names = append(names, n)
	}
	sort.Strings(names)
	depth := make(map[string]int, len(names))
	visiting := map[string]bool{}
	var visit func(n string) int
	visit = func(n string) int {
		if d, ok := depth[n]; ok {
			return d
		}
		st := steps[n]
		if st == nil || visiting[n] { // a cycle: runAfter is broken, keep going
			return 0
		}
		visiting[n] = true
		d := 0
		for p := range st.RunAfter {
			if _, ok := steps[p]; ok {
				d = max(d, visit(p)+1)
			}
		}
		depth[n] = d
		return d
	}
	for _, n := range names {
		visit(n)
	}
	sort.SliceStable(names, func(i, j int) bool { return depth[names[i]] < depth[names[j]] })
	return names
}

// lastSegment is the part of a path after its last slash.
func lastSegment(p string) string {
	return p[strings.LastIndex(p, "/")+1:]
}
