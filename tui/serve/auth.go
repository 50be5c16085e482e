package serve

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// maxAuthorizedKeysSize bounds what one re-read may cost.
const maxAuthorizedKeysSize = 1 << 20

// keyring is the set of public keys allowed in, read from an
// authorized_keys file and read again whenever the file changes, so that
// adding or removing a colleague needs no restart.
type keyring struct {
	path string
	log  *log.Logger

	mu    sync.Mutex
	stamp fileStamp
	keys  map[string]keyRule // by SHA256 fingerprint
}

// fileStamp tells whether a file changed since it was last read: another
// file put in its place (as editors save), another size or time.
type fileStamp struct {
	fi os.FileInfo
}

func (a fileStamp) same(b os.FileInfo) bool {
	return a.fi != nil && os.SameFile(a.fi, b) && a.fi.Size() == b.Size() && a.fi.ModTime().Equal(b.ModTime())
}

func newKeyring(path string, logger *log.Logger) (*keyring, error) {
	k := &keyring{path: path, log: logger}
	if err := k.reload(true); err != nil {
		return nil, err
	}
	if len(k.keys) == 0 {
		logger.Warn("authorized keys file lists no usable key: nobody can log in until one is added", "path", path)
	}
	return k, nil
}

// reload re-reads the file if it changed. A file that cannot be read
// leaves nobody allowed in (fail closed); a line that cannot be parsed is
// skipped with a warning, since it cannot grant access to anyone.
func (k *keyring) reload(first bool) error {
	fi, err := os.Stat(k.path)
	if err != nil {
		return k.fail(first, fmt.Errorf("authorized keys: %w", err))
	}
	k.mu.Lock()
	same := !first && k.stamp.same(fi)
	k.mu.Unlock()
	if same {
		return nil
	}
	if fi.Size() > maxAuthorizedKeysSize {
		return k.fail(first, fmt.Errorf("authorized keys file %s is larger than %d bytes", k.path, maxAuthorizedKeysSize))
	}
	data, err := os.ReadFile(k.path)
	if err != nil {
		return k.fail(first, fmt.Errorf("authorized keys: %w", err))
	}
	keys := k.parse(data)
	k.mu.Lock()
	k.keys, k.stamp = keys, fileStamp{fi}
	k.mu.Unlock()
	if !first {
		k.log.Info("authorized keys reloaded", "path", k.path, "keys", len(keys))
	}
	return nil
}

// fail leaves nobody allowed in; after the first read it says so in the
// log, since the server keeps running.
func (k *keyring) fail(first bool, err error) error {
	k.mu.Lock()
	k.keys, k.stamp = nil, fileStamp{}
	k.mu.Unlock()
	if !first {
		k.log.Warn("authorized keys file unusable: refusing every key", "path", k.path, "err", err)
	}
	return err
}

func (k *keyring) parse(data []byte) map[string]keyRule {
	keys := map[string]keyRule{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 16<<10), maxAuthorizedKeysSize)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		pub, _, opts, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			k.log.Warn("authorized keys: skipping a line that is not a public key", "path", k.path, "line", n)
			continue
		}
		rule, err := parseKeyOptions(opts)
		if err != nil {
			k.log.Warn("authorized keys: skipping a key whose options cannot be enforced", "path", k.path, "line", n, "err", err)
			continue
		}
		keys[gossh.FingerprintSHA256(pub)] = rule
	}
	return keys
}

// lookup returns the rule of a listed key, re-reading the file first if
// it changed.
func (k *keyring) lookup(key gossh.PublicKey) (keyRule, bool) {
	if _, isCert := key.(*gossh.Certificate); isCert {
		return keyRule{}, false // certificates are not supported; only listed keys
	}
	_ = k.reload(false)
	fp := gossh.FingerprintSHA256(key)
	k.mu.Lock()
	defer k.mu.Unlock()
	r, ok := k.keys[fp]
	return r, ok
}

// identity names the person behind a session: a key fingerprint when keys
// are required, the SSH user name in open mode. folder is the name of the
// person's folder under DATA/users.
type identity struct {
	display string // for logs and rooms: a fingerprint or "user NAME"
	folder  string
}

// identify reads identity only from what the server verified: the key the
// client proved it holds, never the user name the client typed (unless the
// server runs open, where nothing is verified anyway).
func identify(s ssh.Session, open bool) (identity, bool) {
	if key := s.PublicKey(); key != nil && !open {
		sum := sha256.Sum256(key.Marshal())
		return identity{
			display: gossh.FingerprintSHA256(key),
			folder:  "key-" + hex.EncodeToString(sum[:8]),
		}, true
	}
	if !open {
		return identity{}, false
	}
	name := s.User()
	return identity{display: "user " + safeName(name, 32), folder: "user-" + folderName(name)}, true
}

// folderName turns a client-chosen user name into a safe folder name: the
// name itself when it is plain, otherwise its plain part plus a hash, so
// that two different names never share a folder.
func folderName(name string) string {
	plain := safeName(name, 32)
	if plain == name && plain != "" {
		return plain
	}
	sum := sha256.Sum256([]byte(name))
	return plain + "-" + hex.EncodeToString(sum[:6])
}

// safeName keeps letters, digits, '-', '_' and '.', not leading, up to max
// bytes.
func safeName(s string, max int) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= max {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '.' && b.Len() > 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
