package solution

import (
	"regexp"
	"strings"
)

// AssumedItems is how many items an inner loop is taken to go through in
// one run when the definition cannot say.
const AssumedItems = 10

// tally is what a part of a flow does: actions run (every action is a
// platform request, built-ins too) and requests on each system reached.
type tally struct {
	actions float64
	reads   map[string]float64
	writes  map[string]float64
	order   []string // systems in the order first reached
}

func (t *tally) reach(system string, a access, n float64) {
	if t.reads == nil {
		t.reads, t.writes = map[string]float64{}, map[string]float64{}
	}
	if _, r := t.reads[system]; !r {
		if _, w := t.writes[system]; !w {
			t.order = append(t.order, system)
		}
	}
	switch a {
	case accessRead:
		t.reads[system] += n
		t.writes[system] += 0
	case accessWrite:
		t.writes[system] += n
		t.reads[system] += 0
	}
}

// merge adds o, already scaled, to t.
func (t *tally) merge(o tally) {
	t.actions += o.actions
	for _, s := range o.order {
		t.reach(s, accessRead, o.reads[s])
		t.reach(s, accessWrite, o.writes[s])
	}
}

// counter counts one flow's actions (docs/import.md, counting): the outer
// loop's body per record, the rest per run.
type counter struct {
	imp       *importer
	flow      *flowSource
	outer     *step
	perRecord tally
	accounts  map[string]string // system → connection reference it is reached through
	notes     []string          // what was assumed on the way
}

// count adds the steps of one container to into, each run scale times.
func (c *counter) count(steps map[string]*step, into *tally, scale float64) {
	success := successPath(steps)
	for _, name := range ordered(steps) {
		st := steps[name]
		if st == nil || !success[name] {
			continue
		}
		into.actions += scale
		switch strings.ToLower(st.Type) {
		case "foreach":
			if st == c.outer {
				c.count(st.Actions, &c.perRecord, 1)
				continue
			}
			c.notes = append(c.notes, "assumed "+itoa(AssumedItems)+" items of '"+label(name)+"' a run")
			c.count(st.Actions, into, scale*AssumedItems)
		case "until":
			c.notes = append(c.notes, "assumed "+itoa(AssumedItems)+" rounds of '"+label(name)+"' a run")
			c.count(st.Actions, into, scale*AssumedItems)
		case "scope":
			c.count(st.Actions, into, scale)
		case "if":
			branches := []map[string]*step{st.Actions}
			if st.Else != nil {
				branches = append(branches, st.Else.Actions)
			}
			c.larger(branches, into, scale)
		case "switch":
			var branches []map[string]*step
			for _, k := range sortedKeys(st.Cases) {
				if cs := st.Cases[k]; cs != nil {
					branches = append(branches, cs.Actions)
				}
			}
			if st.Default != nil {
				branches = append(branches, st.Default.Actions)
			}
			c.larger(branches, into, scale)
		case "workflow":
			c.child(st, into, scale)
		default:
			if sys, a, account := c.imp.target(c.flow, st); sys != "" {
				into.reach(sys, a, scale)
				if _, ok := c.accounts[sys]; !ok && account != "" {
					c.accounts[sys] = account
				}
			}
		}
	}
}

// larger counts the branch with the most actions (If, Switch).
// Only the counted branch's assumptions are noted.
func (c *counter) larger(branches []map[string]*step, into *tally, scale float64) {
	var best tally
	var bestNotes []string
	base := len(c.notes)
	for i, b := range branches {
		var t tally
		c.count(b, &t, scale)
		if i == 0 || t.actions > best.actions {
			best, bestNotes = t, append([]string(nil), c.notes[base:]...)
		}
		c.notes = c.notes[:base]
	}
	c.notes = append(c.notes, bestNotes...)
	into.merge(best)
}

// child counts a called child flow's actions at the calling step.
func (c *counter) child(st *step, into *tally, scale float64) {
	id := FlowID(st.Inputs.Host.WorkflowReferenceName)
	child := c.imp.flows[id]
	if child == nil || child.json == nil {
		c.notes = append(c.notes, "child flow "+id+" is not in the solution: its actions are not counted")
		return
	}
	if c.imp.counting[id] {
		c.notes = append(c.notes, "child flow "+child.name+" calls itself back: counted once")
		return
	}
	c.imp.childOf(id, c.flow.name)
	c.imp.counting[id] = true
	sub := &counter{imp: c.imp, flow: child, accounts: c.accounts}
	sub.count(child.json.Properties.Definition.Actions, into, scale)
	delete(c.imp.counting, id)
	for _, n := range sub.notes {
		c.notes = append(c.notes, "child "+child.name+": "+n)
	}
}

// successPath names the steps that run when nothing fails: a step runs
// after a step that ran and succeeded, or after one that did not run
// (was skipped). Steps that run only on failure (catch blocks) and what
// follows only them are left out.
func successPath(steps map[string]*step) map[string]bool {
	ran := make(map[string]bool, len(steps))
	for _, name := range ordered(steps) {
		st := steps[name]
		if st == nil {
			continue
		}
		if len(st.RunAfter) == 0 {
			ran[name] = true
			continue
		}
		for p, statuses := range st.RunAfter {
			pRan := ran[p]
			if _, exists := steps[p]; !exists {
				pRan = true
			}
			if pRan && (len(statuses) == 0 || has(statuses, "succeeded")) || !pRan && has(statuses, "skipped") {
				ran[name] = true
			}
		}
	}
	return ran
}

func has(list []string, want string) bool {
	for _, s := range list {
		if strings.EqualFold(s, want) {
			return true
		}
	}
	return false
}

// stepRefs finds the steps an expression takes its items from.
var stepRefs = regexp.MustCompile(`(?:outputs|body|items)\(\s*'([^']+)'\s*\)`)

// outerLoop finds the loop over the trigger's or a list's records: the
// first apply-to-each on the success path at the top (or in a top-level
// scope) whose items come from the trigger or from a step that reads.
func (c *counter) outerLoop(steps map[string]*step, reads map[string]*step) (loop, source *step) {
	success := successPath(steps)
	for _, name := range ordered(steps) {
		st := steps[name]
		if st == nil || !success[name] {
			continue
		}
		switch strings.ToLower(st.Type) {
		case "foreach":
			expr, _ := st.Foreach.(string)
			if strings.Contains(strings.ToLower(expr), "trigger") {
				return st, nil
			}
			for _, m := range stepRefs.FindAllStringSubmatch(expr, -1) {
				if r := reads[m[1]]; r != nil {
					return st, r
				}
			}
		case "scope":
			if o, src := c.outerLoop(st.Actions, reads); o != nil {
				return o, src
			}
		}
	}
	return nil, nil
}

// readSteps names every connector step of a flow that reads, at any depth.
func (c *counter) readSteps(steps map[string]*step, out map[string]*step) {
	for _, name := range sortedKeys(steps) { // in order: target adds systems
		st := steps[name]
		if st == nil {
			continue
		}
		if _, a, _ := c.imp.target(c.flow, st); a == accessRead {
			out[name] = st
		}
		for _, inner := range containers(st) {
			c.readSteps(inner, out)
		}
	}
}

// containers are the step maps a step holds.
func containers(st *step) []map[string]*step {
	out := []map[string]*step{st.Actions}
	if st.Else != nil {
		out = append(out, st.Else.Actions)
	}
	for _, k := range sortedKeys(st.Cases) {
		if cs := st.Cases[k]; cs != nil {
			out = append(out, cs.Actions)
		}
	}
	if st.Default != nil {
		out = append(out, st.Default.Actions)
	}
	return out
}

// label is a step name as the designer shows it.
func label(name string) string { return strings.ReplaceAll(name, "_", " ") }
