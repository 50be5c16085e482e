package uv

import (
	"reflect"
	"testing"
)

// TestSharedKeysTableAsBuilt holds the shared tables to the ones built
// afresh, for each set of settings (so a reader never gets the table of
// other settings).
func TestSharedKeysTableAsBuilt(t *testing.T) {
	for _, flags := range []LegacyKeyEncoding{0, flagCtrlAt, flagCtrlI | flagCtrlM, flagCtrlAt | flagCtrlI | flagCtrlM} {
		for _, term := range []string{"", "xterm-256color", "linux"} {
			for _, ti := range []bool{false, true} {
				got, want := sharedKeysTable(flags, term, ti), buildKeysTable(flags, term, ti)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("flags %v, TERM %q, terminfo %v: the shared table differs from one built afresh", flags, term, ti)
				}
			}
		}
	}
}
