package compare_test

import (
	"slices"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/compare"
	"github.com/flowscope/flowscope/model/modeltest"
	"github.com/flowscope/flowscope/model/scenariofile"
)

// Every field of a system or stream, changed alone, shows in the structure
// under its key: the comparison skips the texts of equal values and must
// never skip a real change.
func TestEveryFieldChangeIsSeen(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range []model.Scenario{modeltest.Landscape(60, 400), parse(t, rareFields)} {
		checkScenario(t, a, seen)
	}
	for _, f := range scenariofile.SystemFields {
		if !seen[f.Key] && f.Key != "id" {
			t.Errorf("system field %s is never tried", f.Key)
		}
	}
	for _, f := range scenariofile.StreamFields {
		if !seen[f.Key] && f.Key != "id" {
			t.Errorf("stream field %s is never tried", f.Key)
		}
	}
}

// rareFields sets the fields the generated landscape leaves alone.
const rareFields = `flowscope: 1
name: Rare fields
systems:
  - {id: web, kind: website}
  - {id: flows, kind: power-automate, licence: process, action_time: 200ms}
  - {id: more-flows, kind: power-automate}
  - id: dv
    kind: dataverse
    limits:
      - {rate: 6k/5m, per: identity, counts: requests, name: service protection}
  - {id: dv2, kind: dataverse}
streams:
  - {id: s1, from: web, to: dv, via: flows, trigger: instant, volume: 1M/year, flow: web flow, concurrency: 20, identity: svc, users: 50}
  - {id: s2, from: web, to: dv, via: flows, trigger: instant, volume: 1M/year}
`

func checkScenario(t *testing.T, a model.Scenario, seen map[string]bool) {
	t.Helper()
	checkItems(t, scenariofile.SystemFields, a.Systems, func(items []model.System) compare.ItemChanges {
		b := a
		b.Systems = items
		return compare.StructureOf(a, b).Systems
	}, seen)
	checkItems(t, scenariofile.StreamFields, a.Streams, func(items []model.Stream) compare.ItemChanges {
		b := a
		b.Streams = items
		return compare.StructureOf(a, b).Streams
	}, seen)
}

// checkItems gives, for each field, one item the text another item has
// for it, and expects that field among the item's changes.
func checkItems[T any](t *testing.T, fields []scenariofile.Field[T], items []T, structure func([]T) compare.ItemChanges, seen map[string]bool) {
	t.Helper()
	for _, f := range fields {
		if f.Key == "id" {
			continue
		}
	search:
		for i := range items {
			for j := range items {
				from, to := f.Get(&items[i]), f.Get(&items[j])
				if from == to {
					continue
				}
				edited := slices.Clone(items)
				if f.Set(&edited[i], to) != nil || f.Get(&edited[i]) == from {
					continue
				}
				changes := structure(edited)
				if len(changes.Changed) != 1 || !slices.ContainsFunc(changes.Changed[0].Fields, func(c compare.FieldChange) bool { return c.Key == f.Key }) {
					t.Errorf("%s %q → %q: changes %+v", f.Key, from, to, changes.Changed)
				}
				seen[f.Key] = true
				break search
			}
		}
	}
}
