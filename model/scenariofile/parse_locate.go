package scenariofile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flowscope/flowscope/model/quantity"
	"go.yaml.in/yaml/v3"
)

// unknownKey names the key and, when one is close, the likely intended key.
func unknownKey(key, known string) error {
	best, bestD := "", 3
	for _, k := range strings.Split(known, ", ") {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Errorf("unknown key %q — did you mean %s?", quantity.Clip(key), best)
	}
	return fmt.Errorf("unknown key %q — expected one of %s", quantity.Clip(key), known)
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// locate finds the line and column of the value at path, or of the
// nearest enclosing value that exists (a missing key points at its mapping).
func locate(root *yaml.Node, path string) (int, int) {
	best, n := root, root
	for rest := path; rest != "" && n != nil; {
		var next *yaml.Node
		if rest[0] == '[' {
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				break
			}
			i, err := strconv.Atoi(rest[1:j])
			rest = rest[j+1:]
			if err == nil && n.Kind == yaml.SequenceNode && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		} else {
			rest = strings.TrimPrefix(rest, ".")
			j := strings.IndexAny(rest, ".[")
			if j < 0 {
				j = len(rest)
			}
			key := rest[:j]
			rest = rest[j:]
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if k := unalias(n.Content[i]); k != nil && k.Value == key {
					next = n.Content[i+1]
					break
				}
			}
		}
		if next == nil {
			break
		}
		best, n = next, unalias(next)
	}
	return best.Line, best.Column
}

// locateKey is the key's node (or its value's) in a mapping, or n itself.
func locateKey(n *yaml.Node, key string, onKey bool) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode || key == "" {
		return n
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := unalias(n.Content[i]); k != nil && k.Value == key {
			if onKey {
				return n.Content[i]
			}
			return n.Content[i+1]
		}
	}
	return n
}

// unalias follows an alias (aliases never point at aliases).
func unalias(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}
