package model

import "github.com/flowscope/flowscope/model/quantity"

func ptrTo[T any](v T) *T { return &v }

func perYear(count float64) quantity.Rate {
	return quantity.Rate{Count: quantity.Count(count), Window: quantity.Period{N: 1, Unit: quantity.Year}}
}

// articleSeason has a peak month of 32% of the year: 3.2M of 10M.
var articleSeason = []float64{0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.8, 3.2}

// defaultScenario is the case-update website integration of the article:
// customers comment on cases through a website, service engineers work on
// them in an app, Dataverse in the middle is already busy.
func defaultScenario() Scenario {
	return Scenario{
		Name:      "Case updates, website and service engineers",
		Horizon:   5,
		MonitorAt: ptrTo(quantity.Share(0.8)),
		Systems: []System{
			{ID: "website", Name: "Customer website", Kind: "website"},
			// flows on the High profile with several flows sharing the work:
			// the 100,000 requests per 5 minutes limit is the one that binds
			{ID: "flows", Name: "Power Automate", Kind: "power-automate",
				Capacity: &quantity.Rate{Count: 100000, Window: quantity.Period{N: 5, Unit: quantity.Minute}}},
			{ID: "dataverse", Name: "Dataverse", Kind: "dataverse",
				Capacity: &quantity.Rate{Count: 6000, Window: quantity.Period{N: 5, Unit: quantity.Minute}},
				Baseline: ptrTo(quantity.Share(0.35))},
			{ID: "engineers-app", Name: "Service engineers' app", Kind: "power-app"},
		},
		Streams: []Stream{
			{ID: "web-to-dv", Name: "Customer comments", From: "website", To: "dataverse", Via: "flows",
				Trigger: TriggerEvent,
				Volume: Volume{Factors: []Factor{{"customers", 50000}, {"cases_per_customer", 4}, {"updates_per_case", 50}},
					Per: quantity.Period{N: 1, Unit: quantity.Year}},
				Growth: ptrTo(quantity.Share(0.2)), Seasonality: articleSeason,
				Latency: ptrTo(quantity.Duration(900))},
			{ID: "dv-to-web", Name: "Case updates for customers", From: "dataverse", To: "website", Via: "flows",
				Trigger: TriggerInstant, Volume: Volume{Rate: perYear(10e6)},
				Growth: ptrTo(quantity.Share(0.2)), Seasonality: articleSeason,
				ReadsPerRecord: ptrTo(3.0), ActionsPerRecord: ptrTo(2.0)},
			{ID: "app-to-dv", Name: "Engineers' updates", From: "engineers-app", To: "dataverse",
				Trigger: TriggerInstant, Volume: Volume{Rate: perYear(2e6)},
				Growth: ptrTo(quantity.Share(0.1)), BusyHours: ptrTo(8.0), Workdays: ptrTo(5.0)},
			{ID: "dv-to-app", Name: "Cases in the engineers' app", From: "dataverse", To: "engineers-app",
				Trigger: TriggerInstant, Volume: Volume{Rate: perYear(4e6)},
				Growth: ptrTo(quantity.Share(0.1)), BusyHours: ptrTo(8.0), Workdays: ptrTo(5.0),
				ReadsPerRecord: ptrTo(2.0)},
		},
	}
}
