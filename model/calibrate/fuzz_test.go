package calibrate

import (
	"bytes"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Whatever the bytes of a CSV, reading never panics, and what it accepts
// calibrates a scenario into one that is still valid.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("stream,month,count\ns,2026-01,5\ns,2026-02,0\n"))
	f.Add([]byte("Tenant entitlement\nCaller ID,Caller Type,Usage Datetime,Consumed Quantity\n{F},Flow,2026-03-01,12\n"))
	f.Add([]byte("Resource ID,Usage Datetime,Consumed Quantity\nf,3/1/2026,1e300\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadCSV("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		rate := quantity.Rate{Count: 1000, Window: quantity.Period{N: 1, Unit: quantity.Year}}
		s := model.Scenario{Name: "f", Systems: []model.System{{ID: "a", Kind: "custom"}},
			Streams: []model.Stream{{ID: "s", Flow: "f", From: "a", To: "a", Trigger: model.TriggerEvent, Volume: model.Volume{Rate: rate}}}}
		Apply(&s, []*Table{tb})
		if err := scenariofile.Validate(s); err != nil {
			t.Fatalf("calibrated into an invalid scenario: %v", err)
		}
	})
}
