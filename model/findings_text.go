package model

import (
	"math"
	"strconv"
)

// msg builds finding messages by appending into one reused buffer, so a
// message costs a single allocation (the final string). Numbers are
// written for people: three significant digits and short suffixes; the
// report's arrays carry the exact figures.
type msg struct{ b []byte }

func (m *msg) s(parts ...string) *msg {
	for _, p := range parts {
		m.b = append(m.b, p...)
	}
	return m
}

// done returns the message and empties the buffer for the next one.
func (m *msg) done() string {
	out := string(m.b)
	m.b = m.b[:0]
	return out
}

func (m *msg) int(n int) *msg { m.b = strconv.AppendInt(m.b, int64(n), 10); return m }

// sig3 appends v with three significant digits and no trailing zeros.
func (m *msg) sig3(v float64) *msg {
	if v == 0 {
		m.b = append(m.b, '0')
		return m
	}
	var digits int
	switch av := math.Abs(v); {
	case av >= 100:
		digits = 0
	case av >= 10:
		digits = 1
	case av >= 1:
		digits = 2
	default:
		digits = max(0, 2-int(math.Floor(math.Log10(av))))
	}
	start := len(m.b)
	m.b = strconv.AppendFloat(m.b, v, 'f', digits, 64)
	if digits > 0 {
		end := len(m.b)
		for end > start && m.b[end-1] == '0' {
			end--
		}
		if end > start && m.b[end-1] == '.' {
			end--
		}
		m.b = m.b[:end]
	}
	return m
}

// num appends 24883200 as 24.9M, 1234 as 1.23k, 0.5 as 0.5.
func (m *msg) num(v float64) *msg {
	v = fin(v)
	if v < 0 {
		m.b = append(m.b, '-')
		v = -v
	}
	switch {
	case v >= 1e15:
		m.b = strconv.AppendFloat(m.b, v, 'g', 3, 64)
		return m
	case v >= 0.9995e12:
		return m.sig3(v / 1e12).s("T")
	case v >= 0.9995e9:
		return m.sig3(v / 1e9).s("B")
	case v >= 0.9995e6:
		return m.sig3(v / 1e6).s("M")
	case v >= 999.5:
		return m.sig3(v / 1e3).s("k")
	}
	return m.sig3(v)
}

// pct appends a fraction as a percentage: 1.432 → 143%.
func (m *msg) pct(u float64) *msg {
	u = fin(u)
	if u >= unboundedUtil {
		return m.s("more than it has (no capacity left)")
	}
	p := u * 100
	if p >= 10 || p == 0 {
		return m.num(math.Round(p)).s("%")
	}
	return m.sig3(p).s("%")
}

// dur appends seconds as 45s, 12 min, 3.5 h, 2.1 days; "never" when unbounded.
func (m *msg) dur(s float64) *msg {
	s = fin(s)
	switch {
	case s >= unboundedTime:
		return m.s("never")
	case s < 1:
		return m.sig3(s * 1000).s(" ms")
	case s < 90:
		return m.sig3(s).s("s")
	case s < 90*60:
		return m.sig3(s / 60).s(" min")
	case s < 48*3600:
		return m.sig3(s / 3600).s(" h")
	}
	return m.num(s / 86400).s(" days")
}

// rate appends requests per second, per minute or per hour for slow rates.
func (m *msg) rate(r float64) *msg {
	r = fin(r)
	switch {
	case r == 0 || r >= 1:
		return m.num(r).s("/s")
	case r*60 >= 1:
		return m.num(r * 60).s("/min")
	}
	return m.num(r * 3600).s("/h")
}

// window appends a window length: "5 min", "day", "second".
func (m *msg) window(w float64) *msg {
	switch {
	case w == 86400:
		return m.s("day")
	case w > 86400 && math.Mod(w, 86400) == 0:
		return m.num(w / 86400).s(" days")
	case w == 3600:
		return m.s("hour")
	case w > 3600 && math.Mod(w, 3600) == 0:
		return m.num(w / 3600).s(" h")
	case w == 60:
		return m.s("minute")
	case w > 60 && math.Mod(w, 60) == 0:
		return m.num(w / 60).s(" min")
	case w == 1:
		return m.s("second")
	}
	return m.dur(w)
}

// inYear appends "today" for year 0 and "in year n" otherwise.
func (m *msg) inYear(n int) *msg {
	if n == 0 {
		return m.s("today")
	}
	return m.s("in year ").int(n)
}

// byYear appends "today" or "by year n".
func (m *msg) byYear(n int) *msg {
	if n == 0 {
		return m.s("today")
	}
	return m.s("by year ").int(n)
}

// until appends "going live" for year 0 and "year n" otherwise.
func (m *msg) until(n int) *msg {
	if n == 0 {
		return m.s("going live")
	}
	return m.s("year ").int(n)
}

// stream appends what messages call a stream: its name in quotes, else its id.
func (m *msg) stream(si *streamInfo) *msg {
	if si.st.Name != "" {
		return m.s("“", si.st.Name, "”")
	}
	return m.s(si.st.ID)
}

// list appends ids as "a, b and c".
func (m *msg) list(ids []string) *msg {
	for i, id := range ids {
		switch {
		case i == 0:
		case i == len(ids)-1:
			m.s(" and ")
		default:
			m.s(", ")
		}
		m.s(id)
	}
	return m
}
