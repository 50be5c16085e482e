package solution

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Limits keep a hostile export from exhausting memory: a zip bomb stops at
// the first file or byte beyond them.
type Limits struct {
	Files     int   // entries in the archive or files in the folder
	FileBytes int64 // uncompressed bytes of one file read
	Bytes     int64 // uncompressed bytes of all files read together
}

// DefaultLimits fit the largest real solutions with room to spare.
func DefaultLimits() Limits { return Limits{Files: 20000, FileBytes: 32 << 20, Bytes: 512 << 20} }

// files is an export read into memory: the files an import needs, by their
// slash-separated path inside the export.
type files struct {
	names []string          // every file of the export, in archive or walk order
	data  map[string][]byte // the contents of the files wanted
}

// wanted says which files an import reads: flow definitions and the
// manifests and metadata that name them. The rest of an export (tables,
// forms, web resources) is listed but never decompressed.
func wanted(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".json"):
		return true
	case strings.HasSuffix(lower, ".data.xml") && strings.Contains(lower, "workflows/"):
		return true
	}
	switch path.Base(lower) {
	case "solution.xml", "customizations.xml":
		return true
	}
	return false
}

// readZip reads an export zip. Entries whose path leaves the archive's
// folder are an error, not skipped: such an archive is built to attack.
func readZip(data []byte, lim Limits) (*files, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a readable zip file: %w", err)
	}
	if len(zr.File) > lim.Files {
		return nil, fmt.Errorf("the archive holds %d entries, more than the %d an export may have", len(zr.File), lim.Files)
	}
	out := &files{data: map[string][]byte{}}
	budget := lim.Bytes
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if !localPath(name) {
			return nil, fmt.Errorf("entry %q: its path leaves the archive's folder", f.Name)
		}
		if strings.HasSuffix(name, "/") {
			continue
		}
		out.names = append(out.names, name)
		if !wanted(name) {
			continue
		}
		if f.UncompressedSize64 > uint64(lim.FileBytes) {
			return nil, fmt.Errorf("%s: %d bytes uncompressed, more than the %d bytes a file may have", name, f.UncompressedSize64, lim.FileBytes)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("entry %q: %w", name, err)
		}
		b, err := readCapped(rc, name, lim.FileBytes, &budget, lim.Bytes)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out.data[name] = b
	}
	return out, nil
}

// localPath accepts a relative path that stays inside its folder.
func localPath(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, ":") {
		return false
	}
	clean := path.Clean(name)
	return clean != ".." && !strings.HasPrefix(clean, "../")
}

// readFolder reads an unpacked export. The folder is opened as a root, so
// a symbolic link cannot lead the import out of it.
func readFolder(dir string, lim Limits) (*files, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys := root.FS()
	out := &files{data: map[string][]byte{}}
	budget := lim.Bytes
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if len(out.names) >= lim.Files {
			return fmt.Errorf("the folder holds more than the %d files an export may have", lim.Files)
		}
		out.names = append(out.names, name)
		if !wanted(name) {
			return nil
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		b, err := readCapped(f, name, lim.FileBytes, &budget, lim.Bytes)
		if err != nil {
			return err
		}
		out.data[name] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readCapped reads one file, failing past the per-file cap or once the
// budget shared by all files is spent.
func readCapped(r io.Reader, name string, fileCap int64, budget *int64, total int64) ([]byte, error) {
	limit := min(fileCap, *budget)
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		if limit == fileCap {
			return nil, fmt.Errorf("%s: larger than the %d bytes a file may have", name, fileCap)
		}
		return nil, fmt.Errorf("%s: the export's files add up to more than %d bytes", name, total)
	}
	*budget -= int64(len(b))
	return b, nil
}
