package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyPath is where the host key lives under the data folder. It has a
// folder of its own so that tightening the folder's mode touches nothing
// else.
func HostKeyPath(dataDir string) string {
	return filepath.Join(dataDir, "hostkey", "ssh_host_ed25519_key")
}

// loadOrCreateHostKey returns the server's host key, creating it on the
// first start. A key is never replaced: clients that trusted it once must
// not see a changed key after a restart.
func loadOrCreateHostKey(dataDir string) (gossh.Signer, error) {
	path := HostKeyPath(dataDir)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key folder: %w", err)
	}
	signer, err := readHostKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return signer, err
	}
	if err := createHostKey(path); err != nil {
		return nil, err
	}
	return readHostKey(path)
}

func readHostKey(path string) (gossh.Signer, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("host key %s is not a regular file", path)
	}
	// Anyone who can read the key can impersonate the server. (Windows
	// reports no Unix modes; its ACLs are the operator's to set.)
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("host key %s has mode %04o: it must be readable by its owner only (chmod 600 %s)", path, perm, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, nil
}

// createHostKey writes a new ed25519 key with O_EXCL, so that two servers
// starting at once on the same folder cannot end up with different keys.
func createHostKey(path string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "flowscope host key")
	if err != nil {
		return fmt.Errorf("encode host key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // another start won the race; read its key
	}
	if err != nil {
		return fmt.Errorf("create host key: %w", err)
	}
	if err := pem.Encode(f, block); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write host key: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write host key: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("write host key: %w", err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return err
	}
	// The public half, so that an operator can hand out the fingerprint.
	pub := gossh.MarshalAuthorizedKey(signer.PublicKey())
	return os.WriteFile(path+".pub", pub, 0o644)
}
