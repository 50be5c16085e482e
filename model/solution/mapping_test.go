package solution_test

import (
	"strings"
	"testing"

	"github.com/flowscope/flowscope/model"
)

// The trigger mapping of docs/import.md.
func TestTriggerMapping(t *testing.T) {
	write := `"W": ` + after(dvWrite, "")
	cases := []struct {
		name      string
		trigger   string
		want      model.Trigger
		from      string
		every     float64 // seconds; 0 = none
		busyHours float64 // -1 = default
		workdays  float64
		filterAt  model.FilterAt
	}{
		{"recurrence hourly", `{"type": "Recurrence", "recurrence": {"frequency": "Hour", "interval": 2}}`,
			model.TriggerSchedule, "dataverse", 7200, -1, -1, ""},
		{"recurrence every 15 minutes", `{"type": "Recurrence", "recurrence": {"frequency": "Minute", "interval": "15"}}`,
			model.TriggerSchedule, "dataverse", 900, -1, -1, ""},
		{"recurrence at office hours", `{"type": "Recurrence", "recurrence": {"frequency": "Day", "interval": 1, "schedule": {"hours": ["8", "12", "16"]}}}`,
			model.TriggerSchedule, "dataverse", 3 * 3600, 9, -1, ""},
		{"recurrence on weekdays", `{"type": "Recurrence", "recurrence": {"frequency": "Week", "interval": 1, "schedule": {"weekDays": ["Monday", "Friday"]}}}`,
			model.TriggerSchedule, "dataverse", 86400, -1, 2, ""},
		{"recurrence hourly in some hours", `{"type": "Recurrence", "recurrence": {"frequency": "Hour", "interval": 1, "schedule": {"hours": [7, 8, 9, 10]}}}`,
			model.TriggerSchedule, "dataverse", 3600, 4, -1, ""},
		{"dataverse webhook", `{"type": "OpenApiConnectionWebhook", "inputs": {"host": {"connectionName": "dv", "operationId": "SubscribeWebhookTrigger"},
			"parameters": {"subscriptionRequest/message": 4, "subscriptionRequest/entityname": "account"}}}`,
			model.TriggerEvent, "dataverse", 0, -1, -1, ""},
		{"dataverse webhook on columns", `{"type": "OpenApiConnectionWebhook", "inputs": {"host": {"connectionName": "dv", "operationId": "SubscribeWebhookTrigger"},
			"parameters": {"subscriptionRequest/filteringattributes": "name,phone"}}}`,
			model.TriggerEvent, "dataverse", 0, -1, -1, model.FilterAtTrigger},
		{"dataverse webhook on rows", `{"type": "OpenApiConnectionWebhook", "inputs": {"host": {"connectionName": "dv", "operationId": "SubscribeWebhookTrigger"},
			"parameters": {"subscriptionRequest/filterexpression": "statecode eq 0"}}}`,
			model.TriggerEvent, "dataverse", 0, -1, -1, model.FilterAtTrigger},
		{"business event", `{"type": "OpenApiConnectionWebhook", "inputs": {"host": {"connectionName": "dv", "operationId": "BusinessEventsTrigger"},
			"parameters": {"catalog": "all", "category": "all", "subscriptionRequest/sdkmessagename": "contoso_Approve"}}}`,
			model.TriggerEvent, "dataverse", 0, -1, -1, ""},
		{"sharepoint polling", `{"type": "OpenApiConnection", "recurrence": {"frequency": "Minute", "interval": 1}, "splitOn": "@triggerOutputs()?['body/value']",
			"inputs": {"host": {"connectionName": "sp", "operationId": "GetOnUpdatedItems"}}}`,
			model.TriggerEvent, "sharepoint", 0, -1, -1, ""},
		{"trigger conditions", `{"type": "OpenApiConnection", "recurrence": {"frequency": "Minute", "interval": 1}, "splitOn": "@x",
			"conditions": [{"expression": "@equals(1, 1)"}], "inputs": {"host": {"connectionName": "sp", "operationId": "GetOnNewItems"}}}`,
			model.TriggerEvent, "sharepoint", 0, -1, -1, model.FilterAtTrigger},
		{"button", button, model.TriggerInstant, "flow-button", 0, -1, -1, ""},
		{"app", `{"type": "Request", "kind": "PowerAppV2"}`, model.TriggerInstant, "app", 0, -1, -1, ""},
		{"legacy app", `{"type": "Request", "kind": "PowerApp"}`, model.TriggerInstant, "app", 0, -1, -1, ""},
		{"http", `{"type": "Request", "kind": "Http", "inputs": {"method": "POST"}}`, model.TriggerInstant, "http-caller", 0, -1, -1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, _ := probe(t, c.trigger, write)
			if st.Trigger != c.want || st.From != c.from || st.To != "dataverse" || st.Via != "flows" {
				t.Fatalf("trigger %s from %s to %s via %s; want %s from %s", st.Trigger, st.From, st.To, st.Via, c.want, c.from)
			}
			every := 0.0
			if st.Every != nil {
				every = float64(*st.Every)
			}
			if !near(every, c.every) || num(st.BusyHours) != c.busyHours || num(st.Workdays) != c.workdays {
				t.Errorf("every %gs busy_hours %g workdays %g; want %gs %g %g", every, num(st.BusyHours), num(st.Workdays), c.every, c.busyHours, c.workdays)
			}
			if st.FilterAt != c.filterAt {
				t.Errorf("filter_at %q, want %q", st.FilterAt, c.filterAt)
			}
		})
	}
}

// A trigger of a type flowscope does not know skips the flow, saying so.
func TestUnknownTriggerIsSkipped(t *testing.T) {
	_, err := importProbe(t, `{"type": "Teleport"}`, `"W": `+after(dvWrite, ""))
	if err == nil {
		t.Fatal("a flow with an unknown trigger gave a stream")
	}
}

// Counting through nesting (docs/import.md): what each construct adds to
// actions_per_record, and to the reads and writes on from and to.
func TestActionCounting(t *testing.T) {
	cases := []struct {
		name    string
		trigger string
		actions string
		want    float64 // actions per record
		writes  float64 // writes on to per record
	}{
		{"a straight line", button, `"A": ` + after(dvRead, "") + `, "B": ` + after(dvWrite, "A", "Succeeded"), 2, 1},
		{"an inner loop multiplies its body", button,
			`"L": {"type": "Foreach", "foreach": "@body('X')", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `}}`, 1 + 10, 10},
		{"loops in loops", button,
			`"L": {"type": "Foreach", "foreach": "@x", "runAfter": {}, "actions": {"M": {"type": "Foreach", "foreach": "@y", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `}}}}`,
			1 + 10*(1+10), 100},
		{"until multiplies like a loop", button,
			`"U": {"type": "Until", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `, "C": ` + after(compose, "W", "Succeeded") + `}}`, 1 + 20, 10},
		{"if counts its larger branch", button,
			`"I": {"type": "If", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `},
			  "else": {"actions": {"A": ` + after(compose, "") + `, "B": ` + after(compose, "A", "Succeeded") + `, "C": ` + after(compose, "B", "Succeeded") + `}}}`, 1 + 3, 0},
		{"switch counts its largest case", button,
			`"S": {"type": "Switch", "runAfter": {}, "cases": {"a": {"actions": {"W": ` + after(dvWrite, "") + `}},
			  "b": {"actions": {"W2": ` + after(dvWrite, "") + `, "W3": ` + after(dvWrite, "W2", "Succeeded") + `}}}, "default": {"actions": {}}}`, 1 + 2, 2},
		{"failure-only steps are left out", button,
			`"W": ` + after(dvWrite, "") + `,
			 "Catch": {"type": "Scope", "runAfter": {"W": ["Failed", "TimedOut"]}, "actions": {"M": ` + after(mail, "") + `}},
			 "AfterCatch": ` + after(mail, "Catch", "Succeeded") + `,
			 "Finally": ` + after(compose, "Catch", "Succeeded", "Skipped"), 2, 1},
		{"a scope counts itself and its body", button,
			`"Try": {"type": "Scope", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `}}`, 2, 1},
		{"a schedule's outer loop is per record", `{"type": "Recurrence", "recurrence": {"frequency": "Hour", "interval": 1}}`,
			`"List": ` + after(dvRead, "") + `,
			 "Each": {"type": "Foreach", "foreach": "@outputs('List')?['body/value']", "runAfter": {"List": ["Succeeded"]},
			   "actions": {"W": ` + after(dvWrite, "") + `, "C": ` + after(compose, "W", "Succeeded") + `}},
			 "Mail": ` + after(mail, "Each", "Succeeded"), 2 + 3.0/100, 1},
		{"an outer loop inside a scope", `{"type": "Recurrence", "recurrence": {"frequency": "Hour", "interval": 1}}`,
			`"Try": {"type": "Scope", "runAfter": {}, "actions": {"List": ` + after(dvRead, "") + `,
			 "Each": {"type": "Foreach", "foreach": "@body('List')?['value']", "runAfter": {"List": ["Succeeded"]},
			   "actions": {"W": ` + after(dvWrite, "") + `}}}}`, 1 + 3.0/100, 1},
		{"a polling batch loops over the trigger's items",
			`{"type": "OpenApiConnection", "recurrence": {"frequency": "Minute", "interval": 5}, "inputs": {"host": {"connectionName": "sp", "operationId": "GetOnNewItems"}}}`,
			`"Each": {"type": "Foreach", "foreach": "@triggerBody()?['value']", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `}}`, 1 + 1.0/10, 1},
		{"a text where inputs should be is no reason to stop", button,
			`"C": {"type": "Compose", "runAfter": {}, "inputs": "text"}, "W": ` + after(dvWrite, "C", "Succeeded"), 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, _ := probe(t, c.trigger, c.actions)
			if got := num(st.ActionsPerRecord); !near(got, c.want) && !near(got, roundTo2(c.want)) {
				t.Errorf("actions_per_record %g, want %g", got, c.want)
			}
			if got := num(st.WritesPerRecord); st.To == "dataverse" && !near(got, c.writes) {
				t.Errorf("writes_per_record %g, want %g", got, c.writes)
			}
		})
	}
}

// A child flow's actions count at the step that calls it, and the child
// gets no stream of its own.
func TestChildFlowCountsAtTheCall(t *testing.T) {
	parent := `{"properties": {"connectionReferences": {"dv": {"api": {"name": "shared_commondataserviceforapps"}}},
	  "definition": {"triggers": {"T": ` + button + `}, "actions": {
	    "Call": {"type": "Workflow", "runAfter": {}, "inputs": {"host": {"workflowReferenceName": "{AAAAAAAA-0000-0000-0000-000000000002}"}}},
	    "W": ` + after(dvWrite, "Call", "Succeeded") + `}}}}`
	child := `{"properties": {"connectionReferences": {"dv": {"api": {"name": "shared_commondataserviceforapps"}}},
	  "definition": {"triggers": {"manual": {"type": "Request", "kind": "Button"}}, "actions": {
	    "W1": ` + after(dvWrite, "") + `, "W2": ` + after(dvWrite, "W1", "Succeeded") + `,
	    "Answer": {"type": "Response", "runAfter": {"W2": ["Succeeded"]}}}}}}`
	d := mustZip(t, map[string]string{
		"Workflows/Parent-AAAAAAAA-0000-0000-0000-000000000001.json": parent,
		"Workflows/Child-AAAAAAAA-0000-0000-0000-000000000002.json":  child,
	})
	if len(d.Scenario.Streams) != 1 {
		t.Fatalf("%d streams, want the parent's only", len(d.Scenario.Streams))
	}
	st := d.Scenario.Streams[0]
	if num(st.ActionsPerRecord) != 1+3+1 || num(st.WritesPerRecord) != 3 {
		t.Errorf("actions %g writes %g, want 5 and 3", num(st.ActionsPerRecord), num(st.WritesPerRecord))
	}
}

// Connectors map to catalogue kinds, merged across flows; unknown ones are
// custom with the connector id in the name.
func TestConnectorsMapToSystems(t *testing.T) {
	flow := func(api, op string) string {
		return `{"properties": {"connectionReferences": {"c": {"api": {"name": "` + api + `"}}, "dv": {"api": {"name": "shared_commondataservice"}}},
		  "definition": {"triggers": {"T": ` + button + `}, "actions": {
		    "R": {"type": "OpenApiConnection", "runAfter": {}, "inputs": {"host": {"connectionName": "dv", "operationId": "GetItems_V2"}}},
		    "W": {"type": "OpenApiConnection", "runAfter": {"R": ["Succeeded"]}, "inputs": {"host": {"connectionName": "c", "operationId": "` + op + `"}}}}}}}`
	}
	d := mustZip(t, map[string]string{
		"Workflows/A-AAAAAAAA-0000-0000-0000-000000000001.json": flow("shared_commondataserviceforapps", "CreateRecord"),
		"Workflows/B-AAAAAAAA-0000-0000-0000-000000000002.json": flow("shared_teams", "PostMessageToConversation"),
		"Workflows/C-AAAAAAAA-0000-0000-0000-000000000003.json": flow("shared_twilio", "SendMessage"),
		"Workflows/D-AAAAAAAA-0000-0000-0000-000000000004.json": flow("shared_acmecrm", "CreateLead"),
	})
	kinds := map[string]model.System{}
	for _, s := range d.Scenario.Systems {
		kinds[s.ID] = s
	}
	for id, kind := range map[string]string{"flows": "power-automate", "dataverse": "dataverse", "teams": "teams", "sms": "sms", "acmecrm": "custom"} {
		if kinds[id].Kind != kind {
			t.Errorf("system %s: kind %q, want %q", id, kinds[id].Kind, kind)
		}
	}
	if n := kinds["acmecrm"].Name; n != "Connector shared_acmecrm" {
		t.Errorf("unknown connector named %q", n)
	}
	if len(d.Scenario.Systems) != 6 { // flows, flow-button, dataverse (both connectors), teams, sms, acmecrm
		t.Errorf("%d systems: %+v", len(d.Scenario.Systems), d.Scenario.Systems)
	}
}

func roundTo2(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

// A loop in a branch that is not counted is no assumption of the draft.
func TestOnlyTheCountedBranchIsNoted(t *testing.T) {
	loop := `{"type": "Foreach", "foreach": "@x", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") + `}}`
	bigger := `{"type": "Foreach", "foreach": "@x", "runAfter": {}, "actions": {"W": ` + after(dvWrite, "") +
		`, "W2": ` + after(dvWrite, "W", "Succeeded") + `}}`
	_, d := probe(t, button, `"I": {"type": "If", "runAfter": {},
	  "actions": {"Big_loop": `+bigger+`}, "else": {"actions": {"Small_loop": `+loop+`}}}`)
	text := ""
	for _, n := range d.Notes {
		text += n.Text + "\n"
	}
	if !strings.Contains(text, "'Big loop'") || strings.Contains(text, "'Small loop'") {
		t.Errorf("notes:\n%s", text)
	}
}
