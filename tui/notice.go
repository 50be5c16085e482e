package tui

// NoticeMsg shows Text in the status line, as a warning: the server uses
// it to say why some input was not taken (a paste over its size cap).
type NoticeMsg struct{ Text string }
