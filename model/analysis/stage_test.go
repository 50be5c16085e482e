package analysis

import (
	"reflect"
	"testing"

	"github.com/flowscope/flowscope/model/modeltest"
)

// Evaluating only what a component changes gives the same figures as
// evaluating the whole stage again.
func TestIncrementalStageEqualsFullStage(t *testing.T) {
	for _, size := range [][2]int{{12, 30}, {40, 120}, {120, 500}} {
		r := Resolve(modeltest.Landscape(size[0], size[1]))
		e := newEngine(&r)
		design := newStage(len(r.Streams))
		prev := e.run(&design)
		next := design.clone()
		var changed []int
		for s := range r.Streams {
			switch s % 7 {
			case 0:
				next.cached[s] = true
			case 3:
				next.code[s] = true
			default:
				continue
			}
			changed = append(changed, s)
		}
		inc, full := e.runFrom(prev, &next, changed), e.run(&next)
		if !reflect.DeepEqual(inc.sysUtil, full.sysUtil) || !reflect.DeepEqual(inc.limUtil, full.limUtil) {
			t.Fatalf("%v: utilisation differs between the incremental and the full stage", size)
		}
		if !reflect.DeepEqual(inc.runtime, full.runtime) || !reflect.DeepEqual(inc.link, full.link) {
			t.Fatalf("%v: runtimes or weakest links differ", size)
		}
		if !reflect.DeepEqual(inc.licences(), full.licences()) {
			t.Fatalf("%v: licences differ", size)
		}
		if reflect.DeepEqual(prev.sysUtil, full.sysUtil) {
			t.Fatalf("%v: the components changed nothing; the test proves nothing", size)
		}
	}
}
