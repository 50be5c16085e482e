package scenariofile

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/quantity"
)

func triggerField() Field[model.Stream] {
	return enumField(Field[model.Stream]{Key: "trigger", Unit: "instant|event|schedule", required: true,
		Help: "how a run starts: instant (a user), event (a change) or schedule (every interval)"},
		func(s *model.Stream) *model.Trigger { return &s.Trigger }, checkTrigger)
}

// enumField completes a field whose value is one of a few words.
func enumField[T any, E ~string](f Field[T], ptr func(*T) *E, valid func(string) error) Field[T] {
	f.Get = func(t *T) string { return string(*ptr(t)) }
	f.reset = func(t *T) { *ptr(t) = "" }
	f.check = func(t *T) error { return valid(string(*ptr(t))) }
	return finishField(f, func(t *T, v string) error {
		if err := valid(v); err != nil {
			return err
		}
		*ptr(t) = E(v)
		return nil
	})
}

func checkTrigger(v string) error {
	switch model.Trigger(v) {
	case model.TriggerInstant, model.TriggerEvent, model.TriggerSchedule:
		return nil
	case "":
		return errMissing
	}
	return &quantity.Error{Text: v, Expected: "instant, event or schedule"}
}

func licenceField() Field[model.System] {
	return enumField(Field[model.System]{Key: "licence", Unit: "premium|process", def: string(model.LicencePremium),
		Help: "integration layers: premium (the owner's entitlement) or process (a licence per flow) (default premium)"},
		func(s *model.System) *model.Licence { return &s.Licence }, checkLicence)
}

func checkLicence(v string) error {
	switch model.Licence(v) {
	case "", model.LicencePremium, model.LicenceProcess:
		return nil
	}
	return &quantity.Error{Text: v, Expected: "premium or process"}
}

func filterAtField() Field[model.Stream] {
	return enumField(Field[model.Stream]{Key: "filter_at", Unit: "trigger|flow", def: string(model.FilterAtFlow),
		Help: "where the filter applies: trigger (no run) or flow (a run that stops) (default flow)"},
		func(s *model.Stream) *model.FilterAt { return &s.FilterAt }, checkFilterAt)
}

func checkFilterAt(v string) error {
	switch model.FilterAt(v) {
	case "", model.FilterAtTrigger, model.FilterAtFlow:
		return nil
	}
	return &quantity.Error{Text: v, Expected: "trigger or flow"}
}

const flatSeasonality = "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1"

func seasonalityField() Field[model.Stream] {
	f := Field[model.Stream]{Key: "seasonality", Unit: "12 weights", def: flatSeasonality,
		Help: "12 monthly weights, January first, comma-separated like 1, 1, 2, ... (default flat)"}
	f.Get = func(s *model.Stream) string { return strings.Join(f.itemsOf(s), ", ") }
	f.reset = func(s *model.Stream) { s.Seasonality = nil }
	f.isDef = func(s *model.Stream) bool {
		for _, w := range s.Seasonality {
			if w != 1 {
				return false
			}
		}
		return len(s.Seasonality) == 12
	}
	f.itemsOf = func(s *model.Stream) []string {
		parts := make([]string, len(s.Seasonality))
		for i, w := range s.Seasonality {
			parts[i] = quantity.FormatNumber(w)
		}
		return parts
	}
	f.check = func(s *model.Stream) error { return checkSeasonality(s.Seasonality) }
	return finishItems(f, func(s *model.Stream, parts []string) error {
		w := make([]float64, len(parts))
		for i, p := range parts {
			v, err := quantity.ParseNumber(p)
			if err != nil {
				return &partError{index: i, err: &quantity.Error{Text: p, Expected: expectWeight}}
			}
			w[i] = v
		}
		if err := checkSeasonality(w); err != nil {
			return err
		}
		s.Seasonality = w
		return nil
	})
}

const expectWeight = "a monthly weight of 0 or more like 1 or 1.5"

func checkSeasonality(w []float64) error {
	if w == nil {
		return nil
	}
	sum := 0.0
	for i, v := range w {
		if !isFiniteNum(v) || v < 0 {
			return &partError{index: i, err: &quantity.Error{Text: quantity.FormatNumber(v), Expected: expectWeight}}
		}
		sum += v
	}
	if len(w) != 12 {
		return fmt.Errorf("%d weights — expected 12, one per month, like [1,1,1,1,1,1,1,1,1,1,1,1]", len(w))
	}
	if !(sum > 0) || !isFiniteNum(sum) {
		return errors.New("weights add up to 0 — expected at least one month above 0")
	}
	return nil
}

const expectProduct = "COUNT/PERIOD like 10M/year, or factors like customers=50k, cases_per_customer=4 per year"

func volumeField() Field[model.Stream] {
	f := Field[model.Stream]{Key: "volume", Unit: "records/period", required: true,
		Help: "source records per period like 10M/year, or a product like customers=50k, cases_per_customer=4 per year"}
	f.Get = func(s *model.Stream) string { return formatVolume(s.Volume) }
	f.reset = func(s *model.Stream) { s.Volume = model.Volume{} }
	f.pairsOf = func(s *model.Stream) [][2]string {
		if len(s.Volume.Factors) == 0 {
			return nil
		}
		var pairs [][2]string
		for _, x := range s.Volume.Factors {
			pairs = append(pairs, [2]string{x.Name, x.Value.String()})
		}
		return append(pairs, [2]string{"per", formatPeriod(s.Volume.Per)})
	}
	f.check = func(s *model.Stream) error { return checkVolume(s.Volume) }
	f.pairs = func(s *model.Stream, pairs [][2]string) error {
		tmp := *s
		v, err := productVolume(pairs)
		if err != nil {
			return err
		}
		tmp.Volume = v
		return f.commit(s, &tmp)
	}
	return finishField(f, func(s *model.Stream, text string) error {
		if !strings.Contains(text, "=") {
			r, err := quantity.ParseRate(text)
			if err != nil {
				return err
			}
			s.Volume = model.Volume{Rate: r}
			return nil
		}
		pairs, err := productPairs(text)
		if err != nil {
			return err
		}
		v, err := productVolume(pairs)
		if err != nil {
			return err
		}
		s.Volume = v
		return nil
	})
}

// formatVolume writes the plain rate, or the product as
// "customers=50k, cases_per_customer=4 per year".
func formatVolume(v model.Volume) string {
	if len(v.Factors) == 0 {
		if v.Rate == (quantity.Rate{}) {
			return ""
		}
		return v.Rate.String()
	}
	parts := make([]string, len(v.Factors))
	for i, f := range v.Factors {
		parts[i] = f.Name + "=" + f.Value.String()
	}
	return strings.Join(parts, ", ") + " per " + formatPeriod(v.Per)
}

// productPairs splits the editor's product text into name/value pairs, the
// period last under the key "per". A comma inside a count (50,000) stays
// with its count: a piece without "=" continues the one before.
func productPairs(text string) ([][2]string, error) {
	body, per := text, ""
	if i := strings.LastIndex(text, " per "); i >= 0 {
		body, per = text[:i], text[i+len(" per "):]
	}
	var pieces []string
	for _, p := range strings.Split(body, ",") {
		if !strings.Contains(p, "=") && len(pieces) > 0 {
			pieces[len(pieces)-1] += "," + p
			continue
		}
		pieces = append(pieces, p)
	}
	var pairs [][2]string
	for _, p := range pieces {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return nil, &quantity.Error{Text: text, Expected: expectProduct}
		}
		pairs = append(pairs, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	if per != "" {
		pairs = append(pairs, [2]string{"per", strings.TrimSpace(per)})
	}
	return pairs, nil
}

// isFactorName accepts any name the architect chooses, in any
// script and with inner spaces ("Fälle pro Kunde"), as long as the
// editor's text form can hold it: no comma or "=" (they separate the
// factors), no control characters, no leading or trailing space.
func isFactorName(s string) bool {
	return s != "" && utf8.ValidString(s) && strings.TrimSpace(s) == s &&
		!strings.ContainsAny(s, ",=") && !strings.ContainsFunc(s, unicode.IsControl)
}

const expectFactor = "a factor name without commas or = like customers"

// checkFactorName accepts a factor name not among those seen before it,
// and adds it to them.
func checkFactorName(name string, seen map[string]bool) error {
	if !isFactorName(name) || name == "per" {
		return &quantity.Error{Text: name, Expected: expectFactor}
	}
	if seen[name] {
		return fmt.Errorf("factor %q appears twice", quantity.Clip(name))
	}
	seen[name] = true
	return nil
}

// productVolume reads the product form from name/value pairs; "per" is
// the period, every other pair a factor.
func productVolume(pairs [][2]string) (model.Volume, error) {
	var v model.Volume
	perAt := -1
	seen := map[string]bool{}
	for i, p := range pairs {
		name, val := strings.TrimSpace(p[0]), strings.TrimSpace(p[1])
		if name == "per" {
			if perAt >= 0 {
				return model.Volume{}, &partError{index: i, key: true, err: errors.New(`"per" appears twice`)}
			}
			per, err := quantity.ParsePeriod(val)
			if err != nil {
				return model.Volume{}, &partError{index: i, err: err}
			}
			v.Per, perAt = per, i
			continue
		}
		if err := checkFactorName(name, seen); err != nil {
			return model.Volume{}, &partError{index: i, key: true, err: err}
		}
		c, err := quantity.ParseCount(val)
		if err != nil {
			return model.Volume{}, &partError{index: i, err: err}
		}
		v.Factors = append(v.Factors, model.Factor{Name: name, Value: c})
	}
	if len(v.Factors) == 0 {
		return model.Volume{}, errors.New("no factors — expected names with counts like customers: 50k and per: year")
	}
	if perAt < 0 {
		return model.Volume{}, errors.New(`no "per" — expected the period of the product like per: year`)
	}
	return v, nil
}

func checkVolume(v model.Volume) error {
	if len(v.Factors) == 0 {
		if v.Rate == (quantity.Rate{}) {
			return errMissing
		}
		return checkRate(v.Rate, false)
	}
	seen := map[string]bool{}
	for i, f := range v.Factors {
		if err := checkFactorName(f.Name, seen); err != nil {
			return &partError{index: i, key: true, err: err}
		}
		if c := float64(f.Value); !isFiniteNum(c) || c < 0 {
			return &partError{index: i, err: &quantity.Error{Text: quantity.FormatNumber(c), Expected: "a count like 1500, 2.5k, 10M or 1.2B"}}
		}
	}
	if secs := v.Per.Seconds(); !(secs > 0) || !isFiniteNum(secs) || !isFiniteNum(v.Per.N) {
		return &quantity.Error{Text: formatPeriod(v.Per), Expected: "a period like year, month, day, 5m or 1h"}
	}
	return nil
}
