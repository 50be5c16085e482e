package scenariofile

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

// The editor's text form of a system's limits (docs/files.md): entries
// separated by ";", each a rate followed by optional "per SCOPE",
// "counts WHAT" and "name TEXT" (the name takes the rest of the entry):
//
//	6000/5m per identity counts requests name service protection; 40k/day per identity
//
// "none" is an empty list (no limits at all, not even the kind's); empty
// text is the kind's limits.
const (
	limitsNone   = "none"
	expectLimit  = "a limit like 6000/5m per identity counts requests name service protection"
	expectScope  = "system, identity or flow"
	expectCounts = "requests, reads, writes or runs"
)

// limitKeys are the keys of a limit's mapping form, in file order.
var limitKeys = []string{"rate", "per", "counts", "name"}

// entryError is an error in one key of one entry of a list of mappings
// (limits[1].per), so that the loader can point at it.
type entryError struct {
	index int    // entry in file order
	key   string // the key inside the entry ("" for the entry itself)
	onKey bool   // the key is wrong, not its value
	err   error
}

func (e *entryError) Error() string { return e.err.Error() }
func (e *entryError) Unwrap() error { return e.err }

func limitsField() Field[model.System] {
	f := Field[model.System]{Key: "limits", Unit: "limits",
		Help: "limits replacing the kind's, like 6000/5m per identity counts requests name service protection; 40k/day " +
			"(none: no limits; empty: the kind's)"}
	f.Get = func(s *model.System) string { return formatLimits(s.Limits) }
	f.reset = func(s *model.System) { s.Limits = nil }
	f.check = func(s *model.System) error { return checkLimits(s.Limits) }
	f.rowsOf = func(s *model.System) [][][2]string {
		rows := make([][][2]string, len(s.Limits))
		for i, l := range s.Limits {
			rows[i] = limitPairs(l)
		}
		return rows
	}
	f.rows = func(s *model.System, rows [][][2]string) error {
		tmp := *s
		list := make([]model.Limit, 0, len(rows))
		for i, row := range rows {
			l, err := limitFromPairs(row)
			if err != nil {
				err.index = i
				return err
			}
			list = append(list, l)
		}
		tmp.Limits = list
		return f.commit(s, &tmp)
	}
	return finishField(f, func(s *model.System, text string) error {
		list, err := parseLimits(text)
		if err != nil {
			return err
		}
		s.Limits = list
		return nil
	})
}

// formatLimits writes the text form; "" for nil (the kind's limits).
func formatLimits(list []model.Limit) string {
	if list == nil {
		return ""
	}
	if len(list) == 0 {
		return limitsNone
	}
	parts := make([]string, len(list))
	for i, l := range list {
		var b strings.Builder
		b.WriteString(l.Rate.String())
		if l.Per != "" {
			b.WriteString(" per " + string(l.Per))
		}
		if l.Counts != "" {
			b.WriteString(" counts " + string(l.Counts))
		}
		if l.Name != "" {
			b.WriteString(" name " + l.Name)
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, "; ")
}

// limitPairs is a limit's mapping form, the keys it sets in file order.
func limitPairs(l model.Limit) [][2]string {
	pairs := [][2]string{{"rate", l.Rate.String()}}
	if l.Per != "" {
		pairs = append(pairs, [2]string{"per", string(l.Per)})
	}
	if l.Counts != "" {
		pairs = append(pairs, [2]string{"counts", string(l.Counts)})
	}
	if l.Name != "" {
		pairs = append(pairs, [2]string{"name", l.Name})
	}
	return pairs
}

// limitFromPairs reads one limit from its keys (a bare rate comes as
// its "rate" key); the error's index is left to the caller.
func limitFromPairs(pairs [][2]string) (model.Limit, *entryError) {
	var l model.Limit
	hasRate := false
	for _, p := range pairs {
		key, val := p[0], strings.TrimSpace(p[1])
		var err error
		switch key {
		case "rate":
			hasRate = true
			l.Rate, err = quantity.ParseRate(val)
			if err == nil {
				err = checkRate(l.Rate, true)
			}
		case "per":
			l.Per, err = model.Scope(val), checkScope(val)
		case "counts":
			l.Counts, err = model.Counts(val), checkCounts(val)
		case "name":
			l.Name, err = val, checkLimitName(val)
		default:
			return model.Limit{}, &entryError{key: key, onKey: true, err: unknownKey(key, strings.Join(limitKeys, ", "))}
		}
		if err != nil {
			return model.Limit{}, &entryError{key: key, err: err}
		}
	}
	if !hasRate {
		return model.Limit{}, &entryError{err: errors.New("no rate — expected a limit like {rate: 6000/5m, per: identity}")}
	}
	return l, nil
}

// parseLimits reads the text form.
func parseLimits(text string) ([]model.Limit, error) {
	if text == limitsNone {
		return []model.Limit{}, nil
	}
	var list []model.Limit
	for i, entry := range strings.Split(text, ";") {
		pairs, err := limitEntryPairs(strings.TrimSpace(entry))
		if err == nil {
			var l model.Limit
			if l, err = limitFromPairs(pairs); err == nil {
				list = append(list, l)
				continue
			}
		}
		err.index = i
		return nil, err
	}
	return list, nil
}

// limitEntryPairs splits one entry of the text form into its keys.
func limitEntryPairs(entry string) ([][2]string, *entryError) {
	rate, rest, _ := strings.Cut(entry, " ")
	if rate == "" {
		return nil, &entryError{err: &quantity.Error{Text: entry, Expected: expectLimit}}
	}
	pairs := [][2]string{{"rate", rate}}
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		word, after, _ := strings.Cut(rest, " ")
		after = strings.TrimSpace(after)
		switch word {
		case "name":
			return append(pairs, [2]string{"name", after}), nil
		case "per", "counts":
			val, more, _ := strings.Cut(after, " ")
			pairs, rest = append(pairs, [2]string{word, val}), more
		default:
			return nil, &entryError{err: &quantity.Error{Text: entry, Expected: expectLimit}}
		}
	}
	return pairs, nil
}

func checkScope(v string) error {
	switch model.Scope(v) {
	case model.ScopeSystem, model.ScopeIdentity, model.ScopeFlow:
		return nil
	}
	return &quantity.Error{Text: v, Expected: expectScope}
}

func checkCounts(v string) error {
	switch model.Counts(v) {
	case model.CountsRequests, model.CountsReads, model.CountsWrites, model.CountsRuns:
		return nil
	}
	return &quantity.Error{Text: v, Expected: expectCounts}
}

// checkLimitName accepts a name the text form can hold: one line, no ";".
func checkLimitName(v string) error {
	if v == "" || !utf8.ValidString(v) || strings.TrimSpace(v) != v || strings.Contains(v, ";") ||
		strings.ContainsFunc(v, unicode.IsControl) {
		return &quantity.Error{Text: v, Expected: "a name on one line without ; like service protection"}
	}
	return nil
}

// checkLimits applies the rules of every limit, for scenarios built in memory.
func checkLimits(list []model.Limit) error {
	for i, l := range list {
		if err := checkRate(l.Rate, true); err != nil {
			return &entryError{index: i, key: "rate", err: err}
		}
		if l.Per != "" {
			if err := checkScope(string(l.Per)); err != nil {
				return &entryError{index: i, key: "per", err: err}
			}
		}
		if l.Counts != "" {
			if err := checkCounts(string(l.Counts)); err != nil {
				return &entryError{index: i, key: "counts", err: err}
			}
		}
		if l.Name != "" {
			if err := checkLimitName(l.Name); err != nil {
				return &entryError{index: i, key: "name", err: err}
			}
		}
	}
	return nil
}

// entryPath is the path of an entryError below the field's path.
func entryPath(path string, e *entryError) string {
	p := indexPath(path, e.index)
	if e.key != "" {
		p += "." + quantity.Clip(e.key)
	}
	return p
}
