package model

// components builds the recommendation: one flow per stream (not listed),
// plus only the components a finding asks for, in a fixed order: caches,
// queues and gateways by system in file order, then custom code by stream.
// Effects on `after` (docs/analysis.md): a cache takes its streams' reads
// off the source; a queue lets its streams' writes arrive at the busy
// average instead of the peak; a gateway changes who opens the
// connection, not the load; custom code takes business logic off the flow
// layer, which the request model does not count, so it changes latency
// and runtime rather than utilisation.
func (a *analyzer) components(rep *Report) {
	rep.Components = []Component{}
	add := func(kind string, sys int, reason string, streams []string) {
		c, _ := LookupComponent(kind)
		comp := Component{Kind: kind, Name: c.Name, For: streams, Cost: c.Cost(a.horizon),
			Build: c.Build, Run: c.Run, Reason: reason}
		if sys >= 0 {
			comp.System = a.sys[sys].sys.ID
			if kind == ComponentCache {
				comp.Name = cacheFor(a.sys[sys].kind.Name)
			}
		}
		rep.Components = append(rep.Components, comp)
	}
	perSystem := func(kind, reason string, streams [][]string) {
		for s, ids := range streams {
			if len(ids) > 0 {
				add(kind, s, reason, ids)
			}
		}
	}
	perSystem(ComponentCache, CodeReadCache, a.groupStreams(func(si *streamInfo) (int, bool) { return si.from, si.cacheRead }))
	perSystem(ComponentQueue, CodeWriteQueue, a.groupStreams(func(si *streamInfo) (int, bool) { return si.to, si.queueWrite }))
	// Gateways by the connections reverseDirection found; a stream may
	// need one into two systems of its path.
	var gateways [][]string
	if len(a.gw) > 0 {
		gateways = make([][]string, len(a.sys))
	}
	for p := 0; p+1 < len(a.gw); p += 2 {
		s, id := a.gw[p], a.str[a.gw[p+1]].st.ID
		if ids := gateways[s]; len(ids) == 0 || ids[len(ids)-1] != id {
			gateways[s] = append(ids, id)
		}
	}
	perSystem(ComponentGateway, CodeReverseDirection, gateways)
	for i := range a.str {
		if a.str[i].customCode {
			add(ComponentCustomCode, a.str[i].via, CodeCustomCode, []string{a.str[i].st.ID})
		}
	}
}

// groupStreams lists, per system, the ids of the streams that need a
// component there (key gives the system and whether), in file order.
func (a *analyzer) groupStreams(key func(*streamInfo) (int, bool)) [][]string {
	var out [][]string
	for i := range a.str {
		if s, ok := key(&a.str[i]); ok {
			if out == nil {
				out = make([][]string, len(a.sys))
			}
			out[s] = append(out[s], a.str[i].st.ID)
		}
	}
	return out
}

// ladder applies the components in their order, caches then queues, and
// records what each step buys: the utilisation of the component's system
// before and after it. The last step is the report's `after`. The middle
// step (caches only) needs its own pass only when both kinds are there.
func (a *analyzer) ladder(rep *Report) {
	var caches, queues []*Component
	for i := range rep.Components {
		switch c := &rep.Components[i]; c.Kind {
		case ComponentCache:
			caches = append(caches, c)
		case ComponentQueue:
			queues = append(queues, c)
		}
	}
	rows := func(cs []*Component, after bool) {
		for _, c := range cs {
			i := a.lookup(c.System)
			if i < 0 {
				continue
			}
			row := append([]float64(nil), a.utilOf(i)...)
			if after {
				c.UtilizationAfter = row
			} else {
				c.UtilizationBefore = row
			}
		}
	}
	rows(caches, false) // the design's utilisation is still in place
	if len(caches) > 0 && len(queues) > 0 {
		a.accumulate(stageCaches)
		a.utilization()
		rows(caches, true)
	}
	rows(queues, false)
	a.accumulate(stageAll)
	a.utilization()
	if len(queues) == 0 {
		rows(caches, true)
	}
	rows(queues, true)
	a.after(rep)
}

// after copies the utilisation once the components are in place.
func (a *analyzer) after(rep *Report) {
	rep.After.Systems = make([]SystemUtilization, len(a.sys))
	for i := range a.sys {
		u := a.take(a.years)
		copy(u, a.utilOf(i))
		rep.After.Systems[i] = SystemUtilization{ID: a.sys[i].sys.ID, Utilization: u}
	}
}

// cacheFor names the read cache that suits a source of that kind: a lake
// replica for Dataverse, a replica for databases, a scheduled copy for
// systems of record that take no extra readers, a response cache for the
// rest.
func cacheFor(kind string) string {
	switch kind {
	case "dataverse":
		return "replica in a data lake (Synapse Link for Dataverse)"
	case "sql", "oracle":
		return "read replica of the database"
	case "sap", "ibm-mainframe":
		return "copy in an operational data store that a scheduled load keeps fresh"
	case "sharepoint", "http-api", "website", "custom":
		return "response cache in front of it (e.g. API Management caching)"
	default:
		return "read replica or cache of the records it needs"
	}
}
