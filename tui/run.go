package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// Run runs the explorer on the terminal until the user quits or ctx ends.
// The view asks for the alternate screen and mouse reports itself.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) error {
	all := append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)
	_, err := tea.NewProgram(New(opts), all...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
