package model

// report builds the streams and systems of the report from the figures.
func (a *analyzer) report() Report {
	s := a.s
	rep := Report{
		Scenario: ReportScenario{Name: s.Name, Horizon: a.horizon, MonitorAt: a.monitorAt},
		Years:    make([]int, a.years),
		Streams:  make([]StreamReport, len(s.Streams)),
		Systems:  make([]SystemReport, len(s.Systems)),
		Findings: []Finding{},
	}
	for n := range rep.Years {
		rep.Years[n] = n
	}
	yearPtrs := make([]int, 0, 2*len(s.Systems))
	for i := range s.Systems {
		t := &a.sys[i]
		sr := &rep.Systems[i]
		sr.ID, sr.Kind, sr.Zone = t.sys.ID, t.sys.EffectiveKind(), t.zone
		sr.LoadPerSecond = a.take(a.years)
		copy(sr.LoadPerSecond, a.load[i*a.years:(i+1)*a.years])
		sr.Utilization = a.take(a.years)
		copy(sr.Utilization, a.utilOf(i))
		for n := range a.years {
			sr.LoadPerSecond[n] = fin(sr.LoadPerSecond[n])
		}
		if y := firstOver(sr.Utilization, 1); y >= 0 {
			yearPtrs = append(yearPtrs, y)
			sr.SaturatesYear = &yearPtrs[len(yearPtrs)-1]
		}
		if y := firstOver(sr.Utilization, a.monitorAt); y >= 0 {
			yearPtrs = append(yearPtrs, y)
			sr.AlertYear = &yearPtrs[len(yearPtrs)-1]
		}
	}
	for i := range s.Streams {
		si := &a.str[i]
		st := si.st
		sr := &rep.Streams[i]
		sr.ID, sr.From, sr.To, sr.Trigger = st.ID, st.From, st.To, st.Trigger
		if si.via >= 0 {
			sr.Via = &a.ids[si.via]
		} else if st.Via != "" {
			// A dangling via still shows what the file says.
			v := st.Via
			sr.Via = &v
		}
		sr.Pattern = a.streamPattern(si)
		sr.PerYear, sr.PeakMonth, sr.PeakPerSecond = si.perYear, si.peakMonth, si.peakRate
		si.weakest = a.weakestLink(si)
		if si.weakest >= 0 {
			sr.WeakestLink = WeakestLink{System: a.sys[si.weakest].sys.ID, Utilization: rep.Systems[si.weakest].Utilization}
		} else {
			sr.WeakestLink = WeakestLink{Utilization: a.take(a.years)}
		}
		if st.Trigger == TriggerSchedule {
			sr.RuntimeSeconds = a.take(a.years)
			for n := range a.years {
				rt := a.runtime(si, n)
				sr.RuntimeSeconds[n] = rt
				if rt > si.every {
					sr.Overlap = true
				}
			}
		}
	}
	rep.Pattern = a.scenarioPattern()
	return rep
}

// weakestLink is the system on the stream's path (from, via, to) with the
// highest utilisation in any year; a tie goes to the higher utilisation in
// the last year, then to the earlier system on the path.
func (a *analyzer) weakestLink(si *streamInfo) int {
	best, bestMax, bestLast := -1, -1.0, -1.0
	for _, sys := range [3]int{si.from, si.via, si.to} {
		if sys < 0 {
			continue
		}
		row := a.utilOf(sys)
		m, last := maxOf(row), row[len(row)-1]
		if m > bestMax || (m == bestMax && last > bestLast) {
			best, bestMax, bestLast = sys, m, last
		}
	}
	return best
}
