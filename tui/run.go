package tui

import (
	"context"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
)

// Run runs the explorer on the terminal until the user quits or ctx ends.
// The view asks for the alternate screen and mouse reports itself.
// A local session remembers the theme in the user's config folder.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) error {
	if opts.ConfigDir == "" && opts.Files == nil {
		if dir, err := os.UserConfigDir(); err == nil {
			opts.ConfigDir = filepath.Join(dir, "flowscope")
		}
	}
	if opts.Theme == "" {
		opts.Theme = readTheme(opts.ConfigDir)
	}
	all := append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)
	_, err := tea.NewProgram(New(opts), all...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
