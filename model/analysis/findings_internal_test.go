package analysis

import "testing"

// sorted packs a finding's code rank into 6 bits.
func TestCodeRanksFitSixBits(t *testing.T) {
	if n := len(Codes()); n >= 64 {
		t.Fatalf("%d finding codes: sorted packs their rank into 6 bits", n)
	}
}
