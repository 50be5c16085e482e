package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/flowscope/flowscope/model"
	"github.com/flowscope/flowscope/model/calibrate"
	"github.com/flowscope/flowscope/model/scenariofile"
)

func newCalibrateCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "calibrate SCENARIO CSV...",
		Short: "Set streams' volumes, growth and seasonality from observed monthly counts",
		Long: `Calibrate reads observed counts and sets, for every stream they name, its
year-0 volume, its growth (log-linear least squares, from 13 months or
more) and its seasonality (12 monthly weights, from 12 months or more);
with fewer months the scenario's own growth and seasonality stay.

A CSV is either plain, with the header stream,month,count (records per
month, month as 2026-03, stream by id, flow id or name), or a request
report of the Power Platform admin center (per flow: Caller ID is the flow
id; non-licensed: Resource ID). Reports count requests, which become
records through each stream's requests per record on its flow.

The scenario file is saved in place, or to -o, keeping its comments,
order and spellings: only the values set change. See docs/import.md.`,
		Example: `  flowscope calibrate landscape.yaml counts.csv
  flowscope calibrate landscape.yaml "Per Flow Licensed Flows.csv" -o calibrated.yaml`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			doc, s, err := scenariofile.LoadDocument(path)
			if err != nil {
				return &fileError{err}
			}
			var tables []*calibrate.Table
			for _, name := range args[1:] {
				t, err := readTable(name)
				if err != nil {
					return &fileError{err}
				}
				tables = append(tables, t)
			}
			result := calibrate.Apply(&s, tables)
			if len(result.Results) == 0 {
				return &fileError{errors.New("no stream matched the data: nothing to calibrate (" + strings.Join(result.Unmatched, ", ") + ")")}
			}
			if out == "" {
				out = path
			}
			if err := saveCalibrated(doc, path, out, s, result.Results); err != nil {
				return &fileError{err}
			}
			printCalibration(e.stdout, result, out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the calibrated scenario to this file (default: in place)")
	return cmd
}

// saveCalibrated writes the calibrated scenario format-preserving: only
// the values set change, and the import's "assumed" comments on the
// volumes set say where they come from now. In place, a file changed
// since it was read is not overwritten.
func saveCalibrated(doc *scenariofile.Document, path, out string, s model.Scenario, results []calibrate.Result) error {
	if err := scenariofile.Validate(s); err != nil {
		return inFile(path, err)
	}
	if out == path {
		if err := doc.ChangedOnDisk(path); err != nil {
			return err
		}
	}
	data, err := doc.Render(s)
	if err != nil {
		return err
	}
	return scenariofile.WriteFileAtomic(out, calibrate.Restamp(data, results))
}

func readTable(name string) (*calibrate.Table, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return calibrate.ReadCSV(name, f)
}

// printCalibration says, per stream, what was set from how many months
// with which fit and how well it holds.
func printCalibration(w io.Writer, o calibrate.Outcome, path string) {
	if len(o.Results) == 1 {
		fmt.Fprintln(w, "calibrated 1 stream:")
	} else {
		fmt.Fprintf(w, "calibrated %d streams:\n", len(o.Results))
	}
	for _, r := range o.Results {
		f := r.Fit
		fmt.Fprintf(w, "  %s (by %s, %d months to %s from %s)\n", r.Stream, r.By, f.Months, f.Last, strings.Join(r.Files, ", "))
		fmt.Fprintf(w, "    set %s\n", strings.Join(r.Set, "; "))
		if len(r.Kept) > 0 {
			fmt.Fprintf(w, "    kept %s\n", strings.Join(r.Kept, "; "))
		}
		if f.Months > f.Zero {
			fmt.Fprintf(w, "    fit: %s; mean absolute percentage error %.1f%%, largest deviation %.1f%% in %s\n",
				f.Method, f.MAPE*100, f.MaxDev*100, f.MaxDevAt)
		}
		if f.Zero > 0 {
			fmt.Fprintf(w, "    %d months at 0 left out of the fit\n", f.Zero)
		}
	}
	if len(o.NoData) > 0 {
		fmt.Fprintf(w, "no data, left alone: %s\n", strings.Join(o.NoData, ", "))
	}
	if len(o.Unmatched) > 0 {
		fmt.Fprintf(w, "matched no stream: %s\n", strings.Join(o.Unmatched, ", "))
	}
	fmt.Fprintf(w, "saved %s (only the values set changed)\n", path)
}
