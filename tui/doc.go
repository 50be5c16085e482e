// Package tui is flowscope's terminal explorer: an editor for a scenario
// beside live views of its analysis (projection, capability,
// recommendation, topology).
//
// The root model (app.go) routes messages and lays the panes out; each
// pane is a type keeping the contract of pane.go and memoising its own
// output; dialogs keep the contract of dialog.go. docs/architecture.md
// writes the contract down.
package tui
