package serve

import (
	"context"
	"errors"
	"regexp"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/tui"
)

// A room is one presenter and any number of viewers. The presenter's
// every edit becomes the room's scenario and reaches each viewer through a
// one-slot mailbox: the newest scenario replaces one not yet shown, so a
// slow viewer never holds up the presenter or the other viewers.
type room struct {
	name  string
	owner string // identity that created the room; only it may present

	mu        sync.Mutex
	scenario  model.Scenario
	report    *analysis.Report // the analysis of scenario, shared by every viewer; nil: each analyses it
	baseline  *model.Scenario  // the presenter's pinned baseline; nil: none
	presenter bool
	viewers   map[*viewer]struct{}
}

type viewer struct {
	mbox chan roomUpdate
}

type roomUpdate struct {
	scenario model.Scenario
	report   *analysis.Report
	baseline *model.Scenario
	note     string
}

// hub holds the open rooms.
type hub struct {
	log *log.Logger
	max int

	mu    sync.Mutex
	rooms map[string]*room
}

func newHub(logger *log.Logger, maxRooms int) *hub {
	return &hub{log: logger, max: maxRooms, rooms: map[string]*room{}}
}

var roomNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Errors a client is shown as they are.
var (
	errRoomName     = errors.New("a room name is 1-64 letters, digits, '.', '_' or '-'")
	errRoomBusy     = errors.New("that room already has a presenter")
	errRoomTaken    = errors.New("that room belongs to someone else; pick another name")
	errNoRoom       = errors.New("there is no such room; the presenter opens it with: present NAME")
	errTooManyRooms = errors.New("the server has too many rooms open")
)

// present opens room name for who, or takes it back after the same person
// left. It returns the scenario to start from: the room's, or start() for
// a new room (with its analysis, which may be nil).
//
// h.mu is held until the presenter is in, as in watch: closeIfEmpty
// decides under h.mu too, so a room cannot close between being found and
// being joined.
func (h *hub) present(name, who string, start func() (model.Scenario, *analysis.Report, error)) (*room, model.Scenario, *analysis.Report, error) {
	if !roomNameRE.MatchString(name) {
		return nil, model.Scenario{}, nil, errRoomName
	}
	r, s, rep, err := h.enterAsPresenter(name, who, start)
	if err != nil {
		return nil, model.Scenario{}, nil, err
	}
	// publish replaces the room's scenario and never changes it in place,
	// so s can be copied outside the locks.
	return r, s.Clone(), rep, nil
}

func (h *hub) enterAsPresenter(name, who string, start func() (model.Scenario, *analysis.Report, error)) (*room, model.Scenario, *analysis.Report, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := h.rooms[name]
	if r == nil {
		if len(h.rooms) >= h.max {
			return nil, model.Scenario{}, nil, errTooManyRooms
		}
		s, rep, err := start()
		if err != nil {
			return nil, model.Scenario{}, nil, err
		}
		r = &room{name: name, owner: who, scenario: s, report: rep, viewers: map[*viewer]struct{}{}}
		h.rooms[name] = r
		h.log.Info("room opened", "room", name, "presenter", who)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.presenter:
		return nil, model.Scenario{}, nil, errRoomBusy
	case r.owner != who:
		return nil, model.Scenario{}, nil, errRoomTaken
	}
	r.presenter = true
	// A presenter starts again without a baseline; the viewers follow.
	r.baseline = nil
	if len(r.viewers) > 0 {
		r.deliverLocked(roomUpdate{scenario: r.scenario, report: r.report, note: "the presenter is back"})
		h.log.Info("presenter back", "room", name, "presenter", who, "viewers", len(r.viewers))
	}
	return r, r.scenario, r.report, nil
}

// publish makes s the room's scenario and hands it to every viewer, with
// rep, the presenter's analysis of it (nil: each viewer analyses it). It
// runs on the presenter's program goroutine, so it must never block.
func (r *room) publish(s model.Scenario, rep *analysis.Report) {
	s = s.Clone() // the presenter's model may reuse its slices
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scenario, r.report = s, rep
	r.deliverLocked(roomUpdate{scenario: s, report: rep, baseline: r.baseline})
}

// publishBaseline makes b (nil: none) the room's baseline and hands it to
// every viewer with the scenario. Like publish, it never blocks.
func (r *room) publishBaseline(b *model.Scenario) {
	if b != nil {
		c := b.Clone()
		b = &c
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.baseline = b
	r.deliverLocked(roomUpdate{scenario: r.scenario, report: r.report, baseline: b})
}

// deliverLocked replaces whatever is waiting in each mailbox. Sends cannot
// block: the mailboxes hold one and only this function (under r.mu) fills
// them.
func (r *room) deliverLocked(u roomUpdate) {
	for v := range r.viewers {
		select {
		case <-v.mbox:
		default:
		}
		v.mbox <- u
	}
}

// leave ends the presenter's turn: viewers keep the last scenario and are
// told. An empty room closes.
func (h *hub) leave(r *room) {
	r.mu.Lock()
	r.presenter = false
	n := len(r.viewers)
	r.deliverLocked(roomUpdate{scenario: r.scenario, report: r.report, baseline: r.baseline, note: "the presenter has left; this is the last model"})
	r.mu.Unlock()
	h.log.Info("presenter left", "room", r.name, "viewers", n)
	h.closeIfEmpty(r)
}

// watch joins room name as a viewer. A viewer joining after the presenter
// left is told so at once. Like present, it holds h.mu until the viewer
// is in, so the room cannot close in between.
func (h *hub) watch(name string) (*room, *viewer, model.Scenario, *analysis.Report, error) {
	if !roomNameRE.MatchString(name) {
		return nil, nil, model.Scenario{}, nil, errRoomName
	}
	h.mu.Lock()
	r := h.rooms[name]
	if r == nil {
		h.mu.Unlock()
		return nil, nil, model.Scenario{}, nil, errNoRoom
	}
	v := &viewer{mbox: make(chan roomUpdate, 1)}
	r.mu.Lock()
	r.viewers[v] = struct{}{}
	s, rep, live, n := r.scenario, r.report, r.presenter, len(r.viewers)
	switch {
	case !live:
		v.mbox <- roomUpdate{scenario: s, report: rep, baseline: r.baseline, note: "the presenter has left; this is the last model"}
	case r.baseline != nil:
		v.mbox <- roomUpdate{scenario: s, report: rep, baseline: r.baseline}
	}
	r.mu.Unlock()
	h.mu.Unlock()
	h.log.Info("viewer joined", "room", name, "viewers", n)
	// publish replaces the room's scenario and never changes it in place,
	// and a viewer's explorer only reads it: every viewer shares it.
	return r, v, s, rep, nil
}

func (h *hub) unwatch(r *room, v *viewer) {
	r.mu.Lock()
	delete(r.viewers, v)
	n := len(r.viewers)
	r.mu.Unlock()
	h.log.Info("viewer left", "room", r.name, "viewers", n)
	h.closeIfEmpty(r)
}

// closeIfEmpty closes r when nobody is left in it. Lock order: h.mu, then
// r.mu.
func (h *hub) closeIfEmpty(r *room) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r.mu.Lock()
	empty := !r.presenter && len(r.viewers) == 0
	r.mu.Unlock()
	if empty && h.rooms[r.name] == r {
		delete(h.rooms, r.name)
		h.log.Info("room closed", "room", r.name)
	}
}

// lookup returns an open room (for tests and tools).
func (h *hub) lookup(name string) *room {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rooms[name]
}

// relay moves a viewer's mailbox into its program until ctx ends. Each
// viewer has its own goroutine, and send (Program.Send) is called with no
// lock held: it blocks until that one program reads the message.
func (v *viewer) relay(ctx context.Context, send func(tea.Msg)) {
	for {
		select {
		case <-ctx.Done():
			return
		case u := <-v.mbox:
			// The room never changes a scenario it handed out, and a
			// viewer only reads it: all viewers share one, and its analysis.
			msg := tui.RemoteScenarioMsg{Scenario: u.scenario, Report: u.report, Note: u.note}
			if u.baseline != nil {
				b := u.baseline.Clone()
				msg.Baseline = &b
			}
			send(msg)
		}
	}
}
