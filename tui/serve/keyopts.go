package serve

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"
)

// keyRule is what the options of one authorized_keys line ask of the
// server, for the options it can enforce (docs/serve.md, "For a team").
type keyRule struct {
	noPty   bool        // no-pty, or restrict without pty: no terminal, so no explorer
	from    []addrMatch // from="…" with addresses and networks only; empty: anywhere
	expires time.Time   // expiry-time="…"; zero: never
}

// addrMatch is one entry of a from= list.
type addrMatch struct {
	prefix netip.Prefix
	negate bool
}

// honouredAlready tells the options that need nothing of a server that
// offers no forwarding, agent, X11, user rc or tunnel: they are honoured
// as they stand.
func honouredAlready(name string) bool {
	switch name {
	case "no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc",
		"port-forwarding", "agent-forwarding", "x11-forwarding", "user-rc",
		"permitopen", "permitlisten", "tunnel", "no-touch-required":
		return true
	}
	return false
}

// parseKeyOptions reads the options of one line. An option the server
// cannot enforce (command=, environment=, principals=, cert-authority,
// verify-required, a from= pattern with wildcards or host names, or one it
// does not know) makes the line unusable: the error names it.
func parseKeyOptions(opts []string) (keyRule, error) {
	var r keyRule
	restrict, pty := false, false
	for _, o := range opts {
		name, value, hasValue := strings.Cut(o, "=")
		name = strings.ToLower(name)
		value = strings.Trim(value, `"`)
		switch {
		case name == "no-pty":
			r.noPty = true
		case name == "restrict":
			restrict = true
		case name == "pty":
			pty = true
		case name == "from" && hasValue:
			m, err := parseFrom(value)
			if err != nil {
				return keyRule{}, err
			}
			r.from = append(r.from, m...)
		case name == "expiry-time" && hasValue:
			t, err := parseExpiry(value)
			if err != nil {
				return keyRule{}, err
			}
			r.expires = t
		case honouredAlready(name):
		default:
			return keyRule{}, fmt.Errorf("option %s is not enforced by this server", name)
		}
	}
	if restrict && !pty {
		r.noPty = true
	}
	return r, nil
}

// parseFrom reads a from= list of addresses and networks, each possibly
// negated with '!'. Host names and wildcards would need matching this
// server does not do.
func parseFrom(list string) ([]addrMatch, error) {
	var out []addrMatch
	for _, e := range strings.Split(list, ",") {
		m := addrMatch{}
		if rest, ok := strings.CutPrefix(e, "!"); ok {
			m.negate, e = true, rest
		}
		if p, err := netip.ParsePrefix(e); err == nil {
			m.prefix = p.Masked()
		} else if a, err := netip.ParseAddr(e); err == nil {
			m.prefix = netip.PrefixFrom(a, a.BitLen())
		} else {
			return nil, fmt.Errorf("from= pattern %q is not an address or network (host names and wildcards are not enforced)", e)
		}
		out = append(out, m)
	}
	return out, nil
}

// parseExpiry reads YYYYMMDD[HHMM[SS]], in local time unless it ends in
// Z, as OpenSSH does.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	for _, layout := range []string{"20060102150405", "200601021504", "20060102"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("expiry-time %q is not YYYYMMDD[HHMM[SS]]", v)
}

// admits reports why a client at addr may not use the key now, or "".
func (r keyRule) admits(addr net.Addr, now time.Time) string {
	if !r.expires.IsZero() && !now.Before(r.expires) {
		return "key expired"
	}
	if len(r.from) == 0 {
		return ""
	}
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return "client address unknown"
	}
	ip, matched := ap.Addr().Unmap(), false
	for _, m := range r.from {
		if m.prefix.Contains(ip) {
			if m.negate {
				return "address not allowed for this key"
			}
			matched = true
		}
	}
	if !matched {
		return "address not allowed for this key"
	}
	return ""
}
