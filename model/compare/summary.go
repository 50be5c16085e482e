package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowscope/flowscope/model/analysis"
	"github.com/flowscope/flowscope/model/figure"
)

// mostSystemPhrases caps the systems the summary names one by one.
const mostSystemPhrases = 3

// Summarize writes the diff in one line, the biggest consequences first:
// "Dataverse saturates in year 2 instead of year 4; +2 Process licences;
// 1 critical finding added".
func Summarize(d Diff) string {
	var parts []string
	systems := yearPhrases(d.Systems, func(s SystemDiff) Pair[*int] { return s.SaturatesYear }, "saturates")
	if len(systems) == 0 {
		systems = yearPhrases(d.Systems, func(s SystemDiff) Pair[*int] { return s.AlertYear }, "reaches the alert level")
	}
	if len(systems) == 0 {
		systems = utilizationPhrase(d)
	}
	if len(systems) == 0 {
		systems = presencePhrases(d.Systems)
	}
	if len(systems) > mostSystemPhrases {
		systems = append(systems[:mostSystemPhrases], plural(len(systems)-mostSystemPhrases, "more system")+" changed")
	}
	parts = append(parts, systems...)
	if n := d.Licences.Delta(); n != 0 {
		parts = append(parts, signed(n)+" Process "+noun(abs(n), "licence"))
	} else if len(d.Licences.Flows) > 0 {
		parts = append(parts, "as many Process licences, on other flows")
	}
	parts = append(parts, findingPhrases(d.Findings)...)
	parts = append(parts, componentPhrases(d.Components)...)
	if d.Cost.A != d.Cost.B && len(d.Components.Added)+len(d.Components.Removed) == 0 {
		parts = append(parts, "cost "+figure.Num(d.Cost.A)+" → "+figure.Num(d.Cost.B))
	}
	if len(parts) == 0 {
		if d.Empty() {
			return "No differences."
		}
		if len(d.Systems) > 0 {
			// Moves below what a percentage shows, or a binding limit alone.
			parts = append(parts, plural(len(d.Systems), "system")+" changed slightly")
		} else {
			parts = append(parts, "same consequences")
		}
		if !d.Structure.Empty() {
			parts = append(parts, plural(d.Structure.Len(), "structure change"))
		}
	}
	s := strings.Join(parts, "; ")
	return capitalize(s) + "."
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// yearPhrases says, per system, how a first year (saturation or alert)
// moved, earliest year in b first.
func yearPhrases(systems []SystemDiff, year func(SystemDiff) Pair[*int], verb string) []string {
	type phrase struct {
		at   int
		text string
	}
	var out []phrase
	for _, s := range systems {
		y := year(s)
		if s.OnlyIn() == "a" || sameYear(y.A, y.B) {
			continue
		}
		switch {
		case s.OnlyIn() == "b" && y.B != nil:
			out = append(out, phrase{*y.B, fmt.Sprintf("new system %s %s in year %d", s.Name, verb, *y.B)})
		case s.OnlyIn() == "b":
		case y.A == nil:
			out = append(out, phrase{*y.B, fmt.Sprintf("%s now %s in year %d", s.Name, verb, *y.B)})
		case y.B == nil:
			out = append(out, phrase{math.MaxInt, fmt.Sprintf("%s no longer %s within the horizon", s.Name, verb)})
		default:
			out = append(out, phrase{*y.B, fmt.Sprintf("%s %s in year %d instead of year %d", s.Name, verb, *y.B, *y.A)})
		}
	}
	slices.SortStableFunc(out, func(x, y phrase) int { return x.at - y.at })
	texts := make([]string, len(out))
	for i, p := range out {
		texts[i] = p.text
	}
	return texts
}

// utilizationPhrase names the system whose utilisation moved most, when
// no first year moved.
func utilizationPhrase(d Diff) []string {
	best, bestYear, bestGap := -1, 0, 0.0
	for i, s := range d.Systems {
		if s.OnlyIn() != "" {
			continue
		}
		for y := range s.Utilization.B {
			if gap := math.Abs(s.Utilization.B[y] - s.Utilization.A[y]); gap > bestGap {
				best, bestYear, bestGap = i, y, gap
			}
		}
	}
	if best < 0 {
		return nil
	}
	s := d.Systems[best]
	a, b := figure.Util(s.Utilization.A[bestYear]), figure.Util(s.Utilization.B[bestYear])
	if a == b {
		return nil // below what a percentage shows
	}
	return []string{fmt.Sprintf("%s at %s instead of %s in year %d", s.Name, b, a, bestYear)}
}

// presencePhrases counts the systems only one side has, when nothing
// else names them.
func presencePhrases(systems []SystemDiff) []string {
	added, removed := 0, 0
	for _, s := range systems {
		switch s.OnlyIn() {
		case "b":
			added++
		case "a":
			removed++
		}
	}
	var out []string
	if added > 0 {
		out = append(out, plural(added, "system")+" added")
	}
	if removed > 0 {
		out = append(out, plural(removed, "system")+" removed")
	}
	return out
}

func findingPhrases(f FindingChanges) []string {
	critical := 0
	for _, x := range f.Added {
		if x.Severity == analysis.SeverityCritical {
			critical++
		}
	}
	var out []string
	if critical > 0 {
		out = append(out, plural(critical, "critical finding")+" added")
	}
	if n := len(f.Added) - critical; n > 0 && critical > 0 {
		out = append(out, plural(n, "other finding")+" added")
	} else if n > 0 {
		out = append(out, plural(n, "finding")+" added")
	}
	if n := len(f.Removed); n > 0 {
		out = append(out, plural(n, "finding")+" cleared")
	}
	if n := len(f.Changed); n > 0 {
		out = append(out, plural(n, "finding")+" changed")
	}
	return out
}

func componentPhrases(c ComponentChanges) []string {
	var out []string
	if len(c.Added) > 0 {
		out = append(out, fmt.Sprintf("+%s (%s)", plural(len(c.Added), "component"), kinds(c.Added)))
	}
	if len(c.Removed) > 0 {
		out = append(out, fmt.Sprintf("−%s (%s)", plural(len(c.Removed), "component"), kinds(c.Removed)))
	}
	return out
}

func kinds(cs []analysis.Component) string {
	var ks []string
	for _, c := range cs {
		if !slices.Contains(ks, c.Kind) {
			ks = append(ks, c.Kind)
		}
	}
	return strings.Join(ks, ", ")
}

// signed writes a count with its sign, minus as in print: +2, −1.
func signed(n int) string {
	if n < 0 {
		return fmt.Sprintf("−%d", -n)
	}
	return fmt.Sprintf("+%d", n)
}

func plural(n int, what string) string { return fmt.Sprintf("%d %s", n, noun(n, what)) }

func noun(n int, what string) string {
	if n == 1 {
		return what
	}
	return what + "s"
}
