package modeltest

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/scenariofile"
)

var idRE = regexp.MustCompile(`^[a-z0-9-]+$`)

func TestLandscapeValidAndDeterministic(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {2, 1}, {3, 5}, {7, 20}, {40, 160}, {300, 1200}} {
		s := Landscape(size[0], size[1])
		if !reflect.DeepEqual(s, Landscape(size[0], size[1])) {
			t.Fatalf("Landscape%v differs between calls", size)
		}
		if len(s.Systems) != max(2, size[0]) || len(s.Streams) != size[1] {
			t.Fatalf("Landscape%v: %d systems, %d streams", size, len(s.Systems), len(s.Streams))
		}
		sys := map[string]bool{}
		for _, x := range s.Systems {
			if !idRE.MatchString(x.ID) || sys[x.ID] {
				t.Fatalf("bad or duplicate system id %q", x.ID)
			}
			sys[x.ID] = true
		}
		streams := map[string]bool{}
		triggers := map[model.Trigger]bool{}
		vias, products := 0, 0
		for _, st := range s.Streams {
			if !idRE.MatchString(st.ID) || streams[st.ID] {
				t.Fatalf("bad or duplicate stream id %q", st.ID)
			}
			streams[st.ID] = true
			if !sys[st.From] || !sys[st.To] || (st.Via != "" && !sys[st.Via]) {
				t.Fatalf("stream %s references a missing system", st.ID)
			}
			if st.Trigger == model.TriggerSchedule && st.Every == nil {
				t.Fatalf("schedule %s has no every", st.ID)
			}
			if st.Volume.PerYear() <= 0 {
				t.Fatalf("stream %s has no volume", st.ID)
			}
			triggers[st.Trigger] = true
			if st.Via != "" {
				vias++
			}
			if len(st.Volume.Factors) > 0 {
				products++
			}
		}
		if size[1] >= 20 && (len(triggers) != 3 || vias == 0 || products == 0) {
			t.Fatalf("Landscape%v lacks variety: triggers %v, vias %d, product forms %d", size, triggers, vias, products)
		}
	}
}

func TestLandscapePassesValidate(t *testing.T) {
	for _, size := range [][2]int{{2, 1}, {7, 20}, {300, 1200}} {
		if err := scenariofile.Validate(Landscape(size[0], size[1])); err != nil {
			t.Fatalf("Landscape%v: %v", size, err)
		}
	}
}
