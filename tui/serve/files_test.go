package serve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesConfinedToUserFolder(t *testing.T) {
	data := t.TempDir()
	u, err := openUserFiles(data, "key-0011223344556677")
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	dir := filepath.Join(data, "users", "key-0011223344556677")

	// A secret beside the user's folder and one outside the data folder.
	if err := os.WriteFile(filepath.Join(data, "users", "secret.yaml"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "outside.yaml")
	if err := os.WriteFile(outside, []byte("outside"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Links a user could have planted (by an earlier bug, or by hand).
	if err := os.Symlink(outside, filepath.Join(dir, "abs-link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret.yaml", filepath.Join(dir, "rel-link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "dir-link")); err != nil {
		t.Fatal(err)
	}

	bad := []string{
		"../secret.yaml", "a/../../secret.yaml", "/etc/passwd", outside,
		"..", ".", "", "sub/x.yaml", `..\secret.yaml`, "x\x00.yaml",
		strings.Repeat("a", 256), "abs-link.yaml", "rel-link.yaml", "dir-link/outside.yaml",
		".tmp-0123",
	}
	for _, name := range bad {
		if got, err := u.Read(name); err == nil {
			t.Errorf("Read(%q) = %q, want an error", name, got)
		}
		if err := u.Write(name, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", name)
		}
	}
	for _, p := range []string{outside, filepath.Join(data, "users", "secret.yaml")} {
		if b, _ := os.ReadFile(p); string(b) != filepath.Base(strings.TrimSuffix(p, ".yaml")) {
			t.Errorf("%s was changed to %q", p, b)
		}
	}
	if _, err := os.Stat("/etc/passwd.yaml"); err == nil {
		t.Fatal("wrote outside")
	}
	for _, name := range []string{"../secret.yaml", "/etc/passwd"} {
		if err := readErr(u, name); !errors.Is(err, ErrBadName) {
			t.Errorf("Read(%q): want ErrBadName, got %v", name, err)
		}
	}
	// Removing a planted link removes the link, never its target.
	if err := u.Remove("abs-link.yaml"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(outside); err != nil {
		t.Fatalf("link target gone: %v", err)
	}

	// The ordinary path works, atomically and privately.
	if err := u.Write("mine.yaml", []byte("flowscope: 1\n")); err != nil {
		t.Fatal(err)
	}
	if err := u.Write("mine.yaml", []byte("flowscope: 1\nname: two\n")); err != nil {
		t.Fatal(err)
	}
	got, err := u.Read("mine.yaml")
	if err != nil || string(got) != "flowscope: 1\nname: two\n" {
		t.Fatalf("Read = %q, %v", got, err)
	}
	fi, err := os.Stat(filepath.Join(dir, "mine.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %04o, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %04o, want 0700", di.Mode().Perm())
	}
	list, err := u.List("")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Name != "mine.yaml" {
		t.Errorf("List = %+v, want only mine.yaml (no links, no temp files)", list)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
	if err := u.Remove("mine.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := u.Remove("mine.yaml"); err != nil {
		t.Errorf("removing a file already gone: %v", err)
	}
	// Recovery copies stay in the folder and out of the picker.
	rec := u.RecoveryName("case-updates", true)
	if err := u.Write(rec, []byte("x")); err != nil {
		t.Fatalf("recovery copy %q: %v", rec, err)
	}
	if list, _ := u.List(""); len(list) != 0 {
		t.Errorf("recovery copy listed: %+v", list)
	}
}

func readErr(u *userFiles, name string) error {
	_, err := u.Read(name)
	return err
}

func TestFileLimits(t *testing.T) {
	u, err := openUserFiles(t.TempDir(), "user-bob")
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if err := u.Write("big.yaml", make([]byte, maxFileSize+1)); err == nil {
		t.Error("wrote a file over the size limit")
	}
	if _, err := openUserFiles(t.TempDir(), "../escape"); err == nil {
		t.Error("opened a user folder outside users/")
	}
}

func TestFolderNames(t *testing.T) {
	for name, want := range map[string]string{
		"alice":     "alice",
		"../../x":   "x-",
		"a/b":       "ab-",
		"":          "-",
		"Ünïcode":   "ncode-",
		".hidden":   "hidden-",
		"bob.smith": "bob.smith",
	} {
		got := folderName(name)
		if !strings.HasPrefix(got, want) || !filepath.IsLocal(got) || strings.ContainsAny(got, `/\`) {
			t.Errorf("folderName(%q) = %q, want a plain name starting %q", name, got, want)
		}
	}
	if folderName("a/b") == folderName("ab") {
		t.Error("two user names share a folder")
	}
}

// TestCloseWaitsForWritesInFlight: a session ending while the explorer
// saves leaves either the whole file or nothing, never a temp file.
func TestCloseWaitsForWritesInFlight(t *testing.T) {
	data := t.TempDir()
	for i := range 20 {
		u, err := openUserFiles(data, "user-bob")
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("f%d.yaml", i)
		done := make(chan error, 1)
		go func() { done <- u.Write(name, bytes.Repeat([]byte("x"), 64<<10)) }()
		if err := u.Close(); err != nil {
			t.Fatal(err)
		}
		werr := <-done
		_, serr := os.Stat(filepath.Join(data, "users", "user-bob", name))
		if (werr == nil) != (serr == nil) {
			t.Fatalf("write %v, file %v", werr, serr)
		}
		if werr != nil && !errors.Is(werr, errClosed) {
			t.Fatalf("write after close: %v", werr)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(data, "users", "user-bob"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}

// TestSaveAsOutsideFolderRefused drives the explorer's save-as over SSH:
// a name leaving the folder is refused on screen, a plain one is saved in
// the person's folder.
func TestSaveAsOutsideFolderRefused(t *testing.T) {
	key := newKey(t)
	ts := startServer(t, nil, key)
	c := ts.connect(t, "alice", key)
	tm := openTerm(t, c, 120, 36, "")
	tm.waitText("? help")
	saveAs := func(name string) {
		tm.send("\x13") // ctrl+s: a built-in asks for a name
		tm.waitText("Save as")
		tm.send("\x15" + name + "\r") // ctrl+u clears the suggested name
	}
	for _, name := range []string{"../escape", "/tmp/escape", "a/../../escape"} {
		saveAs(name)
		// The dialog closes and the status line says why.
		tm.waitScreen("the refusal", func(s string) bool {
			return strings.Contains(s, "not a plain file name") && !strings.Contains(s, "Save as")
		})
	}
	saveAs("mine")
	tm.waitText("saved mine.yaml")
	matches, _ := filepath.Glob(filepath.Join(ts.dir, "data", "users", "key-*", "mine.yaml"))
	if len(matches) != 1 {
		t.Fatalf("mine.yaml not in the user's folder: %v", matches)
	}
	for _, p := range []string{filepath.Join(ts.dir, "data", "escape.yaml"), filepath.Join(ts.dir, "escape.yaml"), "/tmp/escape.yaml"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

// TestSubfolders: the folders inside a user's folder can be listed,
// read and written in; links to folders, even inside, and names that
// climb out are refused.
func TestSubfolders(t *testing.T) {
	data := t.TempDir()
	u, err := openUserFiles(data, "user-carol")
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	dir := filepath.Join(data, "users", "user-carol")
	if err := os.MkdirAll(filepath.Join(dir, "plans", "q3"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("plans", filepath.Join(dir, "inner-link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"plans/a.yaml", "plans/b.yml", "plans/notes.txt", "top.yaml"} {
		if err := u.Write(name, []byte("flowscope: 1\n")); err != nil {
			t.Fatalf("Write(%q): %v", name, err)
		}
	}
	if got, err := u.Read("plans/b.yml"); err != nil || string(got) != "flowscope: 1\n" {
		t.Errorf("Read(plans/b.yml) = %q, %v", got, err)
	}
	names := func(dir string) string {
		list, err := u.List(dir)
		if err != nil {
			return "error: " + err.Error()
		}
		var out []string
		for _, fi := range list {
			out = append(out, fmt.Sprintf("%s:%v", fi.Name, fi.Dir))
		}
		return strings.Join(out, " ")
	}
	if got, want := names(""), "plans:true top.yaml:false"; got != want {
		t.Errorf("List(\"\") = %s, want %s", got, want)
	}
	if got, want := names("plans"), "plans/q3:true plans/a.yaml:false plans/b.yml:false"; got != want {
		t.Errorf("List(plans) = %s, want %s", got, want)
	}
	for _, bad := range []string{"..", "../user-x", "inner-link", "plans/..", "/etc"} {
		if _, err := u.List(bad); err == nil {
			t.Errorf("List(%q) succeeded", bad)
		}
	}
	for _, bad := range []string{"inner-link/a.yaml", "plans/q3/../../../x.yaml", "missing/x.yaml"} {
		if err := u.Write(bad, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", bad)
		}
		if _, err := u.Read(bad); err == nil {
			t.Errorf("Read(%q) succeeded", bad)
		}
	}
	if rec := u.RecoveryName("plans/a.yaml", false); rec != "plans/.recovery-a.yaml" {
		t.Errorf("the recovery copy of plans/a.yaml is %q, want it beside the file", rec)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "plans"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix) {
			t.Errorf("temp file left behind in plans: %s", e.Name())
		}
	}
}
