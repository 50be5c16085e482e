package serve

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"charm.land/ssh"
)

// TestPtyWriterNewlines holds the carried SSH library's one-pass newline
// translation (third_party/charm-ssh/README.md) to what upstream's two
// replacements write, on random runs of carriage returns, line feeds and
// text, split into random writes.
func TestPtyWriterNewlines(t *testing.T) {
	upstream := func(p []byte) []byte {
		p = bytes.ReplaceAll(p, []byte{'\n'}, []byte{'\r', '\n'})
		return bytes.ReplaceAll(p, []byte{'\r', '\r', '\n'}, []byte{'\r', '\n'})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("\r\n\r\nab\x1b")
	for range 20000 {
		p := make([]byte, rng.IntN(24))
		for i := range p {
			p[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var got, want bytes.Buffer
		w := ssh.NewPtyWriter(&got)
		for rest := p; len(rest) > 0; {
			k := 1 + rng.IntN(len(rest))
			n, err := w.Write(rest[:k])
			if err != nil || n != k {
				t.Fatalf("write of %d bytes: %d, %v", k, n, err)
			}
			want.Write(upstream(rest[:k]))
			rest = rest[k:]
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%q: wrote %q, upstream writes %q", p, got.Bytes(), want.Bytes())
		}
	}
}
