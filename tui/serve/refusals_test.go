package serve

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
)

func TestRefusalLogOneLinePerAddressPerInterval(t *testing.T) {
	var buf syncBuffer
	r := newRefusalLog(log.New(&buf), "connection refused", "connections refused")
	for range 1000 {
		r.refused("10.0.0.1", "too many")
	}
	r.refused("10.0.0.2", "too many")
	if n := strings.Count(buf.String(), "connection refused"); n != 2 {
		t.Fatalf("%d lines for 1001 refusals from two addresses, want 2:\n%s", n, buf.String())
	}
	r.flush(time.Minute)
	if !strings.Contains(buf.String(), "connections refused addr=10.0.0.1 count=999") {
		t.Errorf("no summary with the count:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "connections refused addr=10.0.0.2") {
		t.Errorf("a summary for an address with nothing more to count:\n%s", buf.String())
	}
	// A quiet interval forgets the address; its next refusal is logged at once.
	r.flush(time.Minute)
	r.flush(time.Minute)
	before := strings.Count(buf.String(), "connection refused addr=10.0.0.1")
	r.refused("10.0.0.1", "too many")
	if strings.Count(buf.String(), "connection refused addr=10.0.0.1") != before+1 {
		t.Errorf("the first refusal after a quiet interval was not logged:\n%s", buf.String())
	}
	// Many addresses share one count past the cap.
	for i := range maxLoggedAddrs + 500 {
		r.refused(fmt.Sprintf("10.1.%d.%d", i/250, i%250), "too many")
	}
	if len(r.addrs) > maxLoggedAddrs+1 {
		t.Errorf("tracking %d addresses, cap %d", len(r.addrs), maxLoggedAddrs)
	}
	r.flush(time.Minute)
	if !strings.Contains(buf.String(), "addr=\"(other addresses)\"") {
		t.Errorf("no shared count for addresses past the cap")
	}
}
