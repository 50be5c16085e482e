package serve

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/tui"
)

// relayed is the next message a viewer's relay sends its program.
func relayed(t *testing.T, v *viewer) tui.RemoteScenarioMsg {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	// The relay has ended before the next update is published, so it
	// cannot take that one from the mailbox.
	defer func() { cancel(); <-done }()
	got := make(chan tea.Msg, 1)
	go func() {
		defer close(done)
		v.relay(ctx, func(m tea.Msg) {
			got <- m
			cancel()
		})
	}()
	select {
	case m := <-got:
		return m.(tui.RemoteScenarioMsg)
	case <-time.After(5 * time.Second):
		t.Fatal("the viewer got nothing")
	}
	return tui.RemoteScenarioMsg{}
}

func TestViewerGetsThePresentersBaseline(t *testing.T) {
	h := newHub(log.New(io.Discard), 4)
	start := func() (model.Scenario, *analysis.Report, error) { return model.Scenario{Name: "now"}, nil, nil }
	r, _, _, err := h.present("demo", "alice", start)
	if err != nil {
		t.Fatal(err)
	}
	_, v, _, _, err := h.watch("demo")
	if err != nil {
		t.Fatal(err)
	}
	base := model.Scenario{Name: "before"}
	r.publishBaseline(&base)
	base.Name = "changed after" // the room keeps its own copy
	if m := relayed(t, v); m.Baseline == nil || m.Baseline.Name != "before" || m.Scenario.Name != "now" {
		t.Fatalf("after pinning the viewer got %+v", m)
	}
	r.publish(model.Scenario{Name: "edited"}, nil)
	if m := relayed(t, v); m.Baseline == nil || m.Baseline.Name != "before" || m.Scenario.Name != "edited" {
		t.Fatalf("an edit lost the baseline: %+v", m)
	}
	// A viewer joining now gets the baseline at once.
	_, late, _, _, err := h.watch("demo")
	if err != nil {
		t.Fatal(err)
	}
	if m := relayed(t, late); m.Baseline == nil || m.Baseline.Name != "before" {
		t.Fatalf("a late viewer got %+v", m)
	}
	r.publishBaseline(nil)
	if m := relayed(t, v); m.Baseline != nil {
		t.Fatalf("after clearing the viewer still has a baseline: %+v", m)
	}
}

// The presenter's analysis of an edit reaches the viewers with it, and a
// viewer joining later starts from the room's scenario and analysis.
func TestViewersShareThePresentersAnalysis(t *testing.T) {
	h := newHub(log.New(io.Discard), 4)
	first := &analysis.Report{Pattern: "first"}
	start := func() (model.Scenario, *analysis.Report, error) { return model.Scenario{Name: "now"}, first, nil }
	r, _, rep, err := h.present("demo", "alice", start)
	if err != nil || rep != first {
		t.Fatalf("present: report %v, err %v", rep, err)
	}
	_, v, _, _, err := h.watch("demo")
	if err != nil {
		t.Fatal(err)
	}
	edited := &analysis.Report{Pattern: "edited"}
	r.publish(model.Scenario{Name: "edited"}, edited)
	if m := relayed(t, v); m.Report != edited || m.Scenario.Name != "edited" {
		t.Fatalf("the viewer got %+v", m)
	}
	_, _, sc, rep, err := h.watch("demo")
	if err != nil || sc.Name != "edited" || rep != edited {
		t.Fatalf("a late viewer starts from %q with report %v (err %v)", sc.Name, rep, err)
	}
}

func TestViewerSeesTheBaselineOverSSH(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	ts := startServer(t, nil, alice, bob)
	pres := dialTerm(t, ts, alice, 160, 48, "present demo")
	pres.waitText(defaultTitle(t))
	v := dialTerm(t, ts, bob, 160, 48, "watch demo")
	v.waitText("[viewing]")
	pres.send("b")
	pres.waitText("baseline pinned")
	v.waitText("against the baseline")
	pres.send("B")
	pres.waitText("baseline cleared")
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(v.screen(), "against the baseline") {
		if time.Now().After(deadline) {
			t.Fatalf("the viewer kept the cleared baseline:\n%s", v.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
