package analysis_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/scenarios"
)

func TestDumpTmp(t *testing.T) {
	name := os.Getenv("DUMP")
	if name == "" {
		return
	}
	s, err := scenarios.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	rep := analysis.Analyze(s)
	b, _ := json.MarshalIndent(rep, "", " ")
	os.WriteFile("/tmp/dump/"+name+".json", b, 0o644)
}
