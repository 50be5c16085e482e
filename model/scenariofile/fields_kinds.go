package scenariofile

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

var posInf = math.Inf(1)

// errMissing is the error of a required field left empty.
var errMissing = errors.New("required, but missing")

// isID matches [a-z0-9-]+ (by hand: it runs for every id and reference).
func isID(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

func checkID(s string) error {
	if !isID(s) {
		return &quantity.Error{Text: s, Expected: "an id of lowercase letters, digits and dashes like web-to-dv"}
	}
	return nil
}

// checkListItem accepts one entry of a comma-separated list.
func checkListItem(s string) error {
	if s == "" || !utf8.ValidString(s) || strings.TrimSpace(s) != s || strings.ContainsAny(s, ",[]{}#") ||
		strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return &quantity.Error{Text: s, Expected: "a name without commas, brackets or # like medical"}
	}
	return nil
}

// checkText accepts any valid UTF-8 text.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return &quantity.Error{Text: s, Expected: "text in UTF-8"}
	}
	return nil
}

// partError is an error in one entry of a list or mapping value, so that
// the loader can point at that entry.
type partError struct {
	index int  // entry in file order
	key   bool // the entry's key (mapping), not its value
	err   error
}

func (e *partError) Error() string { return e.err.Error() }
func (e *partError) Unwrap() error { return e.err }

func textField[T any](key, unit, help string, ptr func(*T) *string, valid func(string) error) Field[T] {
	f := Field[T]{Key: key, Unit: unit, Help: help, text: true}
	f.Get = func(t *T) string { return *ptr(t) }
	f.reset = func(t *T) { *ptr(t) = "" }
	if valid == nil {
		valid = checkText
	}
	f.check = func(t *T) error {
		if v := *ptr(t); v != "" {
			return valid(v)
		}
		return nil
	}
	return finishField(f, func(t *T, s string) error {
		*ptr(t) = s
		return nil
	})
}

func idField[T any](key, unit, help string, ptr func(*T) *string) Field[T] {
	return requiredText(key, unit, help, ptr, checkID)
}

// streamIDField holds a stream's id. The format asks only that it be
// unique (system ids, which streams refer to, are [a-z0-9-]+): any one-line
// text without surrounding spaces will do, like web_to_dv or Orders.
func streamIDField[T any](key, unit, help string, ptr func(*T) *string) Field[T] {
	return requiredText(key, unit, help, ptr, checkStreamID)
}

// requiredText is a text field that must be set and pass valid.
func requiredText[T any](key, unit, help string, ptr func(*T) *string, valid func(string) error) Field[T] {
	f := textField(key, unit, help, ptr, valid)
	f.required = true
	f.check = func(t *T) error {
		if *ptr(t) == "" {
			return errMissing
		}
		return valid(*ptr(t))
	}
	return finishAgain(f)
}

var checkStreamID = oneLine("an id on one line without surrounding spaces like web-to-dv")

// oneLine accepts text on one line without surrounding spaces.
func oneLine(expected string) func(string) error {
	return func(s string) error {
		if !utf8.ValidString(s) || strings.TrimSpace(s) != s || strings.ContainsFunc(s, unicode.IsControl) {
			return &quantity.Error{Text: s, Expected: expected}
		}
		return nil
	}
}

func boolField[T any](key, unit, help string, ptr func(*T) **bool, def string) Field[T] {
	f := Field[T]{Key: key, Unit: unit, Help: help, def: def}
	f.Get = func(t *T) string {
		if p := *ptr(t); p != nil {
			return strconv.FormatBool(*p)
		}
		return ""
	}
	f.reset = func(t *T) { *ptr(t) = nil }
	return finishField(f, func(t *T, s string) error {
		switch strings.ToLower(s) {
		case "true":
			v := true
			*ptr(t) = &v
		case "false":
			v := false
			*ptr(t) = &v
		default:
			return &quantity.Error{Text: s, Expected: "true or false"}
		}
		return nil
	})
}

// ptrField builds a field over an optional pointer to a quantity with a
// parser, a formatter and a value check.
func ptrField[T any, V comparable](key, unit, help string, ptr func(*T) **V, def string,
	parse func(string) (V, error), format func(V) string, valid func(V) error) Field[T] {
	f := Field[T]{Key: key, Unit: unit, Help: help, def: def}
	if def != "" {
		dv, err := parse(def)
		if err != nil {
			panic("bad default for " + key) // a programming error in the table
		}
		f.isDef = func(t *T) bool { p := *ptr(t); return p != nil && *p == dv }
	}
	f.Get = func(t *T) string {
		if p := *ptr(t); p != nil {
			return format(*p)
		}
		return ""
	}
	f.reset = func(t *T) { *ptr(t) = nil }
	f.check = func(t *T) error {
		if p := *ptr(t); p != nil {
			return valid(*p)
		}
		return nil
	}
	return finishField(f, func(t *T, s string) error {
		v, err := parse(s)
		if err != nil {
			return err
		}
		*ptr(t) = &v
		return nil
	})
}

func rateField[T any](key, unit, help string, ptr func(*T) **quantity.Rate) Field[T] {
	return ptrField(key, unit, help, ptr, "", quantity.ParseRate, quantity.Rate.String,
		func(r quantity.Rate) error { return checkRate(r, true) })
}

// checkRate accepts a finite rate with a real window (and a count above 0
// when positive).
func checkRate(r quantity.Rate, positive bool) error {
	c := float64(r.Count)
	secs := r.Window.Seconds()
	if !isFiniteNum(c) || c < 0 || (positive && c == 0) || !isFiniteNum(r.Window.N) || !(secs > 0) || !isFiniteNum(secs) {
		want := "COUNT/PERIOD like 10M/year"
		if positive {
			want = "COUNT/PERIOD above 0 like 6000/5m"
		}
		return &quantity.Error{Text: fmt.Sprintf("%s/%s", quantity.FormatNumber(c), formatPeriod(r.Window)), Expected: want}
	}
	return nil
}

func formatPeriod(p quantity.Period) string {
	if p.Unit.Seconds() == 0 {
		return quantity.FormatNumber(p.N) + string(p.Unit)
	}
	return p.String()
}

func isFiniteNum(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// numRange is an allowed interval, open or closed at each end.
type numRange struct {
	min, max         float64
	minOpen, maxOpen bool
}

func (r numRange) contains(v float64) bool {
	return !math.IsNaN(v) && (v > r.min || !r.minOpen && v == r.min) &&
		(v < r.max || !r.maxOpen && v == r.max) && !math.IsInf(v, 0)
}

// describe phrases the range, e.g. "above 0 and at most 24".
func (r numRange) describe(format func(float64) string) string {
	lo := "at least " + format(r.min)
	if r.minOpen {
		lo = "above " + format(r.min)
	}
	if math.IsInf(r.max, 1) {
		return lo
	}
	hi := "at most " + format(r.max)
	if r.maxOpen {
		hi = "below " + format(r.max)
	}
	return lo + " and " + hi
}

type shareRange = numRange

// growthField is a share that may be negative: a shrinking business.
func growthField() Field[model.Stream] {
	r := shareRange{min: -0.9, max: 10}
	return ptrField("growth", "share/year", "compound growth per year, -90% to 1000%, like 20% or -5% (default 0%)",
		func(s *model.Stream) **quantity.Share { return &s.Growth }, "0%", parseSignedShare, formatSignedShare,
		func(v quantity.Share) error {
			if !r.contains(float64(v)) {
				return &quantity.Error{Text: formatSignedShare(v), Expected: "a share " + r.describe(func(v float64) string {
					return formatSignedShare(quantity.Share(v))
				}) + " like 20% or -5%"}
			}
			return nil
		})
}

func parseSignedShare(s string) (quantity.Share, error) {
	t := strings.TrimSpace(s)
	if rest, neg := strings.CutPrefix(t, "-"); neg && !strings.HasPrefix(rest, "-") {
		v, err := quantity.ParseShare(rest)
		if err != nil {
			return 0, &quantity.Error{Text: s, Expected: "a share like 20% or -5%"}
		}
		return -v, nil
	}
	return quantity.ParseShare(s)
}

func formatSignedShare(v quantity.Share) string {
	if v < 0 {
		return "-" + (-v).String()
	}
	return v.String()
}

func shareField[T any](key, unit, help string, ptr func(*T) **quantity.Share, r shareRange, def string) Field[T] {
	pct := func(v float64) string { return quantity.Share(v).String() }
	return ptrField(key, unit, help, ptr, def, quantity.ParseShare, quantity.Share.String,
		func(v quantity.Share) error {
			if !r.contains(float64(v)) {
				return &quantity.Error{Text: v.String(), Expected: "a share " + r.describe(pct) + " like 20% or 0.2"}
			}
			return nil
		})
}

func numberField[T any](key, unit, help string, ptr func(*T) **float64, r numRange, def string) Field[T] {
	return ptrField(key, unit, help, ptr, def, quantity.ParseNumber, quantity.FormatNumber,
		func(v float64) error {
			if !r.contains(v) {
				return &quantity.Error{Text: quantity.FormatNumber(v), Expected: "a number " + r.describe(quantity.FormatNumber)}
			}
			return nil
		})
}

func durationField[T any](key, unit, help string, ptr func(*T) **quantity.Duration, positive bool, def string) Field[T] {
	return ptrField(key, unit, help, ptr, def, quantity.ParseDuration, quantity.Duration.String,
		func(d quantity.Duration) error {
			v := float64(d)
			if !isFiniteNum(v) || v < 0 || (positive && v == 0) {
				want := "a duration like 500ms, 30s, 10m, 2h or 1d"
				if positive {
					want = "a duration above 0 like 30s, 10m or 2h"
				}
				return &quantity.Error{Text: quantity.FormatNumber(v) + "s", Expected: want}
			}
			return nil
		})
}

// intField holds a whole number where 0 means "default".
func intField[T any](key, unit, help string, ptr func(*T) *int, lo, hi, def int) Field[T] {
	bad := func(s string) error {
		return &quantity.Error{Text: s, Expected: fmt.Sprintf("a whole number from %d to %d", lo, hi)}
	}
	f := Field[T]{Key: key, Unit: unit, Help: help, def: strconv.Itoa(def)}
	f.Get = func(t *T) string {
		if v := *ptr(t); v != 0 {
			return strconv.Itoa(v)
		}
		return ""
	}
	f.reset = func(t *T) { *ptr(t) = 0 }
	f.check = func(t *T) error {
		if v := *ptr(t); v != 0 && (v < lo || v > hi) {
			return bad(strconv.Itoa(v))
		}
		return nil
	}
	return finishField(f, func(t *T, s string) error {
		v, err := strconv.Atoi(s)
		if err != nil || v < lo || v > hi {
			return bad(s)
		}
		*ptr(t) = v
		return nil
	})
}

// finishItems wires a list-valued field: Set splits its text at commas,
// the loader hands over the YAML list entries.
func finishItems[T any](f Field[T], assign func(*T, []string) error) Field[T] {
	f.items = func(t *T, parts []string) error {
		tmp := *t
		if err := assign(&tmp, parts); err != nil {
			return err
		}
		return f.commit(t, &tmp)
	}
	return finishField(f, func(t *T, s string) error {
		return assign(t, strings.Split(s, ","))
	})
}

func listField[T any](key, unit, help string, ptr func(*T) *[]string) Field[T] {
	f := Field[T]{Key: key, Unit: unit, Help: help, text: true}
	f.Get = func(t *T) string { return strings.Join(*ptr(t), ", ") }
	f.itemsOf = func(t *T) []string { return *ptr(t) }
	f.reset = func(t *T) { *ptr(t) = nil }
	f.check = func(t *T) error { return checkList(*ptr(t)) }
	return finishItems(f, func(t *T, parts []string) error {
		var list []string
		for _, p := range parts {
			list = append(list, strings.TrimSpace(p))
		}
		if err := checkList(list); err != nil {
			return err
		}
		*ptr(t) = list
		return nil
	})
}

func checkList(list []string) error {
	seen := map[string]bool{}
	for i, item := range list {
		if err := checkListItem(item); err != nil {
			return &partError{index: i, err: err}
		}
		if seen[item] {
			return &partError{index: i, err: fmt.Errorf("%q appears twice", quantity.Clip(item))}
		}
		seen[item] = true
	}
	return nil
}
