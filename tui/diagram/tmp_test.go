package diagram

import (
	"fmt"
	"testing"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/modeltest"
)

func TestTmpShow(t *testing.T) {
	s := modeltest.Landscape(20, 40)
	g := FromReport(s, model.Analyze(s), false)
	for lv := 0; lv <= 2; lv++ {
		sh := g.shape(Form{Level: lv})
		l := (*layoutCache)(nil).layout(sh)
		fmt.Println("level", lv, l.Width, l.Height, l.Crossings)
	}
	d := Draw(g, 120, false, "")
	fmt.Print(d.Grid.String())
}
