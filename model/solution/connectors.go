package solution

import "strings"

// connectorKinds maps connector ids to catalogue kinds (docs/import.md).
var connectorKinds = map[string]string{
	"shared_commondataserviceforapps": "dataverse",
	"shared_commondataservice":        "dataverse",
	"shared_sharepointonline":         "sharepoint",
	"shared_office365":                "email",
	"shared_teams":                    "teams",
	"shared_sql":                      "sql",
	"shared_saperp":                   "sap",
	"shared_oracle":                   "oracle",
	"shared_servicebus":               "service-bus",
	"shared_azureblob":                "data-lake",
	"shared_twilio":                   "sms",
	"shared_webcontents":              "http-api",
}

// kindOf is the catalogue kind of a connector. A connector that is not one
// of Microsoft's shared ones (no shared_ prefix) is a custom connector.
func kindOf(connector string) string {
	if k, ok := connectorKinds[strings.ToLower(connector)]; ok {
		return k
	}
	if connector != "" && !strings.HasPrefix(strings.ToLower(connector), "shared_") {
		return "custom-connector"
	}
	return "custom"
}

// access is what a step does to the system it reaches.
type access int

const (
	accessNone access = iota
	accessRead
	accessWrite
)

// operations name the read and write operations of the common connectors
// (docs/import.md); others are judged by their verb.
var operations = map[string]access{
	"listrecords": accessRead, "getitem": accessRead, "getitems": accessRead,
	"getitems_v2": accessRead, "getitem_v2": accessRead, "getfilecontent": accessRead,
	"getfilecontentbypath": accessRead, "listfolder": accessRead,
	"createrecord": accessWrite, "updaterecord": accessWrite, "deleterecord": accessWrite,
	"associateentities": accessWrite, "disassociateentities": accessWrite,
	"updateentityfileimagefieldcontent": accessWrite, "performboundaction": accessWrite,
	"performunboundaction": accessWrite, "postitem_v2": accessWrite, "patchitem_v2": accessWrite,
	"deleteitem_v2": accessWrite, "postitem": accessWrite, "patchitem": accessWrite,
	"deleteitem": accessWrite, "createfile": accessWrite, "sendemailv2": accessWrite,
	"postmessagetoconversation": accessWrite, "postcardandwaitforresponse": accessWrite,
	"postusernotification": accessWrite,
}

// readVerbs and writeVerbs judge an operation the table does not name.
var (
	readVerbs  = []string{"get", "list", "read", "search", "find", "query", "download", "export"}
	writeVerbs = []string{"create", "update", "delete", "post", "patch", "put", "send", "add", "insert",
		"upsert", "remove", "set", "upload", "perform", "execute", "run", "start", "copy", "move"}
)

// accessOf judges an operation id, without its WithOrganization suffix;
// one that names no write is taken to read (UserProfile_V2).
func accessOf(operation string) access {
	op := strings.ToLower(operation)
	op = strings.TrimSuffix(op, "withorganization")
	if a, ok := operations[op]; ok {
		return a
	}
	for _, v := range readVerbs {
		if strings.HasPrefix(op, v) {
			return accessRead
		}
	}
	for _, v := range writeVerbs {
		if strings.HasPrefix(op, v) {
			return accessWrite
		}
	}
	return accessRead
}

// accessOfMethod judges an HTTP call by its method.
func accessOfMethod(method string) access {
	switch strings.ToUpper(method) {
	case "GET", "HEAD", "OPTIONS", "":
		return accessRead
	}
	return accessWrite
}

// otherOrganization says the operation reaches another environment's
// Dataverse (ListRecordsWithOrganization and the like).
func otherOrganization(operation string) bool {
	return strings.HasSuffix(strings.ToLower(operation), "withorganization")
}
