package diagram

import (
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
)

// fromLegacy carries what the drawing reads from a report of the first
// engine (model.Report) into the report of the current one, so that the
// explorer can keep calling SetReport until it moves to SetAnalysis. It
// goes when model.Report does.
func fromLegacy(r model.Report) analysis.Report {
	out := analysis.Report{Scenario: analysis.ReportScenario{Name: r.Scenario.Name, Horizon: r.Scenario.Horizon, MonitorAt: r.Scenario.MonitorAt}}
	for _, sr := range r.Systems {
		out.Systems = append(out.Systems, analysis.SystemReport{ID: sr.ID, Kind: sr.Kind, Utilization: sr.Utilization})
	}
	for _, st := range r.Streams {
		out.Streams = append(out.Streams, analysis.StreamReport{ID: st.ID, From: st.From, To: st.To, Via: st.Via,
			Trigger: st.Trigger, PeakPerSecond: st.PeakPerSecond})
	}
	for _, c := range r.Components {
		out.Components = append(out.Components, analysis.Component{Kind: c.Kind, Name: c.Name, System: c.System, For: c.For})
	}
	for _, a := range r.After.Systems {
		out.After.Systems = append(out.After.Systems, analysis.SystemUtilization{ID: a.ID, Utilization: a.Utilization})
	}
	return out
}
