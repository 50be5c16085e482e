package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Exit codes (README.md, "Commands").
const (
	exitOK      = 0
	exitBadFile = 1
	exitUsage   = 2
	exitGate    = 3 // a --fail-on rule failed
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); without
// it the module version from the build info is used.
var version = ""

// env is what every command reads from and writes to, so that tests can
// run the whole CLI in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// subcommands builds the root's subcommands.
var subcommands = []func(*env) *cobra.Command{
	newOpenCmd,
	newAnalyzeCmd,
	newScenariosCmd,
	newDiagramCmd,
	newSetCmd,
	newDiffCmd,
	newImportCmd,
	newCalibrateCmd,
	func(*env) *cobra.Command { return newServeCmd() },
}

// fileError marks a failure to read or understand a scenario file, which
// exits with exitBadFile; every other error is a usage error.
type fileError struct{ err error }

func (e *fileError) Error() string { return e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ge *gateError
	if errors.As(err, &ge) {
		fmt.Fprintf(stderr, "flowscope: %v\n", ge)
		return exitGate
	}
	var fe *fileError
	if errors.As(err, &fe) {
		fmt.Fprintln(stderr, fe.err)
		return exitBadFile
	}
	fmt.Fprintf(stderr, "flowscope: %v\nRun 'flowscope --help' for usage.\n", err)
	return exitUsage
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "flowscope [FILE|NAME]",
		Short: "Explore integration architectures",
		Long: `flowscope explores integration architectures: the systems of a landscape
and the data streams between them. It projects how each stream's load grows
over the planning horizon, finds the weakest link of every chain and the
year it gives out, names the integration pattern that fits and the extra
components (cache, queue, gateway, custom code) worth their cost.

Without a command it opens FILE|NAME, or the built-in default scenario,
in the explorer.`,
		Version:       buildVersion(),
		Args:          cobra.MaximumNArgs(1),
		SilenceErrors: true, // run prints errors, with the right exit code
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return openExplorer(cmd.Context(), e, firstArg(args))
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetVersionTemplate("flowscope {{.Version}}\n")
	for _, sub := range subcommands {
		root.AddCommand(sub(e))
	}
	return root
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
