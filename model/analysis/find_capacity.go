package analysis

import (
	"fmt"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/figure"
)

// capacity raises, per system, one finding for its capacity: entitlement
// for a flows layer's daily budget, throttle for a notification channel,
// capacity-exceeded for the rest, or expiry when it only passes the
// alert line.
func (f *findings) capacity(res *result) {
	e := f.e
	for x := range e.r.Systems {
		sys := &e.r.Systems[x]
		if sys.Flows() {
			f.entitlement(res, x)
		}
		row := res.sysUtil[x]
		sat, alert := firstYear(row, 1), firstYear(row, e.r.MonitorAt)
		switch {
		case sat >= 0:
			li := res.binding[x][sat]
			switch {
			case sys.Limits[li].Entitlement:
				// the entitlement finding already says it (licences run out)
			case sys.Kind.Notification:
				f.throttle(res, x, sat, li)
			default:
				f.exceeded(res, x, sat, li)
			}
		case alert >= 0:
			f.expiry(res, x, alert)
		}
	}
}

// groupDemand is the worst group's demand on a limit in year n and, for
// a per-identity or per-flow limit, which group that is.
func (e *engine) worstGroup(res *result, x, li, n int) (demand float64, who string) {
	lg := &e.groups[x][li]
	best := -1
	for g := range lg.n {
		if best < 0 || res.grpUtil[x][li][g][n] > res.grpUtil[x][li][best][n] {
			best = g
		}
	}
	if best < 0 {
		return 0, ""
	}
	demand = worstMonth(res.acc[x][li][(best*e.years+n)*12 : (best*e.years+n+1)*12])
	l := &e.r.Systems[x].Limits[li]
	if l.Per == model.ScopeSystem {
		return demand, ""
	}
	for k, s := range e.on[x] {
		if int(lg.of[k]) == best {
			if l.Per == model.ScopeFlow {
				return demand, e.r.Streams[s].Flow
			}
			return demand, e.r.Streams[s].Identity
		}
	}
	return demand, ""
}

// exceeded raises capacity-exceeded with advice that fits the binding
// limit's scope.
func (f *findings) exceeded(res *result, x, sat, li int) {
	e := f.e
	sys := &e.r.Systems[x]
	l := &sys.Limits[li]
	row := res.sysUtil[x]
	demand, who := e.worstGroup(res, x, li, sat)
	msg := fill("%s needs %s of %s %s: %s %s per %s against %s available",
		sys.Name, figure.Util(row[sat]), e.limitPhrase(x, li), figure.InYear(sat),
		figure.Num(demand), countsWord(l.Counts), figure.Window(l.Window), figure.Num(e.available(x, li)))
	switch {
	case who != "" && l.Per == model.ScopeIdentity:
		msg += fill(" for the identity %s", who)
	case who != "":
		msg += fill(" for the flow %s", who)
	case sys.Baseline > 0:
		msg += fill(" once other work takes its %s", figure.Util(sys.Baseline))
	}
	msg += fill(". %s it needs %s of what it can take.", capitalise(e.byHorizon()), figure.Factor(maxOf(row)))
	var adv string
	switch {
	case l.Per == model.ScopeIdentity:
		adv = fill("The limit is per identity: spread the load over more application users or connections, or take load off %s (a read replica for reads, a queue for short write peaks)", sys.Name)
	case l.Per == model.ScopeFlow:
		adv = "The limit is per flow and licences do not raise it: split the work over more flows, or move bulk steps to a bulk engine"
	case sys.Layer != nil:
		adv = fill("Spread the work over more %s capacity (a higher tier), filter in the trigger, or move bulk steps elsewhere", sys.Kind.Title)
	default:
		adv = fill("Take load off %s (a read replica for reads, a queue for short write peaks) or raise its capacity (a higher tier, more instances)", sys.Name)
	}
	adv += fill(" before %s; until then expect throttling and retries.", goLive(sat))
	f.add(CodeCapacityExceeded, yearSeverity(sat), -1, x, sat, msg, adv)
}

// throttle raises throttle for a notification channel over its sending
// limit: pacing helps a per-minute limit, not a daily cap.
func (f *findings) throttle(res *result, x, sat, li int) {
	e := f.e
	sys := &e.r.Systems[x]
	l := &sys.Limits[li]
	row := res.sysUtil[x]
	demand, _ := e.worstGroup(res, x, li, sat)
	msg := fill("%s has to send %s of %s %s: %s per %s against %s (%s %s).",
		sys.Name, figure.Util(row[sat]), e.limitPhrase(x, li), figure.InYear(sat),
		figure.Num(demand), figure.Window(l.Window), figure.Num(e.available(x, li)),
		figure.Factor(maxOf(row)), e.byHorizon())
	adv := "Pace the sends below the limit: a queue released at a fixed rate, or batches; and check which updates really need a message."
	if l.Window >= 86400 {
		adv = "A daily cap is not fixed by pacing: send bulk customer messages through a transactional sending service, merge updates into a digest per recipient, or send fewer messages."
	}
	f.add(CodeThrottle, yearSeverity(sat), -1, x, sat, msg, adv)
}

// entitlement raises entitlement for a flows layer whose daily budget is
// over without Process licences, with the licences each year needs.
func (f *findings) entitlement(res *result, x int) {
	e := f.e
	un := res.unlicensed[x]
	if un == nil {
		return
	}
	y := firstYear(un, 1)
	if y < 0 {
		return
	}
	sys := &e.r.Systems[x]
	li := -1
	for i := range sys.Limits {
		if sys.Limits[i].Entitlement {
			li = i
		}
	}
	total := make([]int, e.years)
	flows := 0
	for _, lc := range res.licences() {
		if lc.system != x {
			continue
		}
		flows++
		for n, c := range lc.count {
			total[n] += c
		}
	}
	msg := fill("The daily entitlement of %s, %s, is used %s %s without Process licences (%s %s).",
		sys.Name, e.limitPhrase(x, li), figure.Util(un[y]), figure.InYear(y), figure.Util(un[e.r.Horizon]), e.byHorizon())
	if sys.Licence == model.LicenceProcess {
		msg = fill("The flows of %s run on Process licences of %s requests a day each; with one licence per flow the busiest uses %s %s (%s %s).",
			sys.Name, figure.Num(sys.Limits[li].Count), figure.Util(un[y]), figure.InYear(y), figure.Util(un[e.r.Horizon]), e.byHorizon())
	}
	adv := fmt.Sprintf("License the largest flows with Process licences: %d licence(s) for %d flow(s) %s, %d %s",
		total[y], flows, figure.InYear(y), total[e.r.Horizon], e.byHorizon())
	if sat := firstYear(res.sysUtil[x], 1); sat >= 0 && res.binding[x][sat] == li {
		adv += fmt.Sprintf("; from %s even %d stacked licences per flow are not enough", figure.Year(sat), sys.Layer.MaxLicences)
	}
	adv += "; or cut requests: fewer actions per record, and filters in the trigger rather than in the flow."
	f.add(CodeEntitlement, yearSeverity(y), -1, x, y, msg, adv)
}

func countsWord(c model.Counts) string {
	if c == model.CountsRequests || c == "" {
		return "requests"
	}
	return string(c)
}

// goLive is "going live" for year 0 and "year n" otherwise.
func goLive(n int) string {
	if n == 0 {
		return "going live"
	}
	return figure.Year(n)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// expiry raises expiry for a system over the alert line that stays within
// its limits: the design has a date by which it needs scaling.
func (f *findings) expiry(res *result, x, alert int) {
	e := f.e
	sys := &e.r.Systems[x]
	row := res.sysUtil[x]
	li := res.binding[x][alert]
	msg := fmt.Sprintf("%s passes the %s alert line %s (%s of %s) and stays within its limits through year %d (%s at most).",
		sys.Name, figure.Util(e.r.MonitorAt), figure.InYear(alert), figure.Util(row[alert]),
		e.limitPhrase(x, li), e.r.Horizon, figure.Util(maxOf(row)))
	if e.pacedBy(res, x, li) {
		msg += " Scheduled runs through it are paced by this limit: while a run lasts it takes all the limit leaves."
	}
	if sys.Limits[li].Entitlement && res.unlicensed[x] != nil && maxOf(res.unlicensed[x]) > 1 {
		msg += " That is with the Process licences of the entitlement finding, each flow licensed to its need: a licence more gives headroom."
	}
	adv := fill("Write down that this design holds until %s, plan the scaling step, and alert on the load of %s at %s so the warning comes from monitoring, not from users.",
		figure.Year(alert), sys.Name, figure.Util(e.r.MonitorAt))
	if alert == 0 {
		adv = fill("It is over the alert line already: alert on the load of %s at %s and plan the scaling step now, before growth takes the rest.",
			sys.Name, figure.Util(e.r.MonitorAt))
	}
	f.add(CodeExpiry, SeverityWarn, -1, x, alert, msg, adv)
}

// pacedBy says whether a scheduled run through system x is paced by its
// limit li in some year.
func (e *engine) pacedBy(res *result, x, li int) bool { return res.paced[e.limitBase[x]+li] }
