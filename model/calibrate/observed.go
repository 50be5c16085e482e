// Package calibrate sets streams' volumes, growth and seasonality from
// observed monthly counts: plain CSV files of records per stream, or the
// Power Platform admin center's request reports per flow (docs/import.md).
package calibrate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month counted from year 0: year·12 + month − 1, so
// that Month % 12 is the calendar month (0 = January).
type Month int

// ParseMonth reads 2026-03.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", strings.TrimSpace(s))
	if err != nil || !plausible(t) {
		return 0, fmt.Errorf("month %q — expected YEAR-MONTH like 2026-03", s)
	}
	return monthOf(t), nil
}

func monthOf(t time.Time) Month { return Month(t.Year()*12 + int(t.Month()) - 1) }

// plausible keeps observations to years a report can hold.
func plausible(t time.Time) bool { return t.Year() >= 1900 && t.Year() <= 9999 }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", int(m)/12, int(m)%12+1) }

// Counts are observations per month.
type Counts map[Month]float64

// Unit says what a table counts.
type Unit int

const (
	// Records are source records (a plain CSV: stream,month,count).
	Records Unit = iota
	// Requests are Power Platform requests of a flow (the admin center's
	// reports): calibrate turns them into records.
	Requests
)

// Table is what one CSV file holds: counts by the key it names streams or
// flows with, in first-seen order.
type Table struct {
	File   string
	Unit   Unit
	Keys   []string
	Series map[string]Counts
}

func (t *Table) add(key string, m Month, n float64) {
	if t.Series == nil {
		t.Series = map[string]Counts{}
	}
	c, ok := t.Series[key]
	if !ok {
		c = Counts{}
		t.Series[key] = c
		t.Keys = append(t.Keys, key)
	}
	c[m] += n
}

// MaxCSVBytes caps one input file.
const MaxCSVBytes = 256 << 20

// ReadCSV reads a plain CSV (header stream,month,count) or an admin center
// request report (a header with Caller ID or Resource ID, Usage Datetime
// and Consumed Quantity, perhaps after an entitlement line).
func ReadCSV(name string, r io.Reader) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxCSVBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, MaxCSVBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	t := &Table{File: name}
	cols, found := noColumns(), false
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if !found {
			if c, ok := header(rec); ok {
				cols, found, t.Unit = c, true, c.unit
			} else if blank(rec) || line <= 3 {
				continue // the entitlement lines above a report's header
			} else {
				return nil, fmt.Errorf("%s:%d: expected a header stream,month,count or a request report's (Caller ID, Usage Datetime, Consumed Quantity)", name, line)
			}
			continue
		}
		if blank(rec) {
			continue
		}
		if err := cols.row(t, rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: no header: expected stream,month,count or a request report", name)
	}
	return t, nil
}

// columns are the positions of what a table needs (-1: absent).
type columns struct {
	key, month, date, count, callerType int
	unit                                Unit
}

func noColumns() columns {
	return columns{key: -1, month: -1, date: -1, count: -1, callerType: -1}
}

// header recognises a table's header row.
func header(rec []string) (columns, bool) {
	c := noColumns()
	at := map[string]int{}
	for i, f := range rec {
		at[strings.ToLower(strings.TrimSpace(f))] = i
	}
	pos := func(name string) int {
		if i, ok := at[name]; ok {
			return i
		}
		return -1
	}
	if s, m, n := pos("stream"), pos("month"), pos("count"); s >= 0 && m >= 0 && n >= 0 {
		c.key, c.month, c.count, c.unit = s, m, n, Records
		return c, true
	}
	c.key = pos("resource id") // non-licensed report: the flow is the resource
	if c.key < 0 {
		c.key = pos("caller id")
		c.callerType = pos("caller type")
	}
	c.date, c.count, c.unit = pos("usage datetime"), pos("consumed quantity"), Requests
	if c.count < 0 {
		c.count = pos("total consumed quantity")
	}
	return c, c.key >= 0 && c.date >= 0 && c.count >= 0
}

func (c columns) row(t *Table, rec []string) error {
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	key := get(c.key)
	if key == "" {
		return errors.New("no stream or flow id")
	}
	if ct := get(c.callerType); ct != "" && !strings.EqualFold(ct, "flow") {
		return nil // a user's requests, not a flow's
	}
	var m Month
	var err error
	if c.month >= 0 {
		m, err = ParseMonth(get(c.month))
	} else {
		m, err = parseDate(get(c.date))
	}
	if err != nil {
		return err
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(get(c.count), ",", ""), 64)
	if err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
		return fmt.Errorf("count %q — expected a number of 0 or more", get(c.count))
	}
	t.add(key, m, n)
	return nil
}

// dateLayouts are the ways the reports write Usage Datetime.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	"1/2/2006 3:04:05 PM", "1/2/2006 15:04:05", "1/2/2006", "2006-01"}

func parseDate(s string) (Month, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil && plausible(t) {
			return monthOf(t), nil
		}
	}
	return 0, fmt.Errorf("date %q — expected a date like 2026-03-14", s)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
