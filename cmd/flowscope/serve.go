package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/tui/serve"
)

// shutdownGrace is how long sessions get to end after SIGINT/SIGTERM
// before their connections are dropped.
const shutdownGrace = 10 * time.Second

func newServeCmd() *cobra.Command {
	opts := serve.Options{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the explorer over SSH, with rooms for presenting",
		Long: `Serve the explorer over SSH: every session runs the same explorer as
'flowscope open', sized and coloured for the client's terminal.

  ssh -p 23234 HOST                    a private session on the default scenario
  ssh -t -p 23234 HOST present NAME    open room NAME and edit in it
  ssh -t -p 23234 HOST watch NAME      watch room NAME, read-only, live

Authentication is required: --authorized-keys FILE lets in the public keys
listed in FILE (re-read when it changes); --open lets anyone in and is meant
for demo rooms. With neither, serve refuses to start. Each person (by key
fingerprint, or by SSH user name with --open) gets a private folder under
--data for open and save. The host key is created once under --data.

The server listens on loopback unless --listen says otherwise.`,
		Example: `  flowscope serve --authorized-keys ~/.ssh/authorized_keys
  flowscope serve --listen 0.0.0.0:23234 --authorized-keys team_keys --data /var/lib/flowscope
  flowscope serve --open --max-sessions 60 --idle 2h`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Logger = log.NewWithOptions(cmd.ErrOrStderr(), log.Options{
				ReportTimestamp: true, TimeFormat: time.RFC3339, Prefix: "serve",
			})
			if opts.DataDir == "" {
				opts.DataDir = defaultDataDir()
			}
			serve.TuneRuntime()
			s, err := serve.NewServer(opts)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			served := make(chan error, 1)
			go func() { served <- s.ListenAndServe() }()
			select {
			case err := <-served: // could not listen
				return err
			case <-ctx.Done():
			}
			stop() // a second signal kills at once
			opts.Logger.Info("shutting down", "grace", shutdownGrace.String())
			sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer cancel()
			err = s.Shutdown(sctx)
			if serr := <-served; err == nil && serr != nil && !errors.Is(serr, ssh.ErrServerClosed) {
				err = serr
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Listen, "listen", serve.DefaultListen, "address to listen on (loopback unless you say otherwise)")
	f.StringVar(&opts.DataDir, "data", "", "folder for the host key and the users' folders (default "+defaultDataDir()+")")
	f.StringVar(&opts.AuthorizedKeys, "authorized-keys", "", "authorized_keys file listing the public keys let in")
	f.BoolVar(&opts.Open, "open", false, "let anyone in, named by their SSH user name (demo rooms only)")
	f.IntVar(&opts.MaxSessions, "max-sessions", 50, "sessions at once; the next client is told the server is full")
	f.DurationVar(&opts.Idle, "idle", 30*time.Minute, "close a session after this long without input")
	f.IntVar(&opts.SessionsPerKey, "sessions-per-key", 8, "sessions at once per key (per user name with --open)")
	f.DurationVar(&opts.HandshakeTimeout, "handshake-timeout", 15*time.Second, "time a client has to connect and authenticate")
	cmd.MarkFlagsMutuallyExclusive("authorized-keys", "open")
	return cmd
}

// defaultDataDir follows the XDG base directory convention.
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "flowscope", "serve")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "flowscope", "serve")
	}
	return ""
}
