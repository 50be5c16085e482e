package solution

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/catalog"
)

// importer builds one draft: the systems found so far and the flows by id.
type importer struct {
	ex         *export
	flows      map[string]*flowSource // by flow id
	systems    []model.System
	byKey      map[string]string // connector or caller → system id
	ids        map[string]bool   // ids taken (systems and streams apart)
	streamIDs  map[string]bool
	connectors []Connector
	children   map[string][]string // child flow id → flows that call it
	counting   map[string]bool     // child flows being counted (cycles)
}

func newImporter(ex *export) *importer {
	imp := &importer{
		ex: ex, flows: map[string]*flowSource{}, byKey: map[string]string{},
		ids: map[string]bool{LayerID: true}, streamIDs: map[string]bool{},
		children: map[string][]string{}, counting: map[string]bool{},
	}
	for _, f := range ex.flows {
		if f.id != "" && f.json != nil {
			imp.flows[f.id] = f
		}
	}
	return imp
}

func (imp *importer) childOf(id, parent string) {
	for _, p := range imp.children[id] {
		if p == parent {
			return
		}
	}
	imp.children[id] = append(imp.children[id], parent)
}

// system finds or adds the system for key.
func (imp *importer) system(key, id, name, kind string) string {
	if s, ok := imp.byKey[key]; ok {
		return s
	}
	id = uniqueID(slug(id, "system"), imp.ids)
	sys := model.System{ID: id, Name: name, Kind: kind}
	if name == id {
		sys.Name = ""
	}
	imp.systems = append(imp.systems, sys)
	imp.byKey[key] = id
	return id
}

// connector is the system of a connector: one per catalogue kind (so the
// two Dataverse connectors meet), one per connector otherwise.
func (imp *importer) connector(conn string) string {
	conn = strings.ToLower(conn)
	kind := kindOf(conn)
	var id string
	switch kind {
	case "custom":
		id = imp.system("connector:"+conn, strings.TrimPrefix(conn, "shared_"), "Connector "+conn, kind)
	case "custom-connector":
		id = imp.system("connector:"+conn, conn, "Custom connector "+conn, kind)
	default:
		id = imp.system("kind:"+kind, kind, catalog.Of(kind).Title, kind)
	}
	for _, c := range imp.connectors {
		if c.ID == conn {
			return id
		}
	}
	imp.connectors = append(imp.connectors, Connector{ID: conn, Kind: kind, System: id})
	return id
}

// otherOrganization is the Dataverse of another environment that a
// …WithOrganization action names (by its URL when the action gives one).
func (imp *importer) otherOrganization(st *step) string {
	org, _ := st.Inputs.Parameters["organization"].(string)
	if u, err := url.Parse(org); err == nil && u.Host != "" && !strings.Contains(org, "@") {
		env := strings.SplitN(u.Host, ".", 2)[0]
		return imp.system("organization:"+strings.ToLower(u.Host), "dataverse-"+env, "Dataverse ("+u.Host+")", "dataverse")
	}
	return imp.system("organization:", "dataverse-other", "Dataverse (another environment)", "dataverse")
}

// caller is the system an instant flow is started from.
func (imp *importer) caller(kind string) string {
	switch kind {
	case callerApp:
		return imp.system("caller:app", "app", "Power Apps app", "power-app")
	case callerButton:
		return imp.system("caller:button", "flow-button", "Flow button (people)", "power-app")
	}
	return imp.system("caller:http", "http-caller", "HTTP caller", "custom")
}

// connectionKey finds the connection reference a connector step uses:
// host.connectionName, or the key inside a legacy
// @parameters('$connections')['key']['connectionId'] expression.
var legacyConnection = regexp.MustCompile(`\$connections'\)\['([^']+)'\]`)

// target is the system a step reaches, what it does there and the
// connection reference (the account) it goes through.
func (imp *importer) target(f *flowSource, st *step) (system string, a access, account string) {
	switch strings.ToLower(st.Type) {
	case "openapiconnection", "apiconnection", "openapiconnectionwebhook", "apiconnectionwebhook":
	case "http":
		return imp.connector("shared_webcontents"), accessOfMethod(st.Inputs.Method), ""
	default:
		return "", accessNone, ""
	}
	host := st.Inputs.Host
	key := host.ConnectionName
	if key == "" {
		if m := legacyConnection.FindStringSubmatch(host.Connection.Name); m != nil {
			key = m[1]
		}
	}
	var ref connRef
	if f.json != nil {
		ref = f.json.Properties.ConnectionReferences[key]
	}
	conn := or(ref.connector(), lastSegment(host.APIID), strings.TrimRight(key, "_0123456789"))
	if conn == "" {
		return "", accessNone, ""
	}
	a = accessOfMethod(st.Inputs.Method)
	if host.OperationID != "" {
		a = accessOf(host.OperationID)
	}
	if otherOrganization(host.OperationID) && kindOf(conn) == "dataverse" {
		return imp.otherOrganization(st), a, ref.account(key)
	}
	return imp.connector(conn), a, ref.account(key)
}

// events marks a system that a flow triggers on as able to emit events,
// when its kind does not say so already.
func (imp *importer) events(id string) {
	for i := range imp.systems {
		if s := &imp.systems[i]; s.ID == id && !catalog.Of(s.Kind).Events {
			t := true
			s.Events = &t
		}
	}
}

// slug makes an id of lowercase letters, digits and dashes.
func slug(s, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= 48 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// uniqueID returns id, or id-2, id-3… when it is taken, and takes it.
func uniqueID(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + itoa(n)
	}
	taken[out] = true
	return out
}
