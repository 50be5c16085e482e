package model

// loopGuard (warn): event streams that form a cycle, found as the strongly
// connected components of the graph of event streams (Tarjan, linear).
func (a *analyzer) loopGuard() {
	n := len(a.sys)
	// adjacency as linked lists in scratch ints: head[n], next[streams]
	need := 4*n + len(a.str)
	a.scratchInt = grow(a.scratchInt, need)
	head, comp, low, order := a.scratchInt[:n], a.scratchInt[n:2*n], a.scratchInt[2*n:3*n], a.scratchInt[3*n:4*n]
	next := a.scratchInt[4*n:]
	for i := range head {
		head[i], comp[i], order[i] = -1, -1, -1
	}
	hasEdge := false
	for i := range a.str {
		si := &a.str[i]
		next[i] = -1
		if si.st.Trigger == TriggerEvent && si.from >= 0 && si.to >= 0 {
			next[i] = head[si.from]
			head[si.from] = i
			hasEdge = true
		}
	}
	if !hasEdge {
		return
	}
	stack := a.stack[:0]
	counter, comps := 0, 0
	var visit func(v int)
	visit = func(v int) {
		order[v], low[v] = counter, counter
		counter++
		stack = append(stack, v)
		for e := head[v]; e >= 0; e = next[e] {
			w := a.str[e].to
			if order[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if comp[w] < 0 {
				low[v] = min(low[v], order[w])
			}
		}
		if low[v] == order[v] {
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				comp[w] = comps
				if w == v {
					break
				}
			}
			comps++
		}
	}
	for v := range n {
		if order[v] < 0 && head[v] >= 0 {
			visit(v)
		}
	}
	a.stack = stack[:0]
	for i := range a.str {
		si := &a.str[i]
		if si.st.Trigger != TriggerEvent || si.from < 0 || si.to < 0 {
			continue
		}
		if si.from != si.to && (comp[si.from] < 0 || comp[si.from] != comp[si.to]) {
			continue
		}
		m := &a.m
		if si.from == si.to {
			m.stream(si).s(" writes back into ", a.sysName(si.from), ", the system whose events start it: every write can restart it.")
		} else {
			m.stream(si).s(" closes a loop of event streams: what it writes into ", a.sysName(si.to),
				" can, through the other streams of the loop, change ", a.sysName(si.from), " again and restart it.")
		}
		a.finding(CodeLoopGuard, SeverityWarn, i, si.from, m.done(),
			"Add a guard so an update does not retrigger itself: ignore changes made by the integration's own account, compare a last-synchronised stamp, or filter the trigger on the columns people change.")
	}
}

// readOnceWriteMany (info): two or more streams leave the same source with
// the same trigger; one flow could read each record once.
func (a *analyzer) readOnceWriteMany() {
	// Streams chained per (source, trigger) group, in file order: first
	// and last per group, next per stream.
	n := len(a.sys)
	a.scratchInt = grow(a.scratchInt, 3*n*3+len(a.str))
	first, last, count := a.scratchInt[:3*n], a.scratchInt[3*n:6*n], a.scratchInt[6*n:9*n]
	next := a.scratchInt[9*n:]
	for g := range first {
		first[g], last[g] = -1, -1
	}
	for i := range a.str {
		si := &a.str[i]
		next[i] = -1
		t := triggerIndex(si.st.Trigger)
		if t < 0 || si.from < 0 {
			continue
		}
		g := si.from*3 + t
		if last[g] >= 0 {
			next[last[g]] = i
		} else {
			first[g] = i
		}
		last[g] = i
		count[g]++
	}
	ids := a.classes[:0]
	for g := range first {
		if count[g] < 2 {
			continue
		}
		ids = ids[:0]
		for i := first[g]; i >= 0; i = next[i] {
			ids = append(ids, a.str[i].st.ID)
		}
		s, trigger := g/3, a.str[first[g]].st.Trigger
		m := &a.m
		m.int(len(ids)).s(" ", string(trigger), " streams start from ", a.sysName(s), ": ").list(ids).s("; each reads the same records again.")
		a.finding(CodeReadOnceWriteMany, SeverityInfo, -1, s, m.done(),
			"Consider one flow that reads each record once and writes it to every target, unless the targets change on different business rules (then separate flows are easier to maintain).")
	}
	a.classes = ids[:0]
}
